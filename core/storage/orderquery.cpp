#include "storage/orderquery.h"

#include <QStringBuilder>
#include <QStringList>

namespace wxpay::storage {

namespace {

// The columns of a search row, in the order OrderStore reads them.
constexpr auto kColumns = u"o.id, o.profile_id, o.family, o.out_trade_no, o.transaction_id, o.amount_minor, "
                          u"o.currency, o.payer_total_minor, o.payer_currency, o.trade_type, o.state, o.state_desc, "
                          u"o.payer_openid, o.payer_unionid, o.created_at, o.paid_at, o.last_confirmed_at, o.cashier, "
                          u"o.device_id, o.description, o.attach, o.last_error";

// FTS5's trigram tokenizer cannot match fewer than three characters; shorter text falls back to LIKE.
constexpr qsizetype kTrigramLength = 3;

QString sortColumn(OrderSort sort)
{
    switch (sort) {
    case OrderSort::CreatedAt:
        return QStringLiteral("created_at");
    case OrderSort::Amount:
        return QStringLiteral("amount_minor");
    case OrderSort::OutTradeNo:
        return QStringLiteral("out_trade_no");
    }
    return QStringLiteral("created_at");
}

// The smallest string greater than every string that starts with `prefix`, so that a prefix becomes the range
// [prefix, end) on an indexed column (LIKE 'x%' would not use the index under SQLite's default case folding).
// Text compares as UTF-8 bytes, which orders like code points, so bumping the last code point is enough.
std::optional<QString> prefixEnd(const QString& prefix)
{
    QList<uint> points = prefix.toUcs4();
    while (!points.isEmpty()) {
        uint last = points.takeLast();
        if (last < 0x10FFFF) {
            ++last;
            if (last == 0xD800)
                last = 0xE000; // skip the surrogates, which are not characters
            points.append(last);
            return QString::fromUcs4(reinterpret_cast<const char32_t*>(points.constData()), points.size());
        }
    }
    return std::nullopt;
}

QString escapeLike(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

void addFilters(const OrderQuery& query, bool fullTextSearch, QStringList& where, QVariantList& values)
{
    if (!query.profileId.isEmpty()) {
        where << QStringLiteral("k.profile_id = ?");
        values << query.profileId;
    }
    const QString prefix = query.idPrefix.trimmed();
    if (!prefix.isEmpty()) {
        if (const auto end = prefixEnd(prefix)) {
            where << QStringLiteral("((k.transaction_id >= ? AND k.transaction_id < ?)"
                                    " OR (k.out_trade_no >= ? AND k.out_trade_no < ?))");
            values << prefix << *end << prefix << *end;
        } else {
            where << QStringLiteral("(k.transaction_id >= ? OR k.out_trade_no >= ?)");
            values << prefix << prefix;
        }
    }
    if (query.createdFrom.isValid()) {
        where << QStringLiteral("k.created_at >= ?");
        values << query.createdFrom.toMSecsSinceEpoch();
    }
    if (query.createdBefore.isValid()) {
        where << QStringLiteral("k.created_at < ?");
        values << query.createdBefore.toMSecsSinceEpoch();
    }
    if (!query.states.isEmpty()) {
        QStringList marks;
        QStringList names;
        for (TradeState state : query.states) {
            const QString name = tradeStateName(state);
            if (names.contains(name))
                continue;
            names << name;
            marks << QStringLiteral("?");
            values << name;
        }
        where << u"k.state IN (" % marks.join(u", ") % u')';
    }
    if (!query.currency.isEmpty()) {
        where << QStringLiteral("k.currency = ?");
        values << query.currency;
    }
    if (query.minAmountMinor) {
        where << QStringLiteral("k.amount_minor >= ?");
        values << *query.minAmountMinor;
    }
    if (query.maxAmountMinor) {
        where << QStringLiteral("k.amount_minor <= ?");
        values << *query.maxAmountMinor;
    }
    const QString text = query.text.trimmed();
    if (!text.isEmpty()) {
        if (fullTextSearch && text.toUcs4().size() >= kTrigramLength) {
            // One quoted FTS5 phrase: the text matches as a substring, whatever characters it holds.
            QString phrase = text;
            phrase.replace(u'"', QStringLiteral("\"\""));
            // Without a date range the matches drive the query. With one, the unary + keeps SQLite from fetching
            // every match (a common word is in a tenth of all orders) and has it walk the range in the
            // covering created_at index, probing the matches' ids instead.
            const bool dateRange = query.createdFrom.isValid() || query.createdBefore.isValid();
            where << (dateRange ? QStringLiteral("+k.id IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH ?)")
                                : QStringLiteral("k.id IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH ?)"));
            values << QString(u'"' % phrase % u'"');
        } else {
            where << QStringLiteral("k.description LIKE ? ESCAPE '\\'");
            values << QString(u'%' % escapeLike(text) % u'%');
        }
    }
}

QString whereClause(const QStringList& where)
{
    return where.isEmpty() ? QString() : u" WHERE " % where.join(u" AND ");
}

} // namespace

QString detail::orderColumns()
{
    return QString::fromUtf16(kColumns);
}

SqlStatement buildOrderSearch(const OrderQuery& query, const std::optional<OrderCursor>& after, bool fullTextSearch)
{
    QStringList where;
    QVariantList values;
    addFilters(query, fullTextSearch, where, values);

    const QString column = sortColumn(query.sort);
    const bool descending = query.order == Qt::DescendingOrder;
    if (after) {
        // Rows after the cursor in (key, id) order. The first term is a plain range the index can seek to.
        const QString key = u"k." % column;
        const QString cmp = descending ? QStringLiteral("<") : QStringLiteral(">");
        where << key % u' ' % cmp % u"= ? AND (" % key % u' ' % cmp % u" ? OR k.id " % cmp % u" ?)";
        values << after->key << after->key << after->id;
    }
    const QString direction = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    values << qMax(1, query.pageSize) + 1;
    // Two steps: the subquery finds the page's ids in key order, mostly from the indexes alone, and only those
    // rows are read whole. When a plan has to sort (prefix or text matches), it sorts keys, not whole rows.
    return { u"SELECT " % QString::fromUtf16(kColumns)
            % u" FROM orders AS o WHERE o.id IN (SELECT k.id FROM orders AS k" % whereClause(where) % u" ORDER BY k."
            % column % direction % u", k.id" % direction % u" LIMIT ?) ORDER BY o." % column % direction % u", o.id"
            % direction,
        values };
}

SqlStatement buildOrderCount(const OrderQuery& query, bool fullTextSearch)
{
    QStringList where;
    QVariantList values;
    addFilters(query, fullTextSearch, where, values);
    return { u"SELECT count(*) FROM orders AS k" % whereClause(where), values };
}

} // namespace wxpay::storage
