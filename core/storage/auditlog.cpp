#include "storage/auditlog.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QSqlQuery>
#include <QStringBuilder>
#include <QStringList>

namespace wxpay::storage {

AuditLog::AuditLog(Database& db, const Clock& clock) : m_db(db), m_clock(clock)
{ }

Result<qint64> AuditLog::append(const AuditEntry& entry)
{
    if (entry.action.isEmpty())
        return Error::input(QStringLiteral("AUDIT_INVALID"), QStringLiteral("an audit entry needs an action"));
    auto query = detail::prepare(m_db.connection(),
        QStringLiteral("INSERT INTO audit_log (at, actor, profile_id, action, out_trade_no, "
                       "out_refund_no, request_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        { detail::toDb(m_clock.now()), entry.actor, entry.profileId, entry.action, entry.outTradeNo, entry.outRefundNo,
            entry.requestId, entry.detail });
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("append audit entry")); !status)
        return status.error();
    return query->lastInsertId().toLongLong();
}

Result<QList<AuditEntry>> AuditLog::list(const AuditQuery& query) const
{
    QStringList where;
    QVariantList values;
    if (!query.profileId.isEmpty()) {
        where << QStringLiteral("profile_id = ?");
        values << query.profileId;
    }
    if (!query.outTradeNo.isEmpty()) {
        where << QStringLiteral("out_trade_no = ?");
        values << query.outTradeNo;
    }
    if (query.from.isValid()) {
        where << QStringLiteral("at >= ?");
        values << detail::toDb(query.from);
    }
    if (query.before.isValid()) {
        where << QStringLiteral("at < ?");
        values << detail::toDb(query.before);
    }
    if (query.beforeId > 0) {
        where << QStringLiteral("id < ?");
        values << query.beforeId;
    }
    values << qMax(1, query.limit);
    auto rows = detail::prepare(m_db.connection(),
        u"SELECT id, at, actor, profile_id, action, out_trade_no, out_refund_no, request_id, "
        u"detail FROM audit_log"
            % (where.isEmpty() ? QString() : u" WHERE " % where.join(u" AND ")) % u" ORDER BY id DESC LIMIT ?",
        values);
    if (!rows)
        return rows.error();
    if (auto status = detail::run(rows.value(), QStringLiteral("list audit log")); !status)
        return status.error();
    QList<AuditEntry> entries;
    while (rows->next()) {
        const QSqlQuery& row = rows.value();
        entries.append(AuditEntry { row.value(0).toLongLong(), detail::timeFromDb(row.value(1)),
            row.value(2).toString(), row.value(3).toString(), row.value(4).toString(), row.value(5).toString(),
            row.value(6).toString(), row.value(7).toString(), row.value(8).toString() });
    }
    return entries;
}

} // namespace wxpay::storage
