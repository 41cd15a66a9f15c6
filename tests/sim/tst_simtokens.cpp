#include "sim/tokens.h"
#include "simtestutil.h"
#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace wxpay;
using namespace wxpay::sim;
using namespace wxpay::sim::test;
using namespace std::chrono_literals;

class TestSimTokens : public QObject
{
    Q_OBJECT

private:
    // A paid Native order of the CN merchant (mini-program appid = its appid); returns the transaction id.
    static QString paidOrder(Sim& sim, const QString& outTradeNo, const QString& openid)
    {
        if (!sim.engine.createNative(cnIds(), nativeRequest(outTradeNo, 100)).ok())
            return {};
        const auto paid = sim.engine.customerPays(cnIds(), outTradeNo, openid);
        return paid ? paid->transactionId : QString();
    }
    static QString tokenOf(Sim& sim)
    {
        return sim.engine.issueAccessToken(cnMerchant().miniAppid, cnMerchant().miniAppSecret)->token;
    }

private Q_SLOTS:
    void newTokenInvalidatesThePreviousAfterFiveMinutes();
    void tokensExpireAfter7200Seconds();
    void stableTokenIsReusedUntilNearExpiry();
    void stableAndPlainTokensAreIndependent();
    void forceRefreshQuotas();
    void checksCredentials();
    void storeJsonRoundTrip();
    void paidUnionIdWithinFiveMinutes();
    void paidUnionIdByMerchantOrderNumber();
    void paidUnionIdRefusals();
    void unionIdIsStablePerOpenid();
};

void TestSimTokens::newTokenInvalidatesThePreviousAfterFiveMinutes()
{
    ManualClock clock(startTime());
    FixedNonceSource nonce({ "token" });
    TokenStore store(clock, nonce);
    const AccessToken first = store.issue(u"wxapp"_s);
    QCOMPARE(first.expiresAt, startTime().addSecs(7200));
    clock.advance(600s);
    const AccessToken second = store.issue(u"wxapp"_s);
    QVERIFY(first.token != second.token); // unique even with a fixed nonce source
    QCOMPARE(store.check(first.token).value(), u"wxapp"_s);
    clock.advance(299s);
    QCOMPARE(store.check(first.token).value(), u"wxapp"_s);
    clock.advance(1s);
    WXPAY_VERIFY_ERROR(store.check(first.token), ErrorKind::Business, u"40001"_s);
    QCOMPARE(store.check(second.token).value(), u"wxapp"_s);
    // Other apps are not affected.
    const AccessToken other = store.issue(u"wxother"_s);
    store.issue(u"wxapp"_s);
    clock.advance(600s);
    QCOMPARE(store.check(other.token).value(), u"wxother"_s);
    WXPAY_VERIFY_ERROR(store.check(second.token), ErrorKind::Business, u"40001"_s);
    WXPAY_VERIFY_ERROR(store.check(QString()), ErrorKind::Business, u"41001"_s);
    WXPAY_VERIFY_ERROR(store.check(u"1_forged"_s), ErrorKind::Business, u"40001"_s);
}

void TestSimTokens::tokensExpireAfter7200Seconds()
{
    ManualClock clock(startTime());
    FixedNonceSource nonce({ "token" });
    TokenStore store(clock, nonce);
    const AccessToken token = store.issue(u"wxapp"_s);
    clock.advance(7199s);
    WXPAY_VERIFY_OK(store.check(token.token));
    clock.advance(1s);
    const auto expired = store.check(token.token);
    WXPAY_VERIFY_ERROR(expired, ErrorKind::Business, u"42001"_s);
    QCOMPARE(expired.error().message, u"access_token expired"_s);
}

void TestSimTokens::stableTokenIsReusedUntilNearExpiry()
{
    ManualClock clock(startTime());
    FixedNonceSource nonce({ "token" });
    TokenStore store(clock, nonce);
    const auto first = store.stable(u"wxapp"_s, false);
    WXPAY_VERIFY_OK(first);
    clock.advance(3600s);
    const auto again = store.stable(u"wxapp"_s, false);
    QCOMPARE(again->token, first->token);
    QCOMPARE(again->expiresAt, first->expiresAt); // expires_in = what is left
    clock.set(startTime().addSecs(7200 - 300));
    const auto renewed = store.stable(u"wxapp"_s, false);
    QVERIFY(renewed->token != first->token);
    QCOMPARE(renewed->expiresAt, clock.now().addSecs(7200));
    WXPAY_VERIFY_OK(store.check(first->token)); // until its own expiry
    clock.advance(300s);
    WXPAY_VERIFY_ERROR(store.check(first->token), ErrorKind::Business, u"42001"_s);
}

void TestSimTokens::stableAndPlainTokensAreIndependent()
{
    ManualClock clock(startTime());
    FixedNonceSource nonce({ "token" });
    TokenStore store(clock, nonce);
    const auto stable = store.stable(u"wxapp"_s, false);
    const AccessToken plain = store.issue(u"wxapp"_s);
    for (int i = 0; i < 3; ++i)
        store.issue(u"wxapp"_s);
    clock.advance(600s);
    WXPAY_VERIFY_OK(store.check(stable->token)); // /cgi-bin/token does not touch it
    WXPAY_VERIFY_ERROR(store.check(plain.token), ErrorKind::Business, u"40001"_s); // superseded by the later ones
    const AccessToken latest = store.issue(u"wxapp"_s);
    QVERIFY(store.stable(u"wxapp"_s, true).ok()); // force_refresh does not touch /cgi-bin/token tokens
    clock.advance(600s);
    WXPAY_VERIFY_OK(store.check(latest.token));
    WXPAY_VERIFY_ERROR(store.check(stable->token), ErrorKind::Business, u"40001"_s); // replaced by force_refresh
}

void TestSimTokens::forceRefreshQuotas()
{
    ManualClock clock(startTime());
    FixedNonceSource nonce({ "token" });
    TokenStore store(clock, nonce);
    const auto first = store.stable(u"wxapp"_s, true);
    WXPAY_VERIFY_OK(first);
    clock.advance(29s);
    WXPAY_VERIFY_ERROR(store.stable(u"wxapp"_s, true), ErrorKind::Business, u"45011"_s);
    WXPAY_VERIFY_OK(store.stable(u"wxapp"_s, false)); // normal mode is not limited
    clock.advance(1s);
    const auto second = store.stable(u"wxapp"_s, true);
    WXPAY_VERIFY_OK(second);
    QVERIFY(second->token != first->token);
    WXPAY_VERIFY_OK(store.check(first->token)); // five minutes of overlap
    for (int i = 3; i <= TokenStore::kForceRefreshPerDay; ++i) {
        clock.advance(30s);
        QVERIFY2(store.stable(u"wxapp"_s, true).ok(), qPrintable(QString::number(i)));
    }
    clock.advance(30s);
    WXPAY_VERIFY_ERROR(store.stable(u"wxapp"_s, true), ErrorKind::Business, u"45009"_s);
    WXPAY_VERIFY_OK(store.stable(u"wxother"_s, true)); // per appid
    // The quota resets on the next China day (midnight China = 16:00 UTC).
    clock.set(QDateTime(startTime().date(), QTime(16, 0), Qt::UTC));
    WXPAY_VERIFY_OK(store.stable(u"wxapp"_s, true));
}

void TestSimTokens::checksCredentials()
{
    Sim sim;
    const auto unknown = sim.engine.issueAccessToken(u"wxnotanapp"_s, u"x"_s);
    WXPAY_VERIFY_ERROR(unknown, ErrorKind::Business, u"40013"_s);
    QCOMPARE(unknown.error().message, u"invalid appid"_s);
    WXPAY_VERIFY_ERROR(
        sim.engine.issueAccessToken(cnMerchant().miniAppid, u"wrong"_s), ErrorKind::Business, u"40001"_s);
    WXPAY_VERIFY_ERROR(
        sim.engine.stableAccessToken(cnMerchant().miniAppid, u"wrong"_s, false), ErrorKind::Business, u"40001"_s);
    WXPAY_VERIFY_ERROR(sim.engine.stableAccessToken(u"wxnotanapp"_s, u"x"_s, false), ErrorKind::Business, u"40013"_s);
    const auto token = sim.engine.issueAccessToken(cnMerchant().miniAppid, cnMerchant().miniAppSecret);
    WXPAY_VERIFY_OK(token);
    QCOMPARE(token->expiresAt, startTime().addSecs(7200));
    WXPAY_VERIFY_OK(sim.engine.stableAccessToken(cnMerchant().miniAppid, cnMerchant().miniAppSecret, true));
}

void TestSimTokens::storeJsonRoundTrip()
{
    ManualClock clock(startTime());
    FixedNonceSource nonce({ "token" });
    TokenStore store(clock, nonce);
    const AccessToken old = store.issue(u"wxapp"_s);
    clock.advance(60s);
    const AccessToken current = store.issue(u"wxapp"_s);
    QVERIFY(store.stable(u"wxapp"_s, true).ok());

    TokenStore restored(clock, nonce);
    WXPAY_VERIFY_OK(restored.fromJson(store.toJson()));
    QCOMPARE(restored.toJson(), store.toJson());
    WXPAY_VERIFY_ERROR(restored.stable(u"wxapp"_s, true), ErrorKind::Business, u"45011"_s); // spacing remembered
    clock.advance(300s);
    WXPAY_VERIFY_ERROR(restored.check(old.token), ErrorKind::Business, u"40001"_s);
    WXPAY_VERIFY_OK(restored.check(current.token));
    // The sequence continues: no token is issued twice, even with a fixed nonce source.
    const AccessToken fresh = restored.issue(u"wxapp"_s);
    QVERIFY(fresh.token != old.token && fresh.token != current.token);
    WXPAY_VERIFY_ERROR(
        restored.fromJson(QJsonObject { { u"tokens"_s, QJsonArray { QJsonObject { { u"token"_s, u"x"_s } } } } }),
        ErrorKind::Input, u"SIM_STATE_INVALID"_s);
}

void TestSimTokens::paidUnionIdWithinFiveMinutes()
{
    Sim sim;
    const QString openid = u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s;
    const QString transactionId = paidOrder(sim, u"UNION00001"_s, openid);
    QVERIFY(!transactionId.isEmpty());
    sim.advance(299);
    const auto unionid = sim.engine.getPaidUnionId(tokenOf(sim), { openid, transactionId, {}, {} });
    WXPAY_VERIFY_OK(unionid);
    QCOMPARE(unionid.value(), SimEngine::unionIdFor(openid));
    QCOMPARE(unionid->size(), 28);
    sim.advance(1);
    WXPAY_VERIFY_OK(sim.engine.getPaidUnionId(tokenOf(sim), { openid, transactionId, {}, {} }));
    sim.advance(1);
    const auto late = sim.engine.getPaidUnionId(tokenOf(sim), { openid, transactionId, {}, {} });
    WXPAY_VERIFY_ERROR(late, ErrorKind::Business, u"89300"_s);
}

void TestSimTokens::paidUnionIdByMerchantOrderNumber()
{
    Sim sim;
    const QString openid = SimEngine::sandboxOpenid(cnMerchant().appid);
    QVERIFY(!paidOrder(sim, u"UNION00002"_s, QString()).isEmpty());
    const auto unionid = sim.engine.getPaidUnionId(tokenOf(sim), { openid, {}, u"1900000109"_s, u"UNION00002"_s });
    WXPAY_VERIFY_OK(unionid);
    QCOMPARE(unionid.value(), SimEngine::unionIdFor(openid));
    WXPAY_VERIFY_ERROR(sim.engine.getPaidUnionId(tokenOf(sim), { openid, {}, u"1900000109"_s, u"UNION99999"_s }),
        ErrorKind::Business, u"89300"_s);
    WXPAY_VERIFY_ERROR(sim.engine.getPaidUnionId(tokenOf(sim), { openid, {}, u"1900000209"_s, u"UNION00002"_s }),
        ErrorKind::Business, u"89300"_s);
}

void TestSimTokens::paidUnionIdRefusals()
{
    Sim sim;
    const QString openid = u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s;
    const QString transactionId = paidOrder(sim, u"UNION00003"_s, openid);
    const QString token = tokenOf(sim);
    const auto wrongOpenid
        = sim.engine.getPaidUnionId(token, { u"oSomeoneElse000000000000000"_s, transactionId, {}, {} });
    WXPAY_VERIFY_ERROR(wrongOpenid, ErrorKind::Business, u"40003"_s);
    WXPAY_VERIFY_ERROR(
        sim.engine.getPaidUnionId(token, { QString(), transactionId, {}, {} }), ErrorKind::Business, u"40003"_s);
    WXPAY_VERIFY_ERROR(sim.engine.getPaidUnionId(token, { openid, u"4200001000202405200000000999"_s, {}, {} }),
        ErrorKind::Business, u"89300"_s);
    WXPAY_VERIFY_ERROR(
        sim.engine.getPaidUnionId(u"1_forged"_s, { openid, transactionId, {}, {} }), ErrorKind::Business, u"40001"_s);
    WXPAY_VERIFY_ERROR(
        sim.engine.getPaidUnionId(QString(), { openid, transactionId, {}, {} }), ErrorKind::Business, u"41001"_s);
    // An unpaid order has no payer.
    QVERIFY(sim.engine.createNative(cnIds(), nativeRequest(u"UNION00004"_s, 100)).ok());
    WXPAY_VERIFY_ERROR(sim.engine.getPaidUnionId(token, { openid, {}, u"1900000109"_s, u"UNION00004"_s }),
        ErrorKind::Business, u"89300"_s);
    // Another app's token cannot look at this merchant's payment (the SP's mini-program).
    const auto spToken = sim.engine.issueAccessToken(spMerchant().miniAppid, spMerchant().miniAppSecret);
    WXPAY_VERIFY_OK(spToken);
    WXPAY_VERIFY_ERROR(
        sim.engine.getPaidUnionId(spToken->token, { openid, transactionId, {}, {} }), ErrorKind::Business, u"89300"_s);
    // A mini-program without an open-platform binding has no unionid at all.
    const auto hkToken = sim.engine.issueAccessToken(hkMerchant().miniAppid, hkMerchant().miniAppSecret);
    WXPAY_VERIFY_ERROR(
        sim.engine.getPaidUnionId(hkToken->token, { openid, transactionId, {}, {} }), ErrorKind::Business, u"89002"_s);
    // An expired token.
    sim.advance(7200);
    WXPAY_VERIFY_ERROR(
        sim.engine.getPaidUnionId(token, { openid, transactionId, {}, {} }), ErrorKind::Business, u"42001"_s);
}

void TestSimTokens::unionIdIsStablePerOpenid()
{
    const QString a = SimEngine::unionIdFor(u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s);
    QCOMPARE(SimEngine::unionIdFor(u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s), a);
    QVERIFY(SimEngine::unionIdFor(u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6p"_s) != a);
    QVERIFY(a.startsWith(u'o'));
    QVERIFY(SimEngine::sandboxOpenid(u"wxa"_s) != SimEngine::sandboxOpenid(u"wxb"_s));
    QCOMPARE(SimEngine::sandboxOpenid(u"wxa"_s), SimEngine::sandboxOpenid(u"wxa"_s));
}

QTEST_GUILESS_MAIN(TestSimTokens)
#include "tst_simtokens.moc"
