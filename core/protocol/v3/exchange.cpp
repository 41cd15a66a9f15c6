#include "protocol/v3/exchange.h"

#include "protocol/log.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#ifndef WXPAY_VERSION
#error "WXPAY_VERSION must be defined for this file (core/protocol/v3/sources.cmake)"
#endif

namespace wxpay::protocol::v3 {

namespace {

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

QString detailText(const QJsonValue& detail)
{
    if (detail.isObject())
        return QString::fromUtf8(QJsonDocument(detail.toObject()).toJson(QJsonDocument::Compact));
    if (detail.isArray())
        return QString::fromUtf8(QJsonDocument(detail.toArray()).toJson(QJsonDocument::Compact));
    if (detail.isString())
        return detail.toString();
    return {};
}

} // namespace

QByteArray userAgent()
{
    return QByteArrayLiteral("wxpay-console/" WXPAY_VERSION);
}

Error errorFromReply(const WireResponse& response)
{
    const QString requestId = response.requestId();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject object = document.object();
        const QJsonValue code = object.value(QLatin1String("code"));
        if (code.isString() && !code.toString().isEmpty()) {
            Error error = Error::business(
                code.toString(), object.value(QLatin1String("message")).toString(), requestId, response.status);
            error.detail = detailText(object.value(QLatin1String("detail")));
            return error;
        }
    }
    return Error::http(
        response.status, QStringLiteral("HTTP %1 without a WeChat Pay error body").arg(response.status), requestId);
}

Result<QJsonObject> jsonObject(const WireResponse& response)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return Error::protocol(QStringLiteral("JSON_MALFORMED"),
            parseError.error != QJsonParseError::NoError ? u"the reply is not JSON: " + parseError.errorString()
                                                         : QStringLiteral("the reply is not a JSON object"),
            response.requestId());
    }
    return document.object();
}

Error missingInput(QLatin1String field)
{
    return Error::input(QStringLiteral("INPUT_MISSING"), u"the request needs " + field);
}

Error unsupported(const QString& what)
{
    return Error::input(QStringLiteral("UNSUPPORTED"), what);
}

QJsonObject amountJson(const Money& amount)
{
    return { { QLatin1String("total"), amount.minorUnits() }, { QLatin1String("currency"), amount.currency() } };
}

Status addMerchantIds(QJsonObject& body, const MerchantIds& ids)
{
    if (ids.mchid.isEmpty())
        return missingInput(QLatin1String("mchid"));
    if (ids.appid.isEmpty())
        return missingInput(QLatin1String("appid"));
    if (!ids.isServiceProvider()) {
        body.insert(QLatin1String("appid"), ids.appid);
        body.insert(QLatin1String("mchid"), ids.mchid);
        return {};
    }
    body.insert(QLatin1String("sp_appid"), ids.appid);
    body.insert(QLatin1String("sp_mchid"), ids.mchid);
    if (!ids.subAppid.isEmpty())
        body.insert(QLatin1String("sub_appid"), ids.subAppid);
    body.insert(QLatin1String("sub_mchid"), ids.subMchid);
    return {};
}

Status checkMicropay(const MicropayRequest& request)
{
    if (request.outTradeNo.isEmpty())
        return missingInput(QLatin1String("out_trade_no"));
    if (request.description.isEmpty())
        return missingInput(QLatin1String("description"));
    if (!request.amount.isValid())
        return missingInput(QLatin1String("amount"));
    if (request.authCode.isEmpty())
        return missingInput(QLatin1String("auth_code"));
    return {};
}

Result<MicropayBody> micropayBody(
    const MerchantIds& ids, const MicropayRequest& request, const QString& defaultDeviceIp)
{
    MicropayBody out;
    if (const Status added = addMerchantIds(out.body, ids); !added)
        return added.error();
    out.body.insert(QLatin1String("description"), request.description);
    out.body.insert(QLatin1String("out_trade_no"), request.outTradeNo);
    out.body.insert(QLatin1String("payer"), QJsonObject { { QLatin1String("auth_code"), request.authCode } });
    out.body.insert(QLatin1String("amount"), amountJson(request.amount));
    if (!request.attach.isEmpty())
        out.body.insert(QLatin1String("attach"), request.attach);
    if (!request.deviceId.isEmpty())
        out.scene.insert(QLatin1String("device_id"), request.deviceId);
    const QString deviceIp = request.clientIp.isEmpty() ? defaultDeviceIp : request.clientIp;
    if (!deviceIp.isEmpty())
        out.scene.insert(QLatin1String("device_ip"), deviceIp);
    return out;
}

QJsonObject mchidsJson(const MerchantIds& ids)
{
    if (!ids.isServiceProvider())
        return { { QLatin1String("mchid"), ids.mchid } };
    return { { QLatin1String("sp_mchid"), ids.mchid }, { QLatin1String("sub_mchid"), ids.subMchid } };
}

QString mchidsQuery(const MerchantIds& ids)
{
    if (!ids.isServiceProvider())
        return u"mchid=" + urlPart(ids.mchid);
    return u"sp_mchid=" + urlPart(ids.mchid) + u"&sub_mchid=" + urlPart(ids.subMchid);
}

Result<QJsonObject> refundJson(const RefundRequest& request)
{
    if (request.outRefundNo.isEmpty())
        return missingInput(QLatin1String("out_refund_no"));
    if (!request.refund.isValid() || !request.total.isValid())
        return missingInput(QLatin1String("amount"));
    if (request.refund.currency() != request.total.currency())
        return Error::input(QStringLiteral("CURRENCY_MISMATCH"), QStringLiteral("refund and total differ in currency"));

    QJsonObject body;
    if (!request.order.transactionId.isEmpty())
        body.insert(QLatin1String("transaction_id"), request.order.transactionId);
    else if (!request.order.outTradeNo.isEmpty())
        body.insert(QLatin1String("out_trade_no"), request.order.outTradeNo);
    else
        return missingInput(QLatin1String("transaction_id or out_trade_no"));
    body.insert(QLatin1String("out_refund_no"), request.outRefundNo);
    if (!request.reason.isEmpty())
        body.insert(QLatin1String("reason"), request.reason);
    if (!request.notifyUrl.isEmpty())
        body.insert(QLatin1String("notify_url"), request.notifyUrl);
    body.insert(QLatin1String("amount"),
        QJsonObject { { QLatin1String("refund"), request.refund.minorUnits() },
            { QLatin1String("total"), request.total.minorUnits() },
            { QLatin1String("currency"), request.refund.currency() } });
    return body;
}

Result<NativeOrder> nativeOrderResult(const Exchange& exchange, const WireResponse& response)
{
    const auto body = exchange.acceptJson(response);
    if (!body)
        return body.error();
    JsonReader reader(response.requestId());
    NativeOrder order;
    order.codeUrl = reader.string(*body, QLatin1String("code_url"), true);
    if (!reader.ok())
        return reader.error();
    return order;
}

Result<Transaction> transactionResult(const Exchange& exchange, const WireResponse& response, const Dialect& dialect)
{
    const auto body = exchange.acceptJson(response);
    if (!body)
        return body.error();
    return transactionFromJson(*body, dialect, response.requestId());
}

Result<Refund> refundResult(const Exchange& exchange, const WireResponse& response, const Dialect& dialect)
{
    const auto body = exchange.acceptJson(response);
    if (!body)
        return body.error();
    return refundFromJson(*body, dialect, response.requestId());
}

QString urlPart(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

Status acceptReply(const WireResponse& response, const ResponseVerifier& verifier, const Clock& clock)
{
    if (isSuccess(response.status)) {
        Status verified = verifier.verify(response, clock);
        if (!verified)
            qCWarning(lcProtocol) << "unverified reply, HTTP" << response.status << verified.error().code
                                  << "Request-ID" << response.requestId();
        return verified;
    }
    const Error mapped = errorFromReply(response);
    if (mapped.kind != ErrorKind::Business)
        return mapped;
    const Status verified = verifier.verify(response, clock);
    if (!verified) {
        qCWarning(lcProtocol) << "unverified error reply, HTTP" << response.status << verified.error().code
                              << "Request-ID" << response.requestId();
        Error error = verified.error();
        error.httpStatus = response.status;
        return error;
    }
    return mapped;
}

Exchange::Exchange(MerchantSigner signer, ResponseVerifier verifier, const Clock& clock, NonceSource& nonces)
    : m_signer(std::move(signer)), m_verifier(std::move(verifier)), m_clock(clock), m_nonces(nonces)
{ }

Result<WireRequest> Exchange::request(QByteArray method, QString pathAndQuery, QByteArray body)
{
    const QByteArray target = pathAndQuery.toUtf8();
    auto authorization = m_signer.authorization(method, target, body, m_clock, m_nonces);
    if (!authorization)
        return authorization.error();

    WireRequest request;
    request.headers.append({ "Authorization", std::move(authorization).value() });
    request.headers.append({ QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json") });
    if (!body.isEmpty())
        request.headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
    request.headers.append({ "User-Agent", userAgent() });
    const QString serial = m_verifier.preferredSerial();
    if (!serial.isEmpty())
        request.headers.append({ "Wechatpay-Serial", serial.toUtf8() });
    request.method = std::move(method);
    request.pathAndQuery = std::move(pathAndQuery);
    request.body = std::move(body);
    request.endpoint = Endpoint::Pay;
    return request;
}

Result<WireRequest> Exchange::post(QString path, const QJsonObject& body)
{
    return request("POST", std::move(path), compactJson(body));
}

Result<QJsonObject> Exchange::acceptJson(const WireResponse& response) const
{
    if (const Status accepted = accept(response); !accepted)
        return accepted.error();
    return jsonObject(response);
}

Result<Transaction> micropayResult(const Exchange& exchange, const WireResponse& response, const Dialect& dialect)
{
    if (const Status accepted = exchange.accept(response); !accepted)
        return accepted.error();
    const QString requestId = response.requestId();
    if (response.status == 202) {
        // Accepted for processing: the payer is still confirming (password, risk check).
        QString message = QStringLiteral("the payment is being processed (HTTP 202)");
        if (const auto body = jsonObject(response); body && body->value(QLatin1String("message")).isString())
            message = body->value(QLatin1String("message")).toString();
        return Error::business(QStringLiteral("USERPAYING"), message, requestId, response.status);
    }
    const auto body = jsonObject(response);
    if (!body)
        return body.error();
    auto transaction = transactionFromJson(*body, dialect, requestId);
    if (!transaction)
        return transaction.error();
    if (transaction->state != TradeState::Success) {
        return Error::business(body->value(QLatin1String("trade_state")).toString(), transaction->stateDescription,
            requestId, response.status);
    }
    return transaction;
}

} // namespace wxpay::protocol::v3
