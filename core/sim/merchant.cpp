#include "sim/merchant.h"

#include <QJsonArray>
#include <QStringBuilder>

namespace wxpay::sim {

namespace {

Error merchantError(const QString& mchid, const QString& message)
{
    return Error::input(QStringLiteral("SIM_MERCHANT_INVALID"),
        (mchid.isEmpty() ? QStringLiteral("merchant") : u"merchant " % mchid) % u": " % message);
}

QString pemText(const QByteArray& pem)
{
    return QString::fromLatin1(pem);
}

QString keyPem(const SharedKey& key)
{
    return key ? pemText(key->toPem()) : QString();
}

void putIfNotEmpty(QJsonObject& json, const QString& name, const QString& value)
{
    if (!value.isEmpty())
        json.insert(name, value);
}

Result<SharedKey> readKey(const QJsonObject& json, const QString& name)
{
    const QString pem = json.value(name).toString();
    if (pem.isEmpty())
        return SharedKey();
    auto key = crypto::PrivateKey::fromPem(pem.toLatin1());
    if (!key)
        return Error::input(QStringLiteral("SIM_MERCHANT_INVALID"), name % u": " % key.error().message);
    return SharedKey(std::make_shared<const crypto::PrivateKey>(std::move(key).value()));
}

Result<crypto::Certificate> readCertificate(const QJsonObject& json, const QString& name)
{
    const QString pem = json.value(name).toString();
    if (pem.isEmpty())
        return crypto::Certificate();
    auto certificate = crypto::Certificate::fromPem(pem.toLatin1());
    if (!certificate)
        return Error::input(QStringLiteral("SIM_MERCHANT_INVALID"), name % u": " % certificate.error().message);
    return certificate;
}

bool allDigits(QStringView text)
{
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return !text.isEmpty();
}

// A certificate, its serial and its key must agree when present.
Status checkCertificate(const SimMerchant& m,
    const crypto::Certificate& certificate,
    const QString& serial,
    const SharedKey& key,
    const QString& what)
{
    if (certificate.isNull())
        return {};
    if (certificate.serialNumberHex() != serial)
        return merchantError(m.mchid, what % u" serial does not match its certificate");
    if (key && !certificate.matches(*key))
        return merchantError(m.mchid, what % u" key does not belong to its certificate");
    return {};
}

} // namespace

QString regionName(Region region)
{
    return region == Region::HK ? QStringLiteral("HK") : QStringLiteral("CN");
}

std::optional<Region> regionFromName(QStringView name)
{
    if (name == u"CN")
        return Region::CN;
    if (name == u"HK")
        return Region::HK;
    return std::nullopt;
}

QString SimMerchant::defaultCurrency() const
{
    return region == Region::HK ? QStringLiteral("HKD") : QStringLiteral("CNY");
}

const crypto::PrivateKey* SimMerchant::responseKey() const
{
    const SharedKey& key = publicKeyId.isEmpty() ? platformKey : publicKeyIdKey;
    return key.get();
}

Status SimMerchant::validate() const
{
    if (!allDigits(mchid) || mchid.size() > 32)
        return merchantError(mchid, QStringLiteral("mchid must be digits"));
    if (appid.isEmpty())
        return merchantError(mchid, QStringLiteral("appid is missing"));
    if (!subMchid.isEmpty() && !allDigits(subMchid))
        return merchantError(mchid, QStringLiteral("sub_mchid must be digits"));
    if (subMchid.isEmpty() && !subAppid.isEmpty())
        return merchantError(mchid, QStringLiteral("sub_appid needs sub_mchid"));
    if (families.isEmpty())
        return merchantError(mchid, QStringLiteral("no API family"));
    if (supports(ApiFamily::V2) && apiV2Key.size() != 32)
        return merchantError(mchid, QStringLiteral("the APIv2 key must be 32 characters"));
    const bool v3 = supports(ApiFamily::V3) || supports(ApiFamily::Global) || supports(ApiFamily::HkV3);
    if (v3 && apiV3Key.size() != 32)
        return merchantError(mchid, QStringLiteral("the APIv3 key must be 32 characters"));
    if (!publicKeyId.isEmpty() && (!publicKeyId.startsWith(u"PUB_KEY_ID_") || !publicKeyIdKey))
        return merchantError(mchid, QStringLiteral("a public key id starts with PUB_KEY_ID_ and needs its key"));
    if (!platformSerial.isEmpty() && !platformKey)
        return merchantError(mchid, QStringLiteral("a platform serial needs the platform key"));
    if (!miniAppid.isEmpty() && miniAppSecret.isEmpty())
        return merchantError(mchid, QStringLiteral("the mini-program needs its app secret"));
    if (auto s = checkCertificate(
            *this, merchantCertificate, merchantCertificateSerial, merchantKey, QStringLiteral("merchant certificate"));
        !s)
        return s;
    return checkCertificate(
        *this, platformCertificate, platformSerial, platformKey, QStringLiteral("platform certificate"));
}

QJsonObject SimMerchant::toJson() const
{
    QJsonObject json;
    putIfNotEmpty(json, QStringLiteral("name"), name);
    json.insert(QStringLiteral("mchid"), mchid);
    json.insert(QStringLiteral("appid"), appid);
    putIfNotEmpty(json, QStringLiteral("sub_mchid"), subMchid);
    putIfNotEmpty(json, QStringLiteral("sub_appid"), subAppid);
    json.insert(QStringLiteral("region"), regionName(region));
    QJsonArray familyNames;
    for (ApiFamily family : families)
        familyNames.append(apiFamilyName(family));
    json.insert(QStringLiteral("families"), familyNames);
    putIfNotEmpty(json, QStringLiteral("api_v2_key"), QString::fromLatin1(apiV2Key));
    putIfNotEmpty(json, QStringLiteral("api_v3_key"), QString::fromLatin1(apiV3Key));
    if (!merchantCertificate.isNull())
        json.insert(QStringLiteral("merchant_certificate"), pemText(merchantCertificate.toPem()));
    putIfNotEmpty(json, QStringLiteral("merchant_certificate_serial"), merchantCertificateSerial);
    putIfNotEmpty(json, QStringLiteral("merchant_key"), keyPem(merchantKey));
    putIfNotEmpty(json, QStringLiteral("platform_key"), keyPem(platformKey));
    if (!platformCertificate.isNull())
        json.insert(QStringLiteral("platform_certificate"), pemText(platformCertificate.toPem()));
    putIfNotEmpty(json, QStringLiteral("platform_serial"), platformSerial);
    putIfNotEmpty(json, QStringLiteral("public_key_id"), publicKeyId);
    putIfNotEmpty(json, QStringLiteral("public_key_id_key"), keyPem(publicKeyIdKey));
    // For the client side of a sandbox profile: the public key it verifies PUB_KEY_ID_ replies with.
    if (publicKeyIdKey)
        json.insert(QStringLiteral("public_key"), pemText(publicKeyIdKey->publicKey().toPem()));
    putIfNotEmpty(json, QStringLiteral("mini_appid"), miniAppid);
    putIfNotEmpty(json, QStringLiteral("mini_app_secret"), miniAppSecret);
    json.insert(QStringLiteral("open_platform_bound"), openPlatformBound);
    return json;
}

Result<SimMerchant> SimMerchant::fromJson(const QJsonObject& json)
{
    SimMerchant m;
    m.name = json.value(QStringLiteral("name")).toString();
    m.mchid = json.value(QStringLiteral("mchid")).toString();
    m.appid = json.value(QStringLiteral("appid")).toString();
    m.subMchid = json.value(QStringLiteral("sub_mchid")).toString();
    m.subAppid = json.value(QStringLiteral("sub_appid")).toString();
    const auto region = regionFromName(json.value(QStringLiteral("region")).toString(QStringLiteral("CN")));
    if (!region)
        return merchantError(m.mchid, QStringLiteral("region must be CN or HK"));
    m.region = *region;
    const QJsonArray familyNames = json.value(QStringLiteral("families")).toArray();
    for (const QJsonValue& value : familyNames) {
        const auto family = apiFamilyFromName(value.toString());
        if (!family)
            return merchantError(m.mchid, u"unknown API family \"" % value.toString() % u'"');
        if (!m.families.contains(*family))
            m.families.append(*family);
    }
    m.apiV2Key = json.value(QStringLiteral("api_v2_key")).toString().toLatin1();
    m.apiV3Key = json.value(QStringLiteral("api_v3_key")).toString().toLatin1();

    auto merchantCertificate = readCertificate(json, QStringLiteral("merchant_certificate"));
    auto merchantKey = readKey(json, QStringLiteral("merchant_key"));
    auto platformCertificate = readCertificate(json, QStringLiteral("platform_certificate"));
    auto platformKey = readKey(json, QStringLiteral("platform_key"));
    auto publicKeyIdKey = readKey(json, QStringLiteral("public_key_id_key"));
    for (const Error* error : { merchantCertificate ? nullptr : &merchantCertificate.error(),
             merchantKey ? nullptr : &merchantKey.error(), platformCertificate ? nullptr : &platformCertificate.error(),
             platformKey ? nullptr : &platformKey.error(), publicKeyIdKey ? nullptr : &publicKeyIdKey.error() }) {
        if (error)
            return *error;
    }
    m.merchantCertificate = merchantCertificate.value();
    m.merchantKey = merchantKey.value();
    m.platformCertificate = platformCertificate.value();
    m.platformKey = platformKey.value();
    m.publicKeyIdKey = publicKeyIdKey.value();

    // A serial may be left out when the certificate is given: it is read from the certificate.
    m.merchantCertificateSerial = json.value(QStringLiteral("merchant_certificate_serial")).toString();
    if (m.merchantCertificateSerial.isEmpty() && !m.merchantCertificate.isNull())
        m.merchantCertificateSerial = m.merchantCertificate.serialNumberHex();
    m.platformSerial = json.value(QStringLiteral("platform_serial")).toString();
    if (m.platformSerial.isEmpty() && !m.platformCertificate.isNull())
        m.platformSerial = m.platformCertificate.serialNumberHex();
    m.publicKeyId = json.value(QStringLiteral("public_key_id")).toString();

    m.miniAppid = json.value(QStringLiteral("mini_appid")).toString();
    m.miniAppSecret = json.value(QStringLiteral("mini_app_secret")).toString();
    m.openPlatformBound = json.value(QStringLiteral("open_platform_bound")).toBool(true);
    if (auto status = m.validate(); !status)
        return status.error();
    return m;
}

QJsonObject SimAuthority::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("certificate"), pemText(certificate.toPem()));
    json.insert(QStringLiteral("key"), keyPem(key));
    return json;
}

Result<SimAuthority> SimAuthority::fromJson(const QJsonObject& json)
{
    auto certificate = readCertificate(json, QStringLiteral("certificate"));
    if (!certificate)
        return certificate.error();
    auto key = readKey(json, QStringLiteral("key"));
    if (!key)
        return key.error();
    if (certificate->isNull() || !key.value() || !certificate->matches(*key.value())) {
        return Error::input(
            QStringLiteral("SIM_MERCHANT_INVALID"), QStringLiteral("the authority needs a certificate and its key"));
    }
    return SimAuthority { key.value(), certificate.value() };
}

QJsonObject MerchantSet::toJson() const
{
    QJsonObject json;
    if (authority)
        json.insert(QStringLiteral("authority"), authority->toJson());
    QJsonArray list;
    for (const SimMerchant& merchant : merchants)
        list.append(merchant.toJson());
    json.insert(QStringLiteral("merchants"), list);
    return json;
}

Result<MerchantSet> MerchantSet::fromJson(const QJsonObject& json)
{
    MerchantSet set;
    if (json.contains(QStringLiteral("authority"))) {
        auto authority = SimAuthority::fromJson(json.value(QStringLiteral("authority")).toObject());
        if (!authority)
            return authority.error();
        set.authority = std::move(authority).value();
    }
    const QJsonArray list = json.value(QStringLiteral("merchants")).toArray();
    for (const QJsonValue& value : list) {
        auto merchant = SimMerchant::fromJson(value.toObject());
        if (!merchant)
            return merchant.error();
        set.merchants.append(std::move(merchant).value());
    }
    return set;
}

} // namespace wxpay::sim
