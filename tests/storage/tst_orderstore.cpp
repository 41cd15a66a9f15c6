#include "common/clock.h"
#include "storage/database.h"
#include "storage/orderstore.h"
#include "storagetest.h"
#include "support/testsupport.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace wxpay;
using namespace wxpay::storage;
using wxpay::test::with;

Q_DECLARE_METATYPE(wxpay::storage::OrderQuery)

namespace {

const QDateTime kT0 = QDateTime(QDate(2024, 3, 1), QTime(9, 30, 15, 250), Qt::UTC);
const QString kShopA = QStringLiteral("shop-a");
const QString kShopB = QStringLiteral("shop-b");

QString u8(const char* text)
{
    return QString::fromUtf8(text);
}

// The search history: 300 orders over two profiles with repeated timestamps and amounts (ties must not break
// paging), several states and currencies, Chinese and Latin descriptions.
QList<OrderRecord> makeHistory()
{
    const QStringList descriptions = { u8("拿铁咖啡 大杯"), u8("美式咖啡"), u8("牛角面包"), u8("Latte large"),
        u8("会员充值 100元"), u8("抹茶拿铁"), u8("100% juice_box"), u8("三明治套餐") };
    const QList<TradeState> states = { TradeState::Success, TradeState::Success, TradeState::NotPay, TradeState::Closed,
        TradeState::Refund, TradeState::UserPaying, TradeState::Revoked, TradeState::Success, TradeState::PayError };
    QList<OrderRecord> orders;
    for (int i = 0; i < 300; ++i) {
        OrderRecord order;
        order.profileId = i % 3 == 2 ? kShopB : kShopA;
        order.family = order.profileId == kShopB ? ApiFamily::Global : ApiFamily::V3;
        order.outTradeNo = QStringLiteral("WX%1").arg(1000 + i * 7 % 300, 5, 10, QLatin1Char('0'));
        order.state = states.at(i % states.size());
        if (order.state != TradeState::NotPay)
            order.transactionId = QStringLiteral("42000%1").arg(i, 6, 10, QLatin1Char('0'));
        const QString currency
            = order.profileId == kShopB && i % 4 == 0 ? QStringLiteral("HKD") : QStringLiteral("CNY");
        order.amount = Money::fromMinor((i * 7919) % 50 * 100 + 1, currency).value();
        order.createdAt = kT0.addSecs(qint64(i / 2) * 37 * 60); // pairs share a timestamp
        order.tradeType = i % 2 ? QStringLiteral("NATIVE") : QStringLiteral("MICROPAY");
        order.description = descriptions.at(i % descriptions.size());
        order.cashier = QStringLiteral("cashier-%1").arg(i % 4);
        orders << order;
    }
    return orders;
}

// What a query must return, computed without SQL.
bool matches(const OrderRecord& order, const OrderQuery& query)
{
    if (!query.profileId.isEmpty() && order.profileId != query.profileId)
        return false;
    const QString prefix = query.idPrefix.trimmed();
    if (!prefix.isEmpty() && !(order.transactionId.startsWith(prefix) || order.outTradeNo.startsWith(prefix)))
        return false;
    if (query.createdFrom.isValid() && order.createdAt < query.createdFrom)
        return false;
    if (query.createdBefore.isValid() && order.createdAt >= query.createdBefore)
        return false;
    if (!query.states.isEmpty() && !query.states.contains(order.state))
        return false;
    if (!query.currency.isEmpty() && order.amount.currency() != query.currency)
        return false;
    if (query.minAmountMinor && order.amount.minorUnits() < *query.minAmountMinor)
        return false;
    if (query.maxAmountMinor && order.amount.minorUnits() > *query.maxAmountMinor)
        return false;
    const QString text = query.text.trimmed();
    return text.isEmpty() || order.description.contains(text, Qt::CaseInsensitive);
}

QList<qint64> expectedIds(const QList<OrderRecord>& all, const OrderQuery& query)
{
    QList<OrderRecord> hits;
    std::copy_if(all.begin(), all.end(), std::back_inserter(hits), [&](const auto& o) { return matches(o, query); });
    auto less = [&](const OrderRecord& a, const OrderRecord& b) {
        switch (query.sort) {
        case OrderSort::CreatedAt:
            return std::pair(a.createdAt.toMSecsSinceEpoch(), a.id) < std::pair(b.createdAt.toMSecsSinceEpoch(), b.id);
        case OrderSort::Amount:
            return std::pair(a.amount.minorUnits(), a.id) < std::pair(b.amount.minorUnits(), b.id);
        case OrderSort::OutTradeNo:
            return std::pair(a.outTradeNo, a.id) < std::pair(b.outTradeNo, b.id);
        }
        return false;
    };
    std::sort(hits.begin(), hits.end(), less);
    if (query.order == Qt::DescendingOrder)
        std::reverse(hits.begin(), hits.end());
    QList<qint64> ids;
    for (const auto& order : std::as_const(hits))
        ids << order.id;
    return ids;
}

// A minimal RFC 4180 reader for checking exports.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

// "SCAN o" / "SCAN k" without an index: every row of orders read.
bool isFullTableScan(const QString& planLine)
{
    static const QRegularExpression scan(QStringLiteral(R"(^\s*SCAN [ok]\b)"));
    return scan.match(planLine).hasMatch() && !planLine.contains(u"INDEX");
}

} // namespace

class TestOrderStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void insertsAndReadsBackEveryField();
    void rejectsInvalidOrders_data();
    void rejectsInvalidOrders();
    void outTradeNoIsUniquePerProfile();
    void appliesTransactions();
    void appliesTransactionFoundByTransactionId();
    void refusesConflictingTransactionId();
    void reportsUnknownOrders();
    void recordsErrorsAndUnionId();
    void findsByTransactionId();
    void searches_data();
    void searches();
    void pagesWithoutGapsOrDuplicates_data();
    void pagesWithoutGapsOrDuplicates();
    void mainQueriesUseIndexes_data();
    void mainQueriesUseIndexes();
    void exportsCsv();
    void exportsManyPages();
    void exportReportsDeviceFailure();

private:
    Database& history(bool fullTextSearch) { return fullTextSearch ? *m_ftsDb : *m_likeDb; }

    QTemporaryDir m_dir;
    ManualClock m_clock { QDateTime(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC) };
    std::unique_ptr<Database> m_ftsDb;
    std::unique_ptr<Database> m_likeDb;
    QList<OrderRecord> m_history; // with the ids the stores assigned
};

void TestOrderStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ftsDb = std::make_unique<Database>(m_dir.filePath(QStringLiteral("fts.sqlite")));
    m_likeDb = std::make_unique<Database>(m_dir.filePath(QStringLiteral("like.sqlite")), Database::Options { false });
    WXPAY_VERIFY_OK(m_ftsDb->open());
    WXPAY_VERIFY_OK(m_likeDb->open());
    QVERIFY(m_ftsDb->hasFullTextSearch());
    QVERIFY(!m_likeDb->hasFullTextSearch());
    m_history = makeHistory();
    for (Database* db : { m_ftsDb.get(), m_likeDb.get() }) {
        OrderStore store(*db, m_clock);
        TransactionGuard transaction(*db);
        WXPAY_VERIFY_OK(transaction.begin());
        for (auto& order : m_history) {
            auto id = store.insert(order);
            WXPAY_VERIFY_OK(id);
            order.id = *id;
        }
        WXPAY_VERIFY_OK(transaction.commit());
    }
}

void TestOrderStore::insertsAndReadsBackEveryField()
{
    Database db(m_dir.filePath(QStringLiteral("roundtrip.sqlite")));
    WXPAY_VERIFY_OK(db.open());
    OrderStore store(db, m_clock);

    OrderRecord order;
    order.profileId = QStringLiteral("hk-1");
    order.family = ApiFamily::HkV3;
    order.outTradeNo = QStringLiteral("HK20240301-0001");
    order.transactionId = QStringLiteral("4200001234202403011234567890");
    order.amount = Money::fromMinor(12345, QStringLiteral("HKD")).value();
    order.payerTotal = Money::fromMinor(11350, QStringLiteral("CNY")).value();
    order.tradeType = QStringLiteral("MICROPAY");
    order.state = TradeState::Success;
    order.stateDescription = u8("支付成功");
    order.payerOpenid = QStringLiteral("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    order.payerUnionid = QStringLiteral("o6_bmasdasdsad6_2sgVt7hMZOPfL");
    order.createdAt = kT0;
    order.paidAt = kT0.addMSecs(4321);
    order.lastConfirmedAt = kT0.addSecs(5);
    order.cashier = u8("王小明");
    order.deviceId = QStringLiteral("POS-07");
    order.description = u8("港式奶茶 ×2, \"少甜\"");
    order.attach = QStringLiteral("table=12");
    order.lastError = QStringLiteral("network TIMEOUT: no reply");
    auto id = store.insert(order);
    WXPAY_VERIFY_OK(id);
    QVERIFY(*id > 0);
    order.id = *id;

    auto found = store.findByOutTradeNo(QStringLiteral("hk-1"), QStringLiteral("HK20240301-0001"));
    WXPAY_VERIFY_OK(found);
    QVERIFY(found->has_value());
    const OrderRecord& back = **found;
    QCOMPARE(back.id, order.id);
    QCOMPARE(back.profileId, order.profileId);
    QCOMPARE(apiFamilyName(back.family), apiFamilyName(order.family));
    QCOMPARE(back.outTradeNo, order.outTradeNo);
    QCOMPARE(back.transactionId, order.transactionId);
    QCOMPARE(back.amount, order.amount);
    QVERIFY(back.payerTotal.has_value());
    QCOMPARE(*back.payerTotal, *order.payerTotal);
    QCOMPARE(back.tradeType, order.tradeType);
    QCOMPARE(tradeStateName(back.state), tradeStateName(order.state));
    QCOMPARE(back.stateDescription, order.stateDescription);
    QCOMPARE(back.payerOpenid, order.payerOpenid);
    QCOMPARE(back.payerUnionid, order.payerUnionid);
    QCOMPARE(back.createdAt, order.createdAt);
    QCOMPARE(back.createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(back.paidAt, order.paidAt);
    QCOMPARE(back.lastConfirmedAt, order.lastConfirmedAt);
    QCOMPARE(back.cashier, order.cashier);
    QCOMPARE(back.deviceId, order.deviceId);
    QCOMPARE(back.description, order.description);
    QCOMPARE(back.attach, order.attach);
    QCOMPARE(back.lastError, order.lastError);

    // Optional fields stay unset, and createdAt defaults to the clock.
    OrderRecord minimal = test::sampleOrder(QStringLiteral("hk-1"), QStringLiteral("MIN-1"), 1, {});
    WXPAY_VERIFY_OK(store.insert(minimal));
    auto bare = store.findByOutTradeNo(QStringLiteral("hk-1"), QStringLiteral("MIN-1"));
    WXPAY_VERIFY_OK(bare);
    QVERIFY(bare->has_value());
    QVERIFY((*bare)->transactionId.isEmpty());
    QVERIFY(!(*bare)->payerTotal.has_value());
    QVERIFY(!(*bare)->paidAt.isValid());
    QVERIFY(!(*bare)->lastConfirmedAt.isValid());
    QCOMPARE((*bare)->createdAt, m_clock.now());
}

void TestOrderStore::rejectsInvalidOrders_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("outTradeNo");
    QTest::addColumn<bool>("validAmount");
    QTest::newRow("no profile") << ""
                                << "A" << true;
    QTest::newRow("no out_trade_no") << "p"
                                     << "" << true;
    QTest::newRow("no amount") << "p"
                               << "A" << false;
}

void TestOrderStore::rejectsInvalidOrders()
{
    QFETCH(QString, profile);
    QFETCH(QString, outTradeNo);
    QFETCH(bool, validAmount);
    Database db(m_dir.filePath(QStringLiteral("invalid.sqlite")));
    WXPAY_VERIFY_OK(db.open());
    OrderStore store(db, m_clock);
    OrderRecord order = test::sampleOrder(QStringLiteral("p"), QStringLiteral("A"), 1, kT0);
    order.profileId = profile;
    order.outTradeNo = outTradeNo;
    if (!validAmount)
        order.amount = Money();
    WXPAY_VERIFY_ERROR(store.insert(order), ErrorKind::Input, QStringLiteral("ORDER_INVALID"));
    auto count = store.count({});
    WXPAY_VERIFY_OK(count);
    QCOMPARE(*count, qint64(0));
}

void TestOrderStore::outTradeNoIsUniquePerProfile()
{
    Database db(m_dir.filePath(QStringLiteral("unique.sqlite")));
    WXPAY_VERIFY_OK(db.open());
    OrderStore store(db, m_clock);
    WXPAY_VERIFY_OK(store.insert(test::sampleOrder(kShopA, QStringLiteral("SAME"), 100, kT0)));
    WXPAY_VERIFY_ERROR(store.insert(test::sampleOrder(kShopA, QStringLiteral("SAME"), 200, kT0)), ErrorKind::Storage,
        QStringLiteral("DUPLICATE"));
    WXPAY_VERIFY_OK(store.insert(test::sampleOrder(kShopB, QStringLiteral("SAME"), 300, kT0)));
    auto kept = store.findByOutTradeNo(kShopA, QStringLiteral("SAME"));
    WXPAY_VERIFY_OK(kept);
    QCOMPARE((*kept)->amount.minorUnits(), qint64(100));
}

void TestOrderStore::appliesTransactions()
{
    Database db(m_dir.filePath(QStringLiteral("apply.sqlite")));
    WXPAY_VERIFY_OK(db.open());
    OrderStore store(db, m_clock);
    OrderRecord order = test::sampleOrder(kShopA, QStringLiteral("PAY-1"), 880, kT0);
    order.lastError = QStringLiteral("network TIMEOUT");
    WXPAY_VERIFY_OK(store.insert(order));

    Transaction paid;
    paid.outTradeNo = QStringLiteral("PAY-1");
    paid.transactionId = QStringLiteral("4200000001");
    paid.state = TradeState::Success;
    paid.stateDescription = u8("支付成功");
    paid.tradeType = QStringLiteral("MICROPAY");
    paid.total = order.amount;
    paid.payerTotal = Money::fromMinor(870, QStringLiteral("CNY")).value();
    paid.openid = QStringLiteral("openid-1");
    paid.successTime = kT0.addSecs(9);
    m_clock.set(kT0.addSecs(10));
    WXPAY_VERIFY_OK(store.applyTransaction(kShopA, paid));

    auto found = store.findByOutTradeNo(kShopA, QStringLiteral("PAY-1"));
    WXPAY_VERIFY_OK(found);
    const OrderRecord& back = **found;
    QCOMPARE(back.transactionId, paid.transactionId);
    QCOMPARE(tradeStateName(back.state), QStringLiteral("SUCCESS"));
    QCOMPARE(back.stateDescription, paid.stateDescription);
    QCOMPARE(back.tradeType, QStringLiteral("MICROPAY"));
    QCOMPARE(*back.payerTotal, *paid.payerTotal);
    QCOMPARE(back.payerOpenid, paid.openid);
    QCOMPARE(back.paidAt, paid.successTime);
    QCOMPARE(back.lastConfirmedAt, kT0.addSecs(10));
    QVERIFY(back.lastError.isEmpty());
    QCOMPARE(back.amount, order.amount); // never changed by a report

    // A later report of the refund keeps what it does not mention.
    Transaction refunded;
    refunded.outTradeNo = QStringLiteral("PAY-1");
    refunded.state = TradeState::Refund;
    WXPAY_VERIFY_OK(store.applyTransaction(kShopA, refunded));
    found = store.findByOutTradeNo(kShopA, QStringLiteral("PAY-1"));
    WXPAY_VERIFY_OK(found);
    QCOMPARE(tradeStateName((*found)->state), QStringLiteral("REFUND"));
    QCOMPARE((*found)->transactionId, paid.transactionId);
    QCOMPARE((*found)->paidAt, paid.successTime);
    QCOMPARE((*found)->payerOpenid, paid.openid);
}

void TestOrderStore::appliesTransactionFoundByTransactionId()
{
    Database db(m_dir.filePath(QStringLiteral("apply-by-id.sqlite")));
    WXPAY_VERIFY_OK(db.open());
    OrderStore store(db, m_clock);
    OrderRecord order = test::sampleOrder(kShopA, QStringLiteral("PAY-2"), 100, kT0);
    order.transactionId = QStringLiteral("4200000002");
    WXPAY_VERIFY_OK(store.insert(order));
    Transaction closed;
    closed.transactionId = QStringLiteral("4200000002");
    closed.state = TradeState::Closed;
    WXPAY_VERIFY_OK(store.applyTransaction(kShopA, closed));
    auto found = store.findByOutTradeNo(kShopA, QStringLiteral("PAY-2"));
    WXPAY_VERIFY_OK(found);
    QCOMPARE(tradeStateName((*found)->state), QStringLiteral("CLOSED"));
}

void TestOrderStore::refusesConflictingTransactionId()
{
    Database db(m_dir.filePath(QStringLiteral("conflict.sqlite")));
    WXPAY_VERIFY_OK(db.open());
    OrderStore store(db, m_clock);
    OrderRecord order = test::sampleOrder(kShopA, QStringLiteral("PAY-3"), 100, kT0);
    order.transactionId = QStringLiteral("4200000003");
    WXPAY_VERIFY_OK(store.insert(order));
    Transaction other;
    other.outTradeNo = QStringLiteral("PAY-3");
    other.transactionId = QStringLiteral("4200009999");
    other.state = TradeState::Success;
    WXPAY_VERIFY_ERROR(
        store.applyTransaction(kShopA, other), ErrorKind::Storage, QStringLiteral("TRANSACTION_ID_CONFLICT"));
    auto found = store.findByOutTradeNo(kShopA, QStringLiteral("PAY-3"));
    WXPAY_VERIFY_OK(found);
    QCOMPARE((*found)->transactionId, QStringLiteral("4200000003"));
    QCOMPARE(tradeStateName((*found)->state), QStringLiteral("NOTPAY"));
}

void TestOrderStore::reportsUnknownOrders()
{
    Database db(m_dir.filePath(QStringLiteral("unknown.sqlite")));
    WXPAY_VERIFY_OK(db.open());
    OrderStore store(db, m_clock);
    Transaction report;
    report.outTradeNo = QStringLiteral("NOPE");
    report.state = TradeState::Success;
    WXPAY_VERIFY_ERROR(store.applyTransaction(kShopA, report), ErrorKind::Storage, QStringLiteral("NOT_FOUND"));
    WXPAY_VERIFY_ERROR(store.setPayerUnionId(kShopA, QStringLiteral("NOPE"), QStringLiteral("u")), ErrorKind::Storage,
        QStringLiteral("NOT_FOUND"));
    WXPAY_VERIFY_ERROR(store.recordError(kShopA, QStringLiteral("NOPE"), Error::network(QStringLiteral("X"), {})),
        ErrorKind::Storage, QStringLiteral("NOT_FOUND"));
    auto found = store.findByOutTradeNo(kShopA, QStringLiteral("NOPE"));
    WXPAY_VERIFY_OK(found);
    QVERIFY(!found->has_value());
}

void TestOrderStore::recordsErrorsAndUnionId()
{
    Database db(m_dir.filePath(QStringLiteral("errors.sqlite")));
    WXPAY_VERIFY_OK(db.open());
    OrderStore store(db, m_clock);
    WXPAY_VERIFY_OK(store.insert(test::sampleOrder(kShopA, QStringLiteral("E-1"), 100, kT0)));
    const Error error
        = Error::business(QStringLiteral("USERPAYING"), u8("需要用户输入支付密码"), QStringLiteral("rid-9"), 202);
    WXPAY_VERIFY_OK(store.recordError(kShopA, QStringLiteral("E-1"), error));
    WXPAY_VERIFY_OK(store.setPayerUnionId(kShopA, QStringLiteral("E-1"), QStringLiteral("union-1")));
    auto found = store.findByOutTradeNo(kShopA, QStringLiteral("E-1"));
    WXPAY_VERIFY_OK(found);
    QCOMPARE((*found)->lastError, error.toString());
    QCOMPARE((*found)->payerUnionid, QStringLiteral("union-1"));
}

void TestOrderStore::findsByTransactionId()
{
    OrderStore store(history(true), m_clock);
    const OrderRecord& expected = m_history.at(123);
    QVERIFY(!expected.transactionId.isEmpty());
    auto found = store.findByTransactionId(expected.transactionId);
    WXPAY_VERIFY_OK(found);
    QVERIFY(found->has_value());
    QCOMPARE((*found)->id, expected.id);
    QCOMPARE((*found)->outTradeNo, expected.outTradeNo);
    auto missing = store.findByTransactionId(QStringLiteral("4200999999"));
    WXPAY_VERIFY_OK(missing);
    QVERIFY(!missing->has_value());
}

void TestOrderStore::searches_data()
{
    QTest::addColumn<OrderQuery>("query");
    QTest::addColumn<bool>("fullTextSearch");
    QTest::addColumn<int>("minimumHits"); // guards against a query that tests nothing

    const QDateTime from = kT0.addSecs(20 * 37 * 60);
    const QDateTime before = kT0.addSecs(60 * 37 * 60);
    QList<std::pair<const char*, std::pair<OrderQuery, int>>> rows = {
        { "everything", { OrderQuery {}, 300 } },
        { "profile", { with<OrderQuery>([&](OrderQuery& q) { q.profileId = kShopB; }), 100 } },
        { "transaction id prefix",
            { with<OrderQuery>([&](OrderQuery& q) { q.idPrefix = QStringLiteral("4200000012"); }), 8 } },
        { "out_trade_no prefix",
            { with<OrderQuery>([&](OrderQuery& q) { q.idPrefix = QStringLiteral("WX011"); }), 10 } },
        { "whole transaction id",
            { with<OrderQuery>([&](OrderQuery& q) { q.idPrefix = QStringLiteral("42000000123"); }), 1 } },
        { "whole out_trade_no",
            { with<OrderQuery>([&](OrderQuery& q) { q.idPrefix = QStringLiteral("WX01007"); }), 1 } },
        { "prefix with spaces around",
            { with<OrderQuery>([&](OrderQuery& q) { q.idPrefix = QStringLiteral(" WX0101 "); }), 10 } },
        { "prefix matching nothing",
            { with<OrderQuery>([&](OrderQuery& q) { q.idPrefix = QStringLiteral("5"); }), 0 } },
        { "date range",
            { with<OrderQuery>([&](OrderQuery& q) {
                 q.createdFrom = from;
                 q.createdBefore = before;
             }),
                80 } },
        { "from a date on", { with<OrderQuery>([&](OrderQuery& q) { q.createdFrom = from; }), 200 } },
        { "state set",
            { with<OrderQuery>([&](OrderQuery& q) {
                 q.states = { TradeState::Success, TradeState::Refund };
             }),
                100 } },
        { "single rare state",
            { with<OrderQuery>([&](OrderQuery& q) { q.states = { TradeState::UserPaying }; }), 30 } },
        { "amount range",
            { with<OrderQuery>([&](OrderQuery& q) {
                 q.minAmountMinor = 1000;
                 q.maxAmountMinor = 2001;
             }),
                30 } },
        { "currency", { with<OrderQuery>([&](OrderQuery& q) { q.currency = QStringLiteral("HKD"); }), 20 } },
        { "currency and minimum amount",
            { with<OrderQuery>([&](OrderQuery& q) {
                 q.currency = QStringLiteral("HKD");
                 q.minAmountMinor = 2000;
             }),
                5 } },
        { "two Chinese characters", { with<OrderQuery>([&](OrderQuery& q) { q.text = u8("咖啡"); }), 50 } },
        { "Chinese phrase", { with<OrderQuery>([&](OrderQuery& q) { q.text = u8("拿铁咖啡"); }), 30 } },
        { "Chinese in the middle", { with<OrderQuery>([&](OrderQuery& q) { q.text = u8("充值"); }), 30 } },
        { "Latin, other case", { with<OrderQuery>([&](OrderQuery& q) { q.text = QStringLiteral("LATTE"); }), 30 } },
        { "literal percent", { with<OrderQuery>([&](OrderQuery& q) { q.text = QStringLiteral("100%"); }), 30 } },
        { "literal underscore", { with<OrderQuery>([&](OrderQuery& q) { q.text = QStringLiteral("e_b"); }), 30 } },
        { "underscore is not a wildcard",
            { with<OrderQuery>([&](OrderQuery& q) { q.text = QStringLiteral("juice_bo_"); }), 0 } },
        { "text matching nothing", { with<OrderQuery>([&](OrderQuery& q) { q.text = u8("火锅"); }), 0 } },
        { "combined",
            { with<OrderQuery>([&](OrderQuery& q) {
                 q.profileId = kShopA;
                 q.createdFrom = from;
                 q.createdBefore = before;
                 q.states = { TradeState::Success, TradeState::Closed };
                 q.text = u8("咖啡");
             }),
                3 } },
        { "oldest first", { with<OrderQuery>([&](OrderQuery& q) { q.order = Qt::AscendingOrder; }), 300 } },
        { "by amount, largest first", { with<OrderQuery>([&](OrderQuery& q) { q.sort = OrderSort::Amount; }), 300 } },
        { "by amount, smallest first",
            { with<OrderQuery>([&](OrderQuery& q) {
                 q.sort = OrderSort::Amount;
                 q.order = Qt::AscendingOrder;
             }),
                300 } },
        { "by out_trade_no",
            { with<OrderQuery>([&](OrderQuery& q) {
                 q.sort = OrderSort::OutTradeNo;
                 q.order = Qt::AscendingOrder;
             }),
                300 } },
        { "by out_trade_no, filtered",
            { with<OrderQuery>([&](OrderQuery& q) {
                 q.profileId = kShopA;
                 q.text = u8("拿铁");
                 q.sort = OrderSort::OutTradeNo;
             }),
                40 } },
    };
    for (bool fts : { true, false }) {
        for (const auto& [name, row] : rows) {
            QTest::addRow("%s (%s)", name, fts ? "fts" : "like") << row.first << fts << row.second;
        }
    }
}

void TestOrderStore::searches()
{
    QFETCH(OrderQuery, query);
    QFETCH(bool, fullTextSearch);
    QFETCH(int, minimumHits);
    const QList<qint64> expected = expectedIds(m_history, query);
    QVERIFY2(expected.size() >= minimumHits,
        qPrintable(QStringLiteral("the sample history has only %1 hits").arg(expected.size())));
    if (minimumHits == 0)
        QVERIFY(expected.isEmpty());

    OrderStore store(history(fullTextSearch), m_clock);
    query.pageSize = 1000;
    auto page = store.search(query);
    WXPAY_VERIFY_OK(page);
    QList<qint64> ids;
    for (const auto& order : std::as_const(page->rows))
        ids << order.id;
    QCOMPARE(ids, expected);
    QVERIFY(!page->next.has_value());

    auto count = store.count(query);
    WXPAY_VERIFY_OK(count);
    QCOMPARE(*count, qint64(expected.size()));
}

void TestOrderStore::pagesWithoutGapsOrDuplicates_data()
{
    QTest::addColumn<OrderQuery>("query");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("newest first, 7 a page") << OrderQuery {} << 7;
    QTest::newRow("oldest first, 1 a page")
        << with<OrderQuery>([&](OrderQuery& q) { q.order = Qt::AscendingOrder; }) << 1;
    QTest::newRow("by amount (many ties), 9 a page")
        << with<OrderQuery>([&](OrderQuery& q) { q.sort = OrderSort::Amount; }) << 9;
    QTest::newRow("by amount ascending, 10 a page") << with<OrderQuery>([&](OrderQuery& q) {
        q.sort = OrderSort::Amount;
        q.order = Qt::AscendingOrder;
    }) << 10;
    QTest::newRow("by out_trade_no, 13 a page") << with<OrderQuery>([&](OrderQuery& q) {
        q.sort = OrderSort::OutTradeNo;
        q.order = Qt::AscendingOrder;
    }) << 13;
    QTest::newRow("filtered, 4 a page") << with<OrderQuery>([&](OrderQuery& q) {
        q.profileId = kShopA;
        q.states = { TradeState::Success };
        q.text = u8("咖啡");
    }) << 4;
    QTest::newRow("exact page multiple") << with<OrderQuery>([&](OrderQuery& q) { q.profileId = kShopB; }) << 25;
}

void TestOrderStore::pagesWithoutGapsOrDuplicates()
{
    QFETCH(OrderQuery, query);
    QFETCH(int, pageSize);
    query.pageSize = pageSize;
    const QList<qint64> expected = expectedIds(m_history, query);
    QVERIFY(expected.size() > pageSize);
    for (bool fts : { true, false }) {
        OrderStore store(history(fts), m_clock);
        QList<qint64> ids;
        std::optional<OrderCursor> cursor;
        int pages = 0;
        do {
            auto page = store.search(query, cursor);
            WXPAY_VERIFY_OK(page);
            QVERIFY(page->rows.size() <= pageSize);
            if (page->next)
                QCOMPARE(page->rows.size(), pageSize);
            for (const auto& order : std::as_const(page->rows))
                ids << order.id;
            cursor = page->next;
            QVERIFY(++pages <= expected.size() + 1);
        } while (cursor);
        QCOMPARE(ids, expected);
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), ids.size());
    }
}

void TestOrderStore::mainQueriesUseIndexes_data()
{
    QTest::addColumn<OrderQuery>("query");
    QTest::addColumn<bool>("withCursor");
    QTest::addColumn<bool>("ordered"); // rows come in index order: the first page costs a page, not a sort
    QTest::addColumn<QString>("index");

    const QDateTime from = kT0.addDays(1);
    const QDateTime before = kT0.addDays(2);
    QTest::newRow("first page") << OrderQuery {} << false << true << "orders_created";
    QTest::newRow("next page") << OrderQuery {} << true << true << "orders_created";
    QTest::newRow("profile") << with<OrderQuery>([&](OrderQuery& q) { q.profileId = kShopA; }) << false << true
                             << "orders_profile_created";
    QTest::newRow("profile, next page") << with<OrderQuery>([&](OrderQuery& q) { q.profileId = kShopA; }) << true
                                        << true << "orders_profile_created";
    QTest::newRow("id prefix") << with<OrderQuery>([&](OrderQuery& q) { q.idPrefix = QStringLiteral("42000001"); })
                               << false << false << "orders_transaction_id";
    QTest::newRow("date range") << with<OrderQuery>([&](OrderQuery& q) {
        q.createdFrom = from;
        q.createdBefore = before;
    }) << false << true << "orders_created";
    QTest::newRow("date range and state") << with<OrderQuery>([&](OrderQuery& q) {
        q.createdFrom = from;
        q.createdBefore = before;
        q.states = { TradeState::Success };
    }) << false << true << "orders_created";
    QTest::newRow("date range and states") << with<OrderQuery>([&](OrderQuery& q) {
        q.createdFrom = from;
        q.createdBefore = before;
        q.states = { TradeState::Success, TradeState::Refund };
    }) << false << true << "orders_created";
    QTest::newRow("profile, dates and states, next page") << with<OrderQuery>([&](OrderQuery& q) {
        q.profileId = kShopA;
        q.createdFrom = from;
        q.createdBefore = before;
        q.states = { TradeState::Success, TradeState::Refund };
    }) << true << true << "orders_profile_created";
    QTest::newRow("amount range") << with<OrderQuery>([&](OrderQuery& q) {
        q.minAmountMinor = 100;
        q.maxAmountMinor = 200;
    }) << false << false << "orders_";
    QTest::newRow("by amount") << with<OrderQuery>([&](OrderQuery& q) { q.sort = OrderSort::Amount; }) << false << true
                               << "orders_amount";
    QTest::newRow("by out_trade_no") << with<OrderQuery>([&](OrderQuery& q) { q.sort = OrderSort::OutTradeNo; }) << true
                                     << true << "orders_out_trade_no";
    QTest::newRow("free text") << with<OrderQuery>([&](OrderQuery& q) { q.text = u8("拿铁咖啡"); }) << false << false
                               << "orders_fts";
    QTest::newRow("free text within dates") << with<OrderQuery>([&](OrderQuery& q) {
        q.createdFrom = from;
        q.createdBefore = before;
        q.text = u8("拿铁咖啡");
    }) << false << true << "orders_created";
}

void TestOrderStore::mainQueriesUseIndexes()
{
    QFETCH(OrderQuery, query);
    QFETCH(bool, withCursor);
    QFETCH(bool, ordered);
    QFETCH(QString, index);
    OrderStore store(history(true), m_clock);
    std::optional<OrderCursor> cursor;
    if (withCursor) {
        OrderQuery firstPage = query;
        firstPage.pageSize = 5;
        auto first = store.search(firstPage);
        WXPAY_VERIFY_OK(first);
        QVERIFY(first->next.has_value());
        cursor = first->next;
    }
    auto plan = store.explainSearch(query, cursor);
    WXPAY_VERIFY_OK(plan);
    const QString text = plan->join(u'\n');
    for (const QString& line : std::as_const(*plan))
        QVERIFY2(!isFullTableScan(line), qPrintable(u"full scan of orders:\n" + text));
    QVERIFY2(text.contains(index), qPrintable(u"expected " % index % u":\n" % text));
    // The outer step sorts the page's few rows; the ids themselves must come in index order.
    for (const QString& line : std::as_const(*plan)) {
        if (ordered && line.startsWith(u' ') && line.contains(u"TEMP B-TREE"))
            QFAIL(qPrintable(u"sorts instead of reading in index order:\n" + text));
    }
}

void TestOrderStore::exportsCsv()
{
    Database db(m_dir.filePath(QStringLiteral("export.sqlite")));
    WXPAY_VERIFY_OK(db.open());
    OrderStore store(db, m_clock);
    const QStringList tricky = { u8("咖啡, 大杯"), QStringLiteral("say \"hi\""), QStringLiteral("two\nlines"),
        QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("+1"), QStringLiteral("-1"), QStringLiteral("@SUM(A1)"),
        u8("普通") };
    for (int i = 0; i < tricky.size(); ++i) {
        OrderRecord order = test::sampleOrder(kShopA, QStringLiteral("CSV-%1").arg(i), 1234 + i, kT0.addSecs(i));
        order.description = tricky.at(i);
        if (i == 0) {
            order.transactionId = QStringLiteral("4200000000000000000000000001");
            order.state = TradeState::Success;
            order.paidAt = kT0.addSecs(30);
            order.payerTotal = Money::fromMinor(1100, QStringLiteral("CNY")).value();
        }
        WXPAY_VERIFY_OK(store.insert(order));
    }

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    auto written = store.exportCsv(with<OrderQuery>([&](OrderQuery& q) { q.order = Qt::AscendingOrder; }), buffer);
    WXPAY_VERIFY_OK(written);
    QCOMPARE(*written, qint64(tricky.size()));

    const QByteArray bytes = buffer.data();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.endsWith("\r\n"));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes.mid(3)));
    QCOMPARE(rows.size(), tricky.size() + 1);
    const QStringList header = rows.at(0);
    QCOMPARE(header.value(0), QStringLiteral("created_at_utc"));
    const auto column = [&](const char* name) { return header.indexOf(QString::fromLatin1(name)); };
    for (const char* name : { "paid_at_utc", "out_trade_no", "transaction_id", "state", "amount", "currency",
             "payer_total", "description", "cashier" })
        QVERIFY2(column(name) >= 0, name);
    for (const QStringList& row : rows)
        QCOMPARE(row.size(), header.size());

    const QStringList first = rows.at(1);
    QCOMPARE(first.at(column("created_at_utc")), QStringLiteral("2024-03-01T09:30:15.250Z"));
    QCOMPARE(first.at(column("paid_at_utc")), QStringLiteral("2024-03-01T09:30:45.250Z"));
    QCOMPARE(first.at(column("out_trade_no")), QStringLiteral("CSV-0"));
    QCOMPARE(first.at(column("transaction_id")), QStringLiteral("4200000000000000000000000001"));
    QCOMPARE(first.at(column("state")), QStringLiteral("SUCCESS"));
    QCOMPARE(first.at(column("amount")), QStringLiteral("12.34"));
    QCOMPARE(first.at(column("currency")), QStringLiteral("CNY"));
    QCOMPARE(first.at(column("payer_total")), QStringLiteral("11.00"));
    QCOMPARE(rows.at(2).at(column("payer_total")), QString());

    const QStringList expectedDescriptions = { u8("咖啡, 大杯"), QStringLiteral("say \"hi\""),
        QStringLiteral("two\nlines"), QStringLiteral("'=cmd|' /C calc'!A0"), QStringLiteral("'+1"),
        QStringLiteral("'-1"), QStringLiteral("'@SUM(A1)"), u8("普通") };
    for (int i = 0; i < tricky.size(); ++i) {
        QCOMPARE(rows.at(i + 1).at(column("description")), expectedDescriptions.at(i));
        QCOMPARE(rows.at(i + 1).at(column("amount")), QStringLiteral("12.%1").arg(34 + i));
    }
}

void TestOrderStore::exportsManyPages()
{
    Database db(m_dir.filePath(QStringLiteral("export-many.sqlite")));
    WXPAY_VERIFY_OK(db.open());
    OrderStore store(db, m_clock);
    constexpr int kOrders = 2345; // more than two export pages
    {
        TransactionGuard transaction(db);
        WXPAY_VERIFY_OK(transaction.begin());
        for (int i = 0; i < kOrders; ++i) {
            OrderRecord order = test::sampleOrder(
                kShopA, QStringLiteral("MANY-%1").arg(i, 5, 10, QLatin1Char('0')), 100 + i, kT0.addSecs(i / 3));
            WXPAY_VERIFY_OK(store.insert(order));
        }
        WXPAY_VERIFY_OK(transaction.commit());
    }
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    auto written = store.exportCsv(OrderQuery {}, buffer);
    WXPAY_VERIFY_OK(written);
    QCOMPARE(*written, qint64(kOrders));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(buffer.data().mid(3)));
    QCOMPARE(rows.size(), kOrders + 1);
    const auto column = rows.at(0).indexOf(QStringLiteral("out_trade_no"));
    QSet<QString> seen;
    for (qsizetype i = 1; i < rows.size(); ++i)
        seen.insert(rows.at(i).at(column));
    QCOMPARE(seen.size(), kOrders);
    QCOMPARE(rows.at(1).at(column), QStringLiteral("MANY-02344")); // newest first
    QCOMPARE(rows.constLast().at(column), QStringLiteral("MANY-00000"));

    // A filtered export writes only the matches.
    QBuffer filtered;
    QVERIFY(filtered.open(QIODevice::WriteOnly));
    auto some
        = store.exportCsv(with<OrderQuery>([&](OrderQuery& q) { q.idPrefix = QStringLiteral("MANY-001"); }), filtered);
    WXPAY_VERIFY_OK(some);
    QCOMPARE(*some, qint64(100));
}

void TestOrderStore::exportReportsDeviceFailure()
{
    OrderStore store(history(true), m_clock);
    QBuffer readOnly;
    QVERIFY(readOnly.open(QIODevice::ReadOnly));
    WXPAY_VERIFY_ERROR(store.exportCsv(OrderQuery {}, readOnly), ErrorKind::Storage, QStringLiteral("EXPORT_FAILED"));
}

QTEST_GUILESS_MAIN(TestOrderStore)
#include "tst_orderstore.moc"
