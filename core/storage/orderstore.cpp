#include "storage/orderstore.h"

#include "storage/csvwriter.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringBuilder>

namespace wxpay::storage {

namespace {

using detail::textOrNull;
using detail::timeFromDb;
using detail::toDb;

// Pages of this many rows keep an export's memory flat however many orders match.
constexpr int kExportPageSize = 1000;

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qint64>());
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

Error badRow(const QString& what, const Error& cause)
{
    return Error::storage(QStringLiteral("BAD_ROW"), what % u": " % cause.message);
}

// Reads the columns of detail::orderColumns(), in order.
Result<OrderRecord> readOrder(const QSqlQuery& query)
{
    OrderRecord order;
    order.id = query.value(0).toLongLong();
    order.profileId = query.value(1).toString();
    const auto family = apiFamilyFromName(query.value(2).toString());
    if (!family)
        return Error::storage(QStringLiteral("BAD_ROW"), QStringLiteral("order %1: unknown API family").arg(order.id));
    order.family = *family;
    order.outTradeNo = query.value(3).toString();
    order.transactionId = query.value(4).toString();
    auto amount = Money::fromMinor(query.value(5).toLongLong(), query.value(6).toString());
    if (!amount)
        return badRow(QStringLiteral("order %1 amount").arg(order.id), amount.error());
    order.amount = *amount;
    if (!query.value(7).isNull()) {
        auto payerTotal = Money::fromMinor(query.value(7).toLongLong(), query.value(8).toString());
        if (!payerTotal)
            return badRow(QStringLiteral("order %1 payer total").arg(order.id), payerTotal.error());
        order.payerTotal = *payerTotal;
    }
    order.tradeType = query.value(9).toString();
    order.state = tradeStateFromName(query.value(10).toString());
    order.stateDescription = query.value(11).toString();
    order.payerOpenid = query.value(12).toString();
    order.payerUnionid = query.value(13).toString();
    order.createdAt = timeFromDb(query.value(14));
    order.paidAt = timeFromDb(query.value(15));
    order.lastConfirmedAt = timeFromDb(query.value(16));
    order.cashier = query.value(17).toString();
    order.deviceId = query.value(18).toString();
    order.description = query.value(19).toString();
    order.attach = query.value(20).toString();
    order.lastError = query.value(21).toString();
    return order;
}

OrderCursor cursorFor(const OrderRecord& order, OrderSort sort)
{
    switch (sort) {
    case OrderSort::CreatedAt:
        return { order.createdAt.toMSecsSinceEpoch(), order.id };
    case OrderSort::Amount:
        return { order.amount.minorUnits(), order.id };
    case OrderSort::OutTradeNo:
        return { order.outTradeNo, order.id };
    }
    return { order.createdAt.toMSecsSinceEpoch(), order.id };
}

QString isoUtc(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QStringList csvHeader()
{
    return { QStringLiteral("created_at_utc"), QStringLiteral("paid_at_utc"), QStringLiteral("profile"),
        QStringLiteral("family"), QStringLiteral("out_trade_no"), QStringLiteral("transaction_id"),
        QStringLiteral("trade_type"), QStringLiteral("state"), QStringLiteral("amount"), QStringLiteral("currency"),
        QStringLiteral("payer_total"), QStringLiteral("payer_currency"), QStringLiteral("description"),
        QStringLiteral("attach"), QStringLiteral("cashier"), QStringLiteral("device_id") };
}

QStringList csvRow(const OrderRecord& order)
{
    return { isoUtc(order.createdAt), isoUtc(order.paidAt), order.profileId, apiFamilyName(order.family),
        order.outTradeNo, order.transactionId, order.tradeType, tradeStateName(order.state), order.amount.toString(),
        order.amount.currency(), order.payerTotal ? order.payerTotal->toString() : QString(),
        order.payerTotal ? order.payerTotal->currency() : QString(), order.description, order.attach, order.cashier,
        order.deviceId };
}

Error notFound(const QString& outTradeNo)
{
    return Error::storage(QStringLiteral("NOT_FOUND"), u"no order " % outTradeNo);
}

} // namespace

OrderStore::OrderStore(Database& db, const Clock& clock) : m_db(db), m_clock(clock)
{ }

Result<qint64> OrderStore::insert(const OrderRecord& order)
{
    if (order.profileId.isEmpty() || order.outTradeNo.isEmpty() || !order.amount.isValid()) {
        return Error::input(
            QStringLiteral("ORDER_INVALID"), QStringLiteral("an order needs a profile, an out_trade_no and an amount"));
    }
    if (order.payerTotal && !order.payerTotal->isValid())
        return Error::input(QStringLiteral("ORDER_INVALID"), QStringLiteral("invalid payer total"));
    const QDateTime createdAt = order.createdAt.isValid() ? order.createdAt : m_clock.now();
    auto query = detail::prepare(m_db.connection(),
        QStringLiteral("INSERT INTO orders (profile_id, family, out_trade_no, transaction_id, amount_minor, currency, "
                       "payer_total_minor, payer_currency, trade_type, state, state_desc, payer_openid, payer_unionid, "
                       "created_at, paid_at, last_confirmed_at, cashier, device_id, description, attach, last_error) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        { order.profileId, apiFamilyName(order.family), order.outTradeNo, textOrNull(order.transactionId),
            order.amount.minorUnits(), order.amount.currency(),
            order.payerTotal ? QVariant(order.payerTotal->minorUnits()) : nullInt(),
            order.payerTotal ? QVariant(order.payerTotal->currency()) : nullText(), order.tradeType,
            tradeStateName(order.state), order.stateDescription, order.payerOpenid, order.payerUnionid, toDb(createdAt),
            toDb(order.paidAt), toDb(order.lastConfirmedAt), order.cashier, order.deviceId, order.description,
            order.attach, order.lastError });
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("insert order")); !status)
        return status.error();
    return query->lastInsertId().toLongLong();
}

Status OrderStore::applyTransaction(const QString& profileId, const Transaction& transaction)
{
    TransactionGuard guard(m_db);
    if (auto status = guard.begin(); !status)
        return status;

    auto found = transaction.outTradeNo.isEmpty()
        ? findOne(QStringLiteral("o.profile_id = ? AND o.transaction_id = ?"), { profileId, transaction.transactionId })
        : findOne(QStringLiteral("o.profile_id = ? AND o.out_trade_no = ?"), { profileId, transaction.outTradeNo });
    if (!found)
        return found.error();
    if (!found.value())
        return notFound(transaction.outTradeNo.isEmpty() ? transaction.transactionId : transaction.outTradeNo);
    OrderRecord order = std::move(*found.value());

    if (!transaction.transactionId.isEmpty()) {
        if (!order.transactionId.isEmpty() && order.transactionId != transaction.transactionId) {
            return Error::storage(QStringLiteral("TRANSACTION_ID_CONFLICT"),
                u"order " % order.outTradeNo % u" is already linked to another transaction_id");
        }
        order.transactionId = transaction.transactionId;
    }
    if (transaction.state != TradeState::Unknown)
        order.state = transaction.state;
    order.stateDescription = transaction.stateDescription;
    if (!transaction.tradeType.isEmpty())
        order.tradeType = transaction.tradeType;
    if (transaction.payerTotal && transaction.payerTotal->isValid())
        order.payerTotal = transaction.payerTotal;
    if (!transaction.openid.isEmpty())
        order.payerOpenid = transaction.openid;
    if (transaction.successTime.isValid())
        order.paidAt = transaction.successTime;

    auto query = detail::prepare(m_db.connection(),
        QStringLiteral("UPDATE orders SET transaction_id = ?, state = ?, state_desc = ?, "
                       "trade_type = ?, payer_total_minor = ?, payer_currency = ?, "
                       "payer_openid = ?, paid_at = ?, last_confirmed_at = ?, last_error = '' "
                       "WHERE id = ?"),
        { textOrNull(order.transactionId), tradeStateName(order.state), order.stateDescription, order.tradeType,
            order.payerTotal ? QVariant(order.payerTotal->minorUnits()) : nullInt(),
            order.payerTotal ? QVariant(order.payerTotal->currency()) : nullText(), order.payerOpenid,
            toDb(order.paidAt), toDb(m_clock.now()), order.id });
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("update order")); !status)
        return status;
    return guard.commit();
}

Status OrderStore::setPayerUnionId(const QString& profileId, const QString& outTradeNo, const QString& unionid)
{
    auto query = detail::prepare(m_db.connection(),
        QStringLiteral("UPDATE orders SET payer_unionid = ? "
                       "WHERE profile_id = ? AND out_trade_no = ?"),
        { unionid, profileId, outTradeNo });
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("set unionid")); !status)
        return status;
    if (query->numRowsAffected() != 1)
        return notFound(outTradeNo);
    return {};
}

Status OrderStore::recordError(const QString& profileId, const QString& outTradeNo, const Error& error)
{
    auto query = detail::prepare(m_db.connection(),
        QStringLiteral("UPDATE orders SET last_error = ? "
                       "WHERE profile_id = ? AND out_trade_no = ?"),
        { error.toString(), profileId, outTradeNo });
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("record order error")); !status)
        return status;
    if (query->numRowsAffected() != 1)
        return notFound(outTradeNo);
    return {};
}

Result<std::optional<OrderRecord>> OrderStore::findByOutTradeNo(
    const QString& profileId, const QString& outTradeNo) const
{
    return findOne(QStringLiteral("o.profile_id = ? AND o.out_trade_no = ?"), { profileId, outTradeNo });
}

Result<std::optional<OrderRecord>> OrderStore::findByTransactionId(const QString& transactionId) const
{
    return findOne(QStringLiteral("o.transaction_id = ?"), { transactionId });
}

Result<std::optional<OrderRecord>> OrderStore::findOne(const QString& condition, const QVariantList& values) const
{
    auto query = detail::prepare(m_db.connection(),
        u"SELECT " % detail::orderColumns() % u" FROM orders AS o WHERE " % condition % u" ORDER BY o.id LIMIT 1",
        values);
    if (!query)
        return query.error();
    if (auto status = detail::run(query.value(), QStringLiteral("find order")); !status)
        return status.error();
    if (!query->next())
        return std::optional<OrderRecord>();
    auto order = readOrder(query.value());
    if (!order)
        return order.error();
    return std::optional<OrderRecord>(std::move(order).value());
}

Result<OrderPage> OrderStore::search(const OrderQuery& query, const std::optional<OrderCursor>& after) const
{
    const SqlStatement statement = buildOrderSearch(query, after, m_db.hasFullTextSearch());
    auto prepared = detail::prepare(m_db.connection(), statement.sql, statement.values);
    if (!prepared)
        return prepared.error();
    QSqlQuery& rows = prepared.value();
    if (auto status = detail::run(rows, QStringLiteral("search orders")); !status)
        return status.error();

    const int pageSize = qMax(1, query.pageSize);
    OrderPage page;
    page.rows.reserve(pageSize);
    while (rows.next()) {
        if (page.rows.size() == pageSize) {
            page.next = cursorFor(page.rows.constLast(), query.sort);
            break;
        }
        auto order = readOrder(rows);
        if (!order)
            return order.error();
        page.rows.append(std::move(order).value());
    }
    return page;
}

Result<qint64> OrderStore::count(const OrderQuery& query) const
{
    const SqlStatement statement = buildOrderCount(query, m_db.hasFullTextSearch());
    auto prepared = detail::prepare(m_db.connection(), statement.sql, statement.values);
    if (!prepared)
        return prepared.error();
    if (auto status = detail::run(prepared.value(), QStringLiteral("count orders")); !status)
        return status.error();
    if (!prepared->next())
        return Error::storage(QStringLiteral("QUERY_FAILED"), QStringLiteral("count orders: no result"));
    return prepared->value(0).toLongLong();
}

Result<QStringList> OrderStore::explainSearch(const OrderQuery& query, const std::optional<OrderCursor>& after) const
{
    const SqlStatement statement = buildOrderSearch(query, after, m_db.hasFullTextSearch());
    auto prepared = detail::prepare(m_db.connection(), u"EXPLAIN QUERY PLAN " % statement.sql, statement.values);
    if (!prepared)
        return prepared.error();
    QSqlQuery& plan = prepared.value();
    if (auto status = detail::run(plan, QStringLiteral("explain search")); !status)
        return status.error();
    const QSqlRecord columns = plan.record();
    const int idColumn = columns.indexOf(QStringLiteral("id"));
    const int parentColumn = columns.indexOf(QStringLiteral("parent"));
    const int detailColumn = columns.indexOf(QStringLiteral("detail"));
    QHash<qint64, int> depth; // lines are indented two spaces per level, like the sqlite3 shell's tree
    QStringList lines;
    while (plan.next()) {
        const int level = depth.value(plan.value(parentColumn).toLongLong(), -1) + 1;
        depth.insert(plan.value(idColumn).toLongLong(), level);
        lines << QString(level * 2, u' ') + plan.value(detailColumn).toString();
    }
    return lines;
}

Result<qint64> OrderStore::exportCsv(const OrderQuery& query, QIODevice& device) const
{
    CsvWriter writer(device);
    if (auto status = writer.writeRow(csvHeader()); !status)
        return status.error();
    OrderQuery paged = query;
    paged.pageSize = kExportPageSize;
    std::optional<OrderCursor> cursor;
    qint64 written = 0;
    do {
        auto page = search(paged, cursor);
        if (!page)
            return page.error();
        for (const OrderRecord& order : std::as_const(page->rows)) {
            if (auto status = writer.writeRow(csvRow(order)); !status)
                return status.error();
        }
        written += page->rows.size();
        cursor = page->next;
    } while (cursor);
    if (auto status = writer.flush(); !status)
        return status.error();
    return written;
}

} // namespace wxpay::storage
