// The mini-program server API of api.weixin.qq.com: GET /cgi-bin/token, POST /cgi-bin/stable_token and
// GET /wxa/getpaidunionid. Every answer is HTTP 200 JSON; failures carry {"errcode": N, "errmsg": "..."}
// (40002 for a grant_type other than client_credential, 41001 without access_token, the engine's codes
// otherwise). Nothing is signed here, so signature faults answer normally; "busy" and "unsignederror" are
// errcode -1, "business=N" is errcode N (a WeChat Pay code name, having no errcode, is -1 too).

#include "protocol/v3/json.h"
#include "sim/front.h"

#include <QJsonDocument>

namespace wxpay::sim::front {

namespace {

QLatin1String key(const char* name)
{
    return QLatin1String(name);
}

QJsonObject errcode(Outcome& outcome, int code, const QString& message)
{
    outcome.code = QString::number(code);
    return { { key("errcode"), code }, { key("errmsg"), message } };
}

QJsonObject fromError(Outcome& outcome, const Error& error)
{
    bool numeric = false;
    const int code = error.code.toInt(&numeric);
    if (error.kind != ErrorKind::Business || !numeric)
        return errcode(outcome, -1, QStringLiteral("system error"));
    return errcode(outcome, code, error.message);
}

QJsonObject tokenJson(const AccessToken& token, const QDateTime& now)
{
    return { { key("access_token"), token.token }, { key("expires_in"), now.secsTo(token.expiresAt) } };
}

} // namespace

std::optional<Outcome> handleMiniProgram(Context& context, const Request& request)
{
    std::optional<Operation> operation;
    if (request.path == u"/cgi-bin/token" && request.method == "GET")
        operation = Operation::Token;
    else if (request.path == u"/cgi-bin/stable_token" && request.method == "POST")
        operation = Operation::StableToken;
    else if (request.path == u"/wxa/getpaidunionid" && request.method == "GET")
        operation = Operation::GetPaidUnionId;
    else
        return std::nullopt;

    Outcome outcome;
    outcome.family = QStringLiteral("miniprogram");
    outcome.operation = operation;
    if (takeFault(context, *operation, outcome) && !faultAppliesRequest(outcome.fault->kind)) {
        if (actOutTransportFault(*outcome.fault, outcome))
            return outcome;
        switch (outcome.fault->kind) {
        case FaultKind::Http500:
            outcome.reply = textReply(500, "text/html", "<html><body><h1>500 Internal Server Error</h1></body></html>");
            break;
        case FaultKind::Http503:
            outcome.reply = textReply(503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>");
            break;
        case FaultKind::Http429:
            outcome.reply = jsonReply(429, errcode(outcome, 45011, QStringLiteral("api minute-quota reach limit")));
            break;
        case FaultKind::Business: {
            // The mini-program API speaks in numeric errcodes; a WeChat Pay style name becomes -1 (system error).
            bool numeric = false;
            const int code = outcome.fault->code.toInt(&numeric);
            outcome.reply = numeric ? jsonReply(200, errcode(outcome, code, QStringLiteral("simulated error")))
                                    : jsonReply(200, errcode(outcome, -1, QStringLiteral("system error")));
            break;
        }
        default: // busy; unsignederror too: nothing here is signed
            outcome.reply = jsonReply(200, errcode(outcome, -1, QStringLiteral("system error")));
            break;
        }
        return outcome;
    }

    SimEngine& engine = context.engine;
    const QDateTime now = engine.clock().now();
    QJsonObject reply;
    outcome.reachedEngine = true;
    if (*operation == Operation::Token) {
        if (request.queryValue(QStringLiteral("grant_type")) != u"client_credential") {
            reply = errcode(outcome, 40002, QStringLiteral("invalid grant_type"));
        } else {
            const auto token = engine.issueAccessToken(
                request.queryValue(QStringLiteral("appid")), request.queryValue(QStringLiteral("secret")));
            reply = token ? tokenJson(token.value(), now) : fromError(outcome, token.error());
        }
    } else if (*operation == Operation::StableToken) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        if (body.value(key("grant_type")).toString() != u"client_credential") {
            reply = errcode(outcome, 40002, QStringLiteral("invalid grant_type"));
        } else {
            const auto token = engine.stableAccessToken(body.value(key("appid")).toString(),
                body.value(key("secret")).toString(), body.value(key("force_refresh")).toBool(false));
            reply = token ? tokenJson(token.value(), now) : fromError(outcome, token.error());
        }
    } else {
        PaidUnionIdQuery query;
        query.openid = request.queryValue(QStringLiteral("openid"));
        query.transactionId = request.queryValue(QStringLiteral("transaction_id"));
        query.mchId = request.queryValue(QStringLiteral("mch_id"));
        query.outTradeNo = request.queryValue(QStringLiteral("out_trade_no"));
        const auto unionid = engine.getPaidUnionId(request.queryValue(QStringLiteral("access_token")), query);
        if (unionid) {
            reply = { { key("unionid"), unionid.value() }, { key("errcode"), 0 },
                { key("errmsg"), QStringLiteral("ok") } };
        } else {
            reply = fromError(outcome, unionid.error());
        }
    }

    Reply rendered = jsonReply(200, reply);
    if (outcome.fault && outcome.fault->kind == FaultKind::MalformedBody)
        rendered.body.truncate(rendered.body.size() / 2);
    if (outcome.fault && outcome.fault->kind == FaultKind::OversizedBody) {
        reply.insert(key("sim_padding"), QString::fromLatin1(padding(kOversizedBytes)));
        rendered.body = protocol::v3::compactJson(reply);
    }
    outcome.reply = std::move(rendered);
    if (outcome.fault)
        applyDelivery(*outcome.fault, outcome);
    return outcome;
}

} // namespace wxpay::sim::front
