#include "sim/sandboxclient.h"

#include "protocol/v2/v2codec.h"
#include "protocol/v3/globalcodec.h"

#include <QSslKey>

namespace wxpay::sim {

using protocol::v3::MerchantSigner;
using protocol::v3::ResponseVerifier;

namespace {

Error incomplete(const SimMerchant& merchant, const QString& what)
{
    return Error::input(
        QStringLiteral("SANDBOX_MERCHANT_INCOMPLETE"), u"sandbox merchant " + merchant.mchid + u" has no " + what);
}

MerchantIds idsOf(const SimMerchant& merchant)
{
    return { merchant.mchid, merchant.appid, merchant.subMchid, merchant.subAppid };
}

// Private keys are move-only and the merchant's is shared: the signer gets its own copy through PEM.
Result<MerchantSigner> signerFor(const SimMerchant& merchant)
{
    if (!merchant.merchantKey || merchant.merchantKey->isNull() || merchant.merchantCertificateSerial.isEmpty())
        return incomplete(merchant, QStringLiteral("API certificate key"));
    auto key = crypto::PrivateKey::fromPem(merchant.merchantKey->toPem());
    if (!key)
        return key.error();
    return MerchantSigner(merchant.mchid, merchant.merchantCertificateSerial, std::move(key).value());
}

Result<ResponseVerifier> verifierFor(const SimMerchant& merchant, const SandboxClientOptions& options)
{
    ResponseVerifier verifier;
    if (options.trustPlatformCertificate && !merchant.platformCertificate.isNull())
        verifier.addCertificate(merchant.platformCertificate);
    if (options.trustPublicKeyId && !merchant.publicKeyId.isEmpty() && merchant.publicKeyIdKey) {
        if (const Status set = verifier.setPublicKey(merchant.publicKeyId, merchant.publicKeyIdKey->publicKey()); !set)
            return set.error();
    }
    if (verifier.isEmpty())
        return incomplete(merchant, QStringLiteral("platform certificate or public key to verify replies with"));
    return verifier;
}

protocol::v3::CodecOptions v3Options(const SimMerchant& merchant, const SandboxClientOptions& options)
{
    protocol::v3::CodecOptions codecOptions;
    codecOptions.notifyUrl = options.notifyUrl;
    codecOptions.clientIp = options.clientIp;
    codecOptions.defaultCurrency = merchant.defaultCurrency();
    codecOptions.merchantCategoryCode = options.merchantCategoryCode;
    return codecOptions;
}

} // namespace

Result<std::unique_ptr<protocol::v3::V3Codec>> makeV3Codec(
    const SimMerchant& merchant, const Clock& clock, NonceSource& nonces, const SandboxClientOptions& options)
{
    if (!merchant.supports(ApiFamily::V3)) {
        return Error::input(QStringLiteral("SANDBOX_FAMILY_UNSUPPORTED"),
            u"sandbox merchant " + merchant.mchid + u" does not speak v3");
    }
    auto signer = signerFor(merchant);
    if (!signer)
        return signer.error();
    auto verifier = verifierFor(merchant, options);
    if (!verifier)
        return verifier.error();
    return std::make_unique<protocol::v3::V3Codec>(idsOf(merchant), std::move(signer).value(),
        std::move(verifier).value(), clock, nonces, v3Options(merchant, options));
}

Result<std::unique_ptr<protocol::PaymentCodec>> makePaymentCodec(const SimMerchant& merchant,
    ApiFamily family,
    const Clock& clock,
    NonceSource& nonces,
    const SandboxClientOptions& options)
{
    if (!merchant.supports(family)) {
        return Error::input(QStringLiteral("SANDBOX_FAMILY_UNSUPPORTED"),
            u"sandbox merchant " + merchant.mchid + u" does not speak " + apiFamilyName(family));
    }
    switch (family) {
    case ApiFamily::V2: {
        if (merchant.apiV2Key.isEmpty())
            return incomplete(merchant, QStringLiteral("APIv2 key"));
        protocol::v2::V2CodecOptions v2Options;
        v2Options.defaultClientIp = options.clientIp;
        v2Options.defaultNotifyUrl = options.notifyUrl;
        v2Options.currency = merchant.defaultCurrency();
        return std::unique_ptr<protocol::PaymentCodec>(std::make_unique<protocol::v2::V2Codec>(
            idsOf(merchant), merchant.apiV2Key, options.v2SignType, clock, nonces, v2Options));
    }
    case ApiFamily::V3: {
        auto codec = makeV3Codec(merchant, clock, nonces, options);
        if (!codec)
            return codec.error();
        return std::unique_ptr<protocol::PaymentCodec>(std::move(codec).value());
    }
    case ApiFamily::Global:
    case ApiFamily::HkV3: {
        auto signer = signerFor(merchant);
        if (!signer)
            return signer.error();
        auto verifier = verifierFor(merchant, options);
        if (!verifier)
            return verifier.error();
        const auto variant = family == ApiFamily::Global ? protocol::v3::GlobalCodec::Variant::Global
                                                         : protocol::v3::GlobalCodec::Variant::HkV3;
        return std::unique_ptr<protocol::PaymentCodec>(
            std::make_unique<protocol::v3::GlobalCodec>(variant, idsOf(merchant), std::move(signer).value(),
                std::move(verifier).value(), clock, nonces, v3Options(merchant, options)));
    }
    }
    return Error::input(QStringLiteral("SANDBOX_FAMILY_UNSUPPORTED"), QStringLiteral("unknown API family"));
}

protocol::miniprogram::MiniProgramCodec makeMiniProgramCodec(const SimMerchant& merchant, const Clock& clock)
{
    return protocol::miniprogram::MiniProgramCodec(merchant.miniAppid, clock);
}

Result<gateway::TransportConfig> makeTransportConfig(
    const SimMerchant& merchant, const QUrl& baseUrl, const QSslCertificate& caCertificate)
{
    gateway::TransportConfig config;
    config.payBaseUrl = baseUrl;
    config.miniProgramBaseUrl = baseUrl;
    if (baseUrl.scheme() == u"https") {
        if (caCertificate.isNull()) {
            return Error::input(
                QStringLiteral("SANDBOX_CA_MISSING"), QStringLiteral("an https sandbox needs its CA certificate"));
        }
        config.trustedCaCertificates = { caCertificate };
    }
    if (merchant.supports(ApiFamily::V2)) {
        if (!merchant.merchantKey || merchant.merchantCertificate.isNull())
            return incomplete(merchant, QStringLiteral("API client certificate"));
        config.clientKey = QSslKey(merchant.merchantKey->toPem(), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
        config.clientCertificate = QSslCertificate(merchant.merchantCertificate.toPem(), QSsl::Pem);
        if (config.clientKey.isNull() || config.clientCertificate.isNull()) {
            return Error::input(QStringLiteral("SANDBOX_CLIENT_KEY_INVALID"),
                u"the API client certificate of sandbox merchant " + merchant.mchid + u" cannot be used for TLS");
        }
    }
    return config;
}

} // namespace wxpay::sim
