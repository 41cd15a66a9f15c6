// A hostile (but protocol-plausible) WeChat Pay server against the money-moving workflows. Each test acts out one
// sequence of answers and fails when a money rule of architecture.md ("Rules that protect money") breaks: a
// double charge, a double refund, or a payment left live while the console believes it settled.
//
// The common thread of the attacks below: WeChat first confirmed, in a verified answer, that the order or the
// refund EXISTS (micropay USERPAYING, a Native code_url, a refund in PROCESSING); a later verified "does not
// exist" (ORDERNOTEXIST / REFUNDNOTEXIST, e.g. a lagging replica) is then taken as definite once the in-flight
// settle (45 s) has passed, and the operation is finished as "never happened". The second group confirms the
// existence in replies that are easier to overlook: a reverse answered USERPAYING or refused (REVERSE_EXPIRE /
// INVALID_REQUEST), and a refund re-send answered INVALID_REQUEST ("out_refund_no reused with other parameters").

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

    // Quick Pay: the micropay reply is lost (the order exists, the customer is typing the password); the six
    // order queries answer SYSTEMERROR; the reverse answers USERPAYING (WeChat's documented "paying, cannot
    // reverse"); the retried reverse and the query after the settle answer ORDERNOTEXIST. The customer confirmed
    // at 40 s. The console says "not paid" (never created) and the cashier takes a second payment.
    void reverseUserPayingThenNotFoundIsADoubleCharge_data();
    void reverseUserPayingThenNotFoundIsADoubleCharge();

    // Quick Pay: the micropay reply is lost (the money was taken); the six order queries answer SYSTEMERROR; the
    // reverse is refused in a verified answer (REVERSE_EXPIRE, v3 INVALID_REQUEST): the workflow follows the
    // order by queries only, and the first watch query answers ORDERNOTEXIST. It ends "not paid".
    void reverseRefusedThenNotFoundIsADoubleCharge_data();
    void reverseRefusedThenNotFoundIsADoubleCharge();

    // Refunds: the first send reaches WeChat (accepted) but its reply is lost; the re-send of the same
    // out_refund_no is answered INVALID_REQUEST (the refund exists, "parameters differ from the first request");
    // the queries answer REFUNDNOTEXIST. The refund is closed, its amount refundable again: refunded twice.
    void resendInvalidRequestThenNotFoundIsADoubleRefund_data();
    void resendInvalidRequestThenNotFoundIsADoubleRefund();

private:
    std::unique_ptr<Till> till(ApiFamily family);
    workflows::QuickPayRequest payRequest(const Till& t, const QString& authCode, qint64 minor) const;
    QString paidOrder(Till& t, qint64 minor);
    void addFault(const QString& spec);
    // Runs one Quick Pay to its end; the cashier answers "not paid" with a second code. Returns what the
    // customer paid in all, and the first sale's stage.
    qint64 saleThenRetryIfNotPaid(
        Till& t, const QString& authCode, workflows::QuickPay::Stage* stage, qint64* firstNet);
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

void TestHostile::addFault(const QString& spec)
{
    auto rule = sim::FaultRule::parse(spec);
    QVERIFY2(rule.ok(), qPrintable(spec));
    m_world.engine.faults().add(rule.value());
}

qint64 TestHostile::saleThenRetryIfNotPaid(
    Till& t, const QString& authCode, workflows::QuickPay::Stage* stage, qint64* firstNet)
{
    workflows::QuickPay first(t.context());
    if (!first.start(payRequest(t, authCode, 4200)).ok()
        || !QTest::qWaitFor([&first] { return first.isFinished(); }, kWaitMs)) {
        qWarning("first sale did not end");
        return -1;
    }
    const auto outcome = *first.outcome();
    m_world.engine.faults().clear();
    *stage = outcome.stage;
    const auto journal = t.journal.pending();
    qInfo() << "first sale ended" << outcome.stage << "reason" << static_cast<int>(outcome.reason) << "after"
            << outcome.queries << "queries and" << outcome.reverses << "reverses;"
            << (outcome.error ? outcome.error->toString() : QString())
            << "; open journal entries:" << (journal ? journal->size() : -1);

    QString second;
    if (outcome.stage == workflows::QuickPay::Stage::NotPaid) {
        // The cashier follows the console: "not paid" means ask the customer for a new code.
        workflows::QuickPay retry(t.context());
        if (!retry.start(payRequest(t, nextAuthCode(Scenario::Success), 4200)).ok()
            || !QTest::qWaitFor([&retry] { return retry.isFinished(); }, kWaitMs)) {
            qWarning("second sale did not end");
            return -1;
        }
        second = retry.outTradeNo();
    }
    const sim::LedgerEntry ledger = m_world.ledgerEntry(t.family, first.outTradeNo());
    const sim::LedgerEntry again = second.isEmpty() ? sim::LedgerEntry {} : m_world.ledgerEntry(t.family, second);
    qInfo() << "WeChat: first order" << tradeStateName(ledger.state) << "charged" << ledger.charged.toString()
            << "reversed" << ledger.reversed.toString();
    const auto net = [](const sim::LedgerEntry& e) {
        return (e.charged.isValid() ? e.charged.minorUnits() : 0)
            - (e.reversed.isValid() ? e.reversed.minorUnits() : 0);
    };
    *firstNet = net(ledger);
    return net(ledger) + net(again);
}

// ---- Quick Pay: reverse answered USERPAYING ----

void TestHostile::reverseUserPayingThenNotFoundIsADoubleCharge_data()
{
    addFamilies();
}

void TestHostile::reverseUserPayingThenNotFoundIsADoubleCharge()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);

    // Scenario 11, N=40: the order is USERPAYING; the customer confirms 40 s after it was created.
    addFault(QStringLiteral("micropay:drop@1")); // WeChat made the order; its reply is lost
    addFault(QStringLiteral("query:busy@6")); // the six scheduled queries: SYSTEMERROR
    // The reverse at 30 s: "正在支付中不能发起撤销" (what the simulator itself answers while the order is
    // USERPAYING; replayed here so that nothing is applied).
    addFault(QStringLiteral("reverse:business=USERPAYING@1"));
    addFault(QStringLiteral("reverse:business=ORDERNOTEXIST@1")); // the retried reverse, 2 s later
    addFault(QStringLiteral("query:business=ORDERNOTEXIST@1")); // the query once the 45 s settle has passed

    workflows::QuickPay::Stage stage {};
    qint64 firstNet = 0;
    const qint64 charged = saleThenRetryIfNotPaid(*t, nextAuthCode(Scenario::PaysAfterSeconds, 40), &stage, &firstNet);
    QVERIFY(charged >= 0);

    // The rule: WeChat said the customer is paying (a verified answer): a later "does not exist" is not definite,
    // and the sale is never "not paid" while WeChat took the money.
    QVERIFY2(!(stage == workflows::QuickPay::Stage::NotPaid && firstNet > 0),
        qPrintable(QStringLiteral("reverse answered USERPAYING (the order exists), yet ORDERNOTEXIST ended the sale "
                                  "NotPaid; the customer paid %1 for one sale of 4200")
                       .arg(charged)));
    QCOMPARE(charged, qint64(4200));
}

// ---- Quick Pay: reverse refused ----

void TestHostile::reverseRefusedThenNotFoundIsADoubleCharge_data()
{
    addFamilies();
}

void TestHostile::reverseRefusedThenNotFoundIsADoubleCharge()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);

    // Scenario 00: paid at once; the reply is lost.
    addFault(QStringLiteral("micropay:drop@1"));
    addFault(QStringLiteral("query:busy@6"));
    // The reverse is refused with the simulator's own "past the window" answer (engine.cpp): REVERSE_EXPIRE, and
    // on the v3 families INVALID_REQUEST. WeChat looked at the order to say so.
    addFault(family == ApiFamily::V2 ? QStringLiteral("reverse:business=REVERSE_EXPIRE@1")
                                     : QStringLiteral("reverse:business=INVALID_REQUEST@1"));
    addFault(QStringLiteral("query:business=ORDERNOTEXIST@1")); // the first watch query, 30 s later

    workflows::QuickPay::Stage stage {};
    qint64 firstNet = 0;
    const qint64 charged = saleThenRetryIfNotPaid(*t, nextAuthCode(Scenario::Success), &stage, &firstNet);
    QVERIFY(charged >= 0);

    QVERIFY2(!(stage == workflows::QuickPay::Stage::NotPaid && firstNet > 0),
        qPrintable(QStringLiteral("WeChat refused to reverse the order (so it has it), yet ORDERNOTEXIST ended the "
                                  "sale NotPaid; the customer paid %1 for one sale of 4200")
                       .arg(charged)));
    QCOMPARE(charged, qint64(4200));
}

// ---- Refunds ----

void TestHostile::resendInvalidRequestThenNotFoundIsADoubleRefund_data()
{
    addFamilies();
}

void TestHostile::resendInvalidRequestThenNotFoundIsADoubleRefund()
{
    QFETCH(ApiFamily, family);
    auto t = till(family);
    QVERIFY(t);
    const QString order = paidOrder(*t, 10000);
    QVERIFY(!order.isEmpty());

    addFault(QStringLiteral("refund:drop@1")); // accepted by WeChat, the reply lost
    // The re-send of the same out_refund_no: "订单金额或退款金额与之前请求不一致" — the simulator's own answer
    // to an out_refund_no it already has (engine.cpp), verified.
    addFault(QStringLiteral("refund:business=INVALID_REQUEST@*"));
    addFault(QStringLiteral("refundquery:business=REFUNDNOTEXIST@*"));

    workflows::RefundWorkflow refund(t->context());
    workflows::RefundStartRequest request { order, t->amount(4000), QStringLiteral("Wrong size"), {}, {} };
    WXPAY_VERIFY_OK(refund.start(request));
    QVERIFY(QTest::qWaitFor([&refund] { return refund.isFinished(); }, kWaitMs));
    m_world.engine.faults().clear();
    const auto outcome = *refund.outcome();
    sim::LedgerEntry ledger = m_world.ledgerEntry(family, order);
    qInfo() << "refund ended" << outcome.stage << "after" << outcome.sends << "sends and" << outcome.queries
            << "queries; WeChat refunded" << ledger.refunded.toString() << "pending" << ledger.refundPending.toString();

    const auto refundable = workflows::RefundWorkflow::refundable(t->context(), order);
    WXPAY_VERIFY_OK(refundable);
    if (outcome.stage == workflows::RefundWorkflow::Stage::Closed && refundable->minorUnits() >= 4000) {
        workflows::RefundWorkflow again(t->context());
        WXPAY_VERIFY_OK(again.start(request));
        QVERIFY(QTest::qWaitFor([&again] { return again.isFinished(); }, kWaitMs));
    }
    ledger = m_world.ledgerEntry(family, order);
    const qint64 refunded = (ledger.refunded.isValid() ? ledger.refunded.minorUnits() : 0)
        + (ledger.refundPending.isValid() ? ledger.refundPending.minorUnits() : 0);

    QVERIFY2(outcome.stage != workflows::RefundWorkflow::Stage::Closed,
        qPrintable(QStringLiteral("WeChat said the out_refund_no is taken (INVALID_REQUEST), yet REFUNDNOTEXIST "
                                  "closed the refund; the customer got %1 back for one refund of 4000 (%2 refunds)")
                       .arg(refunded)
                       .arg(ledger.refunds.size())));
    QCOMPARE(refunded, qint64(4000));
}

QTEST_MAIN(TestHostile)
#include "tst_hostile.moc"
