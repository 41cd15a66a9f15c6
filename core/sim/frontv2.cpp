// APIv2 (XML) on /pay/... and /secapi/pay/...: checks what api.mch.weixin.qq.com checks, in this order:
//   POST with a body (return_code=FAIL "请使用post方法" / "post数据为空"), flat XML without DTD ("XML格式错误"),
//   appid / mch_id / nonce_str / sign present ("缺少参数<name>"), the merchant exists and speaks v2,
//   /secapi: the TLS client certificate is the merchant's API certificate, sign_type MD5 (default) or
//   HMAC-SHA256, the sign over every non-empty field ("签名错误").
// Each of those failures is an unsigned return_code=FAIL reply. After them, the reply is return_code=SUCCESS,
// signed with the request's sign type, echoing appid / mch_id (sub_mch_id / sub_appid), with a fresh nonce_str;
// engine Business errors become result_code=FAIL with err_code / err_code_des (reverse adds recall=Y for the
// errors after which WeChat wants reverse called again). downloadbill answers the bill text unsigned, or
// <xml> return_code=FAIL, return_msg, error_code (20001 bad parameter, 20002 No Bill Exist, 20003 Bill
// Creating). Missing required order fields are LACK_PARAMS, malformed amounts PARAM_ERROR.

#include "crypto/crypto.h"
#include "protocol/v2/chinatime.h"
#include "protocol/v2/sign.h"
#include "protocol/v2/xml.h"
#include "sim/businesscodes.h"
#include "sim/front.h"

#include <QStringBuilder>

#include <algorithm>

namespace wxpay::sim::front {

namespace {

using protocol::v2::Fields;
using protocol::v2::SignType;

struct Route
{
    const char16_t* path;
    Operation operation;
    bool secapi;
};

constexpr Route kRoutes[] = {
    { u"/pay/unifiedorder", Operation::CreateNative, false },
    { u"/pay/micropay", Operation::Micropay, false },
    { u"/pay/orderquery", Operation::QueryOrder, false },
    { u"/secapi/pay/reverse", Operation::Reverse, true },
    { u"/pay/closeorder", Operation::CloseOrder, false },
    { u"/secapi/pay/refund", Operation::Refund, true },
    { u"/pay/refundquery", Operation::QueryRefund, false },
    { u"/pay/downloadbill", Operation::TradeBill, false },
};

constexpr QByteArrayView kXmlType = "text/xml; charset=utf-8";

QString f(const char* name)
{
    return QString::fromLatin1(name);
}

Reply xmlReply(int status, const QByteArray& body)
{
    return textReply(status, kXmlType.toByteArray(), body);
}

// An unsigned return_code=FAIL document.
Reply failReply(const QString& message, int status = 200)
{
    return xmlReply(
        status, protocol::v2::toXml(Fields { { f("return_code"), f("FAIL") }, { f("return_msg"), message } }));
}

QString chinaText(const QDateTime& utc)
{
    return utc.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString refundStatusV2(RefundStatus status)
{
    switch (status) {
    case RefundStatus::Closed:
        return QStringLiteral("REFUNDCLOSE");
    case RefundStatus::Abnormal:
        return QStringLiteral("CHANGE");
    default:
        return refundStatusName(status);
    }
}

// A request field problem that becomes result_code=FAIL.
struct FieldError
{
    QString code;
    QString message;
};

class FieldReader
{
public:
    explicit FieldReader(const Fields& fields) : m_fields(fields) { }

    QString text(const char* name) const { return m_fields.value(f(name)); }

    QString required(const char* name)
    {
        const QString value = text(name);
        if (value.isEmpty())
            fail(QStringLiteral("LACK_PARAMS"), u"缺少参数" % f(name));
        return value;
    }

    Money amount(const char* name, const QString& currency)
    {
        const QString value = required(name);
        if (value.isEmpty())
            return {};
        bool ok = false;
        const qint64 minor = value.toLongLong(&ok);
        auto money = Money::fromMinor(ok && value.size() <= 12 && value.at(0).isDigit() ? minor : -1, currency);
        if (!money) {
            fail(QStringLiteral("PARAM_ERROR"), f(name) % u"参数格式错误");
            return {};
        }
        return money.value();
    }

    void fail(const QString& code, const QString& message)
    {
        if (!m_error)
            m_error = FieldError { code, message };
    }

    const std::optional<FieldError>& error() const { return m_error; }

private:
    const Fields& m_fields;
    std::optional<FieldError> m_error;
};

OrderRef orderRef(const Fields& fields)
{
    const QString transactionId = fields.value(f("transaction_id"));
    if (!transactionId.isEmpty())
        return OrderRef::byTransactionId(transactionId);
    return OrderRef::byOutTradeNo(fields.value(f("out_trade_no")));
}

QString feeType(const Fields& fields, const char* name = "fee_type")
{
    const QString value = fields.value(f(name));
    return value.isEmpty() ? QStringLiteral("CNY") : value;
}

void putIfSet(Fields& fields, const char* name, const QString& value)
{
    if (!value.isEmpty())
        fields.insert(f(name), value);
}

void putMoney(Fields& fields, const char* name, const Money& money)
{
    if (money.isValid())
        fields.insert(f(name), QString::number(money.minorUnits()));
}

// The payment fields of an order (orderquery, micropay).
void putTransaction(Fields& out, const Transaction& t, bool withState)
{
    out.insert(f("out_trade_no"), t.outTradeNo);
    putIfSet(out, "trade_type", t.tradeType);
    putMoney(out, "total_fee", t.total);
    if (t.total.isValid())
        out.insert(f("fee_type"), t.total.currency());
    putIfSet(out, "attach", t.attach);
    if (withState) {
        out.insert(f("trade_state"), tradeStateName(t.state));
        out.insert(f("trade_state_desc"), t.stateDescription);
    }
    putIfSet(out, "transaction_id", t.transactionId);
    if (!t.successTime.isValid())
        return;
    putIfSet(out, "openid", t.openid);
    out.insert(f("is_subscribe"), QStringLiteral("N"));
    putIfSet(out, "bank_type", t.bankType);
    out.insert(f("time_end"), protocol::formatChinaTime(t.successTime));
    const Money cash = t.payerTotal.value_or(t.total);
    putMoney(out, "cash_fee", cash);
    if (cash.isValid() && cash.currency() != t.total.currency())
        out.insert(f("cash_fee_type"), cash.currency());
    if (t.exchangeRate)
        out.insert(f("rate"), QString::number(t.exchangeRate->rate));
}

struct Handler
{
    Context& context;
    const Request& request;
    const Route& route;
    Outcome outcome;
    Fields in;
    const SimMerchant* merchant = nullptr;
    SignType signType = SignType::Md5;

    MerchantIds ids() const
    {
        return { in.value(f("mch_id")), in.value(f("appid")), in.value(f("sub_mch_id")), in.value(f("sub_appid")) };
    }

    Outcome refuse(const QString& code, const QString& message)
    {
        outcome.code = code;
        outcome.reply = failReply(message);
        return outcome;
    }

    // return_code=SUCCESS with the echoed ids and a fresh nonce; result fields are added by the caller.
    Fields successBase() const
    {
        Fields out;
        out.insert(f("return_code"), f("SUCCESS"));
        out.insert(f("return_msg"), f("OK"));
        out.insert(f("appid"), in.value(f("appid")));
        out.insert(f("mch_id"), in.value(f("mch_id")));
        putIfSet(out, "sub_mch_id", in.value(f("sub_mch_id")));
        putIfSet(out, "sub_appid", in.value(f("sub_appid")));
        putIfSet(out, "device_info", in.value(f("device_info")));
        out.insert(f("nonce_str"), QString::fromLatin1(context.nonces.next(32)));
        return out;
    }

    Fields businessFailure(const Error& error)
    {
        Fields out = successBase();
        const bool business = error.kind == ErrorKind::Business;
        outcome.code = business ? error.code : QStringLiteral("SYSTEMERROR");
        out.insert(f("result_code"), f("FAIL"));
        out.insert(f("err_code"), outcome.code);
        out.insert(f("err_code_des"), business ? error.message : QStringLiteral("系统错误"));
        return out;
    }

    // Signs `out` (with whatever a fault does to the signature) and sets the reply.
    void sign(Fields out)
    {
        const std::optional<Fault>& fault = outcome.fault;
        const FaultKind kind = fault ? fault->kind : FaultKind::Delay;
        if (fault && kind == FaultKind::OversizedBody)
            out.insert(f("sim_padding"), QString::fromLatin1(padding(kOversizedBytes)));
        const QByteArray& key = merchant->apiV2Key;
        if (!fault || kind != FaultKind::MissingSignature) {
            QString signature = protocol::v2::sign(out, key, signType);
            if (fault && kind == FaultKind::BadSignature)
                signature = signature.left(signature.size() - 1) + (signature.endsWith(u'0') ? u'1' : u'0');
            if (fault && kind == FaultKind::WrongV2Sign) {
                QByteArray wrongKey = key;
                std::reverse(wrongKey.begin(), wrongKey.end());
                signature = protocol::v2::sign(out, wrongKey, signType);
            }
            out.insert(f("sign"), signature);
        }
        QByteArray body = protocol::v2::toXml(out);
        if (fault && kind == FaultKind::MalformedBody)
            body.truncate(body.size() / 2);
        if (fault && kind == FaultKind::DtdPayload) {
            body = QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                     "<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n")
                + body.replace("</xml>", "<sim_xxe>&xxe;</sim_xxe></xml>");
        }
        outcome.reply = xmlReply(200, body);
    }

    std::optional<Outcome> authenticate()
    {
        if (request.method != "POST")
            return refuse(QStringLiteral("REQUIRE_POST_METHOD"), QStringLiteral("请使用post方法"));
        if (request.body.trimmed().isEmpty())
            return refuse(QStringLiteral("POST_DATA_EMPTY"), QStringLiteral("post数据为空"));
        auto parsed = protocol::v2::parseXml(request.body);
        if (!parsed) {
            const bool dtd = parsed.error().code == u"XML_DTD_FORBIDDEN";
            return refuse(parsed.error().code,
                dtd ? QStringLiteral("XML格式错误：不接受DTD或实体声明") : QStringLiteral("XML格式错误"));
        }
        in = std::move(parsed).value();
        outcome.mchid = in.value(f("mch_id"));
        outcome.subMchid = in.value(f("sub_mch_id"));
        for (const char* name : { "appid", "mch_id", "nonce_str" }) {
            if (in.value(f(name)).isEmpty())
                return refuse(QStringLiteral("LACK_PARAMS"), u"缺少参数" % f(name));
        }
        merchant = context.engine.merchant(outcome.mchid, outcome.subMchid);
        if (!merchant)
            return refuse(QStringLiteral("MCHID_NOT_EXIST"), QStringLiteral("商户号mch_id不存在"));
        if (!merchant->supports(ApiFamily::V2))
            return refuse(QStringLiteral("NOAUTH"), QStringLiteral("商户未开通APIv2接口权限"));
        if (route.secapi) {
            if (!request.secure || request.peerCertificate.isNull()) {
                return refuse(QStringLiteral("CERTIFICATE_REQUIRED"),
                    QStringLiteral("此接口需要商户API证书：请通过HTTPS并携带商户API证书（双向TLS）调用"));
            }
            if (merchant->merchantCertificate.isNull()
                || request.peerCertificate.toDer() != merchant->merchantCertificate.toDer()) {
                return refuse(
                    QStringLiteral("CERTIFICATE_MISMATCH"), QStringLiteral("证书错误：客户端证书不是该商户的API证书"));
            }
        }
        const QString type = in.value(f("sign_type"));
        if (type == u"HMAC-SHA256")
            signType = SignType::HmacSha256;
        else if (!type.isEmpty() && type != u"MD5")
            return refuse(QStringLiteral("SIGN_TYPE_INVALID"), QStringLiteral("sign_type参数错误"));
        if (!protocol::v2::verify(in, merchant->apiV2Key, signType))
            return refuse(QStringLiteral("SIGNERROR"), QStringLiteral("签名错误"));
        return std::nullopt;
    }

    // Faults that do not apply the request; true when the reply is decided.
    bool preFault()
    {
        if (!takeFault(context, route.operation, outcome) || faultAppliesRequest(outcome.fault->kind))
            return false;
        const Fault fault = *outcome.fault;
        if (actOutTransportFault(fault, outcome))
            return true;
        switch (fault.kind) {
        case FaultKind::Http500:
            outcome.reply = failReply(QStringLiteral("SYSTEMERROR"), 500);
            break;
        case FaultKind::Http503:
            outcome.reply = textReply(503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>");
            break;
        case FaultKind::Http429:
            outcome.reply = failReply(QStringLiteral("FREQUENCY_LIMITED"), 429);
            break;
        case FaultKind::Business: {
            const BusinessCode code = businessCode(fault.code);
            outcome.code = code.v2;
            if (route.operation == Operation::TradeBill) {
                outcome.reply = failReply(code.v2);
                break;
            }
            const Error error = Error::business(code.v2, code.message);
            Fields out = businessFailure(error);
            if (route.operation == Operation::Reverse)
                out.insert(f("recall"), SimEngine::shouldRecall(error) ? f("Y") : f("N"));
            sign(out);
            break;
        }
        case FaultKind::UnsignedError: {
            // return_code=SUCCESS without a sign: a client that verifies must reject it.
            const Fields out
                = businessFailure(Error::business(QStringLiteral("NOAUTH"), businessCode(u"NOAUTH").message));
            outcome.reply = xmlReply(200, protocol::v2::toXml(out));
            break;
        }
        default: { // busy
            outcome.code = QStringLiteral("SYSTEMERROR");
            if (route.operation == Operation::TradeBill) {
                outcome.reply = failReply(QStringLiteral("SYSTEMERROR"));
                break;
            }
            Fields out = businessFailure(
                Error::business(QStringLiteral("SYSTEMERROR"), QStringLiteral("系统繁忙，请稍后再试")));
            if (route.operation == Operation::Reverse)
                out.insert(f("recall"), f("Y"));
            sign(out);
            break;
        }
        }
        return true;
    }

    Fields run()
    {
        FieldReader r(in);
        SimEngine& engine = context.engine;
        Fields out = successBase();
        auto fail = [&](const Error& error) { return businessFailure(error); };
        auto fieldFail = [&]() { return fail(Error::business(r.error()->code, r.error()->message)); };
        outcome.reachedEngine = true;

        switch (route.operation) {
        case Operation::CreateNative: {
            NativeOrderRequest q;
            q.description = r.required("body");
            q.outTradeNo = r.required("out_trade_no");
            q.amount = r.amount("total_fee", feeType(in));
            q.clientIp = r.required("spbill_create_ip");
            q.notifyUrl = r.required("notify_url");
            const QString tradeType = r.required("trade_type");
            if (!tradeType.isEmpty() && tradeType != u"NATIVE")
                r.fail(QStringLiteral("PARAM_ERROR"), QStringLiteral("wxpay-sim只支持trade_type=NATIVE"));
            q.productId = r.text("product_id");
            q.deviceId = r.text("device_info");
            q.attach = r.text("attach");
            if (const QString expire = r.text("time_expire"); !expire.isEmpty()) {
                q.timeExpire = protocol::parseChinaTime(expire);
                if (!q.timeExpire.isValid())
                    r.fail(QStringLiteral("PARAM_ERROR"), QStringLiteral("time_expire参数格式错误"));
            }
            if (r.error())
                return fieldFail();
            const auto order = engine.createNative(ids(), q);
            if (!order)
                return fail(order.error());
            out.insert(f("result_code"), f("SUCCESS"));
            out.insert(f("trade_type"), f("NATIVE"));
            out.insert(f("prepay_id"), order->prepayId);
            out.insert(f("code_url"), order->codeUrl);
            return out;
        }
        case Operation::Micropay: {
            MicropayRequest q;
            q.description = r.required("body");
            q.outTradeNo = r.required("out_trade_no");
            q.amount = r.amount("total_fee", feeType(in));
            q.clientIp = r.required("spbill_create_ip");
            q.authCode = r.required("auth_code");
            q.deviceId = r.text("device_info");
            q.attach = r.text("attach");
            if (r.error())
                return fieldFail();
            const auto paid = engine.micropay(ids(), q);
            if (!paid)
                return fail(paid.error());
            if (paid->state != TradeState::Success) {
                // APIv2's micropay reply has no trade_state: a payment WeChat has only accepted is "system
                // error, query the order" (protocol.md 2.1); orderquery then shows ACCEPT / NOTPAY.
                return fail(Error::business(QStringLiteral("SYSTEMERROR"), QStringLiteral("系统超时")));
            }
            out.insert(f("result_code"), f("SUCCESS"));
            putTransaction(out, paid.value(), false);
            return out;
        }
        case Operation::QueryOrder: {
            const OrderRef ref = orderRef(in);
            if (ref.transactionId.isEmpty() && ref.outTradeNo.isEmpty())
                return fail(Error::business(QStringLiteral("LACK_PARAMS"), QStringLiteral("缺少参数out_trade_no")));
            const auto order = engine.queryOrder(ids(), ref);
            if (!order)
                return fail(order.error());
            out.insert(f("result_code"), f("SUCCESS"));
            putTransaction(out, order.value(), true);
            return out;
        }
        case Operation::CloseOrder: {
            const QString outTradeNo = r.required("out_trade_no");
            if (r.error())
                return fieldFail();
            if (const Status closed = engine.closeOrder(ids(), OrderRef::byOutTradeNo(outTradeNo)); !closed)
                return fail(closed.error());
            out.insert(f("result_code"), f("SUCCESS"));
            out.insert(f("result_msg"), f("OK"));
            return out;
        }
        case Operation::Reverse: {
            const OrderRef ref = orderRef(in);
            if (ref.transactionId.isEmpty() && ref.outTradeNo.isEmpty())
                return fail(Error::business(QStringLiteral("LACK_PARAMS"), QStringLiteral("缺少参数out_trade_no")));
            const auto reversed = engine.reverse(ids(), ref, ApiFamily::V2);
            if (!reversed) {
                Fields failed = fail(reversed.error());
                failed.insert(f("recall"), SimEngine::shouldRecall(reversed.error()) ? f("Y") : f("N"));
                return failed;
            }
            out.insert(f("result_code"), f("SUCCESS"));
            out.insert(f("recall"), reversed->recall ? f("Y") : f("N"));
            return out;
        }
        case Operation::Refund: {
            RefundRequest q;
            q.order = orderRef(in);
            if (q.order.transactionId.isEmpty() && q.order.outTradeNo.isEmpty())
                r.fail(QStringLiteral("LACK_PARAMS"), QStringLiteral("缺少参数out_trade_no"));
            q.outRefundNo = r.required("out_refund_no");
            const QString currency = feeType(in, "refund_fee_type");
            q.total = r.amount("total_fee", currency);
            q.refund = r.amount("refund_fee", currency);
            q.reason = r.text("refund_desc");
            q.notifyUrl = r.text("notify_url");
            if (r.error())
                return fieldFail();
            const auto refund = engine.refund(ids(), q);
            if (!refund)
                return fail(refund.error());
            out.insert(f("result_code"), f("SUCCESS"));
            out.insert(f("transaction_id"), refund->transactionId);
            out.insert(f("out_trade_no"), refund->outTradeNo);
            out.insert(f("out_refund_no"), refund->outRefundNo);
            out.insert(f("refund_id"), refund->refundId);
            putMoney(out, "refund_fee", refund->refund);
            putMoney(out, "total_fee", refund->total);
            out.insert(f("fee_type"), refund->total.currency());
            putMoney(out, "cash_fee", refund->total);
            const Money cashRefund = refund->payerRefund.value_or(refund->refund);
            putMoney(out, "cash_refund_fee", cashRefund);
            if (cashRefund.isValid() && cashRefund.currency() != refund->refund.currency())
                out.insert(f("cash_fee_type"), cashRefund.currency());
            return out;
        }
        case Operation::QueryRefund: {
            RefundRef ref;
            ref.refundId = r.text("refund_id");
            ref.outRefundNo = ref.refundId.isEmpty() ? r.text("out_refund_no") : QString();
            if (ref.refundId.isEmpty() && ref.outRefundNo.isEmpty())
                ref.order = orderRef(in);
            if (ref.refundId.isEmpty() && ref.outRefundNo.isEmpty() && ref.order.transactionId.isEmpty()
                && ref.order.outTradeNo.isEmpty())
                return fail(Error::business(QStringLiteral("LACK_PARAMS"), QStringLiteral("缺少参数out_refund_no")));
            const auto refunds = engine.queryRefunds(ids(), ref);
            if (!refunds)
                return fail(refunds.error());
            const Refund& first = refunds->constFirst();
            out.insert(f("result_code"), f("SUCCESS"));
            out.insert(f("transaction_id"), first.transactionId);
            out.insert(f("out_trade_no"), first.outTradeNo);
            putMoney(out, "total_fee", first.total);
            out.insert(f("fee_type"), first.total.currency());
            putMoney(out, "cash_fee", first.total);
            out.insert(f("refund_count"), QString::number(refunds->size()));
            out.insert(f("total_refund_count"), QString::number(refunds->size()));
            for (qsizetype n = 0; n < refunds->size(); ++n) {
                const Refund& refund = refunds->at(n);
                const QString suffix = u'_' + QString::number(n);
                out.insert(u"out_refund_no" % suffix, refund.outRefundNo);
                out.insert(u"refund_id" % suffix, refund.refundId);
                out.insert(u"refund_channel" % suffix, refund.channel);
                out.insert(u"refund_fee" % suffix, QString::number(refund.refund.minorUnits()));
                out.insert(u"settlement_refund_fee" % suffix, QString::number(refund.refund.minorUnits()));
                out.insert(u"refund_status" % suffix, refundStatusV2(refund.status));
                out.insert(u"refund_account" % suffix, QStringLiteral("REFUND_SOURCE_UNSETTLED_FUNDS"));
                out.insert(u"refund_recv_accout" % suffix, refund.receivedAccount);
                if (refund.successTime.isValid())
                    out.insert(u"refund_success_time" % suffix, chinaText(refund.successTime));
            }
            return out;
        }
        default:
            return fail(Error::business(QStringLiteral("SYSTEMERROR"), QStringLiteral("系统错误")));
        }
    }

    void downloadBill()
    {
        outcome.reachedEngine = true;
        const QString tarType = in.value(f("tar_type"));
        if (!tarType.isEmpty()) {
            outcome.code = QStringLiteral("TAR_TYPE_UNSUPPORTED");
            outcome.reply = failReply(QStringLiteral("wxpay-sim does not compress bills: leave tar_type out"));
            return;
        }
        BillRequest q;
        q.date = QDate::fromString(in.value(f("bill_date")), QStringLiteral("yyyyMMdd"));
        q.type = in.value(f("bill_type"));
        const auto bill = context.engine.tradeBill(ids(), q);
        if (!bill) {
            const Error& error = bill.error();
            outcome.code = error.kind == ErrorKind::Business ? error.code : QStringLiteral("SYSTEMERROR");
            const QString errorCode = error.code == u"NO_BILL_EXIST" ? QStringLiteral("20002")
                : error.code == u"BILL_CREATING"                     ? QStringLiteral("20003")
                                                                     : QStringLiteral("20001");
            outcome.reply = xmlReply(200,
                protocol::v2::toXml(Fields { { f("return_code"), f("FAIL") }, { f("return_msg"), error.message },
                    { f("error_code"), errorCode } }));
            return;
        }
        QByteArray content = bill->content;
        if (outcome.fault && outcome.fault->kind == FaultKind::MalformedBody)
            content = content.left(content.size() / 2) + "\r\n`broken";
        if (outcome.fault && outcome.fault->kind == FaultKind::OversizedBody)
            content += padding(kOversizedBytes);
        outcome.reply = textReply(200, "text/plain; charset=utf-8", content);
    }

    Outcome handle()
    {
        outcome.family = QStringLiteral("v2");
        outcome.operation = route.operation;
        if (auto refused = authenticate())
            return *refused;
        if (preFault())
            return outcome;
        if (route.operation == Operation::TradeBill)
            downloadBill();
        else
            sign(run());
        if (outcome.fault)
            applyDelivery(*outcome.fault, outcome);
        return outcome;
    }
};

} // namespace

std::optional<Outcome> handleV2(Context& context, const Request& request)
{
    for (const Route& route : kRoutes) {
        if (request.path == QStringView(route.path))
            return Handler { context, request, route, {}, {}, nullptr, SignType::Md5 }.handle();
    }
    return std::nullopt;
}

} // namespace wxpay::sim::front
