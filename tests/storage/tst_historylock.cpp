// HistoryLock: one holder at a time, the holder named in the refusal, the lock free again once released, and a
// folder where no lock file can be written reported as such.

#include "storage/historylock.h"
#include "support/testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wxpay;
using storage::HistoryLock;

class TestHistoryLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneHolderAtATime()
    {
        QTemporaryDir dir;
        // The folder does not exist yet, as on a first start.
        const QString database = dir.filePath(QStringLiteral("new/folder/history.sqlite"));
        auto first = HistoryLock::acquire(database);
        WXPAY_VERIFY_OK(first);
        std::unique_ptr<HistoryLock> held = std::move(first).value();
        QVERIFY(QFile::exists(HistoryLock::lockPath(database)));

        auto second = HistoryLock::acquire(database);
        WXPAY_VERIFY_ERROR(second, ErrorKind::Storage, QStringLiteral("HISTORY_BUSY"));
        QCOMPARE(second.error().detail, QString::number(QCoreApplication::applicationPid()));
        QVERIFY2(second.error().message.contains(QString::number(QCoreApplication::applicationPid())),
            qPrintable(second.error().message));

        held.reset();
        QVERIFY(!QFile::exists(HistoryLock::lockPath(database)));
        WXPAY_VERIFY_OK(HistoryLock::acquire(database));
    }

    void unwritableFolder()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        if (QFile(dir.filePath(QStringLiteral("probe"))).open(QIODevice::WriteOnly))
            QSKIP("running with rights that ignore folder permissions");
        auto lock = HistoryLock::acquire(dir.filePath(QStringLiteral("history.sqlite")));
        WXPAY_VERIFY_ERROR(lock, ErrorKind::Storage, QStringLiteral("LOCK_FAILED"));
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }
};

QTEST_GUILESS_MAIN(TestHistoryLock)
#include "tst_historylock.moc"
