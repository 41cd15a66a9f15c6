#pragma once

// Shared set-up for the HTTP tests of wxpay-sim's front (tst_simserver*): the generated sandbox on an engine with
// a ManualClock, a real SimServer on 127.0.0.1:0, and the client's own HttpTransport (QNetworkAccessManager) to
// send wire requests built by the client codecs or by hand.

#include "common/clock.h"
#include "common/nonce.h"
#include "gateway/httptransport.h"
#include "protocol/v3/auth.h"
#include "protocol/v3/verifier.h"
#include "protocol/wire.h"
#include "sim/engine.h"
#include "sim/sandbox.h"
#include "sim/server.h"
#include "support/testsupport.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSslKey>
#include <QTest>

#include <memory>
#include <optional>

namespace wxpay::sim::test {

using namespace Qt::Literals::StringLiterals;

// The engine's clock starts at the real "now" (whole seconds): TLS checks certificate validity on real time.
inline QDateTime serverTestStart()
{
    return QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
}

struct ServerFixture
{
    ManualClock clock { serverTestStart() };
    RandomNonceSource nonce;
    std::unique_ptr<SimEngine> engine;
    std::unique_ptr<SimServer> server;
    MerchantSet sandbox;
    QNetworkAccessManager nam;

    // Creates the sandbox merchants and starts the server; false (with a QFAIL message) on error.
    bool start(bool tls = false)
    {
        auto created = SandboxFactory(clock, nonce).createSandbox();
        if (!created) {
            qWarning("sandbox: %s", qPrintable(created.error().toString()));
            return false;
        }
        sandbox = std::move(created).value();
        return restart(tls);
    }

    bool restart(bool tls)
    {
        server.reset();
        engine = std::make_unique<SimEngine>(clock, nonce);
        if (auto added = engine->addMerchants(sandbox); !added) {
            qWarning("merchants: %s", qPrintable(added.error().toString()));
            return false;
        }
        server = std::make_unique<SimServer>(*engine);
        server->setManualClock(&clock);
        ListenOptions options;
        options.tls = tls;
        auto port = server->listen(options);
        if (!port) {
            qWarning("listen: %s", qPrintable(port.error().toString()));
            return false;
        }
        return true;
    }

    const SimMerchant& merchant(ApiFamily family) const
    {
        for (const SimMerchant& m : sandbox.merchants) {
            if (m.supports(family))
                return m;
        }
        qFatal("no sandbox merchant for %s", qPrintable(apiFamilyName(family)));
    }

    MerchantIds ids(ApiFamily family) const
    {
        const SimMerchant& m = merchant(family);
        return { m.mchid, m.appid, m.subMchid, m.subAppid };
    }

    // A transport to this server; with a client certificate when `client` is given.
    std::unique_ptr<gateway::HttpTransport> transport(
        const SimMerchant* client = nullptr, std::chrono::milliseconds timeout = std::chrono::seconds(20)) const
    {
        gateway::TransportConfig config;
        config.payBaseUrl = server->baseUrl();
        config.miniProgramBaseUrl = server->baseUrl();
        config.timeout = timeout;
        if (!server->caCertificate().isNull())
            config.trustedCaCertificates = { server->caCertificate() };
        if (client) {
            config.clientCertificate = QSslCertificate(client->merchantCertificate.toPem(), QSsl::Pem);
            config.clientKey = QSslKey(client->merchantKey->toPem(), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
        }
        return std::make_unique<gateway::HttpTransport>(const_cast<QNetworkAccessManager&>(nam), config);
    }

    // The merchant's request signer (a copy of its key: MerchantSigner owns one).
    static protocol::v3::MerchantSigner signer(const SimMerchant& m)
    {
        return protocol::v3::MerchantSigner(
            m.mchid, m.merchantCertificateSerial, crypto::PrivateKey::fromPem(m.merchantKey->toPem()).value());
    }

    // What the console trusts for this merchant's replies: the public key id, else the platform certificate.
    static protocol::v3::ResponseVerifier verifier(const SimMerchant& m)
    {
        protocol::v3::ResponseVerifier verifier;
        if (!m.publicKeyId.isEmpty())
            verifier.setPublicKey(m.publicKeyId, m.publicKeyIdKey->publicKey()).ok();
        if (!m.platformCertificate.isNull())
            verifier.addCertificate(m.platformCertificate);
        return verifier;
    }
};

// Sends one request and waits for its answer (or the transport's error).
inline Result<protocol::WireResponse> exchange(gateway::HttpTransport& transport, const protocol::WireRequest& request)
{
    std::optional<Result<protocol::WireResponse>> result;
    QObject context;
    transport.send(request, &context, [&](Result<protocol::WireResponse> reply) { result = std::move(reply); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return Error::network(u"TEST_TIMEOUT"_s, u"no answer within 30 s"_s);
    return std::move(*result);
}

inline QJsonObject jsonOf(const protocol::WireResponse& response)
{
    return QJsonDocument::fromJson(response.body).object();
}

} // namespace wxpay::sim::test
