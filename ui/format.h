#pragma once

// How amounts and times read on screen. Pure functions, unit-tested.

#include "common/money.h"

#include <QString>

namespace wxpay::ui {

// "¥12.50" for CNY, "HK$12.50" for HKD, "12.50 USD" for any other currency; empty for an invalid Money.
QString formatMoney(const Money& amount);

// The time left before a deadline as a cashier reads it: "4:59", "0:07", "1:02:03". Negative counts as 0.
QString formatCountdown(qint64 seconds);

} // namespace wxpay::ui
