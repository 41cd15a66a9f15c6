// A hostile (but protocol-plausible) WeChat Pay server against the money-moving workflows. Each test acts out one
// sequence of answers and fails when a money rule of architecture.md ("Rules that protect money") breaks: a
// double charge, a double refund, or a payment left live while the console believes it settled.
//
// The common thread of the attacks below: WeChat first confirmed, in a verified answer, that the order or the
// refund EXISTS (micropay USERPAYING, a Native code_url, a refund in PROCESSING); a later verified "does not
// exist" (ORDERNOTEXIST / REFUNDNOTEXIST, e.g. a lagging replica) is then taken as definite once the in-flight
// settle (45 s) has passed, and the operation is finished as "never happened".

#include "support/testsupport.h"
#include "workflows/nativecheckout.h"
#include "workflows/quickpay.h"
#include "workflows/refunds.h"
#include "workflowtest.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace wxpay;
using namespace wxpay::workflowtest;
using namespace std::chrono_literals;
using Scenario = sim::QuickPayScenario;

Q_DECLARE_METATYPE(wxpay::ApiFamily)

class TestHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // Quick Pay: micropay answers USERPAYING (the order exists), the customer confirms 20 s later, two queries
    // answer ORDERNOTEXIST. The sale ends "not paid" without a reverse; the cashier takes a second payment.
    void userPayingThenNotFoundIsADoubleCharge_data();
    void userPayingThenNotFoundIsADoubleCharge();

    // Refunds: the refund is accepted (PROCESSING, verified); its queries answer REFUNDNOTEXIST. It is closed and
    // its amount given back; the cashier refunds again and the customer gets the money twice.
    void acceptedRefundClosedByNotFoundIsADoubleRefund_data();
    void acceptedRefundClosedByNotFoundIsADoubleRefund();

    // Native: the order was created (code_url shown); the cashier closes it, the closing query answers
    // ORDERNOTEXIST. It ends "closed" without a close being sent; the QR code is still payable.
    void createdNativeOrderClosedWithoutCloseStaysPayable_data();
    void createdNativeOrderClosedWithoutCloseStaysPayable();

private:
    std::unique_ptr<Till> till(ApiFamily family);
    workflows::QuickPayRequest payRequest(const Till& t, const QString& authCode, qint64 minor) const;
    QString paidOrder(Till& t, qint64 minor);
    static void addFamilies();

    SimWorld m_world;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHostile::initTestCase()
{
    WXPAY_VERIFY_OK(m_world.start(allFamilies()));
}

void TestHostile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_world.resetCounts();
}

void TestHostile::cleanup()
{
    m_world.engine.faults().clear();
    m_world.engine.setSettings(sim::SimSettings {});
}

std::unique_ptr<Till> TestHostile::till(ApiFamily family)
{
    auto t = std::make_unique<Till>(m_world, family, m_dir->filePath(QStringLiteral("history.sqlite")));
    const Status opened = t->open();
    if (!opened)
        qWarning("till: %s", qPrintable(opened.error().toString()));
    return opened ? std::move(t) : nullptr;
}

workflows::QuickPayRequest TestHostile::payRequest(const Till& t, const QString& authCode, qint64 minor) const
{
    workflows::QuickPayRequest r;
    r.authCode = authCode;
    r.amount = t.amount(minor);
    r.description = QStringLiteral("Coffee");
    r.clientIp = QStringLiteral("127.0.0.1");
    r.deviceId = QStringLiteral("POS-1");
    r.operatorId = QStringLiteral("alice");
    r.merchantCategoryCode = QStringLiteral("5812");
    return r;
}

QString TestHostile::paidOrder(Till& t, qint64 minor)
{
    workflows::QuickPay pay(t.context());
    if (!pay.start(payRequest(t, nextAuthCode(Scenario::Success), minor)).ok()
        || !QTest::qWaitFor([&pay] { return pay.isFinished(); }, kWaitMs)
        || pay.outcome()->stage != workflows::QuickPay::Stage::Paid) {
        return {};
    }
    m_world.resetCounts();
    return pay.outTradeNo();
}

void TestHostile::addFamilies()
{
    QTest::addColumn<ApiFamily>("family");
    for (ApiFamily family : allFamilies())
        QTest::newRow(apiFamilyName(family).toLatin1().constData()) << family;
}

// ---- Quick Pay ----

void TestHostile::userPayingThenNotFoundIsADoubleCharge_data()
{
    addFamilies();
}

void TestHostile::userPayingThenNotFoundIsADoubleCharge()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);

    // Scenario 11, N=20: micropay answers USERPAYING (the order exists at WeChat), the customer enters the
    // password 20 s after the order was created; SUCCESS from then on.
    // Hostile: the first two order queries answer a signed ORDERNOTEXIST (5 s after the submit, and again
    // once the 45 s in-flight settle has passed).
    m_world.engine.faults().add(sim::FaultRule::parse(u"query:business=ORDERNOTEXIST@2").value());
    workflows::QuickPay first(t->context());
    WXPAY_VERIFY_OK(first.start(payRequest(*t, nextAuthCode(Scenario::PaysAfterSeconds, 20), 4200)));
    QVERIFY(QTest::qWaitFor([&first] { return first.isFinished(); }, kWaitMs));
    const auto outcome = *first.outcome();
    m_world.engine.faults().clear();

    sim::LedgerEntry ledger = m_world.ledgerEntry(family, first.outTradeNo());
    qInfo() << "first sale ended" << outcome.stage << "after" << outcome.queries << "queries and" << outcome.reverses
            << "reverses; WeChat:" << tradeStateName(ledger.state) << "charged" << ledger.charged.toString();

    // The cashier follows the console: "not paid" means ask the customer for a new code.
    QString second;
    if (outcome.stage == workflows::QuickPay::Stage::NotPaid) {
        workflows::QuickPay retry(t->context());
        WXPAY_VERIFY_OK(retry.start(payRequest(*t, nextAuthCode(Scenario::Success), 4200)));
        QVERIFY(QTest::qWaitFor([&retry] { return retry.isFinished(); }, kWaitMs));
        second = retry.outTradeNo();
    }
    const sim::LedgerEntry again = second.isEmpty() ? sim::LedgerEntry {} : m_world.ledgerEntry(family, second);
    ledger = m_world.ledgerEntry(family, first.outTradeNo());
    const qint64 charged = ledger.charged.minorUnits() - ledger.reversed.minorUnits()
        + (again.charged.isValid() ? again.charged.minorUnits() - again.reversed.minorUnits() : 0);

    // The rule: a sale is never reported "not paid" while WeChat took the money (the console said NotPaid,
    // reason NotCreated, and no reverse was ever sent).
    QVERIFY2(!(outcome.stage == workflows::QuickPay::Stage::NotPaid && ledger.charged.minorUnits() > 0),
        qPrintable(QStringLiteral("console: NotPaid (%1 reverses), WeChat: %2 charged %3; the customer paid %4 for "
                                  "one sale of 4200")
                       .arg(outcome.reverses)
                       .arg(tradeStateName(ledger.state), ledger.charged.toString())
                       .arg(charged)));
    QCOMPARE(charged, qint64(4200));
}

// ---- Refunds ----

void TestHostile::acceptedRefundClosedByNotFoundIsADoubleRefund_data()
{
    addFamilies();
}

void TestHostile::acceptedRefundClosedByNotFoundIsADoubleRefund()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);
    const QString order = paidOrder(*t, 10000);
    QVERIFY(!order.isEmpty());

    // The refund is sent and accepted (a verified reply); every refund query afterwards answers a signed
    // REFUNDNOTEXIST (RESOURCE_NOT_EXISTS on v3).
    m_world.engine.faults().add(sim::FaultRule::parse(u"refundquery:business=REFUNDNOTEXIST@*").value());
    workflows::RefundWorkflow refund(t->context());
    workflows::RefundStartRequest request { order, t->amount(4000), QStringLiteral("Wrong size"), {}, {} };
    WXPAY_VERIFY_OK(refund.start(request));
    QVERIFY(QTest::qWaitFor([&refund] { return refund.isFinished(); }, kWaitMs));
    m_world.engine.faults().clear();
    const auto outcome = *refund.outcome();
    sim::LedgerEntry ledger = m_world.ledgerEntry(family, order);
    qInfo() << "refund ended" << outcome.stage << "after" << outcome.sends << "sends and" << outcome.queries
            << "queries; WeChat refunded" << ledger.refunded.toString() << "pending" << ledger.refundPending.toString();

    // The cashier follows the console: a "closed" refund did not happen, and its amount is refundable again.
    const auto refundable = workflows::RefundWorkflow::refundable(t->context(), order);
    WXPAY_VERIFY_OK(refundable);
    if (outcome.stage == workflows::RefundWorkflow::Stage::Closed && refundable->minorUnits() >= 4000) {
        workflows::RefundWorkflow again(t->context());
        WXPAY_VERIFY_OK(again.start(request));
        QVERIFY(QTest::qWaitFor([&again] { return again.isFinished(); }, kWaitMs));
    }
    ledger = m_world.ledgerEntry(family, order);
    const qint64 refunded
        = ledger.refunded.minorUnits() + (ledger.refundPending.isValid() ? ledger.refundPending.minorUnits() : 0);

    QVERIFY2(outcome.stage != workflows::RefundWorkflow::Stage::Closed,
        qPrintable(QStringLiteral("a refund WeChat accepted was closed on REFUNDNOTEXIST; the customer got %1 back "
                                  "for one refund of 4000 (%2 refunds at WeChat)")
                       .arg(refunded)
                       .arg(ledger.refunds.size())));
    QCOMPARE(refunded, qint64(4000));
}

// ---- Native ----

void TestHostile::createdNativeOrderClosedWithoutCloseStaysPayable_data()
{
    addFamilies();
}

void TestHostile::createdNativeOrderClosedWithoutCloseStaysPayable()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);
    workflows::NativeCheckout checkout(t->context());
    QSignalSpy codeReady(&checkout, &workflows::NativeCheckout::codeReady);
    workflows::NativeCheckoutRequest request;
    request.description = QStringLiteral("Lunch");
    request.amount = t->amount(2500);
    request.clientIp = QStringLiteral("127.0.0.1");
    request.merchantCategoryCode = QStringLiteral("5812");
    WXPAY_VERIFY_OK(checkout.start(request));
    QVERIFY(codeReady.wait(kWaitMs)); // WeChat created the order: the customer has the QR code

    // The customer looks at the code for a minute (the polls answer NOTPAY), then the cashier closes it.
    t->scheduler.setAutomatic(false);
    const QDateTime created = m_world.clock.now();
    while (m_world.clock.now() < created.addSecs(60)) {
        QVERIFY(t->scheduler.runNext());
        QTest::qWait(50);
    }
    QVERIFY(QTest::qWaitFor(
        [&] {
            return checkout.stage() == workflows::NativeCheckout::Stage::WaitingForPayment
                && t->scheduler.pendingCount() > 0;
        },
        kWaitMs));
    m_world.resetCounts();
    // Hostile: the closing query answers a signed ORDERNOTEXIST.
    m_world.engine.faults().add(sim::FaultRule::parse(u"query:business=ORDERNOTEXIST@1").value());
    checkout.close();
    t->scheduler.setAutomatic(true);
    QVERIFY(QTest::qWaitFor([&checkout] { return checkout.isFinished(); }, kWaitMs));
    m_world.engine.faults().clear();
    const auto outcome = *checkout.outcome();
    const int closes = m_world.count(QStringLiteral("close"));
    qInfo() << "checkout ended" << outcome.stage << "with" << closes
            << "close requests; journal open:" << t->journal.pending().value().size();

    // The console says closed; the customer still has the code and pays.
    const auto paid = m_world.engine.customerPays(m_world.ids(family), checkout.outTradeNo());
    const sim::LedgerEntry ledger = m_world.ledgerEntry(family, checkout.outTradeNo());
    QVERIFY2(!(outcome.stage == workflows::NativeCheckout::Stage::Closed && paid.ok()),
        qPrintable(QStringLiteral("console: Closed (%1 close requests, journal finished), WeChat: the order was still "
                                  "open and the customer paid %2")
                       .arg(closes)
                       .arg(ledger.charged.toString())));
}

QTEST_MAIN(TestHostile)
#include "tst_hostile.moc"
