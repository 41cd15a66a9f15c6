// The mini-program server API (access tokens, getpaidunionid) from the real MiniProgramCodec over HttpTransport to
// the real SimServer, over HTTP and HTTPS; time moves with the ManualClock.
#include "integrationsupport.h"
#include "support/testsupport.h"

#include <QTest>

using namespace wxpay;
using namespace wxpay::integration;
using namespace wxpay::sim;
using namespace wxpay::protocol::miniprogram;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

class TestIntegrationMiniProgram : public QObject
{
    Q_OBJECT

private:
    SimHarness m_sim;
    std::unique_ptr<RawClient> m_plain;
    std::unique_ptr<RawClient> m_tls;
    std::optional<MiniProgramCodec> m_codec;

    const SimMerchant& merchant() const { return m_sim.merchant(ApiFamily::V3); }
    gateway::HttpTransport& transport()
    {
        QFETCH_GLOBAL(bool, tls);
        return *(tls ? m_tls : m_plain)->transport;
    }
    // One request through the transport and its reply through `parse`; an error when no reply came.
    template<typename Parse>
    auto exchange(const protocol::WireRequest& request, Parse parse) -> decltype(parse(protocol::WireResponse {}))
    {
        const auto reply = send(transport(), request);
        if (!reply)
            return Error::network(u"NO_REPLY"_s, u"no reply"_s);
        if (!reply->ok())
            return reply->error();
        return parse(reply->value());
    }
    Result<AccessToken> token(const QString& secret)
    {
        return exchange(m_codec->token(secret.toUtf8()), [this](const auto& r) { return m_codec->parseToken(r); });
    }
    Result<AccessToken> stableToken(bool forceRefresh)
    {
        return exchange(m_codec->stableToken(merchant().miniAppSecret.toUtf8(), forceRefresh),
            [this](const auto& r) { return m_codec->parseToken(r); });
    }
    Result<QString> paidUnionId(const QString& accessToken, const PaidUnionIdQuery& query)
    {
        auto request = m_codec->paidUnionId(accessToken, query);
        if (!request)
            return request.error();
        return exchange(*request, [this](const auto& r) { return m_codec->parsePaidUnionId(r); });
    }
    // A Native order of the merchant paid just now by the sandbox customer.
    Transaction paidOrder()
    {
        NativeOrderRequest request;
        request.outTradeNo = nextNo(u"MP"_s);
        request.description = u"unionid"_s;
        request.amount = amount(100, merchant().defaultCurrency());
        request.notifyUrl = u"https://localhost/notify"_s;
        request.clientIp = u"127.0.0.1"_s;
        if (!m_sim.engine.createNative(m_sim.ids(ApiFamily::V3), request))
            return {};
        const auto paid = m_sim.engine.customerPays(m_sim.ids(ApiFamily::V3), request.outTradeNo);
        return paid ? paid.value() : Transaction {};
    }

private Q_SLOTS:
    void initTestCase();
    void initTestCase_data();

    void accessToken();
    void accessTokenRefusals();
    void stableTokenIsReused();
    void paidUnionIdWithinFiveMinutes();
    void paidUnionIdRefusesAnotherOpenid();
    void supersededTokenIsStale();
    void expiredTokenIsStale();
};

void TestIntegrationMiniProgram::initTestCase()
{
    WXPAY_VERIFY_OK(m_sim.start({ ApiFamily::V3 }));
    auto plain = makeRawClient(m_sim, ApiFamily::V3, false);
    WXPAY_VERIFY_OK(plain);
    m_plain = std::move(plain).value();
    auto tls = makeRawClient(m_sim, ApiFamily::V3, true);
    WXPAY_VERIFY_OK(tls);
    m_tls = std::move(tls).value();
    m_codec.emplace(makeMiniProgramCodec(merchant(), m_sim.clock));
}

void TestIntegrationMiniProgram::initTestCase_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("http") << false;
    QTest::newRow("https") << true;
}

void TestIntegrationMiniProgram::accessToken()
{
    const auto first = token(merchant().miniAppSecret);
    WXPAY_VERIFY_OK(first);
    QVERIFY(!first->token.isEmpty());
    QCOMPARE(first->expiresAt, m_sim.clock.now().addSecs(7200));
    const auto second = token(merchant().miniAppSecret);
    WXPAY_VERIFY_OK(second);
    QVERIFY(second->token != first->token); // /cgi-bin/token issues a new one each time
}

void TestIntegrationMiniProgram::accessTokenRefusals()
{
    WXPAY_VERIFY_ERROR(token(u"not-the-secret"_s), ErrorKind::Business, QString::number(kInvalidCredential));
    const MiniProgramCodec stranger(u"wx00000000deadbeef"_s, m_sim.clock);
    const auto unknownApp = exchange(stranger.token(merchant().miniAppSecret.toUtf8()),
        [&stranger](const auto& r) { return stranger.parseToken(r); });
    WXPAY_VERIFY_ERROR(unknownApp, ErrorKind::Business, u"40013"_s);
}

void TestIntegrationMiniProgram::stableTokenIsReused()
{
    const auto first = stableToken(false);
    WXPAY_VERIFY_OK(first);
    const auto again = stableToken(false);
    WXPAY_VERIFY_OK(again);
    QCOMPARE(again->token, first->token);
    // /cgi-bin/token does not touch the stable token.
    WXPAY_VERIFY_OK(token(merchant().miniAppSecret));
    const auto still = stableToken(false);
    WXPAY_VERIFY_OK(still);
    QCOMPARE(still->token, first->token);
    // force_refresh issues a new one (at most once every 30 s).
    m_sim.advance(31s);
    const auto forced = stableToken(true);
    WXPAY_VERIFY_OK(forced);
    QVERIFY(forced->token != first->token);
    WXPAY_VERIFY_ERROR(stableToken(true), ErrorKind::Business, u"45011"_s);
}

void TestIntegrationMiniProgram::paidUnionIdWithinFiveMinutes()
{
    const auto accessToken = stableToken(false);
    WXPAY_VERIFY_OK(accessToken);
    const Transaction paid = paidOrder();
    QVERIFY(!paid.transactionId.isEmpty());
    QCOMPARE(paid.openid, SimEngine::sandboxOpenid(merchant().miniAppid));

    PaidUnionIdQuery byTransaction;
    byTransaction.openid = paid.openid;
    byTransaction.transactionId = paid.transactionId;
    const auto unionId = paidUnionId(accessToken->token, byTransaction);
    WXPAY_VERIFY_OK(unionId);
    QCOMPARE(unionId.value(), SimEngine::unionIdFor(paid.openid));

    PaidUnionIdQuery byOrder;
    byOrder.openid = paid.openid;
    byOrder.mchId = merchant().mchid;
    byOrder.outTradeNo = paid.outTradeNo;
    m_sim.advance(299s);
    const auto stillValid = paidUnionId(accessToken->token, byOrder);
    WXPAY_VERIFY_OK(stillValid);
    QCOMPARE(stillValid.value(), unionId.value());

    m_sim.advance(2s); // more than 5 minutes after payment
    WXPAY_VERIFY_ERROR(
        paidUnionId(accessToken->token, byTransaction), ErrorKind::Business, QString::number(kInvalidTrade));
}

void TestIntegrationMiniProgram::paidUnionIdRefusesAnotherOpenid()
{
    const auto accessToken = stableToken(false);
    WXPAY_VERIFY_OK(accessToken);
    const Transaction paid = paidOrder();
    QVERIFY(!paid.transactionId.isEmpty());
    PaidUnionIdQuery query;
    query.openid = SimEngine::sandboxOpenid(u"wx00000000deadbeef"_s);
    query.transactionId = paid.transactionId;
    const auto refused = paidUnionId(accessToken->token, query);
    WXPAY_VERIFY_ERROR(refused, ErrorKind::Business, QString::number(kInvalidOpenid));
    QVERIFY(!isStaleTokenError(refused.error()));
}

void TestIntegrationMiniProgram::supersededTokenIsStale()
{
    const auto old = token(merchant().miniAppSecret);
    WXPAY_VERIFY_OK(old);
    const Transaction paid = paidOrder();
    QVERIFY(!paid.transactionId.isEmpty());
    PaidUnionIdQuery query;
    query.openid = paid.openid;
    query.transactionId = paid.transactionId;

    const auto fresh = token(merchant().miniAppSecret);
    WXPAY_VERIFY_OK(fresh);
    // The previous token still works for 5 minutes after a new one was issued ...
    WXPAY_VERIFY_OK(paidUnionId(old->token, query));
    m_sim.advance(300s);
    // ... then it is stale: fetch a new token and retry once.
    const auto stale = paidUnionId(old->token, query);
    WXPAY_VERIFY_ERROR(stale, ErrorKind::Business, QString::number(kInvalidCredential));
    QVERIFY(isStaleTokenError(stale.error()));

    const Transaction again = paidOrder();
    query.transactionId = again.transactionId;
    WXPAY_VERIFY_OK(paidUnionId(fresh->token, query));
}

void TestIntegrationMiniProgram::expiredTokenIsStale()
{
    const auto issued = token(merchant().miniAppSecret);
    WXPAY_VERIFY_OK(issued);
    m_sim.advance(7200s);
    const Transaction paid = paidOrder();
    QVERIFY(!paid.transactionId.isEmpty());
    PaidUnionIdQuery query;
    query.openid = paid.openid;
    query.transactionId = paid.transactionId;
    const auto expired = paidUnionId(issued->token, query);
    WXPAY_VERIFY_ERROR(expired, ErrorKind::Business, QString::number(kAccessTokenExpired));
    QVERIFY(isStaleTokenError(expired.error()));
}

QTEST_GUILESS_MAIN(TestIntegrationMiniProgram)
#include "tst_integration_miniprogram.moc"
