#include "protocol/v3/globalcodec.h"

#include <QJsonArray>

namespace wxpay::protocol::v3 {

namespace {

// Path roots per variant (OpenAPI descriptions docs/v3/global/ and docs/hk/v3/ of TheNorthMemory/wechatpay-openapi).
struct Paths
{
    QString transactions; // native, query, close
    QString micropay; // Quick Pay
    QString reverseBase; // + /id/{id}/reverse or /out-trade-no/{no}/reverse
    QString refunds;
};

Paths pathsFor(GlobalCodec::Variant variant)
{
    if (variant == GlobalCodec::Variant::Global) {
        return { QStringLiteral("/v3/global/transactions"), QStringLiteral("/v3/global/micropay/transactions/pay"),
            QStringLiteral("/v3/global/micropay/transactions"), QStringLiteral("/v3/global/refunds") };
    }
    return { QStringLiteral("/hk/v3/transactions"), QStringLiteral("/hk/v3/transactions/micropay"),
        QStringLiteral("/hk/v3/transactions"), QStringLiteral("/hk/v3/refunds") };
}

// Listing an order's refunds asks for this many (the documented example's page size; not confirmed as a maximum).
constexpr int kRefundPageSize = 10;

} // namespace

GlobalCodec::GlobalCodec(Variant variant,
    MerchantIds ids,
    MerchantSigner signer,
    ResponseVerifier verifier,
    const Clock& clock,
    NonceSource& nonces,
    CodecOptions options)
    : m_variant(variant)
    , m_ids(std::move(ids))
    , m_options(std::move(options))
    , m_dialect { QLatin1String("id"), QLatin1String("id"), QLatin1String("recv_account"), m_options.defaultCurrency }
    , m_exchange(std::move(signer), std::move(verifier), clock, nonces)
{ }

ApiFamily GlobalCodec::family() const
{
    return m_variant == Variant::Global ? ApiFamily::Global : ApiFamily::HkV3;
}

QString GlobalCodec::orderPath(const QString& base, const OrderRef& order) const
{
    if (!order.transactionId.isEmpty())
        return base + u"/id/" + urlPart(order.transactionId);
    return base + u"/out-trade-no/" + urlPart(order.outTradeNo);
}

QString GlobalCodec::merchantCategoryCode(const QString& fromRequest) const
{
    return fromRequest.isEmpty() ? m_options.merchantCategoryCode : fromRequest;
}

Result<WireRequest> GlobalCodec::createNative(const NativeOrderRequest& request)
{
    if (request.outTradeNo.isEmpty())
        return missingInput(QLatin1String("out_trade_no"));
    if (request.description.isEmpty())
        return missingInput(QLatin1String("description"));
    if (!request.amount.isValid())
        return missingInput(QLatin1String("amount"));
    const QString notifyUrl = request.notifyUrl.isEmpty() ? m_options.notifyUrl : request.notifyUrl;
    if (notifyUrl.isEmpty())
        return missingInput(QLatin1String("notify_url"));
    const QString mcc = merchantCategoryCode(request.merchantCategoryCode);
    if (mcc.isEmpty())
        return missingInput(QLatin1String("merchant_category_code"));

    QJsonObject body;
    if (const Status ids = addMerchantIds(body, m_ids); !ids)
        return ids.error();
    body.insert(QLatin1String("description"), request.description);
    body.insert(QLatin1String("out_trade_no"), request.outTradeNo);
    body.insert(QLatin1String("notify_url"), notifyUrl);
    body.insert(QLatin1String("trade_type"), QStringLiteral("NATIVE"));
    body.insert(QLatin1String("merchant_category_code"), mcc);
    body.insert(QLatin1String("amount"), amountJson(request.amount));
    if (!request.attach.isEmpty())
        body.insert(QLatin1String("attach"), request.attach);
    if (request.timeExpire.isValid())
        body.insert(QLatin1String("time_expire"), wireTime(request.timeExpire));
    QJsonObject scene;
    const QString clientIp = request.clientIp.isEmpty() ? m_options.clientIp : request.clientIp;
    if (!clientIp.isEmpty())
        scene.insert(QLatin1String("payer_client_ip"), clientIp);
    if (!request.deviceId.isEmpty())
        scene.insert(QLatin1String("device_id"), request.deviceId);
    if (!scene.isEmpty())
        body.insert(QLatin1String("scene_info"), scene);
    return m_exchange.post(pathsFor(m_variant).transactions + u"/native", body);
}

Result<NativeOrder> GlobalCodec::parseCreateNative(const WireResponse& response) const
{
    return nativeOrderResult(m_exchange, response);
}

Result<WireRequest> GlobalCodec::micropay(const MicropayRequest& request)
{
    if (const Status checked = checkMicropay(request); !checked)
        return checked.error();
    const QString mcc = merchantCategoryCode(request.merchantCategoryCode);
    if (mcc.isEmpty())
        return missingInput(QLatin1String("merchant_category_code"));

    auto parts = micropayBody(m_ids, request, m_options.clientIp);
    if (!parts)
        return parts.error();
    auto& [body, scene] = parts.value();
    body.insert(QLatin1String("trade_type"), QStringLiteral("MICROPAY"));
    body.insert(QLatin1String("merchant_category_code"), mcc);
    if (!request.operatorId.isEmpty())
        scene.insert(QLatin1String("operator_id"), request.operatorId);
    if (!scene.isEmpty())
        body.insert(QLatin1String("scene_info"), scene);
    return m_exchange.post(pathsFor(m_variant).micropay, body);
}

Result<Transaction> GlobalCodec::parseMicropay(const WireResponse& response) const
{
    return micropayResult(m_exchange, response, m_dialect);
}

Result<WireRequest> GlobalCodec::queryOrder(const OrderRef& order)
{
    if (order.transactionId.isEmpty() && order.outTradeNo.isEmpty())
        return missingInput(QLatin1String("id or out_trade_no"));
    return m_exchange.get(orderPath(pathsFor(m_variant).transactions, order) + u'?' + mchidsQuery(m_ids));
}

Result<Transaction> GlobalCodec::parseQueryOrder(const WireResponse& response) const
{
    return transactionResult(m_exchange, response, m_dialect);
}

Result<WireRequest> GlobalCodec::closeOrder(const OrderRef& order)
{
    if (order.transactionId.isEmpty() && order.outTradeNo.isEmpty())
        return missingInput(QLatin1String("id or out_trade_no"));
    return m_exchange.post(orderPath(pathsFor(m_variant).transactions, order) + u"/close", mchidsJson(m_ids));
}

Status GlobalCodec::parseCloseOrder(const WireResponse& response) const
{
    return m_exchange.accept(response); // 204 No Content
}

Result<WireRequest> GlobalCodec::reverse(const OrderRef& order)
{
    if (order.transactionId.isEmpty() && order.outTradeNo.isEmpty())
        return missingInput(QLatin1String("id or out_trade_no"));
    return m_exchange.post(orderPath(pathsFor(m_variant).reverseBase, order) + u"/reverse", mchidsJson(m_ids));
}

Result<ReverseResult> GlobalCodec::parseReverse(const WireResponse& response) const
{
    if (const Status accepted = m_exchange.accept(response); !accepted) // 204 No Content
        return accepted.error();
    return ReverseResult {};
}

Result<WireRequest> GlobalCodec::refund(const RefundRequest& request)
{
    // The HK description leaves the amount's shape open; the Global one ({refund, total, currency}) is used for both.
    auto body = refundJson(request);
    if (!body)
        return body.error();
    if (const Status ids = addMerchantIds(body.value(), m_ids); !ids)
        return ids.error();
    return m_exchange.post(pathsFor(m_variant).refunds, *body);
}

Result<Refund> GlobalCodec::parseRefund(const WireResponse& response) const
{
    return refundResult(m_exchange, response, m_dialect);
}

Result<WireRequest> GlobalCodec::queryRefund(const RefundRef& refund)
{
    const QString base = pathsFor(m_variant).refunds;
    if (!refund.refundId.isEmpty())
        return m_exchange.get(base + u"/id/" + urlPart(refund.refundId) + u'?' + mchidsQuery(m_ids));
    if (!refund.outRefundNo.isEmpty())
        return m_exchange.get(base + u"/out-refund-no/" + urlPart(refund.outRefundNo) + u'?' + mchidsQuery(m_ids));
    QString order;
    if (!refund.order.transactionId.isEmpty())
        order = u"transaction_id=" + urlPart(refund.order.transactionId);
    else if (!refund.order.outTradeNo.isEmpty())
        order = u"out_trade_no=" + urlPart(refund.order.outTradeNo);
    else
        return missingInput(QLatin1String("refund id, out_refund_no or the order"));
    return m_exchange.get(
        base + u'?' + order + u'&' + mchidsQuery(m_ids) + QStringLiteral("&offset=0&count=%1").arg(kRefundPageSize));
}

Result<QList<Refund>> GlobalCodec::parseQueryRefund(const WireResponse& response) const
{
    const auto body = m_exchange.acceptJson(response);
    if (!body)
        return body.error();
    const QString requestId = response.requestId();
    if (!body->contains(QLatin1String("data"))) {
        auto single = refundFromJson(*body, m_dialect, requestId);
        if (!single)
            return single.error();
        return QList<Refund> { std::move(single).value() };
    }
    // A list reply: the order's `id` and out_trade_no are beside the `data` array.
    JsonReader reader(requestId);
    const QString transactionId = reader.string(*body, QLatin1String("id"));
    const QString outTradeNo = reader.string(*body, QLatin1String("out_trade_no"));
    const QJsonValue data = body->value(QLatin1String("data"));
    if (!reader.ok())
        return reader.error();
    if (!data.isArray())
        return Error::protocol(QStringLiteral("FIELD_INVALID"), QStringLiteral("data is not an array"), requestId);
    QList<Refund> refunds;
    for (const QJsonValue& item : data.toArray()) {
        if (!item.isObject())
            return Error::protocol(
                QStringLiteral("FIELD_INVALID"), QStringLiteral("a refund is not an object"), requestId);
        auto refund = refundFromJson(item.toObject(), m_dialect, requestId);
        if (!refund)
            return refund.error();
        if (refund->transactionId.isEmpty())
            refund->transactionId = transactionId;
        if (refund->outTradeNo.isEmpty())
            refund->outTradeNo = outTradeNo;
        refunds.append(std::move(refund).value());
    }
    return refunds;
}

Result<WireRequest> GlobalCodec::tradeBill(const BillRequest&)
{
    return unsupported(QStringLiteral("statements of Global / HK merchants are not supported yet"));
}

Result<BillDownload> GlobalCodec::parseTradeBill(const WireResponse&) const
{
    return unsupported(QStringLiteral("statements of Global / HK merchants are not supported yet"));
}

} // namespace wxpay::protocol::v3
