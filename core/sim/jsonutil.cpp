#include "sim/jsonutil.h"

namespace wxpay::sim::json {

QJsonValue fromTime(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime toTime(const QJsonValue& value)
{
    if (!value.isString())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QJsonValue fromMoney(const Money& money)
{
    if (!money.isValid())
        return {};
    QJsonObject json;
    json.insert(QStringLiteral("amount"), money.minorUnits());
    json.insert(QStringLiteral("currency"), money.currency());
    return json;
}

Result<Money> toMoney(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined())
        return Money();
    const QJsonObject json = value.toObject();
    const QJsonValue amount = json.value(QStringLiteral("amount"));
    if (!amount.isDouble())
        return stateError(QStringLiteral("an amount is not a number"));
    return Money::fromMinor(amount.toInteger(), json.value(QStringLiteral("currency")).toString());
}

Error stateError(const QString& message)
{
    return Error::input(QStringLiteral("SIM_STATE_INVALID"), message);
}

} // namespace wxpay::sim::json
