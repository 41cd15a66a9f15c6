// wxpay-cli order query|close|reverse: one order at WeChat Pay, by transaction_id or out_trade_no. Every answer is
// recorded in the history (OrderLookup); close and reverse run OrderAction, which looks the order up first and after.

#include "cli.h"
#include "commands.h"
#include "exitcodes.h"
#include "format.h"
#include "workflows/orderaction.h"
#include "workflows/orderlookup.h"

namespace wxpay::cli {

using workflows::OrderAction;
using workflows::OrderLookup;

namespace {

QString orderHelp()
{
    return Tr::tr("Usage: wxpay-cli order <query|close|reverse> (--transaction-id ID | --out-trade-no NO) [options]\n"
                  "\n"
                  "  order query     ask WeChat Pay where the order stands (an order made elsewhere is added to the "
                  "history)\n"
                  "  order close     close an unpaid order (a Native order the customer should no longer pay)\n"
                  "  order reverse   reverse (cancel) a Quick Pay order of today: an unpaid one is cancelled, a paid "
                  "one is given back\n"
                  "\n"
                  "`wxpay-cli order <verb> --help` describes each.\n");
}

struct RefOptions
{
    QCommandLineOption transactionId { QStringLiteral("transaction-id"), Tr::tr("WeChat Pay's id of the order."),
        Tr::tr("id") };
    QCommandLineOption outTradeNo { QStringLiteral("out-trade-no"), Tr::tr("Your order number."), Tr::tr("no") };
};

// Exactly one of the two ids, well-formed.
std::optional<OrderRef> orderRef(Cli& cli, const QCommandLineParser& parser, const RefOptions& options)
{
    const bool byId = parser.isSet(options.transactionId);
    const bool byNo = parser.isSet(options.outTradeNo);
    if (byId == byNo) {
        cli.failUsage(Tr::tr("name the order with --transaction-id or --out-trade-no (one of them)"));
        return std::nullopt;
    }
    if (byId) {
        const QString id = parser.value(options.transactionId);
        if (!workflows::isTransactionId(id)) {
            cli.fail(Error::input(QStringLiteral("TRANSACTION_ID_INVALID"),
                Tr::tr("\"%1\" is not a transaction_id (28-32 digits starting with 4)").arg(id)));
            return std::nullopt;
        }
        return OrderRef::byTransactionId(id);
    }
    const QString no = parser.value(options.outTradeNo);
    if (!workflows::isOutTradeNo(no)) {
        cli.fail(Error::input(QStringLiteral("OUT_TRADE_NO_INVALID"),
            Tr::tr("\"%1\" is not an out_trade_no (6-32 of 0-9 A-Z a-z _ - | *)").arg(no)));
        return std::nullopt;
    }
    return OrderRef::byOutTradeNo(no);
}

void printOutcome(
    Output& out, const Transaction& t, const std::optional<storage::OrderRecord>& record, bool addedToHistory)
{
    out.set(QStringLiteral("transaction"), transactionJson(t));
    if (record)
        out.set(QStringLiteral("history"), orderJson(*record));
    out.set(QStringLiteral("added_to_history"), addedToHistory);
    out.print(tradeStateName(t.state) + (t.stateDescription.isEmpty() ? QString() : u"  " + t.stateDescription));
    out.print(field(QStringLiteral("out_trade_no"), t.outTradeNo));
    if (!t.transactionId.isEmpty())
        out.print(field(QStringLiteral("transaction_id"), t.transactionId));
    if (t.total.isValid())
        out.print(field(QStringLiteral("amount"), t.total.toStringWithCurrency()));
    if (!t.tradeType.isEmpty())
        out.print(field(QStringLiteral("trade_type"), t.tradeType));
    if (!t.openid.isEmpty())
        out.print(field(QStringLiteral("payer_openid"), t.openid));
    if (t.successTime.isValid())
        out.print(field(QStringLiteral("success_time"), localTime(t.successTime)));
    if (addedToHistory)
        out.print(field(QStringLiteral("history"), Tr::tr("added (the order was made elsewhere)")));
}

// Looks the order up and records the answer; `done` gets the outcome (the command has ended when it has no
// transaction).
void lookup(
    Cli& cli, app::MerchantSession& session, const OrderRef& ref, std::function<void(const OrderLookup::Outcome&)> done)
{
    auto* lookup = new OrderLookup(cli.workflowContext(session), &cli);
    QObject::connect(lookup, &OrderLookup::finished, &cli, [&cli, lookup, done](const OrderLookup::Outcome& outcome) {
        lookup->deleteLater();
        if (!outcome.transaction) {
            cli.fail(outcome.error.value_or(Error::protocol(QStringLiteral("NO_ANSWER"), QStringLiteral("no answer"))));
            return;
        }
        done(outcome);
    });
    if (const Status started = lookup->lookup(ref); !started)
        cli.fail(started.error());
}

// How a close or reverse ended, in the CLI's words and exit codes.
void report(Cli& cli, const OrderAction::Outcome& outcome)
{
    using Verdict = OrderAction::Outcome::Result;
    const bool close = outcome.kind == OrderAction::Kind::Close;
    switch (outcome.result) {
    case Verdict::Failed:
        if (outcome.pending)
            cli.out().note(Tr::tr("The outcome is not settled: the journal keeps it, and `wxpay-cli resume --watch` "
                                  "follows it up."));
        cli.fail(outcome.error.value_or(Error::protocol(QStringLiteral("NO_ANSWER"), QStringLiteral("no answer"))));
        return;
    case Verdict::RecallNeeded:
        cli.finish(kExitNotCompleted,
            Tr::tr("WeChat Pay asks to call reverse again: the journal keeps it, and `wxpay-cli resume --watch` "
                   "reverses it again."));
        return;
    case Verdict::NothingToDo:
    case Verdict::Refused:
    case Verdict::Done:
        break;
    }
    if (outcome.afterLookupError) {
        cli.fail(*outcome.afterLookupError);
        return;
    }
    if (outcome.after)
        printOutcome(cli.out(), *outcome.after, outcome.record, false);
    else if (outcome.before)
        printOutcome(cli.out(), *outcome.before, outcome.record, outcome.addedToHistory);
    if (outcome.result == Verdict::Refused && outcome.error)
        cli.fail(*outcome.error);
    else if (outcome.result == Verdict::NothingToDo)
        cli.finish(kExitOk,
            close ? Tr::tr("Nothing to close: the order has ended unpaid.")
                  : Tr::tr("Nothing to reverse: the order has ended unpaid."));
    else
        cli.finish(kExitOk, close ? Tr::tr("Closed.") : Tr::tr("Reversed."));
}

enum class Verb
{
    Query,
    Close,
    Reverse
};

void runVerb(Cli& cli, Verb verb, const QStringList& arguments)
{
    QCommandLineParser parser;
    RefOptions options;
    parser.addOptions({ options.transactionId, options.outTradeNo });
    QString usage;
    QString details;
    switch (verb) {
    case Verb::Query:
        parser.setApplicationDescription(
            Tr::tr("Ask WeChat Pay where an order stands and record the answer in the history (an order made "
                   "elsewhere, e.g. at another till, is added)."));
        usage = QStringLiteral("order query (--transaction-id ID | --out-trade-no NO) [options]");
        details = Tr::tr("Results: 0 with the order's state (SUCCESS, NOTPAY, USERPAYING, CLOSED, REVOKED, REFUND, "
                         "PAYERROR); 5 when WeChat Pay does not know the order (ORDERNOTEXIST).\n");
        break;
    case Verb::Close:
        parser.setApplicationDescription(
            Tr::tr("Close an unpaid order so that it can no longer be paid. The order is looked up first: a paid "
                   "order is not closed (refund it instead), and ORDERPAID on close means it was paid meanwhile."));
        usage = QStringLiteral("order close (--transaction-id ID | --out-trade-no NO) [options]");
        details = Tr::tr("Results: 0 closed (or already closed / ended unpaid); 5 refused, e.g. the order is paid.\n");
        break;
    case Verb::Reverse:
        parser.setApplicationDescription(
            Tr::tr("Reverse (cancel) a Quick Pay order: WeChat Pay cancels an unpaid order and gives the money of a "
                   "paid one back. Only for orders of the last 7 days; for a payment of an earlier day, refund "
                   "instead. The order is looked up first and after."));
        usage = QStringLiteral("order reverse (--transaction-id ID | --out-trade-no NO) [options]");
        details = Tr::tr("Results: 0 reversed; 5 refused (e.g. REVERSE_EXPIRE, or past the reverse window); 8 not "
                         "settled yet (recall, no answer): the journal keeps it and `wxpay-cli resume` follows it "
                         "up.\n");
        break;
    }
    if (!cli.parse(parser, arguments, usage, details))
        return;
    const auto ref = orderRef(cli, parser, options);
    if (!ref)
        return;
    auto profile = cli.selectedProfile();
    if (!profile) {
        cli.fail(profile.error());
        return;
    }
    if (const Status opened = cli.openHistory(); !opened) {
        cli.fail(opened.error());
        return;
    }
    if (verb == Verb::Query) {
        cli.openSession(profile.value(), [&cli, ref = *ref](app::MerchantSession& session) {
            lookup(cli, session, ref, [&cli](const OrderLookup::Outcome& outcome) {
                printOutcome(cli.out(), *outcome.transaction, outcome.record, outcome.addedToHistory);
                if (outcome.error)
                    cli.fail(*outcome.error);
                else
                    cli.finish(kExitOk);
            });
        });
        return;
    }
    // Close and reverse move money: like every such call they run under the history lock, with a journal entry.
    if (const Status locked = cli.lockHistory(); !locked) {
        cli.fail(locked.error());
        return;
    }
    const auto kind = verb == Verb::Close ? OrderAction::Kind::Close : OrderAction::Kind::Reverse;
    cli.openSession(profile.value(), [&cli, kind, ref = *ref](app::MerchantSession& session) {
        auto* action = new OrderAction(cli.workflowContext(session), &cli);
        QObject::connect(action, &OrderAction::finished, &cli, [&cli, action](const OrderAction::Outcome& outcome) {
            action->deleteLater();
            report(cli, outcome);
        });
        if (const Status started = action->start(kind, ref); !started)
            cli.fail(started.error());
    });
}

} // namespace

void runOrder(Cli& cli, const QStringList& arguments)
{
    const QString verb = arguments.value(0);
    if (verb == u"query")
        runVerb(cli, Verb::Query, arguments.mid(1));
    else if (verb == u"close")
        runVerb(cli, Verb::Close, arguments.mid(1));
    else if (verb == u"reverse")
        runVerb(cli, Verb::Reverse, arguments.mid(1));
    else if (verb == u"--help" || verb == u"-h")
        cli.finish(kExitOk, orderHelp());
    else
        cli.failUsage((verb.isEmpty() ? Tr::tr("order wants query, close or reverse")
                                      : Tr::tr("unknown order verb \"%1\"").arg(verb))
            + u"\n\n" + orderHelp());
}

} // namespace wxpay::cli
