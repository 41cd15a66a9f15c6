#include "simtestutil.h"
#include "support/testsupport.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace wxpay;
using namespace wxpay::sim;
using namespace wxpay::sim::test;

// Every Quick Pay scenario's life: micropay -> queries -> reverse, with the exact number of queries.
class TestSimQuickPay : public QObject
{
    Q_OBJECT

private:
    static TradeState stateOf(Sim& sim, const QString& outTradeNo)
    {
        const auto t = sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(outTradeNo));
        return t ? t->state : TradeState::Unknown;
    }
    static LedgerEntry ledgerOf(Sim& sim, const QString& outTradeNo)
    {
        for (const LedgerEntry& e : sim.engine.ledger()) {
            if (e.outTradeNo == outTradeNo)
                return e;
        }
        return {};
    }

private Q_SLOTS:
    void successPaysAtOnce();
    void paysAfterExactlyNQueries_data();
    void paysAfterExactlyNQueries();
    void failsAfterNQueries();
    void payingForeverRefusesReverseThenAutoRevokes();
    void payingForeverReversibleIsRevokedAtOnce();
    void systemErrorAndBankErrorTookTheMoney_data();
    void systemErrorAndBankErrorTookTheMoney();
    void systemErrorNotCreated();
    void definiteFailures_data();
    void definiteFailures();
    void reverseAnswersRecallThenSucceeds_data();
    void reverseAnswersRecallThenSucceeds();
    void paysAfterSeconds();
    void paysAfterSecondsTooLateIsRevoked();
    void passwordRuleAboveThousandYuan();
    void authCodePaysOnlyOnce();
    void invalidAuthCodeCreatesNothing();
    void reverseOfPaidOrderReturnsMoney();
    void reverseLimits();
    void outTradeNoSharedWithNative();
    void nonFinalAnswersThenDecided_data();
    void nonFinalAnswersThenDecided();
    void nonFinalOrdersAreReversedNotClosed();
    void orderNotExistHidesAtMostThirtySeconds();
    void orderNotExistThenPaid_data();
    void orderNotExistThenPaid();
    void reverseWindowPerFamily_data();
    void reverseWindowPerFamily();
    void reverseWindowSettings();
};

void TestSimQuickPay::successPaysAtOnce()
{
    Sim sim;
    const auto paid
        = sim.engine.micropay(cnIds(), micropayRequest(u"QP0000001"_s, 1, makeAuthCode(QuickPayScenario::Success)));
    WXPAY_VERIFY_OK(paid);
    QCOMPARE(paid->state, TradeState::Success);
    QCOMPARE(paid->tradeType, u"MICROPAY"_s);
    QVERIFY(QRegularExpression(u"^4200\\d{24}$"_s).match(paid->transactionId).hasMatch());
    QCOMPARE(paid->openid, SimEngine::sandboxOpenid(cnMerchant().appid));
    QCOMPARE(paid->successTime, startTime());
    QCOMPARE(paid->payerTotal.value(), money(1));

    // Found by either id; once paid it stays paid.
    const auto byId = sim.engine.queryOrder(cnIds(), OrderRef::byTransactionId(paid->transactionId));
    WXPAY_VERIFY_OK(byId);
    QCOMPARE(byId->outTradeNo, u"QP0000001"_s);
    QCOMPARE(byId->state, TradeState::Success);
    const LedgerEntry entry = ledgerOf(sim, u"QP0000001"_s);
    QCOMPARE(entry.charged, money(1));
    QCOMPARE(entry.reversed, money(0));
}

void TestSimQuickPay::paysAfterExactlyNQueries_data()
{
    QTest::addColumn<int>("n");
    QTest::newRow("N=0") << 0;
    QTest::newRow("N=1") << 1;
    QTest::newRow("N=3") << 3;
    QTest::newRow("N=7") << 7;
}

void TestSimQuickPay::paysAfterExactlyNQueries()
{
    QFETCH(int, n);
    Sim sim;
    const QString no = u"QP0000002"_s;
    const auto reply
        = sim.engine.micropay(cnIds(), micropayRequest(no, 100, makeAuthCode(QuickPayScenario::PaysAfterQueries, n)));
    SIM_VERIFY_BUSINESS(reply, u"USERPAYING"_s);
    QCOMPARE(reply.error().message, u"需要用户输入支付密码"_s);

    // Reverse while paying is refused and does not count as a query.
    const auto early = sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(no));
    SIM_VERIFY_BUSINESS(early, u"USERPAYING"_s);
    QVERIFY(SimEngine::shouldRecall(early.error()));

    int queries = 0;
    TradeState state = TradeState::UserPaying;
    while (state == TradeState::UserPaying && queries < 50) {
        sim.advance(2); // well inside the 45 s auto-revoke window for N < 20
        state = stateOf(sim, no);
        ++queries;
    }
    QCOMPARE(state, TradeState::Success);
    QCOMPARE(queries, n + 1);
    QCOMPARE(stateOf(sim, no), TradeState::Success);
    QCOMPARE(ledgerOf(sim, no).successTime, startTime().addSecs(2 * (n + 1)));
}

void TestSimQuickPay::failsAfterNQueries()
{
    Sim sim;
    const QString no = u"QP0000003"_s;
    SIM_VERIFY_BUSINESS(
        sim.engine.micropay(cnIds(), micropayRequest(no, 100, makeAuthCode(QuickPayScenario::FailsAfterQueries, 2))),
        u"USERPAYING"_s);
    QCOMPARE(stateOf(sim, no), TradeState::UserPaying);
    QCOMPARE(stateOf(sim, no), TradeState::UserPaying);
    const auto failed = sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(no));
    QCOMPARE(failed->state, TradeState::PayError);
    QVERIFY(failed->transactionId.isEmpty());
    QVERIFY(!failed->stateDescription.isEmpty());
    // A failed payment can be reversed (nothing to give back).
    WXPAY_VERIFY_OK(sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(no)));
    QCOMPARE(stateOf(sim, no), TradeState::Revoked);
    const LedgerEntry entry = ledgerOf(sim, no);
    QCOMPARE(entry.charged, money(0));
    QCOMPARE(entry.reversed, money(0));
}

void TestSimQuickPay::payingForeverRefusesReverseThenAutoRevokes()
{
    Sim sim;
    const QString no = u"QP0000004"_s;
    SIM_VERIFY_BUSINESS(
        sim.engine.micropay(cnIds(), micropayRequest(no, 100, makeAuthCode(QuickPayScenario::PayingForever))),
        u"USERPAYING"_s);
    // The client's schedule: 3, 5, 10, 15 s — always paying.
    for (int wait : { 3, 5, 10, 15 }) {
        sim.advance(wait);
        QCOMPARE(stateOf(sim, no), TradeState::UserPaying);
    }
    sim.advance(5); // t = 38 s
    const auto refused = sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(no));
    SIM_VERIFY_BUSINESS(refused, u"USERPAYING"_s);
    QCOMPARE(refused.error().message, u"正在支付中不能发起撤销"_s);
    sim.clock.set(startTime().addMSecs(44999));
    QCOMPARE(stateOf(sim, no), TradeState::UserPaying);
    sim.clock.set(startTime().addSecs(45));
    const auto revoked = sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(no));
    QCOMPARE(revoked->state, TradeState::Revoked);
    // Reversing a revoked order succeeds again (the client's retry is harmless).
    const auto reversed = sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(no));
    WXPAY_VERIFY_OK(reversed);
    QVERIFY(!reversed->recall);
    QCOMPARE(ledgerOf(sim, no).charged, money(0));
    // The customer can no longer pay it.
    SIM_VERIFY_BUSINESS(sim.engine.customerPays(cnIds(), no), u"ORDERREVERSED"_s);
}

void TestSimQuickPay::payingForeverReversibleIsRevokedAtOnce()
{
    Sim sim;
    const QString no = u"QP0000005"_s;
    SIM_VERIFY_BUSINESS(
        sim.engine.micropay(cnIds(), micropayRequest(no, 100, makeAuthCode(QuickPayScenario::PayingForeverReversible))),
        u"USERPAYING"_s);
    sim.advance(5);
    QCOMPARE(stateOf(sim, no), TradeState::UserPaying);
    sim.advance(10);
    WXPAY_VERIFY_OK(sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(no)));
    QCOMPARE(stateOf(sim, no), TradeState::Revoked);
    sim.advance(60);
    QCOMPARE(stateOf(sim, no), TradeState::Revoked);
    QCOMPARE(ledgerOf(sim, no).charged, money(0));
}

void TestSimQuickPay::systemErrorAndBankErrorTookTheMoney_data()
{
    QTest::addColumn<QString>("authCode");
    QTest::addColumn<QString>("code");
    QTest::newRow("SYSTEMERROR") << makeAuthCode(QuickPayScenario::SystemErrorPaid) << u"SYSTEMERROR"_s;
    QTest::newRow("BANKERROR") << makeAuthCode(QuickPayScenario::BankErrorPaid) << u"BANKERROR"_s;
}

void TestSimQuickPay::systemErrorAndBankErrorTookTheMoney()
{
    QFETCH(QString, authCode);
    QFETCH(QString, code);
    Sim sim;
    const QString no = u"QP0000006"_s;
    SIM_VERIFY_BUSINESS(sim.engine.micropay(cnIds(), micropayRequest(no, 250, authCode)), code);
    sim.advance(5);
    const auto query = sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(no));
    WXPAY_VERIFY_OK(query);
    QCOMPARE(query->state, TradeState::Success);
    QVERIFY(!query->transactionId.isEmpty());
    QCOMPARE(ledgerOf(sim, no).charged, money(250));
    // A retry of the same request does not charge again.
    SIM_VERIFY_BUSINESS(sim.engine.micropay(cnIds(), micropayRequest(no, 250, authCode)), u"ORDERPAID"_s);
    QCOMPARE(sim.engine.ledger().size(), 1);
}

void TestSimQuickPay::systemErrorNotCreated()
{
    Sim sim;
    const QString no = u"QP0000007"_s;
    const QString code = makeAuthCode(QuickPayScenario::SystemErrorNotCreated);
    SIM_VERIFY_BUSINESS(sim.engine.micropay(cnIds(), micropayRequest(no, 100, code)), u"SYSTEMERROR"_s);
    sim.advance(5);
    SIM_VERIFY_BUSINESS(sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(no)), u"ORDERNOTEXIST"_s);
    SIM_VERIFY_BUSINESS(sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(no)), u"ORDERNOTEXIST"_s);
    // The identical retry meets the same outcome; the code still belongs to this order.
    SIM_VERIFY_BUSINESS(sim.engine.micropay(cnIds(), micropayRequest(no, 100, code)), u"SYSTEMERROR"_s);
    SIM_VERIFY_BUSINESS(
        sim.engine.micropay(cnIds(), micropayRequest(u"QP0000008"_s, 100, code)), u"AUTH_CODE_INVALID"_s);
    QVERIFY(sim.engine.ledger().isEmpty());
}

void TestSimQuickPay::definiteFailures_data()
{
    QTest::addColumn<QString>("authCode");
    QTest::addColumn<QString>("code");
    QTest::newRow("AUTHCODEEXPIRE") << makeAuthCode(QuickPayScenario::AuthCodeExpired) << u"AUTHCODEEXPIRE"_s;
    QTest::newRow("NOTENOUGH") << makeAuthCode(QuickPayScenario::NotEnough) << u"NOTENOUGH"_s;
}

void TestSimQuickPay::definiteFailures()
{
    QFETCH(QString, authCode);
    QFETCH(QString, code);
    Sim sim;
    const QString no = u"QP0000009"_s;
    SIM_VERIFY_BUSINESS(sim.engine.micropay(cnIds(), micropayRequest(no, 100, authCode)), code);
    QCOMPARE(stateOf(sim, no), TradeState::PayError);
    SIM_VERIFY_BUSINESS(sim.engine.micropay(cnIds(), micropayRequest(no, 100, authCode)), code);
    sim.advance(60);
    QCOMPARE(stateOf(sim, no), TradeState::PayError); // not auto-revoked: it was never paying
    QCOMPARE(ledgerOf(sim, no).charged, money(0));
    SIM_VERIFY_BUSINESS(sim.engine.refund(cnIds(), refundRequest(no, u"R1"_s, 100, 100)), u"ORDERNOTEXIST"_s);
}

void TestSimQuickPay::reverseAnswersRecallThenSucceeds_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("recalls");
    QTest::newRow("N=0 means once") << 0 << 1;
    QTest::newRow("once") << 1 << 1;
    QTest::newRow("three times") << 3 << 3;
}

void TestSimQuickPay::reverseAnswersRecallThenSucceeds()
{
    QFETCH(int, n);
    QFETCH(int, recalls);
    Sim sim;
    const QString no = u"QP0000010"_s;
    SIM_VERIFY_BUSINESS(
        sim.engine.micropay(cnIds(), micropayRequest(no, 100, makeAuthCode(QuickPayScenario::ReverseRecall, n))),
        u"USERPAYING"_s);
    QCOMPARE(stateOf(sim, no), TradeState::UserPaying);
    int calls = 0;
    for (;;) {
        sim.advance(1);
        const auto reversed = sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(no));
        ++calls;
        if (reversed.ok()) {
            QVERIFY(!reversed->recall);
            break;
        }
        SIM_VERIFY_BUSINESS(reversed, u"SYSTEMERROR"_s);
        QVERIFY(SimEngine::shouldRecall(reversed.error()));
        QVERIFY(calls <= 10);
    }
    QCOMPARE(calls, recalls + 1);
    QCOMPARE(stateOf(sim, no), TradeState::Revoked);
}

void TestSimQuickPay::paysAfterSeconds()
{
    Sim sim;
    const QString no = u"QP0000011"_s;
    SIM_VERIFY_BUSINESS(
        sim.engine.micropay(cnIds(), micropayRequest(no, 100, makeAuthCode(QuickPayScenario::PaysAfterSeconds, 20))),
        u"USERPAYING"_s);
    sim.advance(19);
    QCOMPARE(stateOf(sim, no), TradeState::UserPaying);
    sim.advance(30); // observed late: paid at 20 s, not at 49 s, and not auto-revoked
    const auto paid = sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(no));
    QCOMPARE(paid->state, TradeState::Success);
    QCOMPARE(paid->successTime, startTime().addSecs(20));
}

void TestSimQuickPay::paysAfterSecondsTooLateIsRevoked()
{
    Sim sim;
    const QString no = u"QP0000012"_s;
    SIM_VERIFY_BUSINESS(
        sim.engine.micropay(cnIds(), micropayRequest(no, 100, makeAuthCode(QuickPayScenario::PaysAfterSeconds, 50))),
        u"USERPAYING"_s);
    sim.advance(60);
    QCOMPARE(stateOf(sim, no), TradeState::Revoked);
    QCOMPARE(ledgerOf(sim, no).charged, money(0));
}

void TestSimQuickPay::passwordRuleAboveThousandYuan()
{
    Sim sim;
    SIM_VERIFY_BUSINESS(sim.engine.micropay(cnIds(),
                            micropayRequest(u"QP0000013"_s, 100001, makeAuthCode(QuickPayScenario::Success, 0, 1))),
        u"USERPAYING"_s);
    WXPAY_VERIFY_OK(sim.engine.micropay(
        cnIds(), micropayRequest(u"QP0000014"_s, 100000, makeAuthCode(QuickPayScenario::Success, 0, 2))));
    sim.advance(10);
    QCOMPARE(stateOf(sim, u"QP0000013"_s), TradeState::Success);
}

void TestSimQuickPay::authCodePaysOnlyOnce()
{
    Sim sim;
    const QString code = makeAuthCode(QuickPayScenario::Success, 0, 77);
    WXPAY_VERIFY_OK(sim.engine.micropay(cnIds(), micropayRequest(u"QP0000015"_s, 100, code)));
    const auto second = sim.engine.micropay(cnIds(), micropayRequest(u"QP0000016"_s, 100, code));
    SIM_VERIFY_BUSINESS(second, u"AUTH_CODE_INVALID"_s);
    QCOMPARE(second.error().message, u"101 每个二维码仅限使用一次,请刷新再试"_s);
    // Also across merchants.
    SIM_VERIFY_BUSINESS(
        sim.engine.micropay(spIds(), micropayRequest(u"QP0000016"_s, 100, code)), u"AUTH_CODE_INVALID"_s);
    // The same request again is the same order, already paid: no second charge.
    SIM_VERIFY_BUSINESS(sim.engine.micropay(cnIds(), micropayRequest(u"QP0000015"_s, 100, code)), u"ORDERPAID"_s);
    // Same out_trade_no, other amount: a conflict.
    SIM_VERIFY_BUSINESS(sim.engine.micropay(cnIds(),
                            micropayRequest(u"QP0000015"_s, 200, makeAuthCode(QuickPayScenario::Success, 0, 78))),
        u"INVALID_REQUEST"_s);
    QCOMPARE(sim.engine.ledger().size(), 1);
    QCOMPARE(sim.engine.ledger().constFirst().charged, money(100));
}

void TestSimQuickPay::invalidAuthCodeCreatesNothing()
{
    Sim sim;
    SIM_VERIFY_BUSINESS(sim.engine.micropay(cnIds(), micropayRequest(u"QP0000017"_s, 100, u"990000000000000001"_s)),
        u"AUTH_CODE_INVALID"_s);
    SIM_VERIFY_BUSINESS(sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(u"QP0000017"_s)), u"ORDERNOTEXIST"_s);
    const auto badNo
        = sim.engine.micropay(cnIds(), micropayRequest(u"QP1"_s, 100, makeAuthCode(QuickPayScenario::Success)));
    SIM_VERIFY_BUSINESS(badNo, u"PARAM_ERROR"_s);
    QCOMPARE(badNo.error().detail, u"out_trade_no"_s);
    QVERIFY(sim.engine.ledger().isEmpty());
}

void TestSimQuickPay::reverseOfPaidOrderReturnsMoney()
{
    Sim sim;
    const QString no = u"QP0000018"_s;
    WXPAY_VERIFY_OK(
        sim.engine.micropay(cnIds(), micropayRequest(no, 990, makeAuthCode(QuickPayScenario::Success, 0, 3))));
    sim.advance(15);
    WXPAY_VERIFY_OK(sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(no)));
    const auto query = sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(no));
    QCOMPARE(query->state, TradeState::Revoked);
    QVERIFY(!query->transactionId.isEmpty());
    const LedgerEntry entry = ledgerOf(sim, no);
    QCOMPARE(entry.charged, money(990));
    QCOMPARE(entry.reversed, money(990));
    SIM_VERIFY_BUSINESS(sim.engine.refund(cnIds(), refundRequest(no, u"R1"_s, 10, 990)), u"INVALID_REQUEST"_s);
}

void TestSimQuickPay::reverseLimits()
{
    Sim sim;
    const QString no = u"QP0000019"_s;
    WXPAY_VERIFY_OK(
        sim.engine.micropay(cnIds(), micropayRequest(no, 500, makeAuthCode(QuickPayScenario::Success, 0, 4))));
    // A refunded order cannot be reversed.
    WXPAY_VERIFY_OK(sim.engine.refund(cnIds(), refundRequest(no, u"R19"_s, 100, 500)));
    SIM_VERIFY_BUSINESS(sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(no)), u"INVALID_REQUEST"_s);
    // Seven days.
    const QString late = u"QP0000020"_s;
    WXPAY_VERIFY_OK(
        sim.engine.micropay(cnIds(), micropayRequest(late, 500, makeAuthCode(QuickPayScenario::Success, 0, 5))));
    sim.clock.set(startTime().addDays(7));
    WXPAY_VERIFY_OK(sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(late)));
    const QString later = u"QP0000021"_s;
    WXPAY_VERIFY_OK(
        sim.engine.micropay(cnIds(), micropayRequest(later, 500, makeAuthCode(QuickPayScenario::Success, 0, 6))));
    sim.advance(7 * 86400 + 1);
    SIM_VERIFY_BUSINESS(sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(later)), u"REVERSE_EXPIRE"_s);
    // Unknown orders and other merchants' orders.
    SIM_VERIFY_BUSINESS(sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(u"NOSUCHORDER"_s)), u"ORDERNOTEXIST"_s);
    SIM_VERIFY_BUSINESS(sim.engine.reverse(spIds(), OrderRef::byOutTradeNo(later)), u"ORDERNOTEXIST"_s);
}

void TestSimQuickPay::outTradeNoSharedWithNative()
{
    Sim sim;
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"SHARED0001"_s, 100)));
    SIM_VERIFY_BUSINESS(
        sim.engine.micropay(cnIds(), micropayRequest(u"SHARED0001"_s, 100, makeAuthCode(QuickPayScenario::Success))),
        u"OUT_TRADE_NO_USED"_s);
    SIM_VERIFY_BUSINESS(sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(u"SHARED0001"_s)), u"INVALID_REQUEST"_s);
    WXPAY_VERIFY_OK(
        sim.engine.micropay(cnIds(), micropayRequest(u"SHARED0002"_s, 100, makeAuthCode(QuickPayScenario::Success))));
    SIM_VERIFY_BUSINESS(sim.engine.createNative(cnIds(), nativeRequest(u"SHARED0002"_s, 100)), u"OUT_TRADE_NO_USED"_s);
}

void TestSimQuickPay::nonFinalAnswersThenDecided_data()
{
    QTest::addColumn<QuickPayScenario>("scenario");
    QTest::addColumn<int>("n");
    QTest::addColumn<TradeState>("waiting");
    QTest::addColumn<TradeState>("final");
    QTest::addColumn<qint64>("charged");
    QTest::newRow("12 ACCEPT, paid at once (N=0)")
        << QuickPayScenario::AcceptPaysAfterQueries << 0 << TradeState::Accept << TradeState::Success << qint64(700);
    QTest::newRow("12 ACCEPT, paid after 4")
        << QuickPayScenario::AcceptPaysAfterQueries << 4 << TradeState::Accept << TradeState::Success << qint64(700);
    QTest::newRow("13 NOTPAY, paid after 3")
        << QuickPayScenario::NotPayPaysAfterQueries << 3 << TradeState::NotPay << TradeState::Success << qint64(700);
    QTest::newRow("14 ACCEPT, fails after 2")
        << QuickPayScenario::AcceptFailsAfterQueries << 2 << TradeState::Accept << TradeState::PayError << qint64(0);
}

void TestSimQuickPay::nonFinalAnswersThenDecided()
{
    QFETCH(QuickPayScenario, scenario);
    QFETCH(int, n);
    QFETCH(TradeState, waiting);
    QFETCH(TradeState, final);
    QFETCH(qint64, charged);
    Sim sim;
    const QString no = u"QPNONFINAL1"_s;
    const QString code = makeAuthCode(scenario, n, 41);

    // A success reply whose state is not final: the engine hands out the order as it is.
    const auto reply = sim.engine.micropay(cnIds(), micropayRequest(no, 700, code));
    WXPAY_VERIFY_OK(reply);
    QCOMPARE(reply->state, waiting);
    QVERIFY(reply->transactionId.isEmpty());
    QVERIFY(!reply->successTime.isValid());
    QVERIFY(!reply->stateDescription.isEmpty());
    // The same request again is the same order, in the same state, and does not count as a query.
    const auto again = sim.engine.micropay(cnIds(), micropayRequest(no, 700, code));
    WXPAY_VERIFY_OK(again);
    QCOMPARE(again->state, waiting);

    for (int i = 0; i < n; ++i) {
        sim.advance(20); // past the 45 s of the USERPAYING auto-revoke: these orders are not revoked
        QCOMPARE(stateOf(sim, no), waiting);
        QCOMPARE(ledgerOf(sim, no).charged, money(0));
    }
    sim.advance(20);
    QCOMPARE(stateOf(sim, no), final);
    QCOMPARE(stateOf(sim, no), final); // and stays so
    const LedgerEntry entry = ledgerOf(sim, no);
    QCOMPARE(entry.state, final);
    QCOMPARE(entry.charged, money(charged));
    QCOMPARE(entry.reversed, money(0));
    if (final == TradeState::Success)
        QCOMPARE(entry.successTime, startTime().addSecs(20 * (n + 1)));
    else
        QVERIFY(!entry.successTime.isValid());
}

void TestSimQuickPay::nonFinalOrdersAreReversedNotClosed()
{
    Sim sim;
    const QString accepted = u"QPNONFINAL2"_s;
    const auto reply = sim.engine.micropay(
        cnIds(), micropayRequest(accepted, 300, makeAuthCode(QuickPayScenario::AcceptPaysAfterQueries, 5, 42)));
    QCOMPARE(reply->state, TradeState::Accept);
    QCOMPARE(stateOf(sim, accepted), TradeState::Accept);
    sim.advance(15);
    WXPAY_VERIFY_OK(sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(accepted)));
    // Reversed before it was decided: no query makes it paid any more.
    for (int i = 0; i < 7; ++i)
        QCOMPARE(stateOf(sim, accepted), TradeState::Revoked);
    QCOMPARE(ledgerOf(sim, accepted).charged, money(0));
    QCOMPARE(ledgerOf(sim, accepted).reversed, money(0));

    const QString notPaid = u"QPNONFINAL3"_s;
    const auto notPay = sim.engine.micropay(
        cnIds(), micropayRequest(notPaid, 300, makeAuthCode(QuickPayScenario::NotPayPaysAfterQueries, 2, 43)));
    QCOMPARE(notPay->state, TradeState::NotPay);
    // Quick Pay is reversed, not closed: a NOTPAY code-pay order refuses close and stays as it was.
    SIM_VERIFY_BUSINESS(sim.engine.closeOrder(cnIds(), OrderRef::byOutTradeNo(notPaid)), u"TRADE_STATE_ERROR"_s);
    SIM_VERIFY_BUSINESS(sim.engine.refund(cnIds(), refundRequest(notPaid, u"RNF3"_s, 100, 300)), u"ORDERNOTEXIST"_s);
    QCOMPARE(stateOf(sim, notPaid), TradeState::NotPay);
    QCOMPARE(stateOf(sim, notPaid), TradeState::NotPay);
    QCOMPARE(stateOf(sim, notPaid), TradeState::Success);
    QCOMPARE(ledgerOf(sim, notPaid).charged, money(300));
}

void TestSimQuickPay::orderNotExistHidesAtMostThirtySeconds()
{
    Sim sim;
    const QString no = u"QPNOTFOUND2"_s;
    const QString code = makeAuthCode(QuickPayScenario::OrderNotExistThenPaid, 50, 45);
    SIM_VERIFY_BUSINESS(sim.engine.micropay(cnIds(), micropayRequest(no, 1500, code)), u"SYSTEMERROR"_s);
    sim.advance(29);
    SIM_VERIFY_BUSINESS(sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(no)), u"ORDERNOTEXIST"_s);
    // WeChat has surely finished with the micropay by now: the order is there, whatever N says.
    sim.advance(2);
    const auto paid = sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(no));
    WXPAY_VERIFY_OK(paid);
    QCOMPARE(paid->state, TradeState::Success);
}

void TestSimQuickPay::orderNotExistThenPaid_data()
{
    QTest::addColumn<int>("n");
    QTest::newRow("N=0") << 0;
    QTest::newRow("N=1") << 1;
    QTest::newRow("N=4") << 4;
}

void TestSimQuickPay::orderNotExistThenPaid()
{
    QFETCH(int, n);
    Sim sim;
    const QString no = u"QPNOTFOUND1"_s;
    const QString code = makeAuthCode(QuickPayScenario::OrderNotExistThenPaid, n, 44);
    SIM_VERIFY_BUSINESS(sim.engine.micropay(cnIds(), micropayRequest(no, 1500, code)), u"SYSTEMERROR"_s);
    // Re-sending the same micropay does not reveal the order either.
    SIM_VERIFY_BUSINESS(sim.engine.micropay(cnIds(), micropayRequest(no, 1500, code)), u"SYSTEMERROR"_s);

    for (int i = 0; i < n; ++i) {
        sim.advance(5);
        SIM_VERIFY_BUSINESS(sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(no)), u"ORDERNOTEXIST"_s);
        // Neither reverse nor refund sees it, and neither counts as a query nor changes anything.
        SIM_VERIFY_BUSINESS(sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(no)), u"ORDERNOTEXIST"_s);
        SIM_VERIFY_BUSINESS(sim.engine.closeOrder(cnIds(), OrderRef::byOutTradeNo(no)), u"ORDERNOTEXIST"_s);
        QCOMPARE(ledgerOf(sim, no).charged, money(0));
    }
    sim.advance(10); // the hidden order is not auto-revoked either, however long this took
    const auto paid = sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(no));
    WXPAY_VERIFY_OK(paid);
    QCOMPARE(paid->state, TradeState::Success);
    QVERIFY(!paid->transactionId.isEmpty());
    const LedgerEntry entry = ledgerOf(sim, no);
    QCOMPARE(entry.charged, money(1500));
    QCOMPARE(entry.authCode, code);
    // Now it is an ordinary paid order: a reverse gives the money back.
    sim.advance(15);
    WXPAY_VERIFY_OK(sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(no)));
    QCOMPARE(ledgerOf(sim, no).reversed, money(1500));
}

void TestSimQuickPay::reverseWindowPerFamily_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<MerchantIds>("ids");
    QTest::addColumn<int>("days");
    QTest::newRow("v2: 7 days") << ApiFamily::V2 << cnIds() << 7;
    QTest::newRow("v3: 1 day") << ApiFamily::V3 << cnIds() << 1;
    QTest::newRow("global: 7 days") << ApiFamily::Global << hkIds() << 7;
    QTest::newRow("hk: 7 days") << ApiFamily::HkV3 << hkIds() << 7;
}

void TestSimQuickPay::reverseWindowPerFamily()
{
    QFETCH(ApiFamily, family);
    QFETCH(MerchantIds, ids);
    QFETCH(int, days);
    QCOMPARE(SimSettings().reverseWindows.days(family), days);
    Sim sim;
    const QString inside = u"QPWINDOW01"_s;
    const QString outside = u"QPWINDOW02"_s;
    WXPAY_VERIFY_OK(
        sim.engine.micropay(ids, micropayRequest(inside, 800, makeAuthCode(QuickPayScenario::Success, 0, 45))));
    WXPAY_VERIFY_OK(
        sim.engine.micropay(ids, micropayRequest(outside, 800, makeAuthCode(QuickPayScenario::Success, 0, 46))));

    sim.clock.set(startTime().addDays(days).addSecs(1));
    const auto late = sim.engine.reverse(ids, OrderRef::byOutTradeNo(outside), family);
    SIM_VERIFY_BUSINESS(late, u"REVERSE_EXPIRE"_s);
    QVERIFY(!SimEngine::shouldRecall(late.error()));
    // Refused and nothing changed: still paid, nothing given back.
    const auto query = sim.engine.queryOrder(ids, OrderRef::byOutTradeNo(outside));
    QCOMPARE(query->state, TradeState::Success);
    const LedgerEntry entry = ledgerOf(sim, outside);
    QCOMPARE(entry.charged, money(800));
    QCOMPARE(entry.reversed, money(0));

    // The last second of the window still reverses.
    sim.clock.set(startTime().addDays(days));
    WXPAY_VERIFY_OK(sim.engine.reverse(ids, OrderRef::byOutTradeNo(inside), family));
    QCOMPARE(ledgerOf(sim, inside).reversed, money(800));
}

void TestSimQuickPay::reverseWindowSettings()
{
    SimSettings settings;
    settings.reverseWindows.v3 = 3;
    const auto restored = SimSettings::fromJson(settings.toJson());
    WXPAY_VERIFY_OK(restored);
    QVERIFY(restored->reverseWindows == settings.reverseWindows);
    QCOMPARE(restored->reverseWindows.days(ApiFamily::V3), 3);

    // An older state file had one window for every family.
    QJsonObject legacy = settings.toJson();
    legacy.insert(u"reverse_window_days"_s, 2);
    const auto old = SimSettings::fromJson(legacy);
    WXPAY_VERIFY_OK(old);
    for (ApiFamily family : { ApiFamily::V2, ApiFamily::V3, ApiFamily::Global, ApiFamily::HkV3 })
        QCOMPARE(old->reverseWindows.days(family), 2);
    legacy.insert(u"reverse_window_days"_s, QJsonObject { { u"hk"_s, -1 } });
    QVERIFY(!SimSettings::fromJson(legacy).ok());

    // A smaller window in the settings is the one reverse uses.
    Sim sim(settings);
    WXPAY_VERIFY_OK(sim.engine.micropay(
        cnIds(), micropayRequest(u"QPWINDOW03"_s, 100, makeAuthCode(QuickPayScenario::Success, 0, 47))));
    sim.advance(3 * 86400 + 1);
    SIM_VERIFY_BUSINESS(
        sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(u"QPWINDOW03"_s), ApiFamily::V3), u"REVERSE_EXPIRE"_s);
    WXPAY_VERIFY_OK(sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(u"QPWINDOW03"_s), ApiFamily::V2));
}

QTEST_GUILESS_MAIN(TestSimQuickPay)
#include "tst_simquickpay.moc"
