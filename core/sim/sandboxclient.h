#pragma once

// The client side of a simulator merchant: the real codecs and transport settings a console profile for that
// merchant would have, built from the keys the SimMerchant holds. The console's sandbox mode talks to its
// in-process SimServer through these, and the integration tests drive the real client code with them.

#include "common/clock.h"
#include "common/domain.h"
#include "common/nonce.h"
#include "common/result.h"
#include "gateway/httptransport.h"
#include "protocol/codec.h"
#include "protocol/miniprogram/miniprogram.h"
#include "protocol/v2/sign.h"
#include "protocol/v3/v3codec.h"
#include "sim/merchant.h"
#include "sim/server.h"

#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <memory>

namespace wxpay::sim {

struct SandboxClientOptions
{
    protocol::v2::SignType v2SignType = protocol::v2::SignType::Md5;
    // Which keys APIv3 replies are verified with; a merchant without one of them simply has nothing to trust there.
    bool trustPlatformCertificate = true;
    bool trustPublicKeyId = true;
    // What a profile fills in when a request leaves it out. The sandbox sends no callbacks, so the URL is
    // never called; it only has to be a valid https URL without a query.
    QString notifyUrl = QStringLiteral("https://localhost/wxpay-sandbox/notify");
    QString clientIp = QStringLiteral("127.0.0.1");
    QString merchantCategoryCode = QStringLiteral("5812"); // Global / HK orders need one
};

// The codec `merchant` uses for `family`: V2Codec with the APIv2 key, V3Codec or GlobalCodec (Global / HkV3)
// signing with the merchant's API key and verifying with its platform certificate and / or PUB_KEY_ID_ key.
// Input errors: SANDBOX_FAMILY_UNSUPPORTED (the merchant does not speak `family`), SANDBOX_MERCHANT_INCOMPLETE
// (a key the family needs is missing), and crypto's PEM errors.
Result<std::unique_ptr<protocol::PaymentCodec>> makePaymentCodec(const SimMerchant& merchant,
    ApiFamily family,
    const Clock& clock,
    NonceSource& nonces,
    const SandboxClientOptions& options = {});

// The domestic APIv3 codec as its own type, for what only it offers (the bill file download step).
Result<std::unique_ptr<protocol::v3::V3Codec>> makeV3Codec(
    const SimMerchant& merchant, const Clock& clock, NonceSource& nonces, const SandboxClientOptions& options = {});

// The mini-program codec of the merchant's mini app (its secret is SimMerchant::miniAppSecret).
protocol::miniprogram::MiniProgramCodec makeMiniProgramCodec(const SimMerchant& merchant, const Clock& clock);

// Where the client sends requests: both endpoints at `baseUrl`; for https, `caCertificate` is the only trusted
// CA; the merchant's API certificate and key as the TLS client identity when it speaks APIv2 (/secapi).
// Input SANDBOX_CA_MISSING for https without a CA, Input SANDBOX_CLIENT_KEY_INVALID when the key or certificate
// cannot be handed to Qt.
Result<gateway::TransportConfig> makeTransportConfig(
    const SimMerchant& merchant, const QUrl& baseUrl, const QSslCertificate& caCertificate = QSslCertificate());

// The same for a listening SimServer.
inline Result<gateway::TransportConfig> makeTransportConfig(const SimMerchant& merchant, const SimServer& server)
{
    return makeTransportConfig(merchant, server.baseUrl(), server.caCertificate());
}

} // namespace wxpay::sim
