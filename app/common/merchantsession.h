#pragma once

// The client side of one merchant profile, composed from the profile (QSettings), its secrets (keychain) and its
// trust material: the HttpTransport and the PaymentGateway every workflow of that profile talks through. Shared by
// wxpay-cli and the console; holds no business rule.

#include "common/clock.h"
#include "common/nonce.h"
#include "common/result.h"
#include "credentials/credentialstore.h"
#include "credentials/merchantprofile.h"
#include "gateway/httptransport.h"
#include "gateway/paymentgateway.h"
#include "profiletrust.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace wxpay::app {

// What the session is built from; everything must outlive the session.
struct SessionServices
{
    credentials::CredentialStore& credentials;
    QNetworkAccessManager& nam;
    const Clock& clock;
    NonceSource& nonces;
};

struct SessionOptions
{
    std::chrono::milliseconds timeout { std::chrono::seconds(15) };
};

class MerchantSession : public QObject
{
    Q_OBJECT

public:
    using OpenCallback = std::function<void(Result<std::unique_ptr<MerchantSession>>)>;

    // Reads the secrets the profile's family needs, then builds the transport and the codec:
    //   v2                  apiv2-key (required); client-certificate-key + client-certificate (optional: without them
    //                       reverse and refund fail with Credentials CLIENT_CERTIFICATE_MISSING)
    //   v3, global, hk      merchant-private-key (required) and the certificate serial of the profile; replies are
    //                       verified with the WeChat Pay public key (publicKeyId) and / or the platform certificates
    //                       of `trust`; with neither, the platform certificates are downloaded once with the
    //                       apiv3-key (downloadedCertificates() then has them, for the caller to keep).
    // `done` runs once, later, unless `context` is destroyed first. Errors: the CredentialStore's (NOT_FOUND of a
    // required secret becomes Credentials SECRET_MISSING), Credentials KEY_INVALID / NO_VERIFICATION_KEY, Input
    // SERIAL_MISSING / URL_INVALID / URL_INSECURE, and the errors of the certificate download.
    static void open(const credentials::MerchantProfile& profile,
        const TrustMaterial& trust,
        SessionServices services,
        SessionOptions options,
        QObject* context,
        OpenCallback done);

    ~MerchantSession() override;

    const credentials::MerchantProfile& profile() const { return m_profile; }
    gateway::HttpTransport& transport() { return *m_transport; }
    gateway::PaymentGateway& gateway() { return *m_gateway; }
    const QList<QByteArray>& downloadedCertificates() const { return m_downloaded; }

    // What the codecs put into requests that name no value of their own.
    static QString defaultClientIp(const credentials::MerchantProfile& profile);
    static QString defaultMerchantCategoryCode(const credentials::MerchantProfile& profile);

private:
    friend class SessionOpener;
    explicit MerchantSession(credentials::MerchantProfile profile);

    credentials::MerchantProfile m_profile;
    std::unique_ptr<gateway::HttpTransport> m_transport;
    std::unique_ptr<gateway::PaymentGateway> m_gateway;
    QList<QByteArray> m_downloaded;
};

// The transport settings of a profile: its API host, the mini-program host (the same server for a loopback
// simulator), the trusted CAs and, for v2, the client certificate. Input URL_INVALID / URL_INSECURE, Credentials
// KEY_INVALID for a client certificate Qt cannot use.
Result<gateway::TransportConfig> transportConfigFor(const credentials::MerchantProfile& profile,
    const TrustMaterial& trust,
    const QByteArray& clientKeyPem,
    const QByteArray& clientCertificatePem,
    std::chrono::milliseconds timeout);

} // namespace wxpay::app
