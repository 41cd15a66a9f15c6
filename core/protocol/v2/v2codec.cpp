#include "protocol/v2/v2codec.h"

#include "crypto/crypto.h"
#include "protocol/log.h"
#include "protocol/v2/bill.h"
#include "protocol/v2/chinatime.h"

#include <QRegularExpression>

#include <optional>

namespace wxpay::protocol::v2 {

namespace {

Error inputError(const char* code, const QString& message)
{
    return Error::input(QString::fromLatin1(code), message);
}

QString field(const char* name)
{
    return QString::fromLatin1(name);
}

// Optional request fields are left out when empty: the server ignores them and the sign skips them anyway.
void putIfSet(Fields& fields, const char* name, const QString& value)
{
    if (!value.isEmpty())
        fields.insert(field(name), value);
}

bool isOutTradeNo(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Za-z_\\-|*]{6,32}$"));
    return pattern.match(text).hasMatch();
}

bool isOutRefundNo(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Za-z_\\-|*@]{1,64}$"));
    return pattern.match(text).hasMatch();
}

// WeChat Pay payment codes: 18 digits starting 10..15.
bool isAuthCode(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^1[0-5][0-9]{16}$"));
    return pattern.match(text).hasMatch();
}

bool allDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

std::optional<Error> checkAmount(const Money& amount, const QString& currency, const QString& what)
{
    if (!amount.isValid() || amount.isZero())
        return inputError("AMOUNT_INVALID", QStringLiteral("%1 must be a positive amount").arg(what));
    if (amount.currency() != currency)
        return inputError("CURRENCY_MISMATCH",
            QStringLiteral("%1 is in %2, the merchant uses %3").arg(what, amount.currency(), currency));
    return std::nullopt;
}

// transaction_id wins over out_trade_no, as on the server.
std::optional<Error> putOrderRef(Fields& fields, const OrderRef& order)
{
    if (!order.transactionId.isEmpty())
        fields.insert(field("transaction_id"), order.transactionId);
    else if (!order.outTradeNo.isEmpty())
        fields.insert(field("out_trade_no"), order.outTradeNo);
    else
        return inputError("ORDER_REF_MISSING", QStringLiteral("an order needs a transaction_id or an out_trade_no"));
    return std::nullopt;
}

// Reads reply fields into domain values, keeping the first problem as a Protocol error.
class FieldReader
{
public:
    FieldReader(const Fields& fields, QString requestId) : m_fields(fields), m_requestId(std::move(requestId)) { }

    QString text(const QString& name, const QString& fallback = {}) const
    {
        const QString value = m_fields.value(name);
        return value.isEmpty() ? fallback : value;
    }

    QString required(const QString& name)
    {
        const QString value = m_fields.value(name);
        if (value.isEmpty())
            missing(name);
        return value;
    }

    // An integer amount in minor units (total_fee, refund_fee, ...).
    Money minorUnits(const QString& name, const QString& currency, bool isRequired)
    {
        const QString value = m_fields.value(name);
        if (value.isEmpty()) {
            if (isRequired)
                missing(name);
            return {};
        }
        auto money = Money::fromMinor(allDigits(value) && value.size() <= 12 ? value.toLongLong() : -1, currency);
        if (!money.ok()) {
            invalid(name, QStringLiteral("\"%1\" %2 is not an amount").arg(value, currency));
            return {};
        }
        return money.value();
    }

    QDateTime time(const QString& name, bool isRequired)
    {
        const QString value = m_fields.value(name);
        if (value.isEmpty()) {
            if (isRequired)
                missing(name);
            return {};
        }
        const QDateTime parsed = parseChinaTime(value);
        if (!parsed.isValid())
            invalid(name, QStringLiteral("\"%1\" is not a time").arg(value));
        return parsed;
    }

    qsizetype count(const QString& name)
    {
        const QString value = required(name);
        // Each counted item brings fields of its own, so a count above the number of fields is a lie.
        if (!value.isEmpty() && (!allDigits(value) || value.size() > 6 || value.toLongLong() > m_fields.size())) {
            invalid(name, QStringLiteral("\"%1\" is not a plausible count").arg(value));
            return 0;
        }
        return value.toLongLong();
    }

    const std::optional<Error>& error() const { return m_error; }

private:
    void missing(const QString& name)
    {
        if (!m_error)
            m_error = Error::protocol(
                QStringLiteral("FIELD_MISSING"), QStringLiteral("the reply lacks the field %1").arg(name), m_requestId);
    }

    void invalid(const QString& name, const QString& problem)
    {
        if (!m_error)
            m_error = Error::protocol(QStringLiteral("FIELD_INVALID"), name + u": " + problem, m_requestId);
    }

    const Fields& m_fields;
    QString m_requestId;
    std::optional<Error> m_error;
};

Error withRequestId(Error error, const QString& requestId)
{
    error.requestId = requestId;
    return error;
}

// result_code of a verified reply: nullopt for SUCCESS, else the Business (or Protocol) error it carries.
std::optional<Error> resultError(const Fields& fields, const QString& requestId)
{
    const QString resultCode = fields.value(field("result_code"));
    if (resultCode == u"SUCCESS")
        return std::nullopt;
    if (resultCode != u"FAIL")
        return Error::protocol(QStringLiteral("RESULT_CODE_MISSING"),
            QStringLiteral("the reply has no result_code SUCCESS or FAIL"), requestId);
    QString code = fields.value(field("err_code"));
    if (code.isEmpty())
        code = QStringLiteral("RESULT_CODE_FAIL");
    QString message = fields.value(field("err_code_des"));
    if (message.isEmpty())
        message = fields.value(field("result_msg"));
    return Error::business(code, message, requestId);
}

} // namespace

V2Codec::V2Codec(MerchantIds ids,
    QByteArray apiKey,
    SignType signType,
    const Clock& clock,
    NonceSource& nonces,
    V2CodecOptions options)
    : m_ids(std::move(ids))
    , m_apiKey(std::move(apiKey))
    , m_signType(signType)
    , m_clock(clock)
    , m_nonces(nonces)
    , m_options(std::move(options))
{ }

Result<WireRequest> V2Codec::post(const QString& path, Fields fields, bool clientCertificate)
{
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (!isXmlText(it.value()))
            return inputError("TEXT_INVALID", QStringLiteral("%1 contains characters XML cannot carry").arg(it.key()));
    }
    fields.insert(field("appid"), m_ids.appid);
    fields.insert(field("mch_id"), m_ids.mchid);
    if (m_ids.isServiceProvider()) {
        fields.insert(field("sub_mch_id"), m_ids.subMchid);
        putIfSet(fields, "sub_appid", m_ids.subAppid);
    }
    fields.insert(field("nonce_str"), QString::fromLatin1(m_nonces.next(32)));
    // MD5 is the server's default, so sign_type is only sent for HMAC-SHA256.
    if (m_signType == SignType::HmacSha256)
        fields.insert(field("sign_type"), signTypeName(m_signType));
    fields.insert(field("sign"), sign(fields, m_apiKey, m_signType));

    WireRequest request;
    request.method = "POST";
    request.pathAndQuery = path;
    request.headers = { { "Content-Type", "text/xml; charset=utf-8" } };
    request.body = toXml(fields);
    request.endpoint = Endpoint::Pay;
    request.needsClientCertificate = clientCertificate;
    return request;
}

Result<Fields> V2Codec::verifiedReply(const WireResponse& response) const
{
    const QString requestId = response.requestId();
    if (response.status != 200)
        return Error::http(response.status, QStringLiteral("unexpected HTTP status for an APIv2 call"), requestId);
    auto parsed = parseXml(response.body);
    if (!parsed.ok())
        return withRequestId(parsed.error(), requestId);
    const Fields& fields = parsed.value();

    const QString returnCode = fields.value(field("return_code"));
    if (returnCode == u"FAIL")
        return Error::business(QStringLiteral("RETURN_CODE_FAIL"), fields.value(field("return_msg")), requestId);
    if (returnCode != u"SUCCESS")
        return Error::protocol(QStringLiteral("RETURN_CODE_MISSING"),
            QStringLiteral("the reply has no return_code SUCCESS or FAIL"), requestId);

    if (const Status signature = verify(fields, m_apiKey, m_signType); !signature.ok())
        return withRequestId(signature.error(), requestId);
    if (fields.value(field("appid")) != m_ids.appid)
        return Error::verification(
            QStringLiteral("APPID_MISMATCH"), QStringLiteral("the reply is for another appid"), requestId);
    if (fields.value(field("mch_id")) != m_ids.mchid)
        return Error::verification(
            QStringLiteral("MCHID_MISMATCH"), QStringLiteral("the reply is for another mch_id"), requestId);
    if (m_ids.isServiceProvider() && fields.contains(field("sub_mch_id"))
        && fields.value(field("sub_mch_id")) != m_ids.subMchid)
        return Error::verification(
            QStringLiteral("MCHID_MISMATCH"), QStringLiteral("the reply is for another sub_mch_id"), requestId);
    return parsed;
}

Result<Fields> V2Codec::successReply(const WireResponse& response) const
{
    auto reply = verifiedReply(response);
    if (!reply.ok())
        return reply;
    if (auto error = resultError(reply.value(), response.requestId()))
        return *error;
    return reply;
}

Result<WireRequest> V2Codec::createNative(const NativeOrderRequest& request)
{
    if (!isOutTradeNo(request.outTradeNo))
        return inputError("OUT_TRADE_NO_INVALID", QStringLiteral("out_trade_no must be 6-32 of [0-9A-Za-z_-|*]"));
    if (request.description.isEmpty())
        return inputError("DESCRIPTION_EMPTY", QStringLiteral("an order needs a description"));
    if (auto error = checkAmount(request.amount, m_options.currency, QStringLiteral("the order amount")))
        return *error;
    const QString clientIp = request.clientIp.isEmpty() ? m_options.defaultClientIp : request.clientIp;
    if (clientIp.isEmpty())
        return inputError("CLIENT_IP_MISSING", QStringLiteral("spbill_create_ip is required"));
    const QString notifyUrl = request.notifyUrl.isEmpty() ? m_options.defaultNotifyUrl : request.notifyUrl;
    if (notifyUrl.isEmpty())
        return inputError("NOTIFY_URL_MISSING", QStringLiteral("notify_url is required"));
    // WeChat refuses an expiry less than a minute away.
    if (request.timeExpire.isValid() && m_clock.now().secsTo(request.timeExpire) < 60)
        return inputError("TIME_EXPIRE_TOO_SOON", QStringLiteral("time_expire must be at least a minute from now"));

    Fields fields;
    fields.insert(field("body"), request.description);
    fields.insert(field("out_trade_no"), request.outTradeNo);
    fields.insert(field("total_fee"), QString::number(request.amount.minorUnits()));
    fields.insert(field("spbill_create_ip"), clientIp);
    fields.insert(field("notify_url"), notifyUrl);
    fields.insert(field("trade_type"), QStringLiteral("NATIVE"));
    fields.insert(field("product_id"), request.productId.isEmpty() ? request.outTradeNo : request.productId);
    putIfSet(fields, "device_info", request.deviceId);
    putIfSet(fields, "attach", request.attach);
    if (request.amount.currency() != u"CNY")
        fields.insert(field("fee_type"), request.amount.currency());
    if (request.timeExpire.isValid())
        fields.insert(field("time_expire"), formatChinaTime(request.timeExpire));
    return post(QStringLiteral("/pay/unifiedorder"), std::move(fields));
}

Result<NativeOrder> V2Codec::parseCreateNative(const WireResponse& response) const
{
    const auto reply = successReply(response);
    if (!reply.ok())
        return reply.error();
    FieldReader r(reply.value(), response.requestId());
    NativeOrder order;
    order.codeUrl = r.required(field("code_url"));
    order.prepayId = r.text(field("prepay_id"));
    if (r.error())
        return *r.error();
    return order;
}

Result<WireRequest> V2Codec::micropay(const MicropayRequest& request)
{
    if (!isOutTradeNo(request.outTradeNo))
        return inputError("OUT_TRADE_NO_INVALID", QStringLiteral("out_trade_no must be 6-32 of [0-9A-Za-z_-|*]"));
    if (request.description.isEmpty())
        return inputError("DESCRIPTION_EMPTY", QStringLiteral("an order needs a description"));
    if (auto error = checkAmount(request.amount, m_options.currency, QStringLiteral("the order amount")))
        return *error;
    if (!isAuthCode(request.authCode))
        return inputError("AUTH_CODE_INVALID", QStringLiteral("a payment code is 18 digits starting 10 to 15"));
    const QString clientIp = request.clientIp.isEmpty() ? m_options.defaultClientIp : request.clientIp;
    if (clientIp.isEmpty())
        return inputError("CLIENT_IP_MISSING", QStringLiteral("spbill_create_ip is required"));

    Fields fields;
    fields.insert(field("body"), request.description);
    fields.insert(field("out_trade_no"), request.outTradeNo);
    fields.insert(field("total_fee"), QString::number(request.amount.minorUnits()));
    fields.insert(field("spbill_create_ip"), clientIp);
    fields.insert(field("auth_code"), request.authCode);
    putIfSet(fields, "device_info", request.deviceId);
    putIfSet(fields, "attach", request.attach);
    if (request.amount.currency() != u"CNY")
        fields.insert(field("fee_type"), request.amount.currency());
    return post(QStringLiteral("/pay/micropay"), std::move(fields));
}

Result<Transaction> V2Codec::toTransaction(const Fields& fields, const QString& requestId, bool paid) const
{
    FieldReader r(fields, requestId);
    Transaction t;
    t.outTradeNo = r.required(field("out_trade_no"));
    t.state = paid ? TradeState::Success : tradeStateFromName(r.required(field("trade_state")));
    // Payment fields exist once the order was paid (it may have been refunded since).
    const bool wasPaid = t.state == TradeState::Success || t.state == TradeState::Refund;
    t.transactionId = wasPaid ? r.required(field("transaction_id")) : r.text(field("transaction_id"));
    t.stateDescription = r.text(field("trade_state_desc"));
    t.tradeType = r.text(field("trade_type"));
    const QString currency = r.text(field("fee_type"), m_options.currency);
    t.total = r.minorUnits(field("total_fee"), currency, wasPaid);
    if (fields.contains(field("cash_fee"))) {
        const Money cash = r.minorUnits(field("cash_fee"), r.text(field("cash_fee_type"), currency), true);
        if (cash.isValid())
            t.payerTotal = cash;
    }
    t.openid = r.text(field("openid"));
    t.bankType = r.text(field("bank_type"));
    t.attach = r.text(field("attach"));
    t.successTime = r.time(field("time_end"), wasPaid);
    if (r.error())
        return *r.error();
    return t;
}

Result<Transaction> V2Codec::parseMicropay(const WireResponse& response) const
{
    const auto reply = successReply(response);
    if (!reply.ok())
        return reply.error();
    return toTransaction(reply.value(), response.requestId(), true);
}

Result<WireRequest> V2Codec::queryOrder(const OrderRef& order)
{
    Fields fields;
    if (auto error = putOrderRef(fields, order))
        return *error;
    return post(QStringLiteral("/pay/orderquery"), std::move(fields));
}

Result<Transaction> V2Codec::parseQueryOrder(const WireResponse& response) const
{
    const auto reply = successReply(response);
    if (!reply.ok())
        return reply.error();
    return toTransaction(reply.value(), response.requestId(), false);
}

Result<WireRequest> V2Codec::closeOrder(const OrderRef& order)
{
    if (order.outTradeNo.isEmpty())
        return inputError("ORDER_REF_MISSING", QStringLiteral("closeorder needs the out_trade_no"));
    Fields fields;
    fields.insert(field("out_trade_no"), order.outTradeNo);
    return post(QStringLiteral("/pay/closeorder"), std::move(fields));
}

Status V2Codec::parseCloseOrder(const WireResponse& response) const
{
    const auto reply = successReply(response);
    if (!reply.ok())
        return reply.error();
    return {};
}

Result<WireRequest> V2Codec::reverse(const OrderRef& order)
{
    Fields fields;
    if (auto error = putOrderRef(fields, order))
        return *error;
    return post(QStringLiteral("/secapi/pay/reverse"), std::move(fields), true);
}

Result<ReverseResult> V2Codec::parseReverse(const WireResponse& response) const
{
    const auto reply = verifiedReply(response);
    if (!reply.ok())
        return reply.error();
    const bool recall = reply->value(field("recall")) == u"Y";
    // recall=Y comes with result_code FAIL too: the reverse did not happen yet and must be repeated.
    if (recall && reply->value(field("result_code")) == u"FAIL")
        return ReverseResult { true };
    if (auto error = resultError(reply.value(), response.requestId()))
        return *error;
    return ReverseResult { recall };
}

Result<WireRequest> V2Codec::refund(const RefundRequest& request)
{
    Fields fields;
    if (auto error = putOrderRef(fields, request.order))
        return *error;
    if (!isOutRefundNo(request.outRefundNo))
        return inputError("OUT_REFUND_NO_INVALID", QStringLiteral("out_refund_no must be 1-64 of [0-9A-Za-z_-|*@]"));
    if (auto error = checkAmount(request.refund, m_options.currency, QStringLiteral("the refund amount")))
        return *error;
    if (auto error = checkAmount(request.total, m_options.currency, QStringLiteral("the order amount")))
        return *error;
    if (request.refund.minorUnits() > request.total.minorUnits())
        return inputError("AMOUNT_INVALID", QStringLiteral("the refund exceeds the order amount"));

    fields.insert(field("out_refund_no"), request.outRefundNo);
    fields.insert(field("total_fee"), QString::number(request.total.minorUnits()));
    fields.insert(field("refund_fee"), QString::number(request.refund.minorUnits()));
    if (request.refund.currency() != u"CNY")
        fields.insert(field("refund_fee_type"), request.refund.currency());
    putIfSet(fields, "refund_desc", request.reason);
    putIfSet(fields, "notify_url", request.notifyUrl);
    return post(QStringLiteral("/secapi/pay/refund"), std::move(fields), true);
}

Result<Refund> V2Codec::parseRefund(const WireResponse& response) const
{
    const auto reply = successReply(response);
    if (!reply.ok())
        return reply.error();
    FieldReader r(reply.value(), response.requestId());
    Refund refund;
    refund.refundId = r.required(field("refund_id"));
    refund.outRefundNo = r.required(field("out_refund_no"));
    refund.transactionId = r.required(field("transaction_id"));
    refund.outTradeNo = r.required(field("out_trade_no"));
    const QString currency = r.text(field("fee_type"), m_options.currency);
    refund.refund = r.minorUnits(field("refund_fee"), currency, true);
    refund.total = r.minorUnits(field("total_fee"), currency, true);
    if (reply->contains(field("cash_refund_fee"))) {
        const Money cash = r.minorUnits(field("cash_refund_fee"), r.text(field("cash_fee_type"), currency), true);
        if (cash.isValid())
            refund.payerRefund = cash;
    }
    refund.status = RefundStatus::Processing;
    if (r.error())
        return *r.error();
    return refund;
}

Result<WireRequest> V2Codec::queryRefund(const RefundRef& refund)
{
    Fields fields;
    if (!refund.refundId.isEmpty())
        fields.insert(field("refund_id"), refund.refundId);
    else if (!refund.outRefundNo.isEmpty())
        fields.insert(field("out_refund_no"), refund.outRefundNo);
    else if (!refund.order.transactionId.isEmpty())
        fields.insert(field("transaction_id"), refund.order.transactionId);
    else if (!refund.order.outTradeNo.isEmpty())
        fields.insert(field("out_trade_no"), refund.order.outTradeNo);
    else
        return inputError("REFUND_REF_MISSING",
            QStringLiteral("refundquery needs a refund_id, out_refund_no, transaction_id or out_trade_no"));
    return post(QStringLiteral("/pay/refundquery"), std::move(fields));
}

Result<QList<Refund>> V2Codec::parseQueryRefund(const WireResponse& response) const
{
    const auto reply = successReply(response);
    if (!reply.ok())
        return reply.error();
    FieldReader r(reply.value(), response.requestId());
    const QString transactionId = r.required(field("transaction_id"));
    const QString outTradeNo = r.required(field("out_trade_no"));
    const QString currency = r.text(field("fee_type"), m_options.currency);
    const Money total = r.minorUnits(field("total_fee"), currency, true);
    const qsizetype count = r.count(field("refund_count"));

    QList<Refund> refunds;
    for (qsizetype n = 0; n < count && !r.error(); ++n) {
        const auto indexed = [n](const char* name) -> QString { return field(name) + u'_' + QString::number(n); };
        Refund refund;
        refund.transactionId = transactionId;
        refund.outTradeNo = outTradeNo;
        refund.total = total;
        refund.outRefundNo = r.required(indexed("out_refund_no"));
        refund.refundId = r.required(indexed("refund_id"));
        refund.refund = r.minorUnits(indexed("refund_fee"), currency, true);
        refund.status = refundStatusFromName(r.required(indexed("refund_status")));
        refund.channel = r.text(indexed("refund_channel"));
        refund.receivedAccount = r.text(indexed("refund_recv_accout")); // sic: the server's spelling
        refund.successTime = r.time(indexed("refund_success_time"), false);
        refunds.append(refund);
    }
    if (r.error())
        return *r.error();
    return refunds;
}

Result<WireRequest> V2Codec::tradeBill(const BillRequest& request)
{
    if (!request.date.isValid())
        return inputError("BILL_DATE_INVALID", QStringLiteral("a bill needs a valid date"));
    static const QStringList types { QStringLiteral("ALL"), QStringLiteral("SUCCESS"), QStringLiteral("REFUND"),
        QStringLiteral("RECHARGE_REFUND") };
    if (!types.contains(request.type))
        return inputError("BILL_TYPE_INVALID", QStringLiteral("bill_type must be one of %1").arg(types.join(u", ")));
    Fields fields;
    fields.insert(field("bill_date"), request.date.toString(u"yyyyMMdd"));
    fields.insert(field("bill_type"), request.type);
    return post(QStringLiteral("/pay/downloadbill"), std::move(fields));
}

Result<BillDownload> V2Codec::parseTradeBill(const WireResponse& response) const
{
    const QString requestId = response.requestId();
    if (response.status != 200)
        return Error::http(response.status, QStringLiteral("unexpected HTTP status for downloadbill"), requestId);
    // A bill is unsigned text; a refusal is an (unsigned) XML document.
    if (response.body.trimmed().startsWith('<')) {
        const auto refusal = parseXml(response.body);
        if (!refusal.ok())
            return withRequestId(refusal.error(), requestId);
        if (refusal->value(field("return_code")) != u"FAIL")
            return Error::protocol(QStringLiteral("BILL_UNEXPECTED_XML"),
                QStringLiteral("downloadbill answered XML that is not a refusal"), requestId);
        Error error
            = Error::business(QStringLiteral("RETURN_CODE_FAIL"), refusal->value(field("return_msg")), requestId);
        error.detail = refusal->value(field("error_code"));
        return error;
    }
    if (const auto bill = parseBill(response.body, m_options.currency); !bill.ok())
        return withRequestId(bill.error(), requestId);
    BillDownload download;
    download.content = response.body;
    return download;
}

Result<Fields> decryptRefundReqInfo(QByteArrayView reqInfoBase64, QByteArrayView apiKey)
{
    const auto cipher
        = QByteArray::fromBase64Encoding(reqInfoBase64.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!cipher)
        return Error::protocol(QStringLiteral("REQ_INFO_BASE64"), QStringLiteral("req_info is not Base64"));
    const QByteArray key = crypto::md5(apiKey).toHex();
    const auto plain = crypto::aes256EcbDecrypt(key, *cipher);
    if (!plain.ok())
        return plain.error();
    return parseXml(plain.value(), u"root");
}

} // namespace wxpay::protocol::v2
