// No Secret Service at all: every call must fail promptly with a clear error, never hang and
// never fall back to plaintext. Not run under tests/with-keyring.sh on purpose.
#include "awaitresult.h"
#include "credentials/keychaincredentialstore.h"
#include "support/testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <qt6keychain/keychain.h>

#include <memory>

using namespace wxpay;
using namespace wxpay::credentials;
using wxpay::test::readNow;
using wxpay::test::removeNow;
using wxpay::test::writeNow;

class TestKeychainUnavailable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyKeychainErrorIsMapped_data();
    void everyKeychainErrorIsMapped();
    void readFailsPromptly();
    void writeFailsPromptlyAndLeavesNothing();
    void removeFailsPromptly();
    void indexedKeyIsNotReportedMissing();
    // Last: the hung job stays in QtKeychain's queue for the rest of the process.
    void silentKeychainTimesOut();

private:
    void verifyUnavailable(const Error& error);

    QTemporaryDir m_home;
    std::unique_ptr<QSettings> m_index;
    std::unique_ptr<KeychainCredentialStore> m_store;
};

void TestKeychainUnavailable::initTestCase()
{
    // Before the first job: libsecret connects to the session bus lazily, once.
    QVERIFY(m_home.isValid());
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(m_home.filePath(QStringLiteral("no-bus"))));
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    qunsetenv("XDG_CURRENT_DESKTOP");
    qunsetenv("DESKTOP_SESSION");
    // Whatever QtKeychain might write lands in this directory, which is checked at the end.
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("data"))));
    m_index = std::make_unique<QSettings>(m_home.filePath(QStringLiteral("index.ini")), QSettings::IniFormat);
    m_store = std::make_unique<KeychainCredentialStore>(m_index.get());
    m_store->setJobTimeout(std::chrono::seconds(10));
}

void TestKeychainUnavailable::everyKeychainErrorIsMapped_data()
{
    QTest::addColumn<int>("keychainError");
    QTest::addColumn<QString>("code");
    QTest::newRow("EntryNotFound") << int(QKeychain::EntryNotFound) << "NOT_FOUND";
    QTest::newRow("CouldNotDeleteEntry") << int(QKeychain::CouldNotDeleteEntry) << "DELETE_FAILED";
    QTest::newRow("AccessDeniedByUser") << int(QKeychain::AccessDeniedByUser) << "ACCESS_DENIED";
    QTest::newRow("AccessDenied") << int(QKeychain::AccessDenied) << "LOCKED_OR_UNAVAILABLE";
    QTest::newRow("NoBackendAvailable") << int(QKeychain::NoBackendAvailable) << "UNAVAILABLE";
    QTest::newRow("NotImplemented") << int(QKeychain::NotImplemented) << "UNAVAILABLE";
    QTest::newRow("OtherError") << int(QKeychain::OtherError) << "UNAVAILABLE";
    QTest::newRow("unknown value") << 99 << "UNAVAILABLE";
}

void TestKeychainUnavailable::everyKeychainErrorIsMapped()
{
    QFETCH(int, keychainError);
    QFETCH(QString, code);
    const QString backendText = QStringLiteral("backend says why");
    const Error error = KeychainCredentialStore::errorForJob(keychainError, backendText, QStringLiteral("shop/x"));
    QCOMPARE(errorKindName(error.kind), errorKindName(ErrorKind::Credentials));
    QCOMPARE(error.code, code);
    QVERIFY2(error.message.contains(u"shop/x"), qPrintable(error.message));
    if (code != u"NOT_FOUND")
        QVERIFY2(error.message.contains(backendText), qPrintable(error.message));
}

void TestKeychainUnavailable::verifyUnavailable(const Error& error)
{
    QCOMPARE(errorKindName(error.kind), errorKindName(ErrorKind::Credentials));
    QVERIFY2(error.code == u"UNAVAILABLE" || error.code == u"LOCKED_OR_UNAVAILABLE", qPrintable(error.toString()));
    // The backend's own text (e.g. "Could not connect: ...") is kept for the operator and the logs.
    QVERIFY2(error.message.contains(u"unavailable"), qPrintable(error.message));
    QVERIFY2(error.message.size() > QStringLiteral("secure storage (keychain) unavailable for a/b: ").size(),
        qPrintable(error.message));
}

void TestKeychainUnavailable::readFailsPromptly()
{
    QElapsedTimer timer;
    timer.start();
    const auto read = readNow(*m_store, QStringLiteral("shop/apiv3-key"));
    QVERIFY(!read.ok());
    verifyUnavailable(read.error());
    QCOMPARE(read.error().code, QStringLiteral("UNAVAILABLE")); // not "no key": nothing could be asked
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestKeychainUnavailable::writeFailsPromptlyAndLeavesNothing()
{
    QElapsedTimer timer;
    timer.start();
    const QByteArray secret = QByteArrayLiteral("plaintext-fallback-canary-5f2c1e");
    const Status written = writeNow(*m_store, QStringLiteral("shop/apiv2-key"), secret);
    QVERIFY(!written.ok());
    verifyUnavailable(written.error());
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(m_store->indexedEntryCount(QStringLiteral("shop/apiv2-key")), 0);

    // No plaintext fallback anywhere under HOME.
    m_index->sync();
    QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY2(!content.contains(secret) && !content.contains(secret.toBase64()), qPrintable(file.fileName()));
    }
}

void TestKeychainUnavailable::removeFailsPromptly()
{
    QElapsedTimer timer;
    timer.start();
    const Status removed = removeNow(*m_store, QStringLiteral("shop/apiv2-key"));
    QVERIFY(!removed.ok()); // cannot confirm anything is gone
    verifyUnavailable(removed.error());
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestKeychainUnavailable::indexedKeyIsNotReportedMissing()
{
    m_index->setValue(QStringLiteral("keychainIndex/shop/merchant-private-key"), 2);
    const auto read = readNow(*m_store, QStringLiteral("shop/merchant-private-key"));
    QVERIFY(!read.ok());
    verifyUnavailable(read.error());
    QCOMPARE(m_store->indexedEntryCount(QStringLiteral("shop/merchant-private-key")), 2);
}

void TestKeychainUnavailable::silentKeychainTimesOut()
{
    // A "bus" that accepts the connection and then never answers, like a wedged daemon or an
    // unlock prompt nobody sees: the store gives up after its job timeout instead of hanging.
    QLocalServer silentBus;
    QList<QLocalSocket*> held;
    connect(&silentBus, &QLocalServer::newConnection, this, [&silentBus, &held] {
        while (QLocalSocket* socket = silentBus.nextPendingConnection())
            held.append(socket);
    });
    const QString path = m_home.filePath(QStringLiteral("silent-bus"));
    QVERIFY2(silentBus.listen(path), qPrintable(silentBus.errorString()));
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(path));
    m_store->setJobTimeout(std::chrono::milliseconds(1500));

    QElapsedTimer timer;
    timer.start();
    const auto read = readNow(*m_store, QStringLiteral("shop/apiv3-key"));
    WXPAY_VERIFY_ERROR(read, ErrorKind::Credentials, QStringLiteral("TIMEOUT"));
    QVERIFY2(timer.elapsed() >= 1400 && timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!held.isEmpty()); // the job really was talking to the silent bus
}

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "tst_keychainunavailable.moc"
