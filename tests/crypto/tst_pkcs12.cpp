#include "crypto/crypto.h"
#include "support/testsupport.h"

#include <QTest>

using namespace wxpay;

namespace {

QDateTime utc(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(0, 0), Qt::UTC);
}

crypto::PrivateKey katKey()
{
    auto key = crypto::PrivateKey::fromPem(test::readTestData(QStringLiteral("crypto/kat_rsa_key.pem")));
    if (!key.ok())
        qFatal("cannot load KAT-RSA-KEY: %s", qPrintable(key.error().toString()));
    return std::move(key).value();
}

crypto::Certificate merchantCertificate(const crypto::PrivateKey& key)
{
    crypto::CertificateSpec spec;
    spec.commonName = QStringLiteral("1900000109");
    spec.organization = QStringLiteral("wxpay-console test merchant");
    spec.serialHex = "5E8D5B3A1F";
    spec.notBefore = utc(2024, 1, 1);
    spec.notAfter = utc(2029, 1, 1);
    spec.clientAuth = true;
    auto certificate = crypto::makeCertificate(key, spec, key);
    if (!certificate.ok())
        qFatal("cannot make a certificate: %s", qPrintable(certificate.error().toString()));
    return *certificate;
}

} // namespace

class TestPkcs12 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void readsLegacyBundle();
    void rejectsWrongPassword_data();
    void rejectsWrongPassword();
    void rejectsGarbage_data();
    void rejectsGarbage();
    void refusesMismatchedKey();
};

void TestPkcs12::roundTrip_data()
{
    QTest::addColumn<QByteArray>("password");

    QTest::newRow("merchant id") << QByteArray("1900000109");
    QTest::newRow("UTF-8") << QStringLiteral(u"密码 with spaces").toUtf8();
    QTest::newRow("empty") << QByteArray();
}

void TestPkcs12::roundTrip()
{
    QFETCH(QByteArray, password);

    const crypto::PrivateKey key = katKey();
    const crypto::Certificate certificate = merchantCertificate(key);
    const auto der = crypto::makePkcs12(key, certificate, password);
    WXPAY_VERIFY_OK(der);
    QVERIFY(!der->isEmpty());

    const auto bundle = crypto::parsePkcs12(*der, password);
    WXPAY_VERIFY_OK(bundle);
    QCOMPARE(bundle->certificate.toDer(), certificate.toDer());
    QCOMPARE(bundle->certificate.serialNumberHex(), QStringLiteral("5E8D5B3A1F"));
    QCOMPARE(bundle->key.publicKey(), key.publicKey());
    QVERIFY(bundle->certificate.matches(bundle->key));

    // The recovered key signs exactly like the original (KAT-RSA-1 signature prefix).
    const auto signature = crypto::rsaSha256Sign(bundle->key, "source");
    WXPAY_VERIFY_OK(signature);
    QVERIFY(signature->toBase64().startsWith("BKyAfU4iMCuvXMXS0Wzam3V/cnxZ+JaqigPM5OhljS2iOT95OO6Fsuml2JkFANJU9K6q"));
}

// The shape of WeChat's apiclient_cert.p12: RC2-40 and 3DES bags (OpenSSL legacy provider), SHA-1 MAC.
void TestPkcs12::readsLegacyBundle()
{
    const QByteArray der = test::readTestData(QStringLiteral("crypto/kat_rsa_legacy.p12"));
    QVERIFY(!der.isEmpty());
    const auto bundle = crypto::parsePkcs12(der, "1900000109");
    WXPAY_VERIFY_OK(bundle);
    QCOMPARE(bundle->certificate.serialNumberHex(), QStringLiteral("D7CE59D1F522D701"));
    QCOMPARE(bundle->certificate.subjectCommonName(), QStringLiteral("1900000109"));
    QCOMPARE(crypto::sha256(bundle->key.publicKey().spkiDer()).toHex(),
        QByteArray("8a5b82f18120806bb2c6b46e1a2f8687ceaa20a45bc2b649e37e6d9878336dc5"));
    QVERIFY(bundle->certificate.matches(bundle->key));

    WXPAY_VERIFY_ERROR(crypto::parsePkcs12(der, "1900000108"), ErrorKind::Protocol, QStringLiteral("PKCS12_PASSWORD"));
}

void TestPkcs12::rejectsWrongPassword_data()
{
    QTest::addColumn<QByteArray>("made");
    QTest::addColumn<QByteArray>("given");

    QTest::newRow("different") << QByteArray("1900000109") << QByteArray("1900000110");
    QTest::newRow("prefix") << QByteArray("1900000109") << QByteArray("190000010");
    QTest::newRow("none given") << QByteArray("1900000109") << QByteArray();
    QTest::newRow("given for empty") << QByteArray() << QByteArray("1900000109");
}

void TestPkcs12::rejectsWrongPassword()
{
    QFETCH(QByteArray, made);
    QFETCH(QByteArray, given);

    const crypto::PrivateKey key = katKey();
    const auto der = crypto::makePkcs12(key, merchantCertificate(key), made);
    WXPAY_VERIFY_OK(der);
    WXPAY_VERIFY_ERROR(crypto::parsePkcs12(*der, given), ErrorKind::Protocol, QStringLiteral("PKCS12_PASSWORD"));
}

void TestPkcs12::rejectsGarbage_data()
{
    QTest::addColumn<QByteArray>("der");

    const crypto::PrivateKey key = katKey();
    const QByteArray good = crypto::makePkcs12(key, merchantCertificate(key), "1900000109").valueOr(QByteArray());
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("not a pkcs12 bundle");
    QTest::newRow("PEM instead") << test::readTestData(QStringLiteral("crypto/kat_rsa_key.pem"));
    QTest::newRow("truncated") << good.left(good.size() / 2);
}

void TestPkcs12::rejectsGarbage()
{
    QFETCH(QByteArray, der);

    WXPAY_VERIFY_ERROR(crypto::parsePkcs12(der, "1900000109"), ErrorKind::Protocol, QStringLiteral("PKCS12_INVALID"));
}

void TestPkcs12::refusesMismatchedKey()
{
    const crypto::PrivateKey key = katKey();
    auto other = crypto::PrivateKey::generateRsa();
    WXPAY_VERIFY_OK(other);
    WXPAY_VERIFY_ERROR(crypto::makePkcs12(*other, merchantCertificate(key), "1900000109"), ErrorKind::Protocol,
        QStringLiteral("KEY_INVALID"));
    WXPAY_VERIFY_ERROR(crypto::makePkcs12(key, crypto::Certificate(), "1900000109"), ErrorKind::Protocol,
        QStringLiteral("PKCS12_INVALID"));
}

QTEST_GUILESS_MAIN(TestPkcs12)
#include "tst_pkcs12.moc"
