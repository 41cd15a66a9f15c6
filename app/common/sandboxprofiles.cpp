#include "sandboxprofiles.h"

#include "applog.h"

#include <QPointer>

#include <algorithm>
#include <memory>

namespace wxpay::app {

using credentials::SecretKind;

namespace {

Error incomplete(const sim::SimMerchant& merchant, const QString& what)
{
    return Error::input(
        QStringLiteral("SANDBOX_MERCHANT_INCOMPLETE"), u"sandbox merchant " + merchant.mchid + u" has no " + what);
}

// Writes the secrets of the profiles one after another, then reports the ids.
class SandboxInstaller final : public QObject
{
public:
    SandboxInstaller(QList<SandboxProfile> profiles,
        credentials::CredentialStore& store,
        QObject* context,
        std::function<void(Result<QStringList>)> done)
        : m_profiles(std::move(profiles)), m_store(store), m_context(context), m_done(std::move(done))
    { }

    void next()
    {
        while (m_profile < m_profiles.size() && m_secret >= m_profiles.at(m_profile).secrets.size()) {
            ++m_profile;
            m_secret = 0;
        }
        if (m_profile == m_profiles.size()) {
            QStringList ids;
            for (const SandboxProfile& p : std::as_const(m_profiles))
                ids.append(p.profile.id);
            finish(ids);
            return;
        }
        const SandboxProfile& p = m_profiles.at(m_profile);
        const auto& [kind, secret] = p.secrets.at(m_secret);
        ++m_secret;
        m_store.write(p.profile.id, kind, secret, this, [this](Status written) {
            if (!written) {
                finish(written.error());
                return;
            }
            next();
        });
    }

    void finish(Result<QStringList> result)
    {
        m_profiles.clear(); // the keys are not kept longer than needed
        if (m_context && m_done)
            m_done(std::move(result));
        deleteLater();
    }

private:
    QList<SandboxProfile> m_profiles;
    credentials::CredentialStore& m_store;
    QPointer<QObject> m_context;
    std::function<void(Result<QStringList>)> m_done;
    qsizetype m_profile = 0;
    qsizetype m_secret = 0;
};

} // namespace

QString sandboxProfileId(ApiFamily family)
{
    return u"sandbox-" + apiFamilyName(family);
}

Result<SandboxProfile> sandboxProfileFor(
    const sim::SimMerchant& merchant, ApiFamily family, const QUrl& baseUrl, const QSslCertificate& ca)
{
    if (!merchant.supports(family)) {
        return Error::input(QStringLiteral("SANDBOX_FAMILY_UNSUPPORTED"),
            u"sandbox merchant " + merchant.mchid + u" does not speak " + apiFamilyName(family));
    }
    if (!merchant.merchantKey || merchant.merchantKey->isNull() || merchant.merchantCertificate.isNull())
        return incomplete(merchant, QStringLiteral("API certificate and key"));

    SandboxProfile out;
    credentials::MerchantProfile& p = out.profile;
    p.id = sandboxProfileId(family);
    p.displayName = merchant.name.isEmpty() ? u"Sandbox " + apiFamilyName(family) : merchant.name;
    p.family = family;
    p.region = merchant.region == sim::Region::HK ? credentials::Region::HK : credentials::Region::CN;
    p.baseUrlOverride = baseUrl;
    p.mchid = merchant.mchid;
    p.appid = merchant.appid;
    p.subMchid = merchant.subMchid;
    p.subAppid = merchant.subAppid;
    p.defaultCurrency = merchant.defaultCurrency();
    p.miniProgramAppid = merchant.miniAppid;
    p.tokenSource = credentials::TokenSource::StableToken;
    p.sandbox = true;

    if (!ca.isNull())
        out.trust.caCertificates = { ca };
    if (!merchant.miniAppSecret.isEmpty())
        out.secrets.append({ SecretKind::AppSecret, merchant.miniAppSecret.toUtf8() });

    if (family == ApiFamily::V2) {
        if (merchant.apiV2Key.isEmpty())
            return incomplete(merchant, QStringLiteral("APIv2 key"));
        out.secrets.append({ SecretKind::ApiV2Key, merchant.apiV2Key });
        out.secrets.append({ SecretKind::ClientCertificateKey, merchant.merchantKey->toPem() });
        out.secrets.append({ SecretKind::ClientCertificate, merchant.merchantCertificate.toPem() });
    } else {
        p.merchantCertificateSerial = merchant.merchantCertificateSerial;
        out.secrets.append({ SecretKind::MerchantPrivateKey, merchant.merchantKey->toPem() });
        if (!merchant.apiV3Key.isEmpty())
            out.secrets.append({ SecretKind::ApiV3Key, merchant.apiV3Key });
        if (!merchant.platformCertificate.isNull()) {
            p.platformSerials = { merchant.platformSerial };
            out.trust.platformCertificatePems = { merchant.platformCertificate.toPem() };
        }
        if (!merchant.publicKeyId.isEmpty() && merchant.publicKeyIdKey) {
            p.publicKeyId = merchant.publicKeyId;
            out.trust.wechatPayPublicKeyPem = merchant.publicKeyIdKey->publicKey().toPem();
        }
        if (out.trust.platformCertificatePems.isEmpty() && out.trust.wechatPayPublicKeyPem.isEmpty())
            return incomplete(merchant, QStringLiteral("platform certificate or public key"));
    }
    if (const Status valid = credentials::validateProfile(p); !valid)
        return valid.error();
    return out;
}

void installSandboxProfiles(const QList<sim::SimMerchant>& merchants,
    const QUrl& baseUrl,
    const QSslCertificate& ca,
    credentials::ProfileStore& profiles,
    ProfileTrustStore& trust,
    QObject* context,
    std::function<void(Result<QStringList>)> done)
{
    QList<SandboxProfile> made;
    const auto fail
        = [&](const Error& error) { credentials::deliverLater<Result<QStringList>>(context, std::move(done), error); };
    for (const sim::SimMerchant& merchant : merchants) {
        for (ApiFamily family : merchant.families) {
            auto profile = sandboxProfileFor(merchant, family, baseUrl, ca);
            if (!profile) {
                fail(profile.error());
                return;
            }
            // A merchants file may hold two merchants of one family: the second gets its mchid in the id.
            const auto sameId = [&](const SandboxProfile& other) { return other.profile.id == profile->profile.id; };
            if (std::any_of(made.cbegin(), made.cend(), sameId))
                profile->profile.id += u'-' + merchant.mchid;
            if (const Status saved = profiles.save(profile->profile); !saved) {
                fail(saved.error());
                return;
            }
            if (const Status saved = trust.write(profile->profile.id, profile->trust); !saved) {
                fail(saved.error());
                return;
            }
            made.append(std::move(profile).value());
        }
    }
    qCInfo(lcApp) << "sandbox profiles saved:" << made.size();
    auto* installer = new SandboxInstaller(std::move(made), *profiles.credentials(), context, std::move(done));
    // Later, like every outcome of this module, even if there were no secrets to write.
    QMetaObject::invokeMethod(
        installer, [installer] { installer->next(); }, Qt::QueuedConnection);
}

} // namespace wxpay::app
