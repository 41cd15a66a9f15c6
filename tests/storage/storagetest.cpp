#include "storagetest.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringBuilder>

#include <atomic>

namespace wxpay::test {

namespace {
std::atomic<int> s_rawCounter { 0 };

bool isTriggerStatement(const QString& code)
{
    static const QRegularExpression trigger(
        QStringLiteral(R"(^\s*CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b)"), QRegularExpression::CaseInsensitiveOption);
    return trigger.match(code).hasMatch();
}

bool endsWithEnd(const QString& code)
{
    static const QRegularExpression end(QStringLiteral(R"(\bEND\s*$)"), QRegularExpression::CaseInsensitiveOption);
    return end.match(code).hasMatch();
}
} // namespace

RawConnection::RawConnection(const QString& path) : m_name(u"storage-test-raw-" % QString::number(++s_rawCounter))
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    m_db.open();
}

RawConnection::~RawConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Result<QVariant> RawConnection::scalar(const QString& sql) const
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return Error::storage(query.lastError().nativeErrorCode(), query.lastError().text());
    return query.next() ? query.value(0) : QVariant();
}

Status RawConnection::execScript(const QString& script) const
{
    for (const QString& statement : splitSqlScript(script)) {
        QSqlQuery query(m_db);
        if (!query.exec(statement))
            return Error::storage(query.lastError().nativeErrorCode(), statement % u": " % query.lastError().text());
    }
    return {};
}

QStringList RawConnection::rows(const QString& sql) const
{
    QSqlQuery query(m_db);
    QStringList result;
    if (!query.exec(sql))
        return { u"ERROR " % query.lastError().text() };
    while (query.next()) {
        QStringList columns;
        for (int i = 0; i < query.record().count(); ++i)
            columns << query.value(i).toString();
        result << columns.join(u'|');
    }
    return result;
}

QStringList splitSqlScript(const QString& script)
{
    enum class State
    {
        Code,
        SingleQuote,
        DoubleQuote,
        LineComment,
        BlockComment
    };
    State state = State::Code;
    QStringList statements;
    QString code; // the current statement without comments
    for (qsizetype i = 0; i < script.size(); ++i) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < script.size() ? script.at(i + 1) : QChar();
        switch (state) {
        case State::Code:
            if (c == u'-' && next == u'-') {
                state = State::LineComment;
                ++i;
            } else if (c == u'/' && next == u'*') {
                state = State::BlockComment;
                ++i;
            } else if (c == u';' && !(isTriggerStatement(code) && !endsWithEnd(code))) {
                if (!code.trimmed().isEmpty())
                    statements << code.trimmed();
                code.clear();
            } else {
                if (c == u'\'')
                    state = State::SingleQuote;
                else if (c == u'"')
                    state = State::DoubleQuote;
                code += c;
            }
            break;
        case State::SingleQuote:
            code += c;
            if (c == u'\'')
                state = State::Code; // a doubled quote re-enters the string on the next character
            break;
        case State::DoubleQuote:
            code += c;
            if (c == u'"')
                state = State::Code;
            break;
        case State::LineComment:
            if (c == u'\n') {
                state = State::Code;
                code += c;
            }
            break;
        case State::BlockComment:
            if (c == u'*' && next == u'/') {
                state = State::Code;
                code += u' ';
                ++i;
            }
            break;
        }
    }
    if (!code.trimmed().isEmpty())
        statements << code.trimmed();
    return statements;
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

storage::OrderRecord sampleOrder(
    const QString& profileId, const QString& outTradeNo, qint64 amountMinor, const QDateTime& createdAt)
{
    storage::OrderRecord order;
    order.profileId = profileId;
    order.family = ApiFamily::V3;
    order.outTradeNo = outTradeNo;
    order.amount = Money::fromMinor(amountMinor, QStringLiteral("CNY")).value();
    order.tradeType = QStringLiteral("NATIVE");
    order.state = TradeState::NotPay;
    order.createdAt = createdAt;
    order.cashier = QStringLiteral("cashier-1");
    order.description = QStringLiteral("test order");
    return order;
}

} // namespace wxpay::test
