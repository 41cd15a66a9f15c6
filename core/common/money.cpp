#include "common/money.h"

#include <QStringBuilder>

#include <array>

namespace wxpay {

namespace {

constexpr std::array kZeroDecimal { u"BIF", u"CLP", u"DJF", u"GNF", u"ISK", u"JPY", u"KMF", u"KRW", u"PYG", u"RWF",
    u"UGX", u"UYI", u"VND", u"VUV", u"XAF", u"XOF", u"XPF" };
constexpr std::array kThreeDecimal { u"BHD", u"IQD", u"JOD", u"KWD", u"LYD", u"OMR", u"TND" };

template<std::size_t N> bool listed(const std::array<const char16_t*, N>& list, QStringView currency)
{
    for (const char16_t* code : list) {
        if (currency == QStringView(code))
            return true;
    }
    return false;
}

Error currencyError(QStringView currency)
{
    return Error::input(
        QStringLiteral("CURRENCY_INVALID"), u"not an ISO 4217 currency code: \"" % currency.toString() % u'"');
}

} // namespace

bool Money::isValidCurrency(QStringView currency)
{
    if (currency.size() != 3)
        return false;
    for (QChar c : currency) {
        if (c < u'A' || c > u'Z')
            return false;
    }
    return true;
}

int Money::exponent(QStringView currency)
{
    if (listed(kZeroDecimal, currency))
        return 0;
    if (listed(kThreeDecimal, currency))
        return 3;
    return 2;
}

Result<Money> Money::fromMinor(qint64 minorUnits, const QString& currency)
{
    if (!isValidCurrency(currency))
        return currencyError(currency);
    if (minorUnits < 0)
        return Error::input(QStringLiteral("AMOUNT_NEGATIVE"), QStringLiteral("amount is negative"));
    if (minorUnits > kMaxMinorUnits)
        return Error::input(QStringLiteral("AMOUNT_TOO_LARGE"), QStringLiteral("amount is too large"));
    return Money(minorUnits, currency);
}

Result<Money> Money::parse(QStringView text, const QString& currency)
{
    if (!isValidCurrency(currency))
        return currencyError(currency);
    if (text.isEmpty())
        return Error::input(QStringLiteral("AMOUNT_EMPTY"), QStringLiteral("no amount given"));
    if (text.startsWith(u'-'))
        return Error::input(QStringLiteral("AMOUNT_NEGATIVE"), QStringLiteral("amount is negative"));

    const int digits = exponent(currency);
    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? text : text.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : text.mid(dot + 1);

    auto allDigits = [](QStringView part) {
        for (QChar c : part) {
            if (c < u'0' || c > u'9')
                return false;
        }
        return true;
    };
    if (whole.isEmpty() || !allDigits(whole) || !allDigits(fraction) || (dot >= 0 && fraction.isEmpty()))
        return Error::input(QStringLiteral("AMOUNT_FORMAT"), u"not an amount: \"" % text.toString() % u'"');
    if (fraction.size() > digits) {
        return Error::input(QStringLiteral("AMOUNT_PRECISION"),
            QStringLiteral("%1 has at most %2 decimal places").arg(currency).arg(digits));
    }

    const auto tooLarge = Error::input(QStringLiteral("AMOUNT_TOO_LARGE"), QStringLiteral("amount is too large"));
    qint64 minor = 0;
    auto accumulate = [&](QChar c) {
        minor = minor * 10 + (c.unicode() - u'0');
        return minor <= kMaxMinorUnits;
    };
    for (QChar c : whole) {
        if (!accumulate(c))
            return tooLarge;
    }
    for (int i = 0; i < digits; ++i) {
        if (!accumulate(i < fraction.size() ? fraction.at(i) : QChar(u'0')))
            return tooLarge;
    }
    return Money(minor, currency);
}

QString Money::toString() const
{
    const int digits = exponent(m_currency);
    if (digits == 0)
        return QString::number(m_minor);
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    return QString::number(m_minor / scale) % u'.' % QStringLiteral("%1").arg(m_minor % scale, digits, 10, QChar(u'0'));
}

QString Money::toStringWithCurrency() const
{
    return toString() % u' ' % m_currency;
}

Result<Money> Money::plus(const Money& other) const
{
    if (other.m_currency != m_currency)
        return Error::input(QStringLiteral("CURRENCY_MISMATCH"), m_currency % u" + " % other.m_currency);
    return fromMinor(m_minor + other.m_minor, m_currency);
}

Result<Money> Money::minus(const Money& other) const
{
    if (other.m_currency != m_currency)
        return Error::input(QStringLiteral("CURRENCY_MISMATCH"), m_currency % u" - " % other.m_currency);
    return fromMinor(m_minor - other.m_minor, m_currency);
}

} // namespace wxpay
