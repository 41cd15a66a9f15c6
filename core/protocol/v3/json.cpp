#include "protocol/v3/json.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QRegularExpression>

#include <cmath>

namespace wxpay::protocol::v3 {

namespace {

constexpr int kChinaOffsetSecs = 8 * 3600;

std::optional<ExchangeRate> exchangeRate(JsonReader& reader, const QJsonObject& amount)
{
    if (!amount.contains(QLatin1String("exchange_rate")))
        return std::nullopt;
    const QJsonObject rate = reader.object(amount, QLatin1String("exchange_rate"));
    ExchangeRate result;
    result.type = reader.string(rate, QLatin1String("type"));
    result.rate = reader.integer(rate, QLatin1String("rate"), true).value_or(0);
    return result;
}

} // namespace

QByteArray compactJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString wireTime(const QDateTime& time)
{
    return time.toOffsetFromUtc(kChinaOffsetSecs).toString(Qt::ISODate);
}

QDateTime parseWireTime(QStringView text)
{
    // Qt would read a time without an offset as local time; WeChat always sends one.
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$)"));
    const QString string = text.toString();
    if (!pattern.match(string).hasMatch())
        return {};
    const QDateTime parsed = QDateTime::fromString(string, Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

JsonReader::JsonReader(QString requestId) : m_requestId(std::move(requestId))
{ }

void JsonReader::fail(const QString& code, const QString& message)
{
    if (!m_error)
        m_error = Error::protocol(code, message, m_requestId);
}

QString JsonReader::string(const QJsonObject& object, QLatin1String key, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(QStringLiteral("FIELD_MISSING"), u"the reply has no " + key);
        return {};
    }
    if (!value.isString()) {
        fail(QStringLiteral("FIELD_INVALID"), key + u" is not a string");
        return {};
    }
    const QString text = value.toString();
    if (required && text.isEmpty())
        fail(QStringLiteral("FIELD_MISSING"), key + u" is empty");
    return text;
}

QJsonObject JsonReader::object(const QJsonObject& object, QLatin1String key, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(QStringLiteral("FIELD_MISSING"), u"the reply has no " + key);
        return {};
    }
    if (!value.isObject()) {
        fail(QStringLiteral("FIELD_INVALID"), key + u" is not an object");
        return {};
    }
    return value.toObject();
}

std::optional<qint64> JsonReader::integer(const QJsonObject& object, QLatin1String key, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(QStringLiteral("FIELD_MISSING"), u"the reply has no " + key);
        return std::nullopt;
    }
    const double number = value.toDouble();
    // 2^53: beyond it a JSON number is no longer an exact integer.
    if (!value.isDouble() || std::floor(number) != number || std::fabs(number) > 9007199254740992.0) {
        fail(QStringLiteral("FIELD_INVALID"), key + u" is not an integer");
        return std::nullopt;
    }
    return value.toInteger();
}

std::optional<qint64> JsonReader::amount(const QJsonObject& object, QLatin1String key, bool required)
{
    const auto value = integer(object, key, required);
    if (value && (*value < 0 || *value > Money::kMaxMinorUnits)) {
        fail(QStringLiteral("FIELD_INVALID"), key + u" is out of range");
        return std::nullopt;
    }
    return value;
}

QDateTime JsonReader::time(const QJsonObject& object, QLatin1String key, bool required)
{
    const QString text = string(object, key, required);
    if (text.isEmpty())
        return {};
    const QDateTime parsed = parseWireTime(text);
    if (!parsed.isValid())
        fail(QStringLiteral("FIELD_INVALID"), key + u" is not an RFC 3339 time");
    return parsed;
}

Money JsonReader::money(qint64 minor, const QString& currency)
{
    auto money = Money::fromMinor(minor, currency);
    if (!money) {
        fail(QStringLiteral("FIELD_INVALID"), u"amount: " + money.error().message);
        return {};
    }
    return std::move(money).value();
}

Result<Transaction> transactionFromJson(const QJsonObject& object, const Dialect& dialect, const QString& requestId)
{
    JsonReader reader(requestId);
    Transaction t;
    t.outTradeNo = reader.string(object, QLatin1String("out_trade_no"), true);
    t.transactionId = reader.string(object, dialect.transactionId);
    const QString state = reader.string(object, QLatin1String("trade_state"), true);
    t.state = tradeStateFromName(state);
    t.stateDescription = reader.string(object, QLatin1String("trade_state_desc"));
    t.tradeType = reader.string(object, QLatin1String("trade_type"));
    t.bankType = reader.string(object, QLatin1String("bank_type"));
    t.attach = reader.string(object, QLatin1String("attach"));
    t.successTime = reader.time(object, QLatin1String("success_time"));

    // Direct merchants get payer.openid; service providers sub_openid and/or sp_openid.
    const QJsonObject payer = reader.object(object, QLatin1String("payer"));
    for (const char* key : { "openid", "sub_openid", "sp_openid" }) {
        if (t.openid.isEmpty())
            t.openid = reader.string(payer, QLatin1String(key));
    }

    if (object.contains(QLatin1String("amount"))) {
        const QJsonObject amount = reader.object(object, QLatin1String("amount"));
        QString currency = reader.string(amount, QLatin1String("currency"));
        if (currency.isEmpty())
            currency = dialect.defaultCurrency;
        if (const auto total = reader.amount(amount, QLatin1String("total"), true))
            t.total = reader.money(*total, currency);
        if (const auto payerTotal = reader.amount(amount, QLatin1String("payer_total"))) {
            QString payerCurrency = reader.string(amount, QLatin1String("payer_currency"));
            t.payerTotal = reader.money(*payerTotal, payerCurrency.isEmpty() ? currency : payerCurrency);
        }
        t.exchangeRate = exchangeRate(reader, amount);
    }
    if (!reader.ok())
        return reader.error();
    return t;
}

Result<Refund> refundFromJson(const QJsonObject& object, const Dialect& dialect, const QString& requestId)
{
    JsonReader reader(requestId);
    Refund r;
    r.refundId = reader.string(object, dialect.refundId, true);
    r.outRefundNo = reader.string(object, QLatin1String("out_refund_no"), true);
    r.transactionId = reader.string(object, QLatin1String("transaction_id"));
    r.outTradeNo = reader.string(object, QLatin1String("out_trade_no"));
    r.status = refundStatusFromName(reader.string(object, QLatin1String("status")));
    r.channel = reader.string(object, QLatin1String("channel"));
    r.receivedAccount = reader.string(object, dialect.receivedAccount);
    r.createTime = reader.time(object, QLatin1String("create_time"));
    r.successTime = reader.time(object, QLatin1String("success_time"));

    const QJsonObject amount = reader.object(object, QLatin1String("amount"), true);
    QString currency = reader.string(amount, QLatin1String("currency"));
    if (currency.isEmpty())
        currency = dialect.defaultCurrency;
    if (const auto refund = reader.amount(amount, QLatin1String("refund"), true))
        r.refund = reader.money(*refund, currency);
    if (const auto total = reader.amount(amount, QLatin1String("total")))
        r.total = reader.money(*total, currency);
    if (const auto payerRefund = reader.amount(amount, QLatin1String("payer_refund"))) {
        const QString payerCurrency = reader.string(amount, QLatin1String("payer_currency"));
        r.payerRefund = reader.money(*payerRefund, payerCurrency.isEmpty() ? currency : payerCurrency);
    }
    r.exchangeRate = exchangeRate(reader, amount);
    if (!reader.ok())
        return reader.error();
    return r;
}

} // namespace wxpay::protocol::v3
