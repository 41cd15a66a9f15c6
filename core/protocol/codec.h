#pragma once

// One family's wire format for every payment operation: build a request, parse its reply into
// domain types. Pure: no network, no storage. Each implementation signs with the merchant's
// secrets and verifies every reply before it maps it; an unverified reply is an Error.

#include "common/domain.h"
#include "common/result.h"
#include "protocol/wire.h"

namespace wxpay::protocol {

class PaymentCodec
{
public:
    virtual ~PaymentCodec();

    virtual ApiFamily family() const = 0;

    virtual Result<WireRequest> createNative(const NativeOrderRequest& request) = 0;
    virtual Result<NativeOrder> parseCreateNative(const WireResponse& response) const = 0;

    virtual Result<WireRequest> micropay(const MicropayRequest& request) = 0;
    // Success only when the payment is final and paid. USERPAYING, SYSTEMERROR, BANKERROR, 202 ...
    // come back as Business errors carrying the server's code, for the workflow to decide.
    virtual Result<Transaction> parseMicropay(const WireResponse& response) const = 0;

    virtual Result<WireRequest> queryOrder(const OrderRef& order) = 0;
    virtual Result<Transaction> parseQueryOrder(const WireResponse& response) const = 0;

    virtual Result<WireRequest> closeOrder(const OrderRef& order) = 0;
    virtual Status parseCloseOrder(const WireResponse& response) const = 0;

    virtual Result<WireRequest> reverse(const OrderRef& order) = 0;
    virtual Result<ReverseResult> parseReverse(const WireResponse& response) const = 0;

    virtual Result<WireRequest> refund(const RefundRequest& request) = 0;
    virtual Result<Refund> parseRefund(const WireResponse& response) const = 0;

    virtual Result<WireRequest> queryRefund(const RefundRef& refund) = 0;
    virtual Result<QList<Refund>> parseQueryRefund(const WireResponse& response) const = 0;

    virtual Result<WireRequest> tradeBill(const BillRequest& request) = 0;
    virtual Result<BillDownload> parseTradeBill(const WireResponse& response) const = 0;
};

} // namespace wxpay::protocol
