#include "support/testsupport.h"
#include "workflows/orderlookup.h"
#include "workflowtest.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace wxpay;
using namespace wxpay::workflowtest;
using workflows::OrderLookup;

Q_DECLARE_METATYPE(wxpay::ApiFamily)

class TestOrderLookup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void addsAndUpdatesTheHistory_data();
    void addsAndUpdatesTheHistory();
    void unknownOrder_data();
    void unknownOrder();
    void refusesAnEmptyRef();

private:
    std::optional<OrderLookup::Outcome> lookup(Till& till, const OrderRef& ref);

    SimWorld m_world;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_counter = 0;
};

void TestOrderLookup::initTestCase()
{
    WXPAY_VERIFY_OK(m_world.start(allFamilies()));
}

void TestOrderLookup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::optional<OrderLookup::Outcome> TestOrderLookup::lookup(Till& t, const OrderRef& ref)
{
    OrderLookup lookup(t.context());
    QSignalSpy finished(&lookup, &OrderLookup::finished);
    if (!lookup.lookup(ref).ok() || !finished.wait(kWaitMs))
        return std::nullopt;
    return finished.first().first().value<OrderLookup::Outcome>();
}

void TestOrderLookup::addsAndUpdatesTheHistory_data()
{
    QTest::addColumn<ApiFamily>("family");
    for (ApiFamily family : allFamilies())
        QTest::newRow(apiFamilyName(family).toLatin1().constData()) << family;
}

void TestOrderLookup::addsAndUpdatesTheHistory()
{
    QFETCH(ApiFamily, family);
    Till t(m_world, family, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());

    // An order made on another till: paid, then partly refunded at the merchant platform.
    const QString outTradeNo = QStringLiteral("ELSEWHERE%1").arg(++m_counter);
    NativeOrderRequest order;
    order.outTradeNo = outTradeNo;
    order.description = QStringLiteral("Cake");
    order.amount = t.amount(880);
    order.notifyUrl = QStringLiteral("https://example.com/notify");
    order.clientIp = QStringLiteral("127.0.0.1");
    order.merchantCategoryCode = QStringLiteral("5812");
    WXPAY_VERIFY_OK(m_world.engine.createNative(m_world.ids(family), order));
    WXPAY_VERIFY_OK(m_world.engine.customerPays(m_world.ids(family), outTradeNo));
    const sim::LedgerEntry ledger = m_world.ledgerEntry(family, outTradeNo);

    auto first = lookup(t, OrderRef::byOutTradeNo(outTradeNo));
    QVERIFY(first);
    QVERIFY2(!first->error, first->error ? qPrintable(first->error->toString()) : "");
    QVERIFY(first->addedToHistory);
    QVERIFY(first->record);
    QCOMPARE(first->record->outTradeNo, outTradeNo);
    QCOMPARE(first->record->transactionId, ledger.transactionId);
    QCOMPARE(first->record->amount, t.amount(880));
    QCOMPARE(first->record->state, TradeState::Success);
    QCOMPARE(first->record->family, family);

    RefundRequest refund;
    refund.order = OrderRef::byOutTradeNo(outTradeNo);
    refund.outRefundNo = outTradeNo + u"R1";
    refund.refund = t.amount(100);
    refund.total = t.amount(880);
    WXPAY_VERIFY_OK(m_world.engine.refund(m_world.ids(family), refund));

    auto second = lookup(t, OrderRef::byTransactionId(ledger.transactionId));
    QVERIFY(second);
    QVERIFY2(!second->error, second->error ? qPrintable(second->error->toString()) : "");
    QVERIFY(!second->addedToHistory);
    QCOMPARE(second->record->state, TradeState::Refund);
    QCOMPARE(second->record->id, first->record->id);
    QCOMPARE(t.orders.count(storage::OrderQuery {}).valueOr(-1), qint64(1));
    // Audited with the reply's Request-ID.
    storage::AuditQuery audit;
    audit.profileId = t.profileId();
    const auto entries = t.audit.list(audit);
    WXPAY_VERIFY_OK(entries);
    QCOMPARE(entries->size(), 2);
    QCOMPARE(entries->first().action, QStringLiteral("order.lookup"));
    QCOMPARE(entries->first().requestId, second->requestId);
    if (family != ApiFamily::V2)
        QVERIFY(!second->requestId.isEmpty());
}

void TestOrderLookup::unknownOrder_data()
{
    addsAndUpdatesTheHistory_data();
}

void TestOrderLookup::unknownOrder()
{
    QFETCH(ApiFamily, family);
    Till t(m_world, family, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    auto outcome = lookup(t, OrderRef::byOutTradeNo(QStringLiteral("NOSUCHORDER1")));
    QVERIFY(outcome);
    QVERIFY(outcome->error);
    QCOMPARE(outcome->error->kind, ErrorKind::Business);
    QVERIFY2(outcome->error->code.remove(u'_') == u"ORDERNOTEXIST", qPrintable(outcome->error->code));
    QVERIFY(!outcome->record);
    QCOMPARE(t.orders.count(storage::OrderQuery {}).valueOr(-1), qint64(0));
}

void TestOrderLookup::refusesAnEmptyRef()
{
    Till t(m_world, ApiFamily::V3, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    OrderLookup lookup(t.context());
    WXPAY_VERIFY_ERROR(lookup.lookup(OrderRef {}), ErrorKind::Input, QStringLiteral("REF_MISSING"));
    QVERIFY(!lookup.isRunning());
}

QTEST_GUILESS_MAIN(TestOrderLookup)
#include "tst_orderlookup.moc"
