#include "storage/journal.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringBuilder>

namespace wxpay::storage {

namespace {

constexpr auto kColumns = u"id, kind, profile_id, out_trade_no, out_refund_no, step, payload, attempts, created_at, "
                          u"updated_at, finished_at";

QString toJson(const QJsonObject& payload)
{
    return QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

Result<JournalEntry> readEntry(const QSqlQuery& query)
{
    JournalEntry entry;
    entry.id = query.value(0).toLongLong();
    const auto kind = journalKindFromName(query.value(1).toString());
    if (!kind) {
        return Error::storage(QStringLiteral("BAD_ROW"),
            QStringLiteral("journal entry %1: unknown kind \"%2\"").arg(entry.id).arg(query.value(1).toString()));
    }
    entry.kind = *kind;
    entry.profileId = query.value(2).toString();
    entry.outTradeNo = query.value(3).toString();
    entry.outRefundNo = query.value(4).toString();
    entry.step = query.value(5).toString();
    entry.payload = QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object();
    entry.attempts = query.value(7).toInt();
    entry.createdAt = detail::timeFromDb(query.value(8));
    entry.updatedAt = detail::timeFromDb(query.value(9));
    entry.finishedAt = detail::timeFromDb(query.value(10));
    return entry;
}

Result<QList<JournalEntry>> readEntries(QSqlQuery& query)
{
    QList<JournalEntry> entries;
    while (query.next()) {
        auto entry = readEntry(query);
        if (!entry)
            return entry.error();
        entries.append(std::move(entry).value());
    }
    return entries;
}

} // namespace

Journal::Journal(Database& db, const Clock& clock) : m_db(db), m_clock(clock)
{ }

Result<qint64> Journal::begin(const JournalEntry& entry)
{
    if (entry.profileId.isEmpty() || entry.step.isEmpty())
        return Error::input(
            QStringLiteral("JOURNAL_INVALID"), QStringLiteral("a journal entry needs a profile and a step"));
    const QVariant now = detail::toDb(m_clock.now());
    auto query = detail::prepare(m_db.connection(),
        QStringLiteral("INSERT INTO journal (kind, profile_id, out_trade_no, out_refund_no, "
                       "step, payload, attempts, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)"),
        { journalKindName(entry.kind), entry.profileId, entry.outTradeNo, entry.outRefundNo, entry.step,
            toJson(entry.payload), now, now });
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("begin journal entry")); !status) {
        Error error = status.error();
        if (error.code == u"DUPLICATE")
            error.code = QStringLiteral("ALREADY_IN_FLIGHT");
        return error;
    }
    return query->lastInsertId().toLongLong();
}

Status Journal::advance(qint64 id, const QString& step, const QJsonObject& payload)
{
    if (step.isEmpty())
        return Error::input(QStringLiteral("JOURNAL_INVALID"), QStringLiteral("a journal step needs a name"));
    return update(id, QStringLiteral("step = ?, payload = ?"), { step, toJson(payload) }, QStringLiteral("advance"));
}

Status Journal::recordAttempt(qint64 id, const std::optional<QJsonObject>& payload)
{
    if (payload) {
        return update(id, QStringLiteral("attempts = attempts + 1, payload = ?"), { toJson(*payload) },
            QStringLiteral("record attempt"));
    }
    return update(id, QStringLiteral("attempts = attempts + 1"), {}, QStringLiteral("record attempt"));
}

Status Journal::finish(qint64 id, const QString& finalStep)
{
    if (finalStep.isEmpty())
        return Error::input(QStringLiteral("JOURNAL_INVALID"), QStringLiteral("a journal step needs a name"));
    return update(id, QStringLiteral("step = ?, finished_at = ?"), { finalStep, detail::toDb(m_clock.now()) },
        QStringLiteral("finish"));
}

// Applies `assignments` (plus updated_at) to an unfinished entry; tells a missing entry from a finished one.
Status Journal::update(qint64 id, const QString& assignments, QVariantList values, const QString& what)
{
    TransactionGuard guard(m_db);
    if (auto status = guard.begin(); !status)
        return status;
    auto existing = find(id);
    if (!existing)
        return existing.error();
    if (!existing.value())
        return Error::storage(QStringLiteral("NOT_FOUND"), QStringLiteral("no journal entry %1").arg(id));
    if (existing.value()->finishedAt.isValid()) {
        return Error::storage(
            QStringLiteral("JOURNAL_FINISHED"), QStringLiteral("journal entry %1 is already finished").arg(id));
    }
    values << detail::toDb(m_clock.now()) << id;
    auto query = detail::prepare(
        m_db.connection(), u"UPDATE journal SET " % assignments % u", updated_at = ? WHERE id = ?", values);
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), u"journal " % what); !status)
        return status;
    return guard.commit();
}

Result<std::optional<JournalEntry>> Journal::find(qint64 id) const
{
    auto query = detail::prepare(
        m_db.connection(), u"SELECT " % QString::fromUtf16(kColumns) % u" FROM journal WHERE id = ?", { id });
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("find journal entry")); !status)
        return status.error();
    if (!query->next())
        return std::optional<JournalEntry>();
    auto entry = readEntry(query.value());
    if (!entry)
        return entry.error();
    return std::optional<JournalEntry>(std::move(entry).value());
}

Result<QList<JournalEntry>> Journal::pending() const
{
    auto query = detail::prepare(m_db.connection(),
        u"SELECT " % QString::fromUtf16(kColumns) % u" FROM journal WHERE finished_at IS NULL ORDER BY created_at, id");
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("list pending journal entries")); !status)
        return status.error();
    return readEntries(query.value());
}

Result<qint64> Journal::purgeFinished(const QDateTime& cutoff)
{
    auto query = detail::prepare(m_db.connection(),
        QStringLiteral("DELETE FROM journal WHERE finished_at IS NOT NULL AND finished_at < ?"),
        { detail::toDb(cutoff) });
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("purge journal")); !status)
        return status.error();
    return query->numRowsAffected();
}

bool Journal::claim(qint64 id)
{
    if (m_claimed.contains(id))
        return false;
    m_claimed.insert(id);
    return true;
}

void Journal::release(qint64 id)
{
    m_claimed.remove(id);
}

} // namespace wxpay::storage
