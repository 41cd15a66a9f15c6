// Requests WeChat would refuse, refused by the real simulator the way WeChat does: signed with the wrong key, a
// body changed after signing, a timestamp more than 5 minutes off, a serial that is not the merchant's. APIv3
// answers 401 SIGN_ERROR (a verified Business error in the client); APIv2 answers return_code FAIL. None of them
// reaches the engine.
#include "integrationsupport.h"
#include "protocol/v2/xml.h"
#include "support/testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace wxpay;
using namespace wxpay::integration;
using namespace wxpay::sim;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

class TestIntegrationAuth : public QObject
{
    Q_OBJECT

private:
    SimHarness m_sim;
    std::unique_ptr<RawClient> m_raw;
    protocol::WireResponse m_lastResponse; // the reply createNative() parsed last

    NativeOrderRequest nativeRequest(ApiFamily family)
    {
        NativeOrderRequest request;
        request.outTradeNo = nextNo(apiFamilyName(family) + u'A');
        request.description = u"auth test"_s;
        request.amount = amount(100, m_sim.merchant(family).defaultCurrency());
        return request;
    }
    bool inLedger(ApiFamily family, const QString& outTradeNo)
    {
        return !m_sim.ledgerEntry(m_sim.merchant(family).mchid, outTradeNo).outTradeNo.isEmpty();
    }
    // Builds a Native request with `setup`'s codec, lets `tamper` change it, sends it and parses the reply with the
    // correctly configured codec.
    Result<NativeOrder> createNative(ApiFamily family,
        const NativeOrderRequest& order,
        const ClientSetup& setup,
        const std::function<void(protocol::WireRequest&)>& tamper = {})
    {
        auto signer = makeCodec(m_sim, family, setup);
        if (!signer)
            return signer.error();
        auto request = signer.value()->createNative(order);
        if (!request)
            return request.error();
        if (tamper)
            tamper(request.value());
        const auto reply = send(*m_raw->transport, request.value());
        if (!reply)
            return Error::network(u"NO_REPLY"_s, u"no reply"_s);
        if (!reply->ok())
            return reply->error();
        m_lastResponse = reply->value();
        auto parser = makeCodec(m_sim, family);
        if (!parser)
            return parser.error();
        return parser.value()->parseCreateNative(reply->value());
    }

private Q_SLOTS:
    void initTestCase();
    void correctlySignedRequestIsAccepted_data();
    void correctlySignedRequestIsAccepted();
    void v3WrongKey_data();
    void v3WrongKey();
    void v3WrongSerial_data();
    void v3WrongSerial();
    void v3TamperedBody_data();
    void v3TamperedBody();
    void v3StaleTimestamp_data();
    void v3StaleTimestamp();
    void v2WrongKey();
    void v2TamperedBody();
};

void TestIntegrationAuth::initTestCase()
{
    WXPAY_VERIFY_OK(m_sim.start({ ApiFamily::V2, ApiFamily::V3, ApiFamily::Global }));
    auto raw = makeRawClient(m_sim, ApiFamily::V2, false);
    WXPAY_VERIFY_OK(raw);
    m_raw = std::move(raw).value();
}

void TestIntegrationAuth::correctlySignedRequestIsAccepted_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::newRow("v2") << ApiFamily::V2;
    QTest::newRow("v3") << ApiFamily::V3;
    QTest::newRow("global") << ApiFamily::Global;
}

void TestIntegrationAuth::correctlySignedRequestIsAccepted()
{
    // The baseline for the refusals below: the same path without tampering works.
    QFETCH(ApiFamily, family);
    const NativeOrderRequest order = nativeRequest(family);
    WXPAY_VERIFY_OK(createNative(family, order, {}));
    QVERIFY(inLedger(family, order.outTradeNo));
}

void TestIntegrationAuth::v3WrongKey_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::newRow("v3") << ApiFamily::V3;
    QTest::newRow("global") << ApiFamily::Global;
}

void TestIntegrationAuth::v3WrongKey()
{
    QFETCH(ApiFamily, family);
    ClientSetup setup;
    setup.merchant = m_sim.merchant(family);
    setup.merchant->merchantKey = m_sim.merchant(ApiFamily::V2).merchantKey; // a real key, not this merchant's
    const NativeOrderRequest order = nativeRequest(family);
    const auto created = createNative(family, order, setup);
    WXPAY_VERIFY_ERROR(created, ErrorKind::Business, u"SIGN_ERROR"_s);
    QCOMPARE(created.error().httpStatus, 401);
    QVERIFY(!created.error().requestId.isEmpty());
    QVERIFY(!inLedger(family, order.outTradeNo));
}

void TestIntegrationAuth::v3WrongSerial_data()
{
    v3WrongKey_data();
}

void TestIntegrationAuth::v3WrongSerial()
{
    QFETCH(ApiFamily, family);
    ClientSetup setup;
    setup.merchant = m_sim.merchant(family);
    setup.merchant->merchantCertificateSerial = m_sim.merchant(ApiFamily::V2).merchantCertificateSerial;
    const NativeOrderRequest order = nativeRequest(family);
    const auto created = createNative(family, order, setup);
    WXPAY_VERIFY_ERROR(created, ErrorKind::Business, u"SIGN_ERROR"_s);
    QCOMPARE(created.error().httpStatus, 401);
    QVERIFY(!inLedger(family, order.outTradeNo));
}

void TestIntegrationAuth::v3TamperedBody_data()
{
    v3WrongKey_data();
}

void TestIntegrationAuth::v3TamperedBody()
{
    QFETCH(ApiFamily, family);
    const NativeOrderRequest order = nativeRequest(family);
    const auto created = createNative(family, order, {}, [](protocol::WireRequest& request) {
        QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QJsonObject amount = body.value(u"amount"_s).toObject();
        amount.insert(u"total"_s, 1); // one cent instead of a yuan, after signing
        body.insert(u"amount"_s, amount);
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    });
    WXPAY_VERIFY_ERROR(created, ErrorKind::Business, u"SIGN_ERROR"_s);
    QCOMPARE(created.error().httpStatus, 401);
    QVERIFY(!inLedger(family, order.outTradeNo));
}

void TestIntegrationAuth::v3StaleTimestamp_data()
{
    v3WrongKey_data();
}

void TestIntegrationAuth::v3StaleTimestamp()
{
    QFETCH(ApiFamily, family);
    ManualClock behind(m_sim.clock.now().addSecs(-6 * 60));
    ClientSetup setup;
    setup.clock = &behind;
    const NativeOrderRequest order = nativeRequest(family);
    const auto created = createNative(family, order, setup);
    WXPAY_VERIFY_ERROR(created, ErrorKind::Business, u"SIGN_ERROR"_s);
    QCOMPARE(created.error().httpStatus, 401);
    QVERIFY(!inLedger(family, order.outTradeNo));

    // The client whose clock is off cannot trust the (correctly signed) refusal either.
    auto skewed = makeCodec(m_sim, family, setup);
    WXPAY_VERIFY_OK(skewed);
    WXPAY_VERIFY_ERROR(
        skewed.value()->parseCreateNative(m_lastResponse), ErrorKind::Verification, u"TIMESTAMP_STALE"_s);

    // Four minutes off is within WeChat's window.
    behind.set(m_sim.clock.now().addSecs(-4 * 60));
    const NativeOrderRequest accepted = nativeRequest(family);
    WXPAY_VERIFY_OK(createNative(family, accepted, setup));
    QVERIFY(inLedger(family, accepted.outTradeNo));
}

void TestIntegrationAuth::v2WrongKey()
{
    ClientSetup setup;
    setup.merchant = m_sim.merchant(ApiFamily::V2);
    setup.merchant->apiV2Key = m_sim.merchant(ApiFamily::V3).apiV2Key;
    const NativeOrderRequest order = nativeRequest(ApiFamily::V2);
    const auto created = createNative(ApiFamily::V2, order, setup);
    WXPAY_VERIFY_ERROR(created, ErrorKind::Business, u"RETURN_CODE_FAIL"_s);
    QVERIFY(!created.error().message.isEmpty());
    // The refusal is the unsigned two-field reply WeChat sends.
    const auto fields = protocol::v2::parseXml(m_lastResponse.body);
    WXPAY_VERIFY_OK(fields);
    QCOMPARE(fields->value(u"return_code"_s), u"FAIL"_s);
    QVERIFY(!fields->contains(u"sign"_s));
    QVERIFY(!inLedger(ApiFamily::V2, order.outTradeNo));
}

void TestIntegrationAuth::v2TamperedBody()
{
    const NativeOrderRequest order = nativeRequest(ApiFamily::V2);
    const auto created = createNative(ApiFamily::V2, order, {}, [](protocol::WireRequest& request) {
        auto fields = protocol::v2::parseXml(request.body);
        if (!fields)
            return;
        fields->insert(u"total_fee"_s, u"1"_s); // after signing
        request.body = protocol::v2::toXml(fields.value());
    });
    WXPAY_VERIFY_ERROR(created, ErrorKind::Business, u"RETURN_CODE_FAIL"_s);
    QVERIFY(!inLedger(ApiFamily::V2, order.outTradeNo));
}

QTEST_GUILESS_MAIN(TestIntegrationAuth)
#include "tst_integration_auth.moc"
