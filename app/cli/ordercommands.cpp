// wxpay-cli order query|close|reverse: one order at WeChat Pay, by transaction_id or out_trade_no. Every answer is
// recorded in the history (OrderLookup); close and reverse always look the order up first and again after.

#include "cli.h"
#include "commands.h"
#include "exitcodes.h"
#include "format.h"
#include "workflows/orderlookup.h"

#include <QRegularExpression>

namespace wxpay::cli {

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

bool isOutTradeNo(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Za-z_\\-|*]{6,32}$"));
    return pattern.match(text).hasMatch();
}

bool isTransactionId(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Za-z_\\-]{1,64}$"));
    return pattern.match(text).hasMatch();
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
        if (!isTransactionId(id)) {
            cli.fail(Error::input(QStringLiteral("TRANSACTION_ID_INVALID"),
                Tr::tr("\"%1\" is not a transaction_id (letters and digits)").arg(id)));
            return std::nullopt;
        }
        return OrderRef::byTransactionId(id);
    }
    const QString no = parser.value(options.outTradeNo);
    if (!isOutTradeNo(no)) {
        cli.fail(Error::input(QStringLiteral("OUT_TRADE_NO_INVALID"),
            Tr::tr("\"%1\" is not an out_trade_no (6-32 of 0-9 A-Z a-z _ - | *)").arg(no)));
        return std::nullopt;
    }
    return OrderRef::byOutTradeNo(no);
}

void printOutcome(Output& out, const OrderLookup::Outcome& outcome)
{
    if (!outcome.transaction)
        return;
    const Transaction& t = *outcome.transaction;
    out.set(QStringLiteral("transaction"), transactionJson(t));
    if (outcome.record)
        out.set(QStringLiteral("history"), orderJson(*outcome.record));
    out.set(QStringLiteral("added_to_history"), outcome.addedToHistory);
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
    if (outcome.addedToHistory)
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

void audit(Cli& cli,
    const QString& profileId,
    const QString& action,
    const QString& outTradeNo,
    const gateway::CallInfo& info,
    const QString& detail)
{
    storage::AuditEntry entry;
    entry.actor = cli.actor();
    entry.profileId = profileId;
    entry.action = action;
    entry.outTradeNo = outTradeNo;
    entry.requestId = info.requestId;
    entry.detail = detail;
    if (auto appended = cli.audit().append(entry); !appended)
        cli.out().note(describeError(appended.error()));
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
        details = Tr::tr("Results: 0 reversed; 5 refused (e.g. REVERSE_EXPIRE); 8 WeChat asks to call reverse again "
                         "(recall): run the command again.\n");
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
    cli.openSession(profile.value(), [&cli, verb, ref = *ref](app::MerchantSession& session) {
        lookup(cli, session, ref, [&cli, &session, verb](const OrderLookup::Outcome& before) {
            const Transaction& t = *before.transaction;
            if (verb == Verb::Query) {
                printOutcome(cli.out(), before);
                if (before.error)
                    cli.fail(*before.error);
                else
                    cli.finish(kExitOk);
                return;
            }
            // What the answer already settles: nothing to close or reverse.
            const bool paid = t.state == TradeState::Success || t.state == TradeState::Refund;
            const bool ended
                = t.state == TradeState::Closed || t.state == TradeState::Revoked || t.state == TradeState::PayError;
            if (verb == Verb::Close && (paid || ended)) {
                printOutcome(cli.out(), before);
                if (paid) {
                    cli.fail(Error::business(QStringLiteral("ORDERPAID"),
                        Tr::tr("the order is paid: it cannot be closed (refund it instead)")));
                } else {
                    cli.finish(kExitOk, Tr::tr("Nothing to close: the order has ended unpaid."));
                }
                return;
            }
            if (verb == Verb::Reverse && ended) {
                printOutcome(cli.out(), before);
                cli.finish(kExitOk, Tr::tr("Nothing to reverse: the order has ended unpaid."));
                return;
            }
            const OrderRef target = t.outTradeNo.isEmpty() ? OrderRef::byTransactionId(t.transactionId)
                                                           : OrderRef::byOutTradeNo(t.outTradeNo);
            const QString profileId = session.profile().id;
            const auto after = [&cli, &session, target](const std::optional<Error>& refusal, const QString& done) {
                lookup(cli, session, target, [&cli, refusal, done](const OrderLookup::Outcome& outcome) {
                    printOutcome(cli.out(), outcome);
                    if (refusal)
                        cli.fail(*refusal);
                    else
                        cli.finish(kExitOk, done);
                });
            };
            if (verb == Verb::Close) {
                session.gateway().closeOrder(
                    target, &cli, [&cli, profileId, target, after](Status closed, gateway::CallInfo info) {
                        audit(cli, profileId, QStringLiteral("order.close"), target.outTradeNo, info,
                            closed ? QStringLiteral("closed") : closed.error().toString());
                        if (!closed && closed.error().kind != ErrorKind::Business) {
                            cli.fail(closed.error());
                            return;
                        }
                        const bool alreadyClosed = !closed && closed.error().code == u"ORDERCLOSED";
                        after(closed || alreadyClosed ? std::nullopt : std::optional<Error>(closed.error()),
                            Tr::tr("Closed."));
                    });
                return;
            }
            session.gateway().reverse(
                target, &cli, [&cli, profileId, target, after](Result<ReverseResult> reversed, gateway::CallInfo info) {
                    audit(cli, profileId, QStringLiteral("order.reverse"), target.outTradeNo, info,
                        reversed ? (reversed->recall ? QStringLiteral("recall") : QStringLiteral("reversed"))
                                 : reversed.error().toString());
                    if (reversed && reversed->recall) {
                        cli.finish(kExitNotCompleted,
                            Tr::tr("WeChat Pay asks to call reverse again: run the command again in a few seconds."));
                        return;
                    }
                    if (!reversed && reversed.error().kind != ErrorKind::Business) {
                        cli.fail(reversed.error());
                        return;
                    }
                    const bool alreadyReversed = !reversed && reversed.error().code == u"ORDERREVERSED";
                    after(reversed || alreadyReversed ? std::nullopt : std::optional<Error>(reversed.error()),
                        Tr::tr("Reversed."));
                });
        });
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
