#include "sim/records.h"

#include "sim/jsonutil.h"

#include <QJsonArray>

namespace wxpay::sim::detail {

QJsonObject toJson(const RefundRecord& r)
{
    QJsonObject json;
    json.insert(QStringLiteral("refund_id"), r.refundId);
    json.insert(QStringLiteral("out_refund_no"), r.outRefundNo);
    json.insert(QStringLiteral("reason"), r.reason);
    json.insert(QStringLiteral("notify_url"), r.notifyUrl);
    json.insert(QStringLiteral("amount"), json::fromMoney(r.amount));
    json.insert(QStringLiteral("total"), json::fromMoney(r.total));
    json.insert(QStringLiteral("create_time"), json::fromTime(r.createTime));
    json.insert(QStringLiteral("finish_time"), json::fromTime(r.finishTime));
    json.insert(QStringLiteral("status"), refundStatusName(r.status));
    json.insert(QStringLiteral("outcome"), refundStatusName(r.outcome));
    return json;
}

Result<RefundRecord> refundFromJson(const QJsonObject& json)
{
    RefundRecord r;
    r.refundId = json.value(QStringLiteral("refund_id")).toString();
    r.outRefundNo = json.value(QStringLiteral("out_refund_no")).toString();
    r.reason = json.value(QStringLiteral("reason")).toString();
    r.notifyUrl = json.value(QStringLiteral("notify_url")).toString();
    auto amount = json::toMoney(json.value(QStringLiteral("amount")));
    auto total = json::toMoney(json.value(QStringLiteral("total")));
    if (!amount || !total)
        return amount ? total.error() : amount.error();
    r.amount = amount.value();
    r.total = total.value();
    r.createTime = json::toTime(json.value(QStringLiteral("create_time")));
    r.finishTime = json::toTime(json.value(QStringLiteral("finish_time")));
    r.status = refundStatusFromName(json.value(QStringLiteral("status")).toString());
    r.outcome = refundStatusFromName(json.value(QStringLiteral("outcome")).toString());
    if (r.refundId.isEmpty() || r.outRefundNo.isEmpty() || !r.amount.isValid() || !r.createTime.isValid()
        || !r.finishTime.isValid() || r.status == RefundStatus::Unknown || r.outcome == RefundStatus::Unknown)
        return json::stateError(QStringLiteral("a refund record is incomplete"));
    return r;
}

QJsonObject toJson(const OrderRecord& o)
{
    QJsonObject json;
    json.insert(QStringLiteral("mchid"), o.mchid);
    json.insert(QStringLiteral("sub_mchid"), o.subMchid);
    json.insert(QStringLiteral("appid"), o.appid);
    json.insert(QStringLiteral("out_trade_no"), o.outTradeNo);
    json.insert(QStringLiteral("transaction_id"), o.transactionId);
    json.insert(QStringLiteral("trade_type"), o.tradeType);
    json.insert(QStringLiteral("description"), o.description);
    json.insert(QStringLiteral("attach"), o.attach);
    json.insert(QStringLiteral("notify_url"), o.notifyUrl);
    json.insert(QStringLiteral("product_id"), o.productId);
    json.insert(QStringLiteral("client_ip"), o.clientIp);
    json.insert(QStringLiteral("device_id"), o.deviceId);
    json.insert(QStringLiteral("operator_id"), o.operatorId);
    json.insert(QStringLiteral("merchant_category_code"), o.merchantCategoryCode);
    json.insert(QStringLiteral("total"), json::fromMoney(o.total));
    json.insert(QStringLiteral("requested_expire"), json::fromTime(o.requestedExpire));
    json.insert(QStringLiteral("create_time"), json::fromTime(o.createTime));
    json.insert(QStringLiteral("expire_time"), json::fromTime(o.expireTime));
    json.insert(QStringLiteral("success_time"), json::fromTime(o.successTime));
    json.insert(QStringLiteral("end_time"), json::fromTime(o.endTime));
    json.insert(QStringLiteral("state"), tradeStateName(o.state));
    json.insert(QStringLiteral("openid"), o.openid);
    json.insert(QStringLiteral("payer_total"), json::fromMoney(o.payerTotal));
    if (o.exchangeRate) {
        QJsonObject rate;
        rate.insert(QStringLiteral("type"), o.exchangeRate->type);
        rate.insert(QStringLiteral("rate"), o.exchangeRate->rate);
        json.insert(QStringLiteral("exchange_rate"), rate);
    }
    json.insert(QStringLiteral("code_url"), o.codeUrl);
    json.insert(QStringLiteral("prepay_id"), o.prepayId);
    json.insert(QStringLiteral("auth_code"), o.authCode);
    json.insert(QStringLiteral("scenario"), scenarioName(o.scenario));
    json.insert(QStringLiteral("scenario_n"), o.scenarioN);
    json.insert(QStringLiteral("queries"), o.queries);
    json.insert(QStringLiteral("recalls_left"), o.recallsLeft);
    json.insert(QStringLiteral("reversible_while_paying"), o.reversibleWhilePaying);
    json.insert(QStringLiteral("fail_code"), o.failCode);
    json.insert(QStringLiteral("fail_message"), o.failMessage);
    json.insert(QStringLiteral("paid_before_revoke"), o.paidBeforeRevoke);
    json.insert(QStringLiteral("revoke_refund_id"), o.revokeRefundId);
    QJsonArray refunds;
    for (const RefundRecord& r : o.refunds)
        refunds.append(toJson(r));
    json.insert(QStringLiteral("refunds"), refunds);
    return json;
}

Result<OrderRecord> orderFromJson(const QJsonObject& json)
{
    OrderRecord o;
    auto text = [&](const char* name) { return json.value(QString::fromLatin1(name)).toString(); };
    o.mchid = text("mchid");
    o.subMchid = text("sub_mchid");
    o.appid = text("appid");
    o.outTradeNo = text("out_trade_no");
    o.transactionId = text("transaction_id");
    o.tradeType = text("trade_type");
    o.description = text("description");
    o.attach = text("attach");
    o.notifyUrl = text("notify_url");
    o.productId = text("product_id");
    o.clientIp = text("client_ip");
    o.deviceId = text("device_id");
    o.operatorId = text("operator_id");
    o.merchantCategoryCode = text("merchant_category_code");
    auto total = json::toMoney(json.value(QStringLiteral("total")));
    auto payerTotal = json::toMoney(json.value(QStringLiteral("payer_total")));
    if (!total || !payerTotal)
        return total ? payerTotal.error() : total.error();
    o.total = total.value();
    o.payerTotal = payerTotal.value();
    o.requestedExpire = json::toTime(json.value(QStringLiteral("requested_expire")));
    o.createTime = json::toTime(json.value(QStringLiteral("create_time")));
    o.expireTime = json::toTime(json.value(QStringLiteral("expire_time")));
    o.successTime = json::toTime(json.value(QStringLiteral("success_time")));
    o.endTime = json::toTime(json.value(QStringLiteral("end_time")));
    o.state = tradeStateFromName(text("state"));
    o.openid = text("openid");
    if (json.contains(QStringLiteral("exchange_rate"))) {
        const QJsonObject rate = json.value(QStringLiteral("exchange_rate")).toObject();
        o.exchangeRate = ExchangeRate { rate.value(QStringLiteral("type")).toString(),
            rate.value(QStringLiteral("rate")).toInteger() };
    }
    o.codeUrl = text("code_url");
    o.prepayId = text("prepay_id");
    o.authCode = text("auth_code");
    const auto scenario = scenarioFromName(text("scenario"));
    o.scenarioN = json.value(QStringLiteral("scenario_n")).toInt();
    o.queries = json.value(QStringLiteral("queries")).toInt();
    o.recallsLeft = json.value(QStringLiteral("recalls_left")).toInt();
    o.reversibleWhilePaying = json.value(QStringLiteral("reversible_while_paying")).toBool();
    o.failCode = text("fail_code");
    o.failMessage = text("fail_message");
    o.paidBeforeRevoke = json.value(QStringLiteral("paid_before_revoke")).toBool();
    o.revokeRefundId = text("revoke_refund_id");
    if (o.mchid.isEmpty() || o.outTradeNo.isEmpty() || !o.total.isValid() || !o.createTime.isValid() || !scenario
        || (o.tradeType != kNative && o.tradeType != kMicropay) || o.state == TradeState::Unknown)
        return json::stateError(u"order " % o.outTradeNo % u" is incomplete");
    o.scenario = *scenario;
    const QJsonArray refunds = json.value(QStringLiteral("refunds")).toArray();
    for (const QJsonValue& value : refunds) {
        auto refund = refundFromJson(value.toObject());
        if (!refund)
            return refund.error();
        o.refunds.append(refund.value());
    }
    return o;
}

} // namespace wxpay::sim::detail
