// Digests, HMAC, constant-time compare and randomness.
#include "crypto/crypto.h"
#include "crypto/ossl.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace wxpay::crypto {

namespace {

QByteArray digest(const EVP_MD* md, QByteArrayView data)
{
    QByteArray out(EVP_MD_get_size(md), Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(data.data(), static_cast<size_t>(data.size()), reinterpret_cast<unsigned char*>(out.data()), &length,
            md, nullptr)
        != 1)
        qFatal("EVP_Digest failed"); // only fails on allocation failure
    out.resize(static_cast<qsizetype>(length));
    return out;
}

} // namespace

QByteArray md5(QByteArrayView data)
{
    return digest(EVP_md5(), data);
}

QByteArray sha1(QByteArrayView data)
{
    return digest(EVP_sha1(), data);
}

QByteArray sha256(QByteArrayView data)
{
    return digest(EVP_sha256(), data);
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView message)
{
    ossl::MacPtr mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    ossl::MacCtxPtr ctx(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
    char digestName[] = "SHA256";
    const OSSL_PARAM params[]
        = { OSSL_PARAM_construct_utf8_string("digest", digestName, 0), OSSL_PARAM_construct_end() };
    QByteArray out(32, Qt::Uninitialized);
    size_t length = 0;
    if (!ctx
        || EVP_MAC_init(
               ctx.get(), reinterpret_cast<const unsigned char*>(key.data()), static_cast<size_t>(key.size()), params)
            != 1
        || EVP_MAC_update(
               ctx.get(), reinterpret_cast<const unsigned char*>(message.data()), static_cast<size_t>(message.size()))
            != 1
        || EVP_MAC_final(
               ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &length, static_cast<size_t>(out.size()))
            != 1)
        qFatal("HMAC-SHA256 failed");
    out.resize(static_cast<qsizetype>(length));
    return out;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), count) != 1)
        qFatal("RAND_bytes failed");
    return out;
}

} // namespace wxpay::crypto
