#include "credentials/inmemorycredentialstore.h"
#include "support/testsupport.h"
#include "workflows/quickpay.h"
#include "workflows/unionidlookup.h"
#include "workflowtest.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace wxpay;
using namespace wxpay::workflowtest;
using credentials::SecretKind;
using credentials::TokenSource;
using workflows::UnionIdLookup;

Q_DECLARE_METATYPE(wxpay::ApiFamily)

class TestUnionIdLookup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void withinTheWindow_data();
    void withinTheWindow();
    void afterTheWindow();
    void notThePayer();
    void cgiBinTokenWhenTheProfileSaysSo();
    void staleCachedTokenIsRefreshedOnce();
    void failedRefreshIsNotRepeated();
    void operatorTokenIsNeverRefreshed();
    void refusesIncompleteQueries();
    void explainsErrcodes_data();
    void explainsErrcodes();

private:
    struct Paid
    {
        QString outTradeNo;
        QString transactionId;
        QString openid;
    };
    Paid pay(Till& till);
    workflows::UnionIdContext context(Till& till, TokenSource source = TokenSource::StableToken);
    std::optional<UnionIdLookup::Outcome> run(
        Till& till, const UnionIdLookup::Query& query, TokenSource source = TokenSource::StableToken);
    void cacheToken(Till& till, const QString& token);

    SimWorld m_world;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<credentials::InMemoryCredentialStore> m_store;
};

void TestUnionIdLookup::initTestCase()
{
    WXPAY_VERIFY_OK(m_world.start({ ApiFamily::V2, ApiFamily::V3 }));
}

void TestUnionIdLookup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_world.resetCounts();
    m_store = std::make_unique<credentials::InMemoryCredentialStore>();
}

TestUnionIdLookup::Paid TestUnionIdLookup::pay(Till& t)
{
    // The AppSecret the profile holds.
    QObject context;
    bool written = false;
    m_store->write(t.profileId(), SecretKind::AppSecret, m_world.merchant(t.family).miniAppSecret.toUtf8(), &context,
        [&written](Status status) { written = status.ok(); });
    if (!QTest::qWaitFor([&written] { return written; }, kWaitMs))
        return {};

    workflows::QuickPay quickPay(t.context());
    workflows::QuickPayRequest request;
    request.authCode = nextAuthCode(sim::QuickPayScenario::Success);
    request.amount = t.amount(1500);
    request.description = QStringLiteral("Books");
    request.clientIp = QStringLiteral("127.0.0.1");
    if (!quickPay.start(request).ok() || !QTest::qWaitFor([&quickPay] { return quickPay.isFinished(); }, kWaitMs))
        return {};
    const sim::LedgerEntry ledger = m_world.ledgerEntry(t.family, quickPay.outTradeNo());
    m_world.resetCounts();
    return { quickPay.outTradeNo(), ledger.transactionId, ledger.payerOpenid };
}

workflows::UnionIdContext TestUnionIdLookup::context(Till& t, TokenSource source)
{
    credentials::MerchantProfile profile;
    profile.id = t.profileId();
    profile.family = t.family;
    profile.miniProgramAppid = m_world.merchant(t.family).miniAppid;
    profile.tokenSource = source;
    return { profile, QStringLiteral("alice"), *t.transport, *m_store, t.orders, t.audit, m_world.clock };
}

std::optional<UnionIdLookup::Outcome> TestUnionIdLookup::run(
    Till& t, const UnionIdLookup::Query& query, TokenSource source)
{
    UnionIdLookup lookup(context(t, source));
    QSignalSpy finished(&lookup, &UnionIdLookup::finished);
    const Status started = lookup.lookup(query);
    if (!started) {
        qWarning("lookup refused: %s", qPrintable(started.error().toString()));
        return std::nullopt;
    }
    if (!finished.wait(kWaitMs))
        return std::nullopt;
    return finished.first().first().value<UnionIdLookup::Outcome>();
}

void TestUnionIdLookup::cacheToken(Till& t, const QString& token)
{
    QObject context;
    bool written = false;
    const AccessToken cached { token, m_world.clock.now().addSecs(3600) };
    m_store->write(t.profileId(), SecretKind::AccessToken, credentials::encodeAccessToken(cached), &context,
        [&written](Status status) { written = status.ok(); });
    QVERIFY(QTest::qWaitFor([&written] { return written; }, kWaitMs));
}

void TestUnionIdLookup::withinTheWindow_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::newRow("v2") << ApiFamily::V2;
    QTest::newRow("v3") << ApiFamily::V3;
}

void TestUnionIdLookup::withinTheWindow()
{
    QFETCH(ApiFamily, family);
    Till t(m_world, family, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    const Paid paid = pay(t);
    QVERIFY(!paid.transactionId.isEmpty());
    m_world.clock.advance(std::chrono::minutes(4));

    auto outcome = run(t, { paid.openid, paid.transactionId, {}, {}, {} });
    QVERIFY(outcome);
    QVERIFY2(!outcome->error, qPrintable(outcome->explanation));
    QCOMPARE(outcome->unionid, sim::SimEngine::unionIdFor(paid.openid));
    QVERIFY(outcome->storedOnOrder);
    QCOMPARE(t.order(paid.outTradeNo)->payerUnionid, outcome->unionid);
    QCOMPARE(outcome->tokenFetches, 1);
    QCOMPARE(m_world.count(QStringLiteral("stable_token")), 1);
    QCOMPARE(m_world.count(QStringLiteral("token")), 0);
    // Cached for the next lookup, never logged.
    const QString key = credentials::secretKey(t.profileId(), SecretKind::AccessToken);
    QVERIFY(m_store->contains(key));
    const auto cached = credentials::decodeAccessToken(m_store->value(key));
    WXPAY_VERIFY_OK(cached);
    storage::AuditQuery query;
    query.profileId = t.profileId();
    const auto entries = t.audit.list(query);
    WXPAY_VERIFY_OK(entries);
    QVERIFY(!entries->isEmpty());
    for (const storage::AuditEntry& entry : entries.value())
        QVERIFY(!entry.detail.contains(cached->token));

    // By mch_id + out_trade_no, with the cached token.
    auto again = run(t, { paid.openid, {}, m_world.merchant(family).mchid, paid.outTradeNo, {} });
    QVERIFY(again);
    QVERIFY2(!again->error, qPrintable(again->explanation));
    QCOMPARE(again->unionid, outcome->unionid);
    QCOMPARE(again->tokenFetches, 0);
    QCOMPARE(m_world.count(QStringLiteral("stable_token")), 1);
    QCOMPARE(m_world.count(QStringLiteral("getpaidunionid")), 2);
}

void TestUnionIdLookup::afterTheWindow()
{
    Till t(m_world, ApiFamily::V3, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    const Paid paid = pay(t);
    QVERIFY(!paid.transactionId.isEmpty());
    m_world.clock.advance(std::chrono::minutes(6));
    auto outcome = run(t, { paid.openid, paid.transactionId, {}, {}, {} });
    QVERIFY(outcome);
    QVERIFY(outcome->error);
    QCOMPARE(outcome->error->code, QStringLiteral("89300"));
    QVERIFY(outcome->explanation.contains(u"5 minutes"));
    QVERIFY(outcome->unionid.isEmpty());
    QVERIFY(t.order(paid.outTradeNo)->payerUnionid.isEmpty());
    QCOMPARE(outcome->lookups, 1);
}

void TestUnionIdLookup::notThePayer()
{
    Till t(m_world, ApiFamily::V3, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    const Paid paid = pay(t);
    QVERIFY(!paid.transactionId.isEmpty());
    auto outcome = run(t, { QStringLiteral("oSomeoneElse0000000000000000"), paid.transactionId, {}, {}, {} });
    QVERIFY(outcome);
    QVERIFY(outcome->error);
    QCOMPARE(outcome->error->code, QStringLiteral("40003"));
    QVERIFY(outcome->explanation.contains(u"openid"));
}

void TestUnionIdLookup::cgiBinTokenWhenTheProfileSaysSo()
{
    Till t(m_world, ApiFamily::V2, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    const Paid paid = pay(t);
    QVERIFY(!paid.transactionId.isEmpty());
    auto outcome = run(t, { paid.openid, paid.transactionId, {}, {}, {} }, TokenSource::CgiBinToken);
    QVERIFY(outcome);
    QVERIFY2(!outcome->error, qPrintable(outcome->explanation));
    QCOMPARE(m_world.count(QStringLiteral("token")), 1);
    QCOMPARE(m_world.count(QStringLiteral("stable_token")), 0);
}

void TestUnionIdLookup::staleCachedTokenIsRefreshedOnce()
{
    Till t(m_world, ApiFamily::V3, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    const Paid paid = pay(t);
    QVERIFY(!paid.transactionId.isEmpty());
    cacheToken(t, QStringLiteral("a-token-wechat-no-longer-knows"));

    auto outcome = run(t, { paid.openid, paid.transactionId, {}, {}, {} });
    QVERIFY(outcome);
    QVERIFY2(!outcome->error, qPrintable(outcome->explanation));
    QCOMPARE(outcome->tokenFetches, 1);
    QCOMPARE(outcome->lookups, 2);
    QCOMPARE(m_world.count(QStringLiteral("stable_token")), 1);
    QCOMPARE(m_world.count(QStringLiteral("getpaidunionid")), 2);
    // The cache now holds the new token.
    const auto cached = credentials::decodeAccessToken(
        m_store->value(credentials::secretKey(t.profileId(), SecretKind::AccessToken)));
    WXPAY_VERIFY_OK(cached);
    QVERIFY(cached->token != u"a-token-wechat-no-longer-knows");
}

void TestUnionIdLookup::failedRefreshIsNotRepeated()
{
    Till t(m_world, ApiFamily::V3, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    const Paid paid = pay(t);
    QVERIFY(!paid.transactionId.isEmpty());
    cacheToken(t, QStringLiteral("a-token-wechat-no-longer-knows"));
    // The AppSecret was changed at the platform: the refresh is refused with 40001 too — a stale-token code.
    QObject context;
    bool written = false;
    m_store->write(t.profileId(), SecretKind::AppSecret, QByteArrayLiteral("0123456789abcdef0123456789abcdef"),
        &context, [&written](Status status) { written = status.ok(); });
    QVERIFY(QTest::qWaitFor([&written] { return written; }, kWaitMs));

    auto outcome = run(t, { paid.openid, paid.transactionId, {}, {}, {} });
    QVERIFY(outcome);
    QVERIFY(outcome->error);
    QCOMPARE(outcome->error->code, QStringLiteral("40001"));
    QVERIFY(outcome->explanation.contains(u"AppSecret"));
    QCOMPARE(outcome->tokenFetches, 1);
    QCOMPARE(outcome->lookups, 1);
    QTest::qWait(100);
    QCOMPARE(m_world.count(QStringLiteral("stable_token")), 1);
    QCOMPARE(m_world.count(QStringLiteral("getpaidunionid")), 1);
}

void TestUnionIdLookup::operatorTokenIsNeverRefreshed()
{
    Till t(m_world, ApiFamily::V3, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    const Paid paid = pay(t);
    QVERIFY(!paid.transactionId.isEmpty());
    auto outcome = run(t, { paid.openid, paid.transactionId, {}, {}, QStringLiteral("pasted-but-stale") },
        TokenSource::OperatorSupplied);
    QVERIFY(outcome);
    QVERIFY(outcome->error);
    QCOMPARE(outcome->error->code, QStringLiteral("40001"));
    QCOMPARE(outcome->tokenFetches, 0);
    QCOMPARE(m_world.count(QStringLiteral("stable_token")), 0);
    QCOMPARE(m_world.count(QStringLiteral("getpaidunionid")), 1);
    QVERIFY(!m_store->contains(credentials::secretKey(t.profileId(), SecretKind::AccessToken)));

    // The same token, fetched properly by the operator, works.
    auto token = m_world.engine.stableAccessToken(
        m_world.merchant(ApiFamily::V3).miniAppid, m_world.merchant(ApiFamily::V3).miniAppSecret, false);
    WXPAY_VERIFY_OK(token);
    auto good = run(t, { paid.openid, paid.transactionId, {}, {}, token->token }, TokenSource::OperatorSupplied);
    QVERIFY(good);
    QVERIFY2(!good->error, qPrintable(good->explanation));
    QCOMPARE(good->unionid, sim::SimEngine::unionIdFor(paid.openid));
}

void TestUnionIdLookup::refusesIncompleteQueries()
{
    Till t(m_world, ApiFamily::V3, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    UnionIdLookup lookup(context(t));
    WXPAY_VERIFY_ERROR(
        lookup.lookup({ {}, QStringLiteral("4200"), {}, {}, {} }), ErrorKind::Input, QStringLiteral("OPENID_MISSING"));
    WXPAY_VERIFY_ERROR(lookup.lookup({ QStringLiteral("o1"), {}, QStringLiteral("1900000101"), {}, {} }),
        ErrorKind::Input, QStringLiteral("ORDER_REF_MISSING"));
    UnionIdLookup operatorOnly(context(t, TokenSource::OperatorSupplied));
    WXPAY_VERIFY_ERROR(operatorOnly.lookup({ QStringLiteral("o1"), QStringLiteral("4200"), {}, {}, {} }),
        ErrorKind::Input, QStringLiteral("TOKEN_REQUIRED"));
    QVERIFY(!lookup.isRunning());
}

void TestUnionIdLookup::explainsErrcodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("busy") << "-1"
                          << "busy";
    QTest::newRow("40001") << "40001"
                           << "AppSecret";
    QTest::newRow("40003") << "40003"
                           << "openid";
    QTest::newRow("40013") << "40013"
                           << "AppID";
    QTest::newRow("42001") << "42001"
                           << "expired";
    QTest::newRow("40164") << "40164"
                           << "allow-list";
    QTest::newRow("45009") << "45009"
                           << "daily";
    QTest::newRow("89002") << "89002"
                           << "Open Platform";
    QTest::newRow("89300") << "89300"
                           << "5 minutes";
    QTest::newRow("unknown") << "61234"
                             << "61234";
}

void TestUnionIdLookup::explainsErrcodes()
{
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    const QString text = workflows::explainUnionIdError(Error::business(code, QStringLiteral("server text")));
    QVERIFY2(text.contains(mentions), qPrintable(text));
    QVERIFY(workflows::explainUnionIdError(Error::network(QStringLiteral("TIMEOUT"), {})) != text);
}

QTEST_GUILESS_MAIN(TestUnionIdLookup)
#include "tst_unionidlookup.moc"
