#pragma once

// What the APIv3 codecs share: signed requests out; replies in, verified before anything in them is believed.
//
// Policy for replies:
// - 2xx: must verify (ResponseVerifier) before the body is parsed; then the body must be JSON (JSON_MALFORMED).
// - non-2xx with a JSON {code, message, detail} body: also verified first, as the php SDK does, because an error
//   code changes what the workflows do (ORDER_NOT_EXIST ends a Quick Pay poll, for example). Unverified, it is a
//   Verification error that keeps the HTTP status; verified, a Business error.
// - non-2xx with any other body (a proxy's HTML page, an empty 502): an Http error; nothing in it is trusted.

#include "common/clock.h"
#include "common/nonce.h"
#include "common/result.h"
#include "protocol/v3/auth.h"
#include "protocol/v3/json.h"
#include "protocol/v3/verifier.h"
#include "protocol/wire.h"

#include <QJsonObject>
#include <QString>

namespace wxpay::protocol::v3 {

// "wxpay-console/<version>".
QByteArray userAgent();

// Settings of a merchant profile that go into request bodies.
struct CodecOptions
{
    QString notifyUrl; // payment notify_url when the request has none
    QString clientIp; // payer_client_ip / device_ip when the request has none
    QString defaultCurrency = QStringLiteral("CNY"); // for replies that leave currency out
    QString merchantCategoryCode; // Global / HK merchant_category_code when the request has none
    QString storeId; // domestic codepay scene_info.store_info.out_id
};

// The Business (or Http) error a non-2xx reply stands for, without looking at its signature: Business with
// {code, message, requestId, httpStatus, detail as compact JSON} when the body is a JSON object with a string
// "code"; otherwise Http.
Error errorFromReply(const WireResponse& response);

// The policy above: ok only for a 2xx reply that `verifier` verifies; otherwise the error the reply stands for.
Status acceptReply(const WireResponse& response, const ResponseVerifier& verifier, const Clock& clock);

class Exchange
{
public:
    Exchange(MerchantSigner signer, ResponseVerifier verifier, const Clock& clock, NonceSource& nonces);

    const MerchantSigner& signer() const { return m_signer; }
    const ResponseVerifier& verifier() const { return m_verifier; }
    ResponseVerifier& verifier() { return m_verifier; } // to add certificates downloaded later
    const Clock& clock() const { return m_clock; }

    // Headers, in order: Authorization, Accept, Content-Type (when there is a body), User-Agent, and
    // Wechatpay-Serial when the verifier knows a platform serial or public key id.
    Result<WireRequest> request(QByteArray method, QString pathAndQuery, QByteArray body = {});
    Result<WireRequest> get(QString pathAndQuery) { return request("GET", std::move(pathAndQuery)); }
    Result<WireRequest> post(QString path, const QJsonObject& body);

    // acceptReply() with this exchange's verifier and clock.
    Status accept(const WireResponse& response) const { return acceptReply(response, m_verifier, m_clock); }
    // accept(), then the body as a JSON object.
    Result<QJsonObject> acceptJson(const WireResponse& response) const;

private:
    MerchantSigner m_signer;
    ResponseVerifier m_verifier;
    const Clock& m_clock;
    NonceSource& m_nonces;
};

// The body of a reply as a JSON object, or a Protocol JSON_MALFORMED error with the Request-ID.
Result<QJsonObject> jsonObject(const WireResponse& response);

// The Input error for a request that lacks `field` (code INPUT_MISSING).
Error missingInput(QLatin1String field);
// Input UNSUPPORTED: the family has no such operation (or not for this merchant shape).
Error unsupported(const QString& what);

// ---- pieces of request bodies and replies that every APIv3 family spells the same way ----

// {"total": minor units, "currency": ...}
QJsonObject amountJson(const Money& amount);
// appid + mchid for a direct merchant; sp_appid + sp_mchid + sub_mchid (+ sub_appid) for a service provider or
// institution. Input INPUT_MISSING without mchid or appid.
Status addMerchantIds(QJsonObject& body, const MerchantIds& ids);
// {"mchid"} or {"sp_mchid", "sub_mchid"}: the body of close and reverse calls.
QJsonObject mchidsJson(const MerchantIds& ids);
// "mchid=..." or "sp_mchid=...&sub_mchid=...": the query of GET calls.
QString mchidsQuery(const MerchantIds& ids);
// A refund request's body without merchant ids: the order, out_refund_no, reason, notify_url and
// amount {refund, total, currency}. Input errors: INPUT_MISSING, CURRENCY_MISMATCH.
Result<QJsonObject> refundJson(const RefundRequest& request);

// What every APIv3 Quick Pay request carries (domestic codepay, Global and HK micropay). checkMicropay():
// Input INPUT_MISSING for out_trade_no, description, amount or auth_code, in that order. micropayBody():
// merchant ids, description, out_trade_no, payer.auth_code, amount, attach, and scene_info's device_id and
// device_ip (the request's client IP, else `defaultDeviceIp`); each family adds its own fields to both.
struct MicropayBody
{
    QJsonObject body;
    QJsonObject scene; // added to body as scene_info by the caller, if not empty
};
Status checkMicropay(const MicropayRequest& request);
Result<MicropayBody> micropayBody(
    const MerchantIds& ids, const MicropayRequest& request, const QString& defaultDeviceIp);

// Verified replies that carry the same objects in every family.
Result<NativeOrder> nativeOrderResult(const Exchange& exchange, const WireResponse& response);
Result<Transaction> transactionResult(const Exchange& exchange, const WireResponse& response, const Dialect& dialect);
Result<Refund> refundResult(const Exchange& exchange, const WireResponse& response, const Dialect& dialect);

// Percent-encodes one path segment or query value (everything but A-Z a-z 0-9 - . _ ~).
QString urlPart(const QString& value);

// Quick Pay replies of every family: only a verified 200 whose trade_state is SUCCESS is a payment. A 202 is a
// Business USERPAYING error; another trade_state a Business error with that state as code; 4xx/5xx map as usual
// (USERPAYING, SYSTEM_ERROR, BANK_ERROR ... are left for the workflow to decide).
Result<Transaction> micropayResult(const Exchange& exchange, const WireResponse& response, const Dialect& dialect);

} // namespace wxpay::protocol::v3
