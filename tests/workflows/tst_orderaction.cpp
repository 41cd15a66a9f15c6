// OrderAction against the real simulator: what the first lookup settles without a request, close and reverse
// through each family, recall, and the history and audit log afterwards.

#include "support/testsupport.h"
#include "workflows/orderaction.h"
#include "workflows/recovery.h"
#include "workflowtest.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace wxpay;
using namespace wxpay::workflowtest;
using workflows::OrderAction;
using Verdict = OrderAction::Outcome::Result;

Q_DECLARE_METATYPE(wxpay::ApiFamily)
Q_DECLARE_METATYPE(wxpay::workflows::OrderAction::Kind)

class TestOrderAction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void closesAnUnpaidNativeOrder_data();
    void closesAnUnpaidNativeOrder();
    void refusesToCloseAPaidOrder();
    void reversesAPaidQuickPayOrder_data();
    void reversesAPaidQuickPayOrder();
    void reportsRecall();
    void unsettledActionIsJournaledAndFollowedUp_data();
    void unsettledActionIsJournaledAndFollowedUp();
    void closeNeedsNotpay();
    void endedOrdersNeedNothing();
    void unknownOrderFails();
    void refusesToStart();

private:
    std::optional<OrderAction::Outcome> run(Till& till, OrderAction::Kind kind, const OrderRef& ref);
    // A Native order in the history (as the till writes it before sending) and at WeChat.
    QString makeNative(Till& till, bool paid);
    // A Quick Pay order made at WeChat only (another till); its micropay answer is not checked.
    QString makeQuickPay(Till& till, sim::QuickPayScenario scenario, int n = 0);
    QList<storage::AuditEntry> auditFor(Till& till, const QString& outTradeNo, const QString& action) const;

    SimWorld m_world;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_counter = 0;
};

void TestOrderAction::initTestCase()
{
    WXPAY_VERIFY_OK(m_world.start(allFamilies()));
}

void TestOrderAction::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_world.resetCounts();
}

std::optional<OrderAction::Outcome> TestOrderAction::run(Till& t, OrderAction::Kind kind, const OrderRef& ref)
{
    OrderAction action(t.context());
    QSignalSpy finished(&action, &OrderAction::finished);
    if (!action.start(kind, ref).ok() || !finished.wait(kWaitMs))
        return std::nullopt;
    if (action.isRunning() || finished.size() != 1)
        return std::nullopt;
    return finished.first().first().value<OrderAction::Outcome>();
}

QString TestOrderAction::makeNative(Till& t, bool paid)
{
    const QString outTradeNo = QStringLiteral("NACT%1").arg(++m_counter, 4, 10, QChar(u'0'));
    storage::OrderRecord record;
    record.profileId = t.profileId();
    record.family = t.family;
    record.outTradeNo = outTradeNo;
    record.amount = t.amount(1250);
    record.tradeType = QStringLiteral("NATIVE");
    record.state = TradeState::NotPay;
    record.description = QStringLiteral("Tea");
    if (!t.orders.insert(record))
        return {};
    NativeOrderRequest order;
    order.outTradeNo = outTradeNo;
    order.description = record.description;
    order.amount = record.amount;
    order.notifyUrl = QStringLiteral("https://example.com/notify");
    order.clientIp = QStringLiteral("127.0.0.1");
    order.merchantCategoryCode = QStringLiteral("5812");
    if (!m_world.engine.createNative(m_world.ids(t.family), order))
        return {};
    if (paid && !m_world.engine.customerPays(m_world.ids(t.family), outTradeNo))
        return {};
    return outTradeNo;
}

QString TestOrderAction::makeQuickPay(Till& t, sim::QuickPayScenario scenario, int n)
{
    MicropayRequest request;
    request.outTradeNo = QStringLiteral("QACT%1").arg(++m_counter, 4, 10, QChar(u'0'));
    request.description = QStringLiteral("Cake");
    request.amount = t.amount(880);
    request.authCode = nextAuthCode(scenario, n);
    request.clientIp = QStringLiteral("127.0.0.1");
    request.merchantCategoryCode = QStringLiteral("5812");
    static_cast<void>(m_world.engine.micropay(m_world.ids(t.family), request));
    return request.outTradeNo;
}

QList<storage::AuditEntry> TestOrderAction::auditFor(Till& t, const QString& outTradeNo, const QString& action) const
{
    storage::AuditQuery query;
    query.profileId = t.profileId();
    query.outTradeNo = outTradeNo;
    QList<storage::AuditEntry> matching;
    const auto entries = t.audit.list(query);
    if (!entries)
        return matching;
    for (const storage::AuditEntry& entry : entries.value()) {
        if (entry.action == action)
            matching << entry;
    }
    return matching;
}

void TestOrderAction::closesAnUnpaidNativeOrder_data()
{
    QTest::addColumn<ApiFamily>("family");
    for (ApiFamily family : allFamilies())
        QTest::newRow(apiFamilyName(family).toLatin1().constData()) << family;
}

void TestOrderAction::closesAnUnpaidNativeOrder()
{
    QFETCH(ApiFamily, family);
    Till t(m_world, family, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    const QString outTradeNo = makeNative(t, false);
    QVERIFY(!outTradeNo.isEmpty());

    const auto outcome = run(t, OrderAction::Kind::Close, OrderRef::byOutTradeNo(outTradeNo));
    QVERIFY(outcome);
    QVERIFY2(outcome->result == Verdict::Done, outcome->error ? qPrintable(outcome->error->toString()) : "");
    QCOMPARE(outcome->kind, OrderAction::Kind::Close);
    QVERIFY(!outcome->error);
    QVERIFY(outcome->before);
    QCOMPARE(outcome->before->state, TradeState::NotPay);
    QVERIFY(outcome->after);
    QCOMPARE(outcome->after->state, TradeState::Closed);
    QVERIFY(outcome->record);
    QCOMPARE(outcome->record->state, TradeState::Closed);
    QCOMPARE(t.order(outTradeNo)->state, TradeState::Closed);
    QCOMPARE(m_world.ledgerEntry(family, outTradeNo).state, TradeState::Closed);
    QCOMPARE(m_world.count(QStringLiteral("close")), 1);

    const auto closes = auditFor(t, outTradeNo, QStringLiteral("order.close"));
    QCOMPARE(closes.size(), 1);
    QCOMPARE(closes.first().detail, QStringLiteral("closed"));
    QCOMPARE(closes.first().requestId, outcome->requestId);
    QCOMPARE(closes.first().actor, QStringLiteral("alice"));
    if (family != ApiFamily::V2)
        QVERIFY(!outcome->requestId.isEmpty());
    // Looked up before and after.
    QCOMPARE(auditFor(t, outTradeNo, QStringLiteral("order.lookup")).size(), 2);
}

void TestOrderAction::refusesToCloseAPaidOrder()
{
    Till t(m_world, ApiFamily::V3, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    const QString outTradeNo = makeNative(t, true);
    QVERIFY(!outTradeNo.isEmpty());

    const auto outcome = run(t, OrderAction::Kind::Close, OrderRef::byOutTradeNo(outTradeNo));
    QVERIFY(outcome);
    QCOMPARE(outcome->result, Verdict::Refused);
    QVERIFY(outcome->error);
    QCOMPARE(outcome->error->kind, ErrorKind::Business);
    QCOMPARE(outcome->error->code, QStringLiteral("ORDERPAID"));
    QVERIFY(outcome->error->message.contains(u"refund"));
    QCOMPARE(outcome->before->state, TradeState::Success);
    QVERIFY(!outcome->after);
    // Nothing was sent and nothing changed.
    QCOMPARE(m_world.count(QStringLiteral("close")), 0);
    QCOMPARE(m_world.ledgerEntry(ApiFamily::V3, outTradeNo).state, TradeState::Success);
    QCOMPARE(t.order(outTradeNo)->state, TradeState::Success);
    QVERIFY(auditFor(t, outTradeNo, QStringLiteral("order.close")).isEmpty());
    QCOMPARE(auditFor(t, outTradeNo, QStringLiteral("order.lookup")).size(), 1);
}

void TestOrderAction::reversesAPaidQuickPayOrder_data()
{
    closesAnUnpaidNativeOrder_data();
}

void TestOrderAction::reversesAPaidQuickPayOrder()
{
    QFETCH(ApiFamily, family);
    Till t(m_world, family, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    const QString outTradeNo = makeQuickPay(t, sim::QuickPayScenario::Success);
    QCOMPARE(m_world.ledgerEntry(family, outTradeNo).state, TradeState::Success);
    const QString transactionId = m_world.ledgerEntry(family, outTradeNo).transactionId;

    // Named by WeChat's id, as a cashier reads it from the customer's receipt.
    const auto outcome = run(t, OrderAction::Kind::Reverse, OrderRef::byTransactionId(transactionId));
    QVERIFY(outcome);
    QVERIFY2(outcome->result == Verdict::Done, outcome->error ? qPrintable(outcome->error->toString()) : "");
    QVERIFY(outcome->addedToHistory); // made at another till
    QCOMPARE(outcome->before->state, TradeState::Success);
    QCOMPARE(outcome->after->state, TradeState::Revoked);
    QCOMPARE(outcome->record->state, TradeState::Revoked);
    QCOMPARE(outcome->record->outTradeNo, outTradeNo);
    QCOMPARE(t.order(outTradeNo)->state, TradeState::Revoked);
    const sim::LedgerEntry ledger = m_world.ledgerEntry(family, outTradeNo);
    QCOMPARE(ledger.state, TradeState::Revoked);
    QCOMPARE(ledger.reversed, t.amount(880)); // the money went back
    QCOMPARE(m_world.count(QStringLiteral("reverse")), 1);

    const auto reverses = auditFor(t, outTradeNo, QStringLiteral("order.reverse"));
    QCOMPARE(reverses.size(), 1);
    QCOMPARE(reverses.first().detail, QStringLiteral("reversed"));
    QCOMPARE(reverses.first().requestId, outcome->requestId);
}

void TestOrderAction::reportsRecall()
{
    // APIv2 is the family whose reverse carries recall=Y.
    Till t(m_world, ApiFamily::V2, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    const QString outTradeNo = makeQuickPay(t, sim::QuickPayScenario::ReverseRecall, 1);
    QCOMPARE(m_world.ledgerEntry(ApiFamily::V2, outTradeNo).state, TradeState::UserPaying);

    const auto first = run(t, OrderAction::Kind::Reverse, OrderRef::byOutTradeNo(outTradeNo));
    QVERIFY(first);
    QCOMPARE(first->result, Verdict::RecallNeeded);
    QVERIFY(first->pending);
    QCOMPARE(first->after->state, TradeState::UserPaying); // looked up after the recall
    QCOMPARE(first->before->state, TradeState::UserPaying);
    // Not settled: the journal keeps the reverse open, with its reason, for the re-drive.
    auto open = t.journal.pending();
    WXPAY_VERIFY_OK(open);
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->first().kind, storage::JournalKind::Reverse);
    QVERIFY(open->first().payload.value(QStringLiteral("reason")).toString().contains(u"RECALL"));
    QCOMPARE(m_world.ledgerEntry(ApiFamily::V2, outTradeNo).state, TradeState::UserPaying);
    auto reverses = auditFor(t, outTradeNo, QStringLiteral("order.reverse"));
    QCOMPARE(reverses.size(), 1);
    QCOMPARE(reverses.first().detail, QStringLiteral("recall"));

    // Called again, as the outcome asks.
    const auto second = run(t, OrderAction::Kind::Reverse, OrderRef::byOutTradeNo(outTradeNo));
    QVERIFY(second);
    QVERIFY2(second->result == Verdict::Done, second->error ? qPrintable(second->error->toString()) : "");
    QCOMPARE(second->after->state, TradeState::Revoked);
    QCOMPARE(t.order(outTradeNo)->state, TradeState::Revoked);
    // The second try carried the open entry on and finished it.
    QVERIFY(t.journal.pending().value().isEmpty());
    QCOMPARE(m_world.ledgerEntry(ApiFamily::V2, outTradeNo).state, TradeState::Revoked);
    reverses = auditFor(t, outTradeNo, QStringLiteral("order.reverse"));
    QCOMPARE(reverses.size(), 2);
    QCOMPARE(reverses.first().detail, QStringLiteral("reversed")); // newest first
}

void TestOrderAction::unsettledActionIsJournaledAndFollowedUp_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::addColumn<OrderAction::Kind>("kind");
    for (ApiFamily family : allFamilies()) {
        const QByteArray f = apiFamilyName(family).toLatin1();
        QTest::newRow(QByteArray(f + " reverse").constData()) << family << OrderAction::Kind::Reverse;
        QTest::newRow(QByteArray(f + " close").constData()) << family << OrderAction::Kind::Close;
    }
}

void TestOrderAction::unsettledActionIsJournaledAndFollowedUp()
{
    QFETCH(ApiFamily, family);
    QFETCH(OrderAction::Kind, kind);
    const bool reverse = kind == OrderAction::Kind::Reverse;
    const QString operation = reverse ? QStringLiteral("reverse") : QStringLiteral("close");
    QString outTradeNo;
    {
        Till t(m_world, family, m_dir->filePath(QStringLiteral("history.sqlite")));
        WXPAY_VERIFY_OK(t.open());
        outTradeNo = reverse ? makeQuickPay(t, sim::QuickPayScenario::Success) : makeNative(t, false);
        QVERIFY(!outTradeNo.isEmpty());
        // WeChat applies the request, its reply is lost, and so is the lookup after it.
        m_world.engine.faults().add(sim::FaultRule::parse(QString(operation + u":drop@1")).value());
        QObject watcher;
        connect(&m_world.server(), &sim::SimServer::requestHandled, &watcher, [this, operation](const QJsonObject& e) {
            if (e.value(QStringLiteral("operation")).toString() == operation)
                m_world.engine.faults().add(sim::FaultRule::parse(QStringLiteral("query:http500@1")).value());
        });
        const auto outcome = run(t, kind, OrderRef::byOutTradeNo(outTradeNo));
        QVERIFY(outcome);
        QCOMPARE(outcome->result, Verdict::Failed);
        QVERIFY(outcome->pending);
        // It happened at WeChat; the journal says it may have, and why it is open.
        QCOMPARE(m_world.ledgerEntry(family, outTradeNo).state, reverse ? TradeState::Revoked : TradeState::Closed);
        auto open = t.journal.pending();
        WXPAY_VERIFY_OK(open);
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->first().kind, reverse ? storage::JournalKind::Reverse : storage::JournalKind::Close);
        QCOMPARE(open->first().outTradeNo, outTradeNo);
        QCOMPARE(open->first().attempts, 1);
        QVERIFY(!open->first().payload.value(QStringLiteral("reason")).toString().isEmpty());
    }
    // The next run (or the re-drive) settles it from WeChat's answer, without sending it again.
    m_world.resetCounts();
    Till t(m_world, family, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    workflows::Recovery recovery(t.context());
    QSignalSpy finished(&recovery, &workflows::Recovery::finished);
    WXPAY_VERIFY_OK(recovery.resumePending());
    QVERIFY(finished.wait(kWaitMs));
    const auto report = finished.first().first().value<workflows::Recovery::Report>();
    QCOMPARE(report.items.size(), 1);
    QVERIFY(report.items.first().settled);
    QCOMPARE(m_world.count(operation), 0);
    QCOMPARE(t.order(outTradeNo)->state, reverse ? TradeState::Revoked : TradeState::Closed);
    QVERIFY(t.journal.pending().value().isEmpty());
}

void TestOrderAction::closeNeedsNotpay()
{
    Till t(m_world, ApiFamily::V3, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    // A Quick Pay order the customer is still confirming: closing it now could cut a payment in half.
    const QString outTradeNo = makeQuickPay(t, sim::QuickPayScenario::PayingForever);
    const auto outcome = run(t, OrderAction::Kind::Close, OrderRef::byOutTradeNo(outTradeNo));
    QVERIFY(outcome);
    QCOMPARE(outcome->result, Verdict::Refused);
    QCOMPARE(outcome->error->code, QStringLiteral("NOT_CLOSABLE_NOW"));
    QCOMPARE(m_world.count(QStringLiteral("close")), 0);
    QVERIFY(t.journal.pending().value().isEmpty());
}

void TestOrderAction::endedOrdersNeedNothing()
{
    Till t(m_world, ApiFamily::V3, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    const QString outTradeNo = makeNative(t, false);
    QVERIFY(!outTradeNo.isEmpty());
    const auto closed = run(t, OrderAction::Kind::Close, OrderRef::byOutTradeNo(outTradeNo));
    QVERIFY(closed);
    QCOMPARE(closed->result, Verdict::Done);
    m_world.resetCounts();

    for (const auto kind : { OrderAction::Kind::Close, OrderAction::Kind::Reverse }) {
        const auto again = run(t, kind, OrderRef::byOutTradeNo(outTradeNo));
        QVERIFY(again);
        QCOMPARE(again->result, Verdict::NothingToDo);
        QVERIFY(!again->error);
        QCOMPARE(again->before->state, TradeState::Closed);
        QCOMPARE(again->record->state, TradeState::Closed);
    }
    QCOMPARE(m_world.count(QStringLiteral("close")), 0);
    QCOMPARE(m_world.count(QStringLiteral("reverse")), 0);
    QCOMPARE(auditFor(t, outTradeNo, QStringLiteral("order.close")).size(), 1);
}

void TestOrderAction::unknownOrderFails()
{
    Till t(m_world, ApiFamily::V3, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    const auto outcome = run(t, OrderAction::Kind::Close, OrderRef::byOutTradeNo(QStringLiteral("NOSUCHORDER9")));
    QVERIFY(outcome);
    QCOMPARE(outcome->result, Verdict::Failed);
    QVERIFY(outcome->error);
    QCOMPARE(outcome->error->kind, ErrorKind::Business);
    QVERIFY(!outcome->before);
    QCOMPARE(m_world.count(QStringLiteral("close")), 0);
}

void TestOrderAction::refusesToStart()
{
    Till t(m_world, ApiFamily::V3, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    OrderAction action(t.context());
    WXPAY_VERIFY_ERROR(action.start(OrderAction::Kind::Close, OrderRef { QStringLiteral(" "), QString() }),
        ErrorKind::Input, QStringLiteral("REF_MISSING"));
    QVERIFY(!action.isRunning());
    QSignalSpy finished(&action, &OrderAction::finished);
    WXPAY_VERIFY_OK(action.start(OrderAction::Kind::Close, OrderRef::byOutTradeNo(QStringLiteral("NOSUCHORDER8"))));
    QVERIFY(action.isRunning());
    WXPAY_VERIFY_ERROR(action.start(OrderAction::Kind::Reverse, OrderRef::byOutTradeNo(QStringLiteral("OTHER12345"))),
        ErrorKind::Input, QStringLiteral("BUSY"));
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!action.isRunning());
}

QTEST_GUILESS_MAIN(TestOrderAction)
#include "tst_orderaction.moc"
