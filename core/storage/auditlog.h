#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "storage/records.h"

#include <QDateTime>
#include <QList>

namespace wxpay::storage {

class Database;

struct AuditQuery
{
    QString profileId; // exact; empty = every profile
    QString outTradeNo; // exact; empty = any (with profileId to use the index)
    QDateTime from; // inclusive; invalid = unbounded
    QDateTime before; // exclusive; invalid = unbounded
    qint64 beforeId = 0; // keyset paging: entries older than this id; 0 = from the newest
    int limit = 100;
};

// Who did what, when: append-only. The database itself refuses UPDATE and DELETE on the table (triggers), so
// nothing here or in any other client rewrites history.
class AuditLog
{
public:
    AuditLog(Database& db, const Clock& clock);

    // Appends the entry stamped with the clock's now (entry.at and entry.id are ignored); returns its id.
    // Input AUDIT_INVALID without an action.
    Result<qint64> append(const AuditEntry& entry);
    // Newest first.
    Result<QList<AuditEntry>> list(const AuditQuery& query) const;

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace wxpay::storage
