#include "crypto/crypto.h"
#include "support/testsupport.h"

#include <QTest>

using namespace wxpay;

namespace {

// SHA-256 of the DER SubjectPublicKeyInfo of KAT-RSA-KEY (protocol.md §7).
const QByteArray kKatSpkiSha256("8a5b82f18120806bb2c6b46e1a2f8687ceaa20a45bc2b649e37e6d9878336dc5");

crypto::PrivateKey katKey()
{
    auto key = crypto::PrivateKey::fromPem(test::readTestData(QStringLiteral("crypto/kat_rsa_key.pem")));
    if (!key.ok())
        qFatal("cannot load KAT-RSA-KEY: %s", qPrintable(key.error().toString()));
    return std::move(key).value();
}

} // namespace

class TestRsa : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsPrivateKeys_data();
    void loadsPrivateKeys();
    void rejectsPrivateKeys_data();
    void rejectsPrivateKeys();
    void loadsPublicKeys_data();
    void loadsPublicKeys();
    void rejectsPublicKeys_data();
    void rejectsPublicKeys();
    void signsKnownAnswers_data();
    void signsKnownAnswers();
    void rejectsTamperedSignatures_data();
    void rejectsTamperedSignatures();
    void rejectsOtherKey();
    void generatesKeys();
    void rejectsBadKeySize();
    void nullKeys();
};

void TestRsa::loadsPrivateKeys_data()
{
    QTest::addColumn<QString>("file");

    QTest::newRow("PKCS#8") << "crypto/kat_rsa_key.pem";
    QTest::newRow("PKCS#1") << "crypto/kat_rsa_key_pkcs1.pem";
}

void TestRsa::loadsPrivateKeys()
{
    QFETCH(QString, file);

    const auto key = crypto::PrivateKey::fromPem(test::readTestData(file));
    WXPAY_VERIFY_OK(key);
    QVERIFY(!key->isNull());
    const crypto::PublicKey pub = key->publicKey();
    QVERIFY(!pub.isNull());
    QCOMPARE(crypto::sha256(pub.spkiDer()).toHex(), kKatSpkiSha256);

    // toPem writes PKCS#8 whatever was read, and reads back to the same key.
    const QByteArray pem = key->toPem();
    QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
    const auto again = crypto::PrivateKey::fromPem(pem);
    WXPAY_VERIFY_OK(again);
    QCOMPARE(again->publicKey(), pub);
}

void TestRsa::rejectsPrivateKeys_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<QString>("code");

    QTest::newRow("empty") << QByteArray() << "PEM_INVALID";
    QTest::newRow("garbage") << QByteArray("not a key at all") << "PEM_INVALID";
    QTest::newRow("encrypted PKCS#8") << test::readTestData(QStringLiteral("crypto/kat_rsa_key_pkcs8_encrypted.pem"))
                                      << "PEM_INVALID";
    QTest::newRow("encrypted PKCS#1") << test::readTestData(QStringLiteral("crypto/kat_rsa_key_pkcs1_encrypted.pem"))
                                      << "PEM_INVALID";
    QTest::newRow("public key only") << test::readTestData(QStringLiteral("crypto/kat_rsa_pub_spki.pem"))
                                     << "PEM_INVALID";
    QTest::newRow("broken base64") << QByteArray("-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n")
                                   << "PEM_INVALID";
    QTest::newRow("not DER inside") << QByteArray("-----BEGIN PRIVATE KEY-----\nAAAAAAAA\n-----END PRIVATE KEY-----\n")
                                    << "KEY_INVALID";
    QTest::newRow("EC key") << test::readTestData(QStringLiteral("crypto/ec_p256_key.pem")) << "KEY_INVALID";
}

void TestRsa::rejectsPrivateKeys()
{
    QFETCH(QByteArray, pem);
    QFETCH(QString, code);

    WXPAY_VERIFY_ERROR(crypto::PrivateKey::fromPem(pem), ErrorKind::Protocol, code);
}

void TestRsa::loadsPublicKeys_data()
{
    QTest::addColumn<QString>("file");

    QTest::newRow("SubjectPublicKeyInfo") << "crypto/kat_rsa_pub_spki.pem";
    QTest::newRow("PKCS#1") << "crypto/kat_rsa_pub_pkcs1.pem";
}

void TestRsa::loadsPublicKeys()
{
    QFETCH(QString, file);

    const auto pub = crypto::PublicKey::fromPem(test::readTestData(file));
    WXPAY_VERIFY_OK(pub);
    QCOMPARE(crypto::sha256(pub->spkiDer()).toHex(), kKatSpkiSha256);
    QCOMPARE(*pub, katKey().publicKey());

    const QByteArray pem = pub->toPem();
    QVERIFY(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
    const auto again = crypto::PublicKey::fromPem(pem);
    WXPAY_VERIFY_OK(again);
    QCOMPARE(again->spkiDer(), pub->spkiDer());
}

void TestRsa::rejectsPublicKeys_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<QString>("code");

    QTest::newRow("garbage") << QByteArray("-----BEGIN PUBLIC KEY") << "PEM_INVALID";
    QTest::newRow("private key") << test::readTestData(QStringLiteral("crypto/kat_rsa_key.pem")) << "PEM_INVALID";
    QTest::newRow("not DER inside") << QByteArray("-----BEGIN PUBLIC KEY-----\nAAAAAAAA\n-----END PUBLIC KEY-----\n")
                                    << "KEY_INVALID";
}

void TestRsa::rejectsPublicKeys()
{
    QFETCH(QByteArray, pem);
    QFETCH(QString, code);

    WXPAY_VERIFY_ERROR(crypto::PublicKey::fromPem(pem), ErrorKind::Protocol, code);
}

// KAT-RSA-1 and the derived KAT-V3-AUTH signature (protocol.md §7); PKCS#1 v1.5 is deterministic.
void TestRsa::signsKnownAnswers_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("signatureBase64");

    QTest::newRow("KAT-RSA-1")
        << QByteArray("source")
        << QByteArray("BKyAfU4iMCuvXMXS0Wzam3V/cnxZ+JaqigPM5OhljS2iOT95OO6Fsuml2JkFANJU9K6q9bLlDhPXuoVz+"
                      "pp4hAm6pHU4ld815U4jsKu1RkyaII+1CYBUYC8TK0XtJ8FwUXXz8vZHh58rrAVN1XwNyvD1vfpxrMT4SL"
                      "536GLwvpUHlCqIMzoZUguLli/K8V29QiOhuH6IEqLNJn8e9b3nwNcQ7be3CzYGpDAKBfDGPCqCv8Rw5znd"
                      "hlffk2FEA70G4hvMwe51qMN/RAJbknXG23bSlObuTCN7Ndj1aJGH6/L+hdwfLpUtJm4QYVazzW7DFD27Ep"
                      "SQEqA8bX9+8m1rLg==");
    QTest::newRow("KAT-V3-AUTH")
        << QByteArray("GET\n/v3/certificates\n1624523846\nA1B2C3D4E5F6G7\n\n")
        << QByteArray("mG2drrUCDR7EVrJmQVI6eW5VlDB0zzpcYLC83UiNxe1aNAomazwWci4q/HPA7MmlbGAswwSE7iPiLy3vf"
                      "lXohf42WXNA031htDbpBCVt1ti2teKFPh531KK07unc+CrCiepz6veTgsylXYO4iBI+DYQ4UDj+r8A/lhq"
                      "j7yHmtLjvcJ45Og6Wdecd/T7jGgMwcEe1mR7HLzC7R6snnLOaRwnPCe6WyiWGDHHuQzvNFeaztpM3noedC"
                      "PEwGculoy2MPVvNER6TpM8CUijpKChWM7Q5vIwg8QYv9bH7IuZitLMAgx0+cgaNzFbzZuXxwGB6wIAmv70"
                      "dWcQx8F2erR/Nzw==");
}

void TestRsa::signsKnownAnswers()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, signatureBase64);

    const crypto::PrivateKey key = katKey();
    const auto signature = crypto::rsaSha256Sign(key, message);
    WXPAY_VERIFY_OK(signature);
    QCOMPARE(signature->size(), 256);
    QCOMPARE(signature->toBase64(), signatureBase64);
    WXPAY_VERIFY_OK(crypto::rsaSha256Verify(key.publicKey(), message, QByteArray::fromBase64(signatureBase64)));
}

void TestRsa::rejectsTamperedSignatures_data()
{
    QTest::addColumn<bool>("tamperMessage");
    QTest::addColumn<int>("index");

    QTest::newRow("message first byte") << true << 0;
    QTest::newRow("message last byte") << true << -1;
    QTest::newRow("signature first byte") << false << 0;
    QTest::newRow("signature middle byte") << false << 128;
    QTest::newRow("signature last byte") << false << -1;
}

void TestRsa::rejectsTamperedSignatures()
{
    QFETCH(bool, tamperMessage);
    QFETCH(int, index);

    const crypto::PrivateKey key = katKey();
    QByteArray message("GET\n/v3/certificates\n1624523846\nA1B2C3D4E5F6G7\n\n");
    auto signed_ = crypto::rsaSha256Sign(key, message);
    WXPAY_VERIFY_OK(signed_);
    QByteArray signature = *signed_;
    QByteArray& target = tamperMessage ? message : signature;
    const qsizetype at = index < 0 ? target.size() - 1 : index;
    target[at] = static_cast<char>(target.at(at) ^ 0x01);

    WXPAY_VERIFY_ERROR(crypto::rsaSha256Verify(key.publicKey(), message, signature), ErrorKind::Verification,
        QStringLiteral("SIGNATURE_INVALID"));
    // Truncated signatures fail the same way.
    WXPAY_VERIFY_ERROR(crypto::rsaSha256Verify(key.publicKey(), message, signature.left(255)), ErrorKind::Verification,
        QStringLiteral("SIGNATURE_INVALID"));
}

void TestRsa::rejectsOtherKey()
{
    const QByteArray message("source");
    const auto signature = crypto::rsaSha256Sign(katKey(), message);
    WXPAY_VERIFY_OK(signature);
    const auto other = crypto::PrivateKey::generateRsa();
    WXPAY_VERIFY_OK(other);
    QVERIFY(other->publicKey() != katKey().publicKey());
    WXPAY_VERIFY_ERROR(crypto::rsaSha256Verify(other->publicKey(), message, *signature), ErrorKind::Verification,
        QStringLiteral("SIGNATURE_INVALID"));
}

void TestRsa::generatesKeys()
{
    auto generated = crypto::PrivateKey::generateRsa(2048);
    WXPAY_VERIFY_OK(generated);
    const crypto::PrivateKey key = std::move(generated).value();
    QVERIFY(!key.isNull());

    const QByteArray message("GET\n/v3/pay/transactions/id/4200000000?mchid=1230000109\n1554208460\nnonce\n\n");
    const auto signature = crypto::rsaSha256Sign(key, message);
    WXPAY_VERIFY_OK(signature);
    QCOMPARE(signature->size(), 256);
    WXPAY_VERIFY_OK(crypto::rsaSha256Verify(key.publicKey(), message, *signature));

    const auto reloaded = crypto::PrivateKey::fromPem(key.toPem());
    WXPAY_VERIFY_OK(reloaded);
    QCOMPARE(reloaded->publicKey(), key.publicKey());
    const auto pub = crypto::PublicKey::fromPem(key.publicKey().toPem());
    WXPAY_VERIFY_OK(pub);
    WXPAY_VERIFY_OK(crypto::rsaSha256Verify(*pub, message, *signature));

    // Two generations give two different keys.
    const auto second = crypto::PrivateKey::generateRsa(2048);
    WXPAY_VERIFY_OK(second);
    QVERIFY(second->publicKey() != key.publicKey());
}

void TestRsa::rejectsBadKeySize()
{
    WXPAY_VERIFY_ERROR(
        crypto::PrivateKey::generateRsa(1024), ErrorKind::Protocol, QStringLiteral("KEY_GENERATION_FAILED"));
}

void TestRsa::nullKeys()
{
    const crypto::PrivateKey key;
    QVERIFY(key.isNull());
    QVERIFY(key.toPem().isEmpty());
    QVERIFY(key.publicKey().isNull());
    WXPAY_VERIFY_ERROR(crypto::rsaSha256Sign(key, "source"), ErrorKind::Protocol, QStringLiteral("KEY_INVALID"));

    const crypto::PublicKey pub;
    QVERIFY(pub.isNull());
    QVERIFY(pub.spkiDer().isEmpty());
    QCOMPARE(pub, crypto::PublicKey());
    QVERIFY(pub != katKey().publicKey());
    WXPAY_VERIFY_ERROR(crypto::rsaSha256Verify(pub, "source", QByteArray(256, 'x')), ErrorKind::Protocol,
        QStringLiteral("KEY_INVALID"));

    // A moved-from key is null; a copied public key stays equal.
    crypto::PrivateKey moved = katKey();
    const crypto::PrivateKey target = std::move(moved);
    QVERIFY(!target.isNull());
    QVERIFY(moved.isNull()); // NOLINT(bugprone-use-after-move): documents the moved-from state
    const crypto::PublicKey copy = target.publicKey();
    const crypto::PublicKey copy2 = copy; // NOLINT(performance-unnecessary-copy-initialization)
    QCOMPARE(copy2, copy);
}

QTEST_GUILESS_MAIN(TestRsa)
#include "tst_rsa.moc"
