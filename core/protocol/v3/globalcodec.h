#pragma once

// APIv3 for cross-border merchants: the Global family (/v3/global/..., host apihk.mch.weixin.qq.com) and the older
// Hong Kong wallet family (/hk/v3/...). Direct merchants send mchid/appid, institutions sp_mchid/sp_appid/
// sub_mchid/sub_appid; orders carry trade_type and merchant_category_code; WeChat's order id is `id`.
// Amounts keep their currency (HKD, ...) and replies keep payer_total, payer_currency and exchange_rate.

#include "protocol/codec.h"
#include "protocol/v3/exchange.h"

namespace wxpay::protocol::v3 {

class GlobalCodec final : public PaymentCodec
{
public:
    enum class Variant
    {
        Global, // /v3/global/...
        HkV3, // /hk/v3/...
    };

    GlobalCodec(Variant variant,
        MerchantIds ids,
        MerchantSigner signer,
        ResponseVerifier verifier,
        const Clock& clock,
        NonceSource& nonces,
        CodecOptions options = {});

    ApiFamily family() const override;

    Result<WireRequest> createNative(const NativeOrderRequest& request) override;
    Result<NativeOrder> parseCreateNative(const WireResponse& response) const override;

    Result<WireRequest> micropay(const MicropayRequest& request) override;
    Result<Transaction> parseMicropay(const WireResponse& response) const override;

    Result<WireRequest> queryOrder(const OrderRef& order) override;
    Result<Transaction> parseQueryOrder(const WireResponse& response) const override;

    Result<WireRequest> closeOrder(const OrderRef& order) override;
    Status parseCloseOrder(const WireResponse& response) const override;

    Result<WireRequest> reverse(const OrderRef& order) override;
    Result<ReverseResult> parseReverse(const WireResponse& response) const override;

    Result<WireRequest> refund(const RefundRequest& request) override;
    Result<Refund> parseRefund(const WireResponse& response) const override;

    // By refund id, by out_refund_no, or (given only the order) every refund of the order, first page.
    Result<WireRequest> queryRefund(const RefundRef& refund) override;
    Result<QList<Refund>> parseQueryRefund(const WireResponse& response) const override;

    // Global statements are a different API (signed digest instead of body): Input UNSUPPORTED.
    Result<WireRequest> tradeBill(const BillRequest& request) override;
    Result<BillDownload> parseTradeBill(const WireResponse& response) const override;

    ResponseVerifier& verifier() { return m_exchange.verifier(); }

private:
    QString orderPath(const QString& base, const OrderRef& order) const;
    QString merchantCategoryCode(const QString& fromRequest) const;

    Variant m_variant;
    MerchantIds m_ids;
    CodecOptions m_options;
    Dialect m_dialect;
    Exchange m_exchange;
};

} // namespace wxpay::protocol::v3
