#include "protocol/v3/auth.h"
#include "support/testsupport.h"
#include "v3fixture.h"

#include <QTest>

using namespace wxpay;
using namespace wxpay::protocol;
using namespace wxpay::protocol::v3;

namespace {

// KAT-V3-AUTH and KAT-RSA-1, protocol.md section 7.
constexpr char kKatMessage[] = "GET\n/v3/certificates\n1624523846\nA1B2C3D4E5F6G7\n\n";
constexpr char kKatSignature[]
    = "mG2drrUCDR7EVrJmQVI6eW5VlDB0zzpcYLC83UiNxe1aNAomazwWci4q/HPA7MmlbGAswwSE7iPiLy3vflXohf42WXNA031htDbpBCVt1ti2t"
      "eKFPh531KK07unc+CrCiepz6veTgsylXYO4iBI+DYQ4UDj+r8A/lhqj7yHmtLjvcJ45Og6Wdecd/T7jGgMwcEe1mR7HLzC7R6snnLOaRwnPCe6"
      "WyiWGDHHuQzvNFeaztpM3noedCPEwGculoy2MPVvNER6TpM8CUijpKChWM7Q5vIwg8QYv9bH7IuZitLMAgx0+cgaNzFbzZuXxwGB6wIAmv70dW"
      "cQx8F2erR/Nzw==";
constexpr char kRsa1Signature[]
    = "BKyAfU4iMCuvXMXS0Wzam3V/cnxZ+JaqigPM5OhljS2iOT95OO6Fsuml2JkFANJU9K6q9bLlDhPXuoVz+pp4hAm6pHU4ld815U4jsKu1Rkya"
      "II+1CYBUYC8TK0XtJ8FwUXXz8vZHh58rrAVN1XwNyvD1vfpxrMT4SL536GLwvpUHlCqIMzoZUguLli/K8V29QiOhuH6IEqLNJn8e9b3nwNcQ7"
      "be3CzYGpDAKBfDGPCqCv8Rw5zndhlffk2FEA70G4hvMwe51qMN/RAJbknXG23bSlObuTCN7Ndj1aJGH6/L+hdwfLpUtJm4QYVazzW7DFD27Ep"
      "SQEqA8bX9+8m1rLg==";

QByteArray katHeader()
{
    return QByteArray(
               "WECHATPAY2-SHA256-RSA2048 mchid=\"1234567890\",nonce_str=\"A1B2C3D4E5F6G7\",timestamp=\"1624523846\","
               "serial_no=\"0123456789ABC\",signature=\"")
        + kKatSignature + '"';
}

} // namespace

class TestV3Auth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void katKeySignsKnownAnswer();
    void signatureMessageMatchesKat();
    void signatureMessageKeepsBodyBytes();
    void authorizationMatchesKat();
    void authorizationUsesClockAndNonce();
    void parsesAnyParameterOrder_data();
    void parsesAnyParameterOrder();
    void rejectsMalformedHeaders_data();
    void rejectsMalformedHeaders();
    void formatAndParseRoundTrip();
    void signsResponses();
};

void TestV3Auth::katKeySignsKnownAnswer()
{
    const crypto::PrivateKey key = test::v3::katKey();
    QVERIFY(!key.isNull());
    MerchantSigner signer(QStringLiteral("1234567890"), QStringLiteral("0123456789ABC"), test::v3::katKey());
    const auto signature = signer.sign("source");
    WXPAY_VERIFY_OK(signature);
    QCOMPARE(*signature, QByteArray(kRsa1Signature));
}

void TestV3Auth::signatureMessageMatchesKat()
{
    QCOMPARE(signatureMessage("GET", "/v3/certificates", 1624523846, "A1B2C3D4E5F6G7", ""), QByteArray(kKatMessage));
}

void TestV3Auth::signatureMessageKeepsBodyBytes()
{
    const QByteArray body = QStringLiteral(u"{\"description\":\"腾讯 QQ\"}").toUtf8();
    const QByteArray expected = "POST\n/v3/pay/transactions/native?x=1\n1554208460\nn0\n" + body + '\n';
    QCOMPARE(signatureMessage("POST", "/v3/pay/transactions/native?x=1", 1554208460, "n0", body), expected);
    QCOMPARE(responseSignatureMessage("1554208460", "n0", ""), QByteArray("1554208460\nn0\n\n"));
}

void TestV3Auth::authorizationMatchesKat()
{
    MerchantSigner signer(QStringLiteral("1234567890"), QStringLiteral("0123456789ABC"), test::v3::katKey());
    const auto header = signer.authorization("GET", "/v3/certificates", "", 1624523846, "A1B2C3D4E5F6G7");
    WXPAY_VERIFY_OK(header);
    QCOMPARE(*header, katHeader());
}

void TestV3Auth::authorizationUsesClockAndNonce()
{
    MerchantSigner signer(QStringLiteral("1234567890"), QStringLiteral("0123456789ABC"), test::v3::katKey());
    ManualClock clock(QDateTime::fromSecsSinceEpoch(1624523846, Qt::UTC));
    FixedNonceSource nonces({ "A1B2C3D4E5F6G7" });
    const auto header = signer.authorization("GET", "/v3/certificates", "", clock, nonces);
    WXPAY_VERIFY_OK(header);
    QCOMPARE(*header, katHeader());
}

void TestV3Auth::parsesAnyParameterOrder_data()
{
    QTest::addColumn<QByteArray>("header");
    const QByteArray sig = kKatSignature;
    QTest::newRow("go order") << katHeader();
    QTest::newRow("php order") << "WECHATPAY2-SHA256-RSA2048 mchid=\"1234567890\",serial_no=\"0123456789ABC\","
                                  "timestamp=\"1624523846\",nonce_str=\"A1B2C3D4E5F6G7\",signature=\""
            + sig + '"';
    QTest::newRow("official bill order")
        << "WECHATPAY2-SHA256-RSA2048 mchid=\"1234567890\",nonce_str=\"A1B2C3D4E5F6G7\","
           "signature=\""
            + sig + "\",timestamp=\"1624523846\",serial_no=\"0123456789ABC\"";
    QTest::newRow("spaces after commas") << "WECHATPAY2-SHA256-RSA2048  signature=\"" + sig
            + "\", serial_no=\"0123456789ABC\" , timestamp=\"1624523846\", nonce_str=\"A1B2C3D4E5F6G7\", "
              "mchid=\"1234567890\"  ";
    QTest::newRow("unknown key ignored") << katHeader() + ",version=\"2\"";
}

void TestV3Auth::parsesAnyParameterOrder()
{
    QFETCH(QByteArray, header);
    const auto parts = parseAuthorization(header);
    WXPAY_VERIFY_OK(parts);
    QCOMPARE(parts->mchid, QStringLiteral("1234567890"));
    QCOMPARE(parts->nonce, QByteArray("A1B2C3D4E5F6G7"));
    QCOMPARE(parts->timestamp, qint64(1624523846));
    QCOMPARE(parts->serialNo, QStringLiteral("0123456789ABC"));
    QCOMPARE(parts->signature, QByteArray(kKatSignature));
    // What the simulator does next: the signature verifies over the rebuilt message.
    const QByteArray message = signatureMessage("GET", "/v3/certificates", parts->timestamp, parts->nonce, "");
    WXPAY_VERIFY_OK(
        crypto::rsaSha256Verify(test::v3::katKey().publicKey(), message, QByteArray::fromBase64(parts->signature)));
}

void TestV3Auth::rejectsMalformedHeaders_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("code");
    const QByteArray ok = "mchid=\"1\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\",signature=\"x\"";
    QTest::newRow("empty") << QByteArray() << "AUTHORIZATION_SCHEMA";
    QTest::newRow("garbage") << QByteArray("Bearer abc.def") << "AUTHORIZATION_SCHEMA";
    QTest::newRow("other algorithm") << "WECHATPAY2-SM2-WITH-SM3 " + ok << "AUTHORIZATION_SCHEMA";
    QTest::newRow("no space after schema") << "WECHATPAY2-SHA256-RSA2048" + ok << "AUTHORIZATION_SCHEMA";
    QTest::newRow("schema only") << QByteArray("WECHATPAY2-SHA256-RSA2048 ") << "AUTHORIZATION_SCHEMA";
    QTest::newRow("missing signature") << QByteArray(
        "WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\"")
                                       << "AUTHORIZATION_MALFORMED";
    QTest::newRow("duplicate key") << "WECHATPAY2-SHA256-RSA2048 " + ok + ",mchid=\"2\""
                                   << "AUTHORIZATION_MALFORMED";
    QTest::newRow("unquoted value") << QByteArray("WECHATPAY2-SHA256-RSA2048 mchid=1,nonce_str=\"n\"")
                                    << "AUTHORIZATION_MALFORMED";
    QTest::newRow("unterminated quote") << QByteArray("WECHATPAY2-SHA256-RSA2048 mchid=\"1")
                                        << "AUTHORIZATION_MALFORMED";
    QTest::newRow("trailing comma") << "WECHATPAY2-SHA256-RSA2048 " + ok + ',' << "AUTHORIZATION_MALFORMED";
    QTest::newRow("no comma") << QByteArray("WECHATPAY2-SHA256-RSA2048 mchid=\"1\" nonce_str=\"n\"")
                              << "AUTHORIZATION_MALFORMED";
    QTest::newRow("timestamp not a number") << QByteArray(
        "WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\",timestamp=\"-1\",serial_no=\"s\","
        "signature=\"x\"") << "AUTHORIZATION_MALFORMED";
    QTest::newRow("empty value") << QByteArray(
        "WECHATPAY2-SHA256-RSA2048 mchid=\"\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\","
        "signature=\"x\"") << "AUTHORIZATION_MALFORMED";
}

void TestV3Auth::rejectsMalformedHeaders()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, code);
    WXPAY_VERIFY_ERROR(parseAuthorization(header), ErrorKind::Protocol, code);
}

void TestV3Auth::formatAndParseRoundTrip()
{
    const AuthorizationParts parts { QStringLiteral("1900009191"), "593BEC0C930BF1AFEB40B4A08C8FB242", 1554208460,
        QStringLiteral("1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"), "c2lnbmF0dXJl" };
    const QByteArray header = formatAuthorization(parts);
    QVERIFY(header.startsWith("WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\",nonce_str="));
    const auto parsed = parseAuthorization(header);
    WXPAY_VERIFY_OK(parsed);
    QCOMPARE(*parsed, parts);
}

void TestV3Auth::signsResponses()
{
    const crypto::PrivateKey key = test::v3::katKey();
    const QByteArray body = R"({"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"})";
    const auto headers = signResponse(
        key, QStringLiteral("PUB_KEY_ID_0000000000000024101100397200000006"), body, 1624523846, "A1B2C3D4E5F6G7");
    WXPAY_VERIFY_OK(headers);
    QCOMPARE(headers->size(), 5);
    QCOMPARE(headers->at(0), std::pair(QByteArray("Wechatpay-Nonce"), QByteArray("A1B2C3D4E5F6G7")));
    QCOMPARE(headers->at(1).first, QByteArray("Wechatpay-Signature"));
    QCOMPARE(headers->at(2), std::pair(QByteArray("Wechatpay-Timestamp"), QByteArray("1624523846")));
    QCOMPARE(headers->at(3),
        std::pair(QByteArray("Wechatpay-Serial"), QByteArray("PUB_KEY_ID_0000000000000024101100397200000006")));
    QCOMPARE(
        headers->at(4), std::pair(QByteArray("Wechatpay-Signature-Type"), QByteArray("WECHATPAY2-SHA256-RSA2048")));
    const QByteArray message = "1624523846\nA1B2C3D4E5F6G7\n" + body + '\n';
    WXPAY_VERIFY_OK(crypto::rsaSha256Verify(key.publicKey(), message, QByteArray::fromBase64(headers->at(1).second)));
    WXPAY_VERIFY_ERROR(crypto::rsaSha256Verify(
                           key.publicKey(), QByteArray(message + ' '), QByteArray::fromBase64(headers->at(1).second)),
        ErrorKind::Verification, QString());
}

QTEST_GUILESS_MAIN(TestV3Auth)
#include "tst_v3auth.moc"
