// wxpay-cli history search|show|export: the local order history, offline.

#include "cli.h"
#include "commands.h"
#include "exitcodes.h"
#include "format.h"

#include <QFile>
#include <QJsonArray>
#include <QSaveFile>
#include <QTimeZone>

namespace wxpay::cli {

namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 100000;

QString historyHelp()
{
    return Tr::tr("Usage: wxpay-cli history <search|show|export> [options]\n"
                  "\n"
                  "  history search [filters]            orders of the local history, newest first\n"
                  "  history show OUT_TRADE_NO           one order with its refunds and audit trail\n"
                  "  history export FILE.csv [filters]   the matching orders as CSV (UTF-8, Excel-friendly)\n"
                  "\n"
                  "`wxpay-cli history <verb> --help` describes each.\n");
}

struct Filters
{
    QCommandLineOption idPrefix { QStringLiteral("id-prefix"),
        Tr::tr("A prefix of the out_trade_no or transaction_id (a whole id finds that order)."), Tr::tr("text") };
    QCommandLineOption from { QStringLiteral("from"),
        Tr::tr("Created on or after: YYYY-MM-DD (local) or an ISO 8601 time."), Tr::tr("date") };
    QCommandLineOption to { QStringLiteral("to"),
        Tr::tr("Created up to: YYYY-MM-DD (that whole day, local) or an ISO 8601 time (exclusive)."), Tr::tr("date") };
    QCommandLineOption state { QStringLiteral("state"),
        Tr::tr("Trade states, comma-separated: SUCCESS, NOTPAY, USERPAYING, CLOSED, REVOKED, REFUND, PAYERROR."),
        Tr::tr("states") };
    QCommandLineOption min { QStringLiteral("min"), Tr::tr("Smallest amount, e.g. 10.00."), Tr::tr("amount") };
    QCommandLineOption max { QStringLiteral("max"), Tr::tr("Largest amount."), Tr::tr("amount") };
    QCommandLineOption currency { QStringLiteral("currency"),
        Tr::tr("Only this currency (default with --min / --max: the profile's, else CNY)."), Tr::tr("code") };
    QCommandLineOption text { QStringLiteral("text"), Tr::tr("Words of the description."), Tr::tr("text") };
    QCommandLineOption limit { QStringLiteral("limit"),
        Tr::tr("At most this many orders (default %1; export: all).").arg(kDefaultLimit), Tr::tr("n") };
    QCommandLineOption sort { QStringLiteral("sort"), Tr::tr("created (default), amount or out_trade_no."),
        Tr::tr("key") };
    QCommandLineOption ascending { QStringLiteral("ascending"), Tr::tr("Oldest / smallest first.") };

    void addTo(QCommandLineParser& parser) const
    {
        parser.addOptions({ idPrefix, from, to, state, min, max, currency, text, limit, sort, ascending });
    }
};

QString filtersDetails()
{
    return Tr::tr("The global --profile filters by profile here (default: every profile).\n");
}

// A date is a whole local day; anything else must be an ISO 8601 time.
std::optional<QDateTime> parseTime(const QString& text, bool endOfDay)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), QTimeZone::systemTimeZone()).toUTC();
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC();
}

// The query the filters describe; nullopt (and the command has ended) for a bad filter.
std::optional<storage::OrderQuery> buildQuery(Cli& cli, const QCommandLineParser& parser, const Filters& f)
{
    storage::OrderQuery query;
    query.profileId = cli.profileOption();
    query.idPrefix = parser.value(f.idPrefix).trimmed();
    query.text = parser.value(f.text);
    if (parser.isSet(f.from)) {
        const auto time = parseTime(parser.value(f.from), false);
        if (!time) {
            cli.failUsage(Tr::tr("--from wants YYYY-MM-DD or an ISO 8601 time, not \"%1\"").arg(parser.value(f.from)));
            return std::nullopt;
        }
        query.createdFrom = *time;
    }
    if (parser.isSet(f.to)) {
        const auto time = parseTime(parser.value(f.to), true);
        if (!time) {
            cli.failUsage(Tr::tr("--to wants YYYY-MM-DD or an ISO 8601 time, not \"%1\"").arg(parser.value(f.to)));
            return std::nullopt;
        }
        query.createdBefore = *time;
    }
    if (parser.isSet(f.state)) {
        const QStringList names = parser.value(f.state).split(u',', Qt::SkipEmptyParts);
        for (const QString& name : names) {
            const TradeState state = tradeStateFromName(name.trimmed().toUpper());
            if (state == TradeState::Unknown) {
                cli.failUsage(Tr::tr("unknown trade state \"%1\"").arg(name));
                return std::nullopt;
            }
            query.states.append(state);
        }
    }
    QString currency = parser.value(f.currency).toUpper();
    if (currency.isEmpty() && (parser.isSet(f.min) || parser.isSet(f.max))) {
        const QString id = cli.profileOption().isEmpty() ? cli.profiles().currentProfileId() : cli.profileOption();
        auto profile = cli.profiles().get(id);
        currency = profile ? profile->defaultCurrency : QStringLiteral("CNY");
    }
    if (!currency.isEmpty() && !Money::isValidCurrency(currency)) {
        cli.failUsage(Tr::tr("\"%1\" is not a currency code").arg(currency));
        return std::nullopt;
    }
    query.currency = currency;
    for (const auto& [option, target] :
        { std::pair { &f.min, &query.minAmountMinor }, { &f.max, &query.maxAmountMinor } }) {
        if (!parser.isSet(*option))
            continue;
        auto amount = Money::parse(parser.value(*option), currency);
        if (!amount) {
            cli.failUsage(Tr::tr("\"%1\" is not an amount in %2").arg(parser.value(*option), currency));
            return std::nullopt;
        }
        *target = amount->minorUnits();
    }
    if (parser.isSet(f.sort)) {
        const QString key = parser.value(f.sort);
        if (key == u"created")
            query.sort = storage::OrderSort::CreatedAt;
        else if (key == u"amount")
            query.sort = storage::OrderSort::Amount;
        else if (key == u"out_trade_no")
            query.sort = storage::OrderSort::OutTradeNo;
        else {
            cli.failUsage(Tr::tr("--sort wants created, amount or out_trade_no"));
            return std::nullopt;
        }
    }
    query.order = parser.isSet(f.ascending) ? Qt::AscendingOrder : Qt::DescendingOrder;
    return query;
}

std::optional<int> parseLimit(Cli& cli, const QCommandLineParser& parser, const Filters& f, int fallback)
{
    if (!parser.isSet(f.limit))
        return fallback;
    bool ok = false;
    const int limit = parser.value(f.limit).toInt(&ok);
    if (!ok || limit < 1 || limit > kMaxLimit) {
        cli.failUsage(Tr::tr("--limit wants 1 to %1").arg(kMaxLimit));
        return std::nullopt;
    }
    return limit;
}

QString orderLine(const storage::OrderRecord& o)
{
    return QStringLiteral("%1  %2 %3 %4 %5 %6")
        .arg(localTime(o.createdAt))
        .arg(o.outTradeNo, -32)
        .arg(tradeStateName(o.state), -10)
        .arg(o.amount.toStringWithCurrency(), 14)
        .arg(o.profileId, -14)
        .arg(o.description);
}

bool openHistory(Cli& cli)
{
    if (const Status opened = cli.openHistory(); !opened) {
        cli.fail(opened.error());
        return false;
    }
    return true;
}

void runSearch(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Search the local order history (no network)."));
    Filters filters;
    filters.addTo(parser);
    if (!cli.parse(parser, arguments, QStringLiteral("history search [filters] [options]"),
            filtersDetails()
                + Tr::tr("Example:\n  wxpay-cli history search --from 2025-01-01 --state SUCCESS,REFUND --min 10\n")))
        return;
    auto query = buildQuery(cli, parser, filters);
    const auto limit = query ? parseLimit(cli, parser, filters, kDefaultLimit) : std::nullopt;
    if (!query || !limit || !openHistory(cli))
        return;
    query->pageSize = std::min(*limit, 1000);
    QList<storage::OrderRecord> rows;
    std::optional<storage::OrderCursor> cursor;
    bool more = false;
    do {
        auto page = cli.orders().search(*query, cursor);
        if (!page) {
            cli.fail(page.error());
            return;
        }
        for (const storage::OrderRecord& row : page->rows) {
            if (rows.size() == *limit) {
                more = true;
                break;
            }
            rows.append(row);
        }
        cursor = page->next;
        more = more || (rows.size() == *limit && cursor.has_value());
    } while (cursor && rows.size() < *limit);
    auto total = cli.orders().count(*query);
    QJsonArray json;
    for (const storage::OrderRecord& row : std::as_const(rows)) {
        json.append(orderJson(row));
        cli.out().print(orderLine(row));
    }
    cli.out().set(QStringLiteral("orders"), json);
    cli.out().set(QStringLiteral("more"), more);
    if (total)
        cli.out().set(QStringLiteral("total"), total.value());
    if (rows.isEmpty())
        cli.out().print(Tr::tr("No orders match."));
    else if (more && total)
        cli.out().print(Tr::tr("(%1 of %2 orders; --limit shows more)").arg(rows.size()).arg(total.value()));
    cli.finish(kExitOk);
}

void runShow(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Show one order of the local history with its refunds and audit trail (no network)."));
    parser.addPositionalArgument(QStringLiteral("ID"), Tr::tr("The out_trade_no (or transaction_id)."));
    if (!cli.parse(parser, arguments, QStringLiteral("history show OUT_TRADE_NO [options]"), filtersDetails()))
        return;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.constFirst().isEmpty()) {
        cli.failUsage(Tr::tr("history show wants one out_trade_no"));
        return;
    }
    if (!openHistory(cli))
        return;
    const QString id = positional.constFirst();
    storage::OrderQuery query;
    query.profileId = cli.profileOption();
    query.idPrefix = id;
    query.pageSize = 20;
    auto page = cli.orders().search(query);
    if (!page) {
        cli.fail(page.error());
        return;
    }
    std::optional<storage::OrderRecord> order;
    for (const storage::OrderRecord& row : page->rows) {
        if (row.outTradeNo == id || row.transactionId == id) {
            order = row;
            break;
        }
    }
    if (!order) {
        cli.fail(Error::input(QStringLiteral("ORDER_NOT_IN_HISTORY"), Tr::tr("no order %1 in the history").arg(id)));
        return;
    }
    auto refunds = cli.refunds().forOrder(order->profileId, order->outTradeNo);
    storage::AuditQuery auditQuery;
    auditQuery.profileId = order->profileId;
    auditQuery.outTradeNo = order->outTradeNo;
    auto trail = cli.audit().list(auditQuery);
    if (!refunds || !trail) {
        cli.fail(!refunds ? refunds.error() : trail.error());
        return;
    }
    Output& out = cli.out();
    out.set(QStringLiteral("order"), orderJson(*order));
    const QJsonObject fields = orderJson(*order);
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        out.print(field(it.key(), it->isString() ? it->toString() : QString::number(it->toInteger())));
    QJsonArray refundArray;
    for (const storage::RefundRecord& refund : refunds.value()) {
        refundArray.append(refundRecordJson(refund));
        out.print(Tr::tr("refund %1: %2 %3%4")
                      .arg(refund.outRefundNo, refund.amount.toStringWithCurrency(), refundStatusName(refund.status),
                          refund.reason.isEmpty() ? QString() : u"  (" + refund.reason + u')'));
    }
    out.set(QStringLiteral("refunds"), refundArray);
    QJsonArray auditArray;
    QList<storage::AuditEntry> entries = trail.value();
    std::reverse(entries.begin(), entries.end()); // oldest first reads like a story
    for (const storage::AuditEntry& entry : std::as_const(entries)) {
        auditArray.append(auditJson(entry));
        out.print(QStringLiteral("  %1  %2 %3 %4").arg(localTime(entry.at), entry.actor, entry.action, entry.detail));
    }
    out.set(QStringLiteral("audit"), auditArray);
    cli.finish(kExitOk);
}

void runExport(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Export the matching orders of the local history as CSV: UTF-8 with a byte order mark (Excel reads Chinese "
        "correctly), amounts as decimal text, times as ISO 8601 UTC. FILE - writes to standard output."));
    Filters filters;
    filters.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("The CSV file to write (replaced atomically)."));
    if (!cli.parse(parser, arguments, QStringLiteral("history export FILE.csv [filters] [options]"), filtersDetails()))
        return;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        cli.failUsage(Tr::tr("history export wants one file name"));
        return;
    }
    const QString path = positional.constFirst();
    if (path == u"-" && cli.out().isJson()) {
        cli.failUsage(Tr::tr("--json and FILE - both want standard output"));
        return;
    }
    auto query = buildQuery(cli, parser, filters);
    if (!query || !openHistory(cli))
        return;
    if (parser.isSet(filters.limit)) {
        cli.failUsage(Tr::tr("history export writes every match: --limit is for search"));
        return;
    }
    Result<qint64> written = qint64(0);
    if (path == u"-") {
        QFile output;
        if (!output.open(stdout, QIODevice::WriteOnly)) {
            cli.fail(Error::storage(QStringLiteral("EXPORT_FAILED"), Tr::tr("cannot write standard output")));
            return;
        }
        written = cli.orders().exportCsv(*query, output);
    } else {
        QSaveFile output(path);
        if (!output.open(QIODevice::WriteOnly)) {
            cli.fail(Error::storage(
                QStringLiteral("EXPORT_FAILED"), Tr::tr("cannot write %1: %2").arg(path, output.errorString())));
            return;
        }
        written = cli.orders().exportCsv(*query, output);
        if (written && !output.commit()) {
            cli.fail(Error::storage(
                QStringLiteral("EXPORT_FAILED"), Tr::tr("cannot write %1: %2").arg(path, output.errorString())));
            return;
        }
    }
    if (!written) {
        cli.fail(written.error());
        return;
    }
    cli.out().set(QStringLiteral("file"), path);
    cli.out().set(QStringLiteral("orders"), written.value());
    if (path == u"-")
        cli.finish(kExitOk);
    else
        cli.finish(kExitOk, Tr::tr("%1 orders written to %2").arg(written.value()).arg(path));
}

} // namespace

void runHistory(Cli& cli, const QStringList& arguments)
{
    const QString verb = arguments.value(0);
    if (verb == u"search")
        runSearch(cli, arguments.mid(1));
    else if (verb == u"show")
        runShow(cli, arguments.mid(1));
    else if (verb == u"export")
        runExport(cli, arguments.mid(1));
    else if (verb == u"--help" || verb == u"-h")
        cli.finish(kExitOk, historyHelp());
    else
        cli.failUsage((verb.isEmpty() ? Tr::tr("history wants search, show or export")
                                      : Tr::tr("unknown history verb \"%1\"").arg(verb))
            + u"\n\n" + historyHelp());
}

} // namespace wxpay::cli
