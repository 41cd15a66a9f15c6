// The sandbox's own controls, on the same server (JSON in, JSON out, no authentication: loopback only):
//   POST /sandbox/pay            {"mchid", "sub_mchid"?, "out_trade_no", "openid"?}: the customer scans the
//                                Native code and pays (or types the password of a USERPAYING Quick Pay order)
//                                -> 200 {"out_trade_no", "transaction_id", "trade_state", "openid", "success_time"}
//   POST /sandbox/clock/advance  {"seconds"}: moves the engine's ManualClock (404 NO_MANUAL_CLOCK without one)
//                                -> 200 {"now"}
//   GET  /sandbox/faults         -> 200 {"rules": [...]} (FaultPlan syntax)
//   POST /sandbox/faults         {"rule": "..."} adds a rule, {"clear": true} removes them all -> 200 {"rules"}
// Errors are {"code", "message"}: 400 for a bad request or a refused payment, 404 for an unknown order.

#include "protocol/v3/json.h"
#include "sim/front.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace wxpay::sim::front {

namespace {

QLatin1String key(const char* name)
{
    return QLatin1String(name);
}

Reply failure(Outcome& outcome, int status, const QString& code, const QString& message)
{
    outcome.code = code;
    return jsonReply(status, { { key("code"), code }, { key("message"), message } });
}

QJsonObject rules(const FaultPlan& plan)
{
    return { { key("rules"), plan.toJson() } };
}

Reply pay(Context& context, const QJsonObject& body, Outcome& outcome)
{
    const QString mchid = body.value(key("mchid")).toString();
    const QString outTradeNo = body.value(key("out_trade_no")).toString();
    if (mchid.isEmpty() || outTradeNo.isEmpty())
        return failure(
            outcome, 400, QStringLiteral("PARAM_ERROR"), QStringLiteral("mchid and out_trade_no are required"));
    MerchantIds ids;
    ids.mchid = mchid;
    ids.subMchid = body.value(key("sub_mchid")).toString();
    outcome.mchid = ids.mchid;
    outcome.subMchid = ids.subMchid;
    outcome.reachedEngine = true;
    const auto paid = context.engine.customerPays(ids, outTradeNo, body.value(key("openid")).toString());
    if (!paid) {
        const Error& error = paid.error();
        return failure(outcome, error.code == u"ORDERNOTEXIST" ? 404 : 400, error.code, error.message);
    }
    return jsonReply(200,
        { { key("out_trade_no"), paid->outTradeNo }, { key("transaction_id"), paid->transactionId },
            { key("trade_state"), tradeStateName(paid->state) }, { key("openid"), paid->openid },
            { key("success_time"), protocol::v3::wireTime(paid->successTime) } });
}

Reply advanceClock(Context& context, const QJsonObject& body, Outcome& outcome)
{
    if (!context.manualClock) {
        return failure(outcome, 404, QStringLiteral("NO_MANUAL_CLOCK"),
            QStringLiteral("the simulator runs on the system clock (start it with --manual-clock)"));
    }
    const QJsonValue seconds = body.value(key("seconds"));
    constexpr qint64 kTenYears = 10LL * 366 * 24 * 3600;
    if (!seconds.isDouble() || seconds.toInteger(-1) <= 0 || seconds.toInteger() > kTenYears)
        return failure(
            outcome, 400, QStringLiteral("PARAM_ERROR"), QStringLiteral("seconds must be a positive integer"));
    context.manualClock->advance(std::chrono::seconds(seconds.toInteger()));
    outcome.reachedEngine = true;
    return jsonReply(200, { { key("now"), protocol::v3::wireTime(context.manualClock->now()) } });
}

Reply faults(Context& context, const Request& request, const QJsonObject& body, Outcome& outcome)
{
    FaultPlan& plan = context.engine.faults();
    if (request.method == "GET")
        return jsonReply(200, rules(plan));
    if (body.value(key("clear")).toBool(false)) {
        plan.clear();
    } else {
        auto rule = FaultRule::parse(body.value(key("rule")).toString());
        if (!rule)
            return failure(outcome, 400, rule.error().code, rule.error().message);
        plan.add(std::move(rule).value());
    }
    outcome.reachedEngine = true;
    return jsonReply(200, rules(plan));
}

} // namespace

std::optional<Outcome> handleSandbox(Context& context, const Request& request)
{
    if (!request.path.startsWith(u"/sandbox/"))
        return std::nullopt;
    Outcome outcome;
    outcome.family = QStringLiteral("sandbox");
    QJsonObject body;
    if (request.method == "POST") {
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        if (!document.isObject()) {
            outcome.reply = failure(
                outcome, 400, QStringLiteral("PARAM_ERROR"), QStringLiteral("the body must be a JSON object"));
            return outcome;
        }
        body = document.object();
    }
    if (request.path == u"/sandbox/pay" && request.method == "POST")
        outcome.reply = pay(context, body, outcome);
    else if (request.path == u"/sandbox/clock/advance" && request.method == "POST")
        outcome.reply = advanceClock(context, body, outcome);
    else if (request.path == u"/sandbox/faults" && (request.method == "POST" || request.method == "GET"))
        outcome.reply = faults(context, request, body, outcome);
    else
        outcome.reply = failure(outcome, 404, QStringLiteral("NOT_FOUND"), QStringLiteral("no such sandbox control"));
    return outcome;
}

} // namespace wxpay::sim::front
