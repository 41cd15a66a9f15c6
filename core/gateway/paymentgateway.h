#pragma once

// The domain-level payment API: one PaymentCodec (the merchant's API family) over the transport.
// Each call builds the request, sends it and hands back the codec's verdict on the reply.

#include "common/domain.h"
#include "common/result.h"
#include "gateway/httptransport.h"
#include "protocol/codec.h"

#include <QObject>

#include <functional>
#include <memory>

namespace wxpay::gateway {

// What the audit log needs from an exchange besides its outcome.
struct CallInfo
{
    QString requestId; // Request-ID header, empty when the reply had none (v2) or there was no reply
    int httpStatus = 0; // 0 when there was no reply
};

class PaymentGateway : public QObject
{
    Q_OBJECT

public:
    template<typename T> using Callback = std::function<void(Result<T>, CallInfo)>;

    PaymentGateway(std::unique_ptr<protocol::PaymentCodec> codec, HttpTransport& transport, QObject* parent = nullptr);

    ApiFamily family() const { return m_codec->family(); }

    // `done` runs once, on this thread, unless `context` is destroyed first.
    void createNative(const NativeOrderRequest& request, QObject* context, Callback<NativeOrder> done);
    void micropay(const MicropayRequest& request, QObject* context, Callback<Transaction> done);
    void queryOrder(const OrderRef& order, QObject* context, Callback<Transaction> done);
    void closeOrder(const OrderRef& order, QObject* context, Callback<void> done);
    void reverse(const OrderRef& order, QObject* context, Callback<ReverseResult> done);
    void refund(const RefundRequest& request, QObject* context, Callback<Refund> done);
    void queryRefund(const RefundRef& refund, QObject* context, Callback<QList<Refund>> done);
    void tradeBill(const BillRequest& request, QObject* context, Callback<BillDownload> done);

private:
    template<typename T, typename Parse>
    void exchange(Result<protocol::WireRequest> request, Parse parse, QObject* context, Callback<T> done);

    // Shared so that a reply arriving after the gateway is gone can still be parsed for its caller.
    std::shared_ptr<protocol::PaymentCodec> m_codec;
    HttpTransport& m_transport;
};

} // namespace wxpay::gateway
