#include "common/clock.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storagetest.h"
#include "support/testsupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wxpay;
using namespace wxpay::storage;
using wxpay::test::with;

namespace {

const QDateTime kT0 = QDateTime(QDate(2024, 4, 3), QTime(9, 0), Qt::UTC);

AuditEntry entry(const QString& action, const QString& outTradeNo, const QString& profile = QStringLiteral("shop-a"))
{
    AuditEntry e;
    e.actor = QString::fromUtf8("王小明");
    e.profileId = profile;
    e.action = action;
    e.outTradeNo = outTradeNo;
    e.requestId = QStringLiteral("rid-") + outTradeNo;
    e.detail = QStringLiteral("amount 12.34 CNY");
    return e;
}

QStringList actions(const QList<AuditEntry>& entries)
{
    QStringList result;
    for (const auto& e : entries)
        result << e.action + u':' + e.outTradeNo;
    return result;
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void appendsAndReadsBack();
    void needsAnAction();
    void listsWithFiltersAndPages();
    void databaseRefusesRewrites_data();
    void databaseRefusesRewrites();

private:
    ManualClock m_clock { kT0 };
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AuditLog> m_log;
};

void TestAuditLog::init()
{
    m_clock.set(kT0);
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("h.sqlite")));
    WXPAY_VERIFY_OK(m_db->open());
    m_log = std::make_unique<AuditLog>(*m_db, m_clock);
}

void TestAuditLog::cleanup()
{
    m_log.reset();
    m_db.reset();
    m_dir.reset();
}

void TestAuditLog::appendsAndReadsBack()
{
    AuditEntry e = entry(QStringLiteral("refund.request"), QStringLiteral("ORDER-1"));
    e.outRefundNo = QStringLiteral("R-1");
    e.at = kT0.addYears(-5); // ignored: the log stamps its own time
    auto id = m_log->append(e);
    WXPAY_VERIFY_OK(id);
    auto list = m_log->list({});
    WXPAY_VERIFY_OK(list);
    QCOMPARE(list->size(), 1);
    const AuditEntry& back = list->constFirst();
    QCOMPARE(back.id, *id);
    QCOMPARE(back.at, kT0);
    QCOMPARE(back.actor, e.actor);
    QCOMPARE(back.profileId, e.profileId);
    QCOMPARE(back.action, e.action);
    QCOMPARE(back.outTradeNo, e.outTradeNo);
    QCOMPARE(back.outRefundNo, e.outRefundNo);
    QCOMPARE(back.requestId, e.requestId);
    QCOMPARE(back.detail, e.detail);
}

void TestAuditLog::needsAnAction()
{
    WXPAY_VERIFY_ERROR(
        m_log->append(entry({}, QStringLiteral("ORDER-1"))), ErrorKind::Input, QStringLiteral("AUDIT_INVALID"));
}

void TestAuditLog::listsWithFiltersAndPages()
{
    for (int i = 0; i < 10; ++i) {
        m_clock.set(kT0.addSecs(i * 60));
        const QString profile = i % 2 ? QStringLiteral("shop-b") : QStringLiteral("shop-a");
        WXPAY_VERIFY_OK(
            m_log->append(entry(QStringLiteral("step%1").arg(i), QStringLiteral("O%1").arg(i % 3), profile)));
    }
    auto all = m_log->list({});
    WXPAY_VERIFY_OK(all);
    QCOMPARE(all->size(), 10);
    QCOMPARE(all->constFirst().action, QStringLiteral("step9")); // newest first

    auto byOrder = m_log->list(with<AuditQuery>([&](AuditQuery& q) {
        q.profileId = QStringLiteral("shop-a");
        q.outTradeNo = QStringLiteral("O0");
    }));
    WXPAY_VERIFY_OK(byOrder);
    QCOMPARE(actions(*byOrder), (QStringList { QStringLiteral("step6:O0"), QStringLiteral("step0:O0") }));

    auto byTime = m_log->list(with<AuditQuery>([&](AuditQuery& q) {
        q.from = kT0.addSecs(120);
        q.before = kT0.addSecs(300);
    }));
    WXPAY_VERIFY_OK(byTime);
    QCOMPARE(actions(*byTime),
        (QStringList { QStringLiteral("step4:O1"), QStringLiteral("step3:O0"), QStringLiteral("step2:O2") }));

    // Keyset pages of 4: 9..6, 5..2, 1..0.
    QStringList paged;
    qint64 beforeId = 0;
    for (int page = 0; page < 5; ++page) {
        auto entries = m_log->list(with<AuditQuery>([&](AuditQuery& q) {
            q.beforeId = beforeId;
            q.limit = 4;
        }));
        WXPAY_VERIFY_OK(entries);
        if (entries->isEmpty())
            break;
        QVERIFY(entries->size() <= 4);
        paged << actions(*entries);
        beforeId = entries->constLast().id;
    }
    QCOMPARE(paged, actions(*all));
}

void TestAuditLog::databaseRefusesRewrites_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("update") << "UPDATE audit_log SET detail = 'rewritten'";
    QTest::newRow("update one") << "UPDATE audit_log SET actor = 'someone else' WHERE id = 1";
    QTest::newRow("delete all") << "DELETE FROM audit_log";
    QTest::newRow("delete one") << "DELETE FROM audit_log WHERE id = 2";
    QTest::newRow("replace") << "INSERT OR REPLACE INTO audit_log (id, at, action) VALUES (1, 0, 'forged')";
    QTest::newRow("replace via upsert")
        << "REPLACE INTO audit_log (id, at, action, detail) VALUES (2, 0, 'forged', 'x')";
}

// Append-only is enforced by the database itself, for any client of the file.
void TestAuditLog::databaseRefusesRewrites()
{
    QFETCH(QString, sql);
    WXPAY_VERIFY_OK(m_log->append(entry(QStringLiteral("order.create"), QStringLiteral("O1"))));
    WXPAY_VERIFY_OK(m_log->append(entry(QStringLiteral("order.paid"), QStringLiteral("O1"))));
    auto before = m_log->list({});
    WXPAY_VERIFY_OK(before);

    QSqlQuery query(m_db->connection());
    QVERIFY(!query.exec(sql));
    QVERIFY2(query.lastError().text().contains(u"append-only"), qPrintable(query.lastError().text()));

    // The same through another connection that never went through Database.
    test::RawConnection raw(m_db->path());
    WXPAY_VERIFY_ERROR(raw.scalar(sql), ErrorKind::Storage, QString());

    auto after = m_log->list({});
    WXPAY_VERIFY_OK(after);
    QCOMPARE(actions(*after), actions(*before));
    QCOMPARE(after->constFirst().detail, before->constFirst().detail);
    QCOMPARE(after->constLast().actor, before->constLast().actor);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
