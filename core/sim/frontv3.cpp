// APIv3 (JSON) for the domestic (/v3/pay/transactions, /v3/pay/partner/transactions, /v3/refund/domestic,
// /v3/bill), Global (/v3/global) and Hong Kong (/hk/v3) families, plus their /certificates.
//
// Authentication, each failure a 401 {"code":"SIGN_ERROR","message":...} (signed once the merchant is known):
//   Authorization present and WECHATPAY2-SHA256-RSA2048 with its five parameters in any order; the merchant
//   of its mchid exists; the mchid / sp_mchid the body or query names is that mchid; |now - timestamp| <= 300 s;
//   serial_no is the merchant API certificate's serial; RSA-SHA256 over "METHOD\nPATH?QUERY\nTS\nNONCE\nBODY\n"
//   verifies with that certificate (this one carries the detail WeChat sends: field, location, issue and
//   sign_information with method, url, sign_message_length and truncated_sign_message = what we verified).
// Then: a body that is not a JSON object, or a missing id, is 400 PARAM_ERROR; a family the merchant does not
// speak is 403 NO_AUTH. Every reply is signed with the merchant's response key (the PUB_KEY_ID_ key when it
// has one, else its platform certificate); /certificates is signed by the platform certificate it carries; the
// bill file itself is unsigned, as WeChat's.
//
// Engine Business errors (v2 err_code names) map to HTTP status + v3 code:
//   PARAM_ERROR, INVALID_BILL_TYPE, DATA_FORMAT_ERROR  400 PARAM_ERROR (detail {field, location, issue})
//   INVALID_REQUEST, REVERSE_EXPIRE, TRADE_OVERDUE      400 INVALID_REQUEST
//   MCHID_NOT_EXIST                                      400 MCH_NOT_EXISTS
//   APPID_MCHID_NOT_MATCH                                400 APPID_MCHID_NOT_MATCH
//   AUTH_CODE_INVALID                                    400 AUTH_CODE_INVALID
//   ORDERPAID / ORDERCLOSED / ORDERREVERSED              400 ORDER_PAID / ORDER_CLOSED / ORDER_REVERSED
//   NO_BILL_EXIST / BILL_CREATING                        400 NO_STATEMENT_EXIST / STATEMENT_CREATING
//   OUT_TRADE_NO_USED                                    403 OUT_TRADE_NO_USED
//   TRADE_STATE_ERROR                                    403 TRADE_ERROR
//   NOTENOUGH / AUTHCODEEXPIRE / TRADE_ERROR             403 NOT_ENOUGH / AUTHCODE_EXPIRE / TRADE_ERROR
//   USERPAYING                                           202 {"code":"USERPAYING"} for codepay / micropay (the
//                                                        payer is typing the password: "accepted, poll"),
//                                                        403 USERPAYING for reverse
//   ORDERNOTEXIST                                        404 ORDER_NOT_EXIST (refund: 404 RESOURCE_NOT_EXISTS)
//   REFUNDNOTEXIST                                       404 RESOURCE_NOT_EXISTS
//   SYSTEMERROR / BANKERROR                              500 SYSTEM_ERROR / BANK_ERROR
// Close answers 204 (also for an order already closed); domestic reverse 200 {appid, mchid, out_trade_no},
// Global / HK reverse 204. A reverse past the family's window (REVERSE_EXPIRE) is 400 INVALID_REQUEST: the
// official codepay reverse page lists only 400 PARAM_ERROR / INVALID_REQUEST, 401 and 500.
// Faults: business=CODE answers that code in the v3 spelling with its status (businesscodes.h), signed like
// every reply; unsignederror answers 403 NO_AUTH without the Wechatpay-* headers.

#include "crypto/crypto.h"
#include "protocol/v3/auth.h"
#include "protocol/v3/certificates.h"
#include "protocol/v3/json.h"
#include "sim/businesscodes.h"
#include "sim/front.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringBuilder>

namespace wxpay::sim::front {

namespace {

namespace v3 = protocol::v3;

enum class Variant
{
    Domestic,
    Partner,
    Global,
    Hk,
};

enum class Op
{
    Native,
    Micropay,
    Query,
    Close,
    Reverse,
    Refund,
    QueryRefund, // by out_refund_no or refund id (path)
    ListRefunds, // Global / HK: every refund of an order
    TradeBill,
    BillFile,
    Certificates,
};

// A path segment "{}" captures a value; "{id}" marks WeChat's order id, "{no}" the merchant's number.
struct Route
{
    const char* method;
    const char16_t* pattern;
    Variant variant;
    Op op;
};

constexpr Route kRoutes[] = {
    { "POST", u"v3/pay/transactions/native", Variant::Domestic, Op::Native },
    { "POST", u"v3/pay/transactions/codepay", Variant::Domestic, Op::Micropay },
    { "GET", u"v3/pay/transactions/id/{id}", Variant::Domestic, Op::Query },
    { "GET", u"v3/pay/transactions/out-trade-no/{no}", Variant::Domestic, Op::Query },
    { "POST", u"v3/pay/transactions/out-trade-no/{no}/close", Variant::Domestic, Op::Close },
    { "POST", u"v3/pay/transactions/out-trade-no/{no}/reverse", Variant::Domestic, Op::Reverse },
    { "POST", u"v3/pay/partner/transactions/native", Variant::Partner, Op::Native },
    { "POST", u"v3/pay/partner/transactions/codepay", Variant::Partner, Op::Micropay },
    { "GET", u"v3/pay/partner/transactions/id/{id}", Variant::Partner, Op::Query },
    { "GET", u"v3/pay/partner/transactions/out-trade-no/{no}", Variant::Partner, Op::Query },
    { "POST", u"v3/pay/partner/transactions/out-trade-no/{no}/close", Variant::Partner, Op::Close },
    { "POST", u"v3/pay/partner/transactions/out-trade-no/{no}/reverse", Variant::Partner, Op::Reverse },
    { "POST", u"v3/refund/domestic/refunds", Variant::Domestic, Op::Refund },
    { "GET", u"v3/refund/domestic/refunds/{no}", Variant::Domestic, Op::QueryRefund },
    { "GET", u"v3/bill/tradebill", Variant::Domestic, Op::TradeBill },
    { "GET", u"v3/billdownload/file", Variant::Domestic, Op::BillFile },
    { "GET", u"v3/certificates", Variant::Domestic, Op::Certificates },

    { "POST", u"v3/global/transactions/native", Variant::Global, Op::Native },
    { "GET", u"v3/global/transactions/id/{id}", Variant::Global, Op::Query },
    { "GET", u"v3/global/transactions/out-trade-no/{no}", Variant::Global, Op::Query },
    { "POST", u"v3/global/transactions/id/{id}/close", Variant::Global, Op::Close },
    { "POST", u"v3/global/transactions/out-trade-no/{no}/close", Variant::Global, Op::Close },
    { "POST", u"v3/global/micropay/transactions/pay", Variant::Global, Op::Micropay },
    { "POST", u"v3/global/micropay/transactions/id/{id}/reverse", Variant::Global, Op::Reverse },
    { "POST", u"v3/global/micropay/transactions/out-trade-no/{no}/reverse", Variant::Global, Op::Reverse },
    { "POST", u"v3/global/refunds", Variant::Global, Op::Refund },
    { "GET", u"v3/global/refunds/id/{id}", Variant::Global, Op::QueryRefund },
    { "GET", u"v3/global/refunds/out-refund-no/{no}", Variant::Global, Op::QueryRefund },
    { "GET", u"v3/global/refunds", Variant::Global, Op::ListRefunds },
    { "GET", u"v3/global/certificates", Variant::Global, Op::Certificates },

    { "POST", u"hk/v3/transactions/native", Variant::Hk, Op::Native },
    { "POST", u"hk/v3/transactions/micropay", Variant::Hk, Op::Micropay },
    { "GET", u"hk/v3/transactions/id/{id}", Variant::Hk, Op::Query },
    { "GET", u"hk/v3/transactions/out-trade-no/{no}", Variant::Hk, Op::Query },
    { "POST", u"hk/v3/transactions/id/{id}/close", Variant::Hk, Op::Close },
    { "POST", u"hk/v3/transactions/out-trade-no/{no}/close", Variant::Hk, Op::Close },
    { "POST", u"hk/v3/transactions/id/{id}/reverse", Variant::Hk, Op::Reverse },
    { "POST", u"hk/v3/transactions/out-trade-no/{no}/reverse", Variant::Hk, Op::Reverse },
    { "POST", u"hk/v3/refunds", Variant::Hk, Op::Refund },
    { "GET", u"hk/v3/refunds/id/{id}", Variant::Hk, Op::QueryRefund },
    { "GET", u"hk/v3/refunds/out-refund-no/{no}", Variant::Hk, Op::QueryRefund },
    { "GET", u"hk/v3/refunds", Variant::Hk, Op::ListRefunds },
    { "GET", u"hk/v3/certificates", Variant::Hk, Op::Certificates },
};

struct Match
{
    const Route* route = nullptr;
    QString id; // {id}
    QString no; // {no}
};

std::optional<Match> match(const Request& request)
{
    const QStringList segments = request.segments();
    for (const Route& route : kRoutes) {
        const QStringList pattern = QString::fromUtf16(route.pattern).split(u'/');
        if (pattern.size() != segments.size() || request.method != route.method)
            continue;
        Match m { &route, {}, {} };
        bool same = true;
        for (qsizetype i = 0; i < pattern.size() && same; ++i) {
            if (pattern.at(i) == u"{id}")
                m.id = segments.at(i);
            else if (pattern.at(i) == u"{no}")
                m.no = segments.at(i);
            else
                same = pattern.at(i) == segments.at(i);
        }
        if (same)
            return m;
    }
    return std::nullopt;
}

ApiFamily familyOf(Variant variant)
{
    switch (variant) {
    case Variant::Global:
        return ApiFamily::Global;
    case Variant::Hk:
        return ApiFamily::HkV3;
    default:
        return ApiFamily::V3;
    }
}

Operation operationOf(Op op)
{
    switch (op) {
    case Op::Native:
        return Operation::CreateNative;
    case Op::Micropay:
        return Operation::Micropay;
    case Op::Query:
        return Operation::QueryOrder;
    case Op::Close:
        return Operation::CloseOrder;
    case Op::Reverse:
        return Operation::Reverse;
    case Op::Refund:
        return Operation::Refund;
    case Op::QueryRefund:
    case Op::ListRefunds:
        return Operation::QueryRefund;
    case Op::TradeBill:
        return Operation::TradeBill;
    case Op::BillFile:
        return Operation::BillFile;
    case Op::Certificates:
        return Operation::Certificates;
    }
    return Operation::QueryOrder;
}

QLatin1String key(const char* name)
{
    return QLatin1String(name);
}

QJsonObject errorBody(const QString& code, const QString& message, const QJsonObject& detail = {})
{
    QJsonObject body { { key("code"), code }, { key("message"), message } };
    if (!detail.isEmpty())
        body.insert(key("detail"), detail);
    return body;
}

struct V3Error
{
    int status;
    QString code;
};

V3Error mapError(const Error& error, Op op)
{
    const QString& c = error.code;
    if (error.kind != ErrorKind::Business)
        return { 500, QStringLiteral("SYSTEM_ERROR") };
    if (c == u"PARAM_ERROR" || c == u"INVALID_BILL_TYPE" || c == u"DATA_FORMAT_ERROR")
        return { 400, QStringLiteral("PARAM_ERROR") };
    if (c == u"INVALID_REQUEST" || c == u"REVERSE_EXPIRE" || c == u"TRADE_OVERDUE")
        return { 400, QStringLiteral("INVALID_REQUEST") };
    if (c == u"MCHID_NOT_EXIST")
        return { 400, QStringLiteral("MCH_NOT_EXISTS") };
    if (c == u"APPID_MCHID_NOT_MATCH" || c == u"AUTH_CODE_INVALID")
        return { 400, c };
    if (c == u"ORDERPAID")
        return { 400, QStringLiteral("ORDER_PAID") };
    if (c == u"ORDERCLOSED")
        return { 400, QStringLiteral("ORDER_CLOSED") };
    if (c == u"ORDERREVERSED")
        return { 400, QStringLiteral("ORDER_REVERSED") };
    if (c == u"NO_BILL_EXIST")
        return { 400, QStringLiteral("NO_STATEMENT_EXIST") };
    if (c == u"BILL_CREATING")
        return { 400, QStringLiteral("STATEMENT_CREATING") };
    if (c == u"OUT_TRADE_NO_USED")
        return { 403, c };
    if (c == u"TRADE_STATE_ERROR" || c == u"TRADE_ERROR")
        return { 403, QStringLiteral("TRADE_ERROR") };
    if (c == u"NOTENOUGH")
        return { 403, QStringLiteral("NOT_ENOUGH") };
    if (c == u"AUTHCODEEXPIRE")
        return { 403, QStringLiteral("AUTHCODE_EXPIRE") };
    if (c == u"USERPAYING")
        return { op == Op::Micropay ? 202 : 403, c };
    if (c == u"ORDERNOTEXIST")
        return { 404, op == Op::Refund ? QStringLiteral("RESOURCE_NOT_EXISTS") : QStringLiteral("ORDER_NOT_EXIST") };
    if (c == u"REFUNDNOTEXIST")
        return { 404, QStringLiteral("RESOURCE_NOT_EXISTS") };
    if (c == u"SYSTEMERROR")
        return { 500, QStringLiteral("SYSTEM_ERROR") };
    if (c == u"BANKERROR")
        return { 500, QStringLiteral("BANK_ERROR") };
    return { 400, c };
}

// Reads request fields; the first problem is kept as a 400 PARAM_ERROR.
class BodyReader
{
public:
    QString string(const QJsonObject& object, const char* name, bool required)
    {
        const QJsonValue value = object.value(key(name));
        if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty())) {
            if (required)
                fail(name, QStringLiteral("缺少参数"));
            return {};
        }
        if (!value.isString()) {
            fail(name, QStringLiteral("参数类型错误，应为字符串"));
            return {};
        }
        return value.toString();
    }

    QJsonObject object(const QJsonObject& object, const char* name, bool required)
    {
        const QJsonValue value = object.value(key(name));
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(name, QStringLiteral("缺少参数"));
            return {};
        }
        if (!value.isObject())
            fail(name, QStringLiteral("参数类型错误，应为对象"));
        return value.toObject();
    }

    Money money(const QJsonObject& amount, const char* name, const QString& currency)
    {
        const QJsonValue value = amount.value(key(name));
        if (value.isUndefined()) {
            fail(name, QStringLiteral("缺少参数"));
            return {};
        }
        const double number = value.toDouble(-1);
        auto money
            = Money::fromMinor(value.isDouble() && number == std::floor(number) ? value.toInteger(-1) : -1, currency);
        if (!money) {
            fail(name, QStringLiteral("金额必须为整数（分）"));
            return {};
        }
        return money.value();
    }

    QDateTime time(const QJsonObject& object, const char* name)
    {
        const QString text = string(object, name, false);
        if (text.isEmpty())
            return {};
        const QDateTime parsed = v3::parseWireTime(text);
        if (!parsed.isValid())
            fail(name, QStringLiteral("时间格式错误，应为RFC 3339格式"));
        return parsed;
    }

    void fail(const char* field, const QString& issue)
    {
        if (!m_field.isEmpty())
            return;
        m_field = QString::fromLatin1(field);
        m_issue = issue;
    }

    bool ok() const { return m_field.isEmpty(); }
    const QString& field() const { return m_field; }
    const QString& issue() const { return m_issue; }

private:
    QString m_field;
    QString m_issue;
};

struct Handler
{
    Context& context;
    const Request& request;
    const Match& route;
    Outcome outcome;
    QJsonObject body;
    bool bodyValid = true;
    MerchantIds ids; // as the request names them (mchid = sp_mchid for service providers)
    QString namedMchid; // the mchid / sp_mchid the body or query carries explicitly
    const SimMerchant* signer = nullptr; // the merchant whose keys check and sign this exchange
    std::optional<v3::AuthorizationParts> authorization;

    Variant variant() const { return route.route->variant; }
    Op op() const { return route.route->op; }
    bool isGlobal() const { return variant() == Variant::Global || variant() == Variant::Hk; }

    // ---- replies ----

    // Signs a JSON or empty reply with `key` / `serial`, doing what a signature fault asks.
    void sign(Reply& reply, const crypto::PrivateKey* key, const QString& serial)
    {
        const std::optional<Fault>& fault = outcome.fault;
        const auto is = [&](FaultKind kind) { return fault && fault->kind == kind; };
        if (!key || is(FaultKind::MissingSignature))
            return;
        qint64 timestamp = context.engine.clock().nowSecs();
        if (is(FaultKind::StaleTimestamp))
            timestamp -= 600;
        QString usedSerial = serial;
        if (is(FaultKind::UnknownSerial)) {
            if (const crypto::PrivateKey* stranger = context.strangerKey()) {
                key = stranger;
                usedSerial = context.strangerSerial();
            }
        }
        const QByteArray nonce = context.nonces.next(v3::kNonceLength);
        auto headers = v3::signResponse(*key, usedSerial, reply.body, timestamp, nonce);
        if (!headers)
            return;
        for (auto& [name, value] : headers.value()) {
            if (name != "Wechatpay-Signature")
                continue;
            if (is(FaultKind::SignTestProbe)) {
                value = "WECHATPAY/SIGNTEST/" + crypto::randomBytes(32).toBase64();
            } else if (is(FaultKind::BadSignature)) {
                QByteArray raw = QByteArray::fromBase64(value);
                raw[raw.size() / 2] = static_cast<char>(raw.at(raw.size() / 2) ^ 0x01);
                value = raw.toBase64();
            }
        }
        reply.headers.append(headers.value());
    }

    void signWithMerchant(Reply& reply)
    {
        if (signer)
            sign(reply, signer->responseKey(), signer->responseSerial());
    }

    // The body faults that keep the reply's meaning for a client that does not check (malformed, oversized).
    void bodyFaults(Reply& reply)
    {
        if (!outcome.fault)
            return;
        if (outcome.fault->kind == FaultKind::MalformedBody)
            reply.body = reply.body.isEmpty() ? QByteArray("{\"code\":") : reply.body.left(reply.body.size() / 2);
        if (outcome.fault->kind == FaultKind::OversizedBody) {
            QJsonObject object = QJsonDocument::fromJson(reply.body).object();
            object.insert(key("sim_padding"), QString::fromLatin1(padding(kOversizedBytes)));
            reply.body = v3::compactJson(object);
            if (reply.status == 204)
                reply.status = 200;
            if (reply.headers.isEmpty())
                reply.headers.append(
                    { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8") });
        }
    }

    Outcome finish(Reply reply)
    {
        bodyFaults(reply);
        signWithMerchant(reply);
        outcome.reply = std::move(reply);
        return outcome;
    }

    Outcome error(int status, const QString& code, const QString& message, const QJsonObject& detail = {})
    {
        outcome.code = code;
        return finish(jsonReply(status, errorBody(code, message, detail)));
    }

    Outcome paramError(const QString& field, const QString& issue)
    {
        return error(400, QStringLiteral("PARAM_ERROR"), field % u"：" % issue,
            { { key("field"), field }, { key("location"), request.method == "GET" ? key("query") : key("body") },
                { key("issue"), issue } });
    }

    Outcome engineError(const Error& e)
    {
        const V3Error mapped = mapError(e, op());
        if (mapped.code == u"PARAM_ERROR" && !e.detail.isEmpty())
            return paramError(e.detail, e.message);
        return error(mapped.status, mapped.code, e.message);
    }

    Outcome signError(const QString& message, const QJsonObject& detail = {})
    {
        return error(401, QStringLiteral("SIGN_ERROR"), message, detail);
    }

    Outcome noContent() { return finish(Reply { 204, {}, {} }); }

    Outcome json(const QJsonObject& object, int status = 200) { return finish(jsonReply(status, object)); }

    // ---- request ----

    void readIds()
    {
        if (request.method == "POST") {
            const QJsonDocument document = QJsonDocument::fromJson(request.body);
            bodyValid = document.isObject();
            body = document.object();
        }
        const auto value = [&](const char* name) {
            return request.method == "POST" ? body.value(key(name)).toString()
                                            : request.queryValue(QString::fromLatin1(name));
        };
        const Op o = op();
        const bool implicitMerchant = o == Op::TradeBill || o == Op::BillFile || o == Op::Certificates
            || (variant() == Variant::Domestic && (o == Op::Refund || o == Op::QueryRefund));
        if (implicitMerchant) {
            ids.subMchid = value("sub_mchid");
            return;
        }
        if (!value("sp_mchid").isEmpty()) {
            ids.mchid = value("sp_mchid");
            ids.appid = value("sp_appid");
            ids.subMchid = value("sub_mchid");
            ids.subAppid = value("sub_appid");
        } else {
            ids.mchid = value("mchid");
            ids.appid = value("appid");
        }
        namedMchid = ids.mchid;
    }

    const SimMerchant* findSigner(const QString& mchid) const
    {
        if (const SimMerchant* exact = context.engine.merchant(mchid, ids.subMchid))
            return exact;
        if (const SimMerchant* direct = context.engine.merchant(mchid))
            return direct;
        const QList<SimMerchant> all = context.engine.merchants();
        for (const SimMerchant& m : all) {
            if (m.mchid == mchid)
                return context.engine.merchant(m.mchid, m.subMchid);
        }
        return nullptr;
    }

    std::optional<Outcome> authenticate()
    {
        const QByteArray header = request.header("Authorization");
        if (header.isEmpty())
            return signError(
                QStringLiteral("Http头缺少Authorization或格式错误，请参考《微信支付商户REST API签名规则》"));
        auto parts = v3::parseAuthorization(header);
        if (!parts)
            return signError(QStringLiteral("Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》"));
        authorization = parts.value();
        outcome.mchid = namedMchid.isEmpty() ? parts->mchid : namedMchid;
        outcome.subMchid = ids.subMchid;
        if (namedMchid.isEmpty() && ids.mchid.isEmpty())
            ids.mchid = parts->mchid;

        signer = findSigner(parts->mchid);
        if (!signer)
            return signError(u"商户号" % parts->mchid % u"不存在或未开通APIv3");
        if (!namedMchid.isEmpty() && namedMchid != parts->mchid)
            return signError(QStringLiteral("Http头Authorization中的mchid与请求中的商户号不一致"));
        const qint64 skew = context.engine.clock().nowSecs() - parts->timestamp;
        if (skew > 300 || skew < -300)
            return signError(QStringLiteral("Http头Authorization中的timestamp与发起请求的时间不得超过5分钟"));
        if (signer->merchantCertificate.isNull()
            || parts->serialNo.compare(signer->merchantCertificateSerial, Qt::CaseInsensitive) != 0)
            return signError(QStringLiteral("Http头Authorization中的serial_no对应的商户API证书不存在或已过期"));

        const QByteArray message
            = v3::signatureMessage(request.method, request.target, parts->timestamp, parts->nonce, request.body);
        const auto signature
            = QByteArray::fromBase64Encoding(parts->signature, QByteArray::AbortOnBase64DecodingErrors);
        const bool verified = signature && !signature.decoded.isEmpty()
            && crypto::rsaSha256Verify(signer->merchantCertificate.publicKey(), message, signature.decoded).ok();
        if (!verified) {
            const QJsonObject information {
                { key("method"), QString::fromLatin1(request.method) },
                { key("url"), QString::fromUtf8(request.target) },
                { key("sign_message_length"), message.size() },
                { key("truncated_sign_message"), QString::fromUtf8(message.left(kTruncatedSignMessageBytes)) },
            };
            return signError(QStringLiteral("错误的签名，验签失败"),
                { { key("detail"), QJsonObject { { key("issue"), QStringLiteral("sign not match") } } },
                    { key("field"), QStringLiteral("signature") }, { key("location"), QStringLiteral("authorization") },
                    { key("sign_information"), information } });
        }
        return std::nullopt;
    }

    std::optional<Outcome> checkRequest()
    {
        if (!bodyValid)
            return paramError(QStringLiteral("body"), QStringLiteral("请求体不是合法的JSON对象"));
        const Op o = op();
        const bool named = !(o == Op::TradeBill || o == Op::BillFile || o == Op::Certificates
            || (variant() == Variant::Domestic && (o == Op::Refund || o == Op::QueryRefund)));
        if (named) {
            if (variant() == Variant::Partner && ids.subMchid.isEmpty())
                return paramError(QStringLiteral("sub_mchid"), QStringLiteral("缺少参数"));
            if (variant() == Variant::Domestic && (namedMchid.isEmpty() || !ids.subMchid.isEmpty()))
                return paramError(QStringLiteral("mchid"), QStringLiteral("缺少参数"));
            if (ids.mchid.isEmpty())
                return paramError(QStringLiteral("mchid"), QStringLiteral("缺少参数"));
            const bool needsAppid = o == Op::Native || o == Op::Micropay || (o == Op::Reverse && !isGlobal());
            if (needsAppid && ids.appid.isEmpty())
                return paramError(ids.isServiceProvider() ? QStringLiteral("sp_appid") : QStringLiteral("appid"),
                    QStringLiteral("缺少参数"));
        }
        if (!signer->supports(familyOf(variant())) && !(o == Op::Certificates && signer->supports(ApiFamily::V3))) {
            return error(403, QStringLiteral("NO_AUTH"),
                QStringLiteral("商户号该产品权限未开通，请前往商户平台>产品中心检查后重试"));
        }
        return std::nullopt;
    }

    std::optional<Outcome> preFault()
    {
        if (!takeFault(context, operationOf(op()), outcome) || faultAppliesRequest(outcome.fault->kind))
            return std::nullopt;
        const Fault fault = *outcome.fault;
        if (actOutTransportFault(fault, outcome))
            return outcome;
        switch (fault.kind) {
        case FaultKind::Http503:
            outcome.reply = textReply(503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>");
            return outcome;
        case FaultKind::Http429:
            return error(429, QStringLiteral("FREQUENCY_LIMITED"), QStringLiteral("请求频率超过限制，请稍后重试"));
        case FaultKind::Http500:
            return error(500, QStringLiteral("SYSTEM_ERROR"), QStringLiteral("系统错误"));
        case FaultKind::Business: {
            const BusinessCode code = businessCode(fault.code);
            // As the engine's own USERPAYING: "accepted, the payer is typing the password" on code pay.
            const int status = code.v3 == u"USERPAYING" && op() == Op::Micropay ? 202 : code.status;
            return error(status, code.v3, code.message);
        }
        case FaultKind::UnsignedError:
            // Not finish(): the reply goes out without the Wechatpay-* headers, so it cannot verify.
            outcome.code = QStringLiteral("NO_AUTH");
            outcome.reply = jsonReply(403, errorBody(outcome.code, businessCode(outcome.code).message));
            return outcome;
        default: // busy
            return error(500, QStringLiteral("SYSTEM_ERROR"), QStringLiteral("系统繁忙，请稍后重试"));
        }
    }

    // ---- JSON of the domain objects ----

    void putIds(QJsonObject& out) const
    {
        const SimMerchant* m = context.engine.merchant(ids.mchid, ids.subMchid);
        const QString appid = m ? m->appid : ids.appid;
        if (ids.isServiceProvider()) {
            out.insert(key("sp_mchid"), ids.mchid);
            out.insert(key("sp_appid"), appid);
            out.insert(key("sub_mchid"), ids.subMchid);
            if (m && !m->subAppid.isEmpty())
                out.insert(key("sub_appid"), m->subAppid);
        } else {
            out.insert(key("mchid"), ids.mchid);
            out.insert(key("appid"), appid);
        }
    }

    QJsonObject transactionJson(const Transaction& t) const
    {
        QJsonObject out;
        putIds(out);
        out.insert(key("out_trade_no"), t.outTradeNo);
        if (!t.transactionId.isEmpty())
            out.insert(isGlobal() ? key("id") : key("transaction_id"), t.transactionId);
        out.insert(key("trade_type"), t.tradeType);
        out.insert(key("trade_state"), tradeStateName(t.state));
        out.insert(key("trade_state_desc"), t.stateDescription);
        if (!t.attach.isEmpty())
            out.insert(key("attach"), t.attach);
        QJsonObject amount { { key("total"), t.total.minorUnits() }, { key("currency"), t.total.currency() } };
        if (t.successTime.isValid()) {
            out.insert(key("bank_type"), t.bankType);
            out.insert(key("success_time"), v3::wireTime(t.successTime));
            const QLatin1String openidKey = !ids.isServiceProvider()
                ? key("openid")
                : (ids.subAppid.isEmpty() ? key("sp_openid") : key("sub_openid"));
            out.insert(key("payer"), QJsonObject { { openidKey, t.openid } });
            const Money payer = t.payerTotal.value_or(t.total);
            amount.insert(key("payer_total"), payer.minorUnits());
            amount.insert(key("payer_currency"), payer.currency());
            if (t.exchangeRate) {
                amount.insert(key("exchange_rate"),
                    QJsonObject { { key("type"), t.exchangeRate->type }, { key("rate"), t.exchangeRate->rate } });
            }
        }
        out.insert(key("amount"), amount);
        return out;
    }

    QJsonObject refundJson(const Refund& r) const
    {
        QJsonObject out;
        if (isGlobal()) {
            putIds(out);
            out.insert(key("id"), r.refundId);
            out.insert(key("recv_account"), r.receivedAccount);
        } else {
            out.insert(key("refund_id"), r.refundId);
            out.insert(key("user_received_account"), r.receivedAccount);
            out.insert(key("funds_account"), QStringLiteral("AVAILABLE"));
        }
        out.insert(key("out_refund_no"), r.outRefundNo);
        out.insert(key("transaction_id"), r.transactionId);
        out.insert(key("out_trade_no"), r.outTradeNo);
        out.insert(key("channel"), r.channel);
        out.insert(key("create_time"), v3::wireTime(r.createTime));
        if (r.successTime.isValid())
            out.insert(key("success_time"), v3::wireTime(r.successTime));
        QString status = refundStatusName(r.status);
        if (isGlobal() && r.status == RefundStatus::Closed)
            status = QStringLiteral("REFUNDCLOSE");
        out.insert(key("status"), status);
        const Money payer = r.payerRefund.value_or(r.refund);
        QJsonObject amount { { key("refund"), r.refund.minorUnits() }, { key("total"), r.total.minorUnits() },
            { key("currency"), r.refund.currency() }, { key("payer_refund"), payer.minorUnits() } };
        if (isGlobal()) {
            amount.insert(key("payer_currency"), payer.currency());
            if (r.exchangeRate) {
                amount.insert(key("exchange_rate"),
                    QJsonObject { { key("type"), r.exchangeRate->type }, { key("rate"), r.exchangeRate->rate } });
            }
        } else {
            amount.insert(key("payer_total"), r.total.minorUnits());
            amount.insert(key("settlement_refund"), r.refund.minorUnits());
            amount.insert(key("settlement_total"), r.total.minorUnits());
            amount.insert(key("discount_refund"), 0);
            amount.insert(key("refund_fee"), 0);
        }
        out.insert(key("amount"), amount);
        return out;
    }

    OrderRef pathOrder() const
    {
        return route.id.isEmpty() ? OrderRef::byOutTradeNo(route.no) : OrderRef::byTransactionId(route.id);
    }

    QString defaultCurrency() const
    {
        const SimMerchant* m = context.engine.merchant(ids.mchid, ids.subMchid);
        return m ? m->defaultCurrency() : QStringLiteral("CNY");
    }

    // ---- operations ----

    Outcome run()
    {
        SimEngine& engine = context.engine;
        BodyReader r;
        const auto readError = [&] { return paramError(r.field(), r.issue()); };
        switch (op()) {
        case Op::Native: {
            NativeOrderRequest q;
            q.description = r.string(body, "description", true);
            q.outTradeNo = r.string(body, "out_trade_no", true);
            q.notifyUrl = r.string(body, "notify_url", true);
            q.attach = r.string(body, "attach", false);
            q.timeExpire = r.time(body, "time_expire");
            const QJsonObject amount = r.object(body, "amount", true);
            QString currency = r.string(amount, "currency", false);
            q.amount = r.money(amount, "total", currency.isEmpty() ? defaultCurrency() : currency);
            const QJsonObject scene = r.object(body, "scene_info", false);
            q.clientIp = r.string(scene, "payer_client_ip", false);
            q.deviceId = r.string(scene, "device_id", false);
            if (isGlobal()) {
                q.merchantCategoryCode = r.string(body, "merchant_category_code", true);
                r.string(body, "trade_type", true);
            }
            if (!r.ok())
                return readError();
            outcome.reachedEngine = true;
            const auto order = engine.createNative(ids, q);
            if (!order)
                return engineError(order.error());
            return json({ { key("code_url"), order->codeUrl } });
        }
        case Op::Micropay: {
            MicropayRequest q;
            q.description = r.string(body, "description", true);
            q.outTradeNo = r.string(body, "out_trade_no", true);
            q.attach = r.string(body, "attach", false);
            q.authCode = r.string(r.object(body, "payer", true), "auth_code", true);
            const QJsonObject amount = r.object(body, "amount", true);
            const QString currency = r.string(amount, "currency", false);
            q.amount = r.money(amount, "total", currency.isEmpty() ? defaultCurrency() : currency);
            const QJsonObject scene = r.object(body, "scene_info", false);
            q.deviceId = r.string(scene, "device_id", false);
            q.clientIp = r.string(scene, "device_ip", false);
            q.operatorId = r.string(scene, "operator_id", false);
            if (isGlobal())
                q.merchantCategoryCode = r.string(body, "merchant_category_code", true);
            if (!r.ok())
                return readError();
            outcome.reachedEngine = true;
            const auto paid = engine.micropay(ids, q);
            if (!paid)
                return engineError(paid.error());
            return json(transactionJson(paid.value()));
        }
        case Op::Query: {
            outcome.reachedEngine = true;
            const auto order = engine.queryOrder(ids, pathOrder());
            if (!order)
                return engineError(order.error());
            return json(transactionJson(order.value()));
        }
        case Op::Close: {
            outcome.reachedEngine = true;
            const Status closed = engine.closeOrder(ids, pathOrder());
            if (!closed && closed.error().code != u"ORDERCLOSED")
                return engineError(closed.error());
            return noContent();
        }
        case Op::Reverse: {
            outcome.reachedEngine = true;
            const auto reversed = engine.reverse(ids, pathOrder(), familyOf(variant()));
            if (!reversed)
                return engineError(reversed.error());
            if (isGlobal())
                return noContent();
            QJsonObject out;
            putIds(out);
            out.insert(key("out_trade_no"), route.no);
            return json(out);
        }
        case Op::Refund: {
            RefundRequest q;
            const QString transactionId = r.string(body, "transaction_id", false);
            q.order = transactionId.isEmpty() ? OrderRef::byOutTradeNo(r.string(body, "out_trade_no", true))
                                              : OrderRef::byTransactionId(transactionId);
            q.outRefundNo = r.string(body, "out_refund_no", true);
            q.reason = r.string(body, "reason", false);
            q.notifyUrl = r.string(body, "notify_url", false);
            const QJsonObject amount = r.object(body, "amount", true);
            const QString currency = r.string(amount, "currency", !isGlobal());
            const QString effective = currency.isEmpty() ? defaultCurrency() : currency;
            q.refund = r.money(amount, "refund", effective);
            q.total = r.money(amount, "total", effective);
            if (!r.ok())
                return readError();
            outcome.reachedEngine = true;
            const auto refund = engine.refund(ids, q);
            if (!refund)
                return engineError(refund.error());
            return json(refundJson(refund.value()));
        }
        case Op::QueryRefund: {
            RefundRef ref;
            if (!route.id.isEmpty())
                ref.refundId = route.id;
            else
                ref.outRefundNo = route.no;
            outcome.reachedEngine = true;
            const auto refunds = engine.queryRefunds(ids, ref);
            if (!refunds)
                return engineError(refunds.error());
            return json(refundJson(refunds->constFirst()));
        }
        case Op::ListRefunds: {
            RefundRef ref;
            const QString transactionId = request.queryValue(QStringLiteral("transaction_id"));
            ref.order = transactionId.isEmpty()
                ? OrderRef::byOutTradeNo(request.queryValue(QStringLiteral("out_trade_no")))
                : OrderRef::byTransactionId(transactionId);
            if (ref.order.transactionId.isEmpty() && ref.order.outTradeNo.isEmpty())
                return paramError(QStringLiteral("out_trade_no"), QStringLiteral("缺少参数"));
            const qsizetype offset = qMax(0, request.queryValue(QStringLiteral("offset")).toInt());
            const QString countText = request.queryValue(QStringLiteral("count"));
            const qsizetype count = countText.isEmpty() ? 10 : qBound(1, countText.toInt(), 20);
            outcome.reachedEngine = true;
            const auto refunds = engine.queryRefunds(ids, ref);
            if (!refunds)
                return engineError(refunds.error());
            QJsonArray data;
            for (qsizetype i = offset; i < refunds->size() && i < offset + count; ++i)
                data.append(refundJson(refunds->at(i)));
            QJsonObject out;
            putIds(out);
            out.insert(key("id"), refunds->constFirst().transactionId);
            out.insert(key("out_trade_no"), refunds->constFirst().outTradeNo);
            out.insert(key("total_count"), refunds->size());
            out.insert(key("offset"), offset);
            out.insert(key("count"), data.size());
            out.insert(key("data"), data);
            return json(out);
        }
        case Op::TradeBill:
            return tradeBill();
        case Op::BillFile:
            return billFile();
        case Op::Certificates:
            return certificates();
        }
        return error(500, QStringLiteral("SYSTEM_ERROR"), QStringLiteral("系统错误"));
    }

    Outcome tradeBill()
    {
        const QString dateText = request.queryValue(QStringLiteral("bill_date"));
        if (dateText.isEmpty())
            return paramError(QStringLiteral("bill_date"), QStringLiteral("缺少参数"));
        if (!request.queryValue(QStringLiteral("tar_type")).isEmpty())
            return paramError(QStringLiteral("tar_type"), QStringLiteral("wxpay-sim does not compress bills"));
        BillRequest q;
        q.date = QDate::fromString(dateText, Qt::ISODate);
        if (!q.date.isValid())
            return paramError(QStringLiteral("bill_date"), QStringLiteral("日期格式应为YYYY-MM-DD"));
        q.type = request.queryValue(QStringLiteral("bill_type"));
        outcome.reachedEngine = true;
        const auto bill = context.engine.tradeBill(ids, q);
        if (!bill)
            return engineError(bill.error());

        const QDateTime now = context.engine.clock().now();
        for (auto it = context.billTokens.begin(); it != context.billTokens.end();)
            it = it->expires <= now ? context.billTokens.erase(it) : std::next(it);
        const QString token = QString::fromLatin1(randomHex(24));
        context.billTokens.insert(
            token, BillToken { ids.mchid, ids.subMchid, bill->content, now.addSecs(kBillTokenLifetime.count()) });
        QUrl url = context.baseUrl;
        url.setPath(QStringLiteral("/v3/billdownload/file"));
        url.setQuery(u"token=" % token);
        return json({ { key("hash_type"), QStringLiteral("SHA1") }, { key("hash_value"), bill->sha1Hex },
            { key("download_url"), url.toString(QUrl::FullyEncoded) } });
    }

    Outcome billFile()
    {
        const auto it = context.billTokens.constFind(request.queryValue(QStringLiteral("token")));
        if (it == context.billTokens.cend() || it->expires <= context.engine.clock().now() || it->mchid != ids.mchid
            || it->subMchid != ids.subMchid) {
            return error(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("下载链接不存在或已过期，请重新获取"));
        }
        QByteArray content = it->content;
        if (outcome.fault && outcome.fault->kind == FaultKind::MalformedBody)
            content = content.left(content.size() / 2) + "\r\n`broken";
        if (outcome.fault && outcome.fault->kind == FaultKind::OversizedBody)
            content += padding(kOversizedBytes);
        outcome.reply = textReply(200, "text/plain; charset=utf-8", content);
        return outcome; // unsigned by design: the client checks hash_value
    }

    Outcome certificates()
    {
        if (signer->platformCertificate.isNull() || !signer->platformKey) {
            return error(404, QStringLiteral("RESOURCE_NOT_EXISTS"),
                QStringLiteral("无可用的平台证书，请在商户平台-API安全申请使用微信支付公钥。"));
        }
        auto list = v3::buildCertificatesBody({ signer->platformCertificate }, signer->apiV3Key, context.nonces);
        if (!list)
            return error(500, QStringLiteral("SYSTEM_ERROR"), QStringLiteral("系统错误"));
        Reply reply { 200, { { "Content-Type", "application/json; charset=utf-8" } }, list.value() };
        bodyFaults(reply);
        sign(reply, signer->platformKey.get(), signer->platformSerial);
        outcome.reply = std::move(reply);
        return outcome;
    }

    Outcome handle()
    {
        const Variant v = variant();
        outcome.family = v == Variant::Global ? QStringLiteral("global")
            : v == Variant::Hk                ? QStringLiteral("hk")
                                              : QStringLiteral("v3");
        outcome.operation = operationOf(op());
        readIds();
        if (auto refused = authenticate())
            return *refused;
        if (auto refused = checkRequest())
            return *refused;
        if (auto faulted = preFault())
            return *faulted;
        Outcome result = run();
        if (result.fault)
            applyDelivery(*result.fault, result);
        return result;
    }
};

} // namespace

std::optional<Outcome> handleV3(Context& context, const Request& request)
{
    const auto matched = match(request);
    if (matched)
        return Handler { context, request, *matched, {}, {}, true, {}, {}, nullptr, std::nullopt }.handle();
    if (request.path.startsWith(u"/v3/") || request.path.startsWith(u"/hk/v3/")) {
        Outcome outcome;
        outcome.family = request.path.startsWith(u"/hk/") ? QStringLiteral("hk") : QStringLiteral("v3");
        outcome.code = QStringLiteral("NOT_FOUND");
        outcome.reply = jsonReply(404, errorBody(outcome.code, QStringLiteral("请求的资源不存在")));
        return outcome;
    }
    return std::nullopt;
}

} // namespace wxpay::sim::front
