#include "common/clock.h"
#include "storage/database.h"
#include "storage/orderstore.h"
#include "storage/refundstore.h"
#include "storagetest.h"
#include "support/testsupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wxpay;
using namespace wxpay::storage;

namespace {

const QDateTime kT0 = QDateTime(QDate(2024, 4, 2), QTime(10, 0), Qt::UTC);
const QString kProfile = QStringLiteral("shop-a");

RefundRecord sampleRefund(const QString& outTradeNo,
    const QString& outRefundNo,
    qint64 minor,
    const QString& currency = QStringLiteral("CNY"))
{
    RefundRecord refund;
    refund.profileId = kProfile;
    refund.outTradeNo = outTradeNo;
    refund.outRefundNo = outRefundNo;
    refund.amount = Money::fromMinor(minor, currency).value();
    refund.reason = QString::fromUtf8("顾客退货");
    refund.status = RefundStatus::Processing;
    refund.createdAt = kT0;
    return refund;
}

} // namespace

class TestRefundStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void insertsAndReadsBack();
    void outRefundNoIsUniquePerProfile();
    void needsTheOrder();
    void needsTheOrdersCurrency();
    void rejectsInvalidRefunds_data();
    void rejectsInvalidRefunds();
    void databaseEnforcesTheOrderLink();
    void appliesWeChatsAnswer();
    void refusesConflictingRefundId();
    void recordsErrors();
    void listsAnOrdersRefundsAndTheirTotal();
    void listsTheProfilesRecentRefunds();
    void listsThePendingRefunds();

private:
    ManualClock m_clock { QDateTime(QDate(2024, 4, 2), QTime(12, 0), Qt::UTC) };
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<OrderStore> m_orders;
    std::unique_ptr<RefundStore> m_refunds;
};

void TestRefundStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("h.sqlite")));
    WXPAY_VERIFY_OK(m_db->open());
    m_orders = std::make_unique<OrderStore>(*m_db, m_clock);
    m_refunds = std::make_unique<RefundStore>(*m_db, m_clock);
    WXPAY_VERIFY_OK(m_orders->insert(test::sampleOrder(kProfile, QStringLiteral("ORDER-1"), 10000, kT0)));
    auto hkd = test::sampleOrder(kProfile, QStringLiteral("ORDER-HKD"), 5000, kT0);
    hkd.amount = Money::fromMinor(5000, QStringLiteral("HKD")).value();
    WXPAY_VERIFY_OK(m_orders->insert(hkd));
}

void TestRefundStore::cleanup()
{
    m_refunds.reset();
    m_orders.reset();
    m_db.reset();
    m_dir.reset();
}

void TestRefundStore::insertsAndReadsBack()
{
    RefundRecord refund = sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-1"), 2500);
    auto id = m_refunds->insert(refund);
    WXPAY_VERIFY_OK(id);
    auto found = m_refunds->findByOutRefundNo(kProfile, QStringLiteral("R-1"));
    WXPAY_VERIFY_OK(found);
    QVERIFY(found->has_value());
    const RefundRecord& back = **found;
    QCOMPARE(back.id, *id);
    QCOMPARE(back.profileId, kProfile);
    QCOMPARE(back.outTradeNo, QStringLiteral("ORDER-1"));
    QCOMPARE(back.outRefundNo, QStringLiteral("R-1"));
    QVERIFY(back.refundId.isEmpty());
    QCOMPARE(back.amount, refund.amount);
    QCOMPARE(back.reason, refund.reason);
    QCOMPARE(refundStatusName(back.status), QStringLiteral("PROCESSING"));
    QCOMPARE(back.createdAt, kT0);
    QVERIFY(!back.successAt.isValid());
    QVERIFY(!back.lastConfirmedAt.isValid());

    auto missing = m_refunds->findByOutRefundNo(kProfile, QStringLiteral("R-404"));
    WXPAY_VERIFY_OK(missing);
    QVERIFY(!missing->has_value());
}

void TestRefundStore::outRefundNoIsUniquePerProfile()
{
    WXPAY_VERIFY_OK(m_refunds->insert(sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-1"), 100)));
    WXPAY_VERIFY_ERROR(m_refunds->insert(sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-1"), 200)),
        ErrorKind::Storage, QStringLiteral("DUPLICATE"));
    // The same out_refund_no in another profile is another refund.
    WXPAY_VERIFY_OK(m_orders->insert(test::sampleOrder(QStringLiteral("shop-b"), QStringLiteral("ORDER-1"), 100, kT0)));
    RefundRecord other = sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-1"), 100);
    other.profileId = QStringLiteral("shop-b");
    WXPAY_VERIFY_OK(m_refunds->insert(other));
}

void TestRefundStore::needsTheOrder()
{
    WXPAY_VERIFY_ERROR(m_refunds->insert(sampleRefund(QStringLiteral("NO-SUCH-ORDER"), QStringLiteral("R-1"), 100)),
        ErrorKind::Storage, QStringLiteral("NOT_FOUND"));
    // An order of another profile does not count.
    RefundRecord wrongProfile = sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-2"), 100);
    wrongProfile.profileId = QStringLiteral("shop-b");
    WXPAY_VERIFY_ERROR(m_refunds->insert(wrongProfile), ErrorKind::Storage, QStringLiteral("NOT_FOUND"));
}

void TestRefundStore::needsTheOrdersCurrency()
{
    WXPAY_VERIFY_ERROR(
        m_refunds->insert(sampleRefund(QStringLiteral("ORDER-HKD"), QStringLiteral("R-1"), 100, QStringLiteral("CNY"))),
        ErrorKind::Input, QStringLiteral("CURRENCY_MISMATCH"));
    WXPAY_VERIFY_OK(m_refunds->insert(
        sampleRefund(QStringLiteral("ORDER-HKD"), QStringLiteral("R-1"), 100, QStringLiteral("HKD"))));
}

void TestRefundStore::rejectsInvalidRefunds_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("no profile") << "profile";
    QTest::newRow("no order") << "order";
    QTest::newRow("no out_refund_no") << "outRefundNo";
    QTest::newRow("zero amount") << "zero";
    QTest::newRow("no amount") << "amount";
}

void TestRefundStore::rejectsInvalidRefunds()
{
    QFETCH(QString, field);
    RefundRecord refund = sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-1"), 100);
    if (field == u"profile")
        refund.profileId.clear();
    else if (field == u"order")
        refund.outTradeNo.clear();
    else if (field == u"outRefundNo")
        refund.outRefundNo.clear();
    else if (field == u"zero")
        refund.amount = Money::fromMinor(0, QStringLiteral("CNY")).value();
    else
        refund.amount = Money();
    WXPAY_VERIFY_ERROR(m_refunds->insert(refund), ErrorKind::Input, QStringLiteral("REFUND_INVALID"));
}

// The link holds for any client of the file, not just RefundStore.
void TestRefundStore::databaseEnforcesTheOrderLink()
{
    QSqlQuery query(m_db->connection());
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO refunds (profile_id, out_trade_no, out_refund_no, amount_minor, "
                                       "currency, created_at) VALUES ('shop-a', 'GHOST', 'R-9', 1, 'CNY', 0)")));
    QCOMPARE(query.lastError().nativeErrorCode(), QStringLiteral("787")); // SQLITE_CONSTRAINT_FOREIGNKEY
    WXPAY_VERIFY_OK(m_refunds->insert(sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-1"), 100)));
    QVERIFY(!query.exec(QStringLiteral("DELETE FROM orders WHERE out_trade_no = 'ORDER-1'")));
    auto order = m_orders->findByOutTradeNo(kProfile, QStringLiteral("ORDER-1"));
    WXPAY_VERIFY_OK(order);
    QVERIFY(order->has_value());
}

void TestRefundStore::appliesWeChatsAnswer()
{
    WXPAY_VERIFY_OK(m_refunds->insert(sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-1"), 2500)));
    WXPAY_VERIFY_OK(m_refunds->recordError(
        kProfile, QStringLiteral("R-1"), Error::network(QStringLiteral("TIMEOUT"), QStringLiteral("no reply"))));
    Refund answer;
    answer.outRefundNo = QStringLiteral("R-1");
    answer.refundId = QStringLiteral("50000000382019052709732678859");
    answer.status = RefundStatus::Success;
    answer.successTime = kT0.addSecs(60);
    m_clock.set(kT0.addSecs(90));
    WXPAY_VERIFY_OK(m_refunds->applyRefund(kProfile, answer));

    auto found = m_refunds->findByRefundId(answer.refundId);
    WXPAY_VERIFY_OK(found);
    QVERIFY(found->has_value());
    QCOMPARE((*found)->outRefundNo, QStringLiteral("R-1"));
    QCOMPARE(refundStatusName((*found)->status), QStringLiteral("SUCCESS"));
    QCOMPARE((*found)->successAt, kT0.addSecs(60));
    QCOMPARE((*found)->lastConfirmedAt, kT0.addSecs(90));
    QVERIFY((*found)->lastError.isEmpty());
    QCOMPARE((*found)->amount.minorUnits(), qint64(2500));

    Refund unknown;
    unknown.outRefundNo = QStringLiteral("R-404");
    unknown.status = RefundStatus::Success;
    WXPAY_VERIFY_ERROR(m_refunds->applyRefund(kProfile, unknown), ErrorKind::Storage, QStringLiteral("NOT_FOUND"));
}

void TestRefundStore::refusesConflictingRefundId()
{
    RefundRecord refund = sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-1"), 100);
    refund.refundId = QStringLiteral("5000001");
    WXPAY_VERIFY_OK(m_refunds->insert(refund));
    Refund answer;
    answer.outRefundNo = QStringLiteral("R-1");
    answer.refundId = QStringLiteral("5000002");
    answer.status = RefundStatus::Success;
    WXPAY_VERIFY_ERROR(
        m_refunds->applyRefund(kProfile, answer), ErrorKind::Storage, QStringLiteral("REFUND_ID_CONFLICT"));
    auto found = m_refunds->findByOutRefundNo(kProfile, QStringLiteral("R-1"));
    WXPAY_VERIFY_OK(found);
    QCOMPARE((*found)->refundId, QStringLiteral("5000001"));
    QCOMPARE(refundStatusName((*found)->status), QStringLiteral("PROCESSING"));
}

void TestRefundStore::recordsErrors()
{
    WXPAY_VERIFY_OK(m_refunds->insert(sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-1"), 100)));
    const Error error
        = Error::business(QStringLiteral("NOTENOUGH"), QString::fromUtf8("余额不足"), QStringLiteral("rid"));
    WXPAY_VERIFY_OK(m_refunds->recordError(kProfile, QStringLiteral("R-1"), error));
    auto found = m_refunds->findByOutRefundNo(kProfile, QStringLiteral("R-1"));
    WXPAY_VERIFY_OK(found);
    QCOMPARE((*found)->lastError, error.toString());
    WXPAY_VERIFY_ERROR(m_refunds->recordError(kProfile, QStringLiteral("R-404"), error), ErrorKind::Storage,
        QStringLiteral("NOT_FOUND"));
}

void TestRefundStore::listsAnOrdersRefundsAndTheirTotal()
{
    auto none = m_refunds->refundedTotal(kProfile, QStringLiteral("ORDER-1"));
    WXPAY_VERIFY_OK(none);
    QCOMPARE(none->minorUnits(), qint64(0));
    QCOMPARE(none->currency(), QStringLiteral("CNY"));

    RefundRecord first = sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-1"), 1000);
    RefundRecord second = sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-2"), 2000);
    second.createdAt = kT0.addSecs(5);
    RefundRecord closed = sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-3"), 4000);
    closed.createdAt = kT0.addSecs(10);
    closed.status = RefundStatus::Closed;
    RefundRecord abnormal = sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-4"), 300);
    abnormal.createdAt = kT0.addSecs(15);
    abnormal.status = RefundStatus::Abnormal;
    // Inserted out of order: the list is by creation time.
    for (const RefundRecord& refund : { second, abnormal, first, closed })
        WXPAY_VERIFY_OK(m_refunds->insert(refund));
    WXPAY_VERIFY_OK(
        m_refunds->insert(sampleRefund(QStringLiteral("ORDER-HKD"), QStringLiteral("R-5"), 50, QStringLiteral("HKD"))));

    auto list = m_refunds->forOrder(kProfile, QStringLiteral("ORDER-1"));
    WXPAY_VERIFY_OK(list);
    QStringList ids;
    for (const auto& refund : std::as_const(*list))
        ids << refund.outRefundNo;
    QCOMPARE(ids,
        (QStringList { QStringLiteral("R-1"), QStringLiteral("R-2"), QStringLiteral("R-3"), QStringLiteral("R-4") }));

    auto total = m_refunds->refundedTotal(kProfile, QStringLiteral("ORDER-1"));
    WXPAY_VERIFY_OK(total);
    QCOMPARE(total->minorUnits(), qint64(1000 + 2000 + 300)); // the closed refund paid nothing
    WXPAY_VERIFY_ERROR(
        m_refunds->refundedTotal(kProfile, QStringLiteral("NOPE")), ErrorKind::Storage, QStringLiteral("NOT_FOUND"));
}

void TestRefundStore::listsTheProfilesRecentRefunds()
{
    WXPAY_VERIFY_OK(m_orders->insert(test::sampleOrder(QStringLiteral("shop-b"), QStringLiteral("ORDER-1"), 100, kT0)));
    RefundRecord other = sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-B"), 100);
    other.profileId = QStringLiteral("shop-b");
    other.createdAt = kT0.addSecs(100);
    WXPAY_VERIFY_OK(m_refunds->insert(other));
    const QList<std::pair<QString, qint64>> made { { QStringLiteral("R-2"), 20 }, { QStringLiteral("R-4"), 40 },
        { QStringLiteral("R-1"), 10 }, { QStringLiteral("R-3"), 30 } };
    for (const auto& [no, seconds] : made) {
        RefundRecord refund = sampleRefund(QStringLiteral("ORDER-1"), no, 100);
        refund.createdAt = kT0.addSecs(seconds);
        WXPAY_VERIFY_OK(m_refunds->insert(refund));
    }
    // Made in the same millisecond: the later row comes first.
    RefundRecord twin = sampleRefund(QStringLiteral("ORDER-HKD"), QStringLiteral("R-5"), 100, QStringLiteral("HKD"));
    twin.createdAt = kT0.addSecs(40);
    WXPAY_VERIFY_OK(m_refunds->insert(twin));

    const auto numbers = [](const QList<RefundRecord>& refunds) {
        QStringList ids;
        for (const RefundRecord& refund : refunds)
            ids << refund.outRefundNo;
        return ids;
    };
    auto three = m_refunds->recent(kProfile, 3);
    WXPAY_VERIFY_OK(three);
    QCOMPARE(numbers(*three), (QStringList { QStringLiteral("R-5"), QStringLiteral("R-4"), QStringLiteral("R-3") }));
    QCOMPARE(three->constFirst().amount.currency(), QStringLiteral("HKD"));
    auto all = m_refunds->recent(kProfile, 50);
    WXPAY_VERIFY_OK(all);
    QCOMPARE(numbers(*all),
        (QStringList { QStringLiteral("R-5"), QStringLiteral("R-4"), QStringLiteral("R-3"), QStringLiteral("R-2"),
            QStringLiteral("R-1") }));
    auto none = m_refunds->recent(QStringLiteral("shop-c"), 50);
    WXPAY_VERIFY_OK(none);
    QVERIFY(none->isEmpty());
    WXPAY_VERIFY_ERROR(m_refunds->recent(kProfile, 0), ErrorKind::Input, QStringLiteral("LIMIT_INVALID"));
}

void TestRefundStore::listsThePendingRefunds()
{
    WXPAY_VERIFY_OK(m_orders->insert(test::sampleOrder(QStringLiteral("shop-b"), QStringLiteral("ORDER-1"), 100, kT0)));
    RefundRecord other = sampleRefund(QStringLiteral("ORDER-1"), QStringLiteral("R-B"), 100);
    other.profileId = QStringLiteral("shop-b");
    WXPAY_VERIFY_OK(m_refunds->insert(other));
    const QList<std::pair<QString, RefundStatus>> made { { QStringLiteral("R-1"), RefundStatus::Processing },
        { QStringLiteral("R-2"), RefundStatus::Success }, { QStringLiteral("R-3"), RefundStatus::Unknown },
        { QStringLiteral("R-4"), RefundStatus::Closed }, { QStringLiteral("R-5"), RefundStatus::Abnormal },
        { QStringLiteral("R-6"), RefundStatus::Change }, { QStringLiteral("R-7"), RefundStatus::Processing } };
    qint64 seconds = 0;
    for (const auto& [no, status] : made) {
        RefundRecord refund = sampleRefund(QStringLiteral("ORDER-1"), no, 100);
        refund.status = status;
        refund.createdAt = kT0.addSecs(seconds += 10);
        WXPAY_VERIFY_OK(m_refunds->insert(refund));
    }
    auto pending = m_refunds->pending(kProfile);
    WXPAY_VERIFY_OK(pending);
    QStringList ids;
    for (const RefundRecord& refund : std::as_const(*pending))
        ids << refund.outRefundNo;
    QCOMPARE(ids, (QStringList { QStringLiteral("R-1"), QStringLiteral("R-3"), QStringLiteral("R-7") }));

    // A settled answer takes a refund off the list.
    Refund answer;
    answer.outRefundNo = QStringLiteral("R-1");
    answer.status = RefundStatus::Success;
    WXPAY_VERIFY_OK(m_refunds->applyRefund(kProfile, answer));
    pending = m_refunds->pending(kProfile);
    WXPAY_VERIFY_OK(pending);
    QCOMPARE(pending->size(), 2);
    QCOMPARE(pending->constFirst().outRefundNo, QStringLiteral("R-3"));
}

QTEST_GUILESS_MAIN(TestRefundStore)
#include "tst_refundstore.moc"
