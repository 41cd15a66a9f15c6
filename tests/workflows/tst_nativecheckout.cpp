#include "support/testsupport.h"
#include "workflows/nativecheckout.h"
#include "workflowtest.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace wxpay;
using namespace wxpay::workflowtest;
using workflows::NativeCheckout;
using workflows::NativeCheckoutOptions;
using workflows::NativeCheckoutRequest;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(wxpay::ApiFamily)

class TestNativeCheckout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void validatesBeforeSending_data();
    void validatesBeforeSending();
    void refusesATooShortExpiry();
    void customerPays_data();
    void customerPays();
    void closeWaitsForAVerifiedNotpay_data();
    void closeWaitsForAVerifiedNotpay();
    void closeBeforePayment_data();
    void closeBeforePayment();
    void closeRacingAPayment_data();
    void closeRacingAPayment();
    void recreatesWithTheSameParameters_data();
    void recreatesWithTheSameParameters();
    void refusedCreateIsFinal();
    void expires_data();
    void expires();

private:
    std::unique_ptr<Till> till(ApiFamily family, const std::function<void(gateway::TransportConfig&)>& adjust = {});
    NativeCheckoutRequest request(const Till& till, qint64 minor = 2500) const;
    static bool runToEnd(NativeCheckout& checkout);
    static void addFamilies();

    SimWorld m_world;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestNativeCheckout::initTestCase()
{
    WXPAY_VERIFY_OK(m_world.start(allFamilies()));
}

void TestNativeCheckout::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_world.resetCounts();
}

void TestNativeCheckout::cleanup()
{
    m_world.engine.faults().clear();
}

std::unique_ptr<Till> TestNativeCheckout::till(
    ApiFamily family, const std::function<void(gateway::TransportConfig&)>& adjust)
{
    auto t = std::make_unique<Till>(m_world, family, m_dir->filePath(QStringLiteral("history.sqlite")), adjust);
    const Status opened = t->open();
    if (!opened)
        qWarning("till: %s", qPrintable(opened.error().toString()));
    return opened ? std::move(t) : nullptr;
}

NativeCheckoutRequest TestNativeCheckout::request(const Till& t, qint64 minor) const
{
    NativeCheckoutRequest r;
    r.description = QStringLiteral("Lunch set");
    r.amount = t.amount(minor);
    r.clientIp = QStringLiteral("127.0.0.1");
    r.merchantCategoryCode = QStringLiteral("5812");
    return r;
}

bool TestNativeCheckout::runToEnd(NativeCheckout& checkout)
{
    return QTest::qWaitFor([&checkout] { return checkout.isFinished(); }, kWaitMs);
}

void TestNativeCheckout::addFamilies()
{
    QTest::addColumn<ApiFamily>("family");
    for (ApiFamily family : allFamilies())
        QTest::newRow(apiFamilyName(family).toLatin1().constData()) << family;
}

void TestNativeCheckout::validatesBeforeSending_data()
{
    QTest::addColumn<QString>("outTradeNo");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("code");
    QTest::newRow("no description") << QString() << qint64(100) << ""
                                    << "DESCRIPTION_EMPTY";
    QTest::newRow("zero") << QString() << qint64(0) << "Tea"
                          << "AMOUNT_INVALID";
    QTest::newRow("short number") << "A1234" << qint64(100) << "Tea"
                                  << "OUT_TRADE_NO_INVALID";
    QTest::newRow("long number") << QString(33, u'1') << qint64(100) << "Tea"
                                 << "OUT_TRADE_NO_INVALID";
    QTest::newRow("bad character") << "ORDER#0001" << qint64(100) << "Tea"
                                   << "OUT_TRADE_NO_INVALID";
}

void TestNativeCheckout::validatesBeforeSending()
{
    QFETCH(QString, outTradeNo);
    QFETCH(qint64, minor);
    QFETCH(QString, description);
    QFETCH(QString, code);
    auto t = till(ApiFamily::V2);
    QVERIFY(t);
    NativeCheckout checkout(t->context());
    NativeCheckoutRequest r = request(*t, minor);
    r.outTradeNo = outTradeNo;
    r.description = description;
    WXPAY_VERIFY_ERROR(checkout.start(r), ErrorKind::Input, code);
    QTest::qWait(50);
    QCOMPARE(m_world.count(QStringLiteral("native")), 0);
    QCOMPARE(t->orders.count(storage::OrderQuery {}).valueOr(-1), qint64(0));
}

void TestNativeCheckout::refusesATooShortExpiry()
{
    auto t = till(ApiFamily::V3);
    QVERIFY(t);
    NativeCheckoutOptions options;
    options.expiry = 5min; // WeChat wants 5 minutes, and a retried create must still get them
    NativeCheckout checkout(t->context(), options);
    WXPAY_VERIFY_ERROR(checkout.start(request(*t)), ErrorKind::Input, QStringLiteral("EXPIRY_TOO_SHORT"));
    QCOMPARE(t->orders.count(storage::OrderQuery {}).valueOr(-1), qint64(0));
}

void TestNativeCheckout::customerPays_data()
{
    addFamilies();
}

void TestNativeCheckout::customerPays()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);
    NativeCheckout checkout(t->context());
    QSignalSpy codeReady(&checkout, &NativeCheckout::codeReady);
    WXPAY_VERIFY_OK(checkout.start(request(*t)));
    auto row = t->order(checkout.outTradeNo());
    QVERIFY(row); // written before the create went out
    QCOMPARE(row->tradeType, QStringLiteral("NATIVE"));

    QVERIFY(codeReady.wait(kWaitMs));
    QVERIFY(codeReady.first().first().toString().startsWith(u"weixin://wxpay/"));
    QCOMPARE(checkout.stage(), NativeCheckout::Stage::WaitingForPayment);
    QCOMPARE(t->order(checkout.outTradeNo())->state, TradeState::NotPay);

    WXPAY_VERIFY_OK(m_world.engine.customerPays(m_world.ids(family), checkout.outTradeNo()));
    QVERIFY(runToEnd(checkout));
    QCOMPARE(checkout.outcome()->stage, NativeCheckout::Stage::Paid);
    QCOMPARE(checkout.outcome()->creates, 1);
    QCOMPARE(checkout.outcome()->closes, 0);
    QCOMPARE(m_world.count(QStringLiteral("close")), 0);
    QVERIFY(m_world.count(QStringLiteral("query")) >= 1);

    const sim::LedgerEntry ledger = m_world.ledgerEntry(family, checkout.outTradeNo());
    row = t->order(checkout.outTradeNo());
    QVERIFY(row);
    QCOMPARE(row->state, TradeState::Success);
    QCOMPARE(row->transactionId, ledger.transactionId);
    QCOMPARE(row->payerOpenid, ledger.payerOpenid);
    QCOMPARE(ledger.charged, t->amount(2500));
    QVERIFY(t->journal.pending().value().isEmpty());
}

void TestNativeCheckout::closeWaitsForAVerifiedNotpay_data()
{
    addFamilies();
}

void TestNativeCheckout::closeWaitsForAVerifiedNotpay()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);
    t->scheduler.setAutomatic(false);
    NativeCheckout checkout(t->context());
    QSignalSpy codeReady(&checkout, &NativeCheckout::codeReady);
    WXPAY_VERIFY_OK(checkout.start(request(*t)));
    QVERIFY(codeReady.wait(kWaitMs));
    QStringList sequence;
    connect(&m_world.server(), &sim::SimServer::requestHandled, &checkout,
        [&sequence](const QJsonObject& e) { sequence.append(e.value(QStringLiteral("operation")).toString()); });
    // The first two queries before the close cannot be trusted.
    m_world.engine.faults().add(sim::FaultRule::parse(QStringLiteral("query:badsign@2")).value());
    checkout.close();
    t->scheduler.setAutomatic(true);
    QVERIFY(runToEnd(checkout));
    QCOMPARE(checkout.outcome()->stage, NativeCheckout::Stage::Closed);
    // No close went out on an answer that could not be trusted; the close was confirmed by a query.
    const QStringList expected { QStringLiteral("query"), QStringLiteral("query"), QStringLiteral("query"),
        QStringLiteral("close"), QStringLiteral("query") };
    QCOMPARE(sequence, expected);
    QCOMPARE(m_world.ledgerEntry(family, checkout.outTradeNo()).state, TradeState::Closed);
    QVERIFY(t->journal.pending().value().isEmpty());
}

void TestNativeCheckout::closeBeforePayment_data()
{
    addFamilies();
}

void TestNativeCheckout::closeBeforePayment()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);
    t->scheduler.setAutomatic(false);
    NativeCheckout checkout(t->context());
    QSignalSpy codeReady(&checkout, &NativeCheckout::codeReady);
    WXPAY_VERIFY_OK(checkout.start(request(*t)));
    QVERIFY(codeReady.wait(kWaitMs));
    checkout.close();
    QVERIFY(runToEnd(checkout));
    QCOMPARE(checkout.outcome()->stage, NativeCheckout::Stage::Closed);
    // A query shows NOTPAY, then the close, then a query confirms it.
    QCOMPARE(m_world.count(QStringLiteral("query")), 2);
    QCOMPARE(m_world.count(QStringLiteral("close")), 1);
    QCOMPARE(m_world.ledgerEntry(family, checkout.outTradeNo()).state, TradeState::Closed);
    QCOMPARE(t->order(checkout.outTradeNo())->state, TradeState::Closed);
    QVERIFY(t->journal.pending().value().isEmpty());
    // A customer scanning the old code now cannot pay.
    WXPAY_VERIFY_ERROR(
        m_world.engine.customerPays(m_world.ids(family), checkout.outTradeNo()), ErrorKind::Business, QString());
}

void TestNativeCheckout::closeRacingAPayment_data()
{
    addFamilies();
}

void TestNativeCheckout::closeRacingAPayment()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);
    t->scheduler.setAutomatic(false);
    NativeCheckout checkout(t->context());
    QSignalSpy codeReady(&checkout, &NativeCheckout::codeReady);
    WXPAY_VERIFY_OK(checkout.start(request(*t)));
    QVERIFY(codeReady.wait(kWaitMs));

    // The customer pays right after the closing query answered NOTPAY, before the close arrives.
    QObject guard;
    connect(&m_world.server(), &sim::SimServer::requestHandled, &guard, [&](const QJsonObject& entry) {
        if (entry.value(QStringLiteral("operation")).toString() == u"query"
            && m_world.count(QStringLiteral("query")) == 1)
            QVERIFY(m_world.engine.customerPays(m_world.ids(family), checkout.outTradeNo()).ok());
    });
    checkout.close();
    QVERIFY(runToEnd(checkout));
    QCOMPARE(checkout.outcome()->stage, NativeCheckout::Stage::Paid);
    QCOMPARE(checkout.outcome()->closes, 1);
    QCOMPARE(m_world.count(QStringLiteral("close")), 1);
    const sim::LedgerEntry ledger = m_world.ledgerEntry(family, checkout.outTradeNo());
    QCOMPARE(ledger.state, TradeState::Success);
    const auto row = t->order(checkout.outTradeNo());
    QCOMPARE(row->state, TradeState::Success);
    QCOMPARE(row->transactionId, ledger.transactionId);
}

void TestNativeCheckout::recreatesWithTheSameParameters_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<bool>("createdFirstTime");
    for (ApiFamily family : { ApiFamily::V2, ApiFamily::V3, ApiFamily::Global }) {
        const QByteArray f = apiFamilyName(family).toLatin1();
        QTest::newRow(QByteArray(f + " reply dropped").constData()) << family << "native:drop" << true;
        QTest::newRow(QByteArray(f + " no answer").constData()) << family << "native:timeout" << false;
        QTest::newRow(QByteArray(f + " HTTP 503").constData()) << family << "native:http503" << false;
    }
}

void TestNativeCheckout::recreatesWithTheSameParameters()
{
    QFETCH(ApiFamily, family);
    QFETCH(QString, fault);
    QFETCH(bool, createdFirstTime);
    m_world.engine.faults().add(sim::FaultRule::parse(fault).value());
    auto t = till(family, [](gateway::TransportConfig& config) { config.timeout = 500ms; });
    QVERIFY(t);
    t->scheduler.setAutomatic(false);
    NativeCheckout checkout(t->context());
    QSignalSpy codeReady(&checkout, &NativeCheckout::codeReady);
    WXPAY_VERIFY_OK(checkout.start(request(*t)));
    // The first attempt fails; the retry waits on the scheduler.
    QTRY_COMPARE_WITH_TIMEOUT(t->scheduler.pendingCount(), 1, kWaitMs);
    QCOMPARE(codeReady.count(), 0);
    QCOMPARE(m_world.ledgerEntry(family, checkout.outTradeNo()).outTradeNo.isEmpty(), !createdFirstTime);
    QVERIFY(t->scheduler.runNext());
    QVERIFY(codeReady.wait(kWaitMs));
    QCOMPARE(m_world.count(QStringLiteral("native")), 2);
    // One order at WeChat, the one whose code we show.
    int orders = 0;
    for (const sim::LedgerEntry& entry : m_world.engine.ledger())
        orders += entry.outTradeNo == checkout.outTradeNo() ? 1 : 0;
    QCOMPARE(orders, 1);
    checkout.close();
    QVERIFY(runToEnd(checkout));
    QCOMPARE(checkout.outcome()->stage, NativeCheckout::Stage::Closed);
    QCOMPARE(checkout.outcome()->creates, 2);
}

void TestNativeCheckout::refusedCreateIsFinal()
{
    // An out_trade_no WeChat already has with other parameters is refused (INVALID_REQUEST).
    auto t = till(ApiFamily::V3);
    QVERIFY(t);
    const QString outTradeNo = QStringLiteral("CLASH0001");
    NativeOrderRequest other;
    other.outTradeNo = outTradeNo;
    other.description = QStringLiteral("Something else");
    other.amount = t->amount(1);
    other.notifyUrl = QStringLiteral("https://example.com/notify");
    other.clientIp = QStringLiteral("127.0.0.1");
    WXPAY_VERIFY_OK(m_world.engine.createNative(m_world.ids(ApiFamily::V3), other));

    NativeCheckout checkout(t->context());
    NativeCheckoutRequest r = request(*t);
    r.outTradeNo = outTradeNo;
    WXPAY_VERIFY_OK(checkout.start(r));
    QVERIFY(runToEnd(checkout));
    QCOMPARE(checkout.outcome()->stage, NativeCheckout::Stage::Refused);
    QVERIFY(checkout.outcome()->error);
    QCOMPARE(checkout.outcome()->error->code, QStringLiteral("INVALID_REQUEST"));
    QCOMPARE(checkout.outcome()->creates, 1);
    QVERIFY(!t->order(outTradeNo)->lastError.isEmpty());
    QVERIFY(t->journal.pending().value().isEmpty());
}

void TestNativeCheckout::expires_data()
{
    addFamilies();
}

void TestNativeCheckout::expires()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);
    NativeCheckoutOptions options;
    options.expiry = 6min;
    NativeCheckout checkout(t->context(), options);
    const QDateTime started = m_world.clock.now();
    WXPAY_VERIFY_OK(checkout.start(request(*t)));
    QCOMPARE(checkout.expiresAt(), QDateTime::fromSecsSinceEpoch(started.toSecsSinceEpoch() + 360, Qt::UTC));
    QVERIFY(runToEnd(checkout));
    QCOMPARE(checkout.outcome()->stage, NativeCheckout::Stage::Expired);
    QVERIFY(m_world.clock.now() >= checkout.expiresAt());
    // 3 s apart for a minute, 5 s apart until 5 minutes, then 15 s: 20 + 48 + 4 polls and the closing query.
    QVERIFY2(checkout.outcome()->queries >= 70 && checkout.outcome()->queries <= 76,
        qPrintable(QString::number(checkout.outcome()->queries)));
    QCOMPARE(m_world.ledgerEntry(family, checkout.outTradeNo()).state, TradeState::Closed);
    QCOMPARE(t->order(checkout.outTradeNo())->state, TradeState::Closed);
}

QTEST_GUILESS_MAIN(TestNativeCheckout)
#include "tst_nativecheckout.moc"
