#include "sim/sandbox.h"

#include "sim/log.h"

#include <QStringBuilder>

namespace wxpay::sim {

namespace {

int familyIndex(ApiFamily family)
{
    switch (family) {
    case ApiFamily::V2:
        return 1;
    case ApiFamily::V3:
        return 2;
    case ApiFamily::Global:
        return 3;
    case ApiFamily::HkV3:
        return 4;
    }
    return 0;
}

// A certificate serial like WeChat's: 40 upper-case hex digits, first digit non-zero so none is dropped.
QByteArray newSerial()
{
    QByteArray bytes = crypto::randomBytes(20);
    bytes[0] = static_cast<char>((static_cast<unsigned char>(bytes.at(0)) & 0x7f) | 0x10);
    return bytes.toHex().toUpper();
}

} // namespace

SandboxFactory::SandboxFactory(const Clock& clock, NonceSource& nonce) : m_clock(clock), m_nonce(nonce)
{ }

QString SandboxFactory::sandboxMchid(ApiFamily family)
{
    return QStringLiteral("19000001%1").arg(familyIndex(family), 2, 10, QChar(u'0'));
}

QString SandboxFactory::sandboxAppid(ApiFamily family)
{
    return u"wx" % sandboxMchid(family).rightJustified(16, u'0');
}

Result<SharedKey> SandboxFactory::newKey() const
{
    auto key = crypto::PrivateKey::generateRsa(2048);
    if (!key)
        return key.error();
    return SharedKey(std::make_shared<const crypto::PrivateKey>(std::move(key).value()));
}

Result<crypto::Certificate> SandboxFactory::issue(const SharedKey& key,
    const QString& commonName,
    const QString& organization,
    const SimAuthority& authority,
    int years) const
{
    crypto::CertificateSpec spec;
    spec.commonName = commonName;
    spec.organization = organization;
    spec.serialHex = newSerial();
    spec.notBefore = m_clock.now().addDays(-1);
    spec.notAfter = m_clock.now().addYears(years);
    spec.clientAuth = true;
    return crypto::makeCertificate(*key, spec, *authority.key, &authority.certificate);
}

Result<SimAuthority> SandboxFactory::createAuthority() const
{
    auto key = newKey();
    if (!key)
        return key.error();
    crypto::CertificateSpec spec;
    spec.commonName = QStringLiteral("wxpay-sim Sandbox CA");
    spec.organization = QStringLiteral("wxpay-console sandbox");
    spec.serialHex = newSerial();
    spec.notBefore = m_clock.now().addDays(-1);
    spec.notAfter = m_clock.now().addYears(10);
    spec.isCa = true;
    auto certificate = crypto::makeCertificate(*key.value(), spec, *key.value());
    if (!certificate)
        return certificate.error();
    return SimAuthority { key.value(), certificate.value() };
}

Result<SimMerchant> SandboxFactory::createMerchant(ApiFamily family, const SimAuthority& authority) const
{
    SimMerchant m;
    m.mchid = sandboxMchid(family);
    m.appid = sandboxAppid(family);
    m.name = u"Sandbox " % apiFamilyName(family);
    m.families = { family };
    m.region = (family == ApiFamily::Global || family == ApiFamily::HkV3) ? Region::HK : Region::CN;
    m.apiV2Key = m_nonce.next(32);
    m.apiV3Key = m_nonce.next(32);
    m.miniAppid = m.appid;
    m.miniAppSecret = QString::fromLatin1(m_nonce.next(32).toLower());

    auto merchantKey = newKey();
    if (!merchantKey)
        return merchantKey.error();
    auto merchantCertificate = issue(merchantKey.value(), m.mchid, QStringLiteral("微信商户系统"), authority, 5);
    if (!merchantCertificate)
        return merchantCertificate.error();
    m.merchantKey = merchantKey.value();
    m.merchantCertificate = merchantCertificate.value();
    m.merchantCertificateSerial = m.merchantCertificate.serialNumberHex();

    if (family != ApiFamily::V2) {
        auto platformKey = newKey();
        if (!platformKey)
            return platformKey.error();
        auto platformCertificate = issue(platformKey.value(), QStringLiteral("Tenpay.com Sandbox Platform"),
            QStringLiteral("Tenpay.com"), authority, 5);
        if (!platformCertificate)
            return platformCertificate.error();
        m.platformKey = platformKey.value();
        m.platformCertificate = platformCertificate.value();
        m.platformSerial = m.platformCertificate.serialNumberHex();
    }
    if (family == ApiFamily::V3) {
        auto publicKeyIdKey = newKey();
        if (!publicKeyIdKey)
            return publicKeyIdKey.error();
        m.publicKeyIdKey = publicKeyIdKey.value();
        m.publicKeyId = u"PUB_KEY_ID_0000" % m.mchid % m_clock.now().toString(QStringLiteral("yyyyMMdd"))
            % QStringLiteral("000000000001");
    }
    if (auto status = m.validate(); !status)
        return status.error();
    qCInfo(lcSim) << "created sandbox merchant" << m.mchid << apiFamilyName(family);
    return m;
}

Result<MerchantSet> SandboxFactory::createSandbox(const QList<ApiFamily>& families) const
{
    auto authority = createAuthority();
    if (!authority)
        return authority.error();
    MerchantSet set;
    set.authority = authority.value();
    for (ApiFamily family : families) {
        auto merchant = createMerchant(family, authority.value());
        if (!merchant)
            return merchant.error();
        set.merchants.append(std::move(merchant).value());
    }
    return set;
}

} // namespace wxpay::sim
