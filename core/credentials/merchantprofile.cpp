#include "credentials/merchantprofile.h"

#include "common/money.h"
#include "credentials/credentialstore.h"

#include <QHostAddress>

#include <array>
#include <utility>

namespace wxpay::credentials {

namespace {

constexpr std::array kRegions { std::pair { Region::CN, u"CN" }, std::pair { Region::HK, u"HK" } };
constexpr std::array kTokenSources {
    std::pair { TokenSource::StableToken, u"stable_token" },
    std::pair { TokenSource::CgiBinToken, u"cgi_bin_token" },
    std::pair { TokenSource::OperatorSupplied, u"operator" },
};
constexpr std::array kSignTypes { std::pair { V2SignType::Md5, u"MD5" },
    std::pair { V2SignType::HmacSha256, u"HMAC-SHA256" } };

// WeChat Pay's limits for device_info / store ids.
constexpr qsizetype kMaxDeviceIdLength = 32;
constexpr qsizetype kMaxStoreIdLength = 32;
constexpr qsizetype kMaxDisplayNameLength = 100;

template<typename Table, typename Value> QString nameOf(const Table& table, Value value)
{
    for (const auto& [v, name] : table) {
        if (v == value)
            return QString::fromUtf16(name);
    }
    return {};
}

template<typename Value, typename Table> std::optional<Value> valueOf(const Table& table, QStringView name)
{
    for (const auto& [v, n] : table) {
        if (name == QStringView(n))
            return v;
    }
    return std::nullopt;
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiAlnum(QChar c)
{
    return isAsciiDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool allOf(QStringView text, bool (*predicate)(QChar))
{
    for (const QChar c : text) {
        if (!predicate(c))
            return false;
    }
    return true;
}

bool isV3Family(ApiFamily family)
{
    return family != ApiFamily::V2;
}

Status checkUrl(const QUrl& url, const QString& what, bool v3)
{
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https" && url.scheme() != u"http"))
        return Error::input(QStringLiteral("INVALID_URL"), what + u" is not a valid http(s) URL: " + url.toString());
    if (url.scheme() == u"http" && !isLoopbackUrl(url)) {
        return Error::input(QStringLiteral("INSECURE_URL"),
            what + u" must use https (plain http only to this computer): " + url.toString());
    }
    if (v3 && url.hasQuery())
        return Error::input(QStringLiteral("NOTIFY_URL_QUERY"), what + u" must not carry a query string");
    return {};
}

} // namespace

QString regionName(Region region)
{
    return nameOf(kRegions, region);
}

std::optional<Region> regionFromName(QStringView name)
{
    return valueOf<Region>(kRegions, name);
}

QString tokenSourceName(TokenSource source)
{
    return nameOf(kTokenSources, source);
}

std::optional<TokenSource> tokenSourceFromName(QStringView name)
{
    return valueOf<TokenSource>(kTokenSources, name);
}

QString v2SignTypeName(V2SignType type)
{
    return nameOf(kSignTypes, type);
}

std::optional<V2SignType> v2SignTypeFromName(QStringView name)
{
    return valueOf<V2SignType>(kSignTypes, name);
}

QUrl MerchantProfile::baseUrl() const
{
    if (!baseUrlOverride.isEmpty())
        return baseUrlOverride;
    return region == Region::HK ? QUrl(QStringLiteral("https://apihk.mch.weixin.qq.com"))
                                : QUrl(QStringLiteral("https://api.mch.weixin.qq.com"));
}

bool isValidMchid(QStringView mchid)
{
    return mchid.size() >= 6 && mchid.size() <= 20 && allOf(mchid, isAsciiDigit);
}

bool isValidAppid(QStringView appid)
{
    return appid.size() == 18 && appid.startsWith(u"wx") && allOf(appid.mid(2), isAsciiAlnum);
}

bool isValidSerial(QStringView serial)
{
    return !serial.isEmpty() && serial.size() <= 40
        && allOf(serial, [](QChar c) { return isAsciiDigit(c) || (c >= u'A' && c <= u'F'); });
}

bool isValidPublicKeyId(QStringView id)
{
    const QStringView prefix = u"PUB_KEY_ID_";
    return id.size() > prefix.size() && id.startsWith(prefix) && allOf(id.mid(prefix.size()), isAsciiDigit);
}

bool isLoopbackUrl(const QUrl& url)
{
    const QString host = url.host();
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Status validateProfile(const MerchantProfile& p)
{
    const auto fail
        = [](const char* code, const QString& message) { return Error::input(QString::fromLatin1(code), message); };
    if (!isValidProfileId(p.id))
        return fail("INVALID_PROFILE_ID", u"profile id must be 1-64 of a-z, 0-9, '-' and '_': \"" + p.id + u'"');
    if (p.displayName.trimmed().isEmpty())
        return fail("DISPLAY_NAME_EMPTY", QStringLiteral("the profile needs a name"));
    if (p.displayName.size() > kMaxDisplayNameLength)
        return fail("FIELD_TOO_LONG", QStringLiteral("the profile name is longer than 100 characters"));
    if (!isValidMchid(p.mchid))
        return fail("INVALID_MCHID", u"mchid must be 6-20 digits: \"" + p.mchid + u'"');
    if (!isValidAppid(p.appid))
        return fail("INVALID_APPID", u"appid must be \"wx\" followed by 16 letters or digits: \"" + p.appid + u'"');
    if (!p.subMchid.isEmpty() && !isValidMchid(p.subMchid))
        return fail("INVALID_SUB_MCHID", u"sub_mchid must be 6-20 digits: \"" + p.subMchid + u'"');
    if (!p.subAppid.isEmpty() && !isValidAppid(p.subAppid)) {
        return fail(
            "INVALID_SUB_APPID", u"sub_appid must be \"wx\" followed by 16 letters or digits: \"" + p.subAppid + u'"');
    }
    if (!p.subAppid.isEmpty() && p.subMchid.isEmpty())
        return fail("INVALID_SUB_APPID", QStringLiteral("sub_appid needs a sub_mchid"));
    if (!p.merchantCertificateSerial.isEmpty() && !isValidSerial(p.merchantCertificateSerial)) {
        return fail("INVALID_SERIAL",
            u"the merchant certificate serial must be upper-case hex: \"" + p.merchantCertificateSerial + u'"');
    }
    for (const QString& serial : p.platformSerials) {
        if (!isValidSerial(serial))
            return fail("INVALID_PLATFORM_SERIAL", u"a platform serial must be upper-case hex: \"" + serial + u'"');
    }
    if (!p.publicKeyId.isEmpty() && !isValidPublicKeyId(p.publicKeyId)) {
        return fail("INVALID_PUBLIC_KEY_ID",
            u"the public key id must be PUB_KEY_ID_ followed by digits: \"" + p.publicKeyId + u'"');
    }
    if (!p.baseUrlOverride.isEmpty()) {
        if (const Status s = checkUrl(p.baseUrlOverride, QStringLiteral("the API base URL"), false); !s)
            return s;
    }
    if (!p.notifyUrl.isEmpty()) {
        if (const Status s = checkUrl(p.notifyUrl, QStringLiteral("the notify URL"), isV3Family(p.family)); !s)
            return s;
    }
    if (!Money::isValidCurrency(p.defaultCurrency))
        return fail("CURRENCY_INVALID", u"not an ISO 4217 currency code: \"" + p.defaultCurrency + u'"');
    if (p.deviceId.size() > kMaxDeviceIdLength)
        return fail("FIELD_TOO_LONG", QStringLiteral("the device id is longer than 32 characters"));
    if (p.storeId.size() > kMaxStoreIdLength)
        return fail("FIELD_TOO_LONG", QStringLiteral("the store id is longer than 32 characters"));
    if (!p.miniProgramAppid.isEmpty() && !isValidAppid(p.miniProgramAppid)) {
        return fail("INVALID_MINIPROGRAM_APPID",
            u"the mini-program appid must be \"wx\" followed by 16 letters or "
            u"digits: \""
                + p.miniProgramAppid + u'"');
    }
    return {};
}

} // namespace wxpay::credentials
