// The gateway's plumbing: request refused before sending, reply handed to the codec, Request-ID
// passed on, and a reply arriving after the gateway is gone still reaches its caller.
#include "gateway/paymentgateway.h"
#include "support/testsupport.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QNetworkAccessManager>
#include <QTest>

using namespace wxpay;
using namespace wxpay::gateway;
using namespace wxpay::protocol;

namespace {

// A codec that speaks a trivial format: the request body is the out_trade_no, the reply body the code_url.
class EchoCodec final : public PaymentCodec
{
public:
    ApiFamily family() const override { return ApiFamily::V3; }

    Result<WireRequest> createNative(const NativeOrderRequest& request) override
    {
        if (request.outTradeNo.isEmpty())
            return Error::input(QStringLiteral("OUT_TRADE_NO_MISSING"), QStringLiteral("no out_trade_no"));
        return WireRequest { "POST", QStringLiteral("/native"), {}, request.outTradeNo.toUtf8() };
    }
    Result<NativeOrder> parseCreateNative(const WireResponse& response) const override
    {
        if (response.status != 200)
            return Error::http(response.status, {}, response.requestId());
        return NativeOrder { QString::fromUtf8(response.body), {} };
    }
    Result<WireRequest> closeOrder(const OrderRef& order) override
    {
        return WireRequest { "POST", QStringLiteral("/close"), {}, order.outTradeNo.toUtf8() };
    }
    Status parseCloseOrder(const WireResponse& response) const override
    {
        if (response.status != 204)
            return Error::business(QString::fromUtf8(response.body), {}, response.requestId(), response.status);
        return {};
    }

    // Not exercised by these tests.
    Result<WireRequest> micropay(const MicropayRequest&) override { return unused(); }
    Result<Transaction> parseMicropay(const WireResponse&) const override { return unused(); }
    Result<WireRequest> queryOrder(const OrderRef&) override { return unused(); }
    Result<Transaction> parseQueryOrder(const WireResponse&) const override { return unused(); }
    Result<WireRequest> reverse(const OrderRef&) override { return unused(); }
    Result<ReverseResult> parseReverse(const WireResponse&) const override { return unused(); }
    Result<WireRequest> refund(const RefundRequest&) override { return unused(); }
    Result<Refund> parseRefund(const WireResponse&) const override { return unused(); }
    Result<WireRequest> queryRefund(const RefundRef&) override { return unused(); }
    Result<QList<Refund>> parseQueryRefund(const WireResponse&) const override { return unused(); }
    Result<WireRequest> tradeBill(const BillRequest&) override { return unused(); }
    Result<BillDownload> parseTradeBill(const WireResponse&) const override { return unused(); }

private:
    static Error unused() { return Error::input(QStringLiteral("UNUSED"), {}); }
};

} // namespace

class TestPaymentGateway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_server.route(QStringLiteral("/native"), [](const QHttpServerRequest& request) {
            QHttpServerResponse response(QByteArray("weixin://wxpay/bizpayurl?pr=") + request.body());
            response.setHeader("Request-ID", "rid-" + request.body());
            return response;
        });
        m_server.route(QStringLiteral("/close"), [](const QHttpServerRequest& request) {
            if (request.body() == "PAID")
                return QHttpServerResponse("ORDERPAID", QHttpServerResponse::StatusCode::BadRequest);
            return QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent);
        });
        const quint16 port = m_server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        TransportConfig config;
        config.payBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        m_transport = std::make_unique<HttpTransport>(m_nam, config);
    }

    void replyReachesTheCodecWithItsRequestId()
    {
        PaymentGateway gateway(std::make_unique<EchoCodec>(), *m_transport);
        std::optional<Result<NativeOrder>> outcome;
        CallInfo info;
        NativeOrderRequest request;
        request.outTradeNo = QStringLiteral("A1");
        gateway.createNative(request, this, [&](Result<NativeOrder> r, CallInfo i) {
            outcome.emplace(std::move(r));
            info = i;
        });
        QTRY_VERIFY(outcome.has_value());
        WXPAY_VERIFY_OK(*outcome);
        QCOMPARE((*outcome)->codeUrl, QStringLiteral("weixin://wxpay/bizpayurl?pr=A1"));
        QCOMPARE(info.requestId, QStringLiteral("rid-A1"));
        QCOMPARE(info.httpStatus, 200);
    }

    void statusOperationsReportBusinessErrors()
    {
        PaymentGateway gateway(std::make_unique<EchoCodec>(), *m_transport);
        std::optional<Status> closed;
        std::optional<Status> paid;
        gateway.closeOrder(
            OrderRef::byOutTradeNo(QStringLiteral("OPEN")), this, [&](Status s, CallInfo) { closed.emplace(s); });
        gateway.closeOrder(
            OrderRef::byOutTradeNo(QStringLiteral("PAID")), this, [&](Status s, CallInfo) { paid.emplace(s); });
        QTRY_VERIFY(closed.has_value() && paid.has_value());
        QVERIFY(closed->ok());
        WXPAY_VERIFY_ERROR(*paid, ErrorKind::Business, QStringLiteral("ORDERPAID"));
    }

    void badInputIsRefusedBeforeSendingAndStillAsynchronous()
    {
        PaymentGateway gateway(std::make_unique<EchoCodec>(), *m_transport);
        std::optional<Result<NativeOrder>> outcome;
        CallInfo info { QStringLiteral("untouched"), -1 };
        gateway.createNative(NativeOrderRequest {}, this, [&](Result<NativeOrder> r, CallInfo i) {
            outcome.emplace(std::move(r));
            info = i;
        });
        QVERIFY(!outcome.has_value()); // never called back from inside the call
        QTRY_VERIFY(outcome.has_value());
        WXPAY_VERIFY_ERROR(*outcome, ErrorKind::Input, QStringLiteral("OUT_TRADE_NO_MISSING"));
        QCOMPARE(info.httpStatus, 0);
        QVERIFY(info.requestId.isEmpty());
    }

    void replyOutlivesTheGateway()
    {
        std::optional<Result<NativeOrder>> outcome;
        {
            PaymentGateway gateway(std::make_unique<EchoCodec>(), *m_transport);
            NativeOrderRequest request;
            request.outTradeNo = QStringLiteral("B2");
            gateway.createNative(
                request, this, [&](Result<NativeOrder> r, CallInfo) { outcome.emplace(std::move(r)); });
        }
        QTRY_VERIFY(outcome.has_value());
        QCOMPARE((*outcome)->codeUrl, QStringLiteral("weixin://wxpay/bizpayurl?pr=B2"));
    }

private:
    QHttpServer m_server;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpTransport> m_transport;
};

QTEST_GUILESS_MAIN(TestPaymentGateway)
#include "tst_paymentgateway.moc"
