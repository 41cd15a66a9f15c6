#include "storage/sqlutil.h"

#include "storage/log.h"

#include <QStringBuilder>

namespace wxpay::storage::detail {

namespace {

// SQLite's extended result codes, as the QSQLITE driver reports them in nativeErrorCode().
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteConstraint = 19;
constexpr int kConstraintForeignKey = 787;
constexpr int kConstraintPrimaryKey = 1555;
constexpr int kConstraintUnique = 2067;

} // namespace

Error sqlError(const QString& code, const QString& what, const QSqlError& error)
{
    bool numeric = false;
    const int native = error.nativeErrorCode().toInt(&numeric);
    QString mapped = code;
    if (numeric) {
        if (native == kConstraintUnique || native == kConstraintPrimaryKey)
            mapped = QStringLiteral("DUPLICATE");
        else if (native == kConstraintForeignKey)
            mapped = QStringLiteral("FOREIGN_KEY");
        else if ((native & 0xff) == kSqliteConstraint)
            mapped = QStringLiteral("CONSTRAINT");
        else if ((native & 0xff) == kSqliteBusy || (native & 0xff) == kSqliteLocked)
            mapped = QStringLiteral("BUSY");
    }
    Error result = Error::storage(mapped, what % u": " % error.text());
    result.detail = error.nativeErrorCode();
    qCDebug(lcStorage) << "statement failed:" << result.toString();
    return result;
}

Status exec(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return sqlError(QStringLiteral("QUERY_FAILED"), sql.section(u' ', 0, 2), query.lastError());
    return {};
}

Result<QSqlQuery> prepare(const QSqlDatabase& db, const QString& sql, const QVariantList& values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(QStringLiteral("QUERY_FAILED"), QStringLiteral("prepare"), query.lastError());
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant& value = values.at(i);
        // The driver binds a null QString as SQL NULL; an empty text column gets '' unless NULL was asked for
        // (a null QVariant, see textOrNull()).
        if (!value.isNull() && value.metaType() == QMetaType::fromType<QString>() && value.toString().isNull())
            query.bindValue(static_cast<int>(i), QStringLiteral(""));
        else
            query.bindValue(static_cast<int>(i), value);
    }
    return query;
}

Status run(QSqlQuery& query, const QString& what)
{
    if (!query.exec())
        return sqlError(QStringLiteral("QUERY_FAILED"), what, query.lastError());
    return {};
}

QVariant toDb(const QDateTime& time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<qint64>());
    return time.toMSecsSinceEpoch();
}

QDateTime timeFromDb(const QVariant& value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant textOrNull(const QString& text)
{
    if (text.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    return text;
}

} // namespace wxpay::storage::detail
