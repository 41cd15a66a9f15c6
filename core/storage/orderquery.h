#pragma once

#include "common/domain.h"
#include "storage/records.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <optional>

namespace wxpay::storage {

enum class OrderSort
{
    CreatedAt,
    Amount,
    OutTradeNo
};

// A search of the order history. Every filter is optional and they combine with AND. Results come in pages
// (keyset paging: each page continues after the previous page's last row), so a view loads only what it shows.
struct OrderQuery
{
    QString profileId; // exact; empty = every profile
    QString idPrefix; // a prefix of transaction_id or of out_trade_no; a whole id finds that order
    QDateTime createdFrom; // inclusive; invalid = unbounded
    QDateTime createdBefore; // exclusive; invalid = unbounded
    QList<TradeState> states; // empty = any state
    QString currency; // exact; empty = any
    std::optional<qint64> minAmountMinor; // inclusive, in minor units (with `currency` to compare like with like)
    std::optional<qint64> maxAmountMinor; // inclusive
    QString text; // a substring of the description (any script; case-insensitive for Latin letters)
    OrderSort sort = OrderSort::CreatedAt;
    Qt::SortOrder order = Qt::DescendingOrder; // ties are broken by id in the same direction
    int pageSize = 100;
};

// Where a page ended: the sort key and id of its last row. Pass it back to get the next page.
struct OrderCursor
{
    QVariant key;
    qint64 id = 0;
};

struct OrderPage
{
    QList<OrderRecord> rows;
    std::optional<OrderCursor> next; // set when more rows follow
};

// SQL text with positional '?' placeholders and their values in order.
struct SqlStatement
{
    QString sql;
    QVariantList values;
};

// The statements OrderStore runs. `fullTextSearch` says whether the orders_fts index exists.
// The search selects the columns OrderStore reads, ordered, limited to pageSize + 1 rows (the extra row tells
// whether another page follows).
SqlStatement buildOrderSearch(const OrderQuery& query, const std::optional<OrderCursor>& after, bool fullTextSearch);
SqlStatement buildOrderCount(const OrderQuery& query, bool fullTextSearch);

namespace detail {
// The columns of an order row as OrderStore reads them ("o.id, o.profile_id, ..."; the table is aliased "o").
QString orderColumns();
} // namespace detail

} // namespace wxpay::storage
