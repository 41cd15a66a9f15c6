#include "awaitresult.h"
#include "credentials/inmemorycredentialstore.h"
#include "support/testsupport.h"

#include <QAtomicPointer>
#include <QTest>
#include <QThread>

using namespace wxpay;
using namespace wxpay::credentials;
using wxpay::test::readNow;
using wxpay::test::removeNow;
using wxpay::test::writeNow;
using Op = InMemoryCredentialStore::Operation;

class TestInMemoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindNamesAreStable_data();
    void kindNamesAreStable();
    void keyValidation_data();
    void keyValidation();
    void writeReadRemove();
    void readUnknownIsNotFound();
    void removeUnknownSucceeds();
    void invalidKeyIsRefused();
    void callbackIsNeverSynchronous();
    void callbackDroppedWithContext();
    void callbackRunsOnContextThread();
    void failNextFailsOnce();
    void setFailurePersistsUntilCleared();
    void lockedStoreReportsLocked();
    void profileScopedOverloads();
    void removeProfileSecretsRemovesOnlyThatProfile();
    void removeProfileSecretsReportsFailure();
    void accessTokenRoundTrip();
    void accessTokenRejectsGarbage_data();
    void accessTokenRejectsGarbage();
};

void TestInMemoryStore::kindNamesAreStable_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::newRow("v2") << int(SecretKind::ApiV2Key) << "apiv2-key";
    QTest::newRow("v3") << int(SecretKind::ApiV3Key) << "apiv3-key";
    QTest::newRow("pem") << int(SecretKind::MerchantPrivateKey) << "merchant-private-key";
    QTest::newRow("tls key") << int(SecretKind::ClientCertificateKey) << "client-certificate-key";
    QTest::newRow("tls cert") << int(SecretKind::ClientCertificate) << "client-certificate";
    QTest::newRow("app secret") << int(SecretKind::AppSecret) << "app-secret";
    QTest::newRow("token") << int(SecretKind::AccessToken) << "access-token";
    QTest::newRow("pin") << int(SecretKind::ManagerPinHash) << "manager-pin-hash";
}

void TestInMemoryStore::kindNamesAreStable()
{
    QFETCH(int, kind);
    QFETCH(QString, name);
    const auto secretKind = static_cast<SecretKind>(kind);
    QCOMPARE(secretKindName(secretKind), name);
    QCOMPARE(secretKindFromName(name), std::optional<SecretKind>(secretKind));
    QCOMPARE(secretKey(QStringLiteral("shop-1"), secretKind), u"shop-1/" + name);
    QVERIFY(validateKey(secretKey(QStringLiteral("shop-1"), secretKind)).ok());
    QCOMPARE(allSecretKinds().size(), size_t(8));
}

void TestInMemoryStore::keyValidation_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << "shop-1/apiv3-key" << true;
    QTest::newRow("underscore id") << "shop_1/x" << true;
    QTest::newRow("64-char id") << QString(64, u'a') + u"/x" << true;
    QTest::newRow("65-char id") << QString(65, u'a') + u"/x" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("no slash") << "apiv3-key" << false;
    QTest::newRow("empty id") << "/apiv3-key" << false;
    QTest::newRow("empty name") << "shop/" << false;
    QTest::newRow("upper-case id") << "Shop/apiv3-key" << false;
    QTest::newRow("upper-case name") << "shop/ApiV3" << false;
    QTest::newRow("two slashes") << "shop/a/b" << false;
    QTest::newRow("space") << "shop 1/x" << false;
    QTest::newRow("chunk suffix") << "shop/x#1" << false;
    QTest::newRow("non-ascii") << QString::fromUtf8("店/x") << false;
}

void TestInMemoryStore::keyValidation()
{
    QFETCH(QString, key);
    QFETCH(bool, valid);
    const Status status = validateKey(key);
    QCOMPARE(status.ok(), valid);
    if (!valid)
        WXPAY_VERIFY_ERROR(status, ErrorKind::Input, QStringLiteral("INVALID_KEY"));
}

void TestInMemoryStore::writeReadRemove()
{
    InMemoryCredentialStore store;
    const QString key = QStringLiteral("shop/apiv3-key");
    const QByteArray secret("\x00\x01secret\xff", 9);
    WXPAY_VERIFY_OK(writeNow(store, key, secret));
    QVERIFY(store.contains(key));
    const auto read = readNow(store, key);
    WXPAY_VERIFY_OK(read);
    QCOMPARE(*read, secret);
    WXPAY_VERIFY_OK(writeNow(store, key, QByteArrayLiteral("other")));
    QCOMPARE(*readNow(store, key), QByteArrayLiteral("other"));
    WXPAY_VERIFY_OK(removeNow(store, key));
    QVERIFY(!store.contains(key));
    WXPAY_VERIFY_ERROR(readNow(store, key), ErrorKind::Credentials, QStringLiteral("NOT_FOUND"));
    QCOMPARE(store.operationCount(Op::Read), 3);
    QCOMPARE(store.operationCount(Op::Write), 2);
    QCOMPARE(store.operationCount(Op::Remove), 1);
}

void TestInMemoryStore::readUnknownIsNotFound()
{
    InMemoryCredentialStore store;
    WXPAY_VERIFY_ERROR(
        readNow(store, QStringLiteral("shop/apiv2-key")), ErrorKind::Credentials, QStringLiteral("NOT_FOUND"));
}

void TestInMemoryStore::removeUnknownSucceeds()
{
    InMemoryCredentialStore store;
    WXPAY_VERIFY_OK(removeNow(store, QStringLiteral("shop/apiv2-key")));
}

void TestInMemoryStore::invalidKeyIsRefused()
{
    InMemoryCredentialStore store;
    WXPAY_VERIFY_ERROR(
        writeNow(store, QStringLiteral("no-slash"), "x"), ErrorKind::Input, QStringLiteral("INVALID_KEY"));
    WXPAY_VERIFY_ERROR(readNow(store, QStringLiteral("no-slash")), ErrorKind::Input, QStringLiteral("INVALID_KEY"));
    WXPAY_VERIFY_ERROR(removeNow(store, QStringLiteral("no-slash")), ErrorKind::Input, QStringLiteral("INVALID_KEY"));
    QVERIFY(store.keys().isEmpty());
}

void TestInMemoryStore::callbackIsNeverSynchronous()
{
    InMemoryCredentialStore store;
    QObject context;
    bool called = false;
    store.write(QStringLiteral("shop/app-secret"), "x", &context, [&called](Status) { called = true; });
    QVERIFY(!called);
    QTRY_VERIFY(called);
}

void TestInMemoryStore::callbackDroppedWithContext()
{
    InMemoryCredentialStore store;
    bool called = false;
    auto* context = new QObject;
    store.write(QStringLiteral("shop/app-secret"), "x", context, [&called](Status) { called = true; });
    delete context;
    // A marker queued after the (dropped) callback: once it ran, the callback would have too.
    QObject marker;
    bool markerRan = false;
    QMetaObject::invokeMethod(
        &marker, [&markerRan] { markerRan = true; }, Qt::QueuedConnection);
    QTRY_VERIFY(markerRan);
    QVERIFY(!called);
    QVERIFY(store.contains(QStringLiteral("shop/app-secret"))); // the operation itself still happened
}

void TestInMemoryStore::callbackRunsOnContextThread()
{
    InMemoryCredentialStore store;
    QThread worker;
    worker.start();
    QObject context;
    context.moveToThread(&worker);
    QAtomicPointer<QThread> calledOn;
    store.write(QStringLiteral("shop/app-secret"), "x", &context,
        [&calledOn](Status) { calledOn.storeRelease(QThread::currentThread()); });
    QTRY_VERIFY(calledOn.loadAcquire() != nullptr);
    QCOMPARE(calledOn.loadAcquire(), &worker);
    worker.quit();
    QVERIFY(worker.wait(5000));
}

void TestInMemoryStore::failNextFailsOnce()
{
    InMemoryCredentialStore store;
    const QString key = QStringLiteral("shop/apiv2-key");
    store.failNext(Op::Write, Error::credentials(QStringLiteral("UNAVAILABLE"), QStringLiteral("injected")));
    WXPAY_VERIFY_ERROR(writeNow(store, key, "x"), ErrorKind::Credentials, QStringLiteral("UNAVAILABLE"));
    QVERIFY(!store.contains(key));
    WXPAY_VERIFY_OK(writeNow(store, key, "x"));
    QVERIFY(store.contains(key));
}

void TestInMemoryStore::setFailurePersistsUntilCleared()
{
    InMemoryCredentialStore store;
    const QString key = QStringLiteral("shop/apiv2-key");
    WXPAY_VERIFY_OK(writeNow(store, key, "x"));
    store.setFailure(Op::Read, Error::credentials(QStringLiteral("TIMEOUT"), QStringLiteral("injected")));
    WXPAY_VERIFY_ERROR(readNow(store, key), ErrorKind::Credentials, QStringLiteral("TIMEOUT"));
    WXPAY_VERIFY_ERROR(readNow(store, key), ErrorKind::Credentials, QStringLiteral("TIMEOUT"));
    WXPAY_VERIFY_OK(writeNow(store, key, "y")); // other operations are unaffected
    store.setFailure(Op::Read, std::nullopt);
    QCOMPARE(*readNow(store, key), QByteArrayLiteral("y"));
}

void TestInMemoryStore::lockedStoreReportsLocked()
{
    InMemoryCredentialStore store;
    const QString stored = QStringLiteral("shop/apiv2-key");
    WXPAY_VERIFY_OK(writeNow(store, stored, "x"));
    store.setLocked(true);
    WXPAY_VERIFY_ERROR(readNow(store, stored), ErrorKind::Credentials, QStringLiteral("LOCKED_OR_UNAVAILABLE"));
    WXPAY_VERIFY_ERROR(
        readNow(store, QStringLiteral("shop/apiv3-key")), ErrorKind::Credentials, QStringLiteral("NOT_FOUND"));
    WXPAY_VERIFY_ERROR(writeNow(store, stored, "y"), ErrorKind::Credentials, QStringLiteral("LOCKED_OR_UNAVAILABLE"));
    WXPAY_VERIFY_ERROR(removeNow(store, stored), ErrorKind::Credentials, QStringLiteral("LOCKED_OR_UNAVAILABLE"));
    store.setLocked(false);
    QCOMPARE(*readNow(store, stored), QByteArrayLiteral("x"));
}

void TestInMemoryStore::profileScopedOverloads()
{
    InMemoryCredentialStore store;
    const QString profile = QStringLiteral("shop");
    const Status written = wxpay::test::await<Status>(
        [&](QObject* c, auto cb) { store.write(profile, SecretKind::ApiV3Key, "k3", c, std::move(cb)); });
    WXPAY_VERIFY_OK(written);
    QCOMPARE(store.value(QStringLiteral("shop/apiv3-key")), QByteArrayLiteral("k3"));
    const auto read = wxpay::test::await<Result<QByteArray>>(
        [&](QObject* c, auto cb) { store.read(profile, SecretKind::ApiV3Key, c, std::move(cb)); });
    QCOMPARE(*read, QByteArrayLiteral("k3"));
    const Status removed = wxpay::test::await<Status>(
        [&](QObject* c, auto cb) { store.remove(profile, SecretKind::ApiV3Key, c, std::move(cb)); });
    WXPAY_VERIFY_OK(removed);
    QVERIFY(store.keys().isEmpty());
}

void TestInMemoryStore::removeProfileSecretsRemovesOnlyThatProfile()
{
    InMemoryCredentialStore store;
    for (const SecretKind kind : allSecretKinds()) {
        WXPAY_VERIFY_OK(writeNow(store, secretKey(QStringLiteral("a"), kind), "a"));
        WXPAY_VERIFY_OK(writeNow(store, secretKey(QStringLiteral("b"), kind), "b"));
    }
    const Status removed = wxpay::test::await<Status>(
        [&](QObject* c, auto cb) { store.removeProfileSecrets(QStringLiteral("a"), c, std::move(cb)); });
    WXPAY_VERIFY_OK(removed);
    QCOMPARE(store.keys().size(), qsizetype(8));
    for (const QString& key : store.keys())
        QVERIFY2(key.startsWith(u"b/"), qPrintable(key));
}

void TestInMemoryStore::removeProfileSecretsReportsFailure()
{
    InMemoryCredentialStore store;
    WXPAY_VERIFY_OK(writeNow(store, QStringLiteral("a/apiv2-key"), "a"));
    WXPAY_VERIFY_OK(writeNow(store, QStringLiteral("a/apiv3-key"), "a"));
    store.failNext(Op::Remove, Error::credentials(QStringLiteral("DELETE_FAILED"), QStringLiteral("injected")));
    const Status removed = wxpay::test::await<Status>(
        [&](QObject* c, auto cb) { store.removeProfileSecrets(QStringLiteral("a"), c, std::move(cb)); });
    WXPAY_VERIFY_ERROR(removed, ErrorKind::Credentials, QStringLiteral("DELETE_FAILED"));
    QCOMPARE(store.operationCount(Op::Remove), 8); // every kind was still attempted
    QCOMPARE(store.keys().size(), qsizetype(1)); // the first removal (apiv2-key) failed
    const Status invalid = wxpay::test::await<Status>(
        [&](QObject* c, auto cb) { store.removeProfileSecrets(QStringLiteral("A B"), c, std::move(cb)); });
    WXPAY_VERIFY_ERROR(invalid, ErrorKind::Input, QStringLiteral("INVALID_KEY"));
}

void TestInMemoryStore::accessTokenRoundTrip()
{
    const wxpay::AccessToken token { QStringLiteral("ACCESS_TOKEN_value-1"),
        QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC) };
    const QByteArray encoded = encodeAccessToken(token);
    const auto decoded = decodeAccessToken(encoded);
    WXPAY_VERIFY_OK(decoded);
    QCOMPARE(decoded->token, token.token);
    QCOMPARE(decoded->expiresAt, token.expiresAt);
    QCOMPARE(decoded->expiresAt.timeSpec(), Qt::UTC);
}

void TestInMemoryStore::accessTokenRejectsGarbage_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArrayLiteral("ACCESS_TOKEN");
    QTest::newRow("array") << QByteArrayLiteral("[]");
    QTest::newRow("no token") << QByteArrayLiteral(R"({"expiresAt":"2030-01-02T03:04:05Z"})");
    QTest::newRow("no expiry") << QByteArrayLiteral(R"({"token":"t"})");
    QTest::newRow("bad expiry") << QByteArrayLiteral(R"({"token":"t","expiresAt":"tomorrow"})");
}

void TestInMemoryStore::accessTokenRejectsGarbage()
{
    QFETCH(QByteArray, data);
    WXPAY_VERIFY_ERROR(decodeAccessToken(data), ErrorKind::Credentials, QStringLiteral("CORRUPT"));
}

QTEST_GUILESS_MAIN(TestInMemoryStore)
#include "tst_inmemorystore.moc"
