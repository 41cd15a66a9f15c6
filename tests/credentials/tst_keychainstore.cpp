// Runs against a real gnome-keyring on a private D-Bus session (tests/with-keyring.sh).
#include "awaitresult.h"
#include "credentials/keychaincredentialstore.h"
#include "support/testsupport.h"

#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <qt6keychain/keychain.h>

#include <memory>

using namespace wxpay;
using namespace wxpay::credentials;
using wxpay::test::readNow;
using wxpay::test::removeNow;
using wxpay::test::writeNow;

namespace {

const QString kLoginCollection = QStringLiteral("/org/freedesktop/secrets/collection/login");

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (char& c : data)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return data;
}

struct RawEntry
{
    QKeychain::Error error = QKeychain::OtherError;
    QByteArray data;
};

// Reads one keychain entry directly, bypassing the store: to see how it laid the secret out.
RawEntry rawRead(const QString& entryKey)
{
    auto* job = new QKeychain::ReadPasswordJob(KeychainCredentialStore::defaultServiceName());
    job->setAutoDelete(false);
    job->setKey(entryKey);
    QSignalSpy spy(job, &QKeychain::Job::finished);
    job->start();
    RawEntry entry;
    if (spy.wait(20000)) {
        entry.error = job->error();
        entry.data = job->binaryData();
    }
    delete job;
    return entry;
}

bool rawWrite(const QString& entryKey, const QByteArray& data)
{
    auto* job = new QKeychain::WritePasswordJob(KeychainCredentialStore::defaultServiceName());
    job->setAutoDelete(false);
    job->setKey(entryKey);
    job->setBinaryData(data);
    QSignalSpy spy(job, &QKeychain::Job::finished);
    job->start();
    const bool ok = spy.wait(20000) && job->error() == QKeychain::NoError;
    delete job;
    return ok;
}

bool rawDelete(const QString& entryKey)
{
    auto* job = new QKeychain::DeletePasswordJob(KeychainCredentialStore::defaultServiceName());
    job->setAutoDelete(false);
    job->setKey(entryKey);
    QSignalSpy spy(job, &QKeychain::Job::finished);
    job->start();
    const bool ok = spy.wait(20000) && job->error() == QKeychain::NoError;
    delete job;
    return ok;
}

// verifyLayout() reports with QCOMPARE, which returns from the helper only: stop the test too.
#define VERIFY_LAYOUT(...)                                                                                             \
    do {                                                                                                               \
        verifyLayout(__VA_ARGS__);                                                                                     \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

QString entryKey(const QString& key, int entry)
{
    return entry == 0 ? key : key + u'#' + QString::number(entry);
}

} // namespace

class TestKeychainStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void overwriteLongerThenShorter();
    void removeDeletesEveryEntry();
    void notFoundForNeverWritten();
    void removeNeverWrittenSucceeds();
    void refusesInvalidKeyAndOversizedSecret();
    void foreignEntryIsCorrupt();
    void missingPartIsCorrupt();
    void lostIndexIsRebuiltAndStalePartsGo();
    void callbackDroppedWithContext();
    void overlappingOperationsRunInCallOrder();
    // Last: locks the keyring for good (unlocking needs a prompt).
    void lockedKeyringIsNeverNoKey();

private:
    void verifyLayout(const QString& key, const QByteArray& secret, int expectedEntries);

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_index;
    std::unique_ptr<KeychainCredentialStore> m_store;
};

void TestKeychainStore::initTestCase()
{
    // A DISPLAY would let gnome-keyring pop an unlock prompt nobody can answer (platform.md pitfall 6).
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run through tests/with-keyring.sh");
    QVERIFY(m_dir.isValid());
    m_index = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("index.ini")), QSettings::IniFormat);
    m_store = std::make_unique<KeychainCredentialStore>(m_index.get());
    m_store->setJobTimeout(std::chrono::seconds(20));
}

void TestKeychainStore::verifyLayout(const QString& key, const QByteArray& secret, int expectedEntries)
{
    QCOMPARE(m_store->indexedEntryCount(key), expectedEntries);
    qsizetype total = 0;
    for (int i = 0; i < expectedEntries; ++i) {
        const RawEntry entry = rawRead(entryKey(key, i));
        QCOMPARE(entry.error, QKeychain::NoError);
        QVERIFY2(entry.data.size() <= KeychainCredentialStore::kEntrySize, qPrintable(entryKey(key, i)));
        total += entry.data.size();
        // No part of the secret is kept outside its own entries' bytes (the head adds only a header).
        if (i > 0)
            QVERIFY(secret.contains(entry.data));
    }
    QVERIFY(total >= secret.size());
    QCOMPARE(rawRead(entryKey(key, expectedEntries)).error, QKeychain::EntryNotFound);
    // The index holds the key name and a count, never the value.
    QVERIFY(!m_index->value(QStringLiteral("keychainIndex/") + key).toString().contains(u"BEGIN"));
}

void TestKeychainStore::roundTrip_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<int>("entries");
    QTest::newRow("empty") << QByteArray() << 1;
    QTest::newRow("small") << QByteArrayLiteral("192006250b4c09247ec02edce69f6a2d") << 1;
    QTest::newRow("fills the head") << QByteArray(KeychainCredentialStore::kEntrySize - 42, 'h') << 1;
    QTest::newRow("one byte more") << QByteArray(KeychainCredentialStore::kEntrySize - 41, 'h') << 2;
    QTest::newRow("4 KB") << randomBytes(4096) << 3;
    QTest::newRow("binary, every byte value") << [] {
        QByteArray all;
        for (int round = 0; round < 12; ++round) {
            for (int b = 0; b < 256; ++b)
                all.append(static_cast<char>(b));
        }
        return all;
    }() << 2;
    QTest::newRow("NUL bytes only") << QByteArray(100, '\0') << 1;
    QTest::newRow("largest") << randomBytes(KeychainCredentialStore::maxSecretSize())
                             << KeychainCredentialStore::kMaxEntries;
}

void TestKeychainStore::roundTrip()
{
    QFETCH(QByteArray, secret);
    QFETCH(int, entries);
    const QString key
        = u"round/" + QString::fromLatin1(QTest::currentDataTag()).toLower().replace(u' ', u'-').remove(u',');
    WXPAY_VERIFY_OK(validateKey(key));
    WXPAY_VERIFY_OK(writeNow(*m_store, key, secret));
    const auto read = readNow(*m_store, key);
    WXPAY_VERIFY_OK(read);
    QCOMPARE(read->size(), secret.size());
    QVERIFY(*read == secret);
    VERIFY_LAYOUT(key, secret, entries);
    WXPAY_VERIFY_OK(removeNow(*m_store, key));
}

void TestKeychainStore::overwriteLongerThenShorter()
{
    const QString key = QStringLiteral("shop/merchant-private-key");
    const QByteArray small = QByteArrayLiteral("first value");
    const QByteArray large = randomBytes(4096);
    const QByteArray smaller = QByteArrayLiteral("2nd");

    WXPAY_VERIFY_OK(writeNow(*m_store, key, small));
    VERIFY_LAYOUT(key, small, 1);
    WXPAY_VERIFY_OK(writeNow(*m_store, key, large));
    QCOMPARE(*readNow(*m_store, key), large);
    VERIFY_LAYOUT(key, large, 3);
    WXPAY_VERIFY_OK(writeNow(*m_store, key, smaller));
    QCOMPARE(*readNow(*m_store, key), smaller);
    VERIFY_LAYOUT(key, smaller, 1); // the two stale parts are gone from the keychain
    QCOMPARE(rawRead(entryKey(key, 1)).error, QKeychain::EntryNotFound);
    QCOMPARE(rawRead(entryKey(key, 2)).error, QKeychain::EntryNotFound);
    WXPAY_VERIFY_OK(removeNow(*m_store, key));
}

void TestKeychainStore::removeDeletesEveryEntry()
{
    const QString big = QStringLiteral("shop/client-certificate-key");
    const QString small = QStringLiteral("shop/apiv2-key");
    WXPAY_VERIFY_OK(writeNow(*m_store, big, randomBytes(4096)));
    WXPAY_VERIFY_OK(writeNow(*m_store, small, "k"));
    WXPAY_VERIFY_OK(removeNow(*m_store, big));
    WXPAY_VERIFY_ERROR(readNow(*m_store, big), ErrorKind::Credentials, QStringLiteral("NOT_FOUND"));
    for (int i = 0; i < 4; ++i)
        QCOMPARE(rawRead(entryKey(big, i)).error, QKeychain::EntryNotFound);
    QCOMPARE(m_store->indexedEntryCount(big), 0);
    QCOMPARE(*readNow(*m_store, small), QByteArrayLiteral("k")); // a neighbour is untouched
    WXPAY_VERIFY_OK(removeNow(*m_store, small));
    WXPAY_VERIFY_ERROR(readNow(*m_store, small), ErrorKind::Credentials, QStringLiteral("NOT_FOUND"));
    WXPAY_VERIFY_OK(removeNow(*m_store, small)); // twice is fine
}

void TestKeychainStore::notFoundForNeverWritten()
{
    const auto read = readNow(*m_store, QStringLiteral("never/apiv3-key"));
    WXPAY_VERIFY_ERROR(read, ErrorKind::Credentials, QStringLiteral("NOT_FOUND"));
    QVERIFY(read.error().message.contains(u"never/apiv3-key"));
}

void TestKeychainStore::removeNeverWrittenSucceeds()
{
    WXPAY_VERIFY_OK(removeNow(*m_store, QStringLiteral("never/apiv2-key")));
    QCOMPARE(m_store->indexedEntryCount(QStringLiteral("never/apiv2-key")), 0);
}

void TestKeychainStore::refusesInvalidKeyAndOversizedSecret()
{
    WXPAY_VERIFY_ERROR(
        writeNow(*m_store, QStringLiteral("no-profile"), "x"), ErrorKind::Input, QStringLiteral("INVALID_KEY"));
    WXPAY_VERIFY_ERROR(readNow(*m_store, QStringLiteral("shop/x#1")), ErrorKind::Input, QStringLiteral("INVALID_KEY"));
    const QString key = QStringLiteral("shop/too-large");
    WXPAY_VERIFY_ERROR(writeNow(*m_store, key, QByteArray(KeychainCredentialStore::maxSecretSize() + 1, 'x')),
        ErrorKind::Input, QStringLiteral("SECRET_TOO_LARGE"));
    QCOMPARE(rawRead(key).error, QKeychain::EntryNotFound);
    QCOMPARE(m_store->indexedEntryCount(key), 0);
}

void TestKeychainStore::foreignEntryIsCorrupt()
{
    const QString key = QStringLiteral("foreign/apiv2-key");
    QVERIFY(rawWrite(key, "plain value written by another program"));
    WXPAY_VERIFY_ERROR(readNow(*m_store, key), ErrorKind::Credentials, QStringLiteral("CORRUPT"));
    WXPAY_VERIFY_OK(writeNow(*m_store, key, "ours"));
    QCOMPARE(*readNow(*m_store, key), QByteArrayLiteral("ours"));
    WXPAY_VERIFY_OK(removeNow(*m_store, key));
}

void TestKeychainStore::missingPartIsCorrupt()
{
    const QString key = QStringLiteral("damaged/merchant-private-key");
    WXPAY_VERIFY_OK(writeNow(*m_store, key, randomBytes(5000)));
    QVERIFY(rawDelete(entryKey(key, 1)));
    WXPAY_VERIFY_ERROR(readNow(*m_store, key), ErrorKind::Credentials, QStringLiteral("CORRUPT"));
    // A part replaced by other bytes of the same length fails the digest.
    WXPAY_VERIFY_OK(writeNow(*m_store, key, QByteArray(5000, 'a')));
    QVERIFY(rawWrite(entryKey(key, 2), QByteArray(rawRead(entryKey(key, 2)).data.size(), 'b')));
    WXPAY_VERIFY_ERROR(readNow(*m_store, key), ErrorKind::Credentials, QStringLiteral("CORRUPT"));
    WXPAY_VERIFY_OK(removeNow(*m_store, key));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(rawRead(entryKey(key, i)).error, QKeychain::EntryNotFound);
}

void TestKeychainStore::lostIndexIsRebuiltAndStalePartsGo()
{
    const QString key = QStringLiteral("reinstalled/merchant-private-key");
    const QByteArray large = randomBytes(4096);
    WXPAY_VERIFY_OK(writeNow(*m_store, key, large));
    m_index->remove(QStringLiteral("keychainIndex"));
    QCOMPARE(m_store->indexedEntryCount(key), 0);
    QCOMPARE(*readNow(*m_store, key), large);
    QCOMPARE(m_store->indexedEntryCount(key), 3); // a successful read puts the key back in the index

    m_index->remove(QStringLiteral("keychainIndex"));
    WXPAY_VERIFY_OK(writeNow(*m_store, key, "short")); // the old head still tells how many parts to delete
    VERIFY_LAYOUT(key, "short", 1);
    WXPAY_VERIFY_OK(removeNow(*m_store, key));
}

void TestKeychainStore::callbackDroppedWithContext()
{
    bool called = false;
    auto* context = new QObject;
    m_store->write(QStringLiteral("dropped/app-secret"), "value", context, [&called](Status) { called = true; });
    delete context;
    // The write itself completes; only the callback is dropped.
    QTRY_COMPARE_WITH_TIMEOUT(m_store->indexedEntryCount(QStringLiteral("dropped/app-secret")), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(rawRead(QStringLiteral("dropped/app-secret")).error, QKeychain::NoError, 20000);
    QTest::qWait(100);
    QVERIFY(!called);
    WXPAY_VERIFY_OK(removeNow(*m_store, QStringLiteral("dropped/app-secret")));
}

void TestKeychainStore::overlappingOperationsRunInCallOrder()
{
    // Started together without waiting: each write's parts must not mix with the next one's.
    const QString key = QStringLiteral("busy/merchant-private-key");
    const QByteArray first = randomBytes(5000);
    const QByteArray second = QByteArrayLiteral("short");
    const QByteArray third = randomBytes(3000);
    QObject context;
    QStringList order;
    std::optional<Result<QByteArray>> readBack;
    m_store->write(key, first, &context,
        [&order](Status s) { order.append(s.ok() ? QStringLiteral("w1") : QStringLiteral("w1 failed")); });
    m_store->write(key, second, &context,
        [&order](Status s) { order.append(s.ok() ? QStringLiteral("w2") : QStringLiteral("w2 failed")); });
    m_store->read(key, &context, [&order, &readBack](Result<QByteArray> r) {
        order.append(QStringLiteral("r"));
        readBack = std::move(r);
    });
    m_store->write(key, third, &context,
        [&order](Status s) { order.append(s.ok() ? QStringLiteral("w3") : QStringLiteral("w3 failed")); });
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), qsizetype(4), 30000);
    QCOMPARE(
        order, (QStringList { QStringLiteral("w1"), QStringLiteral("w2"), QStringLiteral("r"), QStringLiteral("w3") }));
    QVERIFY(readBack && readBack->ok());
    QCOMPARE(readBack->value(), second);
    QCOMPARE(*readNow(*m_store, key), third);
    VERIFY_LAYOUT(key, third, 2);
    WXPAY_VERIFY_OK(removeNow(*m_store, key));
}

void TestKeychainStore::lockedKeyringIsNeverNoKey()
{
    const QString small = QStringLiteral("locked/apiv3-key");
    const QString large = QStringLiteral("locked/merchant-private-key");
    WXPAY_VERIFY_OK(writeNow(*m_store, small, "0123456789abcdefABCDEF0123456789"));
    WXPAY_VERIFY_OK(writeNow(*m_store, large, randomBytes(4096)));

    QDBusInterface service(QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QDBusConnection::sessionBus());
    QVERIFY2(service.isValid(), qPrintable(service.lastError().message()));
    const QDBusMessage locked = service.call(
        QStringLiteral("Lock"), QVariant::fromValue(QList<QDBusObjectPath> { QDBusObjectPath(kLoginCollection) }));
    QVERIFY2(locked.type() == QDBusMessage::ReplyMessage, qPrintable(locked.errorMessage()));
    QDBusInterface properties(QStringLiteral("org.freedesktop.secrets"), kLoginCollection,
        QStringLiteral("org.freedesktop.DBus.Properties"), QDBusConnection::sessionBus());
    const QDBusReply<QDBusVariant> isLocked = properties.call(
        QStringLiteral("Get"), QStringLiteral("org.freedesktop.Secret.Collection"), QStringLiteral("Locked"));
    QVERIFY2(isLocked.isValid(), qPrintable(isLocked.error().message()));
    QVERIFY(isLocked.value().variant().toBool());

    QElapsedTimer timer;
    timer.start();
    for (const QString& key : { small, large }) {
        const auto read = readNow(*m_store, key);
        WXPAY_VERIFY_ERROR(read, ErrorKind::Credentials, QStringLiteral("LOCKED_OR_UNAVAILABLE"));
        QVERIFY2(read.error().message.contains(u"keychain locked or unavailable"), qPrintable(read.error().message));
    }
    // A key we never wrote is still "not found": the index tells the two apart.
    WXPAY_VERIFY_ERROR(
        readNow(*m_store, QStringLiteral("locked/apiv2-key")), ErrorKind::Credentials, QStringLiteral("NOT_FOUND"));

    const Status overwrite = writeNow(*m_store, small, "new value");
    WXPAY_VERIFY_ERROR(overwrite, ErrorKind::Credentials, QStringLiteral("LOCKED_OR_UNAVAILABLE"));
    QVERIFY2(overwrite.error().message.contains(u"locked"), qPrintable(overwrite.error().message));
    const QString fresh = QStringLiteral("locked/app-secret");
    WXPAY_VERIFY_ERROR(
        writeNow(*m_store, fresh, "secret"), ErrorKind::Credentials, QStringLiteral("LOCKED_OR_UNAVAILABLE"));
    QCOMPARE(m_store->indexedEntryCount(fresh), 0); // a failed first write leaves no index entry behind
    WXPAY_VERIFY_ERROR(readNow(*m_store, fresh), ErrorKind::Credentials, QStringLiteral("NOT_FOUND"));

    // libsecret "deletes" nothing in a locked collection and calls it success; the store must not.
    WXPAY_VERIFY_ERROR(removeNow(*m_store, large), ErrorKind::Credentials, QStringLiteral("LOCKED_OR_UNAVAILABLE"));
    QCOMPARE(m_store->indexedEntryCount(large), 3);
    QCOMPARE(m_store->indexedEntryCount(small), 1);
    QVERIFY2(timer.elapsed() < 15000, "keychain calls on a locked keyring must fail promptly");
}

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "tst_keychainstore.moc"
