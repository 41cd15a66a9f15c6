// RSA keys (PEM, generation, SPKI) and RSA-SHA256 PKCS#1 v1.5 signatures.
#include "crypto/crypto.h"
#include "crypto/ossl.h"

#include <cstring>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace wxpay::crypto {

struct PrivateKey::Impl
{
    ossl::PkeyPtr pkey;
};

struct PublicKey::Impl
{
    ossl::PkeyPtr pkey;
};

namespace {

bool isRsa(const EVP_PKEY* pkey)
{
    return EVP_PKEY_is_a(pkey, "RSA") == 1;
}

} // namespace

PrivateKey ossl::Access::privateKey(PkeyPtr pkey)
{
    PrivateKey key;
    if (pkey)
        key.d = std::make_unique<PrivateKey::Impl>(PrivateKey::Impl { std::move(pkey) });
    return key;
}

PublicKey ossl::Access::publicKey(PkeyPtr pkey)
{
    PublicKey key;
    if (pkey)
        key.d = std::make_shared<PublicKey::Impl>(PublicKey::Impl { std::move(pkey) });
    return key;
}

// ---- PrivateKey ----

PrivateKey::PrivateKey() = default;
PrivateKey::~PrivateKey() = default;
PrivateKey::PrivateKey(PrivateKey&&) noexcept = default;
PrivateKey& PrivateKey::operator=(PrivateKey&&) noexcept = default;

Result<PrivateKey> PrivateKey::fromPem(QByteArrayView pem)
{
    auto block = ossl::readPemBlock(pem, { "PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY" });
    if (!block)
        return block.error();
    const bool encrypted = std::strcmp(block->label.get(), "ENCRYPTED PRIVATE KEY") == 0
        || (block->header && std::strstr(block->header.get(), "ENCRYPTED"));
    if (encrypted)
        return Error::protocol(QStringLiteral("PEM_INVALID"),
            QStringLiteral("the private key is password-protected; export it unencrypted"));
    const unsigned char* p = block->der.get();
    const bool pkcs1 = std::strcmp(block->label.get(), "RSA PRIVATE KEY") == 0;
    ossl::PkeyPtr pkey(pkcs1 ? d2i_PrivateKey(EVP_PKEY_RSA, nullptr, &p, block->length)
                             : d2i_AutoPrivateKey(nullptr, &p, block->length));
    if (!pkey)
        return ossl::protocolError(QStringLiteral("KEY_INVALID"), QStringLiteral("cannot decode the private key"));
    if (!isRsa(pkey.get()))
        return Error::protocol(QStringLiteral("KEY_INVALID"), QStringLiteral("the private key is not an RSA key"));
    return ossl::Access::privateKey(std::move(pkey));
}

Result<PrivateKey> PrivateKey::generateRsa(int bits)
{
    if (bits < 2048 || bits > 8192)
        return Error::protocol(QStringLiteral("KEY_GENERATION_FAILED"),
            QStringLiteral("RSA key size must be 2048..8192 bits, not %1").arg(bits));
    ossl::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY* raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), bits) != 1
        || EVP_PKEY_generate(ctx.get(), &raw) != 1)
        return ossl::protocolError(
            QStringLiteral("KEY_GENERATION_FAILED"), QStringLiteral("RSA key generation failed"));
    return ossl::Access::privateKey(ossl::PkeyPtr(raw));
}

bool PrivateKey::isNull() const
{
    return !d;
}

QByteArray PrivateKey::toPem() const
{
    if (!d)
        return {};
    ossl::BioPtr bio = ossl::writeBio();
    // PEM_write_bio_PrivateKey writes unencrypted PKCS#8 ("BEGIN PRIVATE KEY").
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), d->pkey.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        ERR_clear_error();
        return {};
    }
    return ossl::bioContents(bio.get());
}

PublicKey PrivateKey::publicKey() const
{
    if (!d)
        return {};
    // Round trip through SubjectPublicKeyInfo so the PublicKey holds no private material.
    const QByteArray spki = ossl::toDer(d->pkey.get(), i2d_PUBKEY);
    const unsigned char* p = ossl::bytes(spki);
    ossl::PkeyPtr pkey(spki.isEmpty() ? nullptr : d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size())));
    ERR_clear_error();
    return ossl::Access::publicKey(std::move(pkey));
}

void* PrivateKey::handle() const
{
    return d ? d->pkey.get() : nullptr;
}

// ---- PublicKey ----

PublicKey::PublicKey() = default;
PublicKey::~PublicKey() = default;
PublicKey::PublicKey(const PublicKey&) = default;
PublicKey& PublicKey::operator=(const PublicKey&) = default;
PublicKey::PublicKey(PublicKey&&) noexcept = default;
PublicKey& PublicKey::operator=(PublicKey&&) noexcept = default;

Result<PublicKey> PublicKey::fromPem(QByteArrayView pem)
{
    auto block = ossl::readPemBlock(pem, { "PUBLIC KEY", "RSA PUBLIC KEY" });
    if (!block)
        return block.error();
    const unsigned char* p = block->der.get();
    const bool pkcs1 = std::strcmp(block->label.get(), "RSA PUBLIC KEY") == 0;
    ossl::PkeyPtr pkey(
        pkcs1 ? d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, block->length) : d2i_PUBKEY(nullptr, &p, block->length));
    if (!pkey)
        return ossl::protocolError(QStringLiteral("KEY_INVALID"), QStringLiteral("cannot decode the public key"));
    if (!isRsa(pkey.get()))
        return Error::protocol(QStringLiteral("KEY_INVALID"), QStringLiteral("the public key is not an RSA key"));
    return ossl::Access::publicKey(std::move(pkey));
}

bool PublicKey::isNull() const
{
    return !d;
}

QByteArray PublicKey::toPem() const
{
    if (!d)
        return {};
    ossl::BioPtr bio = ossl::writeBio();
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), d->pkey.get()) != 1) {
        ERR_clear_error();
        return {};
    }
    return ossl::bioContents(bio.get());
}

QByteArray PublicKey::spkiDer() const
{
    if (!d)
        return {};
    QByteArray der = ossl::toDer(d->pkey.get(), i2d_PUBKEY);
    ERR_clear_error();
    return der;
}

void* PublicKey::handle() const
{
    return d ? d->pkey.get() : nullptr;
}

bool operator==(const PublicKey& a, const PublicKey& b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() && b.isNull();
    return a.spkiDer() == b.spkiDer();
}

// ---- RSA-SHA256 ----

Result<QByteArray> rsaSha256Sign(const PrivateKey& key, QByteArrayView message)
{
    auto* pkey = static_cast<EVP_PKEY*>(key.handle());
    if (!pkey)
        return Error::protocol(QStringLiteral("KEY_INVALID"), QStringLiteral("no private key to sign with"));
    ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
    size_t length = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, pkey) != 1
        || EVP_DigestSign(ctx.get(), nullptr, &length, ossl::bytes(message), static_cast<size_t>(message.size())) != 1)
        return ossl::protocolError(QStringLiteral("SIGN_FAILED"), QStringLiteral("RSA-SHA256 signing failed"));
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, ossl::bytes(message),
            static_cast<size_t>(message.size()))
        != 1)
        return ossl::protocolError(QStringLiteral("SIGN_FAILED"), QStringLiteral("RSA-SHA256 signing failed"));
    signature.resize(static_cast<qsizetype>(length));
    return signature;
}

Status rsaSha256Verify(const PublicKey& key, QByteArrayView message, QByteArrayView signature)
{
    auto* pkey = static_cast<EVP_PKEY*>(key.handle());
    if (!pkey)
        return Error::protocol(QStringLiteral("KEY_INVALID"), QStringLiteral("no public key to verify with"));
    if (!isRsa(pkey))
        return Error::protocol(QStringLiteral("KEY_INVALID"), QStringLiteral("the public key is not an RSA key"));
    ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, pkey) != 1)
        return ossl::protocolError(QStringLiteral("KEY_INVALID"), QStringLiteral("cannot verify with this key"));
    const int verified = EVP_DigestVerify(ctx.get(), ossl::bytes(signature), static_cast<size_t>(signature.size()),
        ossl::bytes(message), static_cast<size_t>(message.size()));
    if (verified != 1)
        return ossl::verificationError(
            QStringLiteral("SIGNATURE_INVALID"), QStringLiteral("RSA-SHA256 signature does not verify"));
    return {};
}

} // namespace wxpay::crypto
