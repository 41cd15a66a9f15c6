#include "sim/bill.h"

#include <QStringBuilder>

namespace wxpay::sim {

namespace {

constexpr int kChinaOffsetSeconds = 8 * 3600;

QString clean(QString text)
{
    text.replace(u',', u'，');
    text.replace(u'`', u'\'');
    text.replace(u'\r', u' ');
    text.replace(u'\n', u' ');
    return text;
}

QString amount(const Money& money, const QString& currency)
{
    return money.isValid() ? money.toString() : Money::fromMinor(0, currency)->toString();
}

// Signed minor units (`units`) in major units with `decimals` places (at least the currency's own).
QString signedAmount(qint64 units, const QString& currency, int decimals)
{
    const int exponent = Money::exponent(currency);
    qint64 scale = 1;
    for (int i = 0; i < exponent; ++i)
        scale *= 10;
    const qint64 magnitude = units < 0 ? -units : units;
    QString text = (units < 0 ? QStringLiteral("-") : QString()) % QString::number(magnitude / scale);
    if (decimals > 0) {
        const QString fraction
            = exponent > 0 ? QStringLiteral("%1").arg(magnitude % scale, exponent, 10, QChar(u'0')) : QString();
        text += u'.' % fraction.leftJustified(decimals, u'0');
    }
    return text;
}

QByteArray line(const QStringList& values)
{
    QString text;
    for (qsizetype i = 0; i < values.size(); ++i)
        text += (i ? QStringLiteral(",`") : QStringLiteral("`")) % values.at(i);
    return text.toUtf8() + "\r\n";
}

qint64 minorOf(const Money& money)
{
    return money.isValid() ? money.minorUnits() : 0;
}

} // namespace

QStringList billHeader()
{
    return QString::fromUtf8(
        "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
        "付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,"
        "退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注")
        .split(u',');
}

QStringList billSummaryHeader()
{
    return QString::fromUtf8(
        "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额")
        .split(u',');
}

QByteArray renderBill(const QList<BillLine>& lines, const QString& currency)
{
    QByteArray out("\xEF\xBB\xBF");
    out += billHeader().join(u',').toUtf8() + "\r\n";

    qint64 settlement = 0, refund = 0, couponRefund = 0, fee = 0, order = 0, refundRequest = 0;
    for (const BillLine& l : lines) {
        const QString cur = l.orderAmount.isValid() ? l.orderAmount.currency() : currency;
        out += line({
            l.time.toOffsetFromUtc(kChinaOffsetSeconds).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
            l.appid,
            l.mchid,
            l.subMchid.isEmpty() ? QStringLiteral("0") : l.subMchid,
            clean(l.deviceInfo),
            l.transactionId,
            l.outTradeNo,
            l.openid,
            l.tradeType,
            l.tradeState,
            l.bankType,
            cur,
            amount(l.settlementAmount, cur),
            amount(l.couponAmount, cur),
            l.refundId.isEmpty() ? QStringLiteral("0") : l.refundId,
            l.outRefundNo.isEmpty() ? QStringLiteral("0") : l.outRefundNo,
            amount(l.refundAmount, cur),
            amount(l.couponRefundAmount, cur),
            l.refundType,
            l.refundStatus,
            clean(l.description),
            clean(l.attach),
            signedAmount(l.feeMinor, cur, 5),
            l.feeRate,
            amount(l.orderAmount, cur),
            amount(l.refundRequestAmount, cur),
            QString(),
        });
        settlement += minorOf(l.settlementAmount);
        refund += minorOf(l.refundAmount);
        couponRefund += minorOf(l.couponRefundAmount);
        fee += l.feeMinor;
        order += minorOf(l.orderAmount);
        refundRequest += minorOf(l.refundRequestAmount);
    }

    const int decimals = Money::exponent(currency);
    out += billSummaryHeader().join(u',').toUtf8() + "\r\n";
    out += line({
        QString::number(lines.size()),
        signedAmount(settlement, currency, decimals),
        signedAmount(refund, currency, decimals),
        signedAmount(couponRefund, currency, decimals),
        signedAmount(fee, currency, decimals),
        signedAmount(order, currency, decimals),
        signedAmount(refundRequest, currency, decimals),
    });
    return out;
}

} // namespace wxpay::sim
