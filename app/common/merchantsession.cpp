#include "merchantsession.h"

#include "applog.h"
#include "crypto/crypto.h"
#include "protocol/v2/v2codec.h"
#include "protocol/v3/certificates.h"
#include "protocol/v3/globalcodec.h"
#include "protocol/v3/v3codec.h"

#include <QHash>
#include <QHostAddress>
#include <QNetworkInterface>
#include <QPointer>
#include <QSslKey>

namespace wxpay::app {

using credentials::MerchantProfile;
using credentials::SecretKind;

namespace {

// The sandbox sends no callbacks: the URL only has to be a valid https URL without a query.
const QString kSandboxNotifyUrl = QStringLiteral("https://localhost/wxpay-sandbox/notify");

bool isV3Family(ApiFamily family)
{
    return family != ApiFamily::V2;
}

bool isLoopbackProfile(const MerchantProfile& profile)
{
    return !profile.baseUrlOverride.isEmpty() && credentials::isLoopbackUrl(profile.baseUrlOverride);
}

QString notifyUrlOf(const MerchantProfile& profile)
{
    if (!profile.notifyUrl.isEmpty())
        return profile.notifyUrl.toString(QUrl::FullyEncoded);
    return profile.sandbox ? kSandboxNotifyUrl : QString();
}

Error keyInvalid(const MerchantProfile& profile, const QString& what)
{
    return Error::credentials(
        QStringLiteral("KEY_INVALID"), u"the " + what + u" of profile \"" + profile.id + u"\" cannot be used");
}

} // namespace

Result<gateway::TransportConfig> transportConfigFor(const MerchantProfile& profile,
    const TrustMaterial& trust,
    const QByteArray& clientKeyPem,
    const QByteArray& clientCertificatePem,
    std::chrono::milliseconds timeout)
{
    gateway::TransportConfig config;
    config.payBaseUrl = profile.baseUrl();
    if (const Status ok = gateway::checkBaseUrl(config.payBaseUrl); !ok)
        return ok.error();
    // A loopback simulator serves the mini-program API on the same port as the Pay API.
    if (isLoopbackProfile(profile))
        config.miniProgramBaseUrl = profile.baseUrlOverride;
    config.timeout = timeout;
    config.trustedCaCertificates = trust.caCertificates;
    if (!clientKeyPem.isEmpty() && !clientCertificatePem.isEmpty()) {
        config.clientKey = QSslKey(clientKeyPem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
        config.clientCertificate = QSslCertificate(clientCertificatePem, QSsl::Pem);
        if (config.clientKey.isNull() || config.clientCertificate.isNull())
            return keyInvalid(profile, QStringLiteral("API client certificate"));
    }
    return config;
}

// Reads the secrets one after the other, then builds the session; deletes itself when done.
class SessionOpener final : public QObject
{
public:
    SessionOpener(const MerchantProfile& profile,
        TrustMaterial trust,
        SessionServices services,
        SessionOptions options,
        QObject* context,
        MerchantSession::OpenCallback done)
        : m_profile(profile)
        , m_trust(std::move(trust))
        , m_services(services)
        , m_options(options)
        , m_context(context)
        , m_done(std::move(done))
    {
        if (profile.family == ApiFamily::V2) {
            m_wanted = { { SecretKind::ApiV2Key, true }, { SecretKind::ClientCertificateKey, false },
                { SecretKind::ClientCertificate, false } };
        } else {
            m_wanted = { { SecretKind::MerchantPrivateKey, true }, { SecretKind::ApiV3Key, false } };
        }
    }

    void start() { readNext(0); }

private:
    struct Wanted
    {
        SecretKind kind;
        bool required;
    };

    void readNext(qsizetype index)
    {
        if (index == m_wanted.size()) {
            build();
            return;
        }
        const Wanted wanted = m_wanted.at(index);
        m_services.credentials.read(m_profile.id, wanted.kind, this, [this, index, wanted](Result<QByteArray> read) {
            if (read) {
                m_secrets.insert(wanted.kind, read.value());
            } else if (read.error().code != u"NOT_FOUND") {
                fail(read.error());
                return;
            } else if (wanted.required) {
                fail(Error::credentials(QStringLiteral("SECRET_MISSING"),
                    u"profile \"" + m_profile.id + u"\" has no " + credentials::secretKindName(wanted.kind)
                        + u" in the keychain"));
                return;
            }
            readNext(index + 1);
        });
    }

    void build()
    {
        auto config = transportConfigFor(m_profile, m_trust, m_secrets.value(SecretKind::ClientCertificateKey),
            m_secrets.value(SecretKind::ClientCertificate), m_options.timeout);
        if (!config) {
            fail(config.error());
            return;
        }
        m_session.reset(new MerchantSession(m_profile));
        m_session->m_transport = std::make_unique<gateway::HttpTransport>(m_services.nam, std::move(config).value());
        if (m_profile.family == ApiFamily::V2) {
            buildV2();
            return;
        }
        if (m_profile.merchantCertificateSerial.isEmpty()) {
            fail(Error::input(QStringLiteral("SERIAL_MISSING"),
                u"profile \"" + m_profile.id + u"\" has no merchant certificate serial: import its key pair"));
            return;
        }
        auto verifier = trustedVerifier();
        if (!verifier) {
            fail(verifier.error());
            return;
        }
        if (verifier->isEmpty()) {
            downloadCertificates();
            return;
        }
        buildV3(std::move(verifier).value());
    }

    void buildV2()
    {
        protocol::v2::V2CodecOptions options;
        options.defaultClientIp = MerchantSession::defaultClientIp(m_profile);
        options.defaultNotifyUrl = notifyUrlOf(m_profile);
        options.currency = m_profile.defaultCurrency;
        const auto signType = m_profile.v2SignType == credentials::V2SignType::HmacSha256
            ? protocol::v2::SignType::HmacSha256
            : protocol::v2::SignType::Md5;
        succeed(std::make_unique<protocol::v2::V2Codec>(m_profile.ids(), m_secrets.value(SecretKind::ApiV2Key),
            signType, m_services.clock, m_services.nonces, options));
    }

    Result<protocol::v3::ResponseVerifier> trustedVerifier() const
    {
        protocol::v3::ResponseVerifier verifier;
        for (const QByteArray& pem : m_trust.platformCertificatePems) {
            auto certificate = crypto::Certificate::fromPem(pem);
            if (!certificate)
                return keyInvalid(m_profile, QStringLiteral("platform certificate"));
            verifier.addCertificate(certificate.value());
        }
        if (!m_profile.publicKeyId.isEmpty() && !m_trust.wechatPayPublicKeyPem.isEmpty()) {
            auto key = crypto::PublicKey::fromPem(m_trust.wechatPayPublicKeyPem);
            if (!key)
                return keyInvalid(m_profile, QStringLiteral("WeChat Pay public key"));
            if (const Status set = verifier.setPublicKey(m_profile.publicKeyId, key.value()); !set)
                return set.error();
        }
        return verifier;
    }

    Result<protocol::v3::MerchantSigner> signer() const
    {
        auto key = crypto::PrivateKey::fromPem(m_secrets.value(SecretKind::MerchantPrivateKey));
        if (!key)
            return keyInvalid(m_profile, QStringLiteral("merchant private key"));
        return protocol::v3::MerchantSigner(
            m_profile.mchid, m_profile.merchantCertificateSerial, std::move(key).value());
    }

    // Nothing to verify replies with yet: fetch the platform certificates, which the APIv3 key decrypts.
    void downloadCertificates()
    {
        const QByteArray apiV3Key = m_secrets.value(SecretKind::ApiV3Key);
        if (apiV3Key.isEmpty()) {
            fail(Error::credentials(QStringLiteral("NO_VERIFICATION_KEY"),
                u"profile \"" + m_profile.id
                    + u"\" has no WeChat Pay public key or platform certificate, and no apiv3-key to download one"));
            return;
        }
        auto requestSigner = signer();
        if (!requestSigner) {
            fail(requestSigner.error());
            return;
        }
        protocol::v3::Exchange exchange(
            std::move(requestSigner).value(), protocol::v3::ResponseVerifier(), m_services.clock, m_services.nonces);
        auto request = protocol::v3::certificatesRequest(exchange, m_profile.family);
        if (!request) {
            fail(request.error());
            return;
        }
        qCInfo(lcApp) << "downloading the platform certificates of profile" << m_profile.id;
        m_session->m_transport->send(request.value(), this, [this, apiV3Key](Result<protocol::WireResponse> reply) {
            if (!reply) {
                fail(reply.error());
                return;
            }
            auto certificates = protocol::v3::parseCertificates(reply.value(), apiV3Key, m_services.clock, nullptr);
            if (!certificates) {
                fail(certificates.error());
                return;
            }
            protocol::v3::ResponseVerifier verifier;
            for (const protocol::v3::PlatformCertificate& certificate : certificates.value()) {
                verifier.addCertificate(certificate.certificate);
                m_session->m_downloaded.append(certificate.certificate.toPem());
            }
            buildV3(std::move(verifier));
        });
    }

    void buildV3(protocol::v3::ResponseVerifier verifier)
    {
        auto requestSigner = signer();
        if (!requestSigner) {
            fail(requestSigner.error());
            return;
        }
        protocol::v3::CodecOptions options;
        options.notifyUrl = notifyUrlOf(m_profile);
        options.clientIp = MerchantSession::defaultClientIp(m_profile);
        options.defaultCurrency = m_profile.defaultCurrency;
        options.merchantCategoryCode = MerchantSession::defaultMerchantCategoryCode(m_profile);
        options.storeId = m_profile.storeId;
        if (m_profile.family == ApiFamily::V3) {
            succeed(std::make_unique<protocol::v3::V3Codec>(m_profile.ids(), std::move(requestSigner).value(),
                std::move(verifier), m_services.clock, m_services.nonces, options));
            return;
        }
        const auto variant = m_profile.family == ApiFamily::Global ? protocol::v3::GlobalCodec::Variant::Global
                                                                   : protocol::v3::GlobalCodec::Variant::HkV3;
        succeed(std::make_unique<protocol::v3::GlobalCodec>(variant, m_profile.ids(), std::move(requestSigner).value(),
            std::move(verifier), m_services.clock, m_services.nonces, options));
    }

    void succeed(std::unique_ptr<protocol::PaymentCodec> codec)
    {
        m_session->m_gateway = std::make_unique<gateway::PaymentGateway>(std::move(codec), *m_session->m_transport);
        deliver(std::move(m_session));
    }

    void fail(const Error& error)
    {
        qCInfo(lcApp) << "cannot open profile" << m_profile.id << error.code;
        deliver(error);
    }

    void deliver(Result<std::unique_ptr<MerchantSession>> result)
    {
        m_secrets.clear();
        if (m_context && m_done)
            m_done(std::move(result));
        deleteLater();
    }

    MerchantProfile m_profile;
    TrustMaterial m_trust;
    SessionServices m_services;
    SessionOptions m_options;
    QPointer<QObject> m_context;
    MerchantSession::OpenCallback m_done;
    QList<Wanted> m_wanted;
    QHash<SecretKind, QByteArray> m_secrets;
    std::unique_ptr<MerchantSession> m_session;
};

void MerchantSession::open(const MerchantProfile& profile,
    const TrustMaterial& trust,
    SessionServices services,
    SessionOptions options,
    QObject* context,
    OpenCallback done)
{
    auto* opener = new SessionOpener(profile, trust, services, options, context, std::move(done));
    opener->start();
}

MerchantSession::MerchantSession(MerchantProfile profile) : m_profile(std::move(profile))
{ }

MerchantSession::~MerchantSession()
{
    // The gateway uses the transport: it goes first.
    m_gateway.reset();
    m_transport.reset();
}

QString MerchantSession::defaultClientIp(const MerchantProfile& profile)
{
    const QString loopback = QStringLiteral("127.0.0.1");
    if (profile.sandbox || isLoopbackProfile(profile))
        return loopback;
    const QList<QHostAddress> addresses = QNetworkInterface::allAddresses();
    for (const QHostAddress& address : addresses) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
            return address.toString();
    }
    return loopback;
}

QString MerchantSession::defaultMerchantCategoryCode(const MerchantProfile& profile)
{
    // The sandbox's Global / HK merchants are restaurants; a real merchant names its own code per order.
    return profile.sandbox && isV3Family(profile.family) && profile.family != ApiFamily::V3 ? QStringLiteral("5812")
                                                                                            : QString();
}

} // namespace wxpay::app
