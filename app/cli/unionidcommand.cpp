// wxpay-cli unionid: the payer's unionid after a payment (UnionIdLookup).

#include "cli.h"
#include "commands.h"
#include "exitcodes.h"
#include "format.h"
#include "workflows/unionidlookup.h"

namespace wxpay::cli {

using workflows::UnionIdLookup;

void runUnionId(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Look up the payer's unionid after a payment (mini-program getpaidunionid): by openid and transaction_id, or "
        "openid, mch_id and out_trade_no, within 5 minutes of the payment. The access token comes from the profile's "
        "token source (stable_token by default, cached in the keychain), or from --access-token. The unionid is "
        "stored on the order in the history."));
    const QCommandLineOption openid(
        QStringLiteral("openid"), Tr::tr("The payer's openid under the mini-program."), Tr::tr("openid"));
    const QCommandLineOption transactionId(
        QStringLiteral("transaction-id"), Tr::tr("The payment's transaction_id."), Tr::tr("id"));
    const QCommandLineOption mchId(
        QStringLiteral("mch-id"), Tr::tr("The merchant id (with --out-trade-no)."), Tr::tr("mchid"));
    const QCommandLineOption outTradeNo(
        QStringLiteral("out-trade-no"), Tr::tr("The order number (with --mch-id)."), Tr::tr("no"));
    const QCommandLineOption accessToken(QStringLiteral("access-token"),
        Tr::tr("An access token to use as is (never cached or refreshed); needed when the profile's token source is "
               "operator."),
        Tr::tr("token"));
    parser.addOptions({ openid, transactionId, mchId, outTradeNo, accessToken });
    if (!cli.parse(parser, arguments,
            QStringLiteral(
                "unionid --openid OPENID (--transaction-id ID | --mch-id MCHID --out-trade-no NO) [options]"),
            Tr::tr("Results: 0 with the unionid; 5 refused by WeChat (e.g. 89300: no such paid order, or more than 5 "
                   "minutes after the payment; 89002: the mini-program is not bound to an open platform account); 6 "
                   "no AppSecret.\n")))
        return;
    UnionIdLookup::Query query;
    query.openid = parser.value(openid).trimmed();
    query.transactionId = parser.value(transactionId);
    query.mchId = parser.value(mchId);
    query.outTradeNo = parser.value(outTradeNo);
    query.operatorToken = parser.value(accessToken);
    if (query.openid.isEmpty()) {
        cli.failUsage(Tr::tr("--openid is required"));
        return;
    }
    const bool byTransaction = !query.transactionId.isEmpty();
    const bool byOrder = !query.mchId.isEmpty() || !query.outTradeNo.isEmpty();
    if (byTransaction == byOrder || (byOrder && (query.mchId.isEmpty() || query.outTradeNo.isEmpty()))) {
        cli.failUsage(Tr::tr("name the payment with --transaction-id, or with --mch-id and --out-trade-no"));
        return;
    }
    auto profile = cli.selectedProfile();
    if (!profile) {
        cli.fail(profile.error());
        return;
    }
    if (profile->miniProgramAppid.isEmpty()) {
        cli.fail(Error::input(QStringLiteral("MINIPROGRAM_NOT_CONFIGURED"),
            Tr::tr("profile \"%1\" names no mini-program appid (profile add --replace --miniprogram-appid ...)")
                .arg(profile->id)));
        return;
    }
    if (query.operatorToken.isEmpty() && profile->tokenSource == credentials::TokenSource::OperatorSupplied) {
        cli.failUsage(Tr::tr("profile \"%1\" takes access tokens from the operator: --access-token").arg(profile->id));
        return;
    }
    if (const Status opened = cli.openHistory(); !opened) {
        cli.fail(opened.error());
        return;
    }
    cli.openSession(profile.value(), [&cli, query](app::MerchantSession& session) {
        workflows::UnionIdContext context { session.profile(), cli.actor(), session.transport(), cli.keychain(),
            cli.orders(), cli.audit(), cli.clock() };
        auto* lookup = new UnionIdLookup(context, &cli);
        QObject::connect(lookup, &UnionIdLookup::finished, &cli, [&cli](const UnionIdLookup::Outcome& outcome) {
            if (outcome.error) {
                cli.out().set(QStringLiteral("explanation"), outcome.explanation);
                cli.fail(*outcome.error, outcome.explanation);
                return;
            }
            cli.out().set(QStringLiteral("unionid"), outcome.unionid);
            cli.out().set(QStringLiteral("stored_on_order"), outcome.storedOnOrder);
            cli.out().print(outcome.unionid);
            if (outcome.storedOnOrder)
                cli.out().note(Tr::tr("Stored on the order in the history."));
            cli.finish(kExitOk);
        });
        if (const Status started = lookup->lookup(query); !started)
            cli.fail(started.error());
    });
}

} // namespace wxpay::cli
