// wxpay-cli refund create|query: the RefundWorkflow and RefundCheck from the command line.

#include "cli.h"
#include "commands.h"
#include "exitcodes.h"
#include "format.h"
#include "workflows/managerpin.h"

#include <QFile>
#include <QJsonArray>
#include <QMetaEnum>

namespace wxpay::cli {

using workflows::RefundCheck;
using workflows::RefundWorkflow;

namespace {

QString refundHelp()
{
    return Tr::tr("Usage: wxpay-cli refund <create|query> [options]\n"
                  "\n"
                  "  refund create --out-trade-no NO --amount AMOUNT [--reason TEXT] [--out-refund-no NO] [--wait]\n"
                  "  refund query (--out-refund-no NO | --out-trade-no NO)\n"
                  "\n"
                  "`wxpay-cli refund <verb> --help` describes each.\n");
}

void printRefund(Output& out, const Refund& r)
{
    out.print(refundStatusName(r.status));
    out.print(field(QStringLiteral("out_refund_no"), r.outRefundNo));
    if (!r.refundId.isEmpty())
        out.print(field(QStringLiteral("refund_id"), r.refundId));
    if (!r.outTradeNo.isEmpty())
        out.print(field(QStringLiteral("out_trade_no"), r.outTradeNo));
    if (r.refund.isValid())
        out.print(field(QStringLiteral("refund"), r.refund.toStringWithCurrency()));
    if (r.total.isValid())
        out.print(field(QStringLiteral("order_total"), r.total.toStringWithCurrency()));
    if (!r.receivedAccount.isEmpty())
        out.print(field(QStringLiteral("received_account"), r.receivedAccount));
    if (r.successTime.isValid())
        out.print(field(QStringLiteral("success_time"), localTime(r.successTime)));
}

Result<QString> readPin(const QString& path)
{
    QFile file;
    const bool opened = path == u"-" ? file.open(stdin, QIODevice::ReadOnly)
                                     : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened)
        return Error::input(QStringLiteral("FILE_UNREADABLE"), Tr::tr("cannot read %1").arg(path));
    return QString::fromUtf8(file.read(64).trimmed());
}

// Checks the manager PIN when the profile has one, then calls `next`.
void checkPin(Cli& cli, const QString& profileId, const QString& pinFile, std::function<void()> next)
{
    cli.keychain().read(profileId, credentials::SecretKind::ManagerPinHash, &cli,
        [&cli, profileId, pinFile, next](Result<QByteArray> stored) {
            if (!stored && stored.error().code == u"NOT_FOUND") {
                next();
                return;
            }
            if (!stored) {
                cli.fail(stored.error());
                return;
            }
            if (pinFile.isEmpty()) {
                cli.fail(Error::input(QStringLiteral("PIN_REQUIRED"),
                    Tr::tr("refunds of profile \"%1\" need the manager PIN: --manager-pin-file FILE (or - for "
                           "standard input)")
                        .arg(profileId)));
                return;
            }
            auto pin = readPin(pinFile);
            if (!pin) {
                cli.fail(pin.error());
                return;
            }
            if (!workflows::ManagerPin::verify(pin.value(), stored.value())) {
                cli.fail(Error::credentials(QStringLiteral("PIN_WRONG"), Tr::tr("the manager PIN is wrong")));
                return;
            }
            next();
        });
}

void runCreate(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Refund an order of the history, fully or in part. The amount is checked against what is still refundable "
        "before anything is sent; the refund row is written first; an unclear answer is retried with the same "
        "out_refund_no, so WeChat Pay never refunds twice. Without --wait the command ends once WeChat Pay accepted "
        "the refund (PROCESSING); `refund query` or `resume` follows it up. An order made elsewhere must be looked "
        "up first (`order query`) to be in the history."));
    const QCommandLineOption outTradeNo(QStringLiteral("out-trade-no"), Tr::tr("The order to refund."), Tr::tr("no"));
    const QCommandLineOption amount(
        QStringLiteral("amount"), Tr::tr("The refund, e.g. 5.00, in the order's currency."), Tr::tr("amount"));
    const QCommandLineOption reason(
        QStringLiteral("reason"), Tr::tr("Shown to the customer (at most 80 characters)."), Tr::tr("text"));
    const QCommandLineOption outRefundNo(
        QStringLiteral("out-refund-no"), Tr::tr("Your refund number (default: a fresh R... number)."), Tr::tr("no"));
    const QCommandLineOption wait(QStringLiteral("wait"),
        Tr::tr("Follow the refund until it succeeds, is closed or is abnormal (can take minutes)."));
    const QCommandLineOption pin(QStringLiteral("manager-pin-file"),
        Tr::tr("The manager PIN, when the profile has one (- for standard input)."), Tr::tr("file"));
    parser.addOptions({ outTradeNo, amount, reason, outRefundNo, wait, pin });
    if (!cli.parse(parser, arguments, QStringLiteral("refund create --out-trade-no NO --amount AMOUNT [options]"),
            Tr::tr("Results: 0 accepted (or succeeded with --wait); 2 refused before sending (not in the history, "
                   "not paid, above the refundable amount); 5 refused by WeChat Pay; 8 closed or abnormal.\n"
                   "Example:\n  wxpay-cli refund create --out-trade-no N20250101103000a1B2c3D4 --amount 5.00 "
                   "--reason \"returned\"\n")))
        return;
    if (!parser.isSet(outTradeNo) || !parser.isSet(amount)) {
        cli.failUsage(Tr::tr("--out-trade-no and --amount are required"));
        return;
    }
    auto profile = cli.selectedProfile();
    if (!profile) {
        cli.fail(profile.error());
        return;
    }
    if (const Status opened = cli.openHistory(); !opened) {
        cli.fail(opened.error());
        return;
    }
    // The amount is in the order's currency: the history knows it.
    auto order = cli.orders().findByOutTradeNo(profile->id, parser.value(outTradeNo));
    if (!order) {
        cli.fail(order.error());
        return;
    }
    if (!order.value()) {
        cli.fail(Error::input(QStringLiteral("ORDER_NOT_IN_HISTORY"),
            Tr::tr("order %1 of profile \"%2\" is not in the history (look it up first: `wxpay-cli order query "
                   "--out-trade-no %1`)")
                .arg(parser.value(outTradeNo), profile->id)));
        return;
    }
    const QString currency = order.value()->amount.currency();
    auto money = Money::parse(parser.value(amount), currency);
    if (!money || money->isZero()) {
        cli.fail(Error::input(QStringLiteral("AMOUNT_INVALID"),
            Tr::tr("\"%1\" is not a refund amount in %2 (e.g. 5.00; above zero)").arg(parser.value(amount), currency)));
        return;
    }
    workflows::RefundStartRequest request;
    request.outTradeNo = parser.value(outTradeNo);
    request.amount = money.value();
    request.reason = parser.value(reason);
    request.outRefundNo = parser.value(outRefundNo);
    const bool follow = parser.isSet(wait);
    if (const Status locked = cli.lockHistory(); !locked) {
        cli.fail(locked.error());
        return;
    }
    checkPin(cli, profile->id, parser.value(pin), [&cli, profile = profile.value(), request, follow] {
        cli.openSession(profile, [&cli, request, follow](app::MerchantSession& session) {
            auto* refund = new RefundWorkflow(cli.workflowContext(session), cli.refundOptions(), &cli);
            const auto report = [&cli](const RefundWorkflow::Outcome& outcome) {
                Output& o = cli.out();
                o.set(QStringLiteral("out_trade_no"), outcome.outTradeNo);
                o.set(QStringLiteral("out_refund_no"), outcome.outRefundNo);
                o.set(QStringLiteral("result"),
                    QString::fromLatin1(
                        QMetaEnum::fromType<RefundWorkflow::Stage>().valueToKey(static_cast<int>(outcome.stage)))
                        .toLower());
                if (outcome.refund)
                    o.set(QStringLiteral("refund"), refundJson(*outcome.refund));
                o.set(QStringLiteral("sends"), outcome.sends);
                o.set(QStringLiteral("queries"), outcome.queries);
                if (outcome.refund)
                    printRefund(o, *outcome.refund);
                else
                    o.print(field(QStringLiteral("out_refund_no"), outcome.outRefundNo));
            };
            QObject::connect(refund, &RefundWorkflow::stageChanged, &cli,
                [&cli, refund, follow, report](RefundWorkflow::Stage stage) {
                    if (stage != RefundWorkflow::Stage::Processing || follow || cli.isFinished())
                        return;
                    RefundWorkflow::Outcome accepted;
                    accepted.stage = stage;
                    accepted.outRefundNo = refund->outRefundNo();
                    report(accepted);
                    cli.finish(kExitOk,
                        Tr::tr("Refund %1 accepted; WeChat Pay is paying it back (`wxpay-cli refund query "
                               "--out-refund-no %1`).")
                            .arg(refund->outRefundNo()));
                });
            QObject::connect(
                refund, &RefundWorkflow::finished, &cli, [&cli, report](const RefundWorkflow::Outcome& outcome) {
                    report(outcome);
                    switch (outcome.stage) {
                    case RefundWorkflow::Stage::Succeeded:
                        cli.finish(kExitOk, Tr::tr("Refunded."));
                        return;
                    case RefundWorkflow::Stage::Processing:
                        cli.finish(kExitOk, Tr::tr("Refund accepted; WeChat Pay is paying it back."));
                        return;
                    case RefundWorkflow::Stage::Closed:
                        cli.finish(kExitNotCompleted, Tr::tr("The refund was closed: nothing was paid back."));
                        return;
                    case RefundWorkflow::Stage::Abnormal:
                        cli.finish(kExitNotCompleted,
                            Tr::tr(
                                "The refund is abnormal: WeChat Pay could not pay it back; handle it at the merchant "
                                "platform."));
                        return;
                    case RefundWorkflow::Stage::Refused:
                        if (outcome.error)
                            cli.fail(*outcome.error, Tr::tr("The refund was refused."));
                        else
                            cli.finish(kExitBusiness, Tr::tr("The refund was refused."));
                        return;
                    default:
                        break;
                    }
                    const QString message
                        = Tr::tr("The refund is not settled; the journal keeps it (`wxpay-cli resume`).");
                    if (outcome.error && outcome.error->kind != ErrorKind::Business
                        && outcome.error->kind != ErrorKind::Input)
                        cli.fail(*outcome.error, message);
                    else
                        cli.finish(kExitNotCompleted, message);
                });
            if (const Status started = refund->start(request); !started)
                cli.fail(started.error());
        });
    });
}

void runQuery(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Ask WeChat Pay where a refund stands, or every refund of an order, and record the answers in the "
               "history."));
    const QCommandLineOption outRefundNo(QStringLiteral("out-refund-no"), Tr::tr("The refund."), Tr::tr("no"));
    const QCommandLineOption outTradeNo(
        QStringLiteral("out-trade-no"), Tr::tr("The order (alone: all its refunds)."), Tr::tr("no"));
    parser.addOptions({ outRefundNo, outTradeNo });
    if (!cli.parse(parser, arguments, QStringLiteral("refund query (--out-refund-no NO | --out-trade-no NO) [options]"),
            Tr::tr("Results: 0 with the refunds' status (PROCESSING, SUCCESS, CLOSED, ABNORMAL); 5 when WeChat Pay "
                   "knows no such refund (REFUNDNOTEXIST).\n")))
        return;
    if (!parser.isSet(outRefundNo) && !parser.isSet(outTradeNo)) {
        cli.failUsage(Tr::tr("name the refund (--out-refund-no) or the order (--out-trade-no)"));
        return;
    }
    auto profile = cli.selectedProfile();
    if (!profile) {
        cli.fail(profile.error());
        return;
    }
    if (const Status opened = cli.openHistory(); !opened) {
        cli.fail(opened.error());
        return;
    }
    const QString refundNo = parser.value(outRefundNo);
    QString tradeNo = parser.value(outTradeNo);
    if (tradeNo.isEmpty()) {
        // The history knows the order of its own refunds: its rows are then reported too.
        auto known = cli.refunds().findByOutRefundNo(profile->id, refundNo);
        if (known && known.value())
            tradeNo = known.value()->outTradeNo;
    }
    cli.openSession(profile.value(), [&cli, refundNo, tradeNo](app::MerchantSession& session) {
        auto* check = new RefundCheck(cli.workflowContext(session), &cli);
        QObject::connect(check, &RefundCheck::finished, &cli, [&cli](const RefundCheck::Outcome& outcome) {
            QJsonArray refunds;
            for (const Refund& refund : outcome.refunds) {
                refunds.append(refundJson(refund));
                printRefund(cli.out(), refund);
            }
            QJsonArray records;
            for (const storage::RefundRecord& record : outcome.records)
                records.append(refundRecordJson(record));
            cli.out().set(QStringLiteral("refunds"), refunds);
            cli.out().set(QStringLiteral("history"), records);
            if (outcome.error) {
                cli.fail(*outcome.error);
                return;
            }
            if (outcome.refunds.isEmpty())
                cli.out().print(Tr::tr("No refunds."));
            cli.finish(kExitOk);
        });
        const Status started = refundNo.isEmpty() ? check->checkOrder(tradeNo) : check->checkRefund(tradeNo, refundNo);
        if (!started)
            cli.fail(started.error());
    });
}

} // namespace

void runRefund(Cli& cli, const QStringList& arguments)
{
    const QString verb = arguments.value(0);
    if (verb == u"create")
        runCreate(cli, arguments.mid(1));
    else if (verb == u"query")
        runQuery(cli, arguments.mid(1));
    else if (verb == u"--help" || verb == u"-h")
        cli.finish(kExitOk, refundHelp());
    else
        cli.failUsage(
            (verb.isEmpty() ? Tr::tr("refund wants create or query") : Tr::tr("unknown refund verb \"%1\"").arg(verb))
            + u"\n\n" + refundHelp());
}

} // namespace wxpay::cli
