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
    void recognisesOrderIds_data();
    void recognisesOrderIds();

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

void TestOrderLookup::recognisesOrderIds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("transactionId"); // expected; both empty: ORDER_ID_INVALID
    QTest::addColumn<QString>("outTradeNo");
    const auto id = [](const char* name, const char* text, const char* expected) {
        QTest::newRow(name) << QString::fromLatin1(text) << QString::fromLatin1(expected) << QString();
    };
    const auto no = [](const char* name, const char* text, const char* expected) {
        QTest::newRow(name) << QString::fromLatin1(text) << QString() << QString::fromLatin1(expected);
    };
    const auto invalid = [](const char* name, const char* text) {
        QTest::newRow(name) << QString::fromUtf8(text) << QString() << QString();
    };
    // By form, unknown to the history.
    id("transaction_id, 28 digits", "4200000483202001042069747825", "4200000483202001042069747825");
    id("transaction_id, 32 digits", "42000004832020010420697478251234", "42000004832020010420697478251234");
    id("transaction_id, trimmed", "  4200000263201902167700134902\t", "4200000263201902167700134902");
    no("27 digits", "420000048320200104206974782", "420000048320200104206974782");
    no("28 digits not starting with 4", "2020010418301551404339261814", "2020010418301551404339261814");
    no("generated out_trade_no", "N20250101103000a1B2c3D4", "N20250101103000a1B2c3D4");
    no("all allowed signs", "a_b-c|d*e", "a_b-c|d*e");
    no("short digits", "42000001", "42000001");
    no("six characters", "QP0001", "QP0001");
    // The history wins over the form.
    no("known out_trade_no of the transaction_id form", "4999999999999999999999999999", "4999999999999999999999999999");
    id("known transaction_id of another form", "HKTXN0000001", "HKTXN0000001");
    id("another profile's out_trade_no keeps the form", "4888888888888888888888888888", "4888888888888888888888888888");
    no("another profile's out_trade_no", "OTHERTILL01", "OTHERTILL01");
    invalid("empty", "");
    invalid("blank", "   ");
    invalid("five characters", "QP001");
    invalid("33 digits", "420000048320200104206974782512345");
    invalid("space inside", "N2025 0101");
    invalid("plus sign", "N+20250101");
    invalid("non-ASCII", "订单20250101");
}

void TestOrderLookup::recognisesOrderIds()
{
    QFETCH(QString, text);
    QFETCH(QString, transactionId);
    QFETCH(QString, outTradeNo);
    Till t(m_world, ApiFamily::V3, m_dir->filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(t.open());
    const auto add = [&t](const QString& profileId, const QString& no, const QString& id) {
        storage::OrderRecord record;
        record.profileId = profileId;
        record.outTradeNo = no;
        record.amount = t.amount(100);
        WXPAY_VERIFY_OK(t.orders.insert(record));
        if (!id.isEmpty()) {
            Transaction transaction;
            transaction.outTradeNo = no;
            transaction.transactionId = id;
            transaction.state = TradeState::Success;
            WXPAY_VERIFY_OK(t.orders.applyTransaction(profileId, transaction));
        }
    };
    add(t.profileId(), QStringLiteral("4999999999999999999999999999"), {});
    add(QStringLiteral("other-till"), QStringLiteral("OTHERTILL02"), QStringLiteral("HKTXN0000001"));
    add(QStringLiteral("other-till"), QStringLiteral("4888888888888888888888888888"), {});
    add(QStringLiteral("other-till"), QStringLiteral("OTHERTILL01"), {});

    const auto ref = workflows::orderRefFromText(text, t.orders, t.profileId());
    if (transactionId.isEmpty() && outTradeNo.isEmpty()) {
        WXPAY_VERIFY_ERROR(ref, ErrorKind::Input, QStringLiteral("ORDER_ID_INVALID"));
        QVERIFY(!ref.error().message.isEmpty());
        return;
    }
    WXPAY_VERIFY_OK(ref);
    QCOMPARE(ref->transactionId, transactionId);
    QCOMPARE(ref->outTradeNo, outTradeNo);
}

QTEST_GUILESS_MAIN(TestOrderLookup)
#include "tst_orderlookup.moc"
