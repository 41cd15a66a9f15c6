#include "support/testsupport.h"
#include "workflows/recovery.h"
#include "workflowtest.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace wxpay;
using namespace wxpay::workflowtest;
using workflows::NativeCheckout;
using workflows::QuickPay;
using workflows::Recovery;
using workflows::RefundWorkflow;
using Scenario = sim::QuickPayScenario;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(wxpay::ApiFamily)
Q_DECLARE_METATYPE(wxpay::sim::QuickPayScenario)

// Each test acts out a crash: a till runs a workflow until money is in flight, then the workflow and the whole
// client side (database connection, network) are destroyed. A new till opens the same SQLite file and resumes
// the journal; the simulator's ledger must then agree with the history: no double charge, no lost order.
class TestRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void quickPayInterruptedWhilePaying_data();
    void quickPayInterruptedWhilePaying();
    void nativeInterruptedWhileWaiting_data();
    void nativeInterruptedWhileWaiting();
    void refundInterrupted_data();
    void refundInterrupted();
    void onlyThisProfileIsResumed();
    void nothingPending();

private:
    std::unique_ptr<Till> till(ApiFamily family, const std::function<void(gateway::TransportConfig&)>& adjust = {});
    std::optional<Recovery::Report> recover(Till& till);

    SimWorld m_world;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRecovery::initTestCase()
{
    WXPAY_VERIFY_OK(m_world.start(allFamilies()));
}

void TestRecovery::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_world.resetCounts();
}

void TestRecovery::cleanup()
{
    m_world.engine.faults().clear();
}

std::unique_ptr<Till> TestRecovery::till(ApiFamily family, const std::function<void(gateway::TransportConfig&)>& adjust)
{
    auto t = std::make_unique<Till>(m_world, family, m_dir->filePath(QStringLiteral("history.sqlite")), adjust);
    const Status opened = t->open();
    if (!opened)
        qWarning("till: %s", qPrintable(opened.error().toString()));
    return opened ? std::move(t) : nullptr;
}

std::optional<Recovery::Report> TestRecovery::recover(Till& t)
{
    Recovery recovery(t.context());
    QSignalSpy finished(&recovery, &Recovery::finished);
    if (!recovery.resumePending().ok() || !finished.wait(kWaitMs))
        return std::nullopt;
    return finished.first().first().value<Recovery::Report>();
}

void TestRecovery::quickPayInterruptedWhilePaying_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("result");
    QTest::addColumn<TradeState>("state");
    QTest::addColumn<int>("reverses");
    for (ApiFamily family : allFamilies()) {
        const QByteArray f = apiFamilyName(family).toLatin1();
        // The customer typed the password while the till was down.
        QTest::newRow(QByteArray(f + " paid meanwhile").constData())
            << family << Scenario::PaysAfterQueries << 0 << "Paid" << TradeState::Success << 0;
        QTest::newRow(QByteArray(f + " still paying, reversed").constData())
            << family << Scenario::PayingForeverReversible << 0 << "NotPaid" << TradeState::Revoked << 1;
        QTest::newRow(QByteArray(f + " reverse recalled").constData())
            << family << Scenario::ReverseRecall << 1 << "NotPaid" << TradeState::Revoked << 2;
        // Reverse is refused while paying; WeChat revokes it at 45 s and the retried reverse then succeeds.
        QTest::newRow(QByteArray(f + " reverse refused until revoked").constData())
            << family << Scenario::PayingForever << 0 << "NotPaid" << TradeState::Revoked << -1;
    }
}

void TestRecovery::quickPayInterruptedWhilePaying()
{
    QFETCH(ApiFamily, family);
    QFETCH(Scenario, scenario);
    QFETCH(int, n);
    QFETCH(QString, result);
    QFETCH(TradeState, state);
    QFETCH(int, reverses);

    QString outTradeNo;
    {
        auto before = till(family);
        QVERIFY(before);
        before->scheduler.setAutomatic(false);
        auto quickPay = std::make_unique<QuickPay>(before->context());
        workflows::QuickPayRequest request;
        request.authCode = nextAuthCode(scenario, n);
        request.amount = before->amount(4321);
        request.description = QStringLiteral("Groceries");
        request.clientIp = QStringLiteral("127.0.0.1");
        request.merchantCategoryCode = QStringLiteral("5812");
        WXPAY_VERIFY_OK(quickPay->start(request));
        // The server held the payment (USERPAYING); the first query is due in 3 s.
        QTRY_COMPARE_WITH_TIMEOUT(quickPay->stage(), QuickPay::Stage::WaitingForPassword, kWaitMs);
        outTradeNo = quickPay->outTradeNo();
        QCOMPARE(m_world.ledgerEntry(family, outTradeNo).state, TradeState::UserPaying);
        // Crash.
    }
    m_world.clock.advance(5s);

    auto after = till(family);
    QVERIFY(after);
    const auto pending = after->journal.pending();
    WXPAY_VERIFY_OK(pending);
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->first().step, QStringLiteral("polling"));

    const auto report = recover(*after);
    QVERIFY(report);
    QCOMPARE(report->items.size(), 1);
    const Recovery::Item& item = report->items.first();
    QCOMPARE(item.outTradeNo, outTradeNo);
    QCOMPARE(item.result, result);
    QVERIFY(item.settled);
    QCOMPARE(report->settledCount(), 1);

    QCOMPARE(m_world.count(QStringLiteral("micropay")), 1); // never re-submitted
    if (reverses >= 0)
        QCOMPARE(m_world.count(QStringLiteral("reverse")), reverses);
    else
        QVERIFY(m_world.count(QStringLiteral("reverse")) > 1);
    const sim::LedgerEntry ledger = m_world.ledgerEntry(family, outTradeNo);
    const auto row = after->order(outTradeNo);
    QVERIFY(row);
    QCOMPARE(ledger.state, state);
    QCOMPARE(row->state, state);
    if (state == TradeState::Success) {
        QCOMPARE(ledger.charged, after->amount(4321));
        QCOMPARE(row->transactionId, ledger.transactionId);
    } else {
        QVERIFY(!ledger.charged.isValid() || ledger.charged.isZero());
    }
    QVERIFY(after->journal.pending().value().isEmpty());
}

void TestRecovery::nativeInterruptedWhileWaiting_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<bool>("customerPays");
    for (ApiFamily family : allFamilies()) {
        const QByteArray f = apiFamilyName(family).toLatin1();
        QTest::newRow(QByteArray(f + " paid while down").constData()) << family << true;
        QTest::newRow(QByteArray(f + " not paid: closed").constData()) << family << false;
    }
}

void TestRecovery::nativeInterruptedWhileWaiting()
{
    QFETCH(ApiFamily, family);
    QFETCH(bool, customerPays);
    QString outTradeNo;
    {
        auto before = till(family);
        QVERIFY(before);
        before->scheduler.setAutomatic(false);
        auto checkout = std::make_unique<NativeCheckout>(before->context());
        QSignalSpy codeReady(checkout.get(), &NativeCheckout::codeReady);
        workflows::NativeCheckoutRequest request;
        request.description = QStringLiteral("Dinner");
        request.amount = before->amount(6000);
        request.clientIp = QStringLiteral("127.0.0.1");
        request.merchantCategoryCode = QStringLiteral("5812");
        WXPAY_VERIFY_OK(checkout->start(request));
        QVERIFY(codeReady.wait(kWaitMs));
        outTradeNo = checkout->outTradeNo();
    }
    if (customerPays)
        WXPAY_VERIFY_OK(m_world.engine.customerPays(m_world.ids(family), outTradeNo));

    auto after = till(family);
    QVERIFY(after);
    const auto report = recover(*after);
    QVERIFY(report);
    QCOMPARE(report->items.size(), 1);
    QCOMPARE(report->items.first().result, customerPays ? QStringLiteral("Paid") : QStringLiteral("Closed"));
    QCOMPARE(m_world.count(QStringLiteral("native")), 1);
    QCOMPARE(m_world.count(QStringLiteral("close")), customerPays ? 0 : 1);
    const TradeState expected = customerPays ? TradeState::Success : TradeState::Closed;
    QCOMPARE(m_world.ledgerEntry(family, outTradeNo).state, expected);
    QCOMPARE(after->order(outTradeNo)->state, expected);
    QVERIFY(after->journal.pending().value().isEmpty());
}

void TestRecovery::refundInterrupted_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<QString>("fault"); // what happened to the refund request when the till went down
    QTest::addColumn<int>("sendsAfter");
    for (ApiFamily family : { ApiFamily::V2, ApiFamily::V3, ApiFamily::Global }) {
        const QByteArray f = apiFamilyName(family).toLatin1();
        QTest::newRow(QByteArray(f + " accepted, then down").constData()) << family << QString() << 0;
        QTest::newRow(QByteArray(f + " made, reply lost").constData()) << family << "refund:drop" << 1;
        QTest::newRow(QByteArray(f + " never arrived").constData()) << family << "refund:timeout" << 1;
    }
}

void TestRecovery::refundInterrupted()
{
    QFETCH(ApiFamily, family);
    QFETCH(QString, fault);
    QFETCH(int, sendsAfter);

    QString outTradeNo;
    QString outRefundNo;
    {
        auto before = till(family, [](gateway::TransportConfig& config) { config.timeout = 300ms; });
        QVERIFY(before);
        QuickPay pay(before->context());
        workflows::QuickPayRequest request;
        request.authCode = nextAuthCode(Scenario::Success);
        request.amount = before->amount(3000);
        request.description = QStringLiteral("Jacket");
        request.clientIp = QStringLiteral("127.0.0.1");
        request.merchantCategoryCode = QStringLiteral("5812");
        WXPAY_VERIFY_OK(pay.start(request));
        QVERIFY(QTest::qWaitFor([&pay] { return pay.isFinished(); }, kWaitMs));
        outTradeNo = pay.outTradeNo();

        before->scheduler.setAutomatic(false);
        if (!fault.isEmpty())
            m_world.engine.faults().add(sim::FaultRule::parse(fault).value());
        auto refund = std::make_unique<RefundWorkflow>(before->context());
        WXPAY_VERIFY_OK(refund->start({ outTradeNo, before->amount(1000), QStringLiteral("Torn"), {}, {} }));
        outRefundNo = refund->outRefundNo();
        // Down after the answer (accepted: a poll is waiting) or after the failed send (a resend is waiting).
        QTRY_COMPARE_WITH_TIMEOUT(before->scheduler.pendingCount(), 1, kWaitMs);
    }
    m_world.resetCounts();
    m_world.clock.advance(10s);

    auto after = till(family);
    QVERIFY(after);
    const auto report = recover(*after);
    QVERIFY(report);
    QCOMPARE(report->items.size(), 1);
    QCOMPARE(report->items.first().outRefundNo, outRefundNo);
    QCOMPARE(report->items.first().result, QStringLiteral("Succeeded"));
    QCOMPARE(m_world.count(QStringLiteral("refund")), sendsAfter);
    const sim::LedgerEntry ledger = m_world.ledgerEntry(family, outTradeNo);
    QCOMPARE(ledger.refundCount, 1);
    QCOMPARE(ledger.refunded, after->amount(1000));
    auto row = after->refunds.findByOutRefundNo(after->profileId(), outRefundNo);
    QCOMPARE(row.value()->status, RefundStatus::Success);
    QVERIFY(after->journal.pending().value().isEmpty());
}

void TestRecovery::onlyThisProfileIsResumed()
{
    QString outTradeNo;
    {
        auto before = till(ApiFamily::V2);
        QVERIFY(before);
        before->scheduler.setAutomatic(false);
        QuickPay quickPay(before->context());
        workflows::QuickPayRequest request;
        request.authCode = nextAuthCode(Scenario::PayingForeverReversible);
        request.amount = before->amount(100);
        request.description = QStringLiteral("Tea");
        request.clientIp = QStringLiteral("127.0.0.1");
        WXPAY_VERIFY_OK(quickPay.start(request));
        QTRY_COMPARE_WITH_TIMEOUT(quickPay.stage(), QuickPay::Stage::WaitingForPassword, kWaitMs);
        outTradeNo = quickPay.outTradeNo();
    }
    // Another profile's till over the same database file leaves the entry alone.
    auto other = till(ApiFamily::V3);
    QVERIFY(other);
    const auto report = recover(*other);
    QVERIFY(report);
    QVERIFY(report->items.isEmpty());
    QCOMPARE(other->journal.pending().value().size(), 1);
    QCOMPARE(m_world.count(QStringLiteral("query")), 0);
    other.reset();

    auto mine = till(ApiFamily::V2);
    QVERIFY(mine);
    const auto mineReport = recover(*mine);
    QVERIFY(mineReport);
    QCOMPARE(mineReport->items.size(), 1);
    QCOMPARE(mineReport->items.first().outTradeNo, outTradeNo);
}

void TestRecovery::nothingPending()
{
    auto t = till(ApiFamily::V3);
    QVERIFY(t);
    const auto report = recover(*t);
    QVERIFY(report);
    QVERIFY(report->items.isEmpty());
    QCOMPARE(report->settledCount(), 0);
}

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
