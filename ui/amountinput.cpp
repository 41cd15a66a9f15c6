#include "amountinput.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <array>

namespace wxpay::ui {

namespace {

// U+FF01..U+FF5E are the full-width forms of ASCII '!'..'~'; U+3002 and U+FF61 are the ideographic full stop a
// Chinese input method types for '.'.
QChar toAscii(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= 0xFF01 && u <= 0xFF5E)
        return QChar(static_cast<char16_t>(u - 0xFEE0));
    if (u == 0x3002 || u == 0xFF61)
        return QChar(u'.');
    return c;
}

struct Markers
{
    std::array<QStringView, 4> prefixes;
    std::array<QStringView, 4> suffixes;
};

Markers markersFor(const QString& currency)
{
    if (currency == u"CNY")
        return { { u"¥", u"￥", u"RMB", u"CNY" }, { u"元", u"RMB", u"CNY", {} } };
    if (currency == u"HKD")
        return { { u"HK$", u"$", u"HKD", {} }, { u"港元", u"港币", u"HKD", {} } };
    return { { QStringView(currency), {}, {}, {} }, { QStringView(currency), {}, {}, {} } };
}

} // namespace

QString normaliseAmountText(QStringView text, const QString& currency)
{
    QString s;
    s.reserve(text.size());
    for (const QChar c : text)
        s += toAscii(c);
    s = s.trimmed();

    const Markers markers = markersFor(currency);
    for (const QStringView prefix : markers.prefixes) {
        if (!prefix.isEmpty() && s.startsWith(prefix, Qt::CaseInsensitive)) {
            s = s.mid(prefix.size()).trimmed();
            break;
        }
    }
    for (const QStringView suffix : markers.suffixes) {
        if (!suffix.isEmpty() && s.endsWith(suffix, Qt::CaseInsensitive)) {
            s.chop(suffix.size());
            s = s.trimmed();
            break;
        }
    }

    // "1,234.50": thousands separators, only where they group correctly (so "12,5" stays an error).
    static const QRegularExpression grouped(QStringLiteral("^\\d{1,3}(,\\d{3})+(\\.\\d*)?$"));
    if (grouped.match(s).hasMatch())
        s.remove(u',');
    if (s.size() > 1 && s.endsWith(u'.'))
        s.chop(1);
    if (s.size() > 1 && s.startsWith(u'.'))
        s.prepend(u'0');
    return s;
}

Result<Money> parseAmountInput(QStringView text, const QString& currency)
{
    if (!Money::isValidCurrency(currency))
        return Error::input(QStringLiteral("CURRENCY_INVALID"), u"not an ISO 4217 currency code: \"" + currency + u'"');
    const QString normalised = normaliseAmountText(text, currency);
    if (normalised.isEmpty())
        return Error::input(QStringLiteral("AMOUNT_EMPTY"), QStringLiteral("no amount typed"));
    const auto notPositive
        = Error::input(QStringLiteral("AMOUNT_NOT_POSITIVE"), QStringLiteral("the amount must be more than zero"));
    if (normalised.startsWith(u'-')) {
        if (Money::parse(QStringView(normalised).mid(1), currency))
            return notPositive;
        return Error::input(QStringLiteral("AMOUNT_FORMAT"), QStringLiteral("not an amount"));
    }
    auto money = Money::parse(normalised, currency);
    if (!money)
        return money.error();
    if (money->isZero())
        return notPositive;
    return money;
}

bool isIntermediateAmountProblem(const Error& error)
{
    return error.code == u"AMOUNT_EMPTY" || error.code == u"AMOUNT_NOT_POSITIVE";
}

QString amountProblemText(const Error& error, const QString& currency)
{
    if (error.code == u"AMOUNT_NOT_POSITIVE")
        return QCoreApplication::translate("wxpay::ui::AmountInput", "Amount must be more than 0");
    if (error.code == u"AMOUNT_PRECISION") {
        const int digits = Money::exponent(currency);
        return digits == 0
            ? QCoreApplication::translate("wxpay::ui::AmountInput", "Whole amounts only, no decimals")
            : QCoreApplication::translate("wxpay::ui::AmountInput", "At most %1 decimal places").arg(digits);
    }
    if (error.code == u"AMOUNT_TOO_LARGE")
        return QCoreApplication::translate("wxpay::ui::AmountInput", "Amount is too large");
    if (error.code == u"CURRENCY_INVALID")
        return QCoreApplication::translate("wxpay::ui::AmountInput", "The merchant profile has no valid currency");
    return QCoreApplication::translate("wxpay::ui::AmountInput", "Enter an amount like 12.50");
}

} // namespace wxpay::ui
