#include "protocol/v2/chinatime.h"

#include <QTimeZone>

namespace wxpay::protocol {

namespace {

constexpr int kChinaOffsetSecs = 8 * 3600;

bool allDigits(QStringView text)
{
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

QDateTime parseChinaTime(QStringView text)
{
    QString compact;
    if (text.size() == 14) {
        compact = text.toString();
    } else if (text.size() == 19 && text.at(4) == u'-' && text.at(7) == u'-' && text.at(10) == u' '
        && text.at(13) == u':' && text.at(16) == u':') {
        compact = text.left(4) + text.mid(5, 2) + text.mid(8, 2) + text.mid(11, 2) + text.mid(14, 2) + text.mid(17, 2);
    }
    if (compact.size() != 14 || !allDigits(compact))
        return {};
    const auto number
        = [&compact](qsizetype from, qsizetype length) { return QStringView(compact).mid(from, length).toInt(); };
    const QDate date(number(0, 4), number(4, 2), number(6, 2));
    const QTime time(number(8, 2), number(10, 2), number(12, 2));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone(kChinaOffsetSecs)).toUTC();
}

QString formatChinaTime(const QDateTime& time)
{
    return time.toTimeZone(QTimeZone(kChinaOffsetSecs)).toString(u"yyyyMMddHHmmss");
}

} // namespace wxpay::protocol
