#include "storage/historylock.h"

#include "storage/log.h"

#include <QDir>
#include <QFileInfo>

namespace wxpay::storage {

QString HistoryLock::lockPath(const QString& databasePath)
{
    return databasePath + QStringLiteral(".lock");
}

Result<std::unique_ptr<HistoryLock>> HistoryLock::acquire(const QString& databasePath)
{
    // On first start the history's folder does not exist yet.
    QDir().mkpath(QFileInfo(databasePath).absolutePath());
    std::unique_ptr<HistoryLock> lock(new HistoryLock(lockPath(databasePath)));
    // A payment may legitimately run for minutes: only a lock whose process is gone is stale.
    lock->m_file.setStaleLockTime(0);
    if (lock->m_file.tryLock(0))
        return lock;
    if (lock->m_file.error() != QLockFile::LockFailedError) {
        return Error::storage(QStringLiteral("LOCK_FAILED"),
            QStringLiteral("cannot create the lock file %1").arg(lockPath(databasePath)));
    }
    qint64 pid = 0;
    QString host;
    QString application;
    lock->m_file.getLockInfo(&pid, &host, &application);
    qCInfo(lcStorage) << "history busy: held by" << application << pid;
    Error busy = Error::storage(QStringLiteral("HISTORY_BUSY"),
        QStringLiteral("%1 (process %2) is running payments, refunds or recovery on this history; wait for it to "
                       "end or close it")
            .arg(application.isEmpty() ? QStringLiteral("another program") : application)
            .arg(pid));
    busy.detail = QString::number(pid);
    return busy;
}

} // namespace wxpay::storage
