#include "common/clock.h"
#include "storage/database.h"
#include "storage/orderstore.h"
#include "storagetest.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace wxpay;
using namespace wxpay::storage;
using wxpay::test::RawConnection;
using wxpay::test::with;

namespace {

const QDateTime kT0 = QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC);

// Earlier schema versions are kept as SQL fixtures named schema_v<N>.sql: the state a database is in after
// migration N (schema and some rows), written by that version of the program. Version 0 is a new, empty file.
// When a migration N+1 is added, add schema_v<N>.sql (e.g. `sqlite3 file .dump` of a version-N database with a
// few rows); the migration test picks it up.
const QString kFixtureDir = QStringLiteral(WXPAY_TEST_DATA_DIR "/storage");

QMap<int, QString> fixtures()
{
    static const QRegularExpression name(QStringLiteral(R"(^schema_v(\d+)\.sql$)"));
    QMap<int, QString> result;
    const QStringList files = QDir(kFixtureDir).entryList({ QStringLiteral("schema_v*.sql") }, QDir::Files);
    for (const QString& file : files) {
        const auto match = name.match(file);
        if (match.hasMatch())
            result.insert(match.captured(1).toInt(), file);
    }
    return result;
}

// Row counts of the ordinary tables (not FTS virtual tables or their shadow tables).
QMap<QString, qint64> rowCounts(const RawConnection& raw)
{
    const QStringList virtualTables
        = raw.rows(QStringLiteral("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"));
    QMap<QString, qint64> counts;
    const QStringList tables = raw.rows(QStringLiteral(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"));
    for (const QString& table : tables) {
        const bool shadow = std::any_of(virtualTables.begin(), virtualTables.end(),
            [&](const QString& v) { return table == v || table.startsWith(v + u'_'); });
        if (!shadow)
            counts.insert(table, raw.scalar(u"SELECT count(*) FROM \"" % table % u'"')->toLongLong());
    }
    return counts;
}

QStringList schemaOf(const QString& path)
{
    RawConnection raw(path);
    return raw.rows(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"));
}

QStringList filesIn(const QTemporaryDir& dir)
{
    return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createsNewDatabase();
    void setsConnectionPragmas();
    void defaultPathIsInAppData();
    void eachInstanceHasItsOwnConnection();
    void fullTextSearchCanBeTurnedOff();
    void fixturesCoverEveryEarlierVersion();
    void migratesFromEveryEarlierVersion_data();
    void migratesFromEveryEarlierVersion();
    void reopensWithoutMigrating();
    void refusesNewerSchemaUntouched_data();
    void refusesNewerSchemaUntouched();
    void refusesNewerSchemaStillInWriteAheadLog();
    void refusesForeignFiles_data();
    void refusesForeignFiles();
    void failedTransactionLeavesNothing();
    void committedTransactionKeepsEverything();
    void nestedGuardRollsBackOnlyItsOwnWork();
    void outerCommitWaitsForInnerGuard();
    void splitsSqlScripts_data();
    void splitsSqlScripts();

private:
    SystemClock m_clock;
};

void TestDatabase::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestDatabase::createsNewDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new/folder/history.sqlite"));
    {
        Database db(path);
        WXPAY_VERIFY_OK(db.open());
        QVERIFY(db.isOpen());
        QCOMPARE(db.path(), path);
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    }
    RawConnection raw(path);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version"))->toInt(), Database::latestSchemaVersion());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA application_id"))->toLongLong(), qint64(Database::kApplicationId));
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode"))->toString(), QStringLiteral("wal"));
    const QStringList tables = raw.rows(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
    for (const char* table : { "orders", "refunds", "audit_log", "journal" })
        QVERIFY2(tables.contains(QString::fromLatin1(table)), table);
    QCOMPARE(raw.rows(QStringLiteral("PRAGMA integrity_check")), QStringList { QStringLiteral("ok") });
}

void TestDatabase::setsConnectionPragmas()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("h.sqlite")));
    WXPAY_VERIFY_OK(db.open());
    auto pragma = [&](const char* name) {
        QSqlQuery query(db.connection());
        return query.exec(u"PRAGMA " % QString::fromLatin1(name)) && query.next() ? query.value(0).toString()
                                                                                  : QStringLiteral("failed");
    };
    QCOMPARE(pragma("journal_mode"), QStringLiteral("wal"));
    QCOMPARE(pragma("synchronous"), QStringLiteral("2")); // FULL
    QCOMPARE(pragma("foreign_keys"), QStringLiteral("1"));
    QCOMPARE(pragma("busy_timeout"), QString::number(Database::kBusyTimeoutMs));
}

void TestDatabase::defaultPathIsInAppData()
{
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QVERIFY(!appData.isEmpty());
    QCOMPARE(Database::defaultPath(), appData + QStringLiteral("/history.sqlite"));
    Database db;
    QCOMPARE(db.path(), Database::defaultPath());
}

void TestDatabase::eachInstanceHasItsOwnConnection()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    QString first;
    QString second;
    {
        Database a(path);
        Database b(path);
        WXPAY_VERIFY_OK(a.open());
        WXPAY_VERIFY_OK(b.open());
        first = a.connectionName();
        second = b.connectionName();
        QVERIFY(first != second);
        QVERIFY(QSqlDatabase::contains(first));
        QVERIFY(QSqlDatabase::contains(second));

        // Both see each other's committed rows.
        OrderStore orders(a, m_clock);
        WXPAY_VERIFY_OK(orders.insert(test::sampleOrder(QStringLiteral("p"), QStringLiteral("A1"), 100, kT0)));
        auto found = OrderStore(b, m_clock).findByOutTradeNo(QStringLiteral("p"), QStringLiteral("A1"));
        WXPAY_VERIFY_OK(found);
        QVERIFY(found->has_value());
    }
    QVERIFY(!QSqlDatabase::contains(first));
    QVERIFY(!QSqlDatabase::contains(second));
}

void TestDatabase::fullTextSearchCanBeTurnedOff()
{
    QTemporaryDir dir;
    {
        Database db(dir.filePath(QStringLiteral("fts.sqlite")));
        WXPAY_VERIFY_OK(db.open());
        // Debian 12's SQLite (3.40) has FTS5 with the trigram tokenizer.
        QVERIFY(db.hasFullTextSearch());
    }
    {
        Database db(dir.filePath(QStringLiteral("like.sqlite")), Database::Options { false });
        WXPAY_VERIFY_OK(db.open());
        QVERIFY(!db.hasFullTextSearch());
    }
    RawConnection raw(dir.filePath(QStringLiteral("like.sqlite")));
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name LIKE 'orders_fts%'"))->toInt(), 0);
}

void TestDatabase::fixturesCoverEveryEarlierVersion()
{
    const auto available = fixtures();
    QVERIFY2(!available.isEmpty(), "no schema fixtures in tests/data/storage");
    for (int version = 0; version < Database::latestSchemaVersion(); ++version) {
        QVERIFY2(available.contains(version),
            qPrintable(QStringLiteral("missing fixture tests/data/storage/schema_v%1.sql").arg(version)));
    }
    QVERIFY2(available.lastKey() < Database::latestSchemaVersion(), "a fixture is newer than the program");
}

void TestDatabase::migratesFromEveryEarlierVersion_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("version");
    const auto available = fixtures();
    for (auto it = available.cbegin(); it != available.cend(); ++it)
        QTest::newRow(qPrintable(it.value())) << it.value() << it.key();
}

void TestDatabase::migratesFromEveryEarlierVersion()
{
    QFETCH(QString, fixture);
    QFETCH(int, version);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    QMap<QString, qint64> before;
    {
        RawConnection raw(path);
        QVERIFY(raw.isOpen());
        const QByteArray script = test::readTestData(u"storage/" % fixture);
        QVERIFY(!script.isNull());
        WXPAY_VERIFY_OK(raw.execScript(QString::fromUtf8(script)));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version"))->toInt(), version);
        before = rowCounts(raw);
    }
    {
        Database db(path);
        WXPAY_VERIFY_OK(db.open());
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    }
    const QString freshPath = dir.filePath(QStringLiteral("fresh.sqlite"));
    {
        Database fresh(freshPath);
        WXPAY_VERIFY_OK(fresh.open());
    }
    // A migrated file ends up with exactly the schema of a new installation, and keeps its rows.
    QCOMPARE(schemaOf(path), schemaOf(freshPath));
    RawConnection raw(path);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version"))->toInt(), Database::latestSchemaVersion());
    QCOMPARE(raw.rows(QStringLiteral("PRAGMA integrity_check")), QStringList { QStringLiteral("ok") });
    QCOMPARE(raw.rows(QStringLiteral("PRAGMA foreign_key_check")), QStringList());
    const auto after = rowCounts(raw);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(after.value(it.key(), -1), it.value());
}

void TestDatabase::reopensWithoutMigrating()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        Database db(path);
        WXPAY_VERIFY_OK(db.open());
        WXPAY_VERIFY_OK(
            OrderStore(db, m_clock).insert(test::sampleOrder(QStringLiteral("p"), QStringLiteral("A"), 1, kT0)));
    }
    const QStringList schema = schemaOf(path);
    Database db(path);
    WXPAY_VERIFY_OK(db.open());
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(schemaOf(path), schema);
    auto count = OrderStore(db, m_clock).count({});
    WXPAY_VERIFY_OK(count);
    QCOMPARE(*count, qint64(1));
}

void TestDatabase::refusesNewerSchemaUntouched_data()
{
    QTest::addColumn<QString>("journalMode");
    QTest::newRow("rollback journal") << "DELETE";
    QTest::newRow("write-ahead log") << "WAL";
}

void TestDatabase::refusesNewerSchemaUntouched()
{
    QFETCH(QString, journalMode);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    {
        Database db(path);
        WXPAY_VERIFY_OK(db.open());
        WXPAY_VERIFY_OK(
            OrderStore(db, m_clock).insert(test::sampleOrder(QStringLiteral("p"), QStringLiteral("A"), 1, kT0)));
    }
    {
        // What a newer program leaves behind: a higher user_version and something this program does not know.
        RawConnection raw(path);
        WXPAY_VERIFY_OK(raw.scalar(u"PRAGMA journal_mode = " % journalMode));
        WXPAY_VERIFY_OK(raw.execScript(QStringLiteral("CREATE TABLE from_the_future (x TEXT); "
                                                      "PRAGMA user_version = %1;")
                                           .arg(Database::latestSchemaVersion() + 1)));
    }
    const QStringList filesBefore = filesIn(dir);
    QCOMPARE(filesBefore, QStringList { QStringLiteral("future.sqlite") });
    const QByteArray bytesBefore = test::fileBytes(path);
    QVERIFY(!bytesBefore.isEmpty());
    {
        Database db(path);
        WXPAY_VERIFY_ERROR(db.open(), ErrorKind::Storage, QStringLiteral("SCHEMA_TOO_NEW"));
        QVERIFY(!db.isOpen());
        WXPAY_VERIFY_ERROR(db.open(), ErrorKind::Storage, QStringLiteral("SCHEMA_TOO_NEW"));
    }
    QCOMPARE(filesIn(dir), filesBefore); // no -wal, -shm or -journal appeared
    QVERIFY(test::fileBytes(path) == bytesBefore);
}

// The file header says the current version, but a newer program's committed change still sits in the
// write-ahead log of a connection that is open: SQLite's own view must be checked too.
void TestDatabase::refusesNewerSchemaStillInWriteAheadLog()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        Database db(path);
        WXPAY_VERIFY_OK(db.open());
    }
    RawConnection newer(path);
    WXPAY_VERIFY_OK(newer.scalar(QStringLiteral("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() + 1)));
    const QByteArray mainFile = test::fileBytes(path);
    {
        Database db(path);
        WXPAY_VERIFY_ERROR(db.open(), ErrorKind::Storage, QStringLiteral("SCHEMA_TOO_NEW"));
    }
    QVERIFY(test::fileBytes(path) == mainFile);
    QCOMPARE(newer.scalar(QStringLiteral("PRAGMA user_version"))->toInt(), Database::latestSchemaVersion() + 1);
}

void TestDatabase::refusesForeignFiles_data()
{
    QTest::addColumn<QString>("script"); // empty: a text file instead of a database
    QTest::newRow("not SQLite") << QString();
    QTest::newRow("another program's application_id") << "CREATE TABLE t (x); PRAGMA application_id = 42;";
    QTest::newRow("tables without a schema version") << "CREATE TABLE orders (x);";
}

void TestDatabase::refusesForeignFiles()
{
    QFETCH(QString, script);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.db"));
    if (script.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(200, 'x'));
    } else {
        RawConnection raw(path);
        WXPAY_VERIFY_OK(raw.execScript(script));
    }
    const QByteArray bytesBefore = test::fileBytes(path);
    {
        Database db(path);
        WXPAY_VERIFY_ERROR(db.open(), ErrorKind::Storage, QStringLiteral("NOT_A_DATABASE"));
    }
    QVERIFY(test::fileBytes(path) == bytesBefore);
    QCOMPARE(filesIn(dir), QStringList { QStringLiteral("other.db") });
}

void TestDatabase::failedTransactionLeavesNothing()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("h.sqlite")));
    WXPAY_VERIFY_OK(db.open());
    OrderStore orders(db, m_clock);
    {
        TransactionGuard transaction(db);
        WXPAY_VERIFY_OK(transaction.begin());
        WXPAY_VERIFY_OK(orders.insert(test::sampleOrder(QStringLiteral("p"), QStringLiteral("A"), 1, kT0)));
        WXPAY_VERIFY_OK(orders.insert(test::sampleOrder(QStringLiteral("p"), QStringLiteral("B"), 2, kT0)));
        // The third violates UNIQUE (profile_id, out_trade_no): the caller gives up without committing.
        WXPAY_VERIFY_ERROR(orders.insert(test::sampleOrder(QStringLiteral("p"), QStringLiteral("A"), 3, kT0)),
            ErrorKind::Storage, QStringLiteral("DUPLICATE"));
    }
    auto count = orders.count({});
    WXPAY_VERIFY_OK(count);
    QCOMPARE(*count, qint64(0));
    // The connection is usable again afterwards.
    WXPAY_VERIFY_OK(orders.insert(test::sampleOrder(QStringLiteral("p"), QStringLiteral("A"), 1, kT0)));
}

void TestDatabase::committedTransactionKeepsEverything()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        Database db(path);
        WXPAY_VERIFY_OK(db.open());
        OrderStore orders(db, m_clock);
        TransactionGuard transaction(db);
        WXPAY_VERIFY_OK(transaction.begin());
        QVERIFY(transaction.isActive());
        WXPAY_VERIFY_OK(orders.insert(test::sampleOrder(QStringLiteral("p"), QStringLiteral("A"), 1, kT0)));
        WXPAY_VERIFY_OK(orders.insert(test::sampleOrder(QStringLiteral("p"), QStringLiteral("B"), 2, kT0)));
        WXPAY_VERIFY_OK(transaction.commit());
        QVERIFY(!transaction.isActive());
        WXPAY_VERIFY_ERROR(transaction.commit(), ErrorKind::Storage, QStringLiteral("TRANSACTION_FAILED"));
    }
    RawConnection raw(path);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM orders"))->toInt(), 2);
}

void TestDatabase::nestedGuardRollsBackOnlyItsOwnWork()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("h.sqlite")));
    WXPAY_VERIFY_OK(db.open());
    OrderStore orders(db, m_clock);
    {
        TransactionGuard outer(db);
        WXPAY_VERIFY_OK(outer.begin());
        WXPAY_VERIFY_OK(orders.insert(test::sampleOrder(QStringLiteral("p"), QStringLiteral("KEPT"), 1, kT0)));
        {
            TransactionGuard inner(db);
            WXPAY_VERIFY_OK(inner.begin());
            WXPAY_VERIFY_OK(orders.insert(test::sampleOrder(QStringLiteral("p"), QStringLiteral("DROPPED"), 2, kT0)));
        }
        {
            TransactionGuard inner(db);
            WXPAY_VERIFY_OK(inner.begin());
            WXPAY_VERIFY_OK(orders.insert(test::sampleOrder(QStringLiteral("p"), QStringLiteral("RELEASED"), 3, kT0)));
            WXPAY_VERIFY_OK(inner.commit());
        }
        WXPAY_VERIFY_OK(outer.commit());
    }
    auto page = orders.search(with<OrderQuery>([&](OrderQuery& q) {
        q.sort = OrderSort::OutTradeNo;
        q.order = Qt::AscendingOrder;
    }));
    WXPAY_VERIFY_OK(page);
    QStringList ids;
    for (const auto& order : page->rows)
        ids << order.outTradeNo;
    QCOMPARE(ids, (QStringList { QStringLiteral("KEPT"), QStringLiteral("RELEASED") }));
}

void TestDatabase::outerCommitWaitsForInnerGuard()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("h.sqlite")));
    WXPAY_VERIFY_OK(db.open());
    OrderStore orders(db, m_clock);
    TransactionGuard outer(db);
    WXPAY_VERIFY_OK(outer.begin());
    WXPAY_VERIFY_ERROR(outer.begin(), ErrorKind::Storage, QStringLiteral("TRANSACTION_FAILED"));
    TransactionGuard inner(db);
    WXPAY_VERIFY_OK(inner.begin());
    WXPAY_VERIFY_OK(orders.insert(test::sampleOrder(QStringLiteral("p"), QStringLiteral("A"), 1, kT0)));
    WXPAY_VERIFY_ERROR(outer.commit(), ErrorKind::Storage, QStringLiteral("TRANSACTION_FAILED"));
    WXPAY_VERIFY_OK(inner.commit());
    WXPAY_VERIFY_OK(outer.commit());
    auto count = orders.count({});
    WXPAY_VERIFY_OK(count);
    QCOMPARE(*count, qint64(1));
}

void TestDatabase::splitsSqlScripts_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("statements");
    auto list = [](std::initializer_list<const char*> items) {
        QStringList result;
        for (const char* item : items)
            result << QString::fromUtf8(item);
        return result;
    };
    QTest::newRow("empty") << "-- nothing here\n" << QStringList();
    QTest::newRow("two") << "CREATE TABLE a (x);\nINSERT INTO a VALUES (1);"
                         << list({ "CREATE TABLE a (x)", "INSERT INTO a VALUES (1)" });
    QTest::newRow("semicolons in strings and comments")
        << "INSERT INTO a VALUES ('x;y', \"z;\"); -- c;d\n/* e; */ SELECT 1"
        << list({ "INSERT INTO a VALUES ('x;y', \"z;\")", "SELECT 1" });
    QTest::newRow("doubled quote") << "INSERT INTO a VALUES ('it''s; fine');"
                                   << list({ "INSERT INTO a VALUES ('it''s; fine')" });
    QTest::newRow("trigger body") << "CREATE TRIGGER t BEFORE DELETE ON a BEGIN SELECT 1; SELECT 2; END; SELECT 3;"
                                  << list({ "CREATE TRIGGER t BEFORE DELETE ON a BEGIN SELECT 1; SELECT 2; END",
                                         "SELECT 3" });
}

void TestDatabase::splitsSqlScripts()
{
    QFETCH(QString, script);
    QFETCH(QStringList, statements);
    QCOMPARE(test::splitSqlScript(script), statements);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
