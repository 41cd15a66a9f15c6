// Crash recovery, end to end: a wxpay-cli process is killed with SIGKILL at each step of a Quick Pay that the
// simulator holds unclear (the micropay lost on the way, applied but unanswered, during the order queries, during
// the reverse) and of a refund (sent, unanswered); `wxpay-cli resume` in a new process settles each one. The
// simulator's own ledger (its state file) and the history must then agree: every order the simulator knows is in
// the history in the same final state, nothing is charged twice, the refund exists once, and nothing is left
// pending.

#include "clitest.h"
#include "sim/scenario.h"
#include "workflows/quickpay.h"

#include <QJsonArray>
#include <QTest>

#include <csignal>

using namespace wxpay;
using namespace wxpay::clitest;

class TestCliRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void killedWhileTheMicropayWasLost();
    void killedAfterTheMicropayWasApplied();
    void killedDuringPolling();
    void killedDuringTheReverse();
    void killedAfterTheRefundWasSent();
    void paymentCommandsResumeAtStart();
    void closeAndReverseTakeTheHistoryLock();
    void ledgerAndHistoryAgree();

private:
    // Starts `pay quick` in the background with `code` (sandbox-v3); returns the process.
    std::unique_ptr<QProcess> startQuickPay(const QString& code, const QString& amount = QStringLiteral("6.60"));
    // The out_trade_no a payment code becomes (the workflow derives it from the profile and the code).
    static QString orderOf(const QString& code)
    {
        return workflows::QuickPay::outTradeNoFor(QStringLiteral("sandbox-v3"), code);
    }
    static void killHard(QProcess& process);
    CliRun resume();
    // Requests of an operation the simulator answered without a planned fault.
    qsizetype answered(const QString& operation) const;
    QJsonObject historyOrder(const QString& outTradeNo);

    CliEnvironment m_env;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QStringList m_codes; // every payment code used, to check that none was charged twice
};

void TestCliRecovery::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_sandbox = std::make_unique<SandboxProcess>(m_env);
    const QString failure = m_sandbox->start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestCliRecovery::cleanupTestCase()
{
    m_sandbox.reset();
}

void TestCliRecovery::init()
{
    m_env.pollIntervalMs = 40;
    QVERIFY(m_sandbox->clearFaults());
}

std::unique_ptr<QProcess> TestCliRecovery::startQuickPay(const QString& code, const QString& amount)
{
    m_codes << code;
    auto process = m_env.start({ QStringLiteral("pay"), QStringLiteral("quick"), QStringLiteral("--amount"), amount,
        QStringLiteral("--auth-code"), code });
    process->waitForStarted();
    return process;
}

void TestCliRecovery::killHard(QProcess& process)
{
    ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
    process.waitForFinished(10000);
}

qsizetype TestCliRecovery::answered(const QString& operation) const
{
    const QList<QJsonObject> lines = m_sandbox->requests(operation);
    return std::count_if(
        lines.cbegin(), lines.cend(), [](const QJsonObject& line) { return !line.contains(QStringLiteral("fault")); });
}

CliRun TestCliRecovery::resume()
{
    return m_env.run({ QStringLiteral("--json"), QStringLiteral("resume") });
}

QJsonObject TestCliRecovery::historyOrder(const QString& outTradeNo)
{
    const CliRun run
        = m_env.run({ QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("show"), outTradeNo });
    return run.json().value(QStringLiteral("order")).toObject();
}

void TestCliRecovery::killedWhileTheMicropayWasLost()
{
    // The payment reaches the simulator, which drops it unapplied and never answers: as if the request was lost.
    QVERIFY(m_sandbox->addFault(QStringLiteral("micropay:timeout")));
    const qsizetype micropays = m_sandbox->requests(QStringLiteral("micropay")).size();
    const QString code = nextAuthCode(sim::QuickPayScenario::PaysAfterQueries, 99);
    const QString outTradeNo = orderOf(code);
    auto cli = startQuickPay(code);
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->requests(QStringLiteral("micropay")).size() == micropays + 1, 20000);
    killHard(*cli);
    QCOMPARE(historyOrder(outTradeNo).value(QStringLiteral("state")).toString(), QStringLiteral("UNKNOWN"));
    QVERIFY(!m_sandbox->ledgerEntry(outTradeNo).has_value());

    const CliRun resumed = resume();
    QVERIFY2(resumed.exitCode == 0, resumed.describe().constData());
    const QJsonArray items = resumed.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("out_trade_no")).toString(), outTradeNo);
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("result")).toString(), QStringLiteral("NotPaid"));
    QCOMPARE(historyOrder(outTradeNo).value(QStringLiteral("state")).toString(), QStringLiteral("PAYERROR"));
    // Never re-submitted: a lost payment stays lost, the customer is asked again.
    QCOMPARE(m_sandbox->requests(QStringLiteral("micropay")).size(), micropays + 1);
    QVERIFY(!m_sandbox->ledgerEntry(outTradeNo).has_value());
}

void TestCliRecovery::killedAfterTheMicropayWasApplied()
{
    // Applied at once, answered a minute later: the process dies in between. The customer enters the password
    // 30 s (simulator time) after the order was made.
    QVERIFY(m_sandbox->addFault(QStringLiteral("micropay:delay=60000")));
    const qsizetype micropays = answered(QStringLiteral("micropay"));
    const QString code = nextAuthCode(sim::QuickPayScenario::PaysAfterSeconds, 30);
    const QString outTradeNo = orderOf(code);
    auto cli = startQuickPay(code);
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->ledgerEntry(outTradeNo).has_value(), 20000);
    killHard(*cli);
    QCOMPARE(m_sandbox->ledgerEntry(outTradeNo)->state, TradeState::UserPaying);

    QVERIFY(m_sandbox->advanceClock(31));
    const CliRun resumed = resume();
    QVERIFY2(resumed.exitCode == 0, resumed.describe().constData());
    QCOMPARE(resumed.json()
                 .value(QStringLiteral("items"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("result"))
                 .toString(),
        QStringLiteral("Paid"));
    QCOMPARE(historyOrder(outTradeNo).value(QStringLiteral("state")).toString(), QStringLiteral("SUCCESS"));
    const auto ledger = m_sandbox->ledgerEntry(outTradeNo);
    QCOMPARE(ledger->state, TradeState::Success);
    QCOMPARE(ledger->charged.minorUnits(), 660);
    // Never re-submitted: the resume queried.
    QCOMPARE(answered(QStringLiteral("micropay")), micropays);
}

void TestCliRecovery::killedDuringPolling()
{
    // Slow polling so that the process is surely between two queries when it dies.
    m_env.pollIntervalMs = 700;
    const qsizetype queries = m_sandbox->requests(QStringLiteral("query")).size();
    const QString code = nextAuthCode(sim::QuickPayScenario::PaysAfterQueries, 99);
    const QString outTradeNo = orderOf(code);
    auto cli = startQuickPay(code);
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->requests(QStringLiteral("query")).size() >= queries + 2, 20000);
    killHard(*cli);
    QCOMPARE(m_sandbox->ledgerEntry(outTradeNo)->state, TradeState::UserPaying);

    // The customer is still confirming: the reverse is refused while paying, so the first resume cannot settle it.
    m_env.pollIntervalMs = 40;
    const CliRun unsettled = resume();
    QVERIFY2(unsettled.exitCode == 8, unsettled.describe().constData());
    QCOMPARE(unsettled.json().value(QStringLiteral("unsettled")).toInt(), 1);
    QCOMPARE(historyOrder(outTradeNo).value(QStringLiteral("state")).toString(), QStringLiteral("USERPAYING"));

    // Then the customer confirms; the next resume finds it paid.
    const CliRun customer = m_sandbox->customerPays(sandboxMchid(ApiFamily::V3), outTradeNo);
    QVERIFY2(customer.exitCode == 0, customer.describe().constData());
    const CliRun settled = resume();
    QVERIFY2(settled.exitCode == 0, settled.describe().constData());
    QCOMPARE(historyOrder(outTradeNo).value(QStringLiteral("state")).toString(), QStringLiteral("SUCCESS"));
    QCOMPARE(m_sandbox->ledgerEntry(outTradeNo)->charged.minorUnits(), 660);
}

void TestCliRecovery::killedDuringTheReverse()
{
    // The order stays unclear, so the process reverses it; the reverse is applied but its answer never arrives.
    QVERIFY(m_sandbox->addFault(QStringLiteral("reverse:delay=60000")));
    const qsizetype reverses = answered(QStringLiteral("reverse"));
    const QString code = nextAuthCode(sim::QuickPayScenario::PayingForeverReversible);
    const QString outTradeNo = orderOf(code);
    auto cli = startQuickPay(code);
    // The state file shows the reverse applied at once; the log line of a delayed answer comes only with it.
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->ledgerEntry(outTradeNo).has_value()
            && m_sandbox->ledgerEntry(outTradeNo)->state == TradeState::Revoked,
        20000);
    killHard(*cli);
    QCOMPARE(m_sandbox->ledgerEntry(outTradeNo)->state, TradeState::Revoked);
    QCOMPARE(historyOrder(outTradeNo).value(QStringLiteral("state")).toString(), QStringLiteral("USERPAYING"));

    const CliRun resumed = resume();
    QVERIFY2(resumed.exitCode == 0, resumed.describe().constData());
    QCOMPARE(historyOrder(outTradeNo).value(QStringLiteral("state")).toString(), QStringLiteral("REVOKED"));
    QCOMPARE(m_sandbox->ledgerEntry(outTradeNo)->charged.minorUnits(), 0);
    // The one reverse that was sent (and applied) settled it; the resume only had to ask.
    QCOMPARE(answered(QStringLiteral("reverse")), reverses);
}

void TestCliRecovery::killedAfterTheRefundWasSent()
{
    const QString code = nextAuthCode(sim::QuickPayScenario::Success);
    m_codes << code;
    const CliRun paid = m_env.run({ QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("quick"),
        QStringLiteral("--amount"), QStringLiteral("5.00"), QStringLiteral("--auth-code"), code });
    QVERIFY2(paid.exitCode == 0, paid.describe().constData());
    const QString outTradeNo = paid.json().value(QStringLiteral("out_trade_no")).toString();

    QVERIFY(m_sandbox->addFault(QStringLiteral("refund:delay=60000")));
    const QString outRefundNo = QStringLiteral("RCRASH%1").arg(QDateTime::currentMSecsSinceEpoch());
    auto cli = m_env.start(
        { QStringLiteral("refund"), QStringLiteral("create"), QStringLiteral("--out-trade-no"), outTradeNo,
            QStringLiteral("--amount"), QStringLiteral("2.00"), QStringLiteral("--out-refund-no"), outRefundNo });
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->ledgerEntry(outTradeNo)->refundCount == 1, 20000);
    killHard(*cli);

    QVERIFY(m_sandbox->advanceClock(10));
    const CliRun resumed = resume();
    QVERIFY2(resumed.exitCode == 0, resumed.describe().constData());
    const QJsonObject item = resumed.json().value(QStringLiteral("items")).toArray().at(0).toObject();
    QCOMPARE(item.value(QStringLiteral("out_refund_no")).toString(), outRefundNo);
    QCOMPARE(item.value(QStringLiteral("result")).toString(), QStringLiteral("Succeeded"));

    const auto ledger = m_sandbox->ledgerEntry(outTradeNo);
    QCOMPARE(ledger->refundCount, 1);
    QCOMPARE(ledger->refunded.minorUnits(), 200);
    const CliRun shown
        = m_env.run({ QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("show"), outTradeNo });
    const QJsonArray refunds = shown.json().value(QStringLiteral("refunds")).toArray();
    QCOMPARE(refunds.size(), 1);
    QCOMPARE(refunds.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("SUCCESS"));
    QCOMPARE(refunds.at(0).toObject().value(QStringLiteral("out_refund_no")).toString(), outRefundNo);
}

void TestCliRecovery::closeAndReverseTakeTheHistoryLock()
{
    // A sale is running (its process holds the history lock) ...
    m_env.pollIntervalMs = 500;
    const qsizetype micropays = m_sandbox->requests(QStringLiteral("micropay")).size();
    const QString code = nextAuthCode(sim::QuickPayScenario::PayingForeverReversible);
    auto cli = startQuickPay(code);
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->requests(QStringLiteral("micropay")).size() == micropays + 1, 20000);
    // ... so a reverse or close of it from a second process moves nothing: they move money too.
    const qsizetype reverses = m_sandbox->requests(QStringLiteral("reverse")).size();
    for (const QString& verb : { QStringLiteral("reverse"), QStringLiteral("close") }) {
        const CliRun run = m_env.run({ QStringLiteral("--json"), QStringLiteral("order"), verb,
            QStringLiteral("--out-trade-no"), orderOf(code) });
        QVERIFY2(run.exitCode == 7, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("HISTORY_BUSY"));
    }
    QCOMPARE(m_sandbox->requests(QStringLiteral("reverse")).size(), reverses);
    QVERIFY(cli->waitForFinished(60000));
}

void TestCliRecovery::paymentCommandsResumeAtStart()
{
    m_env.pollIntervalMs = 700;
    const qsizetype queries = m_sandbox->requests(QStringLiteral("query")).size();
    const QString killedCode = nextAuthCode(sim::QuickPayScenario::PayingForeverReversible);
    const QString killed = orderOf(killedCode);
    auto cli = startQuickPay(killedCode);
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->requests(QStringLiteral("query")).size() >= queries + 1, 20000);
    killHard(*cli);

    // The next payment settles the one left behind (query, then reverse) besides taking its own.
    m_env.pollIntervalMs = 40;
    const QString code = nextAuthCode(sim::QuickPayScenario::Success);
    m_codes << code;
    const CliRun next = m_env.run({ QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("quick"),
        QStringLiteral("--amount"), QStringLiteral("1.10"), QStringLiteral("--auth-code"), code });
    QVERIFY2(next.exitCode == 0, next.describe().constData());
    QCOMPARE(next.json().value(QStringLiteral("result")).toString(), QStringLiteral("paid"));
    QVERIFY2(next.errors().contains(u"resumed micropay " + killed), next.describe().constData());
    QCOMPARE(historyOrder(killed).value(QStringLiteral("state")).toString(), QStringLiteral("REVOKED"));
    QCOMPARE(m_sandbox->ledgerEntry(killed)->state, TradeState::Revoked);
    QCOMPARE(m_sandbox->ledgerEntry(orderOf(code))->state, TradeState::Success);
}

void TestCliRecovery::ledgerAndHistoryAgree()
{
    const CliRun nothing = resume();
    QVERIFY2(nothing.exitCode == 0, nothing.describe().constData());
    QVERIFY(nothing.json().value(QStringLiteral("items")).toArray().isEmpty());

    const CliRun search = m_env.run({ QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("search"),
        QStringLiteral("--limit"), QStringLiteral("1000") });
    QVERIFY2(search.exitCode == 0, search.describe().constData());
    QHash<QString, QString> history;
    const QJsonArray orders = search.json().value(QStringLiteral("orders")).toArray();
    for (const QJsonValue& order : orders) {
        const QJsonObject o = order.toObject();
        history.insert(o.value(QStringLiteral("out_trade_no")).toString(), o.value(QStringLiteral("state")).toString());
    }
    const QList<sim::LedgerEntry> ledger = m_sandbox->ledger();
    QVERIFY(!ledger.isEmpty());
    QHash<QString, int> ordersPerCode;
    for (const sim::LedgerEntry& entry : ledger) {
        QVERIFY2(history.contains(entry.outTradeNo), qPrintable(u"lost order " + entry.outTradeNo));
        const QString state = tradeStateName(entry.state);
        // A refunded order reads REFUND at WeChat and stays SUCCESS (paid) in the history.
        const bool agrees = history.value(entry.outTradeNo) == state
            || (entry.state == TradeState::Refund && history.value(entry.outTradeNo) == u"SUCCESS");
        QVERIFY2(agrees,
            qPrintable(entry.outTradeNo + u": ledger " + state + u", history " + history.value(entry.outTradeNo)));
        QVERIFY(entry.charged.minorUnits() <= entry.total.minorUnits());
        if (!entry.authCode.isEmpty())
            ++ordersPerCode[entry.authCode];
    }
    for (const QString& code : std::as_const(m_codes))
        QVERIFY2(ordersPerCode.value(code) <= 1, qPrintable(u"payment code used twice: " + code));
    // Every history row is settled: none is left in a state that still needs a look.
    for (auto it = history.cbegin(); it != history.cend(); ++it)
        QVERIFY2(it.value() != u"USERPAYING" && it.value() != u"UNKNOWN", qPrintable(it.key() + u' ' + it.value()));
}

QTEST_GUILESS_MAIN(TestCliRecovery)
#include "tst_clirecovery.moc"
