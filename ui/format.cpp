#include "format.h"

#include <algorithm>

namespace wxpay::ui {

QString formatMoney(const Money& amount)
{
    if (!amount.isValid())
        return {};
    if (amount.currency() == u"CNY")
        return u"¥" + amount.toString();
    if (amount.currency() == u"HKD")
        return u"HK$" + amount.toString();
    return amount.toStringWithCurrency();
}

QString formatCountdown(qint64 seconds)
{
    seconds = std::max<qint64>(seconds, 0);
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    const qint64 secs = seconds % 60;
    const QChar zero(u'0');
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, zero).arg(secs, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(minutes).arg(secs, 2, 10, zero);
}

} // namespace wxpay::ui
