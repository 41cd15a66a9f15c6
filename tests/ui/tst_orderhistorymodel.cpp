// OrderHistoryModel over a real SQLite history: pages load as a view asks for them, sorting re-queries the history,
// and the filters of OrderQuery reach it.

#include "format.h"
#include "orderhistorymodel.h"
#include "storage/database.h"
#include "storage/orderstore.h"
#include "support/testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wxpay;
using ui::OrderHistoryModel;

Q_DECLARE_METATYPE(wxpay::storage::OrderQuery)

namespace {

const QDateTime kStart(QDate(2025, 6, 1), QTime(2, 0), Qt::UTC);
constexpr int kOrders = 250;

// Order i: created i minutes after kStart, amount (i * 37) % 1000 + 1 fen, paid when i is even, "Cake" every
// fifth order and "Tea" otherwise.
qint64 amountOf(int i)
{
    return (i * 37) % 1000 + 1;
}

} // namespace

class TestOrderHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadsPagesLazily();
    void showsTheColumns();
    void sortsByReQuerying_data();
    void sortsByReQuerying();
    void ignoresUnsortableColumns();
    void filters_data();
    void filters();
    void emptyWithoutAStore();

private:
    void fetchAll(OrderHistoryModel& model);

    QTemporaryDir m_dir;
    ManualClock m_clock { kStart };
    std::unique_ptr<storage::Database> m_database;
    std::unique_ptr<storage::OrderStore> m_orders;
};

void TestOrderHistoryModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = std::make_unique<storage::Database>(m_dir.filePath(QStringLiteral("history.sqlite")));
    WXPAY_VERIFY_OK(m_database->open());
    m_orders = std::make_unique<storage::OrderStore>(*m_database, m_clock);
    storage::TransactionGuard guard(*m_database);
    WXPAY_VERIFY_OK(guard.begin());
    for (int i = 0; i < kOrders; ++i) {
        storage::OrderRecord order;
        order.profileId = i < 200 ? QStringLiteral("shop") : QStringLiteral("kiosk");
        order.outTradeNo = QStringLiteral("N%1").arg(i, 6, 10, QChar(u'0'));
        order.amount = Money::fromMinor(amountOf(i), QStringLiteral("CNY")).value();
        order.tradeType = QStringLiteral("NATIVE");
        order.state = TradeState::NotPay;
        order.description = i % 5 == 0 ? QStringLiteral("Cake") : QStringLiteral("Tea");
        order.createdAt = kStart.addSecs(60 * i);
        WXPAY_VERIFY_OK(m_orders->insert(order));
        if (i % 2 == 0) {
            Transaction paid;
            paid.outTradeNo = order.outTradeNo;
            paid.transactionId = QStringLiteral("42000001%1").arg(i, 20, 10, QChar(u'0'));
            paid.state = TradeState::Success;
            paid.successTime = order.createdAt.addSecs(10);
            WXPAY_VERIFY_OK(m_orders->applyTransaction(order.profileId, paid));
        }
    }
    WXPAY_VERIFY_OK(guard.commit());
}

void TestOrderHistoryModel::fetchAll(OrderHistoryModel& model)
{
    for (int guard = 0; model.canFetchMore({}) && guard < 100; ++guard)
        model.fetchMore({});
}

void TestOrderHistoryModel::loadsPagesLazily()
{
    OrderHistoryModel model;
    model.setStore(m_orders.get());
    storage::OrderQuery query;
    query.pageSize = 100;
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(model.canFetchMore({}));
    // Newest first by default.
    QCOMPARE(model.orderAt(0).outTradeNo, QStringLiteral("N000249"));
    QCOMPARE(model.orderAt(99).outTradeNo, QStringLiteral("N000150"));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 200);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 100);
    QCOMPARE(inserted.first().at(2).toInt(), 199);
    QCOMPARE(model.orderAt(100).outTradeNo, QStringLiteral("N000149"));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), kOrders);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.orderAt(kOrders - 1).outTradeNo, QStringLiteral("N000000"));

    // A new query starts again from its first page.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setQuery(query);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(!model.lastError());
}

void TestOrderHistoryModel::showsTheColumns()
{
    OrderHistoryModel model;
    model.setStore(m_orders.get());
    model.setProfileNames({ { QStringLiteral("shop"), QStringLiteral("Main shop") } });
    storage::OrderQuery query;
    query.idPrefix = QStringLiteral("N000010");
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(OrderHistoryModel::ColumnCount));
    const auto cell = [&model](int column) { return model.data(model.index(0, column)).toString(); };
    const storage::OrderRecord& order = model.orderAt(0);
    QCOMPARE(cell(OrderHistoryModel::CreatedColumn),
        kStart.addSecs(600).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QCOMPARE(cell(OrderHistoryModel::OutTradeNoColumn), QStringLiteral("N000010"));
    QCOMPARE(cell(OrderHistoryModel::TransactionIdColumn), order.transactionId);
    QVERIFY(cell(OrderHistoryModel::TransactionIdColumn).startsWith(u"42000001"));
    QCOMPARE(cell(OrderHistoryModel::AmountColumn), ui::formatMoney(order.amount));
    QCOMPARE(cell(OrderHistoryModel::AmountColumn), QStringLiteral("¥3.71"));
    QCOMPARE(cell(OrderHistoryModel::StateColumn), OrderHistoryModel::stateText(TradeState::Success));
    QCOMPARE(cell(OrderHistoryModel::DescriptionColumn), QStringLiteral("Cake"));
    QCOMPARE(cell(OrderHistoryModel::ProfileColumn), QStringLiteral("Main shop"));
    for (int column = 0; column < model.columnCount(); ++column)
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
    // Each state has its own word.
    QStringList words;
    for (TradeState state : { TradeState::Unknown, TradeState::NotPay, TradeState::UserPaying, TradeState::Success,
             TradeState::Refund, TradeState::Closed, TradeState::Revoked, TradeState::PayError, TradeState::Accept })
        words << OrderHistoryModel::stateText(state);
    words.removeDuplicates();
    QCOMPARE(words.size(), 9);
}

void TestOrderHistoryModel::sortsByReQuerying_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("amount ascending") << int(OrderHistoryModel::AmountColumn) << Qt::AscendingOrder;
    QTest::newRow("amount descending") << int(OrderHistoryModel::AmountColumn) << Qt::DescendingOrder;
    QTest::newRow("out_trade_no ascending") << int(OrderHistoryModel::OutTradeNoColumn) << Qt::AscendingOrder;
    QTest::newRow("created ascending") << int(OrderHistoryModel::CreatedColumn) << Qt::AscendingOrder;
}

void TestOrderHistoryModel::sortsByReQuerying()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    OrderHistoryModel model;
    model.setStore(m_orders.get());
    model.setQuery({});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.sort(column, order);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.sortColumn(), column);
    QCOMPARE(model.query().order, order);
    QCOMPARE(model.rowCount(), 100); // from the first page again
    fetchAll(model);
    QCOMPARE(model.rowCount(), kOrders);
    for (int row = 1; row < model.rowCount(); ++row) {
        const storage::OrderRecord& a = model.orderAt(row - 1);
        const storage::OrderRecord& b = model.orderAt(row);
        bool inOrder = false;
        switch (column) {
        case OrderHistoryModel::AmountColumn:
            inOrder = order == Qt::AscendingOrder ? a.amount.minorUnits() <= b.amount.minorUnits()
                                                  : a.amount.minorUnits() >= b.amount.minorUnits();
            break;
        case OrderHistoryModel::OutTradeNoColumn:
            inOrder = order == Qt::AscendingOrder ? a.outTradeNo < b.outTradeNo : a.outTradeNo > b.outTradeNo;
            break;
        default:
            inOrder = order == Qt::AscendingOrder ? a.createdAt <= b.createdAt : a.createdAt >= b.createdAt;
            break;
        }
        QVERIFY2(inOrder, qPrintable(a.outTradeNo + u" before " + b.outTradeNo));
    }
    if (column == OrderHistoryModel::AmountColumn && order == Qt::AscendingOrder)
        QCOMPARE(model.orderAt(0).amount.minorUnits(), 1);
}

void TestOrderHistoryModel::ignoresUnsortableColumns()
{
    OrderHistoryModel model;
    model.setStore(m_orders.get());
    model.setQuery({});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    for (int column : { int(OrderHistoryModel::TransactionIdColumn), int(OrderHistoryModel::StateColumn),
             int(OrderHistoryModel::DescriptionColumn), int(OrderHistoryModel::ProfileColumn) }) {
        QVERIFY(!OrderHistoryModel::isSortable(column));
        model.sort(column, Qt::AscendingOrder);
    }
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.sortColumn(), int(OrderHistoryModel::CreatedColumn));
    QCOMPARE(model.query().order, Qt::DescendingOrder);
    QVERIFY(OrderHistoryModel::isSortable(OrderHistoryModel::AmountColumn));
}

void TestOrderHistoryModel::filters_data()
{
    QTest::addColumn<storage::OrderQuery>("query");
    QTest::addColumn<int>("expected");
    storage::OrderQuery paid;
    paid.states = { TradeState::Success };
    QTest::newRow("paid") << paid << kOrders / 2;
    storage::OrderQuery kiosk;
    kiosk.profileId = QStringLiteral("kiosk");
    QTest::newRow("one profile") << kiosk << 50;
    storage::OrderQuery cake;
    cake.text = QStringLiteral("cake");
    QTest::newRow("description") << cake << kOrders / 5;
    storage::OrderQuery hour;
    hour.createdFrom = kStart.addSecs(60 * 60);
    hour.createdBefore = kStart.addSecs(2 * 60 * 60);
    QTest::newRow("one hour") << hour << 60;
    storage::OrderQuery cheap;
    cheap.currency = QStringLiteral("CNY");
    cheap.maxAmountMinor = 100;
    int cheapCount = 0;
    for (int i = 0; i < kOrders; ++i)
        cheapCount += amountOf(i) <= 100 ? 1 : 0;
    QTest::newRow("at most 1.00") << cheap << cheapCount;
}

void TestOrderHistoryModel::filters()
{
    QFETCH(storage::OrderQuery, query);
    QFETCH(int, expected);
    OrderHistoryModel model;
    model.setStore(m_orders.get());
    model.setQuery(query);
    fetchAll(model);
    QCOMPARE(model.rowCount(), expected);
    QCOMPARE(m_orders->count(query).valueOr(-1), qint64(expected));
    for (int row = 0; row < model.rowCount(); ++row) {
        const storage::OrderRecord& order = model.orderAt(row);
        if (!query.states.isEmpty())
            QCOMPARE(order.state, query.states.first());
        if (!query.profileId.isEmpty())
            QCOMPARE(order.profileId, query.profileId);
        if (!query.text.isEmpty())
            QCOMPARE(order.description, QStringLiteral("Cake"));
        if (query.maxAmountMinor)
            QVERIFY(order.amount.minorUnits() <= *query.maxAmountMinor);
    }
}

void TestOrderHistoryModel::emptyWithoutAStore()
{
    OrderHistoryModel model;
    model.setQuery({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    model.setStore(m_orders.get());
    QCOMPARE(model.rowCount(), 100);
    model.setStore(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestOrderHistoryModel)
#include "tst_orderhistorymodel.moc"
