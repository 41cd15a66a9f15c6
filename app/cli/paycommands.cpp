// wxpay-cli pay native|quick: the NativeCheckout and QuickPay workflows from the command line.

#include "cli.h"
#include "commands.h"
#include "exitcodes.h"
#include "format.h"
#include "qr/qrcode.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QMetaEnum>
#include <QSaveFile>

namespace wxpay::cli {

using workflows::NativeCheckout;
using workflows::QuickPay;

namespace {

constexpr int kQrModulePixels = 8;

QString payHelp()
{
    return Tr::tr("Usage: wxpay-cli pay <native|quick> [options]\n"
                  "\n"
                  "  pay native --amount AMOUNT [--wait] [--qr-png FILE] [--qr-svg FILE]   a QR code order\n"
                  "  pay quick --amount AMOUNT --auth-code CODE                           Quick Pay (payment code)\n"
                  "\n"
                  "`wxpay-cli pay <verb> --help` describes each.\n");
}

template<typename Enum> QString enumKey(Enum value)
{
    return QString::fromLatin1(QMetaEnum::fromType<Enum>().valueToKey(static_cast<int>(value)));
}

void printTransaction(Output& out, const Transaction& t)
{
    out.print(field(QStringLiteral("out_trade_no"), t.outTradeNo));
    if (!t.transactionId.isEmpty())
        out.print(field(QStringLiteral("transaction_id"), t.transactionId));
    out.print(field(QStringLiteral("trade_state"), tradeStateName(t.state)));
    if (t.total.isValid())
        out.print(field(QStringLiteral("amount"), t.total.toStringWithCurrency()));
    if (t.payerTotal && !(*t.payerTotal == t.total))
        out.print(field(QStringLiteral("payer_total"), t.payerTotal->toStringWithCurrency()));
    if (!t.openid.isEmpty())
        out.print(field(QStringLiteral("payer_openid"), t.openid));
    if (t.successTime.isValid())
        out.print(field(QStringLiteral("success_time"), localTime(t.successTime)));
}

// The options both payment kinds share.
struct PaymentOptions
{
    QCommandLineOption amount { QStringLiteral("amount"),
        Tr::tr("The amount, e.g. 12.50 (in the profile's currency unless --currency)."), Tr::tr("amount") };
    QCommandLineOption currency { QStringLiteral("currency"), Tr::tr("ISO 4217 currency (default: the profile's)."),
        Tr::tr("code") };
    QCommandLineOption description { QStringLiteral("description"),
        Tr::tr("What the customer sees on the receipt (default: the profile's name)."), Tr::tr("text") };
    QCommandLineOption attach { QStringLiteral("attach"), Tr::tr("Merchant data kept with the order."),
        Tr::tr("text") };
    QCommandLineOption mcc { QStringLiteral("mcc"),
        Tr::tr("Merchant category code (Global / HK profiles; the sandbox's default is 5812)."), Tr::tr("code") };
    QCommandLineOption deviceId { QStringLiteral("device-id"), Tr::tr("Device id (default: the profile's)."),
        Tr::tr("id") };

    void addTo(QCommandLineParser& parser) const
    {
        parser.addOptions({ amount, currency, description, attach, mcc, deviceId });
    }
};

struct Prepared
{
    credentials::MerchantProfile profile;
    Money amount;
    QString description;
};

// The profile and the amount, checked before anything else happens.
std::optional<Prepared> prepare(Cli& cli, const QCommandLineParser& parser, const PaymentOptions& options)
{
    if (!parser.isSet(options.amount)) {
        cli.failUsage(Tr::tr("--amount is required"));
        return std::nullopt;
    }
    auto profile = cli.selectedProfile();
    if (!profile) {
        cli.fail(profile.error());
        return std::nullopt;
    }
    const QString currency
        = parser.isSet(options.currency) ? parser.value(options.currency).toUpper() : profile->defaultCurrency;
    auto amount = Money::parse(parser.value(options.amount), currency);
    if (!amount) {
        cli.fail(Error::input(QStringLiteral("AMOUNT_INVALID"),
            Tr::tr("\"%1\" is not an amount in %2 (examples: 12.50, 0.01; above zero, at most %3 decimals)")
                .arg(parser.value(options.amount), currency)
                .arg(Money::exponent(currency))));
        return std::nullopt;
    }
    if (amount->isZero()) {
        cli.fail(Error::input(QStringLiteral("AMOUNT_INVALID"), Tr::tr("the amount must be above zero")));
        return std::nullopt;
    }
    Prepared prepared { profile.value(), amount.value(), parser.value(options.description) };
    if (!parser.isSet(options.description))
        prepared.description = profile->displayName;
    return prepared;
}

// History, lock, session, then `start` with the session; any failure ends the command.
void withSession(
    Cli& cli, const credentials::MerchantProfile& profile, std::function<void(app::MerchantSession&)> start)
{
    if (const Status opened = cli.openHistory(); !opened) {
        cli.fail(opened.error());
        return;
    }
    if (const Status locked = cli.lockHistory(); !locked) {
        cli.fail(locked.error());
        return;
    }
    cli.openSession(profile, [&cli, start = std::move(start)](app::MerchantSession& session) {
        cli.resumeAtStart(session);
        start(session);
    });
}

// False (and the command has ended) when the history cannot be opened or already has the order.
bool checkUnused(Cli& cli, const QString& profileId, const QString& outTradeNo, bool quickPay)
{
    if (const Status opened = cli.openHistory(); !opened) {
        cli.fail(opened.error());
        return false;
    }
    auto existing = cli.orders().findByOutTradeNo(profileId, outTradeNo);
    if (!existing) {
        cli.fail(existing.error());
        return false;
    }
    if (existing.value()) {
        cli.fail(quickPay ? Error::input(QStringLiteral("AUTH_CODE_USED"),
                     Tr::tr("this payment code was already used for order %1 (state %2): ask the customer for a "
                            "new code")
                         .arg(outTradeNo, tradeStateName(existing.value()->state)))
                          : Error::input(QStringLiteral("OUT_TRADE_NO_USED"),
                              Tr::tr("order %1 is already in the history").arg(outTradeNo)));
        return false;
    }
    return true;
}

Status writeFile(const QString& path, const QByteArray& data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        return Error::storage(
            QStringLiteral("FILE_WRITE_FAILED"), Tr::tr("cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}

bool folderExists(const QString& path)
{
    return QFileInfo(path).absoluteDir().exists();
}

void runNative(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Create a Native order and print its code_url (the QR code the customer scans with WeChat). The order row is "
        "written before the request is sent. With --wait, follow the order until it is paid, closed or expired; "
        "Ctrl-C then closes it (query first: a paid order stays paid). Without --wait the order stays open; the next "
        "`wxpay-cli resume` or payment command settles it: it queries the order, and closes it if still unpaid."));
    PaymentOptions common;
    common.addTo(parser);
    const QCommandLineOption outTradeNo(QStringLiteral("out-trade-no"),
        Tr::tr("Your order number, 6-32 of 0-9 A-Z a-z _ - | * (default: a fresh N... number)."), Tr::tr("no"));
    const QCommandLineOption qrPng(
        QStringLiteral("qr-png"), Tr::tr("Write the QR code as a PNG image."), Tr::tr("file"));
    const QCommandLineOption qrSvg(
        QStringLiteral("qr-svg"), Tr::tr("Write the QR code as an SVG image."), Tr::tr("file"));
    const QCommandLineOption wait(QStringLiteral("wait"), Tr::tr("Wait until the order is paid, closed or expired."));
    const QCommandLineOption expires(QStringLiteral("expires-in"),
        Tr::tr("Minutes the code stays payable (6 to 1440, default 120)."), Tr::tr("minutes"));
    parser.addOptions({ outTradeNo, qrPng, qrSvg, wait, expires });
    if (!cli.parse(parser, arguments, QStringLiteral("pay native --amount AMOUNT [options]"),
            Tr::tr("Results: code_url; with --wait the final state (0 paid; 8 closed or expired; 5 refused).\n"
                   "Example:\n  wxpay-cli pay native --amount 12.50 --description \"2 coffees\" --qr-png qr.png "
                   "--wait\n")))
        return;
    auto prepared = prepare(cli, parser, common);
    if (!prepared)
        return;
    workflows::NativeCheckoutRequest request;
    request.outTradeNo = parser.value(outTradeNo);
    request.description = prepared->description;
    request.amount = prepared->amount;
    request.attach = parser.value(common.attach);
    request.deviceId = parser.isSet(common.deviceId) ? parser.value(common.deviceId) : prepared->profile.deviceId;
    request.merchantCategoryCode = parser.value(common.mcc);
    if (const Status valid = NativeCheckout::validate(request); !valid) {
        cli.fail(valid.error());
        return;
    }
    workflows::NativeCheckoutOptions options = cli.nativeOptions();
    if (parser.isSet(expires)) {
        bool ok = false;
        const int minutes = parser.value(expires).toInt(&ok);
        if (!ok || minutes < 6 || minutes > 1440) {
            cli.failUsage(Tr::tr("--expires-in wants 6 to 1440 minutes, not \"%1\"").arg(parser.value(expires)));
            return;
        }
        options.expiry = std::chrono::minutes(minutes);
    }
    for (const QCommandLineOption* option : { &qrPng, &qrSvg }) {
        if (parser.isSet(*option) && !folderExists(parser.value(*option))) {
            cli.failUsage(Tr::tr("no folder for %1").arg(parser.value(*option)));
            return;
        }
    }
    // A number already in the history is refused here, before any request (also those of resuming).
    if (!request.outTradeNo.isEmpty() && !checkUnused(cli, prepared->profile.id, request.outTradeNo, false))
        return;
    const bool waitForPayment = parser.isSet(wait);
    const QString pngPath = parser.value(qrPng);
    const QString svgPath = parser.value(qrSvg);

    withSession(cli, prepared->profile,
        [&cli, request, options, waitForPayment, pngPath, svgPath](app::MerchantSession& session) {
            auto* checkout = new NativeCheckout(cli.workflowContext(session), options, &cli);
            Output& out = cli.out();
            QObject::connect(checkout, &NativeCheckout::codeReady, &cli,
                [&cli, checkout, waitForPayment, pngPath, svgPath](const QString& codeUrl) {
                    Output& o = cli.out();
                    o.set(QStringLiteral("out_trade_no"), checkout->outTradeNo());
                    o.set(QStringLiteral("code_url"), codeUrl);
                    o.set(QStringLiteral("expires_at"), isoTime(checkout->expiresAt()));
                    o.print(codeUrl);
                    o.print(field(QStringLiteral("out_trade_no"), checkout->outTradeNo()));
                    o.print(field(QStringLiteral("expires"), localTime(checkout->expiresAt())));
                    if (!pngPath.isEmpty() || !svgPath.isEmpty()) {
                        auto code = qr::QrCode::encode(codeUrl);
                        if (!code) {
                            cli.fail(code.error());
                            return;
                        }
                        if (!pngPath.isEmpty()) {
                            QByteArray png;
                            QBuffer buffer(&png);
                            buffer.open(QIODevice::WriteOnly);
                            code->toImage(kQrModulePixels).save(&buffer, "PNG");
                            if (const Status written = writeFile(pngPath, png); !written) {
                                cli.fail(written.error());
                                return;
                            }
                            o.set(QStringLiteral("qr_png"), pngPath);
                            o.print(field(QStringLiteral("qr_png"), pngPath));
                        }
                        if (!svgPath.isEmpty()) {
                            if (const Status written = writeFile(svgPath, code->toSvg()); !written) {
                                cli.fail(written.error());
                                return;
                            }
                            o.set(QStringLiteral("qr_svg"), svgPath);
                            o.print(field(QStringLiteral("qr_svg"), svgPath));
                        }
                    }
                    if (!waitForPayment) {
                        o.set(QStringLiteral("result"), QStringLiteral("created"));
                        cli.finish(kExitOk);
                        return;
                    }
                    o.note(Tr::tr("Waiting for the customer to pay (Ctrl-C closes the order)..."));
                });
            QObject::connect(checkout, &NativeCheckout::finished, &cli, [&cli](const NativeCheckout::Outcome& outcome) {
                Output& o = cli.out();
                o.set(QStringLiteral("out_trade_no"), outcome.outTradeNo);
                o.set(QStringLiteral("result"), enumKey(outcome.stage).toLower());
                if (outcome.transaction)
                    o.set(QStringLiteral("transaction"), transactionJson(*outcome.transaction));
                o.set(QStringLiteral("queries"), outcome.queries);
                const auto show = [&](const QString& headline) {
                    o.print(headline);
                    if (outcome.transaction)
                        printTransaction(o, *outcome.transaction);
                };
                switch (outcome.stage) {
                case NativeCheckout::Stage::Paid:
                    show(Tr::tr("Paid."));
                    cli.finish(kExitOk);
                    return;
                case NativeCheckout::Stage::Closed:
                    show(Tr::tr("Closed: the order was not paid."));
                    cli.finish(kExitNotCompleted);
                    return;
                case NativeCheckout::Stage::Expired:
                    show(Tr::tr("Expired: the order was not paid in time."));
                    cli.finish(kExitNotCompleted);
                    return;
                case NativeCheckout::Stage::Refused:
                    if (outcome.error) {
                        cli.fail(*outcome.error, Tr::tr("The order was not created."));
                        return;
                    }
                    cli.finish(kExitBusiness, Tr::tr("The order was not created."));
                    return;
                default:
                    break;
                }
                const QString message
                    = Tr::tr("The order %1 is not settled; the journal keeps it (`wxpay-cli resume`).")
                          .arg(outcome.outTradeNo);
                if (outcome.error)
                    o.set(QStringLiteral("error"), errorJson(*outcome.error));
                o.print(message);
                const int code = unsettledExitCode(outcome.error);
                if (outcome.error && code != kExitNotCompleted)
                    cli.fail(*outcome.error, message);
                else
                    cli.finish(code);
            });
            QObject::connect(checkout, &NativeCheckout::stageChanged, &cli, [&out](NativeCheckout::Stage stage) {
                if (stage == NativeCheckout::Stage::Closing)
                    out.note(Tr::tr("Closing the order..."));
            });
            auto interrupts = std::make_shared<int>(0);
            cli.setInterruptHandler([&cli, checkout, interrupts] {
                if (++*interrupts == 1 && !checkout->isFinished()) {
                    cli.out().note(Tr::tr("Closing the order (Ctrl-C again to stop at once)..."));
                    checkout->close();
                    return;
                }
                cli.finish(kExitNotCompleted,
                    Tr::tr("Stopped; the order stays in the journal: `wxpay-cli resume` settles it."));
            });
            if (const Status started = checkout->start(request); !started)
                cli.fail(started.error());
        });
}

void runQuick(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Take a Quick Pay payment: the customer shows the payment code in WeChat and you scan (or type) its 18 "
        "digits. The order row and a journal entry are written before the payment is sent; an unclear answer is "
        "followed by order queries (about 3, 5, 10, 15, 30 s) and the order is reversed when it stays unclear. The "
        "payment is never sent twice: a code already in the history is refused. Ctrl-C cancels (query, then "
        "reverse unless WeChat reports it paid). Prints the final state."));
    PaymentOptions common;
    common.addTo(parser);
    const QCommandLineOption authCode(QStringLiteral("auth-code"),
        Tr::tr("The customer's payment code: 18 digits starting with 10 to 15."), Tr::tr("digits"));
    const QCommandLineOption operatorId(
        QStringLiteral("operator-id"), Tr::tr("Cashier id sent with the order (Global / HK)."), Tr::tr("id"));
    parser.addOptions({ authCode, operatorId });
    if (!cli.parse(parser, arguments, QStringLiteral("pay quick --amount AMOUNT --auth-code CODE [options]"),
            Tr::tr("Results: 0 paid; 5 declined by WeChat (e.g. NOTENOUGH, AUTHCODEEXPIRE); 8 not paid (reversed, "
                   "failed) or unsettled (the journal keeps it: `wxpay-cli resume`).\n"
                   "Example:\n  wxpay-cli pay quick --amount 0.01 --auth-code 134567890123456789\n")))
        return;
    auto prepared = prepare(cli, parser, common);
    if (!prepared)
        return;
    workflows::QuickPayRequest request;
    request.authCode = parser.value(authCode).trimmed();
    request.amount = prepared->amount;
    request.description = prepared->description;
    request.attach = parser.value(common.attach);
    request.deviceId = parser.isSet(common.deviceId) ? parser.value(common.deviceId) : prepared->profile.deviceId;
    request.operatorId = parser.value(operatorId);
    request.merchantCategoryCode = parser.value(common.mcc);
    if (const Status valid = QuickPay::validate(request); !valid) {
        cli.fail(valid.error());
        return;
    }
    if (!checkUnused(cli, prepared->profile.id, QuickPay::outTradeNoFor(prepared->profile.id, request.authCode), true))
        return;
    withSession(cli, prepared->profile, [&cli, request](app::MerchantSession& session) {
        auto* quickPay = new QuickPay(cli.workflowContext(session), cli.quickPayOptions(), &cli);
        Output& out = cli.out();
        QObject::connect(quickPay, &QuickPay::stageChanged, &cli, [&out](QuickPay::Stage stage, int attempt) {
            switch (stage) {
            case QuickPay::Stage::Submitting:
                out.note(Tr::tr("Sending the payment..."));
                break;
            case QuickPay::Stage::WaitingForPassword:
                out.note(Tr::tr("Waiting for the customer to confirm on the phone..."));
                break;
            case QuickPay::Stage::Checking:
                out.note(Tr::tr("Checking the payment (query %1)...").arg(attempt));
                break;
            case QuickPay::Stage::Cancelling:
                if (attempt > 0)
                    out.note(Tr::tr("Cancelling the payment (reverse %1)...").arg(attempt));
                break;
            default:
                break;
            }
        });
        const QString profileId = session.profile().id;
        QObject::connect(quickPay, &QuickPay::finished, &cli, [&cli, profileId](const QuickPay::Outcome& outcome) {
            Output& o = cli.out();
            o.set(QStringLiteral("out_trade_no"), outcome.outTradeNo);
            o.set(QStringLiteral("queries"), outcome.queries);
            o.set(QStringLiteral("reverses"), outcome.reverses);
            if (outcome.transaction)
                o.set(QStringLiteral("transaction"), transactionJson(*outcome.transaction));
            // The last report before a reverse still says USERPAYING: what the history says now is what counts.
            const auto show = [&](const QString& headline) {
                o.print(headline);
                auto row = cli.orders().findByOutTradeNo(profileId, outcome.outTradeNo);
                if (row && row.value())
                    o.set(QStringLiteral("history"), orderJson(*row.value()));
                if (outcome.transaction && outcome.stage == QuickPay::Stage::Paid) {
                    printTransaction(o, *outcome.transaction);
                    return;
                }
                o.print(field(QStringLiteral("out_trade_no"), outcome.outTradeNo));
                if (row && row.value()) {
                    o.print(field(QStringLiteral("state"), tradeStateName(row.value()->state)));
                    o.print(field(QStringLiteral("amount"), row.value()->amount.toStringWithCurrency()));
                }
            };
            switch (outcome.stage) {
            case QuickPay::Stage::Paid:
                o.set(QStringLiteral("result"), QStringLiteral("paid"));
                o.set(QStringLiteral("refund_suggested"), outcome.refundSuggested);
                show(outcome.refundSuggested
                        ? Tr::tr("Paid. It could no longer be reversed: refund it if the sale is cancelled.")
                        : Tr::tr("Paid."));
                cli.finish(kExitOk);
                return;
            case QuickPay::Stage::NotPaid: {
                o.set(QStringLiteral("result"), QStringLiteral("not_paid"));
                QString reason;
                QString headline;
                int code = kExitNotCompleted;
                switch (outcome.reason) {
                case QuickPay::NotPaidReason::Declined:
                    reason = QStringLiteral("declined");
                    headline = Tr::tr("Not paid: WeChat Pay declined the payment.");
                    code = outcome.error ? exitCodeFor(*outcome.error) : kExitBusiness;
                    break;
                case QuickPay::NotPaidReason::Failed:
                    reason = QStringLiteral("failed");
                    headline = Tr::tr("Not paid: the payment failed.");
                    break;
                case QuickPay::NotPaidReason::NotCreated:
                    reason = QStringLiteral("not_created");
                    headline = Tr::tr("Not paid: WeChat Pay has no such order.");
                    break;
                case QuickPay::NotPaidReason::Reversed:
                    reason = QStringLiteral("reversed");
                    headline = Tr::tr("Not paid: the payment was reversed (cancelled).");
                    break;
                case QuickPay::NotPaidReason::NotSent:
                    reason = QStringLiteral("not_sent");
                    headline = Tr::tr("Not paid: the payment could not be sent.");
                    code = outcome.error ? exitCodeFor(*outcome.error) : kExitNotCompleted;
                    break;
                case QuickPay::NotPaidReason::None:
                    break;
                }
                o.set(QStringLiteral("reason"), reason);
                show(headline);
                if (outcome.error && code != kExitNotCompleted)
                    cli.fail(*outcome.error);
                else
                    cli.finish(code);
                return;
            }
            default:
                break;
            }
            o.set(QStringLiteral("result"), QStringLiteral("needs_attention"));
            show(Tr::tr("Needs attention: the outcome is not settled; the journal keeps it (`wxpay-cli resume "
                        "--watch` follows it up)."));
            if (outcome.error)
                o.set(QStringLiteral("error"), errorJson(*outcome.error));
            const int code = unsettledExitCode(outcome.error);
            if (outcome.error && code != kExitNotCompleted)
                cli.fail(*outcome.error);
            else
                cli.finish(code, outcome.error ? describeError(*outcome.error) : QString());
        });
        auto interrupts = std::make_shared<int>(0);
        cli.setInterruptHandler([&cli, quickPay, interrupts] {
            if (++*interrupts == 1 && !quickPay->isFinished()) {
                cli.out().note(Tr::tr("Cancelling the payment (Ctrl-C again to stop at once)..."));
                quickPay->cancel();
                return;
            }
            cli.finish(
                kExitNotCompleted, Tr::tr("Stopped; the payment stays in the journal: `wxpay-cli resume` settles it."));
        });
        if (const Status started = quickPay->start(request); !started)
            cli.fail(started.error());
    });
}

} // namespace

void runPay(Cli& cli, const QStringList& arguments)
{
    const QString verb = arguments.value(0);
    if (verb == u"native")
        runNative(cli, arguments.mid(1));
    else if (verb == u"quick")
        runQuick(cli, arguments.mid(1));
    else if (verb == u"--help" || verb == u"-h")
        cli.finish(kExitOk, payHelp());
    else
        cli.failUsage(
            (verb.isEmpty() ? Tr::tr("pay wants native or quick") : Tr::tr("unknown pay verb \"%1\"").arg(verb))
            + u"\n\n" + payHelp());
}

} // namespace wxpay::cli
