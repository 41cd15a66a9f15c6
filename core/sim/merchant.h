#pragma once

// The merchants the simulator knows, with every key it needs to check their requests and sign its replies,
// and the JSON form used by `wxpay-sim --merchants FILE` and the state file (PEM text inside the JSON).

#include "common/domain.h"
#include "common/result.h"
#include "crypto/crypto.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace wxpay::sim {

enum class Region
{
    CN, // mainland: api.mch.weixin.qq.com, CNY only
    HK, // cross-border / Hong Kong: apihk, HKD and other currencies, payer pays CNY
};
QString regionName(Region region); // "CN", "HK"
std::optional<Region> regionFromName(QStringView name);

// Private keys are shared, immutable and never copied: a merchant is a value that the front can copy.
using SharedKey = std::shared_ptr<const crypto::PrivateKey>;

struct SimMerchant
{
    QString name; // shown in the sandbox, e.g. "Sandbox v3"
    QString mchid;
    QString appid;
    QString subMchid; // service-provider / institution mode when set: mchid/appid are then sp_mchid/sp_appid
    QString subAppid;
    Region region = Region::CN;
    QList<ApiFamily> families;

    QByteArray apiV2Key; // 32 characters, v2 sign (MD5 / HMAC-SHA256)
    QByteArray apiV3Key; // 32 characters, AEAD for certificates and callbacks

    // The merchant API certificate (apiclient_cert): verifies v3 Authorization and is the v2 TLS client
    // certificate. Its private key is kept so the sandbox can hand a complete profile to the client.
    crypto::Certificate merchantCertificate;
    QString merchantCertificateSerial; // upper-case hex, as in Authorization serial_no
    SharedKey merchantKey;

    // Platform certificate mode: replies signed with this key, Wechatpay-Serial = platformSerial.
    SharedKey platformKey;
    crypto::Certificate platformCertificate;
    QString platformSerial;

    // WeChat Pay public key mode: replies signed with this key, Wechatpay-Serial = publicKeyId.
    QString publicKeyId; // "PUB_KEY_ID_..."
    SharedKey publicKeyIdKey;

    // Mini-program (getpaidunionid) credentials.
    QString miniAppid;
    QString miniAppSecret;
    bool openPlatformBound = true; // false: getpaidunionid answers 89002

    bool isServiceProvider() const { return !subMchid.isEmpty(); }
    bool supports(ApiFamily family) const { return families.contains(family); }
    // The appid payments are made under (sub_appid in service-provider mode when set).
    QString payAppid() const { return subAppid.isEmpty() ? appid : subAppid; }
    // The currency orders default to: CNY in CN, HKD in HK.
    QString defaultCurrency() const;
    // Which key signs v3 replies: the public key id when set, else the platform certificate.
    QString responseSerial() const { return publicKeyId.isEmpty() ? platformSerial : publicKeyId; }
    const crypto::PrivateKey* responseKey() const;

    // Checks the fields every merchant needs (ids, families, key lengths, serials matching certificates).
    Status validate() const;

    QJsonObject toJson() const;
    static Result<SimMerchant> fromJson(const QJsonObject& json);
};

// The sandbox's certificate authority: issues merchant, platform and TLS certificates, and is the trust
// anchor for v2 client certificates.
struct SimAuthority
{
    SharedKey key;
    crypto::Certificate certificate;

    QJsonObject toJson() const;
    static Result<SimAuthority> fromJson(const QJsonObject& json);
};

// The content of a `--merchants` file.
struct MerchantSet
{
    std::optional<SimAuthority> authority;
    QList<SimMerchant> merchants;

    QJsonObject toJson() const; // {"authority": {...}, "merchants": [...]}
    static Result<MerchantSet> fromJson(const QJsonObject& json);
};

} // namespace wxpay::sim
