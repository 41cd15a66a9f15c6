#include "support/testsupport.h"
#include "workflows/policy.h"
#include "workflows/quickpay.h"
#include "workflows/refunds.h"
#include "workflowtest.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace wxpay;
using namespace wxpay::workflowtest;
using workflows::RefundCheck;
using workflows::RefundOptions;
using workflows::RefundStartRequest;
using workflows::RefundWorkflow;
using Stage = workflows::RefundWorkflow::Stage;

Q_DECLARE_METATYPE(wxpay::ApiFamily)

class TestRefunds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void fullRefundEndsInSuccess_data();
    void fullRefundEndsInSuccess();
    void partialRefundsStayWithinTheOrder_data();
    void partialRefundsStayWithinTheOrder();
    void retryAfterLostReplyRefundsOnce_data();
    void retryAfterLostReplyRefundsOnce();
    void refusedRefundGivesItsAmountBack();
    void definiteErrorAfterALostReplyNeverCloses_data();
    void definiteErrorAfterALostReplyNeverCloses();
    void aProxyPageIsNotWeChatsAnswer();
    void closesOnlyWhenWeChatHasNoSuchRefund();
    void resumedRefundNeverGoesBackToSending();
    void closedAndAbnormalRefunds_data();
    void closedAndAbnormalRefunds();
    void refusesOrdersOutsideTheHistory();
    void checkFollowsUpUnsettledRefunds_data();
    void checkFollowsUpUnsettledRefunds();
    void checkPendingFollowsEveryUnsettledRefund_data();
    void checkPendingFollowsEveryUnsettledRefund();

private:
    std::unique_ptr<Till> till(ApiFamily family, const std::function<void(gateway::TransportConfig&)>& adjust = {});
    QString paidOrder(Till& till, qint64 minor);
    static void addFamilies();
    static bool runToEnd(RefundWorkflow& refund);

    SimWorld m_world;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRefunds::initTestCase()
{
    WXPAY_VERIFY_OK(m_world.start(allFamilies()));
}

void TestRefunds::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_world.resetCounts();
}

void TestRefunds::cleanup()
{
    m_world.engine.faults().clear();
    m_world.engine.setSettings(sim::SimSettings {});
}

std::unique_ptr<Till> TestRefunds::till(ApiFamily family, const std::function<void(gateway::TransportConfig&)>& adjust)
{
    auto t = std::make_unique<Till>(m_world, family, m_dir->filePath(QStringLiteral("history.sqlite")), adjust);
    const Status opened = t->open();
    if (!opened)
        qWarning("till: %s", qPrintable(opened.error().toString()));
    return opened ? std::move(t) : nullptr;
}

QString TestRefunds::paidOrder(Till& t, qint64 minor)
{
    workflows::QuickPay pay(t.context());
    workflows::QuickPayRequest request;
    request.authCode = nextAuthCode(sim::QuickPayScenario::Success);
    request.amount = t.amount(minor);
    request.description = QStringLiteral("Shoes");
    request.clientIp = QStringLiteral("127.0.0.1");
    request.merchantCategoryCode = QStringLiteral("5812");
    if (!pay.start(request).ok() || !QTest::qWaitFor([&pay] { return pay.isFinished(); }, kWaitMs)
        || pay.outcome()->stage != workflows::QuickPay::Stage::Paid) {
        return {};
    }
    m_world.resetCounts();
    return pay.outTradeNo();
}

void TestRefunds::addFamilies()
{
    QTest::addColumn<ApiFamily>("family");
    for (ApiFamily family : allFamilies())
        QTest::newRow(apiFamilyName(family).toLatin1().constData()) << family;
}

bool TestRefunds::runToEnd(RefundWorkflow& refund)
{
    return QTest::qWaitFor([&refund] { return refund.isFinished(); }, kWaitMs);
}

void TestRefunds::fullRefundEndsInSuccess_data()
{
    addFamilies();
}

void TestRefunds::fullRefundEndsInSuccess()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);
    const QString order = paidOrder(*t, 1234);
    QVERIFY(!order.isEmpty());

    RefundWorkflow refund(t->context());
    QSignalSpy stages(&refund, &RefundWorkflow::stageChanged);
    RefundStartRequest request { order, t->amount(1234), QStringLiteral("Wrong size"), {}, {} };
    WXPAY_VERIFY_OK(refund.start(request));
    // Written before it was sent.
    auto row = t->refunds.findByOutRefundNo(t->profileId(), refund.outRefundNo());
    WXPAY_VERIFY_OK(row);
    QVERIFY(row.value());
    QCOMPARE(row.value()->amount, t->amount(1234));

    QVERIFY(runToEnd(refund));
    QCOMPARE(refund.outcome()->stage, Stage::Succeeded);
    QCOMPARE(refund.outcome()->sends, 1);
    QVERIFY(refund.outcome()->queries >= 1);
    QVERIFY(stages.contains(QList<QVariant> { QVariant::fromValue(Stage::Processing) }));
    QCOMPARE(m_world.count(QStringLiteral("refund")), 1);
    QCOMPARE(m_world.count(QStringLiteral("refundquery")), refund.outcome()->queries);

    const sim::LedgerEntry ledger = m_world.ledgerEntry(family, order);
    QCOMPARE(ledger.refunded, t->amount(1234));
    QCOMPARE(ledger.refundCount, 1);
    row = t->refunds.findByOutRefundNo(t->profileId(), refund.outRefundNo());
    QCOMPARE(row.value()->status, RefundStatus::Success);
    QCOMPARE(row.value()->refundId, ledger.refunds.first().refundId);
    QVERIFY(row.value()->successAt.isValid());
    QCOMPARE(t->order(order)->state, TradeState::Refund);
    QCOMPARE(RefundWorkflow::refundable(t->context(), order).value(), t->amount(0));
    QVERIFY(t->journal.pending().value().isEmpty());
}

void TestRefunds::partialRefundsStayWithinTheOrder_data()
{
    addFamilies();
}

void TestRefunds::partialRefundsStayWithinTheOrder()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);
    const QString order = paidOrder(*t, 1000);
    QVERIFY(!order.isEmpty());

    RefundWorkflow first(t->context());
    WXPAY_VERIFY_OK(first.start({ order, t->amount(300), {}, {}, {} }));
    QCOMPARE(RefundWorkflow::refundable(t->context(), order).value(), t->amount(700));

    RefundWorkflow tooMuch(t->context());
    const Status refused = tooMuch.start({ order, t->amount(701), {}, {}, {} });
    WXPAY_VERIFY_ERROR(refused, ErrorKind::Input, QStringLiteral("AMOUNT_OVER_REFUNDABLE"));
    QCOMPARE(refused.error().detail, QStringLiteral("7.00"));

    RefundWorkflow second(t->context());
    WXPAY_VERIFY_OK(second.start({ order, t->amount(700), {}, {}, {} }));
    QVERIFY(runToEnd(first));
    QVERIFY(runToEnd(second));
    QCOMPARE(first.outcome()->stage, Stage::Succeeded);
    QCOMPARE(second.outcome()->stage, Stage::Succeeded);
    QCOMPARE(m_world.count(QStringLiteral("refund")), 2);
    QCOMPARE(m_world.ledgerEntry(family, order).refunded, t->amount(1000));

    RefundWorkflow more(t->context());
    WXPAY_VERIFY_ERROR(
        more.start({ order, t->amount(1), {}, {}, {} }), ErrorKind::Input, QStringLiteral("AMOUNT_OVER_REFUNDABLE"));
    WXPAY_VERIFY_ERROR(
        more.start({ order, t->amount(0), {}, {}, {} }), ErrorKind::Input, QStringLiteral("AMOUNT_INVALID"));
    WXPAY_VERIFY_ERROR(more.start({ order, Money::fromMinor(1, QStringLiteral("JPY")).value(), {}, {}, {} }),
        ErrorKind::Input, QStringLiteral("CURRENCY_MISMATCH"));
    WXPAY_VERIFY_ERROR(more.start({ order, t->amount(1), QString(81, u'x'), {}, {} }), ErrorKind::Input,
        QStringLiteral("REASON_TOO_LONG"));
    WXPAY_VERIFY_ERROR(more.start({ order, t->amount(1), {}, first.outRefundNo(), {} }), ErrorKind::Input,
        QStringLiteral("AMOUNT_OVER_REFUNDABLE"));
    QTest::qWait(50);
    QCOMPARE(m_world.count(QStringLiteral("refund")), 2);
}

void TestRefunds::retryAfterLostReplyRefundsOnce_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<QString>("fault");
    for (ApiFamily family : allFamilies()) {
        const QByteArray f = apiFamilyName(family).toLatin1();
        QTest::newRow(QByteArray(f + " dropped after the refund was made").constData()) << family << "refund:drop";
        QTest::newRow(QByteArray(f + " unverifiable reply").constData()) << family << "refund:badsign";
        QTest::newRow(QByteArray(f + " HTTP 500, nothing made").constData()) << family << "refund:http500";
    }
}

void TestRefunds::retryAfterLostReplyRefundsOnce()
{
    QFETCH(ApiFamily, family);
    QFETCH(QString, fault);
    auto t = till(family);
    QVERIFY(t);
    const QString order = paidOrder(*t, 5000);
    QVERIFY(!order.isEmpty());
    m_world.engine.faults().add(sim::FaultRule::parse(fault).value());

    RefundWorkflow refund(t->context());
    WXPAY_VERIFY_OK(refund.start({ order, t->amount(2000), QStringLiteral("Damaged"), {}, {} }));
    QVERIFY(runToEnd(refund));
    QCOMPARE(refund.outcome()->stage, Stage::Succeeded);
    QCOMPARE(refund.outcome()->sends, 2);
    QCOMPARE(m_world.count(QStringLiteral("refund")), 2);
    // The same out_refund_no both times: WeChat refunded once.
    const sim::LedgerEntry ledger = m_world.ledgerEntry(family, order);
    QCOMPARE(ledger.refundCount, 1);
    QCOMPARE(ledger.refunded, t->amount(2000));
    QCOMPARE(ledger.refunds.first().outRefundNo, refund.outRefundNo());
    QCOMPARE(RefundWorkflow::refundable(t->context(), order).value(), t->amount(3000));
}

void TestRefunds::refusedRefundGivesItsAmountBack()
{
    auto t = till(ApiFamily::V3);
    QVERIFY(t);
    const QString order = paidOrder(*t, 1000);
    QVERIFY(!order.isEmpty());
    // Refunded in full at the merchant platform, which this history does not know.
    RefundRequest elsewhere;
    elsewhere.order = OrderRef::byOutTradeNo(order);
    elsewhere.outRefundNo = QStringLiteral("PLATFORM1");
    elsewhere.refund = t->amount(1000);
    elsewhere.total = t->amount(1000);
    WXPAY_VERIFY_OK(m_world.engine.refund(m_world.ids(ApiFamily::V3), elsewhere));

    RefundWorkflow refund(t->context());
    WXPAY_VERIFY_OK(refund.start({ order, t->amount(400), {}, {}, {} }));
    QVERIFY(runToEnd(refund));
    QCOMPARE(refund.outcome()->stage, Stage::Refused);
    QVERIFY(refund.outcome()->error);
    QCOMPARE(refund.outcome()->error->code, QStringLiteral("INVALID_REQUEST"));
    QCOMPARE(refund.outcome()->sends, 1);
    auto row = t->refunds.findByOutRefundNo(t->profileId(), refund.outRefundNo());
    QCOMPARE(row.value()->status, RefundStatus::Closed);
    QVERIFY(!row.value()->lastError.isEmpty());
    QCOMPARE(RefundWorkflow::refundable(t->context(), order).value(), t->amount(1000));
    QVERIFY(t->journal.pending().value().isEmpty());
}

void TestRefunds::definiteErrorAfterALostReplyNeverCloses_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<QStringList>("faults");
    QTest::addColumn<int>("sends"); // a definite error stops the sending; an unclear one sends the same refund again
    for (ApiFamily family : allFamilies()) {
        const QByteArray f = apiFamilyName(family).toLatin1();
        // The first send reaches WeChat and its reply is lost; the re-send meets an error.
        QTest::newRow(QByteArray(f + " lost, then NOTENOUGH").constData())
            << family << QStringList { QStringLiteral("refund:drop@1"), QStringLiteral("refund:business=NOTENOUGH@1") }
            << 2;
        QTest::newRow(QByteArray(f + " lost, then a proxy's 403 page").constData())
            << family << QStringList { QStringLiteral("refund:drop@1"), QStringLiteral("refund:proxy403@1") } << 3;
        QTest::newRow(QByteArray(f + " lost behind a proxy, then INVALID_REQUEST").constData())
            << family
            << QStringList { QStringLiteral("refund:proxy502after@1"),
                   QStringLiteral("refund:business=INVALID_REQUEST@1") }
            << 2;
        QTest::newRow(QByteArray(f + " lost, then an error that fails verification").constData())
            << family << QStringList { QStringLiteral("refund:drop@1"), QStringLiteral("refund:unsignederror@1") } << 3;
    }
}

void TestRefunds::definiteErrorAfterALostReplyNeverCloses()
{
    QFETCH(ApiFamily, family);
    QFETCH(QStringList, faults);
    QFETCH(int, sends);
    auto t = till(family);
    QVERIFY(t);
    const QString order = paidOrder(*t, 8000);
    QVERIFY(!order.isEmpty());
    for (const QString& fault : std::as_const(faults))
        m_world.engine.faults().add(sim::FaultRule::parse(fault).value());

    RefundWorkflow refund(t->context());
    WXPAY_VERIFY_OK(refund.start({ order, t->amount(4000), {}, {}, {} }));
    QVERIFY(runToEnd(refund));
    // Not closed: the query by out_refund_no finds the refund the first send made.
    QCOMPARE(refund.outcome()->stage, Stage::Succeeded);
    QCOMPARE(m_world.count(QStringLiteral("refund")), sends);
    const sim::LedgerEntry ledger = m_world.ledgerEntry(family, order);
    QCOMPARE(ledger.refundCount, 1);
    QCOMPARE(ledger.refunded, t->amount(4000));
    // So the cashier cannot refund the same 40.00 again as if nothing happened.
    QCOMPARE(RefundWorkflow::refundable(t->context(), order).value(), t->amount(4000));
    QVERIFY(t->journal.pending().value().isEmpty());
}

void TestRefunds::aProxyPageIsNotWeChatsAnswer()
{
    auto t = till(ApiFamily::V3);
    QVERIFY(t);
    const QString order = paidOrder(*t, 1000);
    QVERIFY(!order.isEmpty());
    m_world.engine.faults().add(sim::FaultRule::parse(QStringLiteral("refund:proxy403@1")).value());
    RefundWorkflow refund(t->context());
    WXPAY_VERIFY_OK(refund.start({ order, t->amount(300), {}, {}, {} }));
    QVERIFY(runToEnd(refund));
    QCOMPARE(refund.outcome()->stage, Stage::Succeeded);
    QCOMPARE(refund.outcome()->sends, 2);
    QCOMPARE(m_world.ledgerEntry(ApiFamily::V3, order).refundCount, 1);
}

void TestRefunds::closesOnlyWhenWeChatHasNoSuchRefund()
{
    auto t = till(ApiFamily::V2);
    QVERIFY(t);
    const QString order = paidOrder(*t, 1000);
    QVERIFY(!order.isEmpty());
    // Every send is cut off before WeChat sees it.
    m_world.engine.faults().add(sim::FaultRule::parse(QStringLiteral("refund:reset@*")).value());
    const QDateTime started = m_world.clock.now();
    RefundWorkflow refund(t->context());
    QList<QDateTime> queries;
    connect(&m_world.server(), &sim::SimServer::requestHandled, &refund, [this, &queries](const QJsonObject& e) {
        if (e.value(QStringLiteral("operation")).toString() == u"refundquery")
            queries.append(m_world.clock.now());
    });
    WXPAY_VERIFY_OK(refund.start({ order, t->amount(1000), {}, {}, {} }));
    QVERIFY(runToEnd(refund));
    QCOMPARE(refund.outcome()->stage, Stage::Closed);
    QVERIFY(refund.outcome()->error);
    QVERIFY(workflows::policy::isRefundNotFound(*refund.outcome()->error));
    // Closed on a "does not exist" that came after every send was certainly over, not on an earlier one.
    QVERIFY(queries.size() >= 2);
    QVERIFY(queries.last() >= started.addSecs(workflows::policy::kInFlightSettle.count()));
    QCOMPARE(m_world.ledgerEntry(ApiFamily::V2, order).refundCount, 0);
    QCOMPARE(RefundWorkflow::refundable(t->context(), order).value(), t->amount(1000));
    QVERIFY(t->journal.pending().value().isEmpty());
}

void TestRefunds::resumedRefundNeverGoesBackToSending()
{
    sim::SimSettings settings;
    settings.refundDelay = std::chrono::hours(1); // PROCESSING for an hour
    m_world.engine.setSettings(settings);
    QString outRefundNo;
    QString order;
    {
        auto t = till(ApiFamily::V3);
        QVERIFY(t);
        order = paidOrder(*t, 1000);
        QVERIFY(!order.isEmpty());
        RefundOptions options;
        options.maxPolls = 1;
        RefundWorkflow refund(t->context(), options);
        WXPAY_VERIFY_OK(refund.start({ order, t->amount(600), {}, {}, {} }));
        QVERIFY(runToEnd(refund));
        QCOMPARE(refund.outcome()->stage, Stage::NeedsAttention);
        outRefundNo = refund.outRefundNo();
    }
    // Two more runs, each still PROCESSING (one whose queries fail): the step stays "polling", nothing is re-sent.
    for (const QString& fault : { QString(), QStringLiteral("refundquery:http500@*") }) {
        m_world.engine.faults().clear();
        if (!fault.isEmpty())
            m_world.engine.faults().add(sim::FaultRule::parse(fault).value());
        auto t = till(ApiFamily::V3);
        QVERIFY(t);
        auto pending = t->journal.pending();
        WXPAY_VERIFY_OK(pending);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().step, QStringLiteral("polling"));
        RefundOptions options;
        options.maxPolls = 2;
        RefundWorkflow resumed(t->context(), options);
        WXPAY_VERIFY_OK(resumed.resume(pending->first()));
        QVERIFY(runToEnd(resumed));
        QCOMPARE(resumed.outcome()->stage, Stage::NeedsAttention);
        QCOMPARE(resumed.outcome()->sends, 0);
        pending = t->journal.pending();
        WXPAY_VERIFY_OK(pending);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().step, QStringLiteral("polling"));
        QVERIFY(!pending->first().payload.value(QStringLiteral("reason")).toString().isEmpty());
    }
    QCOMPARE(m_world.count(QStringLiteral("refund")), 1);
    QCOMPARE(m_world.ledgerEntry(ApiFamily::V3, order).refundCount, 1);
}

void TestRefunds::closedAndAbnormalRefunds_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<Stage>("stage");
    QTest::addColumn<qint64>("refundableAfter");
    for (ApiFamily family : { ApiFamily::V2, ApiFamily::V3 }) {
        const QByteArray f = apiFamilyName(family).toLatin1();
        QTest::newRow(QByteArray(f + " closed").constData()) << family << "SIM_CLOSED" << Stage::Closed << qint64(600);
        QTest::newRow(QByteArray(f + " abnormal").constData())
            << family << "SIM_ABNORMAL" << Stage::Abnormal << qint64(400);
    }
}

void TestRefunds::closedAndAbnormalRefunds()
{
    QFETCH(ApiFamily, family);
    QFETCH(QString, reason);
    QFETCH(Stage, stage);
    QFETCH(qint64, refundableAfter);
    auto t = till(family);
    QVERIFY(t);
    const QString order = paidOrder(*t, 600);
    QVERIFY(!order.isEmpty());
    RefundWorkflow refund(t->context());
    WXPAY_VERIFY_OK(refund.start({ order, t->amount(200), reason, {}, {} }));
    QVERIFY(runToEnd(refund));
    QCOMPARE(refund.outcome()->stage, stage);
    QCOMPARE(RefundWorkflow::refundable(t->context(), order).value(), t->amount(refundableAfter));
}

void TestRefunds::refusesOrdersOutsideTheHistory()
{
    auto t = till(ApiFamily::V2);
    QVERIFY(t);
    RefundWorkflow refund(t->context());
    WXPAY_VERIFY_ERROR(refund.start({ QStringLiteral("NOTHERE001"), t->amount(100), {}, {}, {} }), ErrorKind::Input,
        QStringLiteral("ORDER_NOT_IN_HISTORY"));

    // An order that was never paid.
    workflows::QuickPay pay(t->context());
    workflows::QuickPayRequest request;
    request.authCode = nextAuthCode(sim::QuickPayScenario::NotEnough);
    request.amount = t->amount(100);
    request.description = QStringLiteral("Shoes");
    request.clientIp = QStringLiteral("127.0.0.1");
    WXPAY_VERIFY_OK(pay.start(request));
    QVERIFY(QTest::qWaitFor([&pay] { return pay.isFinished(); }, kWaitMs));
    WXPAY_VERIFY_ERROR(refund.start({ pay.outTradeNo(), t->amount(100), {}, {}, {} }), ErrorKind::Input,
        QStringLiteral("ORDER_NOT_PAID"));
    QTest::qWait(50);
    QCOMPARE(m_world.count(QStringLiteral("refund")), 0);
}

void TestRefunds::checkFollowsUpUnsettledRefunds_data()
{
    addFamilies();
}

void TestRefunds::checkFollowsUpUnsettledRefunds()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);
    const QString order = paidOrder(*t, 900);
    QVERIFY(!order.isEmpty());

    // Two refunds that are not followed until they end (no polls allowed).
    RefundOptions options;
    options.maxPolls = 0;
    RefundWorkflow a(t->context(), options);
    RefundWorkflow b(t->context(), options);
    WXPAY_VERIFY_OK(a.start({ order, t->amount(100), {}, {}, {} }));
    WXPAY_VERIFY_OK(b.start({ order, t->amount(200), {}, {}, {} }));
    QVERIFY(runToEnd(a));
    QVERIFY(runToEnd(b));
    QCOMPARE(a.outcome()->stage, Stage::NeedsAttention);
    QCOMPARE(t->refunds.findByOutRefundNo(t->profileId(), a.outRefundNo()).value()->status, RefundStatus::Processing);
    QCOMPARE(t->journal.pending().value().size(), 2);

    m_world.clock.advance(std::chrono::seconds(10));
    m_world.resetCounts();
    RefundCheck check(t->context());
    QSignalSpy finished(&check, &RefundCheck::finished);
    WXPAY_VERIFY_OK(check.checkOrder(order));
    QVERIFY(finished.wait(kWaitMs));
    const auto outcome = finished.first().first().value<RefundCheck::Outcome>();
    QVERIFY2(!outcome.error, outcome.error ? qPrintable(outcome.error->toString()) : "");
    QCOMPARE(outcome.refunds.size(), 2);
    QCOMPARE(outcome.records.size(), 2);
    for (const storage::RefundRecord& record : outcome.records)
        QCOMPARE(record.status, RefundStatus::Success);
    // One query lists an order's refunds, except APIv3 domestic: one per refund.
    QCOMPARE(m_world.count(QStringLiteral("refundquery")), family == ApiFamily::V3 ? 2 : 1);

    RefundCheck single(t->context());
    QSignalSpy singleFinished(&single, &RefundCheck::finished);
    WXPAY_VERIFY_OK(single.checkRefund(order, b.outRefundNo()));
    QVERIFY(singleFinished.wait(kWaitMs));
    const auto one = singleFinished.first().first().value<RefundCheck::Outcome>();
    QCOMPARE(one.refunds.size(), 1);
    QCOMPARE(one.refunds.first().outRefundNo, b.outRefundNo());
    QCOMPARE(one.refunds.first().status, RefundStatus::Success);
}

void TestRefunds::checkPendingFollowsEveryUnsettledRefund_data()
{
    addFamilies();
}

void TestRefunds::checkPendingFollowsEveryUnsettledRefund()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);
    const QString first = paidOrder(*t, 900);
    const QString second = paidOrder(*t, 500);
    QVERIFY(!first.isEmpty());
    QVERIFY(!second.isEmpty());

    // A settled refund, then one unsettled refund on each order, neither followed (no polls, no resend): the
    // first was accepted (PROCESSING); the second was made but its answer was lost, so the history knows nothing
    // of it (UNKNOWN, and its order still reads paid).
    RefundWorkflow settled(t->context());
    WXPAY_VERIFY_OK(settled.start({ first, t->amount(50), {}, {}, {} }));
    QVERIFY(runToEnd(settled));
    QCOMPARE(settled.outcome()->stage, Stage::Succeeded);
    RefundOptions options;
    options.maxPolls = 0;
    options.maxSendAttempts = 1;
    RefundWorkflow a(t->context(), options);
    RefundWorkflow b(t->context(), options);
    WXPAY_VERIFY_OK(a.start({ first, t->amount(100), {}, {}, {} }));
    QVERIFY(runToEnd(a));
    m_world.engine.faults().add(sim::FaultRule::parse(QStringLiteral("refund:drop")).value());
    WXPAY_VERIFY_OK(b.start({ second, t->amount(200), {}, {}, {} }));
    QVERIFY(runToEnd(b));
    QCOMPARE(a.outcome()->stage, Stage::NeedsAttention);
    QCOMPARE(b.outcome()->stage, Stage::NeedsAttention);
    QCOMPARE(t->refunds.findByOutRefundNo(t->profileId(), a.outRefundNo()).value()->status, RefundStatus::Processing);
    QCOMPARE(t->refunds.findByOutRefundNo(t->profileId(), b.outRefundNo()).value()->status, RefundStatus::Unknown);
    QCOMPARE(t->order(second)->state, TradeState::Success);
    QCOMPARE(t->refunds.pending(t->profileId()).value().size(), 2);

    m_world.clock.advance(std::chrono::seconds(10));
    m_world.resetCounts();
    RefundCheck check(t->context());
    QSignalSpy finished(&check, &RefundCheck::finished);
    WXPAY_VERIFY_OK(check.checkPending());
    QVERIFY(check.isRunning());
    WXPAY_VERIFY_ERROR(check.checkPending(), ErrorKind::Input, QStringLiteral("BUSY"));
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(!check.isRunning());
    const auto outcome = finished.first().first().value<RefundCheck::Outcome>();
    QVERIFY2(!outcome.error, outcome.error ? qPrintable(outcome.error->toString()) : "");
    // One query per pending refund, whatever the family; the settled one is not asked about.
    QCOMPARE(m_world.count(QStringLiteral("refundquery")), 2);
    QCOMPARE(outcome.refunds.size(), 2);
    QCOMPARE(outcome.records.size(), 2);
    QStringList checked;
    for (const storage::RefundRecord& record : outcome.records) {
        checked << record.outRefundNo;
        QCOMPARE(record.status, RefundStatus::Success);
    }
    checked.sort();
    QStringList expected { a.outRefundNo(), b.outRefundNo() };
    expected.sort();
    QCOMPARE(checked, expected);
    for (const QString& no : std::as_const(expected)) {
        const auto row = t->refunds.findByOutRefundNo(t->profileId(), no);
        QCOMPARE(row.value()->status, RefundStatus::Success);
        QVERIFY(row.value()->successAt.isValid());
    }
    QVERIFY(t->refunds.pending(t->profileId()).value().isEmpty());
    QCOMPARE(t->order(second)->state, TradeState::Refund);

    // Each audit line names its own order and refund.
    for (const auto& [order, refund] :
        { std::pair { first, a.outRefundNo() }, std::pair { second, b.outRefundNo() } }) {
        storage::AuditQuery query;
        query.profileId = t->profileId();
        query.outTradeNo = order;
        const auto lines = t->audit.list(query);
        WXPAY_VERIFY_OK(lines);
        bool found = false;
        for (const storage::AuditEntry& line : lines.value())
            found = found || (line.action == u"refund.check" && line.outRefundNo == refund);
        QVERIFY2(found, qPrintable(order));
    }

    // Nothing pending: no query, and the answer still comes.
    m_world.resetCounts();
    RefundCheck none(t->context());
    QSignalSpy noneFinished(&none, &RefundCheck::finished);
    WXPAY_VERIFY_OK(none.checkPending());
    QVERIFY(noneFinished.wait(kWaitMs));
    const auto empty = noneFinished.first().first().value<RefundCheck::Outcome>();
    QVERIFY(empty.refunds.isEmpty());
    QVERIFY(empty.records.isEmpty());
    QCOMPARE(m_world.count(QStringLiteral("refundquery")), 0);
}

QTEST_GUILESS_MAIN(TestRefunds)
#include "tst_refunds.moc"
