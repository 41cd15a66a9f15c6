#include "gateway/paymentgateway.h"

#include "gateway/log.h"

namespace wxpay::gateway {

using protocol::PaymentCodec;
using protocol::WireRequest;
using protocol::WireResponse;

PaymentGateway::PaymentGateway(std::unique_ptr<PaymentCodec> codec, HttpTransport& transport, QObject* parent)
    : QObject(parent), m_codec(std::move(codec)), m_transport(transport)
{
    Q_ASSERT(m_codec);
}

template<typename T, typename Parse>
void PaymentGateway::exchange(Result<WireRequest> request, Parse parse, QObject* context, Callback<T> done)
{
    if (!request.ok()) {
        // Refused before sending (bad input): still answer asynchronously, like every other outcome.
        QMetaObject::invokeMethod(
            context, [done = std::move(done), error = request.error()] { done(error, CallInfo {}); },
            Qt::QueuedConnection);
        return;
    }
    m_transport.send(
        request.value(), context, [codec = m_codec, parse, done = std::move(done)](Result<WireResponse> reply) {
            if (!reply.ok())
                return done(reply.error(), CallInfo {});
            const CallInfo info { reply->requestId(), reply->status };
            Result<T> outcome = parse(*codec, reply.value());
            if (!outcome.ok())
                qCInfo(lcGateway) << "reply refused:" << outcome.error().toString();
            done(std::move(outcome), info);
        });
}

void PaymentGateway::createNative(const NativeOrderRequest& request, QObject* context, Callback<NativeOrder> done)
{
    exchange<NativeOrder>(
        m_codec->createNative(request),
        [](const PaymentCodec& c, const WireResponse& r) { return c.parseCreateNative(r); }, context, std::move(done));
}

void PaymentGateway::micropay(const MicropayRequest& request, QObject* context, Callback<Transaction> done)
{
    exchange<Transaction>(
        m_codec->micropay(request), [](const PaymentCodec& c, const WireResponse& r) { return c.parseMicropay(r); },
        context, std::move(done));
}

void PaymentGateway::queryOrder(const OrderRef& order, QObject* context, Callback<Transaction> done)
{
    exchange<Transaction>(
        m_codec->queryOrder(order), [](const PaymentCodec& c, const WireResponse& r) { return c.parseQueryOrder(r); },
        context, std::move(done));
}

void PaymentGateway::closeOrder(const OrderRef& order, QObject* context, Callback<void> done)
{
    exchange<void>(
        m_codec->closeOrder(order), [](const PaymentCodec& c, const WireResponse& r) { return c.parseCloseOrder(r); },
        context, std::move(done));
}

void PaymentGateway::reverse(const OrderRef& order, QObject* context, Callback<ReverseResult> done)
{
    exchange<ReverseResult>(
        m_codec->reverse(order), [](const PaymentCodec& c, const WireResponse& r) { return c.parseReverse(r); },
        context, std::move(done));
}

void PaymentGateway::refund(const RefundRequest& request, QObject* context, Callback<Refund> done)
{
    exchange<Refund>(
        m_codec->refund(request), [](const PaymentCodec& c, const WireResponse& r) { return c.parseRefund(r); },
        context, std::move(done));
}

void PaymentGateway::queryRefund(const RefundRef& refund, QObject* context, Callback<QList<Refund>> done)
{
    exchange<QList<Refund>>(
        m_codec->queryRefund(refund),
        [](const PaymentCodec& c, const WireResponse& r) { return c.parseQueryRefund(r); }, context, std::move(done));
}

void PaymentGateway::tradeBill(const BillRequest& request, QObject* context, Callback<BillDownload> done)
{
    exchange<BillDownload>(
        m_codec->tradeBill(request), [](const PaymentCodec& c, const WireResponse& r) { return c.parseTradeBill(r); },
        context, std::move(done));
}

} // namespace wxpay::gateway
