#include "support/testsupport.h"
#include "workflows/policy.h"
#include "workflows/quickpay.h"
#include "workflowtest.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace wxpay;
using namespace wxpay::workflowtest;
using workflows::QuickPay;
using workflows::QuickPayOptions;
using workflows::QuickPayRequest;
using Scenario = sim::QuickPayScenario;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(wxpay::ApiFamily)
Q_DECLARE_METATYPE(wxpay::sim::QuickPayScenario)

namespace {

void addFamilyRows()
{
    QTest::addColumn<ApiFamily>("family");
    for (ApiFamily family : allFamilies())
        QTest::newRow(apiFamilyName(family).toLatin1().constData()) << family;
}

QuickPayOptions shortSchedule()
{
    QuickPayOptions options;
    options.queryDelays = { 3s, 5s };
    return options;
}

} // namespace

class TestQuickPay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void validatesBeforeSending_data();
    void validatesBeforeSending();
    void outTradeNoIsDerivedFromTheCode();
    void scenarioEndsInTheRightState_data();
    void scenarioEndsInTheRightState();
    void refusesASecondPaymentWithTheSameCode();
    void unclearRepliesAreQueried_data();
    void unclearRepliesAreQueried();
    void cashierCancelQueriesThenReverses();
    void cancelNeverReversesAPaidOrder();
    void reverseRetriesAreBounded_data();
    void reverseRetriesAreBounded();
    void everyStepIsAudited();
    void nonFinalAnswersAreNeverADecline_data();
    void nonFinalAnswersAreNeverADecline();
    void orderNotFoundEarlyIsNotDefinite_data();
    void orderNotFoundEarlyIsNotDefinite();
    void firstReverseComesAfterThirtySeconds_data();
    void firstReverseComesAfterThirtySeconds();
    void aReversesNotFoundDecidesNothing();
    void midnightDoesNotStopTheReverse();
    void pastTheWindowKeepsQuerying_data();
    void pastTheWindowKeepsQuerying();

private:
    struct Run
    {
        std::unique_ptr<QuickPay> quickPay;
        std::optional<QuickPay::Outcome> outcome;
    };
    std::unique_ptr<Till> till(ApiFamily family, const std::function<void(gateway::TransportConfig&)>& adjust = {});
    QuickPayRequest request(const Till& till, const QString& authCode, qint64 minor = 1234) const;
    static bool runToEnd(QuickPay& quickPay);

    SimWorld m_world;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestQuickPay::initTestCase()
{
    WXPAY_VERIFY_OK(m_world.start(allFamilies()));
}

void TestQuickPay::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_world.resetCounts();
}

void TestQuickPay::cleanup()
{
    m_world.engine.faults().clear();
    m_world.engine.setSettings(sim::SimSettings {});
}

std::unique_ptr<Till> TestQuickPay::till(ApiFamily family, const std::function<void(gateway::TransportConfig&)>& adjust)
{
    auto t = std::make_unique<Till>(m_world, family, m_dir->filePath(QStringLiteral("history.sqlite")), adjust);
    const Status opened = t->open();
    if (!opened)
        qWarning("till: %s", qPrintable(opened.error().toString()));
    return opened ? std::move(t) : nullptr;
}

QuickPayRequest TestQuickPay::request(const Till& t, const QString& authCode, qint64 minor) const
{
    QuickPayRequest r;
    r.authCode = authCode;
    r.amount = t.amount(minor);
    r.description = QStringLiteral("Coffee");
    r.clientIp = QStringLiteral("127.0.0.1");
    r.deviceId = QStringLiteral("POS-1");
    r.operatorId = QStringLiteral("alice");
    r.merchantCategoryCode = QStringLiteral("5812");
    return r;
}

bool TestQuickPay::runToEnd(QuickPay& quickPay)
{
    return QTest::qWaitFor([&quickPay] { return quickPay.isFinished(); }, kWaitMs);
}

void TestQuickPay::validatesBeforeSending_data()
{
    QTest::addColumn<QString>("authCode");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("code");

    const QString good = sim::makeAuthCode(Scenario::Success, 0, 1);
    QTest::newRow("17 digits") << good.left(17) << qint64(100) << "Tea"
                               << "AUTH_CODE_INVALID";
    QTest::newRow("19 digits") << (good + u'1') << qint64(100) << "Tea"
                               << "AUTH_CODE_INVALID";
    QTest::newRow("prefix 16") << (u"16" + good.mid(2)) << qint64(100) << "Tea"
                               << "AUTH_CODE_INVALID";
    QTest::newRow("prefix 09") << (u"09" + good.mid(2)) << qint64(100) << "Tea"
                               << "AUTH_CODE_INVALID";
    QTest::newRow("letter") << (good.left(17) + u'x') << qint64(100) << "Tea"
                            << "AUTH_CODE_INVALID";
    QTest::newRow("spaces") << (u' ' + good) << qint64(100) << "Tea"
                            << "AUTH_CODE_INVALID";
    QTest::newRow("zero amount") << good << qint64(0) << "Tea"
                                 << "AMOUNT_INVALID";
    QTest::newRow("no description") << good << qint64(100) << " "
                                    << "DESCRIPTION_EMPTY";
}

void TestQuickPay::validatesBeforeSending()
{
    QFETCH(QString, authCode);
    QFETCH(qint64, minor);
    QFETCH(QString, description);
    QFETCH(QString, code);

    auto t = till(ApiFamily::V3);
    QVERIFY(t);
    QuickPay quickPay(t->context());
    QuickPayRequest r = request(*t, authCode, minor);
    r.description = description;
    WXPAY_VERIFY_ERROR(quickPay.start(r), ErrorKind::Input, code);
    QTest::qWait(50);
    QCOMPARE(m_world.count(QStringLiteral("micropay")), 0);
    auto count = t->orders.count(storage::OrderQuery {});
    WXPAY_VERIFY_OK(count);
    QCOMPARE(count.value(), qint64(0));
    QCOMPARE(quickPay.stage(), QuickPay::Stage::Idle);
}

void TestQuickPay::outTradeNoIsDerivedFromTheCode()
{
    const QString code = sim::makeAuthCode(Scenario::Success, 0, 42);
    const QString a = QuickPay::outTradeNoFor(QStringLiteral("shop"), code);
    QCOMPARE(a.size(), 32);
    QVERIFY(a.startsWith(u"QP"));
    QVERIFY(!a.contains(code));
    QCOMPARE(QuickPay::outTradeNoFor(QStringLiteral("shop"), code), a);
    QVERIFY(QuickPay::outTradeNoFor(QStringLiteral("shop2"), code) != a);
    QVERIFY(QuickPay::outTradeNoFor(QStringLiteral("shop"), sim::makeAuthCode(Scenario::Success, 0, 43)) != a);
}

void TestQuickPay::scenarioEndsInTheRightState_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<int>("n");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<bool>("shortSchedule"); // queries at 3 and 8 s, then reverse (before the 45 s auto-revoke)
    QTest::addColumn<QuickPay::Stage>("stage");
    QTest::addColumn<QuickPay::NotPaidReason>("reason");
    QTest::addColumn<int>("queries");
    QTest::addColumn<int>("reverses");
    QTest::addColumn<TradeState>("ledgerState"); // Unknown: WeChat has no such order

    using S = QuickPay::Stage;
    using R = QuickPay::NotPaidReason;
    for (ApiFamily family : allFamilies()) {
        const QByteArray f = apiFamilyName(family).toLatin1();
        const auto row
            = [&f](const char* name) -> QTestData& { return QTest::newRow(QByteArray(f + ' ' + name).constData()); };
        row("00 success") << family << Scenario::Success << 0 << qint64(1234) << false << S::Paid << R::None << 0 << 0
                          << TradeState::Success;
        // Default schedule (policy::quickPayQueryDelays): queries 5, 10, 15, 20, 25, 30 s after the payment, then the
        // reverse at 30 s (reverse retries 2, 4, 8, 15 s apart); WeChat auto-revokes an unpaid order at 45 s.
        row("01 pays after 2 queries") << family << Scenario::PaysAfterQueries << 2 << qint64(1234) << false << S::Paid
                                       << R::None << 3 << 0 << TradeState::Success;
        row("02 fails after 1 query") << family << Scenario::FailsAfterQueries << 1 << qint64(1234) << false
                                      << S::NotPaid << R::Failed << 2 << 0 << TradeState::PayError;
        // Reverses at 30, 32, 36, 44 s are refused while paying; the one at 59 s meets the auto-revoked order.
        row("03 paying forever, reversed after the auto-revoke")
            << family << Scenario::PayingForever << 0 << qint64(1234) << false << S::NotPaid << R::Reversed << 6 << 5
            << TradeState::Revoked;
        // Reverse at 8 s is refused while paying; retried at 10, 14, 22, 37, 52 s; the order is auto-revoked at
        // 45 s, so the sixth reverse succeeds.
        row("03 paying forever, reverse refused then accepted")
            << family << Scenario::PayingForever << 0 << qint64(1234) << true << S::NotPaid << R::Reversed << 2 << 6
            << TradeState::Revoked;
        row("04 reversible while paying") << family << Scenario::PayingForeverReversible << 0 << qint64(1234) << true
                                          << S::NotPaid << R::Reversed << 2 << 1 << TradeState::Revoked;
        row("04 reversed at 30 s") << family << Scenario::PayingForeverReversible << 0 << qint64(1234) << false
                                   << S::NotPaid << R::Reversed << 6 << 1 << TradeState::Revoked;
        row("05 system error, paid") << family << Scenario::SystemErrorPaid << 0 << qint64(1234) << false << S::Paid
                                     << R::None << 1 << 0 << TradeState::Success;
        row("06 bank error, paid") << family << Scenario::BankErrorPaid << 0 << qint64(1234) << false << S::Paid
                                   << R::None << 1 << 0 << TradeState::Success;
        // ORDERNOTEXIST is not believed while the submit may still run inside WeChat: the schedule goes on, the
        // reverse at 30 s meets ORDERNOTEXIST too, and the query at 46 s settles it.
        row("07 system error, not created") << family << Scenario::SystemErrorNotCreated << 0 << qint64(1234) << false
                                            << S::NotPaid << R::NotCreated << 7 << 1 << TradeState::Unknown;
        row("08 auth code expired") << family << Scenario::AuthCodeExpired << 0 << qint64(1234) << false << S::NotPaid
                                    << R::Declined << 0 << 0 << TradeState::PayError;
        row("09 not enough") << family << Scenario::NotEnough << 0 << qint64(1234) << false << S::NotPaid << R::Declined
                             << 0 << 0 << TradeState::PayError;
        row("10 reverse recalls twice") << family << Scenario::ReverseRecall << 2 << qint64(1234) << true << S::NotPaid
                                        << R::Reversed << 2 << 3 << TradeState::Revoked;
        row("10 reverse recalls twice, default schedule")
            << family << Scenario::ReverseRecall << 2 << qint64(1234) << false << S::NotPaid << R::Reversed << 6 << 3
            << TradeState::Revoked;
        row("11 password after 10 s") << family << Scenario::PaysAfterSeconds << 10 << qint64(1234) << false << S::Paid
                                      << R::None << 2 << 0 << TradeState::Success;
        row("11 password after 25 s") << family << Scenario::PaysAfterSeconds << 25 << qint64(1234) << false << S::Paid
                                      << R::None << 5 << 0 << TradeState::Success;
        // Paid at 40 s, after the reverse began (refused while paying at 30, 32, 36 s): the reverse at 44 s gives
        // the money back. Nobody pays for a sale the till gave up on.
        row("11 password after 40 s") << family << Scenario::PaysAfterSeconds << 40 << qint64(1234) << false
                                      << S::NotPaid << R::Reversed << 6 << 4 << TradeState::Revoked;
        if (family == ApiFamily::V2 || family == ApiFamily::V3) {
            // WeChat asks for the password above 1000 CNY: like 11 with N = 10.
            row("00 over 1000 CNY") << family << Scenario::Success << 0 << qint64(100001) << false << S::Paid << R::None
                                    << 2 << 0 << TradeState::Success;
        }
    }
}

void TestQuickPay::scenarioEndsInTheRightState()
{
    QFETCH(ApiFamily, family);
    QFETCH(Scenario, scenario);
    QFETCH(int, n);
    QFETCH(qint64, minor);
    QFETCH(bool, shortSchedule);
    QFETCH(QuickPay::Stage, stage);
    QFETCH(QuickPay::NotPaidReason, reason);
    QFETCH(int, queries);
    QFETCH(int, reverses);
    QFETCH(TradeState, ledgerState);

    auto t = till(family);
    QVERIFY(t);
    QuickPay quickPay(t->context(), shortSchedule ? ::shortSchedule() : QuickPayOptions {});
    QSignalSpy finished(&quickPay, &QuickPay::finished);
    const QDateTime started = m_world.clock.now();
    WXPAY_VERIFY_OK(quickPay.start(request(*t, nextAuthCode(scenario, n), minor)));

    // Written before the payment went out.
    auto row = t->order(quickPay.outTradeNo());
    QVERIFY(row);
    QCOMPARE(row->amount, t->amount(minor));
    auto pending = t->journal.pending();
    WXPAY_VERIFY_OK(pending);
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->first().outTradeNo, quickPay.outTradeNo());

    QVERIFY(runToEnd(quickPay));
    QCOMPARE(finished.count(), 1);
    const auto outcome = finished.first().first().value<QuickPay::Outcome>();
    QCOMPARE(outcome.stage, stage);
    QCOMPARE(outcome.reason, reason);
    QCOMPARE(outcome.outTradeNo, quickPay.outTradeNo());
    QCOMPARE(outcome.queries, queries);
    QCOMPARE(outcome.reverses, reverses);
    // The server agrees on what was sent: one payment, never more.
    QCOMPARE(m_world.count(QStringLiteral("micropay")), 1);
    QCOMPARE(m_world.count(QStringLiteral("query")), queries);
    QCOMPARE(m_world.count(QStringLiteral("reverse")), reverses);
    if (reverses > 0)
        QVERIFY(m_world.clock.now() >= started.addSecs(8));

    // History, journal and WeChat's ledger agree.
    const sim::LedgerEntry ledger = m_world.ledgerEntry(family, quickPay.outTradeNo());
    QCOMPARE(ledger.state, ledgerState);
    row = t->order(quickPay.outTradeNo());
    QVERIFY(row);
    if (stage == QuickPay::Stage::Paid) {
        QCOMPARE(row->state, TradeState::Success);
        QCOMPARE(ledger.charged, t->amount(minor));
        QCOMPARE(row->transactionId, ledger.transactionId);
        QVERIFY(!row->transactionId.isEmpty());
        QVERIFY(row->paidAt.isValid());
        QVERIFY(outcome.transaction);
    } else {
        QVERIFY(row->state == TradeState::PayError || row->state == TradeState::Revoked);
        QCOMPARE(row->state, ledgerState == TradeState::Unknown ? TradeState::PayError : ledgerState);
        // Nothing kept from the customer: never charged, or given back by the reverse.
        const qint64 kept = (ledger.charged.isValid() ? ledger.charged.minorUnits() : 0)
            - (ledger.reversed.isValid() ? ledger.reversed.minorUnits() : 0);
        QCOMPARE(kept, qint64(0));
    }
    pending = t->journal.pending();
    WXPAY_VERIFY_OK(pending);
    QVERIFY(pending->isEmpty());
}

void TestQuickPay::refusesASecondPaymentWithTheSameCode()
{
    auto t = till(ApiFamily::V2);
    QVERIFY(t);
    const QString code = nextAuthCode(Scenario::Success);
    QuickPay first(t->context());
    WXPAY_VERIFY_OK(first.start(request(*t, code)));
    QVERIFY(runToEnd(first));
    QCOMPARE(first.outcome()->stage, QuickPay::Stage::Paid);

    QuickPay second(t->context());
    const Status again = second.start(request(*t, code, 999));
    WXPAY_VERIFY_ERROR(again, ErrorKind::Input, QStringLiteral("AUTH_CODE_USED"));
    QCOMPARE(again.error().detail, first.outTradeNo());
    QTest::qWait(50);
    QCOMPARE(m_world.count(QStringLiteral("micropay")), 1);
    QCOMPARE(m_world.ledgerEntry(ApiFamily::V2, first.outTradeNo()).charged, t->amount(1234));
}

void TestQuickPay::unclearRepliesAreQueried_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QuickPay::Stage>("stage");
    QTest::addColumn<QuickPay::NotPaidReason>("reason");
    QTest::addColumn<int>("queries");
    QTest::addColumn<int>("reverses");

    for (ApiFamily family : { ApiFamily::V2, ApiFamily::V3 }) {
        const QByteArray f = apiFamilyName(family).toLatin1();
        // Applied, but the reply is lost or cannot be trusted: the query finds the payment.
        QTest::newRow(QByteArray(f + " reply dropped").constData())
            << family << "micropay:drop" << QuickPay::Stage::Paid << QuickPay::NotPaidReason::None << 1 << 0;
        QTest::newRow(QByteArray(f + " bad signature").constData())
            << family << "micropay:badsign" << QuickPay::Stage::Paid << QuickPay::NotPaidReason::None << 1 << 0;
        QTest::newRow(QByteArray(f + " malformed body").constData())
            << family << "micropay:malformed" << QuickPay::Stage::Paid << QuickPay::NotPaidReason::None << 1 << 0;
        // Not applied: the queries say the order does not exist — believed only once the submit is certainly over
        // (policy::kInFlightSettle after it): the schedule and the reverse run first, then one more query.
        QTest::newRow(QByteArray(f + " no answer").constData())
            << family << "micropay:timeout" << QuickPay::Stage::NotPaid << QuickPay::NotPaidReason::NotCreated << 7
            << 1;
        QTest::newRow(QByteArray(f + " HTTP 500").constData())
            << family << "micropay:http500" << QuickPay::Stage::NotPaid << QuickPay::NotPaidReason::NotCreated << 7
            << 1;
        QTest::newRow(QByteArray(f + " HTTP 503").constData())
            << family << "micropay:http503" << QuickPay::Stage::NotPaid << QuickPay::NotPaidReason::NotCreated << 7
            << 1;
        QTest::newRow(QByteArray(f + " system busy").constData())
            << family << "micropay:busy" << QuickPay::Stage::NotPaid << QuickPay::NotPaidReason::NotCreated << 7 << 1;
    }
}

void TestQuickPay::unclearRepliesAreQueried()
{
    QFETCH(ApiFamily, family);
    QFETCH(QString, fault);
    QFETCH(QuickPay::Stage, stage);
    QFETCH(QuickPay::NotPaidReason, reason);
    QFETCH(int, queries);
    QFETCH(int, reverses);

    auto rule = sim::FaultRule::parse(fault);
    WXPAY_VERIFY_OK(rule);
    m_world.engine.faults().add(rule.value());
    auto t = till(family, [](gateway::TransportConfig& config) { config.timeout = 500ms; });
    QVERIFY(t);
    QuickPay quickPay(t->context());
    QList<QDateTime> queriedAt;
    connect(&m_world.server(), &sim::SimServer::requestHandled, &quickPay, [this, &queriedAt](const QJsonObject& e) {
        if (e.value(QStringLiteral("operation")).toString() == u"query")
            queriedAt.append(m_world.clock.now());
    });
    const QDateTime started = m_world.clock.now();
    WXPAY_VERIFY_OK(quickPay.start(request(*t, nextAuthCode(Scenario::Success))));
    QVERIFY(runToEnd(quickPay));
    QCOMPARE(quickPay.outcome()->stage, stage);
    QCOMPARE(quickPay.outcome()->reason, reason);
    QCOMPARE(quickPay.outcome()->queries, queries);
    QCOMPARE(quickPay.outcome()->reverses, reverses);
    QCOMPARE(m_world.count(QStringLiteral("micropay")), 1);
    // WeChat may still be working on an unclear submit: the first query waits at least 5 s.
    QVERIFY(!queriedAt.isEmpty());
    QVERIFY(queriedAt.first() >= started.addSecs(5));
    const sim::LedgerEntry ledger = m_world.ledgerEntry(family, quickPay.outTradeNo());
    if (stage == QuickPay::Stage::Paid) {
        QCOMPARE(ledger.charged, t->amount(1234));
        QCOMPARE(t->order(quickPay.outTradeNo())->state, TradeState::Success);
    } else {
        // "Not found" decided the sale only after the submit was certainly over.
        QVERIFY(queriedAt.last() >= started.addSecs(workflows::policy::kInFlightSettle.count()));
        QCOMPARE(ledger.state, TradeState::Unknown);
        QCOMPARE(t->order(quickPay.outTradeNo())->state, TradeState::PayError);
    }
}

void TestQuickPay::cashierCancelQueriesThenReverses()
{
    for (ApiFamily family : allFamilies()) {
        m_world.resetCounts();
        auto t = till(family);
        QVERIFY(t);
        t->scheduler.setAutomatic(false);
        QuickPay quickPay(t->context());
        QSignalSpy stages(&quickPay, &QuickPay::stageChanged);
        WXPAY_VERIFY_OK(quickPay.start(request(*t, nextAuthCode(Scenario::PayingForeverReversible))));
        QTRY_COMPARE_WITH_TIMEOUT(quickPay.stage(), QuickPay::Stage::WaitingForPassword, kWaitMs);
        QCOMPARE(t->scheduler.pendingCount(), 1);
        quickPay.cancel();
        QCOMPARE(quickPay.stage(), QuickPay::Stage::Cancelling);
        t->scheduler.setAutomatic(true);
        QVERIFY(runToEnd(quickPay));
        QCOMPARE(quickPay.outcome()->stage, QuickPay::Stage::NotPaid);
        QCOMPARE(quickPay.outcome()->reason, QuickPay::NotPaidReason::Reversed);
        QCOMPARE(quickPay.outcome()->queries, 1);
        QCOMPARE(quickPay.outcome()->reverses, 1);
        QCOMPARE(m_world.count(QStringLiteral("query")), 1);
        QCOMPARE(m_world.count(QStringLiteral("reverse")), 1);
        QCOMPARE(m_world.ledgerEntry(family, quickPay.outTradeNo()).state, TradeState::Revoked);
        QCOMPARE(t->order(quickPay.outTradeNo())->state, TradeState::Revoked);
        // The stages a cashier saw, in order.
        QList<QuickPay::Stage> seen;
        for (const QList<QVariant>& args : std::as_const(stages))
            seen.append(args.first().value<QuickPay::Stage>());
        const QList<QuickPay::Stage> expected { QuickPay::Stage::Submitting, QuickPay::Stage::WaitingForPassword,
            QuickPay::Stage::Cancelling, QuickPay::Stage::Cancelling, QuickPay::Stage::Cancelling,
            QuickPay::Stage::NotPaid };
        QCOMPARE(seen, expected);
    }
}

void TestQuickPay::cancelNeverReversesAPaidOrder()
{
    auto t = till(ApiFamily::V3);
    QVERIFY(t);
    t->scheduler.setAutomatic(false);
    QuickPay quickPay(t->context());
    // USERPAYING on submit; the first query answers SUCCESS.
    WXPAY_VERIFY_OK(quickPay.start(request(*t, nextAuthCode(Scenario::PaysAfterQueries, 0))));
    QTRY_COMPARE_WITH_TIMEOUT(quickPay.stage(), QuickPay::Stage::WaitingForPassword, kWaitMs);
    quickPay.cancel();
    QVERIFY(runToEnd(quickPay));
    QCOMPARE(quickPay.outcome()->stage, QuickPay::Stage::Paid);
    QCOMPARE(quickPay.outcome()->reverses, 0);
    QCOMPARE(m_world.count(QStringLiteral("reverse")), 0);
    QCOMPARE(m_world.ledgerEntry(ApiFamily::V3, quickPay.outTradeNo()).charged, t->amount(1234));
}

void TestQuickPay::reverseRetriesAreBounded_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<QString>("code");
    // v2 answers "paying" with recall=Y; v3 with 403 USERPAYING.
    QTest::newRow("v2") << ApiFamily::V2 << "RECALL";
    QTest::newRow("v3") << ApiFamily::V3 << "USERPAYING";
}

void TestQuickPay::reverseRetriesAreBounded()
{
    QFETCH(ApiFamily, family);
    QFETCH(QString, code);

    sim::SimSettings settings;
    settings.quickPayAutoRevoke = std::chrono::hours(1);
    m_world.engine.setSettings(settings);
    auto t = till(family);
    QVERIFY(t);
    QuickPayOptions options = shortSchedule();
    options.maxReverseAttempts = 4;
    QuickPay quickPay(t->context(), options);
    WXPAY_VERIFY_OK(quickPay.start(request(*t, nextAuthCode(Scenario::PayingForever))));
    QVERIFY(runToEnd(quickPay));
    QCOMPARE(quickPay.outcome()->stage, QuickPay::Stage::NeedsAttention);
    QVERIFY(!quickPay.outcome()->refundSuggested);
    QVERIFY(quickPay.outcome()->error);
    QCOMPARE(quickPay.outcome()->error->code, code);
    QCOMPARE(quickPay.outcome()->reverses, 4);
    QCOMPARE(m_world.count(QStringLiteral("reverse")), 4);
    QCOMPARE(m_world.count(QStringLiteral("micropay")), 1);
    // Still unsettled: the entry stays open where it got to, with its reason, for the re-drive and the next start.
    auto pending = t->journal.pending();
    WXPAY_VERIFY_OK(pending);
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->first().step, QStringLiteral("reversing"));
    QVERIFY(pending->first().payload.value(QStringLiteral("reason")).toString().contains(code));
    QVERIFY(!t->journal.isClaimed(pending->first().id));
    QVERIFY(!t->order(quickPay.outTradeNo())->lastError.isEmpty());
}

void TestQuickPay::everyStepIsAudited()
{
    auto t = till(ApiFamily::V3);
    QVERIFY(t);
    QuickPay quickPay(t->context(), shortSchedule());
    WXPAY_VERIFY_OK(quickPay.start(request(*t, nextAuthCode(Scenario::ReverseRecall, 1))));
    QVERIFY(runToEnd(quickPay));
    QCOMPARE(quickPay.outcome()->reverses, 2);

    storage::AuditQuery query;
    query.profileId = t->profileId();
    query.outTradeNo = quickPay.outTradeNo();
    auto entries = t->audit.list(query);
    WXPAY_VERIFY_OK(entries);
    QStringList actions;
    for (auto it = entries->crbegin(); it != entries->crend(); ++it) {
        actions.append(it->action);
        QCOMPARE(it->actor, QStringLiteral("alice"));
        if (it->action == u"quickpay.micropay" || it->action == u"quickpay.query" || it->action == u"quickpay.reverse")
            QVERIFY2(!it->requestId.isEmpty(), qPrintable(it->action)); // v3 replies carry a Request-ID
    }
    const QStringList expected { QStringLiteral("quickpay.start"), QStringLiteral("quickpay.micropay"),
        QStringLiteral("quickpay.query"), QStringLiteral("quickpay.query"), QStringLiteral("quickpay.reverse"),
        QStringLiteral("quickpay.reverse"), QStringLiteral("quickpay.outcome") };
    QCOMPARE(actions, expected);
}

void TestQuickPay::nonFinalAnswersAreNeverADecline_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QuickPay::Stage>("stage");
    for (ApiFamily family : allFamilies()) {
        const QByteArray f = apiFamilyName(family).toLatin1();
        // micropay answers a verified 200 with trade_state ACCEPT / NOTPAY (v2: SYSTEMERROR); the money is taken
        // two queries later, or the order fails.
        QTest::newRow(QByteArray(f + " ACCEPT, then paid").constData())
            << family << Scenario::AcceptPaysAfterQueries << QuickPay::Stage::Paid;
        QTest::newRow(QByteArray(f + " NOTPAY, then paid").constData())
            << family << Scenario::NotPayPaysAfterQueries << QuickPay::Stage::Paid;
        QTest::newRow(QByteArray(f + " ACCEPT, then PAYERROR").constData())
            << family << Scenario::AcceptFailsAfterQueries << QuickPay::Stage::NotPaid;
    }
}

void TestQuickPay::nonFinalAnswersAreNeverADecline()
{
    QFETCH(ApiFamily, family);
    QFETCH(Scenario, scenario);
    QFETCH(QuickPay::Stage, stage);

    auto t = till(family);
    QVERIFY(t);
    QuickPay quickPay(t->context());
    WXPAY_VERIFY_OK(quickPay.start(request(*t, nextAuthCode(scenario, 2))));
    QVERIFY(runToEnd(quickPay));
    QCOMPARE(quickPay.outcome()->stage, stage);
    QCOMPARE(quickPay.outcome()->queries, 3);
    const sim::LedgerEntry ledger = m_world.ledgerEntry(family, quickPay.outTradeNo());
    if (stage == QuickPay::Stage::Paid) {
        QCOMPARE(ledger.charged, t->amount(1234));
        QCOMPARE(t->order(quickPay.outTradeNo())->state, TradeState::Success);
    } else {
        QCOMPARE(quickPay.outcome()->reason, QuickPay::NotPaidReason::Failed);
        QCOMPARE(ledger.state, TradeState::PayError);
        QCOMPARE(t->order(quickPay.outTradeNo())->state, TradeState::PayError);
    }
    QVERIFY(t->journal.pending().value().isEmpty());
}

void TestQuickPay::orderNotFoundEarlyIsNotDefinite_data()
{
    addFamilyRows();
}

void TestQuickPay::orderNotFoundEarlyIsNotDefinite()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);
    const QDateTime started = m_world.clock.now();
    QuickPay quickPay(t->context());
    // SYSTEMERROR; the first query (5 s) answers ORDERNOTEXIST, WeChat was still working; then it is paid.
    WXPAY_VERIFY_OK(quickPay.start(request(*t, nextAuthCode(Scenario::OrderNotExistThenPaid, 1))));
    QVERIFY(runToEnd(quickPay));
    QCOMPARE(quickPay.outcome()->stage, QuickPay::Stage::Paid);
    QCOMPARE(quickPay.outcome()->queries, 2);
    QCOMPARE(quickPay.outcome()->reverses, 0);
    QVERIFY(m_world.clock.now() >= started.addSecs(10));
    QCOMPARE(m_world.ledgerEntry(family, quickPay.outTradeNo()).charged, t->amount(1234));
    QCOMPARE(t->order(quickPay.outTradeNo())->state, TradeState::Success);
}

void TestQuickPay::firstReverseComesAfterThirtySeconds_data()
{
    addFamilyRows();
}

void TestQuickPay::firstReverseComesAfterThirtySeconds()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);
    QuickPay quickPay(t->context());
    QList<QPair<QString, QDateTime>> requests;
    connect(&m_world.server(), &sim::SimServer::requestHandled, &quickPay, [this, &requests](const QJsonObject& e) {
        requests.append({ e.value(QStringLiteral("operation")).toString(), m_world.clock.now() });
    });
    const QDateTime started = m_world.clock.now();
    WXPAY_VERIFY_OK(quickPay.start(request(*t, nextAuthCode(Scenario::PayingForeverReversible))));
    QVERIFY(runToEnd(quickPay));
    QStringList operations;
    for (const auto& r : std::as_const(requests))
        operations.append(r.first);
    const QStringList expected { QStringLiteral("micropay"), QStringLiteral("query"), QStringLiteral("query"),
        QStringLiteral("query"), QStringLiteral("query"), QStringLiteral("query"), QStringLiteral("query"),
        QStringLiteral("reverse") };
    QCOMPARE(operations, expected);
    // The documented schedule: a query every 5 s, the reverse 30 s after the unclear answer (inside the 45 s in
    // which HK / Global revoke by themselves).
    for (qsizetype i = 1; i <= 6; ++i)
        QCOMPARE(started.secsTo(requests.at(i).second), qint64(5 * i));
    QCOMPARE(started.secsTo(requests.last().second), qint64(30));
}

void TestQuickPay::aReversesNotFoundDecidesNothing()
{
    auto t = till(ApiFamily::V3);
    QVERIFY(t);
    // Paid, but the answer is lost and no query gets through; the first reverse is applied (the money goes back)
    // and its answer lost; the second, a minute later, meets a signed ORDERNOTEXIST.
    for (const QString& fault : { QStringLiteral("micropay:drop@1"), QStringLiteral("query:http500@*"),
             QStringLiteral("reverse:drop@1"), QStringLiteral("reverse:business=ORDERNOTEXIST@1") })
        m_world.engine.faults().add(sim::FaultRule::parse(fault).value());
    QuickPayOptions options = shortSchedule();
    options.reverseDelays = { 60s };
    options.maxReverseAttempts = 3;
    QuickPay quickPay(t->context(), options);
    WXPAY_VERIFY_OK(quickPay.start(request(*t, nextAuthCode(Scenario::Success))));
    QVERIFY(runToEnd(quickPay));
    // Not "never created" (only a query could say that, and none got an answer): the reverse goes on until
    // WeChat says the order is reversed, and the history says so too.
    QCOMPARE(quickPay.outcome()->stage, QuickPay::Stage::NotPaid);
    QCOMPARE(quickPay.outcome()->reason, QuickPay::NotPaidReason::Reversed);
    QCOMPARE(quickPay.outcome()->reverses, 3);
    QCOMPARE(m_world.ledgerEntry(ApiFamily::V3, quickPay.outTradeNo()).state, TradeState::Revoked);
    QCOMPARE(t->order(quickPay.outTradeNo())->state, TradeState::Revoked);
    QVERIFY(t->journal.pending().value().isEmpty());
}

void TestQuickPay::midnightDoesNotStopTheReverse()
{
    // 23:59:55 in China: the reverse falls on the next day, well inside WeChat's reverse window.
    const QDateTime now = m_world.clock.now();
    QDateTime lateEvening(now.date(), QTime(15, 59, 55), Qt::UTC);
    if (lateEvening < now)
        lateEvening = lateEvening.addDays(1);
    m_world.clock.set(lateEvening);

    auto t = till(ApiFamily::V2);
    QVERIFY(t);
    QuickPay quickPay(t->context(), shortSchedule());
    WXPAY_VERIFY_OK(quickPay.start(request(*t, nextAuthCode(Scenario::PayingForeverReversible))));
    QVERIFY(runToEnd(quickPay));
    QVERIFY(m_world.clock.now() > lateEvening.addSecs(5)); // past China midnight
    QCOMPARE(quickPay.outcome()->stage, QuickPay::Stage::NotPaid);
    QCOMPARE(quickPay.outcome()->reason, QuickPay::NotPaidReason::Reversed);
    QCOMPARE(quickPay.outcome()->reverses, 1);
    QCOMPARE(m_world.ledgerEntry(ApiFamily::V2, quickPay.outTradeNo()).state, TradeState::Revoked);
    QCOMPARE(t->order(quickPay.outTradeNo())->state, TradeState::Revoked);
    auto pending = t->journal.pending();
    WXPAY_VERIFY_OK(pending);
    QVERIFY(pending->isEmpty());
}

void TestQuickPay::pastTheWindowKeepsQuerying_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QuickPay::Stage>("stage");
    QTest::addColumn<bool>("open");
    // Paid meanwhile: kept paid, flagged for a refund decision, settled.
    QTest::newRow("paid") << Scenario::PaysAfterQueries << QuickPay::Stage::Paid << false;
    // Never settles while the workflow runs: the entry stays open, visibly, with its reason.
    QTest::newRow("still paying") << Scenario::PayingForever << QuickPay::Stage::NeedsAttention << true;
}

void TestQuickPay::pastTheWindowKeepsQuerying()
{
    QFETCH(Scenario, scenario);
    QFETCH(QuickPay::Stage, stage);
    QFETCH(bool, open);

    sim::SimSettings settings;
    settings.quickPayAutoRevoke = std::chrono::hours(1000); // WeChat does not end it either
    m_world.engine.setSettings(settings);
    const std::unique_ptr<Till> first = till(ApiFamily::V3);
    QVERIFY(first);
    QString outTradeNo;
    {
        // The till stops while the payment is unclear ...
        first->scheduler.setAutomatic(false);
        QuickPay quickPay(first->context());
        WXPAY_VERIFY_OK(quickPay.start(request(*first, nextAuthCode(scenario, 3))));
        QTRY_COMPARE_WITH_TIMEOUT(quickPay.stage(), QuickPay::Stage::WaitingForPassword, kWaitMs);
        outTradeNo = quickPay.outTradeNo();
    }
    // ... and starts again two days later, past the family's reverse window.
    m_world.clock.set(m_world.clock.now().addDays(2));
    auto second = till(ApiFamily::V3); // the same history file
    QVERIFY(second);
    auto pending = second->journal.pending();
    WXPAY_VERIFY_OK(pending);
    QCOMPARE(pending->size(), 1);
    QuickPay resumed(second->context());
    WXPAY_VERIFY_OK(resumed.resume(pending->first()));
    QVERIFY(runToEnd(resumed));
    QCOMPARE(resumed.outcome()->stage, stage);
    QCOMPARE(m_world.count(QStringLiteral("reverse")), 0);
    QCOMPARE(resumed.outcome()->refundSuggested, stage == QuickPay::Stage::Paid);
    pending = second->journal.pending();
    WXPAY_VERIFY_OK(pending);
    QCOMPARE(pending->size(), open ? 1 : 0);
    if (open) {
        QCOMPARE(pending->first().step, QStringLiteral("watching"));
        QVERIFY(!pending->first().payload.value(QStringLiteral("reason")).toString().isEmpty());
        QCOMPARE(second->order(outTradeNo)->state, TradeState::UserPaying);
    } else {
        QCOMPARE(second->order(outTradeNo)->state, TradeState::Success);
    }
}

QTEST_GUILESS_MAIN(TestQuickPay)
#include "tst_quickpay.moc"
