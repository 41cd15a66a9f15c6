// PKCS#12 bundles: the APIv2 apiclient_cert.p12 (read) and simulator-issued merchant bundles (written).
#include "crypto/crypto.h"
#include "crypto/log.h"
#include "crypto/ossl.h"

#include <mutex>
#include <openssl/err.h>

namespace wxpay::crypto {

namespace {

// Bundles made by older tools (such as WeChat's apiclient_cert.p12) use RC2/3DES-era PBEs that OpenSSL 3 keeps
// in its legacy provider. Loaded once, process-wide, keeping the default provider available.
void loadLegacyProvider()
{
    static std::once_flag once;
    static ossl::ProviderPtr legacy;
    std::call_once(once, [] {
        legacy.reset(OSSL_PROVIDER_try_load(nullptr, "legacy", 1));
        if (!legacy)
            qCWarning(lcCrypto) << "OpenSSL legacy provider unavailable; old PKCS#12 bundles cannot be read:"
                                << ossl::takeErrors();
    });
}

bool isMacFailure(unsigned long error)
{
    return ERR_GET_LIB(error) == ERR_LIB_PKCS12 && ERR_GET_REASON(error) == PKCS12_R_MAC_VERIFY_FAILURE;
}

// A NUL-terminated copy of the password, wiped on destruction.
struct Password
{
    explicit Password(QByteArrayView password) : text(password.toByteArray()) { }
    ~Password() { OPENSSL_cleanse(text.data(), static_cast<size_t>(text.size())); }
    Password(const Password&) = delete;
    Password& operator=(const Password&) = delete;

    QByteArray text;
};

} // namespace

Result<Pkcs12Bundle> parsePkcs12(QByteArrayView der, QByteArrayView password)
{
    if (der.isEmpty() || !ossl::fitsInt(der.size()) || !ossl::fitsInt(password.size()))
        return Error::protocol(QStringLiteral("PKCS12_INVALID"), QStringLiteral("empty or oversized PKCS#12 data"));
    loadLegacyProvider();
    ERR_clear_error();
    const unsigned char* p = ossl::bytes(der);
    ossl::Pkcs12Ptr p12(d2i_PKCS12(nullptr, &p, static_cast<long>(der.size())));
    if (!p12)
        return ossl::protocolError(QStringLiteral("PKCS12_INVALID"), QStringLiteral("cannot decode the PKCS#12 data"));

    const Password pass(password);
    EVP_PKEY* rawKey = nullptr;
    X509* rawCert = nullptr;
    const int parsed = PKCS12_parse(p12.get(), pass.text.constData(), &rawKey, &rawCert, nullptr);
    ossl::PkeyPtr pkey(rawKey);
    ossl::X509Ptr x509(rawCert);
    if (parsed != 1) {
        // A wrong password shows as a MAC failure and nothing before it.
        if (isMacFailure(ERR_peek_error()))
            return ossl::protocolError(
                QStringLiteral("PKCS12_PASSWORD"), QStringLiteral("wrong PKCS#12 password (the MAC does not verify)"));
        return ossl::protocolError(QStringLiteral("PKCS12_INVALID"), QStringLiteral("cannot read the PKCS#12 bundle"));
    }
    if (!pkey || !x509)
        return Error::protocol(QStringLiteral("PKCS12_INVALID"),
            QStringLiteral("the PKCS#12 bundle lacks a private key or its certificate"));
    if (EVP_PKEY_is_a(pkey.get(), "RSA") != 1)
        return Error::protocol(QStringLiteral("KEY_INVALID"), QStringLiteral("the PKCS#12 key is not an RSA key"));
    Pkcs12Bundle bundle { ossl::Access::privateKey(std::move(pkey)), ossl::Access::certificate(std::move(x509)) };
    if (!bundle.certificate.matches(bundle.key))
        return Error::protocol(
            QStringLiteral("PKCS12_INVALID"), QStringLiteral("the PKCS#12 certificate does not belong to its key"));
    return bundle;
}

Result<QByteArray> makePkcs12(const PrivateKey& key, const Certificate& certificate, QByteArrayView password)
{
    if (key.isNull() || certificate.isNull())
        return Error::protocol(
            QStringLiteral("PKCS12_INVALID"), QStringLiteral("a key and a certificate are required"));
    if (!certificate.matches(key))
        return Error::protocol(
            QStringLiteral("KEY_INVALID"), QStringLiteral("the certificate does not belong to the key"));
    ERR_clear_error();
    const Password pass(password);
    // OpenSSL 3 defaults: AES-256-CBC with PBKDF2 for both bags, SHA-256 MAC.
    ossl::Pkcs12Ptr p12(PKCS12_create(pass.text.constData(), nullptr, static_cast<EVP_PKEY*>(key.handle()),
        static_cast<X509*>(certificate.handle()), nullptr, 0, 0, 0, 0, 0));
    if (!p12)
        return ossl::protocolError(QStringLiteral("PKCS12_INVALID"), QStringLiteral("cannot build the PKCS#12 bundle"));
    QByteArray der = ossl::toDer(p12.get(), i2d_PKCS12);
    if (der.isEmpty())
        return ossl::protocolError(
            QStringLiteral("PKCS12_INVALID"), QStringLiteral("cannot encode the PKCS#12 bundle"));
    return der;
}

} // namespace wxpay::crypto
