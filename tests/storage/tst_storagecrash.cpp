#include "common/clock.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/orderstore.h"
#include "storagetest.h"
#include "support/testsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace wxpay;
using namespace wxpay::storage;
using wxpay::test::with;

// A writer process is killed with SIGKILL in the middle of its stream of transactions; afterwards the file must
// pass SQLite's integrity check and hold every order the writer reported as committed, each with its journal
// entry and audit line (they were written in the same transaction), and nothing half-written.
class TestStorageCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void survivesSigkill_data();
    void survivesSigkill();
    void writerCompletesWhenLeftAlone();

private:
    QTemporaryDir m_dir;
    QString m_path;
    SystemClock m_clock;
};

void TestStorageCrash::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(WXPAY_STORAGE_WRITER)), WXPAY_STORAGE_WRITER);
    m_path = m_dir.filePath(QStringLiteral("crash.sqlite"));
}

void TestStorageCrash::survivesSigkill_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<int>("commits"); // how many commits to wait for before the kill
    // Each round writes into the file the previous rounds crashed on.
    QTest::newRow("round 1") << "r1" << 200;
    QTest::newRow("round 2") << "r2" << 237;
    QTest::newRow("round 3") << "r3" << 311;
    QTest::newRow("round 4") << "r4" << 203;
}

void TestStorageCrash::survivesSigkill()
{
    QFETCH(QString, tag);
    QFETCH(int, commits);

    QProcess writer;
    writer.setProgram(QStringLiteral(WXPAY_STORAGE_WRITER));
    writer.setArguments({ m_path, tag });
    writer.start();
    QVERIFY2(writer.waitForStarted(), qPrintable(writer.errorString()));

    int reported = 0;
    QByteArray output;
    QByteArray unexpected; // a line that is not the next number
    auto readReports = [&] {
        output += writer.readAllStandardOutput();
        const qsizetype end = output.lastIndexOf('\n');
        if (end < 0)
            return;
        const QList<QByteArray> lines = output.left(end).split('\n');
        output.remove(0, end + 1);
        for (const QByteArray& line : lines) {
            bool ok = false;
            const int n = line.trimmed().toInt(&ok);
            if (!ok || n != reported + 1)
                unexpected = line;
            else
                reported = n;
        }
    };
    QElapsedTimer timer;
    timer.start();
    while (reported < commits) {
        QVERIFY2(timer.elapsed() < 90000, "the writer is too slow");
        QVERIFY2(writer.state() == QProcess::Running, writer.readAllStandardError().constData());
        writer.waitForReadyRead(1000);
        readReports();
        QVERIFY2(unexpected.isEmpty(), unexpected.constData());
    }
    QVERIFY(::kill(static_cast<pid_t>(writer.processId()), SIGKILL) == 0);
    QVERIFY(writer.waitForFinished(10000));
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
    readReports(); // lines already printed before the kill are commits too
    QVERIFY2(unexpected.isEmpty(), unexpected.constData());
    QVERIFY(reported >= commits);

    test::RawConnection raw(m_path);
    QCOMPARE(raw.rows(QStringLiteral("PRAGMA integrity_check")), QStringList { QStringLiteral("ok") });
    QCOMPARE(raw.rows(QStringLiteral("PRAGMA foreign_key_check")), QStringList());

    Database db(m_path);
    WXPAY_VERIFY_OK(db.open());
    OrderStore orders(db, m_clock);
    QSet<QString> present;
    std::optional<OrderCursor> cursor;
    const auto query = with<OrderQuery>([&](OrderQuery& q) {
        q.idPrefix = tag + u'-';
        q.pageSize = 500;
    });
    do {
        auto page = orders.search(query, cursor);
        WXPAY_VERIFY_OK(page);
        for (const auto& order : std::as_const(page->rows))
            present.insert(order.outTradeNo);
        cursor = page->next;
    } while (cursor);
    // Every reported commit is there; at most the one commit that was not yet printed is there too.
    for (int n = 1; n <= reported; ++n) {
        const QString outTradeNo = tag % u'-' % QStringLiteral("%1").arg(n, 6, 10, QLatin1Char('0'));
        QVERIFY2(present.contains(outTradeNo), qPrintable(outTradeNo));
    }
    QVERIFY2(present.size() == reported || present.size() == reported + 1,
        qPrintable(QStringLiteral("%1 rows, %2 reported").arg(present.size()).arg(reported)));

    // Whatever was committed was committed whole.
    const QString like = tag + QStringLiteral("-%");
    for (const char* table : { "journal", "audit_log" }) {
        auto count = raw.scalar(
            u"SELECT count(*) FROM " % QString::fromLatin1(table) % u" WHERE out_trade_no LIKE '" % like % u'\'');
        WXPAY_VERIFY_OK(count);
        QCOMPARE(count->toInt(), present.size());
    }
    // The description index agrees with the table.
    QCOMPARE(raw.rows(QStringLiteral("INSERT INTO orders_fts (orders_fts, rank) VALUES ('integrity-check', 1)")),
        QStringList());
    auto texts = orders.count(with<OrderQuery>([&](OrderQuery& q) {
        q.idPrefix = tag + u'-';
        q.text = QString::fromUtf8("崩溃测试");
    }));
    WXPAY_VERIFY_OK(texts);
    QCOMPARE(*texts, qint64(present.size()));
}

void TestStorageCrash::writerCompletesWhenLeftAlone()
{
    QProcess writer;
    writer.start(QStringLiteral(WXPAY_STORAGE_WRITER), { m_path, QStringLiteral("whole"), QStringLiteral("50") });
    QVERIFY(writer.waitForFinished(60000));
    QCOMPARE(writer.exitStatus(), QProcess::NormalExit);
    QCOMPARE(writer.exitCode(), 0);
    const QList<QByteArray> lines = writer.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 50);
    QCOMPARE(lines.constLast(), QByteArray("50"));

    Database db(m_path);
    WXPAY_VERIFY_OK(db.open());
    auto count = OrderStore(db, m_clock).count(with<OrderQuery>([&](OrderQuery& q) {
        q.idPrefix = QStringLiteral("whole-");
    }));
    WXPAY_VERIFY_OK(count);
    QCOMPARE(*count, qint64(50));
    auto pending = Journal(db, m_clock).pending();
    WXPAY_VERIFY_OK(pending);
    QVERIFY(pending->size() >= 50); // unfinished on purpose: the writer never finishes its entries
}

QTEST_GUILESS_MAIN(TestStorageCrash)
#include "tst_storagecrash.moc"
