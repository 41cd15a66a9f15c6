#pragma once

// APIv3 domestic (China mainland) wire format: /v3/pay/transactions/..., /v3/refund/domestic/..., /v3/bill/...
// Service providers (MerchantIds::subMchid set) use the /v3/pay/partner/... variants with sp_/sub_ ids.

#include "protocol/codec.h"
#include "protocol/v3/exchange.h"

namespace wxpay::protocol::v3 {

class V3Codec final : public PaymentCodec
{
public:
    V3Codec(MerchantIds ids,
        MerchantSigner signer,
        ResponseVerifier verifier,
        const Clock& clock,
        NonceSource& nonces,
        CodecOptions options = {});

    ApiFamily family() const override { return ApiFamily::V3; }

    Result<WireRequest> createNative(const NativeOrderRequest& request) override;
    Result<NativeOrder> parseCreateNative(const WireResponse& response) const override;

    Result<WireRequest> micropay(const MicropayRequest& request) override;
    Result<Transaction> parseMicropay(const WireResponse& response) const override;

    Result<WireRequest> queryOrder(const OrderRef& order) override;
    Result<Transaction> parseQueryOrder(const WireResponse& response) const override;

    // Domestic close and reverse name the order by out_trade_no only.
    Result<WireRequest> closeOrder(const OrderRef& order) override;
    Status parseCloseOrder(const WireResponse& response) const override;

    Result<WireRequest> reverse(const OrderRef& order) override;
    Result<ReverseResult> parseReverse(const WireResponse& response) const override;

    Result<WireRequest> refund(const RefundRequest& request) override;
    Result<Refund> parseRefund(const WireResponse& response) const override;

    // Domestic refunds are queried by out_refund_no only.
    Result<WireRequest> queryRefund(const RefundRef& refund) override;
    Result<QList<Refund>> parseQueryRefund(const WireResponse& response) const override;

    // Returns where to download the bill (downloadUrl, hashType, hashValue); content stays empty.
    Result<WireRequest> tradeBill(const BillRequest& request) override;
    Result<BillDownload> parseTradeBill(const WireResponse& response) const override;

    // The signed GET of bill.downloadUrl (its path and query; the host is the Pay endpoint's). The reply is
    // unsigned by design: parseBillFile() checks the hash instead.
    Result<WireRequest> billFile(const BillDownload& bill);
    // The file's bytes when the reply is 200 and they match bill.hashType/hashValue; errors map as usual.
    Result<QByteArray> parseBillFile(const WireResponse& response, const BillDownload& bill) const;

    ResponseVerifier& verifier() { return m_exchange.verifier(); }

private:
    MerchantIds m_ids;
    CodecOptions m_options;
    Dialect m_dialect;
    Exchange m_exchange;
};

// Checks a downloaded bill against the hash_type/hash_value of its tradebill reply (SHA1, case-insensitive hex).
// Errors: Protocol HASH_TYPE_UNSUPPORTED, Verification BILL_HASH_MISMATCH.
Status verifyBillHash(QByteArrayView content, const BillDownload& bill);

} // namespace wxpay::protocol::v3
