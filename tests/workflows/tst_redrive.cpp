// The re-drive: while the program runs, open journal entries are driven again on a backoff — not only at start —
// and an operation a live workflow drives is left to it.
#include "support/testsupport.h"
#include "workflows/quickpay.h"
#include "workflows/redrive.h"
#include "workflows/refunds.h"
#include "workflowtest.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace wxpay;
using namespace wxpay::workflowtest;
using namespace std::chrono_literals;
using workflows::Redrive;

class TestRedrive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void drivesOpenEntriesAgainOnABackoff();
    void leavesALiveOperationAlone();

private:
    std::unique_ptr<Till> till();
    QString paidOrder(Till& t);

    SimWorld m_world;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRedrive::initTestCase()
{
    WXPAY_VERIFY_OK(m_world.start({ ApiFamily::V3 }));
}

void TestRedrive::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_world.resetCounts();
}

void TestRedrive::cleanup()
{
    m_world.engine.faults().clear();
}

std::unique_ptr<Till> TestRedrive::till()
{
    auto t = std::make_unique<Till>(m_world, ApiFamily::V3, m_dir->filePath(QStringLiteral("history.sqlite")));
    return t->open() ? std::move(t) : nullptr;
}

QString TestRedrive::paidOrder(Till& t)
{
    workflows::QuickPay pay(t.context());
    workflows::QuickPayRequest request;
    request.authCode = nextAuthCode(sim::QuickPayScenario::Success);
    request.amount = t.amount(1000);
    request.description = QStringLiteral("Bread");
    if (!pay.start(request).ok() || !QTest::qWaitFor([&pay] { return pay.isFinished(); }, kWaitMs))
        return {};
    return pay.outTradeNo();
}

void TestRedrive::drivesOpenEntriesAgainOnABackoff()
{
    auto t = till();
    QVERIFY(t);
    const QString order = paidOrder(*t);
    QVERIFY(!order.isEmpty());
    // A refund WeChat accepted, left open: nobody followed it (no polls allowed).
    workflows::RefundOptions noPolls;
    noPolls.maxPolls = 0;
    workflows::RefundWorkflow refund(t->context(), noPolls);
    WXPAY_VERIFY_OK(refund.start({ order, t->amount(400), {}, {}, {} }));
    QVERIFY(QTest::qWaitFor([&refund] { return refund.isFinished(); }, kWaitMs));
    QCOMPARE(refund.outcome()->stage, workflows::RefundWorkflow::Stage::NeedsAttention);

    // WeChat cannot be asked for a while: the first pass settles nothing.
    m_world.engine.faults().add(sim::FaultRule::parse(QStringLiteral("refundquery:http500@*")).value());
    workflows::RecoveryOptions options;
    options.refund.maxPolls = 1;
    t->scheduler.setAutomatic(false);
    Redrive redrive(t->context(), options);
    QSignalSpy status(&redrive, &Redrive::statusChanged);
    const QDateTime started = m_world.clock.now();
    WXPAY_VERIFY_OK(redrive.start());
    // Pump until the first pass has ended (its poll waits on the scheduler).
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (!status.isEmpty())
                return true;
            t->scheduler.runNext();
            return false;
        },
        kWaitMs));
    QCOMPARE(status.last().at(0).toInt(), 1);
    QCOMPARE(redrive.openCount(), 1);
    QVERIFY(redrive.nextPass().isValid());
    QVERIFY(redrive.nextPass() >= m_world.clock.now().addSecs(59));
    QCOMPARE(redrive.passes(), 1);

    // WeChat answers again: the next pass, a minute later, settles it without any start-up.
    m_world.engine.faults().clear();
    t->scheduler.setAutomatic(true);
    QVERIFY(QTest::qWaitFor([&redrive] { return redrive.openCount() == 0 && redrive.passes() >= 2; }, kWaitMs));
    QVERIFY(m_world.clock.now() >= started.addSecs(60));
    QVERIFY(!redrive.nextPass().isValid());
    QCOMPARE(status.last().at(0).toInt(), 0);
    QVERIFY(t->journal.pending().value().isEmpty());
    QCOMPARE(t->refunds.findByOutRefundNo(t->profileId(), refund.outRefundNo()).value()->status, RefundStatus::Success);
    QCOMPARE(m_world.count(QStringLiteral("refund")), 1); // followed up, never sent again
}

void TestRedrive::leavesALiveOperationAlone()
{
    auto t = till();
    QVERIFY(t);
    t->scheduler.setAutomatic(false);
    // A sale at the counter, waiting for the customer's password.
    workflows::QuickPay pay(t->context());
    workflows::QuickPayRequest request;
    request.authCode = nextAuthCode(sim::QuickPayScenario::PaysAfterQueries, 1);
    request.amount = t->amount(1000);
    request.description = QStringLiteral("Milk");
    WXPAY_VERIFY_OK(pay.start(request));
    QTRY_COMPARE_WITH_TIMEOUT(pay.stage(), workflows::QuickPay::Stage::WaitingForPassword, kWaitMs);
    QCOMPARE(t->journal.pending().value().size(), 1);
    m_world.resetCounts();

    auto redrive = std::make_unique<Redrive>(t->context());
    QSignalSpy passes(redrive.get(), &Redrive::passFinished);
    WXPAY_VERIFY_OK(redrive->start());
    QVERIFY(passes.wait(kWaitMs));
    const auto report = passes.first().first().value<workflows::Recovery::Report>();
    QVERIFY(report.items.isEmpty()); // the live sale is not driven twice
    QCOMPARE(m_world.count(QStringLiteral("query")), 0);
    QCOMPARE(redrive->openCount(), 1);

    // The sale goes on by itself and settles. (The re-drive goes first: its next pass, a minute away, would move
    // the manual clock past WeChat's 45 s while the sale's query is on the wire.)
    redrive.reset();
    t->scheduler.setAutomatic(true);
    QVERIFY(QTest::qWaitFor([&pay] { return pay.isFinished(); }, kWaitMs));
    QCOMPARE(pay.outcome()->stage, workflows::QuickPay::Stage::Paid);
}

QTEST_GUILESS_MAIN(TestRedrive)
#include "tst_redrive.moc"
