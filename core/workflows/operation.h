#pragma once

// The lifecycle every money-moving call shares (pay, create, close, reverse, refund), from every front end: its
// journal entry. The rules of architecture.md live here, once, so that no workflow can bend them:
// - the operation's row (order or refund) and its journal entry are written in one transaction, before
//   anything is sent;
// - every request that may reach WeChat is counted first, with its time; once one was counted, the operation
//   "may have reached WeChat" for good, also after a restart, and a later error never makes it "never happened";
// - steps only move forward, in the order of the kind's step table: a resumed refund that is polling never goes
//   back to sending;
// - an entry finishes only with one of its kind's final steps, which the workflows use only for a definite,
//   verified state; anything else leaves it open, "needs attention", with the reason in its payload, for the
//   re-drive and the next start;
// - while a workflow drives an entry it holds the journal's claim on it, so the re-drive leaves it alone.

#include "common/error.h"
#include "common/result.h"
#include "storage/records.h"
#include "workflows/context.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <chrono>
#include <functional>

namespace wxpay::workflows {

class JournaledOperation
{
public:
    JournaledOperation(const WorkflowContext& context, storage::JournalKind kind);
    ~JournaledOperation();
    JournaledOperation(const JournaledOperation&) = delete;
    JournaledOperation& operator=(const JournaledOperation&) = delete;

    // The payload keys the lifecycle itself keeps.
    static constexpr auto kReasonKey = "reason"; // why an open entry needs attention
    static constexpr auto kLastSentKey = "lastSentAt"; // ISO time of the last attempt
    static constexpr auto kSeenKey = "seen"; // WeChat confirmed the order / refund exists

    // The step table of a kind, in order; the first is where begin() starts.
    static QStringList steps(storage::JournalKind kind);
    // The final steps of a kind; finish() takes nothing else.
    static QStringList finalSteps(storage::JournalKind kind);

    // Writes the operation's row (`writeRow`, called inside the transaction) and the journal entry together,
    // then claims the entry. On error neither exists. Storage ALREADY_IN_FLIGHT, and whatever writeRow returns.
    Status begin(const QString& outTradeNo,
        const QString& outRefundNo,
        const QJsonObject& payload,
        const std::function<Status()>& writeRow);
    // Takes over an entry an earlier run (or the re-drive) left open. Input JOURNAL_KIND (another kind or
    // profile), Input JOURNAL_FINISHED, Input BUSY (a live workflow of this process drives it).
    Status adopt(const storage::JournalEntry& entry);

    bool isOpen() const { return m_id != 0 && !m_finished; }
    qint64 id() const { return m_id; }
    const QString& step() const { return m_step; }
    // Whether `step` is at or past the current step in the kind's table.
    bool reached(const QString& step) const;
    // When the last request that may have made the order or refund exist at WeChat was sent (kept across
    // restarts); invalid if none. "Does not exist" is definite only once such a request is certainly over.
    QDateTime lastSentAt() const { return m_lastSentAt; }
    bool mayHaveReachedWeChat() const { return m_lastSentAt.isValid(); }
    // WeChat confirmed, in a verified answer, that the order / refund exists (a code_url, USERPAYING, a query
    // that returned it, an accepted refund). Kept across restarts.
    void markSeen();
    bool seenAtWeChat() const { return m_seen; }
    // Whether a verified "does not exist" settles the operation: only when WeChat never confirmed it exists, and
    // once every request that could have made it is certainly over (`settle` after the last one).
    bool notFoundIsDefinite(std::chrono::milliseconds settle) const;

    enum class Request
    {
        Creates, // may make the order / refund exist: a payment, a Native create, a refund
        Changes, // acts on what exists: a close, a reverse
    };
    // Before each request that may reach WeChat.
    void attempt(Request request = Request::Creates);
    // Moves to `step` if it lies ahead; a step behind the current one is ignored (and logged).
    void advance(const QString& step);
    // Keeps `value` under `key` in the payload (with the current step).
    void set(const QString& key, const QJsonValue& value);
    // Ends the entry with one of the kind's final steps; any other name leaves it open and returns false.
    bool finish(const QString& finalStep);
    // Leaves the entry open and visibly needing attention: the step stays, the reason is stored, and this workflow
    // stops driving it (the claim is released), so the re-drive or the next start takes it up.
    void leavePending(const Error& reason);

private:
    void release();
    int rank(const QString& step) const;
    void store();

    const WorkflowContext& m_context;
    storage::JournalKind m_kind;
    qint64 m_id = 0;
    bool m_claimed = false;
    bool m_finished = false;
    QString m_step;
    QJsonObject m_payload;
    QDateTime m_lastSentAt;
    bool m_seen = false;
};

} // namespace wxpay::workflows
