#pragma once

#include "common/clock.h"
#include "common/domain.h"
#include "common/result.h"
#include "storage/orderquery.h"
#include "storage/records.h"

#include <QIODevice>
#include <QStringList>

#include <optional>

namespace wxpay::storage {

class Database;

// The order history. A workflow inserts the order before it sends the request, then records every answer.
// Each method is one statement or one transaction (a savepoint inside a caller's TransactionGuard).
// The amount and ids a row was inserted with never change.
class OrderStore
{
public:
    OrderStore(Database& db, const Clock& clock);

    // Writes a new order and returns its id; createdAt defaults to the clock's now. Input ORDER_INVALID for a
    // row without profile, out_trade_no or a valid amount; Storage DUPLICATE when the profile already has
    // this out_trade_no.
    Result<qint64> insert(const OrderRecord& order);

    // Records what WeChat reported about an order, found by out_trade_no (or by transaction_id when the report
    // has none): state, description, trade type, payer total, openid, paid time; stamps lastConfirmedAt and
    // clears lastError. Storage NOT_FOUND for an unknown order; TRANSACTION_ID_CONFLICT when the order is
    // already linked to a different transaction_id.
    Status applyTransaction(const QString& profileId, const Transaction& transaction);
    Status setPayerUnionId(const QString& profileId, const QString& outTradeNo, const QString& unionid);
    // Keeps the last failure's one-line description (Error::toString(): codes and messages, never secrets).
    Status recordError(const QString& profileId, const QString& outTradeNo, const Error& error);

    Result<std::optional<OrderRecord>> findByOutTradeNo(const QString& profileId, const QString& outTradeNo) const;
    Result<std::optional<OrderRecord>> findByTransactionId(const QString& transactionId) const;

    // One page of matches; page.next continues the search.
    Result<OrderPage> search(const OrderQuery& query, const std::optional<OrderCursor>& after = {}) const;
    Result<qint64> count(const OrderQuery& query) const;
    // SQLite's EXPLAIN QUERY PLAN for the search statement, one line per step, indented two spaces per level
    // (for diagnostics and tests).
    Result<QStringList> explainSearch(const OrderQuery& query, const std::optional<OrderCursor>& after = {}) const;

    // Writes every match as CSV (see CsvWriter) with a header row, page by page in the query's sort order; amounts
    // as decimal text, times as ISO 8601 UTC. Returns the number of orders written. Storage EXPORT_FAILED when
    // the device refuses data.
    Result<qint64> exportCsv(const OrderQuery& query, QIODevice& device) const;

private:
    Result<std::optional<OrderRecord>> findOne(const QString& condition, const QVariantList& values) const;

    Database& m_db;
    const Clock& m_clock;
};

} // namespace wxpay::storage
