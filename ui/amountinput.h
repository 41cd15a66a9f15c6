#pragma once

// What a cashier types into an amount field, turned into Money. Money::parse is strict ("12.50"); cashiers type
// "¥12.5", "１２.５" (a Chinese input method in full-width mode), "12。5", " 12 元". These pure functions bridge
// the two and name what is wrong in words a cashier understands.

#include "common/money.h"
#include "common/result.h"

#include <QString>
#include <QStringView>

namespace wxpay::ui {

// Full-width digits and points to ASCII, white space (also the ideographic space) dropped, and one currency
// marker that fits `currency` dropped from the front or the back ("¥", "￥", "RMB", "元" for CNY; "HK$", "$",
// "港元" for HKD; the ISO code for any currency). A trailing point is dropped ("12." is 12) and a leading one
// gets its zero (".5" is 0.5). What is left is handed to Money::parse unchanged.
QString normaliseAmountText(QStringView text, const QString& currency);

// Input error codes: AMOUNT_EMPTY (nothing typed), AMOUNT_FORMAT (not an amount), AMOUNT_NOT_POSITIVE (zero or
// negative), AMOUNT_PRECISION (more decimals than the currency has), AMOUNT_TOO_LARGE; CURRENCY_INVALID for a bad
// `currency`.
Result<Money> parseAmountInput(QStringView text, const QString& currency);

// True for the problems that more typing can still fix (nothing typed yet, "0" on the way to "0.50"): a field
// shows these only when the cashier tries to submit.
bool isIntermediateAmountProblem(const Error& error);

// The sentence shown next to the field for an error of parseAmountInput().
QString amountProblemText(const Error& error, const QString& currency);

} // namespace wxpay::ui
