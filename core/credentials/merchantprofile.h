#pragma once

// A merchant profile: everything non-secret the console needs to talk to WeChat Pay for one
// merchant. Profiles live in QSettings (ProfileStore); their secrets live in the keychain under
// "<id>/<secret kind>" (CredentialStore).

#include "common/domain.h"
#include "common/result.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace wxpay::credentials {

enum class Region
{
    CN, // api.mch.weixin.qq.com
    HK, // apihk.mch.weixin.qq.com (cross-border / Hong Kong merchants)
};
QString regionName(Region region); // "CN", "HK"
std::optional<Region> regionFromName(QStringView name);

// Where the mini-program access token for getpaidunionid comes from.
enum class TokenSource
{
    StableToken, // POST /cgi-bin/stable_token (default: does not invalidate other holders' tokens)
    CgiBinToken, // GET /cgi-bin/token (invalidates the previous token)
    OperatorSupplied, // pasted by the operator; the console never fetches one
};
QString tokenSourceName(TokenSource source); // "stable_token", "cgi_bin_token", "operator"
std::optional<TokenSource> tokenSourceFromName(QStringView name);

enum class V2SignType
{
    Md5,
    HmacSha256
};
QString v2SignTypeName(V2SignType type); // "MD5", "HMAC-SHA256" (the wire spelling)
std::optional<V2SignType> v2SignTypeFromName(QStringView name);

struct MerchantProfile
{
    QString id; // see isValidProfileId()
    QString displayName;
    ApiFamily family = ApiFamily::V3;
    Region region = Region::CN;
    QUrl baseUrlOverride; // empty: the region's host; set for the sandbox or a loopback simulator

    QString mchid; // sp_mchid in service-provider mode
    QString appid; // sp_appid in service-provider mode
    QString subMchid;
    QString subAppid;

    QString merchantCertificateSerial; // apiclient_cert serial, upper-case hex (set by key import)
    QStringList platformSerials; // trusted platform certificate serials, upper-case hex
    QString publicKeyId; // "PUB_KEY_ID_…" when WeChat Pay's public key is used instead

    QUrl notifyUrl;
    QString defaultCurrency = QStringLiteral("CNY");
    QString deviceId;
    QString storeId;
    V2SignType v2SignType = V2SignType::Md5;

    QString miniProgramAppid;
    TokenSource tokenSource = TokenSource::StableToken;

    bool sandbox = false;

    MerchantIds ids() const { return { mchid, appid, subMchid, subAppid }; }
    // The API host to use: the override when set, else the region's production host.
    QUrl baseUrl() const;

    friend bool operator==(const MerchantProfile&, const MerchantProfile&) = default;
};

// Checks every field; the first problem is returned as an Input error:
//   INVALID_PROFILE_ID, DISPLAY_NAME_EMPTY, INVALID_MCHID, INVALID_APPID, INVALID_SUB_MCHID,
//   INVALID_SUB_APPID, INVALID_SERIAL, INVALID_PLATFORM_SERIAL, INVALID_PUBLIC_KEY_ID, INVALID_URL,
//   INSECURE_URL (http:// to anything but loopback), NOTIFY_URL_QUERY (v3 families), CURRENCY_INVALID,
//   FIELD_TOO_LONG, INVALID_MINIPROGRAM_APPID.
Status validateProfile(const MerchantProfile& profile);

// Field checks shared with the import and edit forms.
bool isValidMchid(QStringView mchid); // 6-20 ASCII digits
bool isValidAppid(QStringView appid); // "wx" + 16 ASCII letters or digits
bool isValidSerial(QStringView serial); // 1-40 upper-case hex digits
bool isValidPublicKeyId(QStringView id); // "PUB_KEY_ID_" + ASCII digits
bool isLoopbackUrl(const QUrl& url); // host is localhost, 127.0.0.0/8 or ::1

} // namespace wxpay::credentials
