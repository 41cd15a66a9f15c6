// The sandbox client factory without a server: the codecs it builds sign with the merchant's keys and trust
// exactly the merchant's reply keys; the transport settings trust only the sandbox CA and carry the v2 client
// certificate.
#include "protocol/v2/sign.h"
#include "protocol/v2/xml.h"
#include "protocol/v3/auth.h"
#include "sim/sandbox.h"
#include "sim/sandboxclient.h"
#include "support/testsupport.h"

#include <QSslKey>
#include <QTest>

using namespace wxpay;
using namespace wxpay::sim;
using namespace Qt::Literals::StringLiterals;

class TestSandboxClient : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { QDateTime(QDate(2024, 5, 20), QTime(2, 0), Qt::UTC) };
    RandomNonceSource m_nonce;
    MerchantSet m_sandbox;

    const SimMerchant& merchant(ApiFamily family) const
    {
        for (const SimMerchant& m : m_sandbox.merchants) {
            if (m.supports(family))
                return m;
        }
        qFatal("no sandbox merchant for %s", qPrintable(apiFamilyName(family)));
    }

    static NativeOrderRequest nativeRequest(const SimMerchant& m)
    {
        NativeOrderRequest request;
        request.outTradeNo = u"UNIT0001"_s;
        request.description = u"sandbox client"_s;
        request.amount = Money::fromMinor(100, m.defaultCurrency()).value();
        return request;
    }

private Q_SLOTS:
    void initTestCase();
    void buildsTheCodecOfEachFamily_data();
    void buildsTheCodecOfEachFamily();
    void v2RequestsCarryTheMerchantsSign_data();
    void v2RequestsCarryTheMerchantsSign();
    void v3RequestsAreSignedWithTheMerchantKey_data();
    void v3RequestsAreSignedWithTheMerchantKey();
    void v3RepliesAreVerifiedWithTheMerchantsReplyKeys();
    void refusesFamiliesAndKeysTheMerchantLacks();
    void miniProgramCodecUsesTheMiniApp();
    void transportConfigForHttpAndHttps();
};

void TestSandboxClient::initTestCase()
{
    auto sandbox = SandboxFactory(m_clock, m_nonce).createSandbox();
    WXPAY_VERIFY_OK(sandbox);
    m_sandbox = std::move(sandbox).value();
}

void TestSandboxClient::buildsTheCodecOfEachFamily_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::newRow("v2") << ApiFamily::V2;
    QTest::newRow("v3") << ApiFamily::V3;
    QTest::newRow("global") << ApiFamily::Global;
    QTest::newRow("hk") << ApiFamily::HkV3;
}

void TestSandboxClient::buildsTheCodecOfEachFamily()
{
    QFETCH(ApiFamily, family);
    auto codec = makePaymentCodec(merchant(family), family, m_clock, m_nonce);
    WXPAY_VERIFY_OK(codec);
    QCOMPARE(codec.value()->family(), family);
    // The defaults fill what a request leaves out (notify_url, client IP, HK merchant category code).
    WXPAY_VERIFY_OK(codec.value()->createNative(nativeRequest(merchant(family))));
}

void TestSandboxClient::v2RequestsCarryTheMerchantsSign_data()
{
    QTest::addColumn<protocol::v2::SignType>("signType");
    QTest::newRow("MD5") << protocol::v2::SignType::Md5;
    QTest::newRow("HMAC-SHA256") << protocol::v2::SignType::HmacSha256;
}

void TestSandboxClient::v2RequestsCarryTheMerchantsSign()
{
    QFETCH(protocol::v2::SignType, signType);
    const SimMerchant& m = merchant(ApiFamily::V2);
    SandboxClientOptions options;
    options.v2SignType = signType;
    auto codec = makePaymentCodec(m, ApiFamily::V2, m_clock, m_nonce, options);
    WXPAY_VERIFY_OK(codec);
    auto request = codec.value()->createNative(nativeRequest(m));
    WXPAY_VERIFY_OK(request);
    const auto fields = protocol::v2::parseXml(request->body);
    WXPAY_VERIFY_OK(fields);
    QCOMPARE(fields->value(u"mch_id"_s), m.mchid);
    QCOMPARE(fields->value(u"appid"_s), m.appid);
    QCOMPARE(fields->value(u"spbill_create_ip"_s), u"127.0.0.1"_s);
    WXPAY_VERIFY_OK(protocol::v2::verify(*fields, m.apiV2Key, signType));
    // Signed with this merchant's key, not another's.
    QVERIFY(!protocol::v2::verify(*fields, merchant(ApiFamily::V3).apiV2Key, signType).ok());

    // Refund and reverse go to /secapi with the client certificate.
    auto reverse = codec.value()->reverse(OrderRef::byOutTradeNo(u"UNIT0001"_s));
    WXPAY_VERIFY_OK(reverse);
    QVERIFY(reverse->needsClientCertificate);
    QVERIFY(reverse->pathAndQuery.startsWith(u"/secapi/"_s));
}

void TestSandboxClient::v3RequestsAreSignedWithTheMerchantKey_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::newRow("v3") << ApiFamily::V3;
    QTest::newRow("global") << ApiFamily::Global;
    QTest::newRow("hk") << ApiFamily::HkV3;
}

void TestSandboxClient::v3RequestsAreSignedWithTheMerchantKey()
{
    QFETCH(ApiFamily, family);
    const SimMerchant& m = merchant(family);
    auto codec = makePaymentCodec(m, family, m_clock, m_nonce);
    WXPAY_VERIFY_OK(codec);
    auto request = codec.value()->createNative(nativeRequest(m));
    WXPAY_VERIFY_OK(request);
    const auto parts = protocol::v3::parseAuthorization(request->header("Authorization"));
    WXPAY_VERIFY_OK(parts);
    QCOMPARE(parts->mchid, m.mchid);
    QCOMPARE(parts->serialNo, m.merchantCertificateSerial);
    QCOMPARE(parts->timestamp, m_clock.nowSecs());
    const QByteArray message = protocol::v3::signatureMessage(
        request->method, request->pathAndQuery.toUtf8(), parts->timestamp, parts->nonce, request->body);
    WXPAY_VERIFY_OK(
        crypto::rsaSha256Verify(m.merchantCertificate.publicKey(), message, QByteArray::fromBase64(parts->signature)));
    // Requests name the key replies are expected under.
    QCOMPARE(QString::fromUtf8(request->header("Wechatpay-Serial")), m.responseSerial());
}

void TestSandboxClient::v3RepliesAreVerifiedWithTheMerchantsReplyKeys()
{
    const SimMerchant& m = merchant(ApiFamily::V3);
    QVERIFY(!m.publicKeyId.isEmpty());
    QVERIFY(!m.platformSerial.isEmpty());
    auto reply = [&](const crypto::PrivateKey& key, const QString& serial) {
        protocol::WireResponse response;
        response.status = 200;
        response.body = R"({"code_url":"weixin://wxpay/bizpayurl?pr=abc"})";
        auto headers = protocol::v3::signResponse(key, serial, response.body, m_clock.nowSecs(), "nonce-of-reply");
        if (headers)
            response.headers = headers.value();
        return response;
    };
    const auto byPublicKeyId = reply(*m.publicKeyIdKey, m.publicKeyId);
    const auto byPlatform = reply(*m.platformKey, m.platformSerial);
    const auto byMerchantKey = reply(*m.merchantKey, m.platformSerial);

    auto both = makeV3Codec(m, m_clock, m_nonce);
    WXPAY_VERIFY_OK(both);
    WXPAY_VERIFY_OK(both.value()->verifier().verify(byPublicKeyId, m_clock));
    WXPAY_VERIFY_OK(both.value()->verifier().verify(byPlatform, m_clock));
    WXPAY_VERIFY_ERROR(
        both.value()->verifier().verify(byMerchantKey, m_clock), ErrorKind::Verification, u"SIGNATURE_INVALID"_s);
    const auto parsed = both.value()->parseCreateNative(byPublicKeyId);
    WXPAY_VERIFY_OK(parsed);
    QCOMPARE(parsed->codeUrl, u"weixin://wxpay/bizpayurl?pr=abc"_s);

    SandboxClientOptions platformOnly;
    platformOnly.trustPublicKeyId = false;
    auto certificateCodec = makeV3Codec(m, m_clock, m_nonce, platformOnly);
    WXPAY_VERIFY_OK(certificateCodec);
    WXPAY_VERIFY_OK(certificateCodec.value()->verifier().verify(byPlatform, m_clock));
    WXPAY_VERIFY_ERROR(certificateCodec.value()->verifier().verify(byPublicKeyId, m_clock), ErrorKind::Verification,
        u"SERIAL_UNKNOWN"_s);

    SandboxClientOptions publicKeyOnly;
    publicKeyOnly.trustPlatformCertificate = false;
    auto keyCodec = makeV3Codec(m, m_clock, m_nonce, publicKeyOnly);
    WXPAY_VERIFY_OK(keyCodec);
    WXPAY_VERIFY_OK(keyCodec.value()->verifier().verify(byPublicKeyId, m_clock));
    WXPAY_VERIFY_ERROR(
        keyCodec.value()->verifier().verify(byPlatform, m_clock), ErrorKind::Verification, u"SERIAL_UNKNOWN"_s);
}

void TestSandboxClient::refusesFamiliesAndKeysTheMerchantLacks()
{
    WXPAY_VERIFY_ERROR(makePaymentCodec(merchant(ApiFamily::V2), ApiFamily::V3, m_clock, m_nonce), ErrorKind::Input,
        u"SANDBOX_FAMILY_UNSUPPORTED"_s);
    WXPAY_VERIFY_ERROR(
        makeV3Codec(merchant(ApiFamily::Global), m_clock, m_nonce), ErrorKind::Input, u"SANDBOX_FAMILY_UNSUPPORTED"_s);

    SimMerchant noKey = merchant(ApiFamily::HkV3);
    noKey.merchantKey.reset();
    WXPAY_VERIFY_ERROR(
        makePaymentCodec(noKey, ApiFamily::HkV3, m_clock, m_nonce), ErrorKind::Input, u"SANDBOX_MERCHANT_INCOMPLETE"_s);

    // Global merchants have only a platform certificate: trusting nothing else leaves nothing to verify with.
    SandboxClientOptions publicKeyOnly;
    publicKeyOnly.trustPlatformCertificate = false;
    WXPAY_VERIFY_ERROR(
        makePaymentCodec(merchant(ApiFamily::Global), ApiFamily::Global, m_clock, m_nonce, publicKeyOnly),
        ErrorKind::Input, u"SANDBOX_MERCHANT_INCOMPLETE"_s);

    SimMerchant noV2Key = merchant(ApiFamily::V2);
    noV2Key.apiV2Key.clear();
    WXPAY_VERIFY_ERROR(
        makePaymentCodec(noV2Key, ApiFamily::V2, m_clock, m_nonce), ErrorKind::Input, u"SANDBOX_MERCHANT_INCOMPLETE"_s);
}

void TestSandboxClient::miniProgramCodecUsesTheMiniApp()
{
    const SimMerchant& m = merchant(ApiFamily::V3);
    const auto codec = makeMiniProgramCodec(m, m_clock);
    const protocol::WireRequest token = codec.token(m.miniAppSecret.toUtf8());
    QCOMPARE(token.endpoint, protocol::Endpoint::MiniProgram);
    QVERIFY(token.pathAndQuery.contains(u"appid="_s + m.miniAppid));
}

void TestSandboxClient::transportConfigForHttpAndHttps()
{
    const SimMerchant& v2 = merchant(ApiFamily::V2);
    const QSslCertificate ca(m_sandbox.authority->certificate.toPem(), QSsl::Pem);
    QVERIFY(!ca.isNull());

    auto plain = makeTransportConfig(v2, QUrl(u"http://127.0.0.1:8080"_s));
    WXPAY_VERIFY_OK(plain);
    QCOMPARE(plain->payBaseUrl, QUrl(u"http://127.0.0.1:8080"_s));
    QCOMPARE(plain->miniProgramBaseUrl, QUrl(u"http://127.0.0.1:8080"_s));
    QVERIFY(plain->trustedCaCertificates.isEmpty());
    WXPAY_VERIFY_OK(gateway::checkBaseUrl(plain->payBaseUrl));

    WXPAY_VERIFY_ERROR(
        makeTransportConfig(v2, QUrl(u"https://127.0.0.1:8443"_s)), ErrorKind::Input, u"SANDBOX_CA_MISSING"_s);
    auto tls = makeTransportConfig(v2, QUrl(u"https://127.0.0.1:8443"_s), ca);
    WXPAY_VERIFY_OK(tls);
    QCOMPARE(tls->trustedCaCertificates, QList<QSslCertificate> { ca });

    // The v2 client identity is the merchant's API certificate and its key.
    QCOMPARE(tls->clientCertificate.toDer(), v2.merchantCertificate.toDer());
    QVERIFY(!tls->clientKey.isNull());
    QCOMPARE(tls->clientKey.algorithm(), QSsl::Rsa);
    QCOMPARE(tls->clientKey.length(), 2048);
    QCOMPARE(tls->clientCertificate.publicKey().toPem(),
        QSslKey(v2.merchantKey->publicKey().toPem(), QSsl::Rsa, QSsl::Pem, QSsl::PublicKey).toPem());

    // APIv3 merchants need no TLS client certificate.
    auto v3 = makeTransportConfig(merchant(ApiFamily::V3), QUrl(u"https://127.0.0.1:8443"_s), ca);
    WXPAY_VERIFY_OK(v3);
    QVERIFY(v3->clientKey.isNull());
    QVERIFY(v3->clientCertificate.isNull());
}

QTEST_GUILESS_MAIN(TestSandboxClient)
#include "tst_sandboxclient.moc"
