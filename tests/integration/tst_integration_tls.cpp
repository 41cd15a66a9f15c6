// HTTPS to the simulator: the client trusts only the sandbox CA, and nothing else gets through; APIv2 /secapi
// (refund, reverse) needs the merchant's client certificate, presented over mutual TLS.
#include "integrationsupport.h"
#include "sim/sandbox.h"
#include "sim/scenario.h"
#include "support/testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace wxpay;
using namespace wxpay::integration;
using namespace wxpay::sim;
using namespace Qt::Literals::StringLiterals;
using gateway::PaymentGateway;

class TestIntegrationTls : public QObject
{
    Q_OBJECT

private:
    SimHarness m_sim;
    std::optional<SimAuthority> m_otherAuthority; // a CA the server's certificate does not chain to

    Money money(ApiFamily family, qint64 minor) const
    {
        return amount(minor, m_sim.merchant(family).defaultCurrency());
    }
    NativeOrderRequest nativeRequest(ApiFamily family)
    {
        NativeOrderRequest request;
        request.outTradeNo = nextNo(apiFamilyName(family) + u'T');
        request.description = u"tls test"_s;
        request.amount = money(family, 100);
        return request;
    }
    // A Quick Pay order paid at once over `client`; its out_trade_no (empty on failure).
    QString paidMicropay(Client& client, qint64 minor)
    {
        MicropayRequest request;
        request.outTradeNo = nextNo(u"v2TM"_s);
        request.description = u"tls quick pay"_s;
        request.amount = money(ApiFamily::V2, minor);
        request.authCode = nextAuthCode(QuickPayScenario::Success);
        return call(*client.gateway, &PaymentGateway::micropay, request).ok() ? request.outTradeNo : QString();
    }
    RefundRequest refundRequest(const QString& outTradeNo, qint64 minor)
    {
        RefundRequest request;
        request.order = OrderRef::byOutTradeNo(outTradeNo);
        request.outRefundNo = nextNo(u"TR"_s);
        request.refund = money(ApiFamily::V2, minor);
        request.total = money(ApiFamily::V2, minor);
        return request;
    }
    // The error code the simulator logged for the last request `spy` saw.
    static QString lastCode(const QSignalSpy& spy)
    {
        return spy.isEmpty() ? QString() : spy.last().first().toJsonObject().value(u"code"_s).toString();
    }
    sim::LedgerEntry v2Entry(const QString& outTradeNo)
    {
        return m_sim.ledgerEntry(m_sim.merchant(ApiFamily::V2).mchid, outTradeNo);
    }
    // Sends the v2 refund of `order` by hand from a transport that has no client certificate to offer.
    Result<Refund> refundWithoutCertificate(bool tls, const RefundRequest& order)
    {
        auto raw = makeRawClient(m_sim, ApiFamily::V2, tls, [](gateway::TransportConfig& config) {
            config.clientKey = QSslKey();
            config.clientCertificate = QSslCertificate();
        });
        if (!raw)
            return raw.error();
        auto codec = makeCodec(m_sim, ApiFamily::V2);
        if (!codec)
            return codec.error();
        auto request = codec.value()->refund(order);
        if (!request)
            return request.error();
        request->needsClientCertificate = false;
        const auto reply = send(*raw.value()->transport, request.value());
        if (!reply)
            return Error::network(u"NO_REPLY"_s, u"no reply"_s);
        if (!reply->ok())
            return reply->error();
        return codec.value()->parseRefund(reply->value());
    }

private Q_SLOTS:
    void initTestCase();
    void httpsTrustingTheSandboxCa_data();
    void httpsTrustingTheSandboxCa();
    void httpsWithoutTheSandboxCaFails_data();
    void httpsWithoutTheSandboxCaFails();
    void v2SecapiWithTheClientCertificate();
    void v2SecapiAfterOtherCallsOnTheSameClient();
    void v2SecapiClientRefusesWithoutCertificate();
    void v2SecapiServerRefusesWithoutCertificate();
    void v2SecapiServerRefusesAnotherMerchantsCertificate();
    void v2SecapiOverPlainHttpIsRefused();
};

void TestIntegrationTls::initTestCase()
{
    WXPAY_VERIFY_OK(m_sim.start({ ApiFamily::V2, ApiFamily::V3 }));
    auto other = SandboxFactory(m_sim.clock, m_sim.nonces).createAuthority();
    WXPAY_VERIFY_OK(other);
    m_otherAuthority = other.value();
    QCOMPARE(m_sim.server(true).baseUrl().scheme(), u"https"_s);
    QVERIFY(m_sim.server(true).caCertificate().toDer() == m_sim.engine.authority()->certificate.toDer());
}

void TestIntegrationTls::httpsTrustingTheSandboxCa_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::newRow("v2") << ApiFamily::V2;
    QTest::newRow("v3") << ApiFamily::V3;
}

void TestIntegrationTls::httpsTrustingTheSandboxCa()
{
    QFETCH(ApiFamily, family);
    ClientSetup setup;
    setup.tls = true;
    auto client = makeClient(m_sim, family, setup);
    WXPAY_VERIFY_OK(client);
    QCOMPARE(client.value()->transport->config().trustedCaCertificates,
        QList<QSslCertificate> { m_sim.server(true).caCertificate() });
    const NativeOrderRequest request = nativeRequest(family);
    INTEG_VERIFY_OK(call(*client.value()->gateway, &PaymentGateway::createNative, request));
    QCOMPARE(m_sim.ledgerEntry(m_sim.merchant(family).mchid, request.outTradeNo).state, TradeState::NotPay);
}

void TestIntegrationTls::httpsWithoutTheSandboxCaFails_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<bool>("systemCas"); // the system trust store, else another private CA
    QTest::newRow("v2 system CAs") << ApiFamily::V2 << true;
    QTest::newRow("v2 another CA") << ApiFamily::V2 << false;
    QTest::newRow("v3 system CAs") << ApiFamily::V3 << true;
    QTest::newRow("v3 another CA") << ApiFamily::V3 << false;
}

void TestIntegrationTls::httpsWithoutTheSandboxCaFails()
{
    QFETCH(ApiFamily, family);
    QFETCH(bool, systemCas);
    ClientSetup setup;
    setup.tls = true;
    const QSslCertificate other(m_otherAuthority->certificate.toPem(), QSsl::Pem);
    setup.adjust = [&](gateway::TransportConfig& config) {
        config.trustedCaCertificates = systemCas ? QList<QSslCertificate> {} : QList<QSslCertificate> { other };
    };
    auto client = makeClient(m_sim, family, setup);
    WXPAY_VERIFY_OK(client);
    const NativeOrderRequest request = nativeRequest(family);
    INTEG_VERIFY_ERROR(
        call(*client.value()->gateway, &PaymentGateway::createNative, request), ErrorKind::Network, u"TLS_FAILED"_s);
    QVERIFY(m_sim.ledgerEntry(m_sim.merchant(family).mchid, request.outTradeNo).outTradeNo.isEmpty());
}

void TestIntegrationTls::v2SecapiWithTheClientCertificate()
{
    ClientSetup setup;
    setup.tls = true;
    auto payer = makeClient(m_sim, ApiFamily::V2, setup);
    WXPAY_VERIFY_OK(payer);
    const QString refunded = paidMicropay(*payer.value(), 300);
    QVERIFY(!refunded.isEmpty());
    const QString reversed = paidMicropay(*payer.value(), 200);
    QVERIFY(!reversed.isEmpty());

    // A client whose connections all carried the certificate (its first call is a /secapi one).
    auto client = makeClient(m_sim, ApiFamily::V2, setup);
    WXPAY_VERIFY_OK(client);
    QVERIFY(!client.value()->transport->config().clientCertificate.isNull());
    const auto refund = call(*client.value()->gateway, &PaymentGateway::refund, refundRequest(refunded, 300));
    INTEG_VERIFY_OK(refund);
    QCOMPARE(refund.result->value().status, RefundStatus::Processing);
    QCOMPARE(v2Entry(refunded).refundPending, money(ApiFamily::V2, 300));
    INTEG_VERIFY_OK(call(*client.value()->gateway, &PaymentGateway::reverse, OrderRef::byOutTradeNo(reversed)));
    QCOMPARE(v2Entry(reversed).state, TradeState::Revoked);
}

void TestIntegrationTls::v2SecapiAfterOtherCallsOnTheSameClient()
{
    // What a console does: pay, then refund, with one profile. The refund must present the client certificate
    // even though the connection the payment used did not need one.
    ClientSetup setup;
    setup.tls = true;
    auto client = makeClient(m_sim, ApiFamily::V2, setup);
    WXPAY_VERIFY_OK(client);
    const QString paid = paidMicropay(*client.value(), 350);
    QVERIFY(!paid.isEmpty());
    QSignalSpy handled(&m_sim.server(true), &SimServer::requestHandled);
    const auto refund = call(*client.value()->gateway, &PaymentGateway::refund, refundRequest(paid, 350));
    const QByteArray why = describe(refund.result) + " / simulator: " + lastCode(handled).toUtf8()
        + " (the refund went out on a pooled TLS connection opened without the client certificate)";
    QVERIFY2(refund.ok(), why.constData());
    QCOMPARE(v2Entry(paid).refundPending, money(ApiFamily::V2, 350));
}

void TestIntegrationTls::v2SecapiClientRefusesWithoutCertificate()
{
    ClientSetup setup;
    setup.tls = true;
    setup.adjust = [](gateway::TransportConfig& config) {
        config.clientKey = QSslKey();
        config.clientCertificate = QSslCertificate();
    };
    auto client = makeClient(m_sim, ApiFamily::V2, setup);
    WXPAY_VERIFY_OK(client);
    const QString paid = paidMicropay(*client.value(), 400);
    QVERIFY(!paid.isEmpty()); // /pay/micropay needs no certificate
    INTEG_VERIFY_ERROR(call(*client.value()->gateway, &PaymentGateway::refund, refundRequest(paid, 400)),
        ErrorKind::Credentials, u"CLIENT_CERTIFICATE_MISSING"_s);
    INTEG_VERIFY_ERROR(call(*client.value()->gateway, &PaymentGateway::reverse, OrderRef::byOutTradeNo(paid)),
        ErrorKind::Credentials, u"CLIENT_CERTIFICATE_MISSING"_s);
    QCOMPARE(v2Entry(paid).state, TradeState::Success);
    QVERIFY(v2Entry(paid).refundPending.isZero());
}

void TestIntegrationTls::v2SecapiServerRefusesWithoutCertificate()
{
    ClientSetup setup;
    setup.tls = true;
    auto client = makeClient(m_sim, ApiFamily::V2, setup);
    WXPAY_VERIFY_OK(client);
    const QString paid = paidMicropay(*client.value(), 500);
    QVERIFY(!paid.isEmpty());
    // A correctly signed refund, sent over HTTPS without a client certificate: the server refuses it.
    QSignalSpy handled(&m_sim.server(true), &SimServer::requestHandled);
    const auto refused = refundWithoutCertificate(true, refundRequest(paid, 500));
    WXPAY_VERIFY_ERROR(refused, ErrorKind::Business, u"RETURN_CODE_FAIL"_s);
    QCOMPARE(lastCode(handled), u"CERTIFICATE_REQUIRED"_s);
    QVERIFY(v2Entry(paid).refundPending.isZero());
    QCOMPARE(v2Entry(paid).refundCount, 0);
}

void TestIntegrationTls::v2SecapiServerRefusesAnotherMerchantsCertificate()
{
    ClientSetup setup;
    setup.tls = true;
    auto payer = makeClient(m_sim, ApiFamily::V2, setup);
    WXPAY_VERIFY_OK(payer);
    const QString paid = paidMicropay(*payer.value(), 600);
    QVERIFY(!paid.isEmpty());

    // The v3 merchant's API certificate is issued by the same CA, but names another mch_id.
    const SimMerchant& v3 = m_sim.merchant(ApiFamily::V3);
    setup.adjust = [&v3](gateway::TransportConfig& config) {
        config.clientKey = QSslKey(v3.merchantKey->toPem(), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
        config.clientCertificate = QSslCertificate(v3.merchantCertificate.toPem(), QSsl::Pem);
    };
    auto client = makeClient(m_sim, ApiFamily::V2, setup);
    WXPAY_VERIFY_OK(client);
    QSignalSpy handled(&m_sim.server(true), &SimServer::requestHandled);
    INTEG_VERIFY_ERROR(call(*client.value()->gateway, &PaymentGateway::refund, refundRequest(paid, 600)),
        ErrorKind::Business, u"RETURN_CODE_FAIL"_s);
    QCOMPARE(lastCode(handled), u"CERTIFICATE_MISMATCH"_s);
    QCOMPARE(v2Entry(paid).refundCount, 0);
}

void TestIntegrationTls::v2SecapiOverPlainHttpIsRefused()
{
    // Plain HTTP cannot carry a client certificate: /secapi refuses, the order is untouched.
    auto client = makeClient(m_sim, ApiFamily::V2);
    WXPAY_VERIFY_OK(client);
    const QString paid = paidMicropay(*client.value(), 700);
    QVERIFY(!paid.isEmpty());
    QSignalSpy handled(&m_sim.server(false), &SimServer::requestHandled);
    const auto refund = call(*client.value()->gateway, &PaymentGateway::refund, refundRequest(paid, 700));
    INTEG_VERIFY_ERROR(refund, ErrorKind::Business, u"RETURN_CODE_FAIL"_s);
    QCOMPARE(lastCode(handled), u"CERTIFICATE_REQUIRED"_s);
    INTEG_VERIFY_ERROR(call(*client.value()->gateway, &PaymentGateway::reverse, OrderRef::byOutTradeNo(paid)),
        ErrorKind::Business, u"RETURN_CODE_FAIL"_s);
    QCOMPARE(v2Entry(paid).state, TradeState::Success);
    QCOMPARE(v2Entry(paid).refundCount, 0);
    WXPAY_VERIFY_ERROR(
        refundWithoutCertificate(false, refundRequest(paid, 700)), ErrorKind::Business, u"RETURN_CODE_FAIL"_s);
}

QTEST_GUILESS_MAIN(TestIntegrationTls)
#include "tst_integration_tls.moc"
