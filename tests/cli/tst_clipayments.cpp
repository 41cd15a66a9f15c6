// Payments, refunds, the unionid and the history through wxpay-cli, against `wxpay-cli sandbox` in another process;
// each outcome is checked in the CLI's output, in the history and in the simulator's own ledger.

#include "clitest.h"
#include "sim/scenario.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QTest>

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>
#include <csignal>

using namespace wxpay;
using namespace wxpay::clitest;

namespace {

QString decodeQr(const QImage& image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(
        gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum, static_cast<int>(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}

QString uniqueNo(const char* prefix)
{
    static int counter = 0;
    return QString::fromLatin1(prefix) + QString::number(QDateTime::currentMSecsSinceEpoch())
        + QString::number(++counter);
}

} // namespace

class TestCliPayments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void nativeWaitsUntilPaid();
    void nativeWithoutWaitThenQueryAndClose();
    void quickPay_data();
    void quickPay();
    void quickPayRefusesAUsedCode();
    void refundCreateThenQuery();
    void refundWaitFollowsToSuccess();
    void unionIdAfterPayment();
    void historySearchShowExport();

private:
    QString payQuick(const QString& amount, const QString& profile = {});

    CliEnvironment m_env;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_paidOrder; // a paid Quick Pay order of sandbox-v3, 10.00 CNY
    QJsonObject m_paidTransaction;
};

void TestCliPayments::initTestCase()
{
    QVERIFY(m_env.isValid());
    m_sandbox = std::make_unique<SandboxProcess>(m_env);
    const QString failure = m_sandbox->start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(m_sandbox->ready().value(QStringLiteral("current")).toString(), QStringLiteral("sandbox-v3"));
    QCOMPARE(m_sandbox->ready().value(QStringLiteral("profiles")).toArray().size(), 4);
}

void TestCliPayments::cleanupTestCase()
{
    m_sandbox.reset();
}

QString TestCliPayments::payQuick(const QString& amount, const QString& profile)
{
    QStringList arguments { QStringLiteral("--json") };
    if (!profile.isEmpty())
        arguments << QStringLiteral("--profile") << profile;
    arguments << QStringLiteral("pay") << QStringLiteral("quick") << QStringLiteral("--amount") << amount
              << QStringLiteral("--auth-code") << nextAuthCode(sim::QuickPayScenario::Success);
    const CliRun run = m_env.run(arguments);
    if (run.exitCode != 0) {
        qWarning().noquote() << run.describe();
        return {};
    }
    return run.json().value(QStringLiteral("out_trade_no")).toString();
}

void TestCliPayments::nativeWaitsUntilPaid()
{
    const QString outTradeNo = uniqueNo("NW");
    const QString png = m_env.path(QStringLiteral("qr.png"));
    const QString svg = m_env.path(QStringLiteral("qr.svg"));
    auto waiting = m_env.start({ QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("native"),
        QStringLiteral("--amount"), QStringLiteral("12.50"), QStringLiteral("--description"),
        QStringLiteral("2 coffees"), QStringLiteral("--out-trade-no"), outTradeNo, QStringLiteral("--qr-png"), png,
        QStringLiteral("--qr-svg"), svg, QStringLiteral("--wait") });
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->ledgerEntry(outTradeNo).has_value(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(svg), 10000);

    // The customer scans and pays, with the simulator's own client.
    const CliRun customer = m_sandbox->customerPays(sandboxMchid(ApiFamily::V3), outTradeNo);
    QVERIFY2(customer.exitCode == 0, customer.describe().constData());

    const CliRun run = CliEnvironment::collect(*waiting);
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const QJsonObject json = run.json();
    QCOMPARE(json.value(QStringLiteral("result")).toString(), QStringLiteral("paid"));
    QCOMPARE(json.value(QStringLiteral("out_trade_no")).toString(), outTradeNo);
    const QJsonObject transaction = json.value(QStringLiteral("transaction")).toObject();
    QCOMPARE(transaction.value(QStringLiteral("trade_state")).toString(), QStringLiteral("SUCCESS"));
    QCOMPARE(transaction.value(QStringLiteral("amount_minor")).toInteger(), 1250);

    // The QR code a customer's phone reads is the code_url.
    const QString codeUrl = json.value(QStringLiteral("code_url")).toString();
    QVERIFY2(codeUrl.startsWith(u"weixin://wxpay/bizpayurl?pr="), qPrintable(codeUrl));
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(decodeQr(image), codeUrl);
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    QVERIFY(svgText.contains("<svg") && svgText.contains("<path"));

    const CliRun shown
        = m_env.run({ QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("show"), outTradeNo });
    QVERIFY2(shown.exitCode == 0, shown.describe().constData());
    const QJsonObject order = shown.json().value(QStringLiteral("order")).toObject();
    QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("SUCCESS"));
    QCOMPARE(order.value(QStringLiteral("description")).toString(), QStringLiteral("2 coffees"));
    QCOMPARE(order.value(QStringLiteral("transaction_id")).toString(),
        transaction.value(QStringLiteral("transaction_id")).toString());
    const auto ledger = m_sandbox->ledgerEntry(outTradeNo);
    QCOMPARE(ledger->state, TradeState::Success);
    QCOMPARE(ledger->charged.minorUnits(), 1250);
}

void TestCliPayments::nativeWithoutWaitThenQueryAndClose()
{
    const CliRun created = m_env.run(
        { QStringLiteral("pay"), QStringLiteral("native"), QStringLiteral("--amount"), QStringLiteral("0.50") });
    QVERIFY2(created.exitCode == 0, created.describe().constData());
    const QStringList lines = created.text().split(u'\n');
    QVERIFY2(lines.constFirst().startsWith(u"weixin://wxpay/bizpayurl?pr="), created.describe().constData());
    QString outTradeNo;
    for (const QString& line : lines) {
        if (line.trimmed().startsWith(u"out_trade_no:"))
            outTradeNo = line.section(u':', 1).trimmed();
    }
    QVERIFY(!outTradeNo.isEmpty());

    const CliRun query = m_env.run({ QStringLiteral("--json"), QStringLiteral("order"), QStringLiteral("query"),
        QStringLiteral("--out-trade-no"), outTradeNo });
    QVERIFY2(query.exitCode == 0, query.describe().constData());
    QCOMPARE(
        query.json().value(QStringLiteral("transaction")).toObject().value(QStringLiteral("trade_state")).toString(),
        QStringLiteral("NOTPAY"));

    const CliRun close = m_env.run({ QStringLiteral("--json"), QStringLiteral("order"), QStringLiteral("close"),
        QStringLiteral("--out-trade-no"), outTradeNo });
    QVERIFY2(close.exitCode == 0, close.describe().constData());
    QCOMPARE(
        close.json().value(QStringLiteral("transaction")).toObject().value(QStringLiteral("trade_state")).toString(),
        QStringLiteral("CLOSED"));
    QCOMPARE(m_sandbox->ledgerEntry(outTradeNo)->state, TradeState::Closed);

    // A paid order is never closed.
    const QString paid = payQuick(QStringLiteral("0.40"));
    QVERIFY(!paid.isEmpty());
    const CliRun refused = m_env.run({ QStringLiteral("--json"), QStringLiteral("order"), QStringLiteral("close"),
        QStringLiteral("--out-trade-no"), paid });
    QVERIFY2(refused.exitCode == 5, refused.describe().constData());
    QCOMPARE(m_sandbox->ledgerEntry(paid)->state, TradeState::Success);
}

void TestCliPayments::quickPay_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<int>("scenario");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("historyState");
    QTest::addColumn<bool>("charged");
    const auto row = [](const char* name, const char* profile, sim::QuickPayScenario scenario, int n, int exitCode,
                         const char* result, const char* state, bool charged) {
        QTest::newRow(name) << QString::fromLatin1(profile) << static_cast<int>(scenario) << n << exitCode
                            << QString::fromLatin1(result) << QString::fromLatin1(state) << charged;
    };
    using S = sim::QuickPayScenario;
    row("v3 instant success", "sandbox-v3", S::Success, 0, 0, "paid", "SUCCESS", true);
    row("v3 pays after 2 queries", "sandbox-v3", S::PaysAfterQueries, 2, 0, "paid", "SUCCESS", true);
    row("v3 not enough", "sandbox-v3", S::NotEnough, 0, 5, "not_paid", "PAYERROR", false);
    row("v3 fails after a query", "sandbox-v3", S::FailsAfterQueries, 1, 8, "not_paid", "PAYERROR", false);
    row("v3 system error, paid", "sandbox-v3", S::SystemErrorPaid, 0, 0, "paid", "SUCCESS", true);
    row("v3 paying forever, reversed", "sandbox-v3", S::PayingForeverReversible, 0, 8, "not_paid", "REVOKED", false);
    row("v2 pays after a query", "sandbox-v2", S::PaysAfterQueries, 1, 0, "paid", "SUCCESS", true);
    row("v2 reverse over /secapi", "sandbox-v2", S::PayingForeverReversible, 0, 8, "not_paid", "REVOKED", false);
    row("v2 reverse recalled twice", "sandbox-v2", S::ReverseRecall, 2, 8, "not_paid", "REVOKED", false);
    row("global success", "sandbox-global", S::Success, 0, 0, "paid", "SUCCESS", true);
}

void TestCliPayments::quickPay()
{
    QFETCH(QString, profile);
    QFETCH(int, scenario);
    QFETCH(int, n);
    QFETCH(int, exitCode);
    QFETCH(QString, result);
    QFETCH(QString, historyState);
    QFETCH(bool, charged);
    const CliRun run = m_env.run({ QStringLiteral("--json"), QStringLiteral("--profile"), profile,
        QStringLiteral("pay"), QStringLiteral("quick"), QStringLiteral("--amount"), QStringLiteral("8.80"),
        QStringLiteral("--auth-code"), nextAuthCode(static_cast<sim::QuickPayScenario>(scenario), n) });
    QVERIFY2(run.exitCode == exitCode, run.describe().constData());
    const QJsonObject json = run.json();
    QCOMPARE(json.value(QStringLiteral("result")).toString(), result);
    const QString outTradeNo = json.value(QStringLiteral("out_trade_no")).toString();
    QVERIFY(outTradeNo.startsWith(u"QP"));
    QCOMPARE(json.value(QStringLiteral("history")).toObject().value(QStringLiteral("state")).toString(), historyState);

    const auto ledger = m_sandbox->ledgerEntry(outTradeNo);
    QVERIFY(ledger.has_value());
    QCOMPARE(ledger->charged.minorUnits(), charged ? 880 : 0);
    QCOMPARE(tradeStateName(ledger->state), historyState);
}

void TestCliPayments::quickPayRefusesAUsedCode()
{
    const QString code = nextAuthCode(sim::QuickPayScenario::Success);
    const QStringList arguments { QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("quick"),
        QStringLiteral("--amount"), QStringLiteral("1.00"), QStringLiteral("--auth-code"), code };
    QVERIFY(m_env.run(arguments).exitCode == 0);
    const qsizetype micropays = m_sandbox->requests(QStringLiteral("micropay")).size();
    const CliRun again = m_env.run(arguments);
    QVERIFY2(again.exitCode == 2, again.describe().constData());
    QCOMPARE(again.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("AUTH_CODE_USED"));
    QCOMPARE(m_sandbox->requests(QStringLiteral("micropay")).size(), micropays);
}

void TestCliPayments::refundCreateThenQuery()
{
    const CliRun paid = m_env.run(
        { QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("quick"), QStringLiteral("--amount"),
            QStringLiteral("10.00"), QStringLiteral("--auth-code"), nextAuthCode(sim::QuickPayScenario::Success) });
    QVERIFY2(paid.exitCode == 0, paid.describe().constData());
    m_paidOrder = paid.json().value(QStringLiteral("out_trade_no")).toString();
    m_paidTransaction = paid.json().value(QStringLiteral("transaction")).toObject();

    const CliRun created = m_env.run({ QStringLiteral("--json"), QStringLiteral("refund"), QStringLiteral("create"),
        QStringLiteral("--out-trade-no"), m_paidOrder, QStringLiteral("--amount"), QStringLiteral("4.00"),
        QStringLiteral("--reason"), QStringLiteral("returned a cup") });
    QVERIFY2(created.exitCode == 0, created.describe().constData());
    QCOMPARE(created.json().value(QStringLiteral("result")).toString(), QStringLiteral("processing"));
    const QString outRefundNo = created.json().value(QStringLiteral("out_refund_no")).toString();
    QVERIFY(outRefundNo.startsWith(u'R'));

    // More than what is left is refused before anything is sent.
    const qsizetype refunds = m_sandbox->requests(QStringLiteral("refund")).size();
    const CliRun tooMuch = m_env.run({ QStringLiteral("--json"), QStringLiteral("refund"), QStringLiteral("create"),
        QStringLiteral("--out-trade-no"), m_paidOrder, QStringLiteral("--amount"), QStringLiteral("6.01") });
    QVERIFY2(tooMuch.exitCode == 2, tooMuch.describe().constData());
    QCOMPARE(tooMuch.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("AMOUNT_OVER_REFUNDABLE"));
    QCOMPARE(m_sandbox->requests(QStringLiteral("refund")).size(), refunds);

    // The simulator pays a refund back after 5 s of its clock.
    QVERIFY(m_sandbox->advanceClock(10));
    const CliRun query = m_env.run({ QStringLiteral("--json"), QStringLiteral("refund"), QStringLiteral("query"),
        QStringLiteral("--out-refund-no"), outRefundNo });
    QVERIFY2(query.exitCode == 0, query.describe().constData());
    const QJsonArray answers = query.json().value(QStringLiteral("refunds")).toArray();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("SUCCESS"));
    QCOMPARE(answers.at(0).toObject().value(QStringLiteral("refund_minor")).toInteger(), 400);
    const QJsonArray history = query.json().value(QStringLiteral("history")).toArray();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("SUCCESS"));

    const auto ledger = m_sandbox->ledgerEntry(m_paidOrder);
    QCOMPARE(ledger->refundCount, 1);
    QCOMPARE(ledger->refunded.minorUnits(), 400);
}

void TestCliPayments::refundWaitFollowsToSuccess()
{
    QVERIFY(!m_paidOrder.isEmpty());
    auto waiting = m_env.start({ QStringLiteral("--json"), QStringLiteral("refund"), QStringLiteral("create"),
        QStringLiteral("--out-trade-no"), m_paidOrder, QStringLiteral("--amount"), QStringLiteral("1.00"),
        QStringLiteral("--wait") });
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->ledgerEntry(m_paidOrder)->refundCount == 2, 20000);
    QVERIFY(waiting->state() == QProcess::Running); // still following the PROCESSING refund
    QVERIFY(m_sandbox->advanceClock(10));
    const CliRun run = CliEnvironment::collect(*waiting);
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QCOMPARE(run.json().value(QStringLiteral("result")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(m_sandbox->ledgerEntry(m_paidOrder)->refunded.minorUnits(), 500);
}

void TestCliPayments::unionIdAfterPayment()
{
    QVERIFY(!m_paidTransaction.isEmpty());
    const QString openid = m_paidTransaction.value(QStringLiteral("payer_openid")).toString();
    const QString transactionId = m_paidTransaction.value(QStringLiteral("transaction_id")).toString();
    QVERIFY(!openid.isEmpty() && !transactionId.isEmpty());
    const CliRun run = m_env.run({ QStringLiteral("--json"), QStringLiteral("unionid"), QStringLiteral("--openid"),
        openid, QStringLiteral("--transaction-id"), transactionId });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QCOMPARE(run.json().value(QStringLiteral("unionid")).toString(), sim::SimEngine::unionIdFor(openid));
    QVERIFY(run.json().value(QStringLiteral("stored_on_order")).toBool());
    const CliRun shown
        = m_env.run({ QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("show"), m_paidOrder });
    QCOMPARE(shown.json().value(QStringLiteral("order")).toObject().value(QStringLiteral("payer_unionid")).toString(),
        sim::SimEngine::unionIdFor(openid));

    // Another payer's openid is refused by WeChat (40003).
    const CliRun wrong = m_env.run({ QStringLiteral("--json"), QStringLiteral("unionid"), QStringLiteral("--openid"),
        QStringLiteral("o-not-the-payer"), QStringLiteral("--transaction-id"), transactionId });
    QVERIFY2(wrong.exitCode == 5, wrong.describe().constData());
}

void TestCliPayments::historySearchShowExport()
{
    const CliRun search = m_env.run({ QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("search"),
        QStringLiteral("--state"), QStringLiteral("SUCCESS,REFUND"), QStringLiteral("--min"), QStringLiteral("10.00"),
        QStringLiteral("--max"), QStringLiteral("12.50") });
    QVERIFY2(search.exitCode == 0, search.describe().constData());
    const QJsonArray orders = search.json().value(QStringLiteral("orders")).toArray();
    QVERIFY(!orders.isEmpty());
    QStringList found;
    for (const QJsonValue& order : orders) {
        const QJsonObject o = order.toObject();
        QVERIFY(o.value(QStringLiteral("amount_minor")).toInteger() >= 1000);
        QVERIFY(o.value(QStringLiteral("amount_minor")).toInteger() <= 1250);
        found << o.value(QStringLiteral("out_trade_no")).toString();
    }
    QVERIFY(found.contains(m_paidOrder));

    const CliRun byText = m_env.run({ QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("search"),
        QStringLiteral("--text"), QStringLiteral("coffees"), QStringLiteral("--limit"), QStringLiteral("1") });
    QVERIFY2(byText.exitCode == 0, byText.describe().constData());
    QCOMPARE(byText.json().value(QStringLiteral("orders")).toArray().size(), 1);
    QCOMPARE(byText.json()
                 .value(QStringLiteral("orders"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("description"))
                 .toString(),
        QStringLiteral("2 coffees"));

    const CliRun show
        = m_env.run({ QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("show"), m_paidOrder });
    QVERIFY2(show.exitCode == 0, show.describe().constData());
    QCOMPARE(show.json().value(QStringLiteral("refunds")).toArray().size(), 2);
    QVERIFY(!show.json().value(QStringLiteral("audit")).toArray().isEmpty());
    const CliRun missing
        = m_env.run({ QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("NOSUCH0000") });
    QVERIFY2(missing.exitCode == 2, missing.describe().constData());

    const QString csvPath = m_env.path(QStringLiteral("export.csv"));
    const CliRun exported = m_env.run({ QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("export"),
        csvPath, QStringLiteral("--state"), QStringLiteral("SUCCESS,REFUND") });
    QVERIFY2(exported.exitCode == 0, exported.describe().constData());
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray content = csv.readAll();
    QVERIFY(content.startsWith("\xEF\xBB\xBF")); // the BOM spreadsheets need for UTF-8
    const QList<QByteArray> rows = content.trimmed().split('\n');
    QCOMPARE(rows.size() - 1, exported.json().value(QStringLiteral("orders")).toInt());
    QVERIFY(content.contains(m_paidOrder.toLatin1()));
    QVERIFY(!content.contains("NOTPAY") && !content.contains("CLOSED"));
}

QTEST_GUILESS_MAIN(TestCliPayments)
#include "tst_clipayments.moc"
