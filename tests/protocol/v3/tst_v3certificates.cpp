#include "protocol/v3/certificates.h"
#include "support/testsupport.h"
#include "v3fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace wxpay;
using namespace wxpay::protocol;
using namespace wxpay::protocol::v3;

namespace {

constexpr qint64 kNow = 1714564800; // 2024-05-01T12:00:00Z
const QByteArray kApiV3Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb"; // KAT-GCM-1's key: public test material
const QByteArray kSerial1 = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
const QByteArray kSerial2 = "7132D72A03E93CDDF8C03BBD1F37EEDF3E6F4E35";

// Rewrites one field of the first certificate entry of a certificates body.
QByteArray withFirstEntry(const QByteArray& body, const std::function<void(QJsonObject&)>& change)
{
    QJsonObject root = QJsonDocument::fromJson(body).object();
    QJsonArray data = root.value(QLatin1String("data")).toArray();
    QJsonObject first = data.at(0).toObject();
    change(first);
    data.replace(0, first);
    root.insert(QLatin1String("data"), data);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace

class TestV3Certificates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void buildsAndDecrypts();
    void firstDownloadVerifiesAgainstDecrypted();
    void rejectsTamperedBodies_data();
    void rejectsTamperedBodies();
    void rejectsForgedSignatures();
    void mapsErrorReplies();
    void requestsPerFamily_data();
    void requestsPerFamily();

private:
    QByteArray body() const;

    crypto::PrivateKey m_key1;
    crypto::PrivateKey m_key2;
    crypto::Certificate m_cert1;
    crypto::Certificate m_cert2;
    ManualClock m_clock { QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC) };
};

void TestV3Certificates::initTestCase()
{
    m_key1 = test::v3::generatedKey();
    m_key2 = test::v3::generatedKey();
    QVERIFY(!m_key1.isNull() && !m_key2.isNull());
    const QDateTime from = QDateTime::fromSecsSinceEpoch(kNow - 86400, Qt::UTC);
    m_cert1 = test::v3::platformCertificate(m_key1, kSerial1, from, from.addYears(5));
    m_cert2 = test::v3::platformCertificate(m_key2, kSerial2, from, from.addYears(5));
    QVERIFY(!m_cert1.isNull() && !m_cert2.isNull());
}

QByteArray TestV3Certificates::body() const
{
    FixedNonceSource nonces({ "uluk4a9R25RW", "kwYQRqtL7E3b" });
    const auto built = buildCertificatesBody({ m_cert1, m_cert2 }, kApiV3Key, nonces);
    return built ? *built : QByteArray();
}

void TestV3Certificates::buildsAndDecrypts()
{
    const QByteArray built = body();
    QVERIFY(!built.isEmpty());
    const QJsonObject first
        = QJsonDocument::fromJson(built).object().value(QLatin1String("data")).toArray().at(0).toObject();
    QCOMPARE(first.value(QLatin1String("serial_no")).toString(), QString::fromLatin1(kSerial1));
    QCOMPARE(first.value(QLatin1String("effective_time")).toString(), QStringLiteral("2024-04-30T20:00:00+08:00"));
    const QJsonObject encrypted = first.value(QLatin1String("encrypt_certificate")).toObject();
    QCOMPARE(encrypted.value(QLatin1String("algorithm")).toString(), QStringLiteral("AEAD_AES_256_GCM"));
    QCOMPARE(encrypted.value(QLatin1String("nonce")).toString(), QStringLiteral("uluk4a9R25RW"));
    QCOMPARE(encrypted.value(QLatin1String("associated_data")).toString(), QStringLiteral("certificate"));
    QVERIFY(!built.contains("BEGIN CERTIFICATE"));

    const auto certificates = decryptCertificates(built, kApiV3Key);
    WXPAY_VERIFY_OK(certificates);
    QCOMPARE(certificates->size(), 2);
    QCOMPARE(certificates->at(0).serialNo, QString::fromLatin1(kSerial1));
    QCOMPARE(certificates->at(0).certificate.toDer(), m_cert1.toDer());
    QCOMPARE(certificates->at(0).effectiveTime, m_cert1.notBefore());
    QCOMPARE(certificates->at(0).expireTime, m_cert1.notAfter());
    QCOMPARE(certificates->at(1).serialNo, QString::fromLatin1(kSerial2));
    QCOMPARE(certificates->at(1).certificate.toDer(), m_cert2.toDer());
}

void TestV3Certificates::firstDownloadVerifiesAgainstDecrypted()
{
    const QByteArray built = body();
    // Signed by the second certificate's key: nothing is trusted before the download.
    const WireResponse response = test::v3::signedReply(200, built, m_key2, QString::fromLatin1(kSerial2), kNow);
    const auto certificates = parseCertificates(response, kApiV3Key, m_clock);
    WXPAY_VERIFY_OK(certificates);
    QCOMPARE(certificates->size(), 2);

    ResponseVerifier verifier;
    for (const auto& certificate : *certificates)
        verifier.addCertificate(certificate.certificate);
    WXPAY_VERIFY_OK(verifier.verify(response, m_clock));
}

void TestV3Certificates::rejectsTamperedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");

    const QByteArray good = body();
    QTest::newRow("wrong APIv3 key") << good << QByteArray("b7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb")
                                     << int(ErrorKind::Verification) << "AEAD_TAG_MISMATCH";
    QTest::newRow("short APIv3 key") << good << QByteArray("short") << int(ErrorKind::Protocol) << "AEAD_KEY_LENGTH";
    QTest::newRow("serial_no of another certificate") << withFirstEntry(good, [](QJsonObject& entry) {
        entry.insert(QLatin1String("serial_no"), QString::fromLatin1(kSerial2));
    }) << kApiV3Key << int(ErrorKind::Protocol) << "SERIAL_MISMATCH";
    QTest::newRow("associated_data changed") << withFirstEntry(good,
        [](QJsonObject& entry) {
            QJsonObject encrypted = entry.value(QLatin1String("encrypt_certificate")).toObject();
            encrypted.insert(QLatin1String("associated_data"), QStringLiteral("transaction"));
            entry.insert(QLatin1String("encrypt_certificate"), encrypted);
        }) << kApiV3Key << int(ErrorKind::Verification)
                                             << "AEAD_TAG_MISMATCH";
    QTest::newRow("other algorithm") << withFirstEntry(good,
        [](QJsonObject& entry) {
            QJsonObject encrypted = entry.value(QLatin1String("encrypt_certificate")).toObject();
            encrypted.insert(QLatin1String("algorithm"), QStringLiteral("SM4_GCM"));
            entry.insert(QLatin1String("encrypt_certificate"), encrypted);
        }) << kApiV3Key << int(ErrorKind::Protocol)
                                     << "ALGORITHM_UNSUPPORTED";
    QTest::newRow("no ciphertext") << withFirstEntry(good,
        [](QJsonObject& entry) {
            QJsonObject encrypted = entry.value(QLatin1String("encrypt_certificate")).toObject();
            encrypted.remove(QLatin1String("ciphertext"));
            entry.insert(QLatin1String("encrypt_certificate"), encrypted);
        }) << kApiV3Key << int(ErrorKind::Protocol)
                                   << "FIELD_MISSING";
    QTest::newRow("empty list") << QByteArray(R"({"data":[]})") << kApiV3Key << int(ErrorKind::Protocol)
                                << "FIELD_MISSING";
    QTest::newRow("not JSON") << QByteArray("<html>") << kApiV3Key << int(ErrorKind::Protocol) << "JSON_MALFORMED";
}

void TestV3Certificates::rejectsTamperedBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, key);
    QFETCH(int, kind);
    QFETCH(QString, code);
    WXPAY_VERIFY_ERROR(decryptCertificates(body, key), ErrorKind(kind), code);
    // The same body as a signed reply fails the same way, with the Request-ID.
    const auto parsed = parseCertificates(
        test::v3::signedReply(200, body, m_key1, QString::fromLatin1(kSerial1), kNow), key, m_clock);
    WXPAY_VERIFY_ERROR(parsed, ErrorKind(kind), code);
    QVERIFY(!parsed.error().requestId.isEmpty());
}

void TestV3Certificates::rejectsForgedSignatures()
{
    const QByteArray built = body();
    const crypto::PrivateKey stranger = test::v3::generatedKey();
    // Names a decrypted certificate but is signed by another key.
    WXPAY_VERIFY_ERROR(
        parseCertificates(
            test::v3::signedReply(200, built, stranger, QString::fromLatin1(kSerial1), kNow), kApiV3Key, m_clock),
        ErrorKind::Verification, QStringLiteral("SIGNATURE_INVALID"));
    // Names a serial that is neither decrypted nor trusted.
    WXPAY_VERIFY_ERROR(parseCertificates(test::v3::signedReply(200, built, stranger, QStringLiteral("ABCDEF"), kNow),
                           kApiV3Key, m_clock),
        ErrorKind::Verification, QStringLiteral("SERIAL_UNKNOWN"));
    // ... unless the caller already trusts it (a renewal signed by the platform's next key).
    ResponseVerifier trusted;
    const QDateTime from = QDateTime::fromSecsSinceEpoch(kNow - 86400, Qt::UTC);
    trusted.addCertificate(test::v3::platformCertificate(stranger, "ABCDEF", from, from.addYears(1)));
    WXPAY_VERIFY_OK(parseCertificates(
        test::v3::signedReply(200, built, stranger, QStringLiteral("ABCDEF"), kNow), kApiV3Key, m_clock, &trusted));
    WXPAY_VERIFY_ERROR(parseCertificates(test::v3::unsignedReply(200, built), kApiV3Key, m_clock),
        ErrorKind::Verification, QStringLiteral("HEADERS_MISSING"));
}

void TestV3Certificates::mapsErrorReplies()
{
    const QByteArray error
        = QStringLiteral(u"{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"无可用的平台证书\"}").toUtf8();
    ResponseVerifier trusted;
    WXPAY_VERIFY_OK(
        trusted.setPublicKey(QStringLiteral("PUB_KEY_ID_01142321349124100000000000000001"), m_key1.publicKey()));
    const auto parsed = parseCertificates(
        test::v3::signedReply(404, error, m_key1, QStringLiteral("PUB_KEY_ID_01142321349124100000000000000001"), kNow),
        kApiV3Key, m_clock, &trusted);
    WXPAY_VERIFY_ERROR(parsed, ErrorKind::Business, QStringLiteral("RESOURCE_NOT_EXISTS"));
    QCOMPARE(parsed.error().httpStatus, 404);
    QCOMPARE(parsed.error().message, QStringLiteral(u"无可用的平台证书"));

    const auto unverified = parseCertificates(test::v3::unsignedReply(404, error), kApiV3Key, m_clock, &trusted);
    WXPAY_VERIFY_ERROR(unverified, ErrorKind::Verification, QStringLiteral("HEADERS_MISSING"));
    QCOMPARE(unverified.error().httpStatus, 404);
    WXPAY_VERIFY_ERROR(parseCertificates(test::v3::unsignedReply(502, "Bad Gateway"), kApiV3Key, m_clock),
        ErrorKind::Http, QStringLiteral("HTTP_502"));
}

void TestV3Certificates::requestsPerFamily_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("path");
    QTest::newRow("v3") << int(ApiFamily::V3) << "/v3/certificates";
    QTest::newRow("global") << int(ApiFamily::Global) << "/v3/global/certificates";
    QTest::newRow("hk") << int(ApiFamily::HkV3) << "/hk/v3/certificates";
    QTest::newRow("v2") << int(ApiFamily::V2) << "";
}

void TestV3Certificates::requestsPerFamily()
{
    QFETCH(int, family);
    QFETCH(QString, path);
    ManualClock clock(QDateTime::fromSecsSinceEpoch(1624523846, Qt::UTC));
    FixedNonceSource nonces({ "A1B2C3D4E5F6G7" });
    Exchange exchange(MerchantSigner(QStringLiteral("1234567890"), QStringLiteral("0123456789ABC"), test::v3::katKey()),
        ResponseVerifier(), clock, nonces);
    const auto request = certificatesRequest(exchange, ApiFamily(family));
    if (path.isEmpty()) {
        WXPAY_VERIFY_ERROR(request, ErrorKind::Input, QStringLiteral("UNSUPPORTED"));
        return;
    }
    WXPAY_VERIFY_OK(request);
    QCOMPARE(request->method, QByteArray("GET"));
    QCOMPARE(request->pathAndQuery, path);
    QVERIFY(request->body.isEmpty());
    QVERIFY(request->header("Content-Type").isEmpty());
    QVERIFY(request->header("Wechatpay-Serial").isEmpty()); // nothing trusted yet
    const auto parts = parseAuthorization(request->header("Authorization"));
    WXPAY_VERIFY_OK(parts);
    WXPAY_VERIFY_OK(crypto::rsaSha256Verify(test::v3::katKey().publicKey(),
        signatureMessage("GET", path.toUtf8(), 1624523846, "A1B2C3D4E5F6G7", ""),
        QByteArray::fromBase64(parts->signature)));
}

QTEST_GUILESS_MAIN(TestV3Certificates)
#include "tst_v3certificates.moc"
