// Every FaultPlan fault acted out by the real SimServer, seen through the real client: each is a typed error
// (or a success for a short delay), and the engine's ledger shows whether the request was applied — when it was
// and the client saw no usable reply, only a query tells the truth.
#include "integrationsupport.h"
#include "sim/fault.h"
#include "sim/scenario.h"
#include "support/testsupport.h"

#include <map>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace wxpay;
using namespace wxpay::integration;
using namespace wxpay::sim;
using namespace Qt::Literals::StringLiterals;
using gateway::PaymentGateway;

namespace {

// The client timeout of the "fast" clients: faults that withhold a reply cost this much.
constexpr std::chrono::milliseconds kShortTimeout { 700 };

} // namespace

class TestIntegrationFaults : public QObject
{
    Q_OBJECT

private:
    SimHarness m_sim;
    // std::map::at: a missing client is a test bug, never a silent null.
    std::map<ApiFamily, std::shared_ptr<Client>> m_normal;
    std::map<ApiFamily, std::shared_ptr<Client>> m_fast;
    Client& normalClient(ApiFamily family) { return *m_normal.at(family); }
    Client& fastClient(ApiFamily family) { return *m_fast.at(family); }
    std::unique_ptr<Client> m_v2Secapi; // v2 refunds go to /secapi: HTTPS with the client certificate

    Money money(ApiFamily family, qint64 minor) const
    {
        return amount(minor, m_sim.merchant(family).defaultCurrency());
    }
    NativeOrderRequest nativeRequest(ApiFamily family)
    {
        NativeOrderRequest request;
        request.outTradeNo = nextNo(apiFamilyName(family) + u'F');
        request.description = u"fault test"_s;
        request.amount = money(family, 100);
        return request;
    }
    bool inLedger(ApiFamily family, const QString& outTradeNo)
    {
        return !m_sim.ledgerEntry(m_sim.merchant(family).mchid, outTradeNo).outTradeNo.isEmpty();
    }
    void addFault(const QString& spec)
    {
        auto rule = FaultRule::parse(spec);
        QVERIFY2(rule.ok(), qPrintable(spec));
        m_sim.engine.faults().add(rule.value());
    }

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void faultOnNativeCreate_data();
    void faultOnNativeCreate();
    void faultHitsOnlyItsOperationAndCount();
    void droppedMicropayHasChargedTheCustomer_data();
    void droppedMicropayHasChargedTheCustomer();
    void droppedRefundIsRetriedWithTheSameNumber_data();
    void droppedRefundIsRetriedWithTheSameNumber();
    void signTestProbeHidesTheState_data();
    void signTestProbeHidesTheState();
    void miniProgramFaults();
    void transportDoesNotResendAfterAnEarlyDrop();
};

void TestIntegrationFaults::initTestCase()
{
    WXPAY_VERIFY_OK(m_sim.start({ ApiFamily::V2, ApiFamily::V3, ApiFamily::Global }));
    for (ApiFamily family : { ApiFamily::V2, ApiFamily::V3, ApiFamily::Global }) {
        ClientSetup normal;
        normal.adjust = [](gateway::TransportConfig& config) { config.timeout = std::chrono::seconds(5); };
        auto client = makeClient(m_sim, family, normal);
        WXPAY_VERIFY_OK(client);
        m_normal.insert_or_assign(family, std::shared_ptr<Client>(std::move(client).value()));
        ClientSetup fast;
        fast.adjust = [](gateway::TransportConfig& config) { config.timeout = kShortTimeout; };
        auto fastOne = makeClient(m_sim, family, fast);
        WXPAY_VERIFY_OK(fastOne);
        m_fast.insert_or_assign(family, std::shared_ptr<Client>(std::move(fastOne).value()));
    }
    ClientSetup secapi;
    secapi.tls = true;
    auto v2Secapi = makeClient(m_sim, ApiFamily::V2, secapi);
    WXPAY_VERIFY_OK(v2Secapi);
    m_v2Secapi = std::move(v2Secapi).value();
}

void TestIntegrationFaults::cleanup()
{
    // A fault a failed test did not consume must not hit the next test.
    m_sim.engine.faults().clear();
}

void TestIntegrationFaults::faultOnNativeCreate_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<bool>("fast"); // the client with the short timeout
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("code"); // empty: any code of that kind

    const ErrorKind none = ErrorKind::Input; // unused when the call succeeds
    for (ApiFamily family : { ApiFamily::V2, ApiFamily::V3, ApiFamily::Global }) {
        const bool v2 = family == ApiFamily::V2;
        const QByteArray f = apiFamilyName(family).toLatin1();
        QTest::addRow("%s delay within the timeout", f.constData())
            << family << u"delay=200"_s << false << true << none << QString();
        QTest::addRow("%s delay beyond the timeout", f.constData())
            << family << u"delay=1500"_s << true << false << ErrorKind::Network << u"TIMEOUT"_s;
        QTest::addRow("%s timeout", f.constData())
            << family << u"timeout"_s << true << false << ErrorKind::Network << u"TIMEOUT"_s;
        QTest::addRow("%s drop", f.constData())
            << family << u"drop"_s << false << false << ErrorKind::Network << QString();
        QTest::addRow("%s http500", f.constData())
            << family << u"http500"_s << false << false << (v2 ? ErrorKind::Http : ErrorKind::Business)
            << (v2 ? u"HTTP_500"_s : u"SYSTEM_ERROR"_s);
        QTest::addRow("%s http503", f.constData())
            << family << u"http503"_s << false << false << ErrorKind::Http << u"HTTP_503"_s;
        QTest::addRow("%s http429", f.constData())
            << family << u"http429"_s << false << false << (v2 ? ErrorKind::Http : ErrorKind::Business)
            << (v2 ? u"HTTP_429"_s : u"FREQUENCY_LIMITED"_s);
        QTest::addRow("%s malformed", f.constData())
            << family << u"malformed"_s << false << false << ErrorKind::Protocol
            << (v2 ? u"XML_MALFORMED"_s : u"JSON_MALFORMED"_s);
        QTest::addRow("%s oversized", f.constData())
            << family << u"oversized"_s << false << false << ErrorKind::Protocol << u"BODY_TOO_LARGE"_s;
        QTest::addRow("%s nosign", f.constData()) << family << u"nosign"_s << false << false << ErrorKind::Verification
                                                  << (v2 ? u"SIGN_MISSING"_s : u"HEADERS_MISSING"_s);
        QTest::addRow("%s badsign", f.constData())
            << family << u"badsign"_s << false << false << ErrorKind::Verification
            << (v2 ? u"SIGN_MISMATCH"_s : u"SIGNATURE_INVALID"_s);
        QTest::addRow("%s busy", f.constData()) << family << u"busy"_s << false << false << ErrorKind::Business
                                                << (v2 ? u"SYSTEMERROR"_s : u"SYSTEM_ERROR"_s);
        if (v2) {
            QTest::addRow("%s wrongv2sign", f.constData())
                << family << u"wrongv2sign"_s << false << false << ErrorKind::Verification << u"SIGN_MISMATCH"_s;
            QTest::addRow("%s dtd", f.constData())
                << family << u"dtd"_s << false << false << ErrorKind::Protocol << u"XML_DTD_FORBIDDEN"_s;
        } else {
            QTest::addRow("%s stale", f.constData())
                << family << u"stale"_s << false << false << ErrorKind::Verification << u"TIMESTAMP_STALE"_s;
            QTest::addRow("%s unknownserial", f.constData())
                << family << u"unknownserial"_s << false << false << ErrorKind::Verification << u"SERIAL_UNKNOWN"_s;
            QTest::addRow("%s signtest", f.constData())
                << family << u"signtest"_s << false << false << ErrorKind::Verification << u"SIGNATURE_PROBE"_s;
        }
    }
}

void TestIntegrationFaults::faultOnNativeCreate()
{
    QFETCH(ApiFamily, family);
    QFETCH(QString, fault);
    QFETCH(bool, fast);
    QFETCH(bool, succeeds);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, code);

    const QString spec = u"native:"_s + fault;
    addFault(spec);
    const FaultKind faultKind = FaultRule::parse(spec).value().fault.kind;
    const NativeOrderRequest request = nativeRequest(family);
    Client& client = fast ? fastClient(family) : normalClient(family);
    QSignalSpy handled(&m_sim.server(false), &SimServer::requestHandled);
    const auto created = call(*client.gateway, &PaymentGateway::createNative, request);
    // One request reached the server and took the fault (a delayed answer is logged when it is sent): the
    // transport never re-sends a request on its own, since a dropped connection may have been applied and only the
    // workflow may decide to ask again, after a query.
    QTRY_VERIFY_WITH_TIMEOUT(!handled.isEmpty(), 5000);
    QVERIFY2(
        handled.size() == 1, qPrintable(QStringLiteral("the server saw the request %1 times").arg(handled.size())));
    QCOMPARE(handled.first().first().toJsonObject().value(u"fault"_s).toString(), fault);
    if (succeeds) {
        INTEG_VERIFY_OK(created);
        QVERIFY(!created.result->value().codeUrl.isEmpty());
    } else {
        INTEG_VERIFY_ERROR(created, kind, code);
    }
    QVERIFY2(m_sim.engine.faults().isEmpty(), "the fault was not consumed by this request");

    // Whether the order exists is the engine's decision for this fault kind, whatever the client saw.
    QCOMPARE(inLedger(family, request.outTradeNo), faultAppliesRequest(faultKind));

    // The client recovers the truth by querying (no fault left).
    const auto queried = call(
        *normalClient(family).gateway, &PaymentGateway::queryOrder, OrderRef::byOutTradeNo(request.outTradeNo));
    if (faultAppliesRequest(faultKind)) {
        INTEG_VERIFY_OK(queried);
        QCOMPARE(queried.result->value().state, TradeState::NotPay);
    } else {
        INTEG_VERIFY_ERROR(
            queried, ErrorKind::Business, family == ApiFamily::V2 ? u"ORDERNOTEXIST"_s : u"ORDER_NOT_EXIST"_s);
    }
}

void TestIntegrationFaults::faultHitsOnlyItsOperationAndCount()
{
    PaymentGateway& gateway = *normalClient(ApiFamily::V3).gateway;
    addFault(u"query:http503@2"_s);
    const NativeOrderRequest request = nativeRequest(ApiFamily::V3);
    INTEG_VERIFY_OK(call(gateway, &PaymentGateway::createNative, request)); // another operation: not hit
    const OrderRef ref = OrderRef::byOutTradeNo(request.outTradeNo);
    INTEG_VERIFY_ERROR(call(gateway, &PaymentGateway::queryOrder, ref), ErrorKind::Http, u"HTTP_503"_s);
    INTEG_VERIFY_ERROR(call(gateway, &PaymentGateway::queryOrder, ref), ErrorKind::Http, u"HTTP_503"_s);
    const auto third = call(gateway, &PaymentGateway::queryOrder, ref);
    INTEG_VERIFY_OK(third);
    QCOMPARE(third.result->value().state, TradeState::NotPay);
    QVERIFY(m_sim.engine.faults().isEmpty());
}

void TestIntegrationFaults::droppedMicropayHasChargedTheCustomer_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::newRow("v2") << ApiFamily::V2;
    QTest::newRow("v3") << ApiFamily::V3;
    QTest::newRow("global") << ApiFamily::Global;
}

void TestIntegrationFaults::droppedMicropayHasChargedTheCustomer()
{
    QFETCH(ApiFamily, family);
    PaymentGateway& gateway = *normalClient(family).gateway;
    addFault(u"micropay:drop"_s);
    MicropayRequest request;
    request.outTradeNo = nextNo(apiFamilyName(family) + u'D');
    request.description = u"dropped quick pay"_s;
    request.amount = money(family, 999);
    request.authCode = nextAuthCode(QuickPayScenario::Success);
    QSignalSpy handled(&m_sim.server(false), &SimServer::requestHandled);
    const auto paid = call(gateway, &PaymentGateway::micropay, request);
    QVERIFY2(
        handled.size() == 1, qPrintable(QStringLiteral("the server saw the request %1 times").arg(handled.size())));
    INTEG_VERIFY_ERROR(paid, ErrorKind::Network, QString());

    // The client heard nothing, yet the money was taken: the state changed behind the dropped connection.
    const LedgerEntry entry = m_sim.ledgerEntry(m_sim.merchant(family).mchid, request.outTradeNo);
    QCOMPARE(entry.state, TradeState::Success);
    QCOMPARE(entry.charged, request.amount);

    const auto queried = call(gateway, &PaymentGateway::queryOrder, OrderRef::byOutTradeNo(request.outTradeNo));
    INTEG_VERIFY_OK(queried);
    QCOMPARE(queried.result->value().state, TradeState::Success);
    QCOMPARE(queried.result->value().transactionId, entry.transactionId);
}

void TestIntegrationFaults::droppedRefundIsRetriedWithTheSameNumber_data()
{
    droppedMicropayHasChargedTheCustomer_data();
}

void TestIntegrationFaults::droppedRefundIsRetriedWithTheSameNumber()
{
    QFETCH(ApiFamily, family);
    PaymentGateway& gateway = *normalClient(family).gateway;
    MicropayRequest payment;
    payment.outTradeNo = nextNo(apiFamilyName(family) + u'P');
    payment.description = u"to be refunded"_s;
    payment.amount = money(family, 500);
    payment.authCode = nextAuthCode(QuickPayScenario::Success);
    INTEG_VERIFY_OK(call(gateway, &PaymentGateway::micropay, payment));

    PaymentGateway& refunds = family == ApiFamily::V2 ? *m_v2Secapi->gateway : gateway;
    addFault(u"refund:drop"_s);
    RefundRequest refund;
    refund.order = OrderRef::byOutTradeNo(payment.outTradeNo);
    refund.outRefundNo = nextNo(u"DR"_s);
    refund.refund = money(family, 500);
    refund.total = money(family, 500);
    INTEG_VERIFY_ERROR(call(refunds, &PaymentGateway::refund, refund), ErrorKind::Network, QString());
    const QString mchid = m_sim.merchant(family).mchid;
    QCOMPARE(m_sim.ledgerEntry(mchid, payment.outTradeNo).refundPending, refund.refund);

    // The safe retry reuses out_refund_no: the same refund comes back, no money leaves twice.
    const auto retried = call(refunds, &PaymentGateway::refund, refund);
    INTEG_VERIFY_OK(retried);
    QCOMPARE(retried.result->value().outRefundNo, refund.outRefundNo);
    const LedgerEntry entry = m_sim.ledgerEntry(mchid, payment.outTradeNo);
    QCOMPARE(entry.refundCount, 1);
    QCOMPARE(entry.refundPending, refund.refund);
}

void TestIntegrationFaults::signTestProbeHidesTheState_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::newRow("v3") << ApiFamily::V3;
    QTest::newRow("global") << ApiFamily::Global;
}

void TestIntegrationFaults::signTestProbeHidesTheState()
{
    QFETCH(ApiFamily, family);
    PaymentGateway& gateway = *normalClient(family).gateway;
    const NativeOrderRequest request = nativeRequest(family);
    INTEG_VERIFY_OK(call(gateway, &PaymentGateway::createNative, request));
    WXPAY_VERIFY_OK(m_sim.engine.customerPays(m_sim.ids(family), request.outTradeNo));

    // Sent and parsed by hand so the reply itself can be looked at.
    auto codec = makeCodec(m_sim, family);
    WXPAY_VERIFY_OK(codec);
    const auto queryRequest = codec.value()->queryOrder(OrderRef::byOutTradeNo(request.outTradeNo));
    WXPAY_VERIFY_OK(queryRequest);
    addFault(u"query:signtest"_s);
    const auto reply = send(*normalClient(family).transport, *queryRequest);
    QVERIFY(reply.has_value());
    WXPAY_VERIFY_OK(*reply);
    const protocol::WireResponse& response = reply->value();
    QCOMPARE(response.status, 200);
    QVERIFY(response.header("Wechatpay-Signature").startsWith("WECHATPAY/SIGNTEST/"));
    // A client that skipped verification would have read SUCCESS here ...
    QVERIFY2(response.body.contains(R"("trade_state":"SUCCESS")"), response.body.constData());
    // ... the codec refuses the reply instead, and no Transaction (no state) comes out of it.
    const auto parsed = codec.value()->parseQueryOrder(response);
    WXPAY_VERIFY_ERROR(parsed, ErrorKind::Verification, u"SIGNATURE_PROBE"_s);
    QCOMPARE(parsed.error().requestId, response.requestId());
}

void TestIntegrationFaults::miniProgramFaults()
{
    const SimMerchant& m = m_sim.merchant(ApiFamily::V3);
    auto raw = makeRawClient(
        m_sim, ApiFamily::V3, false, [](gateway::TransportConfig& config) { config.timeout = kShortTimeout; });
    WXPAY_VERIFY_OK(raw);
    const auto codec = makeMiniProgramCodec(m, m_sim.clock);

    addFault(u"token:busy"_s);
    const auto busy = send(*raw.value()->transport, codec.token(m.miniAppSecret.toUtf8()));
    QVERIFY(busy.has_value());
    WXPAY_VERIFY_OK(*busy);
    WXPAY_VERIFY_ERROR(codec.parseToken(busy->value()), ErrorKind::Business, u"-1"_s);

    addFault(u"token:http500"_s);
    const auto http500 = send(*raw.value()->transport, codec.token(m.miniAppSecret.toUtf8()));
    QVERIFY(http500.has_value());
    WXPAY_VERIFY_OK(*http500);
    WXPAY_VERIFY_ERROR(codec.parseToken(http500->value()), ErrorKind::Http, u"HTTP_500"_s);

    addFault(u"token:timeout"_s);
    const auto silent = send(*raw.value()->transport, codec.token(m.miniAppSecret.toUtf8()));
    QVERIFY(silent.has_value());
    WXPAY_VERIFY_ERROR(*silent, ErrorKind::Network, u"TIMEOUT"_s);

    addFault(u"token:malformed"_s);
    const auto malformed = send(*raw.value()->transport, codec.token(m.miniAppSecret.toUtf8()));
    QVERIFY(malformed.has_value());
    WXPAY_VERIFY_OK(*malformed);
    QVERIFY(!codec.parseToken(malformed->value()).ok());
    QCOMPARE(codec.parseToken(malformed->value()).error().kind, ErrorKind::Protocol);

    // No fault left: a token again.
    const auto normal = send(*raw.value()->transport, codec.token(m.miniAppSecret.toUtf8()));
    QVERIFY(normal.has_value());
    WXPAY_VERIFY_OK(*normal);
    WXPAY_VERIFY_OK(codec.parseToken(normal->value()));
}

void TestIntegrationFaults::transportDoesNotResendAfterAnEarlyDrop()
{
    // The simulator's drop fault sends part of its reply before closing. A peer (or proxy) that closes before the
    // first byte is a harder case: the request may have been applied all the same, and the client must report
    // a Network error instead of sending the same POST again by itself.
    QTcpServer peer;
    QVERIFY(peer.listen(QHostAddress::LocalHost, 0));
    int requests = 0;
    connect(&peer, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket* socket = peer.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &requests] {
                const QByteArray data = socket->readAll();
                requests += static_cast<int>(data.count("POST /pay/unifiedorder"));
                socket->abort();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    gateway::TransportConfig config;
    config.payBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(peer.serverPort()));
    config.timeout = std::chrono::seconds(5);
    QNetworkAccessManager nam;
    gateway::HttpTransport transport(nam, config);
    auto codec = makeCodec(m_sim, ApiFamily::V2);
    WXPAY_VERIFY_OK(codec);
    const auto request = codec.value()->createNative(nativeRequest(ApiFamily::V2));
    WXPAY_VERIFY_OK(request);
    const auto reply = send(transport, request.value());
    QVERIFY(reply.has_value());
    QCOMPARE(requests, 1);
    WXPAY_VERIFY_ERROR(*reply, ErrorKind::Network, QString());
}

QTEST_GUILESS_MAIN(TestIntegrationFaults)
#include "tst_integration_faults.moc"
