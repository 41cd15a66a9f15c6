#include "common/clock.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/orderstore.h"
#include "storagetest.h"
#include "support/testsupport.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wxpay;
using namespace wxpay::storage;

namespace {

const QDateTime kT0 = QDateTime(QDate(2024, 4, 4), QTime(18, 0), Qt::UTC);

JournalEntry operation(JournalKind kind, const QString& outTradeNo, const QString& outRefundNo = {})
{
    JournalEntry entry;
    entry.kind = kind;
    entry.profileId = QStringLiteral("shop-a");
    entry.outTradeNo = outTradeNo;
    entry.outRefundNo = outRefundNo;
    entry.step = QStringLiteral("created");
    entry.payload = QJsonObject { { QStringLiteral("amount"), 1234 } };
    return entry;
}

QStringList pendingTradeNos(const QList<JournalEntry>& entries)
{
    QStringList result;
    for (const auto& entry : entries)
        result << journalKindName(entry.kind) + u':' + entry.outTradeNo + u':' + entry.step;
    return result;
}

} // namespace

class TestJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void kindNamesRoundTrip();
    void beginsAdvancesAndFinishes();
    void keepsPayloadExactly();
    void oneUnfinishedEntryPerOperation();
    void refusesChangesToFinishedOrMissingEntries();
    void rejectsInvalidEntries();
    void resumeListSurvivesReopening();
    void joinsTheCallersTransaction();
    void purgesOldFinishedEntries();

private:
    ManualClock m_clock { kT0 };
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Journal> m_journal;
};

void TestJournal::init()
{
    m_clock.set(kT0);
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("h.sqlite")));
    WXPAY_VERIFY_OK(m_db->open());
    m_journal = std::make_unique<Journal>(*m_db, m_clock);
}

void TestJournal::cleanup()
{
    m_journal.reset();
    m_db.reset();
    m_dir.reset();
}

void TestJournal::kindNamesRoundTrip()
{
    const QList<std::pair<JournalKind, const char*>> kinds = {
        { JournalKind::NativeCreate, "native_create" },
        { JournalKind::Micropay, "micropay" },
        { JournalKind::Query, "query" },
        { JournalKind::Reverse, "reverse" },
        { JournalKind::Close, "close" },
        { JournalKind::Refund, "refund" },
        { JournalKind::RefundQuery, "refund_query" },
    };
    for (const auto& [kind, name] : kinds) {
        QCOMPARE(journalKindName(kind), QString::fromLatin1(name));
        QCOMPARE(journalKindFromName(QString::fromLatin1(name)), std::optional(kind));
    }
    QVERIFY(!journalKindFromName(u"pay").has_value());
}

void TestJournal::beginsAdvancesAndFinishes()
{
    auto id = m_journal->begin(operation(JournalKind::Micropay, QStringLiteral("MP-1")));
    WXPAY_VERIFY_OK(id);

    m_clock.advance(std::chrono::seconds(3));
    WXPAY_VERIFY_OK(m_journal->recordAttempt(*id));
    WXPAY_VERIFY_OK(m_journal->advance(*id, QStringLiteral("polling"), { { QStringLiteral("polls"), 1 } }));
    m_clock.advance(std::chrono::seconds(5));
    WXPAY_VERIFY_OK(m_journal->recordAttempt(*id));

    auto found = m_journal->find(*id);
    WXPAY_VERIFY_OK(found);
    QVERIFY(found->has_value());
    const JournalEntry& entry = **found;
    QCOMPARE(entry.id, *id);
    QCOMPARE(journalKindName(entry.kind), QStringLiteral("micropay"));
    QCOMPARE(entry.profileId, QStringLiteral("shop-a"));
    QCOMPARE(entry.outTradeNo, QStringLiteral("MP-1"));
    QCOMPARE(entry.step, QStringLiteral("polling"));
    QCOMPARE(entry.payload, (QJsonObject { { QStringLiteral("polls"), 1 } }));
    QCOMPARE(entry.attempts, 2);
    QCOMPARE(entry.createdAt, kT0);
    QCOMPARE(entry.updatedAt, kT0.addSecs(8));
    QVERIFY(!entry.finishedAt.isValid());

    auto pending = m_journal->pending();
    WXPAY_VERIFY_OK(pending);
    QCOMPARE(pending->size(), 1);

    m_clock.advance(std::chrono::seconds(1));
    WXPAY_VERIFY_OK(m_journal->finish(*id, QStringLiteral("paid")));
    found = m_journal->find(*id);
    WXPAY_VERIFY_OK(found);
    QCOMPARE((*found)->step, QStringLiteral("paid"));
    QCOMPARE((*found)->finishedAt, kT0.addSecs(9));
    pending = m_journal->pending();
    WXPAY_VERIFY_OK(pending);
    QVERIFY(pending->isEmpty());
}

void TestJournal::keepsPayloadExactly()
{
    JournalEntry entry = operation(JournalKind::Refund, QStringLiteral("O-1"), QStringLiteral("R-1"));
    entry.payload = QJsonObject {
        { QStringLiteral("reason"), QString::fromUtf8("顾客退货 \"急\"") },
        { QStringLiteral("amount"), 2147483647 },
        { QStringLiteral("nested"),
            QJsonObject { { QStringLiteral("list"), QJsonArray { 1, QStringLiteral("two"), true } } } },
    };
    auto id = m_journal->begin(entry);
    WXPAY_VERIFY_OK(id);
    auto found = m_journal->find(*id);
    WXPAY_VERIFY_OK(found);
    QCOMPARE((*found)->payload, entry.payload);
    QCOMPARE((*found)->outRefundNo, QStringLiteral("R-1"));
}

void TestJournal::oneUnfinishedEntryPerOperation()
{
    auto id = m_journal->begin(operation(JournalKind::Reverse, QStringLiteral("MP-2")));
    WXPAY_VERIFY_OK(id);
    WXPAY_VERIFY_ERROR(m_journal->begin(operation(JournalKind::Reverse, QStringLiteral("MP-2"))), ErrorKind::Storage,
        QStringLiteral("ALREADY_IN_FLIGHT"));
    // Other operations on the same order, or the same operation elsewhere, are independent.
    WXPAY_VERIFY_OK(m_journal->begin(operation(JournalKind::Query, QStringLiteral("MP-2"))));
    WXPAY_VERIFY_OK(m_journal->begin(operation(JournalKind::Reverse, QStringLiteral("MP-3"))));
    WXPAY_VERIFY_OK(m_journal->begin(operation(JournalKind::Refund, QStringLiteral("MP-2"), QStringLiteral("R-1"))));
    WXPAY_VERIFY_OK(m_journal->begin(operation(JournalKind::Refund, QStringLiteral("MP-2"), QStringLiteral("R-2"))));
    // Once finished, the same operation may run again.
    WXPAY_VERIFY_OK(m_journal->finish(*id, QStringLiteral("reversed")));
    WXPAY_VERIFY_OK(m_journal->begin(operation(JournalKind::Reverse, QStringLiteral("MP-2"))));
}

void TestJournal::refusesChangesToFinishedOrMissingEntries()
{
    auto id = m_journal->begin(operation(JournalKind::Close, QStringLiteral("N-1")));
    WXPAY_VERIFY_OK(id);
    WXPAY_VERIFY_OK(m_journal->finish(*id, QStringLiteral("closed")));
    WXPAY_VERIFY_ERROR(
        m_journal->advance(*id, QStringLiteral("again"), {}), ErrorKind::Storage, QStringLiteral("JOURNAL_FINISHED"));
    WXPAY_VERIFY_ERROR(m_journal->recordAttempt(*id), ErrorKind::Storage, QStringLiteral("JOURNAL_FINISHED"));
    WXPAY_VERIFY_ERROR(
        m_journal->finish(*id, QStringLiteral("again")), ErrorKind::Storage, QStringLiteral("JOURNAL_FINISHED"));
    WXPAY_VERIFY_ERROR(
        m_journal->advance(*id + 100, QStringLiteral("x"), {}), ErrorKind::Storage, QStringLiteral("NOT_FOUND"));
    auto missing = m_journal->find(*id + 100);
    WXPAY_VERIFY_OK(missing);
    QVERIFY(!missing->has_value());
    auto found = m_journal->find(*id);
    WXPAY_VERIFY_OK(found);
    QCOMPARE((*found)->step, QStringLiteral("closed"));
}

void TestJournal::rejectsInvalidEntries()
{
    JournalEntry noProfile = operation(JournalKind::Query, QStringLiteral("Q-1"));
    noProfile.profileId.clear();
    WXPAY_VERIFY_ERROR(m_journal->begin(noProfile), ErrorKind::Input, QStringLiteral("JOURNAL_INVALID"));
    JournalEntry noStep = operation(JournalKind::Query, QStringLiteral("Q-1"));
    noStep.step.clear();
    WXPAY_VERIFY_ERROR(m_journal->begin(noStep), ErrorKind::Input, QStringLiteral("JOURNAL_INVALID"));
    auto id = m_journal->begin(operation(JournalKind::Query, QStringLiteral("Q-1")));
    WXPAY_VERIFY_OK(id);
    WXPAY_VERIFY_ERROR(m_journal->advance(*id, {}, {}), ErrorKind::Input, QStringLiteral("JOURNAL_INVALID"));
    WXPAY_VERIFY_ERROR(m_journal->finish(*id, {}), ErrorKind::Input, QStringLiteral("JOURNAL_INVALID"));
}

// What a restart sees: the unfinished operations, oldest first, with their last step and payload.
void TestJournal::resumeListSurvivesReopening()
{
    const QString path = m_db->path();
    qint64 finishedId = 0;
    {
        auto a = m_journal->begin(operation(JournalKind::NativeCreate, QStringLiteral("N-1")));
        m_clock.advance(std::chrono::seconds(1));
        auto b = m_journal->begin(operation(JournalKind::Micropay, QStringLiteral("MP-1")));
        m_clock.advance(std::chrono::seconds(1));
        auto c = m_journal->begin(operation(JournalKind::Refund, QStringLiteral("O-9"), QStringLiteral("R-9")));
        WXPAY_VERIFY_OK(a);
        WXPAY_VERIFY_OK(b);
        WXPAY_VERIFY_OK(c);
        WXPAY_VERIFY_OK(m_journal->advance(*b, QStringLiteral("reversing"), { { QStringLiteral("recall"), true } }));
        WXPAY_VERIFY_OK(m_journal->finish(*a, QStringLiteral("created")));
        finishedId = *a;
    }
    m_journal.reset();
    m_db.reset();

    Database reopened(path);
    WXPAY_VERIFY_OK(reopened.open());
    Journal journal(reopened, m_clock);
    auto pending = journal.pending();
    WXPAY_VERIFY_OK(pending);
    QCOMPARE(pendingTradeNos(*pending),
        (QStringList { QStringLiteral("micropay:MP-1:reversing"), QStringLiteral("refund:O-9:created") }));
    QCOMPARE(pending->constFirst().payload, (QJsonObject { { QStringLiteral("recall"), true } }));
    QCOMPARE(pending->constLast().outRefundNo, QStringLiteral("R-9"));
    for (const auto& entry : std::as_const(*pending))
        QVERIFY(entry.id != finishedId);
}

// A workflow writes the order and its journal entry in one transaction: both or neither.
void TestJournal::joinsTheCallersTransaction()
{
    OrderStore orders(*m_db, m_clock);
    {
        TransactionGuard transaction(*m_db);
        WXPAY_VERIFY_OK(transaction.begin());
        WXPAY_VERIFY_OK(orders.insert(test::sampleOrder(QStringLiteral("shop-a"), QStringLiteral("MP-7"), 100, kT0)));
        WXPAY_VERIFY_OK(m_journal->begin(operation(JournalKind::Micropay, QStringLiteral("MP-7"))));
        // Not committed: the crash or error before the commit leaves neither row.
    }
    auto pending = m_journal->pending();
    WXPAY_VERIFY_OK(pending);
    QVERIFY(pending->isEmpty());
    auto order = orders.findByOutTradeNo(QStringLiteral("shop-a"), QStringLiteral("MP-7"));
    WXPAY_VERIFY_OK(order);
    QVERIFY(!order->has_value());

    {
        TransactionGuard transaction(*m_db);
        WXPAY_VERIFY_OK(transaction.begin());
        WXPAY_VERIFY_OK(orders.insert(test::sampleOrder(QStringLiteral("shop-a"), QStringLiteral("MP-7"), 100, kT0)));
        auto id = m_journal->begin(operation(JournalKind::Micropay, QStringLiteral("MP-7")));
        WXPAY_VERIFY_OK(id);
        WXPAY_VERIFY_OK(m_journal->advance(*id, QStringLiteral("sent"), {}));
        WXPAY_VERIFY_OK(transaction.commit());
    }
    pending = m_journal->pending();
    WXPAY_VERIFY_OK(pending);
    QCOMPARE(pendingTradeNos(*pending), QStringList { QStringLiteral("micropay:MP-7:sent") });
}

void TestJournal::purgesOldFinishedEntries()
{
    auto old = m_journal->begin(operation(JournalKind::Query, QStringLiteral("Q-1")));
    auto recent = m_journal->begin(operation(JournalKind::Query, QStringLiteral("Q-2")));
    auto open = m_journal->begin(operation(JournalKind::Query, QStringLiteral("Q-3")));
    WXPAY_VERIFY_OK(old);
    WXPAY_VERIFY_OK(recent);
    WXPAY_VERIFY_OK(open);
    WXPAY_VERIFY_OK(m_journal->finish(*old, QStringLiteral("done")));
    m_clock.advance(std::chrono::hours(24 * 40));
    WXPAY_VERIFY_OK(m_journal->finish(*recent, QStringLiteral("done")));

    auto purged = m_journal->purgeFinished(m_clock.now().addDays(-30));
    WXPAY_VERIFY_OK(purged);
    QCOMPARE(*purged, qint64(1));
    auto gone = m_journal->find(*old);
    WXPAY_VERIFY_OK(gone);
    QVERIFY(!gone->has_value());
    auto kept = m_journal->find(*recent);
    WXPAY_VERIFY_OK(kept);
    QVERIFY(kept->has_value());
    auto pending = m_journal->pending();
    WXPAY_VERIFY_OK(pending);
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->constFirst().id, *open);
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
