// wxpay-cli's command line: --help for every command, and the exit code of every way a command can end. Bad input
// is refused before anything is sent: the sandbox's request log must not grow.

#include "clitest.h"
#include "sim/scenario.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

#include <csignal>

using namespace wxpay;
using namespace wxpay::clitest;

class TestCliUsage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void topLevelHelp();
    void commandHelp_data();
    void commandHelp();
    void usageErrors_data();
    void usageErrors();
    void badInputSendsNothing_data();
    void badInputSendsNothing();
    void usageErrorAsJson();
    void businessRefusalIs5();
    void untrustedAnswerIs4();
    void missingSecretIs6();
    void unusableHistoryIs7();
    void busyHistoryIs7AndCtrlCClosesTheOrder();
    void reversedPaymentIs8();
    void networkFailureIs3();

private:
    CliEnvironment m_env;
    std::unique_ptr<SandboxProcess> m_sandbox;
};

void TestCliUsage::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_sandbox = std::make_unique<SandboxProcess>(m_env);
    const QString failure = m_sandbox->start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestCliUsage::cleanupTestCase()
{
    m_sandbox.reset();
}

void TestCliUsage::topLevelHelp()
{
    const CliRun run = m_env.run({ QStringLiteral("--help") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    for (const char* command : { "profile", "sandbox", "pay native", "pay quick", "order", "refund", "unionid",
             "history", "resume", "Exit codes:", "--json", "--profile", "--db" })
        QVERIFY2(run.text().contains(QLatin1String(command)), command);

    const CliRun none = m_env.run({});
    QCOMPARE(none.exitCode, 2);
    const CliRun version = m_env.run({ QStringLiteral("--version") });
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.text().startsWith(u"wxpay-cli "));
}

void TestCliUsage::commandHelp_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QStringList>("mentions");
    const auto row = [](const char* command, const char* mentions) {
        QTest::newRow(command) << words(command) << words(mentions);
    };
    row("profile add", "--mchid --family --replace");
    row("profile list", "current");
    row("profile show", "secrets");
    row("profile remove", "keychain");
    row("profile import-keys", "--key --cert --p12 --apiv2-key-file --apiv3-key-file --wechatpay-public-key");
    row("profile select", "--profile");
    row("sandbox", "--state --port SIGTERM pays-after-queries");
    row("pay native", "--amount --qr-png --qr-svg --wait code_url");
    row("pay quick", "--amount --auth-code reverse");
    row("order query", "--transaction-id --out-trade-no");
    row("order close", "--out-trade-no ORDERPAID");
    row("order reverse", "--out-trade-no recall");
    row("refund create", "--out-trade-no --amount --reason --out-refund-no");
    row("refund query", "--out-refund-no --out-trade-no");
    row("unionid", "--openid --transaction-id --mch-id --access-token");
    row("history search", "--id-prefix --from --to --state --min --max --text --limit");
    row("history show", "OUT_TRADE_NO");
    row("history export", "CSV --state");
    row("resume", "journal reversed");
}

void TestCliUsage::commandHelp()
{
    QFETCH(QStringList, command);
    QFETCH(QStringList, mentions);
    const CliRun run = m_env.run(command + QStringList { QStringLiteral("--help") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const QString text = run.text();
    QVERIFY2(text.startsWith(u"Usage: wxpay-cli " + command.join(u' ')), qPrintable(text.left(200)));
    QVERIFY(text.contains(u"Exit codes:"));
    QVERIFY(text.contains(u"--json"));
    for (const QString& mention : mentions)
        QVERIFY2(text.contains(mention), qPrintable(mention));
}

void TestCliUsage::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    QTest::newRow("unknown command") << words("frobnicate") << QStringLiteral("unknown command");
    QTest::newRow("unknown verb") << words("pay cheque") << QStringLiteral("unknown pay verb");
    QTest::newRow("unknown option") << words("pay quick --colour red") << QStringLiteral("colour");
    QTest::newRow("poll interval") << words("--poll-interval-ms 0 history search")
                                   << QStringLiteral("poll-interval-ms");
    QTest::newRow("missing amount") << words("pay quick --auth-code 134567890123456789") << QStringLiteral("--amount");
}

void TestCliUsage::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    const CliRun run = m_env.run(arguments);
    QVERIFY2(run.exitCode == 2, run.describe().constData());
    QVERIFY2(run.errors().contains(says), run.describe().constData());
}

void TestCliUsage::badInputSendsNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("code");
    const QString authCode = nextAuthCode(sim::QuickPayScenario::Success);
    const auto quick = [&authCode](const char* amount) {
        return words("pay quick --amount") << QString::fromLatin1(amount) << QStringLiteral("--auth-code") << authCode;
    };
    const auto row = [](const char* name, const QStringList& arguments, const char* code) {
        QTest::newRow(name) << arguments << QString::fromLatin1(code);
    };
    row("amount: three decimals", quick("12.345"), "AMOUNT_INVALID");
    row("amount: negative", quick("-1"), "AMOUNT_INVALID");
    row("amount: words", quick("twelve"), "AMOUNT_INVALID");
    row("amount: zero", quick("0.00"), "AMOUNT_INVALID");
    row("amount: over 2^31 fen", quick("21474836.48"), "AMOUNT_INVALID");
    row("auth code: short", words("pay quick --amount 1 --auth-code 1345678"), "AUTH_CODE_INVALID");
    row("auth code: prefix 19", words("pay quick --amount 1 --auth-code 194567890123456789"), "AUTH_CODE_INVALID");
    row("auth code: letters", words("pay quick --amount 1 --auth-code 13456789012345678x"), "AUTH_CODE_INVALID");
    row("unknown profile", words("--profile nosuch pay native --amount 1"), "PROFILE_NOT_FOUND");
    row("native: out_trade_no too short", words("pay native --amount 1 --out-trade-no ab"), "OUT_TRADE_NO_INVALID");
    row("native: expiry too short", words("pay native --amount 1 --expires-in 3"), "USAGE");
    row("order: both ids", words("order query --transaction-id 4200000000 --out-trade-no N123456"), "USAGE");
    row("order: no id", words("order close"), "USAGE");
    row("order: bad out_trade_no", words("order query --out-trade-no has+space"), "OUT_TRADE_NO_INVALID");
    row("refund: order not in history", words("refund create --out-trade-no N000000000 --amount 1"),
        "ORDER_NOT_IN_HISTORY");
    row("unionid: no openid", words("unionid --transaction-id 42000001"), "USAGE");
    row("history: bad state", words("history search --state PAIDISH"), "USAGE");
    row("history: bad date", words("history search --from yesterday"), "USAGE");
}

void TestCliUsage::badInputSendsNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, code);
    const qsizetype before = m_sandbox->requests().size();
    const CliRun run = m_env.run(QStringList { QStringLiteral("--json") } + arguments);
    QVERIFY2(run.exitCode == 2, run.describe().constData());
    const QJsonObject json = run.json();
    QVERIFY2(!json.isEmpty(), run.describe().constData());
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(json.value(QStringLiteral("exit_code")).toInt(), 2);
    QCOMPARE(json.value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
        QStringLiteral("input"));
    QCOMPARE(json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), code);
    QCOMPARE(m_sandbox->requests().size(), before);
}

void TestCliUsage::usageErrorAsJson()
{
    // Human mode: the message on stderr, nothing on stdout.
    const CliRun human = m_env.run({ QStringLiteral("pay"), QStringLiteral("quick"), QStringLiteral("--amount"),
        QStringLiteral("1.001"), QStringLiteral("--auth-code"), nextAuthCode(sim::QuickPayScenario::Success) });
    QCOMPARE(human.exitCode, 2);
    QVERIFY(human.out.isEmpty());
    QVERIFY2(human.errors().contains(u"1.001"), human.describe().constData());
}

void TestCliUsage::businessRefusalIs5()
{
    const CliRun notEnough = m_env.run(
        { QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("quick"), QStringLiteral("--amount"),
            QStringLiteral("3.00"), QStringLiteral("--auth-code"), nextAuthCode(sim::QuickPayScenario::NotEnough) });
    QVERIFY2(notEnough.exitCode == 5, notEnough.describe().constData());
    QCOMPARE(notEnough.json().value(QStringLiteral("reason")).toString(), QStringLiteral("declined"));
    QCOMPARE(notEnough.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
        QStringLiteral("business"));

    const CliRun unknown = m_env.run({ QStringLiteral("order"), QStringLiteral("query"),
        QStringLiteral("--out-trade-no"), QStringLiteral("NOSUCHORDER123") });
    QVERIFY2(unknown.exitCode == 5, unknown.describe().constData());
}

void TestCliUsage::untrustedAnswerIs4()
{
    const CliRun paid = m_env.run(
        { QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("quick"), QStringLiteral("--amount"),
            QStringLiteral("0.10"), QStringLiteral("--auth-code"), nextAuthCode(sim::QuickPayScenario::Success) });
    QVERIFY2(paid.exitCode == 0, paid.describe().constData());
    const QString outTradeNo = paid.json().value(QStringLiteral("out_trade_no")).toString();
    QVERIFY(m_sandbox->addFault(QStringLiteral("query:badsign")));
    const CliRun forged = m_env.run({ QStringLiteral("--json"), QStringLiteral("order"), QStringLiteral("query"),
        QStringLiteral("--out-trade-no"), outTradeNo });
    QVERIFY2(forged.exitCode == 4, forged.describe().constData());
    QCOMPARE(forged.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
        QStringLiteral("verification"));
    QVERIFY(!forged.json().contains(QStringLiteral("transaction")));
    // The fault is spent: the same query is believed again.
    const CliRun honest
        = m_env.run({ QStringLiteral("order"), QStringLiteral("query"), QStringLiteral("--out-trade-no"), outTradeNo });
    QVERIFY2(honest.exitCode == 0, honest.describe().constData());
    QVERIFY(honest.text().startsWith(u"SUCCESS"));
}

void TestCliUsage::missingSecretIs6()
{
    const CliRun added = m_env.run({ QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("nokeys"),
        QStringLiteral("--name"), QStringLiteral("No keys"), QStringLiteral("--mchid"), QStringLiteral("1900009999"),
        QStringLiteral("--appid"), QStringLiteral("wx0000001900009999"), QStringLiteral("--base-url"),
        QStringLiteral("https://127.0.0.1:9") });
    QVERIFY2(added.exitCode == 0, added.describe().constData());
    const qsizetype before = m_sandbox->requests().size();
    const CliRun run = m_env.run(
        { QStringLiteral("--json"), QStringLiteral("--profile"), QStringLiteral("nokeys"), QStringLiteral("order"),
            QStringLiteral("query"), QStringLiteral("--out-trade-no"), QStringLiteral("N1234567") });
    QVERIFY2(run.exitCode == 6, run.describe().constData());
    QCOMPARE(run.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("SECRET_MISSING"));
    QCOMPARE(m_sandbox->requests().size(), before);
}

void TestCliUsage::unusableHistoryIs7()
{
    const QString path = m_env.path(QStringLiteral("not-a-database.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    const CliRun run = m_env.run({ QStringLiteral("--db"), path, QStringLiteral("history"), QStringLiteral("search") });
    QVERIFY2(run.exitCode == 7, run.describe().constData());
    QVERIFY(run.errors().contains(u"history"));
}

void TestCliUsage::busyHistoryIs7AndCtrlCClosesTheOrder()
{
    const QString outTradeNo = QStringLiteral("NBUSY%1").arg(QDateTime::currentMSecsSinceEpoch());
    auto waiting = m_env.start(
        { QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("native"), QStringLiteral("--amount"),
            QStringLiteral("2.00"), QStringLiteral("--out-trade-no"), outTradeNo, QStringLiteral("--wait") });
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->ledgerEntry(outTradeNo).has_value(), 20000);

    const CliRun second = m_env.run({ QStringLiteral("pay"), QStringLiteral("quick"), QStringLiteral("--amount"),
        QStringLiteral("1.00"), QStringLiteral("--auth-code"), nextAuthCode(sim::QuickPayScenario::Success) });
    QVERIFY2(second.exitCode == 7, second.describe().constData());
    QVERIFY2(second.errors().contains(u"wxpay-cli (process "), second.describe().constData());

    // Ctrl-C: query, then close the unpaid order.
    ::kill(static_cast<pid_t>(waiting->processId()), SIGINT);
    const CliRun closed = CliEnvironment::collect(*waiting);
    QVERIFY2(closed.exitCode == 8, closed.describe().constData());
    QCOMPARE(closed.json().value(QStringLiteral("result")).toString(), QStringLiteral("closed"));
    QCOMPARE(m_sandbox->ledgerEntry(outTradeNo)->state, TradeState::Closed);
}

void TestCliUsage::reversedPaymentIs8()
{
    const CliRun run = m_env.run({ QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("quick"),
        QStringLiteral("--amount"), QStringLiteral("0.20"), QStringLiteral("--auth-code"),
        nextAuthCode(sim::QuickPayScenario::PayingForeverReversible) });
    QVERIFY2(run.exitCode == 8, run.describe().constData());
    QCOMPARE(run.json().value(QStringLiteral("reason")).toString(), QStringLiteral("reversed"));
}

void TestCliUsage::networkFailureIs3()
{
    m_sandbox->stop();
    const CliRun run = m_env.run(
        { QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("quick"), QStringLiteral("--amount"),
            QStringLiteral("0.30"), QStringLiteral("--auth-code"), nextAuthCode(sim::QuickPayScenario::Success) });
    QVERIFY2(run.exitCode == 3, run.describe().constData());
    QCOMPARE(run.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
        QStringLiteral("network"));
}

QTEST_GUILESS_MAIN(TestCliUsage)
#include "tst_cliusage.moc"
