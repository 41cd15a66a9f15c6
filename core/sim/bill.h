#pragma once

// The daily trade bill as WeChat writes it (protocol.md §2.2): UTF-8 with BOM, CRLF, the 27-column detail
// header, one line per payment / refund / reversal with every value prefixed by a backtick, then the 7-column
// summary header and its values. Amounts are in yuan (major units) with the currency's decimals; the fee
// (手续费) has 5 decimals and is negative on refund lines (the fee given back); the summary counts lines.
// Free text (商品名称, 商户数据包, 设备号) has commas, backticks and line breaks replaced so a line always
// splits into exactly 27 fields.

#include "common/money.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace wxpay::sim {

struct BillLine
{
    QDateTime time; // UTC; printed in China time
    QString appid;
    QString mchid;
    QString subMchid; // "0" for a direct merchant
    QString deviceInfo;
    QString transactionId;
    QString outTradeNo;
    QString openid;
    QString tradeType; // NATIVE, MICROPAY
    QString tradeState; // SUCCESS, REFUND, REVOKED
    QString bankType;
    Money settlementAmount; // 应结订单金额 (zero on refund lines)
    Money couponAmount;
    QString refundId; // "0" on payment lines
    QString outRefundNo; // "0" on payment lines
    Money refundAmount;
    Money couponRefundAmount;
    QString refundType; // ORIGINAL on refund lines
    QString refundStatus; // SUCCESS on refund lines
    QString description;
    QString attach;
    qint64 feeMinor = 0; // signed, minor units
    QString feeRate; // "0.60%"
    Money orderAmount;
    Money refundRequestAmount;
};

struct BillFile
{
    QByteArray content;
    QString sha1Hex; // lower-case, the v3 tradebill hash_value
};

QStringList billHeader(); // the 27 detail column names
QStringList billSummaryHeader(); // the 7 summary column names

// The bill text; `currency` formats the summary amounts.
QByteArray renderBill(const QList<BillLine>& lines, const QString& currency);

} // namespace wxpay::sim
