#pragma once

// JSON forms shared by the simulator's state file: times as ISO 8601 UTC, money as {"amount", "currency"}.

#include "common/money.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>

namespace wxpay::sim::json {

QJsonValue fromTime(const QDateTime& time); // null for an invalid time
QDateTime toTime(const QJsonValue& value); // invalid for null or garbage
QJsonValue fromMoney(const Money& money); // null for an invalid amount
Result<Money> toMoney(const QJsonValue& value);
Error stateError(const QString& message); // Input SIM_STATE_INVALID

} // namespace wxpay::sim::json
