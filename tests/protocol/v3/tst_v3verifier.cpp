#include "protocol/v3/verifier.h"
#include "support/testsupport.h"
#include "v3fixture.h"

#include <QTest>

using namespace wxpay;
using namespace wxpay::protocol;
using namespace wxpay::protocol::v3;

namespace {

constexpr qint64 kNow = 1714564800; // 2024-05-01T12:00:00Z
const QByteArray kCertSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
const QString kPublicKeyId = QStringLiteral("PUB_KEY_ID_0000000000000024101100397200000006");
const QByteArray kRequestId = "08F8B5D8B30610AD0118A1B1E6C50128E4B301-0";
const QByteArray kBody = R"({"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"})";

void replaceHeader(WireResponse& response, QByteArrayView name, const QByteArray& value)
{
    for (auto& [key, old] : response.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            old = value;
    }
}

void removeHeader(WireResponse& response, QByteArrayView name)
{
    response.headers.removeIf([&](const auto& header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
}

// Changes one character of `text` at `index` (to another character of the same alphabet).
QByteArray flipped(QByteArray text, qsizetype index)
{
    text[index] = text.at(index) == 'A' ? 'B' : 'A';
    return text;
}

} // namespace

class TestV3Verifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verifies_data();
    void verifies();
    void publicKeyMode();
    void rejectsBadPublicKeyId();
    void serialsAndPreference();

private:
    crypto::PrivateKey m_platformKey;
    crypto::Certificate m_certificate;
    crypto::PrivateKey m_publicKeyModeKey;
    ManualClock m_clock { QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC) };
};

void TestV3Verifier::initTestCase()
{
    m_platformKey = test::v3::generatedKey();
    QVERIFY(!m_platformKey.isNull());
    m_certificate = test::v3::platformCertificate(m_platformKey, kCertSerial,
        QDateTime::fromSecsSinceEpoch(kNow - 86400, Qt::UTC),
        QDateTime::fromSecsSinceEpoch(kNow + 5 * 365 * 86400, Qt::UTC));
    QVERIFY(!m_certificate.isNull());
    QCOMPARE(m_certificate.serialNumberHex(), QString::fromLatin1(kCertSerial));
    m_publicKeyModeKey = test::v3::generatedKey();
    QVERIFY(!m_publicKeyModeKey.isNull());
}

void TestV3Verifier::verifies_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<qint64>("skew"); // seconds the reply's timestamp lies behind "now"
    QTest::addColumn<QString>("code"); // empty: verifies

    QTest::newRow("intact") << "" << qint64(0) << "";
    QTest::newRow("intact 204") << "empty body" << qint64(0) << "";
    QTest::newRow("body byte") << "body" << qint64(0) << "SIGNATURE_INVALID";
    QTest::newRow("signature byte") << "signature" << qint64(0) << "SIGNATURE_INVALID";
    QTest::newRow("signature not base64") << "signature garbage" << qint64(0) << "SIGNATURE_INVALID";
    QTest::newRow("timestamp header") << "timestamp" << qint64(0) << "SIGNATURE_INVALID";
    QTest::newRow("nonce header") << "nonce" << qint64(0) << "SIGNATURE_INVALID";
    QTest::newRow("serial byte") << "serial" << qint64(0) << "SERIAL_UNKNOWN";
    QTest::newRow("serial in lower case") << "serial lower" << qint64(0) << "";
    QTest::newRow("299 s old") << "" << qint64(299) << "";
    QTest::newRow("300 s old") << "" << qint64(300) << "TIMESTAMP_STALE";
    QTest::newRow("299 s ahead") << "" << qint64(-299) << "";
    QTest::newRow("300 s ahead") << "" << qint64(-300) << "TIMESTAMP_STALE";
    QTest::newRow("timestamp not a number") << "timestamp garbage" << qint64(0) << "TIMESTAMP_INVALID";
    QTest::newRow("signature probe") << "probe" << qint64(0) << "SIGNATURE_PROBE";
    QTest::newRow("probe beats stale timestamp") << "probe" << qint64(3600) << "SIGNATURE_PROBE";
    QTest::newRow("no Wechatpay-Timestamp") << "remove Wechatpay-Timestamp" << qint64(0) << "HEADERS_MISSING";
    QTest::newRow("no Wechatpay-Nonce") << "remove Wechatpay-Nonce" << qint64(0) << "HEADERS_MISSING";
    QTest::newRow("no Wechatpay-Signature") << "remove Wechatpay-Signature" << qint64(0) << "HEADERS_MISSING";
    QTest::newRow("no Wechatpay-Serial") << "remove Wechatpay-Serial" << qint64(0) << "HEADERS_MISSING";
    QTest::newRow("unsigned") << "unsigned" << qint64(0) << "HEADERS_MISSING";
    QTest::newRow("lower-case header names") << "lower-case names" << qint64(0) << "";
}

void TestV3Verifier::verifies()
{
    QFETCH(QString, change);
    QFETCH(qint64, skew);
    QFETCH(QString, code);

    const QByteArray body = change == u"empty body" ? QByteArray() : kBody;
    WireResponse response
        = test::v3::signedReply(200, body, m_platformKey, QString::fromLatin1(kCertSerial), kNow - skew, kRequestId);
    if (change == u"body") {
        response.body = flipped(response.body, 3);
    } else if (change == u"signature") {
        replaceHeader(response, "Wechatpay-Signature", flipped(response.header("Wechatpay-Signature"), 10));
    } else if (change == u"signature garbage") {
        replaceHeader(response, "Wechatpay-Signature", "not*base64");
    } else if (change == u"timestamp") {
        replaceHeader(response, "Wechatpay-Timestamp", QByteArray::number(kNow - skew + 1));
    } else if (change == u"timestamp garbage") {
        replaceHeader(response, "Wechatpay-Timestamp", "12e4");
    } else if (change == u"nonce") {
        replaceHeader(response, "Wechatpay-Nonce", flipped(response.header("Wechatpay-Nonce"), 0));
    } else if (change == u"serial") {
        replaceHeader(response, "Wechatpay-Serial", flipped(kCertSerial, 0));
    } else if (change == u"serial lower") {
        replaceHeader(response, "Wechatpay-Serial", kCertSerial.toLower());
    } else if (change == u"probe") {
        replaceHeader(response, "Wechatpay-Signature", "WECHATPAY/SIGNTEST/" + response.header("Wechatpay-Signature"));
    } else if (change.startsWith(u"remove ")) {
        removeHeader(response, change.mid(7).toLatin1());
    } else if (change == u"unsigned") {
        response = test::v3::unsignedReply(200, kBody, kRequestId);
    } else if (change == u"lower-case names") {
        for (auto& header : response.headers)
            header.first = header.first.toLower();
    }

    ResponseVerifier verifier;
    verifier.addCertificate(m_certificate);
    const Status status = verifier.verify(response, m_clock);
    if (code.isEmpty()) {
        WXPAY_VERIFY_OK(status);
    } else {
        WXPAY_VERIFY_ERROR(status, ErrorKind::Verification, code);
        QCOMPARE(status.error().requestId, QString::fromLatin1(kRequestId));
    }
}

void TestV3Verifier::publicKeyMode()
{
    ResponseVerifier verifier;
    WXPAY_VERIFY_OK(verifier.setPublicKey(kPublicKeyId, m_publicKeyModeKey.publicKey()));
    verifier.addCertificate(m_certificate);

    WXPAY_VERIFY_OK(
        verifier.verify(test::v3::signedReply(200, kBody, m_publicKeyModeKey, kPublicKeyId, kNow), m_clock));
    WXPAY_VERIFY_OK(verifier.verify(
        test::v3::signedReply(200, kBody, m_platformKey, QString::fromLatin1(kCertSerial), kNow), m_clock));
    // Signed by the certificate's key but naming the public key id: the public key is used, and it does not match.
    WXPAY_VERIFY_ERROR(verifier.verify(test::v3::signedReply(200, kBody, m_platformKey, kPublicKeyId, kNow), m_clock),
        ErrorKind::Verification, QStringLiteral("SIGNATURE_INVALID"));
    // Another public key id is unknown.
    WXPAY_VERIFY_ERROR(verifier.verify(test::v3::signedReply(200, kBody, m_publicKeyModeKey,
                                           QStringLiteral("PUB_KEY_ID_0000000000000024101100397200000007"), kNow),
                           m_clock),
        ErrorKind::Verification, QStringLiteral("SERIAL_UNKNOWN"));
}

void TestV3Verifier::rejectsBadPublicKeyId()
{
    ResponseVerifier verifier;
    WXPAY_VERIFY_ERROR(
        verifier.setPublicKey(QStringLiteral("0000000000000024101100397200000006"), m_publicKeyModeKey.publicKey()),
        ErrorKind::Input, QStringLiteral("PUBLIC_KEY_ID_INVALID"));
    WXPAY_VERIFY_ERROR(verifier.setPublicKey(QStringLiteral("PUB_KEY_ID_"), m_publicKeyModeKey.publicKey()),
        ErrorKind::Input, QStringLiteral("PUBLIC_KEY_ID_INVALID"));
    WXPAY_VERIFY_ERROR(
        verifier.setPublicKey(kPublicKeyId, crypto::PublicKey()), ErrorKind::Input, QStringLiteral("KEY_INVALID"));
    QVERIFY(verifier.isEmpty());
}

void TestV3Verifier::serialsAndPreference()
{
    ResponseVerifier verifier;
    QVERIFY(verifier.isEmpty());
    QCOMPARE(verifier.preferredSerial(), QString());

    const crypto::Certificate older = test::v3::platformCertificate(m_platformKey, "1A2B",
        QDateTime::fromSecsSinceEpoch(kNow - 86400, Qt::UTC), QDateTime::fromSecsSinceEpoch(kNow + 86400, Qt::UTC));
    QVERIFY(!older.isNull());
    verifier.addCertificate(m_certificate);
    verifier.addCertificate(older);
    QCOMPARE(verifier.preferredSerial(), QString::fromLatin1(kCertSerial)); // expires last
    QVERIFY(verifier.knows(QStringLiteral("1A2B")));
    QVERIFY(!verifier.knows(QStringLiteral("1A2C")));

    WXPAY_VERIFY_OK(verifier.setPublicKey(kPublicKeyId, m_publicKeyModeKey.publicKey()));
    QCOMPARE(verifier.preferredSerial(), kPublicKeyId);
    QCOMPARE(
        verifier.serials(), QStringList({ QStringLiteral("1A2B"), QString::fromLatin1(kCertSerial), kPublicKeyId }));
}

QTEST_GUILESS_MAIN(TestV3Verifier)
#include "tst_v3verifier.moc"
