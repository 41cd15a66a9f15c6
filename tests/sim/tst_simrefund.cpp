#include "simtestutil.h"
#include "support/testsupport.h"

#include <QRegularExpression>
#include <QTest>

using namespace wxpay;
using namespace wxpay::sim;
using namespace wxpay::sim::test;

class TestSimRefund : public QObject
{
    Q_OBJECT

private:
    // A paid Native order of `fen`.
    static void paidOrder(Sim& sim, const QString& outTradeNo, qint64 fen)
    {
        QVERIFY(sim.engine.createNative(cnIds(), nativeRequest(outTradeNo, fen)).ok());
        QVERIFY(sim.engine.customerPays(cnIds(), outTradeNo).ok());
    }
    static TradeState stateOf(Sim& sim, const QString& outTradeNo)
    {
        return sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(outTradeNo))->state;
    }

private Q_SLOTS:
    void processingThenSuccessAfterDelay();
    void queriesByEveryRef();
    void cumulativeRefundsCannotExceedTheAmount();
    void fiftyRefundsPerOrder();
    void sameOutRefundNoIsIdempotent();
    void sameOutRefundNoWithOtherParametersIsRefused();
    void refusesUnpaidAndMismatchedOrders();
    void abnormalAndClosedByReasonMarker();
    void oneYearLimit();
    void configurableDelay();
    void globalRefundIsExchanged();
};

void TestSimRefund::processingThenSuccessAfterDelay()
{
    Sim sim;
    paidOrder(sim, u"REFUND0001"_s, 1000);
    sim.advance(60);
    const auto refund = sim.engine.refund(cnIds(), refundRequest(u"REFUND0001"_s, u"RF0001"_s, 300, 1000));
    WXPAY_VERIFY_OK(refund);
    QCOMPARE(refund->status, RefundStatus::Processing);
    QVERIFY2(QRegularExpression(u"^503\\d{26}$"_s).match(refund->refundId).hasMatch(), qPrintable(refund->refundId));
    QCOMPARE(refund->refund, money(300));
    QCOMPARE(refund->total, money(1000));
    QCOMPARE(refund->channel, u"ORIGINAL"_s);
    QCOMPARE(refund->createTime, startTime().addSecs(60));
    QVERIFY(!refund->successTime.isValid());
    QVERIFY(!refund->transactionId.isEmpty());
    QCOMPARE(stateOf(sim, u"REFUND0001"_s), TradeState::Refund);

    const auto pending = sim.engine.ledger().constFirst();
    QCOMPARE(pending.refundPending, money(300));
    QCOMPARE(pending.refunded, money(0));

    sim.advance(sim.engine.settings().refundDelay.count() - 1);
    QCOMPARE(sim.engine.queryRefunds(cnIds(), { {}, u"RF0001"_s, {} })->constFirst().status, RefundStatus::Processing);
    sim.advance(1);
    const auto done = sim.engine.queryRefunds(cnIds(), { {}, u"RF0001"_s, {} });
    WXPAY_VERIFY_OK(done);
    QCOMPARE(done->constFirst().status, RefundStatus::Success);
    QCOMPARE(done->constFirst().successTime, startTime().addSecs(60 + sim.engine.settings().refundDelay.count()));
    QCOMPARE(stateOf(sim, u"REFUND0001"_s), TradeState::Refund);
    const auto settled = sim.engine.ledger().constFirst();
    QCOMPARE(settled.refunded, money(300));
    QCOMPARE(settled.refundPending, money(0));
    QCOMPARE(settled.refundCount, 1);
}

void TestSimRefund::queriesByEveryRef()
{
    Sim sim;
    paidOrder(sim, u"REFUND0002"_s, 1000);
    const auto first = sim.engine.refund(cnIds(), refundRequest(u"REFUND0002"_s, u"RF0002A"_s, 100, 1000));
    sim.advance(1);
    RefundRequest byTransaction = refundRequest(QString(), u"RF0002B"_s, 200, 1000);
    byTransaction.order = OrderRef::byTransactionId(first->transactionId);
    WXPAY_VERIFY_OK(sim.engine.refund(cnIds(), byTransaction));

    const auto byRefundId = sim.engine.queryRefunds(cnIds(), { first->refundId, {}, {} });
    QCOMPARE(byRefundId->size(), 1);
    QCOMPARE(byRefundId->constFirst().outRefundNo, u"RF0002A"_s);
    const auto byOrder = sim.engine.queryRefunds(cnIds(), { {}, {}, OrderRef::byOutTradeNo(u"REFUND0002"_s) });
    QCOMPARE(byOrder->size(), 2);
    QCOMPARE(byOrder->at(0).outRefundNo, u"RF0002A"_s); // oldest first
    QCOMPARE(byOrder->at(1).outRefundNo, u"RF0002B"_s);
    const auto byTransactionId
        = sim.engine.queryRefunds(cnIds(), { {}, {}, OrderRef::byTransactionId(first->transactionId) });
    QCOMPARE(byTransactionId->size(), 2);

    SIM_VERIFY_BUSINESS(sim.engine.queryRefunds(cnIds(), { {}, u"NOSUCH"_s, {} }), u"REFUNDNOTEXIST"_s);
    SIM_VERIFY_BUSINESS(sim.engine.queryRefunds(spIds(), { {}, u"RF0002A"_s, {} }), u"REFUNDNOTEXIST"_s);
    paidOrder(sim, u"REFUND0003"_s, 1);
    SIM_VERIFY_BUSINESS(
        sim.engine.queryRefunds(cnIds(), { {}, {}, OrderRef::byOutTradeNo(u"REFUND0003"_s) }), u"REFUNDNOTEXIST"_s);
}

void TestSimRefund::cumulativeRefundsCannotExceedTheAmount()
{
    Sim sim;
    paidOrder(sim, u"REFUND0004"_s, 100);
    WXPAY_VERIFY_OK(sim.engine.refund(cnIds(), refundRequest(u"REFUND0004"_s, u"RF0004A"_s, 60, 100)));
    const auto over = sim.engine.refund(cnIds(), refundRequest(u"REFUND0004"_s, u"RF0004B"_s, 41, 100));
    SIM_VERIFY_BUSINESS(over, u"INVALID_REQUEST"_s);
    QCOMPARE(over.error().message, u"申请退款金额超过订单可退金额"_s);
    // Still PROCESSING refunds count; the rest is refundable.
    WXPAY_VERIFY_OK(sim.engine.refund(cnIds(), refundRequest(u"REFUND0004"_s, u"RF0004C"_s, 40, 100)));
    SIM_VERIFY_BUSINESS(
        sim.engine.refund(cnIds(), refundRequest(u"REFUND0004"_s, u"RF0004D"_s, 1, 100)), u"INVALID_REQUEST"_s);
    sim.advance(60);
    const LedgerEntry entry = sim.engine.ledger().constFirst();
    QCOMPARE(entry.refunded, money(100));
    QCOMPARE(entry.refundCount, 2);
    // A single refund above the amount.
    paidOrder(sim, u"REFUND0005"_s, 100);
    SIM_VERIFY_BUSINESS(
        sim.engine.refund(cnIds(), refundRequest(u"REFUND0005"_s, u"RF0005"_s, 101, 100)), u"INVALID_REQUEST"_s);
}

void TestSimRefund::fiftyRefundsPerOrder()
{
    Sim sim;
    paidOrder(sim, u"REFUND0006"_s, 1000);
    for (int i = 1; i <= 50; ++i) {
        const auto refund
            = sim.engine.refund(cnIds(), refundRequest(u"REFUND0006"_s, QStringLiteral("RF0006-%1").arg(i), 1, 1000));
        QVERIFY2(refund.ok(), qPrintable(QString::number(i)));
    }
    const auto fiftyFirst = sim.engine.refund(cnIds(), refundRequest(u"REFUND0006"_s, u"RF0006-51"_s, 1, 1000));
    SIM_VERIFY_BUSINESS(fiftyFirst, u"INVALID_REQUEST"_s);
    QVERIFY(fiftyFirst.error().message.contains(u"50"_s));
    // Retrying one of the fifty is still fine.
    WXPAY_VERIFY_OK(sim.engine.refund(cnIds(), refundRequest(u"REFUND0006"_s, u"RF0006-50"_s, 1, 1000)));
    QCOMPARE(sim.engine.ledger().constFirst().refundCount, 50);
}

void TestSimRefund::sameOutRefundNoIsIdempotent()
{
    Sim sim;
    paidOrder(sim, u"REFUND0007"_s, 500);
    const auto first = sim.engine.refund(cnIds(), refundRequest(u"REFUND0007"_s, u"RF0007"_s, 200, 500));
    sim.advance(2);
    const auto retry = sim.engine.refund(cnIds(), refundRequest(u"REFUND0007"_s, u"RF0007"_s, 200, 500));
    WXPAY_VERIFY_OK(retry);
    QCOMPARE(retry->refundId, first->refundId);
    QCOMPARE(retry->createTime, first->createTime);
    QCOMPARE(retry->status, RefundStatus::Processing);
    sim.advance(60);
    const auto late = sim.engine.refund(cnIds(), refundRequest(u"REFUND0007"_s, u"RF0007"_s, 200, 500));
    QCOMPARE(late->status, RefundStatus::Success);
    const LedgerEntry entry = sim.engine.ledger().constFirst();
    QCOMPARE(entry.refundCount, 1);
    QCOMPARE(entry.refunded, money(200));
}

void TestSimRefund::sameOutRefundNoWithOtherParametersIsRefused()
{
    Sim sim;
    paidOrder(sim, u"REFUND0008"_s, 500);
    paidOrder(sim, u"REFUND0009"_s, 500);
    WXPAY_VERIFY_OK(sim.engine.refund(cnIds(), refundRequest(u"REFUND0008"_s, u"RF0008"_s, 200, 500)));
    const auto otherAmount = sim.engine.refund(cnIds(), refundRequest(u"REFUND0008"_s, u"RF0008"_s, 201, 500));
    SIM_VERIFY_BUSINESS(otherAmount, u"INVALID_REQUEST"_s);
    QCOMPARE(otherAmount.error().message, u"订单金额或退款金额与之前请求不一致，请核实后再试"_s);
    SIM_VERIFY_BUSINESS(
        sim.engine.refund(cnIds(), refundRequest(u"REFUND0009"_s, u"RF0008"_s, 200, 500)), u"INVALID_REQUEST"_s);
    QCOMPARE(sim.engine.ledger().at(1).refundCount, 0);
}

void TestSimRefund::refusesUnpaidAndMismatchedOrders()
{
    Sim sim;
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"REFUND0010"_s, 500)));
    SIM_VERIFY_BUSINESS(
        sim.engine.refund(cnIds(), refundRequest(u"REFUND0010"_s, u"RF0010"_s, 100, 500)), u"ORDERNOTEXIST"_s);
    SIM_VERIFY_BUSINESS(
        sim.engine.refund(cnIds(), refundRequest(u"NOSUCHORDER"_s, u"RF0010"_s, 100, 500)), u"ORDERNOTEXIST"_s);
    WXPAY_VERIFY_OK(sim.engine.customerPays(cnIds(), u"REFUND0010"_s));
    SIM_VERIFY_BUSINESS(
        sim.engine.refund(cnIds(), refundRequest(u"REFUND0010"_s, u"RF0010"_s, 100, 499)), u"INVALID_REQUEST"_s);
    const auto zero = sim.engine.refund(cnIds(), refundRequest(u"REFUND0010"_s, u"RF0010"_s, 0, 500));
    SIM_VERIFY_BUSINESS(zero, u"PARAM_ERROR"_s);
    const auto badNo = sim.engine.refund(cnIds(), refundRequest(u"REFUND0010"_s, u"RF 0010"_s, 1, 500));
    SIM_VERIFY_BUSINESS(badNo, u"PARAM_ERROR"_s);
    QCOMPARE(badNo.error().detail, u"out_refund_no"_s);
    RefundRequest longReason = refundRequest(u"REFUND0010"_s, u"RF0010"_s, 1, 500);
    longReason.reason = QString(81, u'退');
    SIM_VERIFY_BUSINESS(sim.engine.refund(cnIds(), longReason), u"PARAM_ERROR"_s);
    QCOMPARE(sim.engine.ledger().constFirst().refundCount, 0);
}

void TestSimRefund::abnormalAndClosedByReasonMarker()
{
    Sim sim;
    paidOrder(sim, u"REFUND0011"_s, 500);
    RefundRequest abnormal = refundRequest(u"REFUND0011"_s, u"RF0011A"_s, 100, 500);
    abnormal.reason = u"customer card closed SIM_ABNORMAL"_s;
    RefundRequest closed = refundRequest(u"REFUND0011"_s, u"RF0011B"_s, 400, 500);
    closed.reason = u"SIM_CLOSED"_s;
    QCOMPARE(sim.engine.refund(cnIds(), abnormal)->status, RefundStatus::Processing);
    QCOMPARE(sim.engine.refund(cnIds(), closed)->status, RefundStatus::Processing);
    sim.advance(60);
    const auto refunds = sim.engine.queryRefunds(cnIds(), { {}, {}, OrderRef::byOutTradeNo(u"REFUND0011"_s) });
    QCOMPARE(refunds->at(0).status, RefundStatus::Abnormal);
    QCOMPARE(refunds->at(1).status, RefundStatus::Closed);
    QVERIFY(!refunds->at(1).successTime.isValid());
    // The closed refund's 400 is refundable again; the abnormal 100 stays committed.
    SIM_VERIFY_BUSINESS(
        sim.engine.refund(cnIds(), refundRequest(u"REFUND0011"_s, u"RF0011C"_s, 401, 500)), u"INVALID_REQUEST"_s);
    WXPAY_VERIFY_OK(sim.engine.refund(cnIds(), refundRequest(u"REFUND0011"_s, u"RF0011C"_s, 400, 500)));
    QCOMPARE(sim.engine.ledger().constFirst().refunded, money(0));

    // An order whose only refund closed reads SUCCESS again.
    paidOrder(sim, u"REFUND0012"_s, 500);
    RefundRequest onlyClosed = refundRequest(u"REFUND0012"_s, u"RF0012"_s, 100, 500);
    onlyClosed.reason = u"SIM_CLOSED"_s;
    WXPAY_VERIFY_OK(sim.engine.refund(cnIds(), onlyClosed));
    QCOMPARE(stateOf(sim, u"REFUND0012"_s), TradeState::Refund);
    sim.advance(60);
    QCOMPARE(stateOf(sim, u"REFUND0012"_s), TradeState::Success);
}

void TestSimRefund::oneYearLimit()
{
    Sim sim;
    paidOrder(sim, u"REFUND0013"_s, 500);
    sim.advance(365 * 86400 + 1);
    SIM_VERIFY_BUSINESS(
        sim.engine.refund(cnIds(), refundRequest(u"REFUND0013"_s, u"RF0013"_s, 100, 500)), u"TRADE_OVERDUE"_s);
}

void TestSimRefund::configurableDelay()
{
    SimSettings settings;
    settings.refundDelay = std::chrono::seconds(0);
    Sim sim(settings);
    paidOrder(sim, u"REFUND0014"_s, 500);
    QCOMPARE(sim.engine.refund(cnIds(), refundRequest(u"REFUND0014"_s, u"RF0014"_s, 100, 500))->status,
        RefundStatus::Success);
    settings.refundDelay = std::chrono::seconds(3600);
    sim.engine.setSettings(settings);
    QCOMPARE(sim.engine.refund(cnIds(), refundRequest(u"REFUND0014"_s, u"RF0014B"_s, 100, 500))->status,
        RefundStatus::Processing);
    sim.advance(3599);
    QCOMPARE(sim.engine.queryRefunds(cnIds(), { {}, u"RF0014B"_s, {} })->constFirst().status, RefundStatus::Processing);
    sim.advance(1);
    QCOMPARE(sim.engine.queryRefunds(cnIds(), { {}, u"RF0014B"_s, {} })->constFirst().status, RefundStatus::Success);
}

void TestSimRefund::globalRefundIsExchanged()
{
    Sim sim;
    WXPAY_VERIFY_OK(sim.engine.createNative(hkIds(), nativeRequest(u"GLOBAL0003"_s, 10000, u"HKD"_s)));
    WXPAY_VERIFY_OK(sim.engine.customerPays(hkIds(), u"GLOBAL0003"_s));
    RefundRequest request = refundRequest(u"GLOBAL0003"_s, u"RFHK0003"_s, 0, 0);
    request.refund = money(5000, u"HKD"_s);
    request.total = money(10000, u"HKD"_s);
    const auto refund = sim.engine.refund(hkIds(), request);
    WXPAY_VERIFY_OK(refund);
    QCOMPARE(refund->payerRefund.value(), money(4550));
    QCOMPARE(refund->exchangeRate->rate, qint64(91000000));
    // The currency must be the order's.
    request.outRefundNo = u"RFHK0004"_s;
    request.refund = money(100);
    SIM_VERIFY_BUSINESS(sim.engine.refund(hkIds(), request), u"INVALID_REQUEST"_s);
}

QTEST_GUILESS_MAIN(TestSimRefund)
#include "tst_simrefund.moc"
