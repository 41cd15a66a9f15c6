#include "storage/refundstore.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QSqlQuery>
#include <QStringBuilder>

namespace wxpay::storage {

namespace {

using detail::textOrNull;
using detail::timeFromDb;
using detail::toDb;

constexpr auto kColumns = u"id, profile_id, out_trade_no, out_refund_no, refund_id, amount_minor, currency, reason, "
                          u"status, created_at, success_at, last_confirmed_at, last_error";

Result<RefundRecord> readRefund(const QSqlQuery& query)
{
    RefundRecord refund;
    refund.id = query.value(0).toLongLong();
    refund.profileId = query.value(1).toString();
    refund.outTradeNo = query.value(2).toString();
    refund.outRefundNo = query.value(3).toString();
    refund.refundId = query.value(4).toString();
    auto amount = Money::fromMinor(query.value(5).toLongLong(), query.value(6).toString());
    if (!amount) {
        return Error::storage(QStringLiteral("BAD_ROW"),
            QStringLiteral("refund %1 amount: %2").arg(refund.id).arg(amount.error().message));
    }
    refund.amount = *amount;
    refund.reason = query.value(7).toString();
    refund.status = refundStatusFromName(query.value(8).toString());
    refund.createdAt = timeFromDb(query.value(9));
    refund.successAt = timeFromDb(query.value(10));
    refund.lastConfirmedAt = timeFromDb(query.value(11));
    refund.lastError = query.value(12).toString();
    return refund;
}

Error notFound(const QString& what)
{
    return Error::storage(QStringLiteral("NOT_FOUND"), what);
}

// The order's currency, or NOT_FOUND.
Result<QString> orderCurrency(const QSqlDatabase& db, const QString& profileId, const QString& outTradeNo)
{
    auto query
        = detail::prepare(db, QStringLiteral("SELECT currency FROM orders WHERE profile_id = ? AND out_trade_no = ?"),
            { profileId, outTradeNo });
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("find refunded order")); !status)
        return status.error();
    if (!query->next())
        return notFound(u"no order " % outTradeNo);
    return query->value(0).toString();
}

} // namespace

RefundStore::RefundStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock)
{ }

Result<qint64> RefundStore::insert(const RefundRecord& refund)
{
    if (refund.profileId.isEmpty() || refund.outTradeNo.isEmpty() || refund.outRefundNo.isEmpty()
        || !refund.amount.isValid() || refund.amount.isZero()) {
        return Error::input(QStringLiteral("REFUND_INVALID"),
            QStringLiteral("a refund needs a profile, the order's out_trade_no, an out_refund_no "
                           "and an amount above zero"));
    }
    TransactionGuard guard(m_db);
    if (auto status = guard.begin(); !status)
        return status.error();
    auto currency = orderCurrency(m_db.connection(), refund.profileId, refund.outTradeNo);
    if (!currency)
        return currency.error();
    if (*currency != refund.amount.currency()) {
        return Error::input(QStringLiteral("CURRENCY_MISMATCH"),
            u"the order is in " % *currency % u", the refund in " % refund.amount.currency());
    }
    const QDateTime createdAt = refund.createdAt.isValid() ? refund.createdAt : m_clock.now();
    auto query = detail::prepare(m_db.connection(),
        QStringLiteral(
            "INSERT INTO refunds (profile_id, out_trade_no, out_refund_no, refund_id, amount_minor, currency, "
            "reason, status, created_at, success_at, last_confirmed_at, last_error) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        { refund.profileId, refund.outTradeNo, refund.outRefundNo, textOrNull(refund.refundId),
            refund.amount.minorUnits(), refund.amount.currency(), refund.reason, refundStatusName(refund.status),
            toDb(createdAt), toDb(refund.successAt), toDb(refund.lastConfirmedAt), refund.lastError });
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("insert refund")); !status)
        return status.error();
    const qint64 id = query->lastInsertId().toLongLong();
    if (auto status = guard.commit(); !status)
        return status.error();
    return id;
}

Status RefundStore::applyRefund(const QString& profileId, const Refund& refund)
{
    TransactionGuard guard(m_db);
    if (auto status = guard.begin(); !status)
        return status;
    auto found = findByOutRefundNo(profileId, refund.outRefundNo);
    if (!found)
        return found.error();
    if (!found.value())
        return notFound(u"no refund " % refund.outRefundNo);
    const RefundRecord& stored = *found.value();
    QString refundId = stored.refundId;
    if (!refund.refundId.isEmpty()) {
        if (!refundId.isEmpty() && refundId != refund.refundId) {
            return Error::storage(QStringLiteral("REFUND_ID_CONFLICT"),
                u"refund " % stored.outRefundNo % u" already has another refund_id");
        }
        refundId = refund.refundId;
    }
    const RefundStatus status = refund.status == RefundStatus::Unknown ? stored.status : refund.status;
    const QDateTime successAt = refund.successTime.isValid() ? refund.successTime : stored.successAt;
    auto query = detail::prepare(m_db.connection(),
        QStringLiteral("UPDATE refunds SET refund_id = ?, status = ?, success_at = ?, "
                       "last_confirmed_at = ?, last_error = '' WHERE id = ?"),
        { textOrNull(refundId), refundStatusName(status), toDb(successAt), toDb(m_clock.now()), stored.id });
    if (!query)
        return query.error();
    if (auto result = detail::run(query.value(), QStringLiteral("update refund")); !result)
        return result;
    return guard.commit();
}

Status RefundStore::recordError(const QString& profileId, const QString& outRefundNo, const Error& error)
{
    auto query = detail::prepare(m_db.connection(),
        QStringLiteral("UPDATE refunds SET last_error = ? "
                       "WHERE profile_id = ? AND out_refund_no = ?"),
        { error.toString(), profileId, outRefundNo });
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("record refund error")); !status)
        return status;
    if (query->numRowsAffected() != 1)
        return notFound(u"no refund " % outRefundNo);
    return {};
}

Result<std::optional<RefundRecord>> RefundStore::findByOutRefundNo(
    const QString& profileId, const QString& outRefundNo) const
{
    auto rows = select(QStringLiteral("profile_id = ? AND out_refund_no = ?"), { profileId, outRefundNo }, 1);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<RefundRecord>() : std::optional<RefundRecord>(rows->constFirst());
}

Result<std::optional<RefundRecord>> RefundStore::findByRefundId(const QString& refundId) const
{
    auto rows = select(QStringLiteral("refund_id = ?"), { refundId }, 1);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<RefundRecord>() : std::optional<RefundRecord>(rows->constFirst());
}

Result<QList<RefundRecord>> RefundStore::forOrder(const QString& profileId, const QString& outTradeNo) const
{
    return select(QStringLiteral("profile_id = ? AND out_trade_no = ?"), { profileId, outTradeNo }, -1);
}

Result<Money> RefundStore::refundedTotal(const QString& profileId, const QString& outTradeNo) const
{
    auto currency = orderCurrency(m_db.connection(), profileId, outTradeNo);
    if (!currency)
        return currency.error();
    auto query = detail::prepare(m_db.connection(),
        QStringLiteral("SELECT coalesce(sum(amount_minor), 0) FROM refunds "
                       "WHERE profile_id = ? AND out_trade_no = ? AND status <> 'CLOSED'"),
        { profileId, outTradeNo });
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("sum refunds")); !status)
        return status.error();
    if (!query->next())
        return Error::storage(QStringLiteral("QUERY_FAILED"), QStringLiteral("sum refunds: no result"));
    auto total = Money::fromMinor(query->value(0).toLongLong(), *currency);
    if (!total)
        return Error::storage(QStringLiteral("BAD_ROW"), u"refund total: " % total.error().message);
    return total;
}

Result<QList<RefundRecord>> RefundStore::recent(const QString& profileId, int limit) const
{
    if (limit < 1)
        return Error::input(QStringLiteral("LIMIT_INVALID"), QStringLiteral("list at least one refund"));
    return select(QStringLiteral("profile_id = ?"), { profileId }, limit, Order::NewestFirst);
}

Result<QList<RefundRecord>> RefundStore::pending(const QString& profileId) const
{
    // Named by what is settled, so that a status this build does not know (read as Unknown) counts as pending.
    return select(QStringLiteral("profile_id = ? AND status NOT IN (?, ?, ?, ?)"),
        { profileId, refundStatusName(RefundStatus::Success), refundStatusName(RefundStatus::Closed),
            refundStatusName(RefundStatus::Abnormal), refundStatusName(RefundStatus::Change) },
        -1);
}

Result<QList<RefundRecord>> RefundStore::select(
    const QString& condition, const QVariantList& values, int limit, Order order) const
{
    const QString orderBy
        = order == Order::NewestFirst ? QStringLiteral("created_at DESC, id DESC") : QStringLiteral("created_at, id");
    auto query = detail::prepare(m_db.connection(),
        u"SELECT " % QString::fromUtf16(kColumns) % u" FROM refunds WHERE " % condition % u" ORDER BY " % orderBy
            % u" LIMIT " % QString::number(limit),
        values);
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("find refunds")); !status)
        return status.error();
    QList<RefundRecord> refunds;
    while (query->next()) {
        auto refund = readRefund(query.value());
        if (!refund)
            return refund.error();
        refunds.append(std::move(refund).value());
    }
    return refunds;
}

} // namespace wxpay::storage
