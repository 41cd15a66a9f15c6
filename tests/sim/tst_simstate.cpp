#include "simtestutil.h"
#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace wxpay;
using namespace wxpay::sim;
using namespace wxpay::sim::test;

class TestSimState : public QObject
{
    Q_OBJECT

private:
    // A state with something of everything; `token` receives the access token it issued.
    static void populate(Sim& sim, QString* token = nullptr)
    {
        QVERIFY2(sim.engine.createNative(cnIds(), nativeRequest(u"STATE00001"_s, 1000)).ok(), "native");
        QVERIFY2(sim.engine.customerPays(cnIds(), u"STATE00001"_s).ok(), "pay");
        QVERIFY2(sim.engine.refund(cnIds(), refundRequest(u"STATE00001"_s, u"RFSTATE1"_s, 400, 1000)).ok(), "refund");
        QVERIFY2(sim.engine.createNative(hkIds(), nativeRequest(u"STATE00002"_s, 500, u"HKD"_s)).ok(), "hk");
        QVERIFY2(!sim.engine
                      .micropay(cnIds(),
                          micropayRequest(u"STATE00003"_s, 100, makeAuthCode(QuickPayScenario::PaysAfterQueries, 3, 1)))
                      .ok(),
            "micropay");
        for (int i = 0; i < 2; ++i)
            sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(u"STATE00003"_s)).value();
        QVERIFY2(
            !sim.engine
                 .micropay(spIds(),
                     micropayRequest(u"STATE00004"_s, 100, makeAuthCode(QuickPayScenario::SystemErrorNotCreated, 0, 2)))
                 .ok(),
            "not created");
        sim.engine.faults().add(FaultRule::parse(u"reverse:http500@2"_s).value());
        sim.engine.takeFault(Operation::Reverse);
        const auto issued = sim.engine.issueAccessToken(cnMerchant().miniAppid, cnMerchant().miniAppSecret);
        QVERIFY2(issued.ok(), "token");
        if (token)
            *token = issued->token;
    }

private Q_SLOTS:
    void roundTripKeepsEverything();
    void restoredStateCarriesOn();
    void refusesBrokenState_data();
    void refusesBrokenState();
    void settingsRoundTrip();
    void merchantJsonRoundTrip();
    void refusesBrokenMerchants_data();
    void refusesBrokenMerchants();
};

void TestSimState::roundTripKeepsEverything()
{
    Sim sim;
    populate(sim);
    const QJsonObject state = sim.engine.toJson();
    const QByteArray file = QJsonDocument(state).toJson(QJsonDocument::Compact);

    Sim restored;
    WXPAY_VERIFY_OK(restored.engine.fromJson(QJsonDocument::fromJson(file).object()));
    QCOMPARE(restored.engine.toJson(), state);
    QCOMPARE(restored.engine.merchants().size(), 3);
    QCOMPARE(restored.engine.faults().rules().constFirst().remaining, 1);

    const auto before = sim.engine.ledger();
    const auto after = restored.engine.ledger();
    QCOMPARE(after.size(), before.size());
    QCOMPARE(after.size(), 3);
    for (qsizetype i = 0; i < before.size(); ++i) {
        QCOMPARE(after.at(i).outTradeNo, before.at(i).outTradeNo);
        QCOMPARE(after.at(i).transactionId, before.at(i).transactionId);
        QCOMPARE(after.at(i).state, before.at(i).state);
        QCOMPARE(after.at(i).total, before.at(i).total);
        QCOMPARE(after.at(i).charged, before.at(i).charged);
        QCOMPARE(after.at(i).refundPending, before.at(i).refundPending);
        QCOMPARE(after.at(i).createTime, before.at(i).createTime);
        QCOMPARE(after.at(i).successTime, before.at(i).successTime);
        QCOMPARE(after.at(i).refundCount, before.at(i).refundCount);
    }
}

void TestSimState::restoredStateCarriesOn()
{
    Sim sim;
    QString token;
    populate(sim, &token);
    Sim restored;
    WXPAY_VERIFY_OK(restored.engine.fromJson(sim.engine.toJson()));

    // The Quick Pay order had two of its three USERPAYING queries.
    auto query = [&] { return restored.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(u"STATE00003"_s))->state; };
    QCOMPARE(query(), TradeState::UserPaying);
    QCOMPARE(query(), TradeState::Success);
    // The refund finishes on time.
    restored.advance(5);
    QCOMPARE(
        restored.engine.queryRefunds(cnIds(), { {}, u"RFSTATE1"_s, {} })->constFirst().status, RefundStatus::Success);
    // Used codes stay used, even the one whose order was never created.
    SIM_VERIFY_BUSINESS(
        restored.engine.micropay(cnIds(),
            micropayRequest(u"STATE00005"_s, 100, makeAuthCode(QuickPayScenario::SystemErrorNotCreated, 0, 2))),
        u"AUTH_CODE_INVALID"_s);
    // Ids keep counting: no transaction id is handed out twice.
    QSet<QString> ids;
    for (const LedgerEntry& e : restored.engine.ledger()) {
        if (!e.transactionId.isEmpty())
            ids.insert(e.transactionId);
    }
    QCOMPARE(ids.size(), 2);
    WXPAY_VERIFY_OK(restored.engine.customerPays(hkIds(), u"STATE00002"_s));
    for (const LedgerEntry& e : restored.engine.ledger()) {
        if (!e.transactionId.isEmpty())
            ids.insert(e.transactionId);
    }
    QCOMPARE(ids.size(), 3);
    // The access token is still valid, and so is the payer's unionid window.
    const LedgerEntry paid = restored.engine.ledger().constFirst();
    const auto unionid = restored.engine.getPaidUnionId(token, { paid.payerOpenid, paid.transactionId, {}, {} });
    WXPAY_VERIFY_OK(unionid);
    // The fault plan's last use.
    QCOMPARE(restored.engine.takeFault(Operation::Reverse)->kind, FaultKind::Http500);
    QVERIFY(!restored.engine.takeFault(Operation::Reverse));
}

void TestSimState::refusesBrokenState_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("version") << u"version"_s;
    QTest::newRow("unknown merchant") << u"merchant"_s;
    QTest::newRow("duplicate order") << u"duplicate"_s;
    QTest::newRow("bad amount") << u"amount"_s;
    QTest::newRow("bad fault") << u"fault"_s;
    QTest::newRow("bad settings") << u"settings"_s;
}

void TestSimState::refusesBrokenState()
{
    QFETCH(QString, what);
    Sim sim;
    populate(sim);
    QJsonObject state = sim.engine.toJson();
    QJsonArray orders = state.value(u"orders"_s).toArray();
    QJsonObject first = orders.at(0).toObject();
    if (what == u"version") {
        state.insert(u"version"_s, 99);
    } else if (what == u"merchant") {
        first.insert(u"mchid"_s, u"1234"_s);
        orders.replace(0, first);
    } else if (what == u"duplicate") {
        orders.append(first);
    } else if (what == u"amount") {
        first.insert(u"total"_s, QJsonObject { { u"amount"_s, -5 }, { u"currency"_s, u"CNY"_s } });
        orders.replace(0, first);
    } else if (what == u"fault") {
        state.insert(u"faults"_s, QJsonArray { u"reverse:explode"_s });
    } else {
        state.insert(u"settings"_s, QJsonObject { { u"refund_delay_s"_s, -1 } });
    }
    state.insert(u"orders"_s, orders);

    Sim target;
    WXPAY_VERIFY_OK(target.engine.createNative(cnIds(), nativeRequest(u"KEEPME0001"_s, 1)));
    const QJsonObject before = target.engine.toJson();
    const Status status = target.engine.fromJson(state);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().kind, ErrorKind::Input);
    QCOMPARE(target.engine.toJson(), before); // nothing changed
}

void TestSimState::settingsRoundTrip()
{
    SimSettings settings;
    settings.nativeExpiry = std::chrono::seconds(600);
    settings.refundDelay = std::chrono::seconds(0);
    settings.maxRefundsPerOrder = 3;
    settings.feeRateBasisPoints = 38;
    settings.billsImmediately = true;
    const auto restored = SimSettings::fromJson(settings.toJson());
    WXPAY_VERIFY_OK(restored);
    QCOMPARE(restored->toJson(), settings.toJson());
    QCOMPARE(restored->nativeExpiry.count(), 600);
    QCOMPARE(restored->maxRefundsPerOrder, 3);
    QVERIFY(restored->billsImmediately);
    // Missing values take the defaults.
    QCOMPARE(SimSettings::fromJson({})->toJson(), SimSettings().toJson());

    // The settings drive the engine.
    Sim sim(restored.value());
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"SHORT00001"_s, 10)));
    sim.advance(600);
    QCOMPARE(sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(u"SHORT00001"_s))->state, TradeState::Closed);
}

void TestSimState::merchantJsonRoundTrip()
{
    const SimMerchant sp = spMerchant();
    const QJsonObject json = sp.toJson();
    QCOMPARE(json.value(u"sub_mchid"_s).toString(), u"1900000310"_s);
    QCOMPARE(json.value(u"families"_s).toArray(), QJsonArray { u"v3"_s });
    const auto restored = SimMerchant::fromJson(json);
    WXPAY_VERIFY_OK(restored);
    QCOMPARE(restored->toJson(), json);
    QCOMPARE(restored->subAppid, sp.subAppid);
    QCOMPARE(restored->payAppid(), u"wx0000000000000310"_s);
    QCOMPARE(restored->apiV3Key, sp.apiV3Key);
    QVERIFY(restored->isServiceProvider());

    const auto hk = SimMerchant::fromJson(hkMerchant().toJson());
    QCOMPARE(hk->region, Region::HK);
    QCOMPARE(hk->defaultCurrency(), u"HKD"_s);
    QVERIFY(!hk->openPlatformBound);

    MerchantSet set;
    set.merchants = { cnMerchant(), hkMerchant() };
    const auto restoredSet = MerchantSet::fromJson(set.toJson());
    WXPAY_VERIFY_OK(restoredSet);
    QCOMPARE(restoredSet->merchants.size(), 2);
    QVERIFY(!restoredSet->authority);
}

void TestSimState::refusesBrokenMerchants_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("region") << u"region"_s << QJsonValue(u"EU"_s);
    QTest::newRow("family") << u"families"_s << QJsonValue(QJsonArray { u"v4"_s });
    QTest::newRow("no family") << u"families"_s << QJsonValue(QJsonArray());
    QTest::newRow("short v2 key") << u"api_v2_key"_s << QJsonValue(u"short"_s);
    QTest::newRow("mchid letters") << u"mchid"_s << QJsonValue(u"19000x"_s);
    QTest::newRow("no appid") << u"appid"_s << QJsonValue(QString());
    QTest::newRow("bad key PEM") << u"merchant_key"_s << QJsonValue(u"-----BEGIN PRIVATE KEY-----\nxx\n"_s);
    QTest::newRow("bad certificate PEM") << u"platform_certificate"_s << QJsonValue(u"not a certificate"_s);
    QTest::newRow("public key id without key") << u"public_key_id"_s << QJsonValue(u"PUB_KEY_ID_0123"_s);
    QTest::newRow("mini-program without secret") << u"mini_app_secret"_s << QJsonValue(QString());
}

void TestSimState::refusesBrokenMerchants()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject json = cnMerchant().toJson();
    json.insert(field, value);
    WXPAY_VERIFY_ERROR(SimMerchant::fromJson(json), ErrorKind::Input, u"SIM_MERCHANT_INVALID"_s);
}

QTEST_GUILESS_MAIN(TestSimState)
#include "tst_simstate.moc"
