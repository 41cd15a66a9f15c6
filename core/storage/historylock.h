#pragma once

// One program at a time drives the in-flight operations of a history (payments, refunds, recovery): two programs
// resuming the same journal entry would query, reverse or refund it twice. wxpay-console holds the lock while it
// runs; wxpay-cli takes it for the commands that start or resume such operations. Reading the history needs no lock.

#include "common/result.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace wxpay::storage {

class HistoryLock
{
public:
    // "<databasePath>.lock".
    static QString lockPath(const QString& databasePath);

    // Takes the lock without waiting. Storage HISTORY_BUSY (Error::detail = the holder's process id) when another
    // process holds it; Storage LOCK_FAILED when the lock file cannot be written. A lock left by a process that is
    // gone is taken over.
    static Result<std::unique_ptr<HistoryLock>> acquire(const QString& databasePath);

    HistoryLock(const HistoryLock&) = delete;
    HistoryLock& operator=(const HistoryLock&) = delete;

private:
    explicit HistoryLock(const QString& path) : m_file(path) { }

    QLockFile m_file;
};

} // namespace wxpay::storage
