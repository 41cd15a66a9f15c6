#pragma once

#include "common/result.h"

#include <QString>
#include <QStringView>

namespace wxpay {

// An amount of money: integer minor units (fen for CNY, cents for HKD) plus an ISO 4217 currency.
// Never negative. Floating point never touches an amount.
class Money
{
public:
    // WeChat Pay carries amounts as 32-bit integers of minor units.
    static constexpr qint64 kMaxMinorUnits = 2147483647;

    Money() = default; // the invalid amount (no currency)

    static Result<Money> fromMinor(qint64 minorUnits, const QString& currency);
    // Strict decimal parse: "12.34", "12.3", "12", "0.01" for a 2-decimal currency. Rejects signs,
    // spaces, separators, exponents, more decimals than the currency has and values over kMaxMinorUnits.
    static Result<Money> parse(QStringView text, const QString& currency);

    static bool isValidCurrency(QStringView currency); // three upper-case ASCII letters
    static int exponent(QStringView currency); // ISO 4217 minor-unit digits (2 unless listed)

    bool isValid() const { return !m_currency.isEmpty(); }
    bool isZero() const { return m_minor == 0; }
    qint64 minorUnits() const { return m_minor; }
    const QString& currency() const { return m_currency; }

    QString toString() const; // "12.34"
    QString toStringWithCurrency() const; // "12.34 CNY"

    // Same-currency arithmetic; a currency mismatch, a negative result or an overflow is an Input error.
    Result<Money> plus(const Money& other) const;
    Result<Money> minus(const Money& other) const;

    friend bool operator==(const Money&, const Money&) = default;

private:
    Money(qint64 minor, QString currency) : m_minor(minor), m_currency(std::move(currency)) { }

    qint64 m_minor = 0;
    QString m_currency;
};

} // namespace wxpay
