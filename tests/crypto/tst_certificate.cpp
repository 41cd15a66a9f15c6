#include "crypto/crypto.h"
#include "crypto/ossl.h"
#include "support/testsupport.h"

#include <QTest>

#include <openssl/x509_vfy.h>

Q_DECLARE_METATYPE(wxpay::crypto::CertificateSpec)

using namespace wxpay;

namespace {

using StorePtr = std::unique_ptr<X509_STORE, crypto::ossl::Deleter<X509_STORE_free>>;
using StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, crypto::ossl::Deleter<X509_STORE_CTX_free>>;

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC);
}

crypto::PrivateKey katKey()
{
    auto key = crypto::PrivateKey::fromPem(test::readTestData(QStringLiteral("crypto/kat_rsa_key.pem")));
    if (!key.ok())
        qFatal("cannot load KAT-RSA-KEY: %s", qPrintable(key.error().toString()));
    return std::move(key).value();
}

crypto::PrivateKey newKey()
{
    auto key = crypto::PrivateKey::generateRsa();
    if (!key.ok())
        qFatal("cannot generate a key: %s", qPrintable(key.error().toString()));
    return std::move(key).value();
}

crypto::CertificateSpec caSpec()
{
    crypto::CertificateSpec spec;
    spec.commonName = QStringLiteral("wxpay-console test CA");
    spec.organization = QStringLiteral("wxpay-console");
    spec.serialHex = "D7CE59D1F522D701";
    spec.notBefore = utc(2021, 4, 27, 8, 30, 15);
    spec.notAfter = utc(2031, 4, 25, 8, 30, 15);
    spec.isCa = true;
    return spec;
}

X509* x509(const crypto::Certificate& certificate)
{
    return static_cast<X509*>(certificate.handle());
}

// What a TLS client would conclude: chain to `ca`, purpose, and host/IP match, at `when`.
int verifyChain(const crypto::Certificate& leaf, const crypto::Certificate& ca, int purpose, const QDateTime& when)
{
    StorePtr store(X509_STORE_new());
    StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!store || !ctx || X509_STORE_add_cert(store.get(), x509(ca)) != 1
        || X509_STORE_CTX_init(ctx.get(), store.get(), x509(leaf), nullptr) != 1)
        return -1;
    X509_STORE_CTX_set_purpose(ctx.get(), purpose);
    X509_STORE_CTX_set_time(ctx.get(), 0, static_cast<time_t>(when.toSecsSinceEpoch()));
    if (X509_verify_cert(ctx.get()) == 1)
        return X509_V_OK;
    return X509_STORE_CTX_get_error(ctx.get());
}

} // namespace

class TestCertificate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void selfSignedCa();
    void serialNumbers_data();
    void serialNumbers();
    void randomSerials();
    void datesBeyond2049();
    void leafIssuedByCa();
    void clientCertificate();
    void pemAndDerRoundTrip();
    void rejectsGarbage_data();
    void rejectsGarbage();
    void rejectsBadSpecs_data();
    void rejectsBadSpecs();
    void rejectsWrongIssuerKey();
    void nullCertificate();

private:
    crypto::PrivateKey m_caKey;
    crypto::Certificate m_ca;
};

void TestCertificate::initTestCase()
{
    m_caKey = katKey();
    auto ca = crypto::makeCertificate(m_caKey, caSpec(), m_caKey);
    WXPAY_VERIFY_OK(ca);
    m_ca = *ca;
}

void TestCertificate::selfSignedCa()
{
    QCOMPARE(m_ca.serialNumberHex(), QStringLiteral("D7CE59D1F522D701"));
    QCOMPARE(m_ca.notBefore(), utc(2021, 4, 27, 8, 30, 15));
    QCOMPARE(m_ca.notAfter(), utc(2031, 4, 25, 8, 30, 15));
    QCOMPARE(m_ca.notBefore().timeSpec(), Qt::UTC);
    QCOMPARE(m_ca.subjectCommonName(), QStringLiteral("wxpay-console test CA"));
    QCOMPARE(m_ca.publicKey(), m_caKey.publicKey());
    QCOMPARE(crypto::sha256(m_ca.publicKey().spkiDer()).toHex(),
        QByteArray("8a5b82f18120806bb2c6b46e1a2f8687ceaa20a45bc2b649e37e6d9878336dc5"));
    QVERIFY(m_ca.matches(m_caKey));
    QVERIFY(!m_ca.matches(newKey()));
    QVERIFY(!m_ca.matches(crypto::PrivateKey()));
    QVERIFY(m_ca.isIssuedBy(m_ca));

    X509* x = x509(m_ca);
    QCOMPARE(X509_get_version(x), long(X509_VERSION_3));
    QVERIFY(X509_check_ca(x) >= 1);
    QVERIFY(X509_get_key_usage(x) & KU_KEY_CERT_SIGN);
    QCOMPARE(X509_get_ext_by_NID(x, NID_subject_alt_name, -1), -1);
    // A self-signed CA verifies as its own trust anchor.
    QCOMPARE(verifyChain(m_ca, m_ca, X509_PURPOSE_ANY, utc(2025, 1, 1)), int(X509_V_OK));
}

void TestCertificate::serialNumbers_data()
{
    QTest::addColumn<QByteArray>("given");
    QTest::addColumn<QString>("printed");

    QTest::newRow("WeChat style") << QByteArray("D7CE59D1F522D701") << "D7CE59D1F522D701";
    QTest::newRow("lower case in") << QByteArray("5e8d5b3a1f") << "5E8D5B3A1F";
    QTest::newRow("leading zeros") << QByteArray("000ABC") << "ABC";
    QTest::newRow("odd digits") << QByteArray("ABC") << "ABC";
    QTest::newRow("high bit (DER adds 00)") << QByteArray("80") << "80";
    QTest::newRow("one") << QByteArray("1") << "1";
    QTest::newRow("40 digits") << QByteArray("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")
                               << "7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
}

void TestCertificate::serialNumbers()
{
    QFETCH(QByteArray, given);
    QFETCH(QString, printed);

    crypto::CertificateSpec spec = caSpec();
    spec.serialHex = given;
    const auto certificate = crypto::makeCertificate(m_caKey, spec, m_caKey);
    WXPAY_VERIFY_OK(certificate);
    QCOMPARE(certificate->serialNumberHex(), printed);
    // And the same once parsed back from DER.
    const auto parsed = crypto::Certificate::fromDer(certificate->toDer());
    WXPAY_VERIFY_OK(parsed);
    QCOMPARE(parsed->serialNumberHex(), printed);
}

void TestCertificate::randomSerials()
{
    crypto::CertificateSpec spec = caSpec();
    spec.serialHex.clear();
    QStringList serials;
    for (int i = 0; i < 5; ++i) {
        const auto certificate = crypto::makeCertificate(m_caKey, spec, m_caKey);
        WXPAY_VERIFY_OK(certificate);
        const QString serial = certificate->serialNumberHex();
        QCOMPARE(serial.size(), 16);
        for (const QChar c : serial)
            QVERIFY2((c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'F'), qPrintable(serial));
        QVERIFY2(!serials.contains(serial), qPrintable(serial));
        serials << serial;
    }
}

// Dates from 2050 on are GeneralizedTime in X.509; both encodings read back as UTC.
void TestCertificate::datesBeyond2049()
{
    crypto::CertificateSpec spec = caSpec();
    spec.notBefore = utc(2049, 12, 31, 23, 59, 59);
    spec.notAfter = utc(2060, 2, 29, 12, 0, 0);
    const auto certificate = crypto::makeCertificate(m_caKey, spec, m_caKey);
    WXPAY_VERIFY_OK(certificate);
    QCOMPARE(certificate->notBefore(), spec.notBefore);
    QCOMPARE(certificate->notAfter(), spec.notAfter);

    // A date with a non-UTC offset is stored as the same instant.
    spec.notBefore = QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::OffsetFromUTC, 8 * 3600);
    const auto shifted = crypto::makeCertificate(m_caKey, spec, m_caKey);
    WXPAY_VERIFY_OK(shifted);
    QCOMPARE(shifted->notBefore(), utc(2024, 1, 1, 0, 0, 0));
}

void TestCertificate::leafIssuedByCa()
{
    const crypto::PrivateKey leafKey = newKey();
    crypto::CertificateSpec spec;
    spec.commonName = QStringLiteral("localhost");
    spec.notBefore = utc(2024, 1, 1);
    spec.notAfter = utc(2026, 1, 1);
    spec.dnsNames = { QStringLiteral("localhost"), QStringLiteral("api.mch.weixin.qq.com") };
    spec.ipAddresses = { QStringLiteral("127.0.0.1"), QStringLiteral("::1") };
    spec.serverAuth = true;
    const auto leaf = crypto::makeCertificate(leafKey, spec, m_caKey, &m_ca);
    WXPAY_VERIFY_OK(leaf);

    QCOMPARE(leaf->subjectCommonName(), QStringLiteral("localhost"));
    QCOMPARE(leaf->notBefore(), utc(2024, 1, 1));
    QCOMPARE(leaf->notAfter(), utc(2026, 1, 1));
    QCOMPARE(leaf->publicKey(), leafKey.publicKey());
    QVERIFY(leaf->publicKey() != m_caKey.publicKey());
    QVERIFY(leaf->matches(leafKey));
    QVERIFY(!leaf->matches(m_caKey));
    QVERIFY(leaf->isIssuedBy(m_ca));
    QVERIFY(!leaf->isIssuedBy(*leaf));
    QVERIFY(!m_ca.isIssuedBy(*leaf));

    X509* x = x509(*leaf);
    QCOMPARE(X509_check_ca(x), 0);
    QVERIFY(X509_get_extended_key_usage(x) & XKU_SSL_SERVER);
    QVERIFY(!(X509_get_extended_key_usage(x) & XKU_SSL_CLIENT));
    QCOMPARE(X509_check_host(x, "localhost", 0, 0, nullptr), 1);
    QCOMPARE(X509_check_host(x, "api.mch.weixin.qq.com", 0, 0, nullptr), 1);
    QCOMPARE(X509_check_host(x, "example.com", 0, 0, nullptr), 0);
    QCOMPARE(X509_check_ip_asc(x, "127.0.0.1", 0), 1);
    QCOMPARE(X509_check_ip_asc(x, "::1", 0), 1);
    QCOMPARE(X509_check_ip_asc(x, "127.0.0.2", 0), 0);

    // A TLS client trusting only the CA accepts it as a server certificate, within its validity only.
    QCOMPARE(verifyChain(*leaf, m_ca, X509_PURPOSE_SSL_SERVER, utc(2025, 6, 1)), int(X509_V_OK));
    QCOMPARE(verifyChain(*leaf, m_ca, X509_PURPOSE_SSL_SERVER, utc(2026, 6, 1)), int(X509_V_ERR_CERT_HAS_EXPIRED));
    QCOMPARE(verifyChain(*leaf, m_ca, X509_PURPOSE_SSL_CLIENT, utc(2025, 6, 1)), int(X509_V_ERR_INVALID_PURPOSE));
    // ... and rejects it when the trusted CA is another one.
    const crypto::PrivateKey otherKey = newKey();
    const auto otherCa = crypto::makeCertificate(otherKey, caSpec(), otherKey);
    WXPAY_VERIFY_OK(otherCa);
    QVERIFY(!leaf->isIssuedBy(*otherCa));
    QVERIFY(verifyChain(*leaf, *otherCa, X509_PURPOSE_SSL_SERVER, utc(2025, 6, 1)) != X509_V_OK);
}

void TestCertificate::clientCertificate()
{
    const crypto::PrivateKey key = newKey();
    crypto::CertificateSpec spec;
    spec.commonName = QStringLiteral("1900000109");
    spec.organization = QStringLiteral(u"微信支付测试商户");
    spec.notBefore = utc(2024, 1, 1);
    spec.notAfter = utc(2029, 1, 1);
    spec.clientAuth = true;
    const auto certificate = crypto::makeCertificate(key, spec, m_caKey, &m_ca);
    WXPAY_VERIFY_OK(certificate);

    X509* x = x509(*certificate);
    QVERIFY(X509_get_extended_key_usage(x) & XKU_SSL_CLIENT);
    QVERIFY(!(X509_get_extended_key_usage(x) & XKU_SSL_SERVER));
    QCOMPARE(X509_get_ext_by_NID(x, NID_subject_alt_name, -1), -1);
    QCOMPARE(verifyChain(*certificate, m_ca, X509_PURPOSE_SSL_CLIENT, utc(2025, 1, 1)), int(X509_V_OK));

    // Both usages at once.
    spec.serverAuth = true;
    const auto both = crypto::makeCertificate(key, spec, m_caKey, &m_ca);
    WXPAY_VERIFY_OK(both);
    QCOMPARE(X509_get_extended_key_usage(x509(*both)) & (XKU_SSL_CLIENT | XKU_SSL_SERVER),
        uint32_t(XKU_SSL_CLIENT | XKU_SSL_SERVER));
}

void TestCertificate::pemAndDerRoundTrip()
{
    const QByteArray pem = m_ca.toPem();
    QVERIFY(pem.startsWith("-----BEGIN CERTIFICATE-----\n"));
    const QByteArray withPreamble = "leading text is skipped\n" + pem;
    const auto fromPem = crypto::Certificate::fromPem(withPreamble);
    WXPAY_VERIFY_OK(fromPem);
    QCOMPARE(fromPem->toDer(), m_ca.toDer());

    const QByteArray der = m_ca.toDer();
    QCOMPARE(uchar(der.at(0)), uchar(0x30));
    const auto fromDer = crypto::Certificate::fromDer(der);
    WXPAY_VERIFY_OK(fromDer);
    QCOMPARE(fromDer->toPem(), pem);
    QCOMPARE(fromDer->serialNumberHex(), m_ca.serialNumberHex());
    QCOMPARE(fromDer->subjectCommonName(), m_ca.subjectCommonName());
    QCOMPARE(fromDer->notAfter(), m_ca.notAfter());
    QCOMPARE(fromDer->publicKey(), m_ca.publicKey());
    QVERIFY(fromDer->matches(m_caKey));

    // Copies share the same certificate.
    const crypto::Certificate copy = *fromDer;
    QCOMPARE(copy.handle(), fromDer->handle());
}

void TestCertificate::rejectsGarbage_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("isPem");
    QTest::addColumn<QString>("code");

    const QByteArray der = [] {
        const crypto::PrivateKey key = katKey();
        return crypto::makeCertificate(key, caSpec(), key)->toDer();
    }();
    QTest::newRow("PEM garbage") << QByteArray("garbage") << true << "PEM_INVALID";
    QTest::newRow("PEM empty") << QByteArray() << true << "PEM_INVALID";
    QTest::newRow("PEM key instead") << test::readTestData(QStringLiteral("crypto/kat_rsa_pub_spki.pem")) << true
                                     << "PEM_INVALID";
    QTest::newRow("PEM broken base64") << QByteArray("-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n")
                                       << true << "PEM_INVALID";
    QTest::newRow("PEM not a certificate")
        << QByteArray("-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n") << true << "CERT_INVALID";
    QTest::newRow("DER garbage") << QByteArray("garbage") << false << "DER_INVALID";
    QTest::newRow("DER empty") << QByteArray() << false << "DER_INVALID";
    QTest::newRow("DER truncated") << der.left(der.size() - 1) << false << "DER_INVALID";
    QTest::newRow("DER trailing byte") << QByteArray(der + '\0') << false << "DER_INVALID";
}

void TestCertificate::rejectsGarbage()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, isPem);
    QFETCH(QString, code);

    const auto result = isPem ? crypto::Certificate::fromPem(input) : crypto::Certificate::fromDer(input);
    WXPAY_VERIFY_ERROR(result, ErrorKind::Protocol, code);
}

void TestCertificate::rejectsBadSpecs_data()
{
    QTest::addColumn<crypto::CertificateSpec>("spec");

    crypto::CertificateSpec spec = caSpec();
    spec.commonName.clear();
    QTest::newRow("no common name") << spec;
    spec = caSpec();
    spec.commonName = QString(65, u'x');
    QTest::newRow("common name over 64") << spec;
    spec = caSpec();
    spec.notAfter = spec.notBefore;
    QTest::newRow("empty validity") << spec;
    spec = caSpec();
    spec.notBefore = QDateTime();
    QTest::newRow("no notBefore") << spec;
    spec = caSpec();
    spec.serialHex = "D7CE59D1F522D70G";
    QTest::newRow("serial not hex") << spec;
    spec.serialHex = "D7:CE";
    QTest::newRow("serial with colon") << spec;
    spec.serialHex = "000";
    QTest::newRow("serial zero") << spec;
    spec.serialHex = QByteArray(41, '1');
    QTest::newRow("serial too long") << spec;
    spec = caSpec();
    spec.ipAddresses = { QStringLiteral("300.0.0.1") };
    QTest::newRow("bad IP") << spec;
    spec.ipAddresses = { QStringLiteral("localhost") };
    QTest::newRow("name as IP") << spec;
    spec = caSpec();
    spec.dnsNames = { QStringLiteral("a,DNS:evil") };
    QTest::newRow("DNS injection") << spec;
    spec.dnsNames = { QString() };
    QTest::newRow("empty DNS") << spec;
    spec.dnsNames = { QStringLiteral(u"支付.example") };
    QTest::newRow("non-ASCII DNS") << spec;
}

void TestCertificate::rejectsBadSpecs()
{
    QFETCH(crypto::CertificateSpec, spec);

    WXPAY_VERIFY_ERROR(
        crypto::makeCertificate(m_caKey, spec, m_caKey), ErrorKind::Input, QStringLiteral("CERT_SPEC_INVALID"));
}

void TestCertificate::rejectsWrongIssuerKey()
{
    const crypto::PrivateKey other = newKey();
    // Self-signed but signed with another key.
    WXPAY_VERIFY_ERROR(
        crypto::makeCertificate(m_caKey, caSpec(), other), ErrorKind::Input, QStringLiteral("CERT_SPEC_INVALID"));
    // Issued by the CA but signed with a key that is not the CA's.
    WXPAY_VERIFY_ERROR(
        crypto::makeCertificate(other, caSpec(), other, &m_ca), ErrorKind::Input, QStringLiteral("CERT_SPEC_INVALID"));
    // No keys at all.
    WXPAY_VERIFY_ERROR(crypto::makeCertificate(crypto::PrivateKey(), caSpec(), m_caKey), ErrorKind::Input,
        QStringLiteral("CERT_SPEC_INVALID"));
}

void TestCertificate::nullCertificate()
{
    const crypto::Certificate certificate;
    QVERIFY(certificate.isNull());
    QVERIFY(certificate.toPem().isEmpty());
    QVERIFY(certificate.toDer().isEmpty());
    QVERIFY(certificate.serialNumberHex().isEmpty());
    QVERIFY(!certificate.notBefore().isValid());
    QVERIFY(certificate.subjectCommonName().isEmpty());
    QVERIFY(certificate.publicKey().isNull());
    QVERIFY(!certificate.matches(m_caKey));
    QVERIFY(!certificate.isIssuedBy(m_ca));
    QVERIFY(!m_ca.isIssuedBy(certificate));
}

QTEST_GUILESS_MAIN(TestCertificate)
#include "tst_certificate.moc"
