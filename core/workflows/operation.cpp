#include "workflows/operation.h"

#include "workflows/internal.h"
#include "workflows/log.h"
#include "workflows/policy.h"

namespace wxpay::workflows {

using namespace detail;
using storage::JournalKind;

namespace {

QString key(const char* name)
{
    return QString::fromLatin1(name);
}

} // namespace

JournaledOperation::JournaledOperation(const WorkflowContext& context, storage::JournalKind kind)
    : m_context(context), m_kind(kind)
{ }

JournaledOperation::~JournaledOperation()
{
    release();
}

QStringList JournaledOperation::steps(storage::JournalKind kind)
{
    switch (kind) {
    case JournalKind::Micropay:
        // watching: past the reverse window (or after WeChat refused the reverse), queries only.
        return { QStringLiteral("submitting"), QStringLiteral("polling"), QStringLiteral("reversing"),
            QStringLiteral("watching") };
    case JournalKind::NativeCreate:
        return { QStringLiteral("creating"), QStringLiteral("waiting"), QStringLiteral("closing") };
    case JournalKind::Refund:
        return { QStringLiteral("sending"), QStringLiteral("polling") };
    case JournalKind::Reverse:
        return { QStringLiteral("reversing"), QStringLiteral("watching") };
    case JournalKind::Close:
        return { QStringLiteral("closing"), QStringLiteral("confirming") };
    case JournalKind::Query:
    case JournalKind::RefundQuery:
        break;
    }
    return { QStringLiteral("querying") };
}

QStringList JournaledOperation::finalSteps(storage::JournalKind kind)
{
    switch (kind) {
    case JournalKind::Micropay:
        return { QStringLiteral("paid"), QStringLiteral("not_paid"), QStringLiteral("reversed"),
            QStringLiteral("not_sent") };
    case JournalKind::NativeCreate:
        return { QStringLiteral("paid"), QStringLiteral("closed"), QStringLiteral("expired"), QStringLiteral("refused"),
            QStringLiteral("not_sent") };
    case JournalKind::Refund:
        return { QStringLiteral("succeeded"), QStringLiteral("closed"), QStringLiteral("abnormal"),
            QStringLiteral("refused"), QStringLiteral("not_found") };
    case JournalKind::Reverse:
        return { QStringLiteral("reversed"), QStringLiteral("ended_unpaid"), QStringLiteral("paid"),
            QStringLiteral("refused") };
    case JournalKind::Close:
        return { QStringLiteral("closed"), QStringLiteral("ended_unpaid"), QStringLiteral("paid"),
            QStringLiteral("refused") };
    case JournalKind::Query:
    case JournalKind::RefundQuery:
        break;
    }
    return { QStringLiteral("done") };
}

Status JournaledOperation::begin(const QString& outTradeNo,
    const QString& outRefundNo,
    const QJsonObject& payload,
    const std::function<Status()>& writeRow)
{
    if (m_id != 0)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("this operation already has a journal entry"));
    storage::JournalEntry entry;
    entry.kind = m_kind;
    entry.profileId = m_context.profileId;
    entry.outTradeNo = outTradeNo;
    entry.outRefundNo = outRefundNo;
    entry.step = steps(m_kind).constFirst();
    entry.payload = payload;

    storage::TransactionGuard guard(m_context.database);
    if (Status begun = guard.begin(); !begun)
        return begun;
    if (writeRow) {
        if (Status written = writeRow(); !written)
            return written;
    }
    auto id = m_context.journal.begin(entry);
    if (!id)
        return id.error();
    if (Status committed = guard.commit(); !committed)
        return committed;

    m_id = id.value();
    m_claimed = m_context.journal.claim(m_id);
    m_step = entry.step;
    m_payload = payload;
    return {};
}

Status JournaledOperation::adopt(const storage::JournalEntry& entry)
{
    if (m_id != 0)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("this operation already has a journal entry"));
    if (entry.kind != m_kind || entry.profileId != m_context.profileId) {
        return Error::input(QStringLiteral("JOURNAL_KIND"),
            u"not a " + storage::journalKindName(m_kind) + u" journal entry of this profile");
    }
    if (entry.finishedAt.isValid())
        return Error::input(QStringLiteral("JOURNAL_FINISHED"), QStringLiteral("the journal entry is finished"));
    if (!m_context.journal.claim(entry.id)) {
        return Error::input(QStringLiteral("BUSY"),
            QStringLiteral("journal entry %1 is being driven by a live workflow").arg(entry.id));
    }
    m_claimed = true;
    m_id = entry.id;
    m_step = entry.step;
    m_payload = entry.payload;
    m_lastSentAt = QDateTime::fromString(m_payload.value(key(kLastSentKey)).toString(), Qt::ISODateWithMs);
    m_seen = m_payload.value(key(kSeenKey)).toBool();
    // Entries written before the lifecycle kept the time: an attempt was counted, so it may have been sent; the
    // last update is the latest it can have been.
    if (!m_lastSentAt.isValid() && entry.attempts > 0)
        m_lastSentAt = entry.updatedAt;
    return {};
}

void JournaledOperation::markSeen()
{
    if (m_seen)
        return;
    m_seen = true;
    set(key(kSeenKey), true);
}

bool JournaledOperation::notFoundIsDefinite(std::chrono::milliseconds settle) const
{
    return !m_seen && policy::inFlightSettled(m_lastSentAt, m_context.clock.now(), settle);
}

bool JournaledOperation::reached(const QString& step) const
{
    return rank(m_step) >= rank(step);
}

void JournaledOperation::attempt(Request request)
{
    if (!isOpen())
        return;
    if (request == Request::Changes) {
        warnStorage("journal attempt", m_context.journal.recordAttempt(m_id));
        return;
    }
    m_lastSentAt = m_context.clock.now();
    m_payload.insert(key(kLastSentKey), m_lastSentAt.toUTC().toString(Qt::ISODateWithMs));
    warnStorage("journal attempt", m_context.journal.recordAttempt(m_id, m_payload));
}

void JournaledOperation::advance(const QString& step)
{
    if (!isOpen() || step == m_step)
        return;
    if (rank(step) < rank(m_step)) {
        qCWarning(lcWorkflows) << "journal entry" << m_id << "stays at" << m_step << "instead of going back to" << step;
        return;
    }
    m_step = step;
    store();
}

void JournaledOperation::set(const QString& name, const QJsonValue& value)
{
    if (m_payload.value(name) == value)
        return;
    m_payload.insert(name, value);
    if (isOpen())
        store();
}

bool JournaledOperation::finish(const QString& finalStep)
{
    if (!isOpen())
        return false;
    if (!finalSteps(m_kind).contains(finalStep)) {
        qCWarning(lcWorkflows) << "journal entry" << m_id << "cannot finish as" << finalStep << "- left open";
        leavePending(Error::input(QStringLiteral("NOT_DEFINITE"), u"not a final state: " + finalStep));
        return false;
    }
    const Status finished = m_context.journal.finish(m_id, finalStep);
    warnStorage("journal finish", finished);
    if (!finished)
        return false;
    m_finished = true;
    m_step = finalStep;
    release();
    return true;
}

void JournaledOperation::leavePending(const Error& reason)
{
    m_payload.insert(key(kReasonKey), reason.toString());
    if (isOpen())
        store();
    release();
}

void JournaledOperation::release()
{
    if (!m_claimed)
        return;
    m_context.journal.release(m_id);
    m_claimed = false;
}

int JournaledOperation::rank(const QString& step) const
{
    // A step this table does not know (an entry written by an older version) ranks below every known one.
    return static_cast<int>(steps(m_kind).indexOf(step));
}

void JournaledOperation::store()
{
    warnStorage("journal step", m_context.journal.advance(m_id, m_step, m_payload));
}

} // namespace wxpay::workflows
