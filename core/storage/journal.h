#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "storage/records.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>

#include <optional>

namespace wxpay::storage {

class Database;

// The operations in flight. A workflow begins an entry before it sends anything, advances it as it goes and
// finishes it when the outcome is known; after a crash, pending() is what the next start must resume (query,
// and for Quick Pay reverse) — never re-submit. At most one unfinished entry exists per (profile, kind,
// out_trade_no, out_refund_no). The payload is the workflow's resume data; never keys or tokens.
class Journal
{
public:
    Journal(Database& db, const Clock& clock);

    // Starts an entry (entry.kind, profileId, outTradeNo, outRefundNo, step, payload are used; the rest is set
    // here) and returns its id. Input JOURNAL_INVALID without profile or step; Storage ALREADY_IN_FLIGHT when
    // the same operation has an unfinished entry.
    Result<qint64> begin(const JournalEntry& entry);
    // Moves an unfinished entry to `step` with a new payload. Storage NOT_FOUND, JOURNAL_FINISHED.
    Status advance(qint64 id, const QString& step, const QJsonObject& payload);
    // Counts one more attempt at the remote call (a send, a poll, a reverse), and stores `payload` with it when
    // one is given (in the same transaction).
    Status recordAttempt(qint64 id, const std::optional<QJsonObject>& payload = std::nullopt);
    // Marks the entry done with its final step; it leaves pending().
    Status finish(qint64 id, const QString& finalStep);

    Result<std::optional<JournalEntry>> find(qint64 id) const;
    // Unfinished entries, oldest first.
    Result<QList<JournalEntry>> pending() const;
    // Deletes finished entries that finished before `cutoff`; returns how many.
    Result<qint64> purgeFinished(const QDateTime& cutoff);

    // Which entries a workflow of this process is driving right now (not stored: a crash releases them all).
    // claim() is false when another workflow already drives the entry, so the re-drive never sends a second
    // query, reverse or refund beside a live one.
    bool claim(qint64 id);
    void release(qint64 id);
    bool isClaimed(qint64 id) const { return m_claimed.contains(id); }

private:
    Status update(qint64 id, const QString& assignments, QVariantList values, const QString& what);

    Database& m_db;
    const Clock& m_clock;
    QSet<qint64> m_claimed;
};

} // namespace wxpay::storage
