#pragma once

// The mini-program server API the console needs for getpaidunionid: access tokens from
// /cgi-bin/token or /cgi-bin/stable_token, and /wxa/getpaidunionid. Errors arrive as HTTP 200
// with an `errcode`; every non-zero errcode becomes a Business error whose code is the number.

#include "common/clock.h"
#include "common/domain.h"
#include "common/result.h"
#include "protocol/wire.h"

#include <QJsonObject>

namespace wxpay::protocol::miniprogram {

// errcodes a caller acts on.
inline constexpr int kSystemBusy = -1;
inline constexpr int kInvalidCredential = 40001; // bad secret, or a token that is no longer valid
inline constexpr int kInvalidOpenid = 40003;
inline constexpr int kInvalidAccessToken = 40014;
inline constexpr int kAccessTokenExpired = 42001;
inline constexpr int kNoOpenPlatformBinding = 89002;
inline constexpr int kInvalidTrade = 89300;

// True when `error` says the access token is stale: fetch a new one, then retry once.
bool isStaleTokenError(const Error& error);

class MiniProgramCodec
{
public:
    MiniProgramCodec(QString appid, const Clock& clock);

    // GET /cgi-bin/token: a new token that invalidates the previous one (after a short overlap).
    WireRequest token(QByteArrayView appSecret) const;
    // POST /cgi-bin/stable_token: the same token until it nears expiry, unless forceRefresh.
    WireRequest stableToken(QByteArrayView appSecret, bool forceRefresh = false) const;
    Result<AccessToken> parseToken(const WireResponse& response) const;

    // GET /wxa/getpaidunionid by openid + transaction_id, or openid + mch_id + out_trade_no.
    Result<WireRequest> paidUnionId(const QString& accessToken, const PaidUnionIdQuery& query) const;
    Result<QString> parsePaidUnionId(const WireResponse& response) const; // the unionid

private:
    Result<QJsonObject> parseReply(const WireResponse& response) const;

    QString m_appid;
    const Clock& m_clock;
};

} // namespace wxpay::protocol::miniprogram
