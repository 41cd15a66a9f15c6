#include "awaitresult.h"
#include "common/clock.h"
#include "credentials/inmemorycredentialstore.h"
#include "credentials/keyimport.h"
#include "credentials/profilestore.h"
#include "crypto/crypto.h"
#include "support/testsupport.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wxpay;
using namespace wxpay::credentials;

namespace {

const QDateTime kNow(QDate(2025, 6, 1), QTime(8, 0), Qt::UTC);
const QString kProfile = QStringLiteral("shop-1");
const QString kMchid = QStringLiteral("1900009191");

crypto::Certificate makeCert(const crypto::PrivateKey& key, const QByteArray& serial, QDateTime from, QDateTime to)
{
    crypto::CertificateSpec spec;
    spec.commonName = QStringLiteral("1900009191_test");
    spec.organization = QStringLiteral("wxpay-console tests");
    spec.serialHex = serial;
    spec.notBefore = std::move(from);
    spec.notAfter = std::move(to);
    spec.clientAuth = true;
    auto certificate = crypto::makeCertificate(key, spec, key);
    if (!certificate)
        qFatal("cannot make a test certificate: %s", qPrintable(certificate.error().toString()));
    return *certificate;
}

} // namespace

// verifyNothingStored() reports with QVERIFY, which returns from the helper only: stop the test too.
#define VERIFY_NOTHING_STORED()                                                                                        \
    do {                                                                                                               \
        verifyNothingStored();                                                                                         \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

class TestKeyImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void importsMatchingPem();
    void storesNormalisedPem();
    void refusesMismatchedKey();
    void refusesExpiredCertificate();
    void refusesCertificateNotYetValid();
    void refusesGarbage_data();
    void refusesGarbage();
    void importsPemFiles();
    void reportsUnreadableFile();
    void refusesUnknownProfile();
    void reportsStoreFailureAndKeepsProfile();
    void importFinishesWithoutItsCaller();
    void importsPkcs12WithPassword();
    void importsPkcs12WithDefaultPassword();
    void refusesPkcs12WrongPassword();
    void refusesExpiredPkcs12();
    void refusesGarbagePkcs12();
    void apiV2Key_data();
    void apiV2Key();
    void apiV3Key_data();
    void apiV3Key();
    void appSecret_data();
    void appSecret();

private:
    Result<CertificateInfo> importPemNow(const QString& profileId, const QByteArray& key, const QByteArray& cert);
    Result<CertificateInfo> importPkcs12Now(const QByteArray& der, const std::optional<QByteArray>& password);
    void verifyNothingStored();

    crypto::PrivateKey m_keyA;
    crypto::PrivateKey m_keyB;
    crypto::Certificate m_certA;
    crypto::Certificate m_expiredA;
    crypto::Certificate m_futureA;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<InMemoryCredentialStore> m_credentials;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<KeyImport> m_import;
};

void TestKeyImport::initTestCase()
{
    auto a = crypto::PrivateKey::generateRsa(2048);
    auto b = crypto::PrivateKey::generateRsa(2048);
    WXPAY_VERIFY_OK(a);
    WXPAY_VERIFY_OK(b);
    m_keyA = std::move(a).value();
    m_keyB = std::move(b).value();
    const QDate today = kNow.date();
    m_certA = makeCert(m_keyA, "444F4864EA9B34415A3B3A2A7E3F2BD0", QDateTime(today.addYears(-1), {}, Qt::UTC),
        QDateTime(today.addYears(4), QTime(12, 0), Qt::UTC));
    m_expiredA = makeCert(m_keyA, "0ABC", QDateTime(today.addYears(-6), {}, Qt::UTC), kNow.addSecs(-1));
    m_futureA = makeCert(m_keyA, "0DEF", kNow.addDays(2), kNow.addYears(5));
}

void TestKeyImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_credentials = std::make_unique<InMemoryCredentialStore>();
    m_profiles = std::make_unique<ProfileStore>(m_settings.get(), m_credentials.get());
    m_clock = std::make_unique<ManualClock>(kNow);
    m_import = std::make_unique<KeyImport>(m_profiles.get(), m_clock.get());
    MerchantProfile profile;
    profile.id = kProfile;
    profile.displayName = QStringLiteral("Shop 1");
    profile.mchid = kMchid;
    profile.appid = QStringLiteral("wxd678efh567hg6787");
    WXPAY_VERIFY_OK(m_profiles->save(profile));
}

void TestKeyImport::cleanup()
{
    m_import.reset();
    m_clock.reset();
    m_profiles.reset();
    m_credentials.reset();
    m_settings.reset();
    m_dir.reset();
}

Result<CertificateInfo> TestKeyImport::importPemNow(
    const QString& profileId, const QByteArray& key, const QByteArray& cert)
{
    return wxpay::test::await<Result<CertificateInfo>>(
        [&](QObject* c, auto cb) { m_import->importPem(profileId, key, cert, c, std::move(cb)); });
}

Result<CertificateInfo> TestKeyImport::importPkcs12Now(const QByteArray& der, const std::optional<QByteArray>& password)
{
    return wxpay::test::await<Result<CertificateInfo>>(
        [&](QObject* c, auto cb) { m_import->importPkcs12(kProfile, der, password, c, std::move(cb)); });
}

void TestKeyImport::verifyNothingStored()
{
    QVERIFY2(m_credentials->keys().isEmpty(), qPrintable(m_credentials->keys().join(u',')));
    const auto profile = m_profiles->get(kProfile);
    WXPAY_VERIFY_OK(profile);
    QVERIFY(profile->merchantCertificateSerial.isEmpty());
}

void TestKeyImport::importsMatchingPem()
{
    const auto info = importPemNow(kProfile, m_keyA.toPem(), m_certA.toPem());
    WXPAY_VERIFY_OK(info);
    QCOMPARE(info->serialHex, QStringLiteral("444F4864EA9B34415A3B3A2A7E3F2BD0"));
    QCOMPARE(info->notAfter, QDateTime(kNow.date().addYears(4), QTime(12, 0), Qt::UTC));
    QCOMPARE(info->subjectCommonName, QStringLiteral("1900009191_test"));
    QCOMPARE(m_credentials->keys(), QStringList { QStringLiteral("shop-1/merchant-private-key") });
    const QByteArray storedPem = m_credentials->value(QStringLiteral("shop-1/merchant-private-key"));
    QCOMPARE(storedPem, m_keyA.toPem());
    const auto storedKey = crypto::PrivateKey::fromPem(storedPem);
    WXPAY_VERIFY_OK(storedKey);
    QVERIFY(m_certA.matches(*storedKey));
    const auto profile = m_profiles->get(kProfile);
    WXPAY_VERIFY_OK(profile);
    QCOMPARE(profile->merchantCertificateSerial, QStringLiteral("444F4864EA9B34415A3B3A2A7E3F2BD0"));
    QCOMPARE(profile->mchid, kMchid); // the rest of the profile is untouched
}

void TestKeyImport::storesNormalisedPem()
{
    // What the operator picked may carry blank lines or a trailing note; the keychain gets the bare PKCS#8 PEM.
    const QByteArray picked = "\n\n" + m_keyA.toPem() + "\nkey for shop 1\n";
    WXPAY_VERIFY_OK(importPemNow(kProfile, picked, m_certA.toPem()));
    const QByteArray stored = m_credentials->value(QStringLiteral("shop-1/merchant-private-key"));
    QVERIFY(stored.startsWith("-----BEGIN PRIVATE KEY-----"));
    QVERIFY(!stored.contains("key for shop 1"));
    QCOMPARE(stored, m_keyA.toPem());
}

void TestKeyImport::refusesMismatchedKey()
{
    WXPAY_VERIFY_ERROR(
        importPemNow(kProfile, m_keyB.toPem(), m_certA.toPem()), ErrorKind::Input, QStringLiteral("KEY_CERT_MISMATCH"));
    VERIFY_NOTHING_STORED();
}

void TestKeyImport::refusesExpiredCertificate()
{
    const auto result = importPemNow(kProfile, m_keyA.toPem(), m_expiredA.toPem());
    WXPAY_VERIFY_ERROR(result, ErrorKind::Input, QStringLiteral("CERT_EXPIRED"));
    QVERIFY2(result.error().message.contains(u"expired"), qPrintable(result.error().message));
    VERIFY_NOTHING_STORED();
    // The same certificate one second earlier is still good.
    m_clock->set(kNow.addSecs(-2));
    WXPAY_VERIFY_OK(importPemNow(kProfile, m_keyA.toPem(), m_expiredA.toPem()));
}

void TestKeyImport::refusesCertificateNotYetValid()
{
    WXPAY_VERIFY_ERROR(importPemNow(kProfile, m_keyA.toPem(), m_futureA.toPem()), ErrorKind::Input,
        QStringLiteral("CERT_NOT_YET_VALID"));
    VERIFY_NOTHING_STORED();
}

void TestKeyImport::refusesGarbage_data()
{
    QTest::addColumn<bool>("garbageKey");
    QTest::addColumn<QByteArray>("garbage");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty key") << true << QByteArray() << "KEY_INVALID";
    QTest::newRow("text key") << true << QByteArrayLiteral("not a key") << "KEY_INVALID";
    QTest::newRow("truncated key") << true
                                   << QByteArray("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n")
                                   << "KEY_INVALID";
    QTest::newRow("empty cert") << false << QByteArray() << "CERT_INVALID";
    QTest::newRow("text cert") << false << QByteArrayLiteral("not a certificate") << "CERT_INVALID";
}

void TestKeyImport::refusesGarbage()
{
    QFETCH(bool, garbageKey);
    QFETCH(QByteArray, garbage);
    QFETCH(QString, code);
    const auto result = garbageKey ? importPemNow(kProfile, garbage, m_certA.toPem())
                                   : importPemNow(kProfile, m_keyA.toPem(), garbage);
    WXPAY_VERIFY_ERROR(result, ErrorKind::Input, code);
    VERIFY_NOTHING_STORED();
}

void TestKeyImport::importsPemFiles()
{
    const QString keyPath = m_dir->filePath(QStringLiteral("apiclient_key.pem"));
    const QString certPath = m_dir->filePath(QStringLiteral("apiclient_cert.pem"));
    for (const auto& [path, data] :
        { std::pair { keyPath, m_keyA.toPem() }, std::pair { certPath, m_certA.toPem() } }) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(data), data.size());
    }
    const auto info = wxpay::test::await<Result<CertificateInfo>>(
        [&](QObject* c, auto cb) { m_import->importPemFiles(kProfile, keyPath, certPath, c, std::move(cb)); });
    WXPAY_VERIFY_OK(info);
    QCOMPARE(info->serialHex, m_certA.serialNumberHex());
    QCOMPARE(m_profiles->get(kProfile)->merchantCertificateSerial, m_certA.serialNumberHex());
}

void TestKeyImport::reportsUnreadableFile()
{
    const QString missing = m_dir->filePath(QStringLiteral("missing.pem"));
    const auto info = wxpay::test::await<Result<CertificateInfo>>(
        [&](QObject* c, auto cb) { m_import->importPemFiles(kProfile, missing, missing, c, std::move(cb)); });
    WXPAY_VERIFY_ERROR(info, ErrorKind::Input, QStringLiteral("FILE_UNREADABLE"));
    const QString big = m_dir->filePath(QStringLiteral("big.pem"));
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(300 * 1024));
    file.close();
    WXPAY_VERIFY_ERROR(readImportFile(big), ErrorKind::Input, QStringLiteral("FILE_TOO_LARGE"));
    VERIFY_NOTHING_STORED();
}

void TestKeyImport::refusesUnknownProfile()
{
    WXPAY_VERIFY_ERROR(importPemNow(QStringLiteral("ghost"), m_keyA.toPem(), m_certA.toPem()), ErrorKind::Input,
        QStringLiteral("PROFILE_NOT_FOUND"));
    QVERIFY(m_credentials->keys().isEmpty());
}

void TestKeyImport::reportsStoreFailureAndKeepsProfile()
{
    m_credentials->setLocked(true);
    WXPAY_VERIFY_ERROR(importPemNow(kProfile, m_keyA.toPem(), m_certA.toPem()), ErrorKind::Credentials,
        QStringLiteral("LOCKED_OR_UNAVAILABLE"));
    m_credentials->setLocked(false);
    VERIFY_NOTHING_STORED();
}

void TestKeyImport::importFinishesWithoutItsCaller()
{
    bool called = false;
    auto* context = new QObject;
    m_import->importPem(
        kProfile, m_keyA.toPem(), m_certA.toPem(), context, [&called](Result<CertificateInfo>) { called = true; });
    delete context;
    // Key and serial go together even though nobody waits for the answer any more.
    QTRY_COMPARE(m_profiles->get(kProfile)->merchantCertificateSerial, m_certA.serialNumberHex());
    QVERIFY(m_credentials->contains(QStringLiteral("shop-1/merchant-private-key")));
    QTest::qWait(50);
    QVERIFY(!called);
}

void TestKeyImport::importsPkcs12WithPassword()
{
    const auto p12 = crypto::makePkcs12(m_keyA, m_certA, "s3cret");
    WXPAY_VERIFY_OK(p12);
    const auto info = importPkcs12Now(*p12, QByteArrayLiteral("s3cret"));
    WXPAY_VERIFY_OK(info);
    QCOMPARE(info->serialHex, m_certA.serialNumberHex());
    QCOMPARE(m_credentials->keys(),
        (QStringList { QStringLiteral("shop-1/client-certificate"), QStringLiteral("shop-1/client-certificate-key") }));
    const auto key = crypto::PrivateKey::fromPem(m_credentials->value(QStringLiteral("shop-1/client-certificate-key")));
    const auto cert = crypto::Certificate::fromPem(m_credentials->value(QStringLiteral("shop-1/client-certificate")));
    WXPAY_VERIFY_OK(key);
    WXPAY_VERIFY_OK(cert);
    QVERIFY(cert->matches(*key));
    QCOMPARE(cert->serialNumberHex(), m_certA.serialNumberHex());
    // The v2 bundle does not change the v3 serial of the profile.
    QVERIFY(m_profiles->get(kProfile)->merchantCertificateSerial.isEmpty());
}

void TestKeyImport::importsPkcs12WithDefaultPassword()
{
    const auto p12 = crypto::makePkcs12(m_keyA, m_certA, kMchid.toUtf8());
    WXPAY_VERIFY_OK(p12);
    WXPAY_VERIFY_OK(importPkcs12Now(*p12, std::nullopt));
    QCOMPARE(m_credentials->keys().size(), qsizetype(2));
}

void TestKeyImport::refusesPkcs12WrongPassword()
{
    const auto p12 = crypto::makePkcs12(m_keyA, m_certA, "right");
    WXPAY_VERIFY_OK(p12);
    WXPAY_VERIFY_ERROR(
        importPkcs12Now(*p12, QByteArrayLiteral("wrong")), ErrorKind::Input, QStringLiteral("PKCS12_PASSWORD"));
    WXPAY_VERIFY_ERROR(importPkcs12Now(*p12, std::nullopt), ErrorKind::Input, QStringLiteral("PKCS12_PASSWORD"));
    VERIFY_NOTHING_STORED();
}

void TestKeyImport::refusesExpiredPkcs12()
{
    const auto p12 = crypto::makePkcs12(m_keyA, m_expiredA, kMchid.toUtf8());
    WXPAY_VERIFY_OK(p12);
    WXPAY_VERIFY_ERROR(importPkcs12Now(*p12, std::nullopt), ErrorKind::Input, QStringLiteral("CERT_EXPIRED"));
    VERIFY_NOTHING_STORED();
}

void TestKeyImport::refusesGarbagePkcs12()
{
    WXPAY_VERIFY_ERROR(importPkcs12Now(QByteArrayLiteral("not a pkcs12 file"), std::nullopt), ErrorKind::Input,
        QStringLiteral("PKCS12_INVALID"));
    VERIFY_NOTHING_STORED();
}

void TestKeyImport::apiV2Key_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("stored"); // empty: refused
    const QString good = QStringLiteral("192006250b4c09247ec02edce69f6a2d");
    QTest::newRow("32 chars") << good << good;
    QTest::newRow("pasted with newline") << QString(u' ' + good + u'\n') << good;
    QTest::newRow("31 chars") << good.left(31) << QString();
    QTest::newRow("33 chars") << QString(good + u'x') << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("inner space") << QString(good.left(15) + u' ' + good.mid(16)) << QString();
    QTest::newRow("non-ascii") << QString(good.left(31) + QChar(0x00e9)) << QString();
}

void TestKeyImport::apiV2Key()
{
    QFETCH(QString, key);
    QFETCH(QString, stored);
    const Status status = wxpay::test::await<Status>(
        [&](QObject* c, auto cb) { m_import->storeApiV2Key(kProfile, key, c, std::move(cb)); });
    if (stored.isEmpty()) {
        WXPAY_VERIFY_ERROR(status, ErrorKind::Input, QStringLiteral("APIV2_KEY_INVALID"));
        QVERIFY(m_credentials->keys().isEmpty());
    } else {
        WXPAY_VERIFY_OK(status);
        QCOMPARE(m_credentials->value(QStringLiteral("shop-1/apiv2-key")), stored.toUtf8());
    }
}

void TestKeyImport::apiV3Key_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("32 bytes") << QByteArrayLiteral("0123456789abcdefABCDEF0123456789") << true;
    QTest::newRow("31 bytes") << QByteArrayLiteral("0123456789abcdefABCDEF012345678") << false;
    QTest::newRow("33 bytes") << QByteArrayLiteral("0123456789abcdefABCDEF0123456789x") << false;
    // 32 characters but 34 bytes in UTF-8: the AEAD key is bytes.
    QTest::newRow("32 chars, 34 bytes") << QString(QString(30, u'a') + QChar(0x00e9) + QChar(0x00e9)).toUtf8() << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestKeyImport::apiV3Key()
{
    QFETCH(QByteArray, key);
    QFETCH(bool, accepted);
    const Status status = wxpay::test::await<Status>(
        [&](QObject* c, auto cb) { m_import->storeApiV3Key(kProfile, key, c, std::move(cb)); });
    if (accepted) {
        WXPAY_VERIFY_OK(status);
        QCOMPARE(m_credentials->value(QStringLiteral("shop-1/apiv3-key")), key);
    } else {
        WXPAY_VERIFY_ERROR(status, ErrorKind::Input, QStringLiteral("APIV3_KEY_INVALID"));
        QVERIFY(m_credentials->keys().isEmpty());
    }
    const Status unknown = wxpay::test::await<Status>(
        [&](QObject* c, auto cb) { m_import->storeApiV3Key(QStringLiteral("ghost"), key, c, std::move(cb)); });
    QVERIFY(!unknown.ok());
}

void TestKeyImport::appSecret_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("32 hex") << "0123456789abcdef0123456789abcdef" << true;
    QTest::newRow("31 hex") << "0123456789abcdef0123456789abcde" << false;
    QTest::newRow("symbol") << "0123456789abcdef0123456789abcde!" << false;
}

void TestKeyImport::appSecret()
{
    QFETCH(QString, secret);
    QFETCH(bool, accepted);
    const Status status = wxpay::test::await<Status>(
        [&](QObject* c, auto cb) { m_import->storeAppSecret(kProfile, secret, c, std::move(cb)); });
    if (accepted) {
        WXPAY_VERIFY_OK(status);
        QCOMPARE(m_credentials->value(QStringLiteral("shop-1/app-secret")), secret.toUtf8());
    } else {
        WXPAY_VERIFY_ERROR(status, ErrorKind::Input, QStringLiteral("APP_SECRET_INVALID"));
    }
}

QTEST_GUILESS_MAIN(TestKeyImport)
#include "tst_keyimport.moc"
