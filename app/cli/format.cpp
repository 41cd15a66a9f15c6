#include "format.h"

#include <QJsonArray>

namespace wxpay::cli {

namespace {

void putMoney(QJsonObject& json, const QString& key, const Money& money)
{
    if (!money.isValid())
        return;
    json.insert(key, money.toString());
    json.insert(key + QStringLiteral("_minor"), money.minorUnits());
    json.insert(key + QStringLiteral("_currency"), money.currency());
}

void putText(QJsonObject& json, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        json.insert(key, value);
}

} // namespace

QString describeError(const Error& error)
{
    QString text;
    const QString detail = error.message.isEmpty() ? error.code : error.code + u": " + error.message;
    switch (error.kind) {
    case ErrorKind::Input:
        text = error.message.isEmpty() ? error.code : error.message;
        break;
    case ErrorKind::Network:
        text = Tr::tr("no answer from WeChat Pay (%1)").arg(detail);
        break;
    case ErrorKind::Http:
        text = Tr::tr("WeChat Pay answered HTTP %1 without a usable answer").arg(error.httpStatus);
        break;
    case ErrorKind::Verification:
        text = Tr::tr("the answer could not be trusted and was ignored (%1)").arg(detail);
        break;
    case ErrorKind::Protocol:
        text = Tr::tr("the answer was malformed and was ignored (%1)").arg(detail);
        break;
    case ErrorKind::Business:
        text = Tr::tr("WeChat Pay refused: %1").arg(detail);
        break;
    case ErrorKind::Credentials:
        text = Tr::tr("keychain: %1").arg(detail);
        break;
    case ErrorKind::Storage:
        text = Tr::tr("history: %1").arg(detail);
        break;
    case ErrorKind::Cancelled:
        text = Tr::tr("cancelled: %1").arg(error.message);
        break;
    }
    if (!error.requestId.isEmpty())
        text += u' ' + Tr::tr("(Request-ID %1)").arg(error.requestId);
    return text;
}

QJsonObject errorJson(const Error& error)
{
    QJsonObject json { { QStringLiteral("kind"), errorKindName(error.kind) }, { QStringLiteral("code"), error.code },
        { QStringLiteral("message"), error.message } };
    putText(json, QStringLiteral("request_id"), error.requestId);
    if (error.httpStatus != 0)
        json.insert(QStringLiteral("http_status"), error.httpStatus);
    return json;
}

QJsonObject transactionJson(const Transaction& t)
{
    QJsonObject json;
    putText(json, QStringLiteral("out_trade_no"), t.outTradeNo);
    putText(json, QStringLiteral("transaction_id"), t.transactionId);
    json.insert(QStringLiteral("trade_state"), tradeStateName(t.state));
    putText(json, QStringLiteral("trade_state_desc"), t.stateDescription);
    putText(json, QStringLiteral("trade_type"), t.tradeType);
    putMoney(json, QStringLiteral("amount"), t.total);
    if (t.payerTotal)
        putMoney(json, QStringLiteral("payer_total"), *t.payerTotal);
    putText(json, QStringLiteral("payer_openid"), t.openid);
    putText(json, QStringLiteral("bank_type"), t.bankType);
    putText(json, QStringLiteral("success_time"), isoTime(t.successTime));
    return json;
}

QJsonObject refundJson(const Refund& r)
{
    QJsonObject json;
    putText(json, QStringLiteral("refund_id"), r.refundId);
    putText(json, QStringLiteral("out_refund_no"), r.outRefundNo);
    putText(json, QStringLiteral("transaction_id"), r.transactionId);
    putText(json, QStringLiteral("out_trade_no"), r.outTradeNo);
    json.insert(QStringLiteral("status"), refundStatusName(r.status));
    putMoney(json, QStringLiteral("refund"), r.refund);
    putMoney(json, QStringLiteral("total"), r.total);
    putText(json, QStringLiteral("channel"), r.channel);
    putText(json, QStringLiteral("received_account"), r.receivedAccount);
    putText(json, QStringLiteral("create_time"), isoTime(r.createTime));
    putText(json, QStringLiteral("success_time"), isoTime(r.successTime));
    return json;
}

QJsonObject orderJson(const storage::OrderRecord& o)
{
    QJsonObject json;
    json.insert(QStringLiteral("profile"), o.profileId);
    json.insert(QStringLiteral("family"), apiFamilyName(o.family));
    json.insert(QStringLiteral("out_trade_no"), o.outTradeNo);
    putText(json, QStringLiteral("transaction_id"), o.transactionId);
    putMoney(json, QStringLiteral("amount"), o.amount);
    if (o.payerTotal)
        putMoney(json, QStringLiteral("payer_total"), *o.payerTotal);
    putText(json, QStringLiteral("trade_type"), o.tradeType);
    json.insert(QStringLiteral("state"), tradeStateName(o.state));
    putText(json, QStringLiteral("state_desc"), o.stateDescription);
    putText(json, QStringLiteral("payer_openid"), o.payerOpenid);
    putText(json, QStringLiteral("payer_unionid"), o.payerUnionid);
    putText(json, QStringLiteral("created_at"), isoTime(o.createdAt));
    putText(json, QStringLiteral("paid_at"), isoTime(o.paidAt));
    putText(json, QStringLiteral("last_confirmed_at"), isoTime(o.lastConfirmedAt));
    putText(json, QStringLiteral("cashier"), o.cashier);
    putText(json, QStringLiteral("device_id"), o.deviceId);
    putText(json, QStringLiteral("description"), o.description);
    putText(json, QStringLiteral("attach"), o.attach);
    putText(json, QStringLiteral("last_error"), o.lastError);
    return json;
}

QJsonObject refundRecordJson(const storage::RefundRecord& r)
{
    QJsonObject json;
    json.insert(QStringLiteral("profile"), r.profileId);
    json.insert(QStringLiteral("out_trade_no"), r.outTradeNo);
    json.insert(QStringLiteral("out_refund_no"), r.outRefundNo);
    putText(json, QStringLiteral("refund_id"), r.refundId);
    putMoney(json, QStringLiteral("amount"), r.amount);
    putText(json, QStringLiteral("reason"), r.reason);
    json.insert(QStringLiteral("status"), refundStatusName(r.status));
    putText(json, QStringLiteral("created_at"), isoTime(r.createdAt));
    putText(json, QStringLiteral("success_at"), isoTime(r.successAt));
    putText(json, QStringLiteral("last_confirmed_at"), isoTime(r.lastConfirmedAt));
    putText(json, QStringLiteral("last_error"), r.lastError);
    return json;
}

QJsonObject auditJson(const storage::AuditEntry& e)
{
    QJsonObject json;
    json.insert(QStringLiteral("at"), isoTime(e.at));
    json.insert(QStringLiteral("actor"), e.actor);
    json.insert(QStringLiteral("action"), e.action);
    putText(json, QStringLiteral("out_refund_no"), e.outRefundNo);
    putText(json, QStringLiteral("request_id"), e.requestId);
    putText(json, QStringLiteral("detail"), e.detail);
    return json;
}

QString isoTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString localTime(const QDateTime& time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QStringLiteral("-");
}

QString field(const QString& label, const QString& value)
{
    return QStringLiteral("  %1 %2").arg(label + u':', -18).arg(value);
}

} // namespace wxpay::cli
