// A full profile set-up against a real gnome-keyring (tests/with-keyring.sh), then a search of
// every file under the program's own directories and of every log line for any secret, in raw,
// base64 and hex form. The keyring daemon's encrypted store lives elsewhere (the wrapper's HOME).
#include "awaitresult.h"
#include "common/clock.h"
#include "credentials/keychaincredentialstore.h"
#include "credentials/keyimport.h"
#include "credentials/profilestore.h"
#include "crypto/crypto.h"
#include "support/testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wxpay;
using namespace wxpay::credentials;
using wxpay::test::await;
using wxpay::test::readNow;

namespace {

QMutex g_logMutex;
QStringList g_log;
QLoggingCategory::CategoryFilter g_previousFilter = nullptr;

// Every wxpay category logs at debug level here, whatever QT_LOGGING_RULES says (ctest turns it off).
void enableWxpayDebug(QLoggingCategory* category)
{
    if (g_previousFilter)
        g_previousFilter(category);
    if (qstrncmp(category->categoryName(), "wxpay.", 6) == 0)
        category->setEnabled(QtDebugMsg, true);
}

void captureMessage(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    const QMutexLocker lock(&g_logMutex);
    g_log.append(QString::fromLatin1(context.category ? context.category : "") + u": " + message);
}

QByteArray randomText(int length, QByteArrayView alphabet)
{
    QByteArray text;
    for (int i = 0; i < length; ++i)
        text.append(alphabet.at(QRandomGenerator::global()->bounded(static_cast<int>(alphabet.size()))));
    return text;
}

const QByteArrayView kAlnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

} // namespace

class TestSecretHygiene : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fullSetUpLeavesNoSecretOnDisk();
    void cleanupTestCase();

private:
    void addSecret(const QString& name, const QByteArray& value);
    void addPemKey(const QString& name, const QByteArray& pem);
    // Files (relative paths) and log lines holding any needle, as "where: needle name".
    QStringList findLeaks() const;

    QTemporaryDir m_root;
    QList<std::pair<QString, QByteArray>> m_needles;
    QtMessageHandler m_previousHandler = nullptr;
};

void TestSecretHygiene::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run through tests/with-keyring.sh");
    qunsetenv("DISPLAY");
    QVERIFY(m_root.isValid());
    // The program's own directories all point into m_root (the keyring daemon was started
    // before, with the wrapper's directories, and keeps them).
    const QList<std::pair<const char*, QString>> dirs {
        { "HOME", QStringLiteral("home") },
        { "XDG_CONFIG_HOME", QStringLiteral("config") },
        { "XDG_DATA_HOME", QStringLiteral("data") },
        { "XDG_CACHE_HOME", QStringLiteral("cache") },
        { "XDG_STATE_HOME", QStringLiteral("state") },
        { "TMPDIR", QStringLiteral("tmp") },
    };
    for (const auto& [variable, sub] : dirs) {
        const QString path = m_root.filePath(sub);
        QVERIFY(QDir().mkpath(path));
        qputenv(variable, QFile::encodeName(path));
    }
    QCoreApplication::setOrganizationName(QStringLiteral("wxpay"));
    QCoreApplication::setApplicationName(QStringLiteral("wxpay-console"));
    for (const auto location : { QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation,
             QStandardPaths::CacheLocation, QStandardPaths::TempLocation }) {
        const QString path = QStandardPaths::writableLocation(location);
        QVERIFY2(path.startsWith(m_root.path()), qPrintable(path));
    }
    g_previousFilter = QLoggingCategory::installFilter(enableWxpayDebug);
    m_previousHandler = qInstallMessageHandler(captureMessage);
}

void TestSecretHygiene::cleanupTestCase()
{
    qInstallMessageHandler(m_previousHandler);
    QLoggingCategory::installFilter(g_previousFilter);
}

void TestSecretHygiene::addSecret(const QString& name, const QByteArray& value)
{
    m_needles.append({ name, value });
    m_needles.append({ name + u" (base64)", value.toBase64() });
    m_needles.append({ name + u" (base64url)", value.toBase64(QByteArray::Base64UrlEncoding) });
    m_needles.append({ name + u" (hex)", value.toHex() });
    m_needles.append({ name + u" (HEX)", value.toHex().toUpper() });
}

void TestSecretHygiene::addPemKey(const QString& name, const QByteArray& pem)
{
    addSecret(name, pem);
    // A PEM can leak line by line (an escaped settings value, a log line): each base64 line of
    // its body is a needle, and so is the DER it encodes.
    QByteArray body;
    const QList<QByteArray> lines = pem.split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith("-----") || line.trimmed().isEmpty())
            continue;
        body += line.trimmed();
        if (line.trimmed().size() >= 48)
            m_needles.append({ name + u" (PEM line)", line.trimmed() });
    }
    const QByteArray der = QByteArray::fromBase64(body);
    QVERIFY(der.size() > 1000);
    m_needles.append({ name + u" (DER)", der });
    m_needles.append({ name + u" (DER hex)", der.toHex() });
}

QStringList TestSecretHygiene::findLeaks() const
{
    QStringList leaks;
    QDirIterator files(m_root.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    int scanned = 0;
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            leaks.append(u"unreadable file " + path);
            continue;
        }
        ++scanned;
        const QByteArray content = file.readAll();
        for (const auto& [name, needle] : m_needles) {
            if (content.contains(needle))
                leaks.append(QDir(m_root.path()).relativeFilePath(path) + u": " + name);
        }
    }
    if (scanned == 0)
        leaks.append(QStringLiteral("no file scanned at all"));
    const QMutexLocker lock(&g_logMutex);
    for (const QString& line : std::as_const(g_log)) {
        const QByteArray utf8 = line.toUtf8();
        for (const auto& [name, needle] : m_needles) {
            if (utf8.contains(needle))
                leaks.append(u"log: " + name);
        }
    }
    return leaks;
}

void TestSecretHygiene::fullSetUpLeavesNoSecretOnDisk()
{
    // ---- test material, generated now ----
    const QByteArray mchid = "1900009191";
    auto merchantKey = crypto::PrivateKey::generateRsa(2048);
    auto tlsKey = crypto::PrivateKey::generateRsa(2048);
    WXPAY_VERIFY_OK(merchantKey);
    WXPAY_VERIFY_OK(tlsKey);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    crypto::CertificateSpec spec;
    spec.commonName = QStringLiteral("hygiene test");
    spec.notBefore = now.addDays(-1);
    spec.notAfter = now.addYears(1);
    const auto merchantCert = crypto::makeCertificate(*merchantKey, spec, *merchantKey);
    const auto tlsCert = crypto::makeCertificate(*tlsKey, spec, *tlsKey);
    WXPAY_VERIFY_OK(merchantCert);
    WXPAY_VERIFY_OK(tlsCert);
    const auto p12 = crypto::makePkcs12(*tlsKey, *tlsCert, mchid);
    WXPAY_VERIFY_OK(p12);

    const QByteArray apiV2Key = randomText(32, kAlnum);
    const QByteArray apiV3Key = randomText(32, kAlnum);
    const QByteArray apiV3KeyNew = randomText(32, kAlnum);
    const QByteArray appSecret = randomText(32, "0123456789abcdef");
    const QByteArray token = randomText(136, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
    const QByteArray pinHash = crypto::sha256(randomText(6, "0123456789")).toHex();
    const QByteArray oldProfileKey = randomText(32, kAlnum);
    addPemKey(QStringLiteral("merchant private key"), merchantKey->toPem());
    addPemKey(QStringLiteral("client certificate key"), tlsKey->toPem());
    addSecret(QStringLiteral("APIv2 key"), apiV2Key);
    addSecret(QStringLiteral("APIv3 key"), apiV3Key);
    addSecret(QStringLiteral("new APIv3 key"), apiV3KeyNew);
    addSecret(QStringLiteral("AppSecret"), appSecret);
    addSecret(QStringLiteral("access token"), token);
    addSecret(QStringLiteral("PIN hash"), pinHash);
    addSecret(QStringLiteral("removed profile's key"), oldProfileKey);

    // The scanner must be able to find a leak before its silence means anything.
    {
        QFile planted(
            QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(QStringLiteral("planted")));
        QVERIFY(QDir().mkpath(QFileInfo(planted).path()));
        QVERIFY(planted.open(QIODevice::WriteOnly));
        planted.write("x=" + apiV3Key.toHex() + "\n");
        planted.close();
        QCOMPARE(findLeaks(), QStringList { QStringLiteral("cache/wxpay/wxpay-console/planted: APIv3 key (hex)") });
        QVERIFY(planted.remove());
    }

    // ---- the set-up, as the console does it ----
    QSettings settings; // the program's own settings file
    QVERIFY2(settings.fileName().startsWith(m_root.path()), qPrintable(settings.fileName()));
    KeychainCredentialStore store(&settings);
    store.setJobTimeout(std::chrono::seconds(20));
    ProfileStore profiles(&settings, &store);
    SystemClock clock;
    KeyImport import(&profiles, &clock);

    MerchantProfile main;
    main.id = QStringLiteral("shop-main");
    main.displayName = QStringLiteral("Main shop");
    main.mchid = QString::fromLatin1(mchid);
    main.appid = QStringLiteral("wxd678efh567hg6787");
    main.miniProgramAppid = QStringLiteral("wx1234567890abcdef");
    WXPAY_VERIFY_OK(profiles.save(main));
    MerchantProfile old = main;
    old.id = QStringLiteral("shop-old");
    old.displayName = QStringLiteral("Closed shop");
    WXPAY_VERIFY_OK(profiles.save(old));
    WXPAY_VERIFY_OK(profiles.setCurrentProfileId(main.id));

    const auto imported = await<Result<CertificateInfo>>([&](QObject* c, auto cb) {
        import.importPem(main.id, merchantKey->toPem(), merchantCert->toPem(), c, std::move(cb));
    });
    WXPAY_VERIFY_OK(imported);
    const auto importedP12 = await<Result<CertificateInfo>>(
        [&](QObject* c, auto cb) { import.importPkcs12(main.id, *p12, std::nullopt, c, std::move(cb)); });
    WXPAY_VERIFY_OK(importedP12);
    const auto status = [](auto start) { return await<Status>(start); };
    WXPAY_VERIFY_OK(status(
        [&](QObject* c, auto cb) { import.storeApiV2Key(main.id, QString::fromLatin1(apiV2Key), c, std::move(cb)); }));
    WXPAY_VERIFY_OK(status([&](QObject* c, auto cb) { import.storeApiV3Key(main.id, apiV3Key, c, std::move(cb)); }));
    WXPAY_VERIFY_OK(status([&](QObject* c, auto cb) {
        import.storeAppSecret(main.id, QString::fromLatin1(appSecret), c, std::move(cb));
    }));
    const wxpay::AccessToken accessToken { QString::fromLatin1(token), now.addSecs(7200) };
    WXPAY_VERIFY_OK(status([&](QObject* c, auto cb) {
        store.write(main.id, SecretKind::AccessToken, encodeAccessToken(accessToken), c, std::move(cb));
    }));
    WXPAY_VERIFY_OK(status(
        [&](QObject* c, auto cb) { store.write(main.id, SecretKind::ManagerPinHash, pinHash, c, std::move(cb)); }));
    WXPAY_VERIFY_OK(
        status([&](QObject* c, auto cb) { import.storeApiV3Key(old.id, oldProfileKey, c, std::move(cb)); }));

    // ---- a few operations ----
    QCOMPARE(*readNow(store, secretKey(main.id, SecretKind::MerchantPrivateKey)), merchantKey->toPem());
    QCOMPARE(*readNow(store, secretKey(main.id, SecretKind::ClientCertificateKey)), tlsKey->toPem());
    QCOMPARE(*readNow(store, secretKey(main.id, SecretKind::ApiV2Key)), apiV2Key);
    QCOMPARE(*readNow(store, secretKey(main.id, SecretKind::AppSecret)), appSecret);
    const auto cached = decodeAccessToken(*readNow(store, secretKey(main.id, SecretKind::AccessToken)));
    WXPAY_VERIFY_OK(cached);
    QCOMPARE(cached->token, accessToken.token);
    WXPAY_VERIFY_OK(status([&](QObject* c, auto cb) { import.storeApiV3Key(main.id, apiV3KeyNew, c, std::move(cb)); }));
    QCOMPARE(*readNow(store, secretKey(main.id, SecretKind::ApiV3Key)), apiV3KeyNew);
    WXPAY_VERIFY_OK(status([&](QObject* c, auto cb) { profiles.remove(old.id, c, std::move(cb)); }));
    WXPAY_VERIFY_ERROR(
        readNow(store, secretKey(old.id, SecretKind::ApiV3Key)), ErrorKind::Credentials, QStringLiteral("NOT_FOUND"));
    settings.sync();

    // The settings file was really written (so the scan below looked at it): profile and index, by name.
    QFile settingsFile(settings.fileName());
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    const QByteArray settingsText = settingsFile.readAll();
    QVERIFY(settingsText.contains(mchid));
    QVERIFY(settingsText.contains(imported->serialHex.toLatin1()));
    QVERIFY(settingsText.contains("merchant-private-key"));
    QVERIFY(!settingsText.contains("shop-old"));
    {
        // The debug log was on and captured: the store names every key it writes.
        const QMutexLocker lock(&g_logMutex);
        QVERIFY2(
            !g_log.filter(QStringLiteral("stored \"shop-main/apiv3-key\"")).isEmpty(), qPrintable(g_log.join(u'\n')));
    }

    const QStringList leaks = findLeaks();
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestSecretHygiene)
#include "tst_secrethygiene.moc"
