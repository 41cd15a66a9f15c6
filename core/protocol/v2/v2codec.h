#pragma once

// APIv2 (XML, MD5 / HMAC-SHA256 sign) as a PaymentCodec. Every reply with return_code=SUCCESS must carry a
// valid sign of the request's type and echo this merchant's appid / mch_id before anything in it is mapped.

#include "common/clock.h"
#include "common/nonce.h"
#include "protocol/codec.h"
#include "protocol/v2/sign.h"
#include "protocol/v2/xml.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace wxpay::protocol::v2 {

struct V2CodecOptions
{
    QString defaultClientIp; // spbill_create_ip when a request names none
    QString defaultNotifyUrl; // unifiedorder notify_url when a request names none
    QString currency = QStringLiteral("CNY"); // the merchant's currency: requests must use it, replies default to it
};

// Error codes besides those of parseXml() and verify():
//   Input: TEXT_INVALID (a value XML cannot carry), AMOUNT_INVALID, CURRENCY_MISMATCH, OUT_TRADE_NO_INVALID,
//   OUT_REFUND_NO_INVALID, DESCRIPTION_EMPTY,
//          AUTH_CODE_INVALID, CLIENT_IP_MISSING, NOTIFY_URL_MISSING, TIME_EXPIRE_TOO_SOON, ORDER_REF_MISSING,
//          REFUND_REF_MISSING, BILL_DATE_INVALID, BILL_TYPE_INVALID
//   Http: HTTP_<status>
//   Business: RETURN_CODE_FAIL (message = return_msg), else the reply's err_code (message = err_code_des)
//   Verification: APPID_MISMATCH, MCHID_MISMATCH
//   Protocol: RETURN_CODE_MISSING, RESULT_CODE_MISSING, FIELD_MISSING, FIELD_INVALID, BILL_UNEXPECTED_XML,
//             BILL_MALFORMED
class V2Codec final : public PaymentCodec
{
public:
    V2Codec(MerchantIds ids,
        QByteArray apiKey,
        SignType signType,
        const Clock& clock,
        NonceSource& nonces,
        V2CodecOptions options = {});

    ApiFamily family() const override { return ApiFamily::V2; }

    // unifiedorder, trade_type=NATIVE; product_id defaults to out_trade_no.
    Result<WireRequest> createNative(const NativeOrderRequest& request) override;
    Result<NativeOrder> parseCreateNative(const WireResponse& response) const override;

    Result<WireRequest> micropay(const MicropayRequest& request) override;
    Result<Transaction> parseMicropay(const WireResponse& response) const override;

    Result<WireRequest> queryOrder(const OrderRef& order) override;
    // An unknown trade_state maps to TradeState::Unknown.
    Result<Transaction> parseQueryOrder(const WireResponse& response) const override;

    Result<WireRequest> closeOrder(const OrderRef& order) override; // needs out_trade_no
    Status parseCloseOrder(const WireResponse& response) const override;

    Result<WireRequest> reverse(const OrderRef& order) override; // /secapi: client certificate
    // recall=Y (also on result_code=FAIL) is a result {recall = true}: call reverse again.
    Result<ReverseResult> parseReverse(const WireResponse& response) const override;

    Result<WireRequest> refund(const RefundRequest& request) override; // /secapi: client certificate
    // The reply only means "accepted": status Processing.
    Result<Refund> parseRefund(const WireResponse& response) const override;

    Result<WireRequest> queryRefund(const RefundRef& refund) override;
    // Every refund the reply lists (refund_count, fields suffixed _0, _1, ...).
    Result<QList<Refund>> parseQueryRefund(const WireResponse& response) const override;

    Result<WireRequest> tradeBill(const BillRequest& request) override;
    // The unsigned bill text (checked with parseBill()); an XML reply is the server's refusal.
    Result<BillDownload> parseTradeBill(const WireResponse& response) const override;

private:
    Result<WireRequest> post(const QString& path, Fields fields, bool clientCertificate = false);
    // HTTP status, XML, return_code, sign and echoed ids; result_code is left to the caller.
    Result<Fields> verifiedReply(const WireResponse& response) const;
    // verifiedReply() plus result_code=SUCCESS.
    Result<Fields> successReply(const WireResponse& response) const;
    Result<Transaction> toTransaction(const Fields& fields, const QString& requestId, bool paid) const;

    MerchantIds m_ids;
    QByteArray m_apiKey;
    SignType m_signType;
    const Clock& m_clock;
    NonceSource& m_nonces;
    V2CodecOptions m_options;
};

// Decrypts the req_info of a v2 refund notification: Base64, AES-256-ECB with the lower-case hex MD5 of the
// API key as key, giving a flat <root> document. Errors: Protocol REQ_INFO_BASE64, crypto's AES errors,
// parseXml()'s errors.
Result<Fields> decryptRefundReqInfo(QByteArrayView reqInfoBase64, QByteArrayView apiKey);

} // namespace wxpay::protocol::v2
