#pragma once

// The daily trade bill as text (v2 downloadbill; the v3 trade bill file has the same layout): a detail
// header, one line per trade or refund with every value prefixed by a backtick, then a summary header and
// one summary line. Amounts are in yuan (major units). Columns are found by name, so both the current
// 27-column layout and the older 24-column one parse.

#include "common/money.h"
#include "common/result.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace wxpay::protocol {

// An amount column that a layout lacks, or that is empty on a line, is an invalid Money.
struct BillRow
{
    QDateTime time; // UTC (the bill shows China time)
    QString appid;
    QString mchid;
    QString subMchid; // 特约商户号 (older: 子商户号)
    QString deviceInfo;
    QString transactionId;
    QString outTradeNo;
    QString openid;
    QString tradeType; // NATIVE, MICROPAY, ...
    QString tradeState; // SUCCESS, REFUND, REVOKED, ...
    QString bankType;
    QString currency;
    Money settlementAmount; // 应结订单金额 (older: 总金额)
    Money couponAmount; // 代金券金额 (older: 代金券或立减优惠金额)
    QString refundId; // as the bill prints it ("0" on trade lines)
    QString outRefundNo;
    Money refundAmount; // 退款金额
    Money couponRefundAmount; // 充值券退款金额 (older: 代金券或立减优惠退款金额)
    QString refundType; // ORIGINAL, BALANCE
    QString refundStatus;
    QString description; // 商品名称
    QString attach; // 商户数据包
    QString fee; // 手续费: yuan with up to 5 decimals (fractions of a fen), so kept as text
    QString feeRate; // 费率, e.g. "0.60%"
    Money orderAmount; // 订单金额 (27 columns only)
    Money refundRequestAmount; // 申请退款金额 (27 columns only)
    QMap<QString, QString> columns; // every value by its header name, backtick removed
};

struct BillSummary
{
    qint64 tradeCount = 0; // 总交易单数
    Money settlementTotal; // 应结订单总金额 (older: 总交易额)
    Money refundTotal; // 退款总金额 (older: 总退款金额)
    Money couponRefundTotal; // 充值券退款总金额 (older: 总代金券或立减优惠退款金额)
    QString feeTotal; // 手续费总金额, text like BillRow::fee
    Money orderTotal; // 订单总金额 (27 columns only)
    Money refundRequestTotal; // 申请退款总金额 (27 columns only)
    QMap<QString, QString> columns;
};

struct Bill
{
    QStringList header;
    QList<BillRow> rows;
    QStringList summaryHeader;
    BillSummary summary;
};

// UTF-8 with or without BOM, CRLF or LF. Summary amounts carry the currency of the rows when they all
// agree, else `fallbackCurrency`. Anything unexpected is a Protocol error BILL_MALFORMED naming the line.
Result<Bill> parseBill(QByteArrayView text, const QString& fallbackCurrency = QStringLiteral("CNY"));

} // namespace wxpay::protocol
