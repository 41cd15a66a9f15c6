#include "protocol/miniprogram/miniprogram.h"

#include "protocol/log.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QUrl>

namespace wxpay::protocol::miniprogram {

namespace {

// Tokens are at least 512 characters per the platform's advice; anything absurdly larger is not a token.
constexpr qsizetype kMaxReplyBytes = 64 * 1024;

QString pathWithQuery(const QString& path, const QList<std::pair<QString, QString>>& items)
{
    QByteArray query;
    for (const auto& [key, value] : items) {
        if (!query.isEmpty())
            query += '&';
        query += key.toLatin1() + '=' + QUrl::toPercentEncoding(value);
    }
    return path + u'?' + QString::fromLatin1(query);
}

} // namespace

bool isStaleTokenError(const Error& error)
{
    if (error.kind != ErrorKind::Business)
        return false;
    const int code = error.code.toInt();
    return code == kInvalidCredential || code == kInvalidAccessToken || code == kAccessTokenExpired;
}

MiniProgramCodec::MiniProgramCodec(QString appid, const Clock& clock) : m_appid(std::move(appid)), m_clock(clock)
{ }

WireRequest MiniProgramCodec::token(QByteArrayView appSecret) const
{
    WireRequest request;
    request.method = "GET";
    request.endpoint = Endpoint::MiniProgram;
    request.pathAndQuery = pathWithQuery(QStringLiteral("/cgi-bin/token"),
        { { QStringLiteral("grant_type"), QStringLiteral("client_credential") }, { QStringLiteral("appid"), m_appid },
            { QStringLiteral("secret"), QString::fromUtf8(appSecret) } });
    request.headers = { { "Accept", "application/json" } };
    return request;
}

WireRequest MiniProgramCodec::stableToken(QByteArrayView appSecret, bool forceRefresh) const
{
    const QJsonObject body { { QStringLiteral("grant_type"), QStringLiteral("client_credential") },
        { QStringLiteral("appid"), m_appid }, { QStringLiteral("secret"), QString::fromUtf8(appSecret) },
        { QStringLiteral("force_refresh"), forceRefresh } };
    WireRequest request;
    request.method = "POST";
    request.endpoint = Endpoint::MiniProgram;
    request.pathAndQuery = QStringLiteral("/cgi-bin/stable_token");
    request.headers = { { "Accept", "application/json" }, { "Content-Type", "application/json" } };
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

Result<QJsonObject> MiniProgramCodec::parseReply(const WireResponse& response) const
{
    if (response.status != 200)
        return Error::http(response.status, QString::fromUtf8(response.body.left(200)));
    if (response.body.size() > kMaxReplyBytes)
        return Error::protocol(QStringLiteral("BODY_TOO_LARGE"), QStringLiteral("mini-program reply is too large"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::protocol(QStringLiteral("JSON_MALFORMED"), parseError.errorString());
    const QJsonObject object = document.object();
    const int errcode = object.value(QStringLiteral("errcode")).toInt(0);
    if (errcode != 0) {
        qCInfo(lcProtocol) << "mini-program errcode" << errcode;
        return Error::business(QString::number(errcode), object.value(QStringLiteral("errmsg")).toString());
    }
    return object;
}

Result<AccessToken> MiniProgramCodec::parseToken(const WireResponse& response) const
{
    const auto reply = parseReply(response);
    if (!reply)
        return reply.error();
    const QString token = reply->value(QStringLiteral("access_token")).toString();
    const qint64 expiresIn = reply->value(QStringLiteral("expires_in")).toInteger(0);
    if (token.isEmpty() || expiresIn <= 0)
        return Error::protocol(QStringLiteral("TOKEN_MISSING"), QStringLiteral("reply has no access_token/expires_in"));
    return AccessToken { token, m_clock.now().addSecs(expiresIn) };
}

Result<WireRequest> MiniProgramCodec::paidUnionId(const QString& accessToken, const PaidUnionIdQuery& query) const
{
    if (accessToken.isEmpty())
        return Error::input(QStringLiteral("ACCESS_TOKEN_MISSING"), QStringLiteral("no access token"));
    if (query.openid.isEmpty())
        return Error::input(QStringLiteral("OPENID_MISSING"), QStringLiteral("openid is required"));

    QList<std::pair<QString, QString>> items { { QStringLiteral("access_token"), accessToken },
        { QStringLiteral("openid"), query.openid } };
    if (!query.transactionId.isEmpty()) {
        items.append({ QStringLiteral("transaction_id"), query.transactionId });
    } else if (!query.mchId.isEmpty() && !query.outTradeNo.isEmpty()) {
        items.append({ QStringLiteral("mch_id"), query.mchId });
        items.append({ QStringLiteral("out_trade_no"), query.outTradeNo });
    } else {
        return Error::input(
            QStringLiteral("ORDER_MISSING"), QStringLiteral("give transaction_id, or mch_id and out_trade_no"));
    }

    WireRequest request;
    request.method = "GET";
    request.endpoint = Endpoint::MiniProgram;
    request.pathAndQuery = pathWithQuery(QStringLiteral("/wxa/getpaidunionid"), items);
    request.headers = { { "Accept", "application/json" } };
    return request;
}

Result<QString> MiniProgramCodec::parsePaidUnionId(const WireResponse& response) const
{
    const auto reply = parseReply(response);
    if (!reply)
        return reply.error();
    const QString unionid = reply->value(QStringLiteral("unionid")).toString();
    if (unionid.isEmpty())
        return Error::protocol(QStringLiteral("UNIONID_MISSING"), QStringLiteral("reply has no unionid"));
    return unionid;
}

} // namespace wxpay::protocol::miniprogram
