#pragma once

// WeChat Pay prints times in China Standard Time (UTC+8, no daylight saving) without a zone; the
// console keeps UTC. These convert without touching the machine's local time zone.

#include <QDateTime>
#include <QString>
#include <QStringView>

namespace wxpay::protocol {

// "yyyyMMddHHmmss" (time_end) or "yyyy-MM-dd HH:mm:ss" (bills, refund_success_time) to UTC;
// an invalid QDateTime for anything else.
QDateTime parseChinaTime(QStringView text);

// "yyyyMMddHHmmss" in China time (time_expire).
QString formatChinaTime(const QDateTime& time);

} // namespace wxpay::protocol
