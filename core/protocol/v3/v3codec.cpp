#include "protocol/v3/v3codec.h"

#include "crypto/crypto.h"

#include <QUrl>

namespace wxpay::protocol::v3 {

namespace {

QString transactionsPath(const MerchantIds& ids)
{
    return ids.isServiceProvider() ? QStringLiteral("/v3/pay/partner/transactions")
                                   : QStringLiteral("/v3/pay/transactions");
}

} // namespace

V3Codec::V3Codec(MerchantIds ids,
    MerchantSigner signer,
    ResponseVerifier verifier,
    const Clock& clock,
    NonceSource& nonces,
    CodecOptions options)
    : m_ids(std::move(ids))
    , m_options(std::move(options))
    , m_dialect { QLatin1String("transaction_id"), QLatin1String("refund_id"), QLatin1String("user_received_account"),
        m_options.defaultCurrency }
    , m_exchange(std::move(signer), std::move(verifier), clock, nonces)
{ }

Result<WireRequest> V3Codec::createNative(const NativeOrderRequest& request)
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

    QJsonObject body;
    if (const Status ids = addMerchantIds(body, m_ids); !ids)
        return ids.error();
    body.insert(QLatin1String("description"), request.description);
    body.insert(QLatin1String("out_trade_no"), request.outTradeNo);
    body.insert(QLatin1String("notify_url"), notifyUrl);
    body.insert(QLatin1String("amount"), amountJson(request.amount));
    if (!request.attach.isEmpty())
        body.insert(QLatin1String("attach"), request.attach);
    if (request.timeExpire.isValid())
        body.insert(QLatin1String("time_expire"), wireTime(request.timeExpire));
    // scene_info requires payer_client_ip; without one the whole object is left out.
    const QString clientIp = request.clientIp.isEmpty() ? m_options.clientIp : request.clientIp;
    if (!clientIp.isEmpty()) {
        QJsonObject scene { { QLatin1String("payer_client_ip"), clientIp } };
        if (!request.deviceId.isEmpty())
            scene.insert(QLatin1String("device_id"), request.deviceId);
        body.insert(QLatin1String("scene_info"), scene);
    }
    return m_exchange.post(transactionsPath(m_ids) + u"/native", body);
}

Result<NativeOrder> V3Codec::parseCreateNative(const WireResponse& response) const
{
    return nativeOrderResult(m_exchange, response);
}

Result<WireRequest> V3Codec::micropay(const MicropayRequest& request)
{
    if (const Status checked = checkMicropay(request); !checked)
        return checked.error();
    auto parts = micropayBody(m_ids, request, m_options.clientIp);
    if (!parts)
        return parts.error();
    auto& [body, scene] = parts.value();
    if (!m_options.storeId.isEmpty())
        scene.insert(QLatin1String("store_info"), QJsonObject { { QLatin1String("out_id"), m_options.storeId } });
    if (!scene.isEmpty())
        body.insert(QLatin1String("scene_info"), scene);
    return m_exchange.post(transactionsPath(m_ids) + u"/codepay", body);
}

Result<Transaction> V3Codec::parseMicropay(const WireResponse& response) const
{
    return micropayResult(m_exchange, response, m_dialect);
}

Result<WireRequest> V3Codec::queryOrder(const OrderRef& order)
{
    if (!order.transactionId.isEmpty())
        return m_exchange.get(
            transactionsPath(m_ids) + u"/id/" + urlPart(order.transactionId) + u'?' + mchidsQuery(m_ids));
    if (!order.outTradeNo.isEmpty())
        return m_exchange.get(
            transactionsPath(m_ids) + u"/out-trade-no/" + urlPart(order.outTradeNo) + u'?' + mchidsQuery(m_ids));
    return missingInput(QLatin1String("transaction_id or out_trade_no"));
}

Result<Transaction> V3Codec::parseQueryOrder(const WireResponse& response) const
{
    return transactionResult(m_exchange, response, m_dialect);
}

Result<WireRequest> V3Codec::closeOrder(const OrderRef& order)
{
    if (order.outTradeNo.isEmpty())
        return unsupported(QStringLiteral("APIv3 closes an order by out_trade_no only"));
    return m_exchange.post(
        transactionsPath(m_ids) + u"/out-trade-no/" + urlPart(order.outTradeNo) + u"/close", mchidsJson(m_ids));
}

Status V3Codec::parseCloseOrder(const WireResponse& response) const
{
    return m_exchange.accept(response); // 204 No Content
}

Result<WireRequest> V3Codec::reverse(const OrderRef& order)
{
    if (order.outTradeNo.isEmpty())
        return unsupported(QStringLiteral("APIv3 reverses an order by out_trade_no only"));
    QJsonObject body;
    if (const Status ids = addMerchantIds(body, m_ids); !ids)
        return ids.error();
    return m_exchange.post(transactionsPath(m_ids) + u"/out-trade-no/" + urlPart(order.outTradeNo) + u"/reverse", body);
}

Result<ReverseResult> V3Codec::parseReverse(const WireResponse& response) const
{
    // 200 {appid, mchid, out_trade_no}: nothing in it changes the outcome; APIv3 has no recall flag.
    if (const Status accepted = m_exchange.accept(response); !accepted)
        return accepted.error();
    return ReverseResult {};
}

Result<WireRequest> V3Codec::refund(const RefundRequest& request)
{
    auto body = refundJson(request);
    if (!body)
        return body.error();
    // Domestic refunds name only the sub-merchant; the service provider is the signer.
    if (m_ids.isServiceProvider())
        body.value().insert(QLatin1String("sub_mchid"), m_ids.subMchid);
    return m_exchange.post(QStringLiteral("/v3/refund/domestic/refunds"), *body);
}

Result<Refund> V3Codec::parseRefund(const WireResponse& response) const
{
    return refundResult(m_exchange, response, m_dialect);
}

Result<WireRequest> V3Codec::queryRefund(const RefundRef& refund)
{
    if (refund.outRefundNo.isEmpty())
        return unsupported(QStringLiteral("APIv3 domestic refunds are queried by out_refund_no only"));
    QString path = u"/v3/refund/domestic/refunds/" + urlPart(refund.outRefundNo);
    if (m_ids.isServiceProvider())
        path += u"?sub_mchid=" + urlPart(m_ids.subMchid);
    return m_exchange.get(path);
}

Result<QList<Refund>> V3Codec::parseQueryRefund(const WireResponse& response) const
{
    auto refund = parseRefund(response);
    if (!refund)
        return refund.error();
    return QList<Refund> { std::move(refund).value() };
}

Result<WireRequest> V3Codec::tradeBill(const BillRequest& request)
{
    if (!request.date.isValid())
        return missingInput(QLatin1String("bill_date"));
    QString path = u"/v3/bill/tradebill?bill_date=" + request.date.toString(Qt::ISODate);
    if (!request.type.isEmpty())
        path += u"&bill_type=" + urlPart(request.type);
    if (m_ids.isServiceProvider())
        path += u"&sub_mchid=" + urlPart(m_ids.subMchid);
    return m_exchange.get(path);
}

Result<BillDownload> V3Codec::parseTradeBill(const WireResponse& response) const
{
    const auto body = m_exchange.acceptJson(response);
    if (!body)
        return body.error();
    JsonReader reader(response.requestId());
    BillDownload bill;
    bill.hashType = reader.string(*body, QLatin1String("hash_type"), true);
    bill.hashValue = reader.string(*body, QLatin1String("hash_value"), true);
    bill.downloadUrl = reader.string(*body, QLatin1String("download_url"), true);
    if (!reader.ok())
        return reader.error();
    return bill;
}

Result<WireRequest> V3Codec::billFile(const BillDownload& bill)
{
    const QUrl url(bill.downloadUrl, QUrl::StrictMode);
    if (!url.isValid() || url.path().isEmpty() || url.isRelative()) {
        return Error::input(QStringLiteral("BILL_URL_INVALID"), QStringLiteral("download_url is not an absolute URL"));
    }
    QString pathAndQuery = url.path(QUrl::FullyEncoded);
    if (url.hasQuery())
        pathAndQuery += u'?' + url.query(QUrl::FullyEncoded);
    return m_exchange.get(pathAndQuery);
}

Result<QByteArray> V3Codec::parseBillFile(const WireResponse& response, const BillDownload& bill) const
{
    if (response.status < 200 || response.status >= 300) {
        const Status accepted = m_exchange.accept(response);
        return accepted.error();
    }
    if (const Status matches = verifyBillHash(response.body, bill); !matches) {
        Error error = matches.error();
        error.requestId = response.requestId();
        return error;
    }
    return response.body;
}

Status verifyBillHash(QByteArrayView content, const BillDownload& bill)
{
    if (bill.hashType.compare(QLatin1String("SHA1"), Qt::CaseInsensitive) != 0) {
        return Error::protocol(QStringLiteral("HASH_TYPE_UNSUPPORTED"), u"unsupported bill hash_type " + bill.hashType);
    }
    const QByteArray actual = crypto::sha1(content).toHex();
    if (actual != bill.hashValue.toLatin1().toLower()) {
        return Error::verification(QStringLiteral("BILL_HASH_MISMATCH"),
            QStringLiteral("the downloaded bill does not match its SHA1 hash_value"));
    }
    return {};
}

} // namespace wxpay::protocol::v3
