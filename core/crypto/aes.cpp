// AEAD_AES_256_GCM (APIv3 resources) and AES-256-ECB with PKCS#7 padding (APIv2 refund notifications).
#include "crypto/crypto.h"
#include "crypto/ossl.h"

#include <openssl/err.h>

namespace wxpay::crypto {

namespace {

constexpr qsizetype kKeyLength = 32;
constexpr int kTagLength = 16;

unsigned char* writable(QByteArray& data)
{
    return reinterpret_cast<unsigned char*>(data.data());
}

Error aesFailed(const QString& what)
{
    return ossl::protocolError(QStringLiteral("AES_FAILED"), what);
}

// Common checks of the GCM inputs; an empty Status when they are usable.
Status checkGcmInputs(QByteArrayView key, QByteArrayView iv, QByteArrayView aad, QByteArrayView text)
{
    if (key.size() != kKeyLength)
        return Error::protocol(QStringLiteral("AEAD_KEY_LENGTH"),
            QStringLiteral("AES-256-GCM key must be 32 bytes, not %1").arg(key.size()));
    if (iv.isEmpty() || !ossl::fitsInt(iv.size()))
        return Error::protocol(QStringLiteral("AES_FAILED"), QStringLiteral("AES-256-GCM needs a non-empty nonce"));
    if (!ossl::fitsInt(aad.size()) || !ossl::fitsInt(text.size() + kTagLength))
        return Error::protocol(QStringLiteral("AES_FAILED"), QStringLiteral("AES-256-GCM input too large"));
    return {};
}

// Sets up a GCM context: cipher, then the IV length (WeChat uses 12 bytes, but any length is valid), then key and IV.
bool initGcm(EVP_CIPHER_CTX* ctx, bool encrypt, QByteArrayView key, QByteArrayView iv, QByteArrayView aad)
{
    const int enc = encrypt ? 1 : 0;
    if (EVP_CipherInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr, enc) != 1
        || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(iv.size()), nullptr) != 1
        || EVP_CipherInit_ex(ctx, nullptr, nullptr, ossl::bytes(key), ossl::bytes(iv), enc) != 1)
        return false;
    int ignored = 0;
    return aad.isEmpty()
        || EVP_CipherUpdate(ctx, nullptr, &ignored, ossl::bytes(aad), static_cast<int>(aad.size())) == 1;
}

} // namespace

Result<QByteArray> aes256GcmEncrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView aad, QByteArrayView plaintext)
{
    if (Status checked = checkGcmInputs(key, iv, aad, plaintext); !checked)
        return checked.error();
    ossl::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || !initGcm(ctx.get(), true, key, iv, aad))
        return aesFailed(QStringLiteral("AES-256-GCM set-up failed"));
    QByteArray out(plaintext.size() + kTagLength, Qt::Uninitialized);
    int length = 0;
    if (!plaintext.isEmpty()
        && EVP_EncryptUpdate(
               ctx.get(), writable(out), &length, ossl::bytes(plaintext), static_cast<int>(plaintext.size()))
            != 1)
        return aesFailed(QStringLiteral("AES-256-GCM encryption failed"));
    int finalLength = 0;
    if (EVP_EncryptFinal_ex(ctx.get(), writable(out) + length, &finalLength) != 1)
        return aesFailed(QStringLiteral("AES-256-GCM encryption failed"));
    length += finalLength;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagLength, writable(out) + length) != 1)
        return aesFailed(QStringLiteral("AES-256-GCM tag extraction failed"));
    out.resize(length + kTagLength);
    return out;
}

Result<QByteArray> aes256GcmDecrypt(
    QByteArrayView key, QByteArrayView iv, QByteArrayView aad, QByteArrayView ciphertext)
{
    if (Status checked = checkGcmInputs(key, iv, aad, ciphertext); !checked)
        return checked.error();
    if (ciphertext.size() < kTagLength)
        return Error::protocol(
            QStringLiteral("AES_FAILED"), QStringLiteral("AES-256-GCM ciphertext is shorter than its 16-byte tag"));
    const QByteArrayView encrypted = ciphertext.first(ciphertext.size() - kTagLength);
    // EVP_CTRL_GCM_SET_TAG takes a non-const pointer, so the tag is copied out.
    QByteArray tag = ciphertext.last(kTagLength).toByteArray();
    ossl::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || !initGcm(ctx.get(), false, key, iv, aad))
        return aesFailed(QStringLiteral("AES-256-GCM set-up failed"));
    QByteArray out(encrypted.size(), Qt::Uninitialized);
    int length = 0;
    if (!encrypted.isEmpty()
        && EVP_DecryptUpdate(
               ctx.get(), writable(out), &length, ossl::bytes(encrypted), static_cast<int>(encrypted.size()))
            != 1)
        return aesFailed(QStringLiteral("AES-256-GCM decryption failed"));
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagLength, tag.data()) != 1)
        return aesFailed(QStringLiteral("AES-256-GCM tag set-up failed"));
    int finalLength = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), writable(out) + length, &finalLength) != 1) {
        // Nothing of an unauthenticated plaintext may leave this function.
        OPENSSL_cleanse(out.data(), static_cast<size_t>(out.size()));
        return ossl::verificationError(
            QStringLiteral("AEAD_TAG_MISMATCH"), QStringLiteral("AES-256-GCM authentication tag does not match"));
    }
    out.resize(length + finalLength);
    return out;
}

namespace {

Result<QByteArray> aes256Ecb(bool encrypt, QByteArrayView key, QByteArrayView input)
{
    if (key.size() != kKeyLength)
        return Error::protocol(
            QStringLiteral("AES_FAILED"), QStringLiteral("AES-256-ECB key must be 32 bytes, not %1").arg(key.size()));
    constexpr int kBlock = 16;
    if (!ossl::fitsInt(input.size() + kBlock))
        return Error::protocol(QStringLiteral("AES_FAILED"), QStringLiteral("AES-256-ECB input too large"));
    if (!encrypt && (input.isEmpty() || input.size() % kBlock != 0))
        return Error::protocol(QStringLiteral("AES_FAILED"),
            QStringLiteral("AES-256-ECB ciphertext is not a non-empty multiple of 16 bytes"));
    ossl::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    // Padding is on by default: PKCS#7.
    if (!ctx
        || EVP_CipherInit_ex(ctx.get(), EVP_aes_256_ecb(), nullptr, ossl::bytes(key), nullptr, encrypt ? 1 : 0) != 1)
        return aesFailed(QStringLiteral("AES-256-ECB set-up failed"));
    QByteArray out(input.size() + kBlock, Qt::Uninitialized);
    int length = 0;
    if (!input.isEmpty()
        && EVP_CipherUpdate(ctx.get(), writable(out), &length, ossl::bytes(input), static_cast<int>(input.size())) != 1)
        return aesFailed(QStringLiteral("AES-256-ECB failed"));
    int finalLength = 0;
    if (EVP_CipherFinal_ex(ctx.get(), writable(out) + length, &finalLength) != 1) {
        OPENSSL_cleanse(out.data(), static_cast<size_t>(out.size()));
        return aesFailed(encrypt ? QStringLiteral("AES-256-ECB encryption failed")
                                 : QStringLiteral("AES-256-ECB decryption failed (wrong key or bad padding)"));
    }
    out.resize(length + finalLength);
    return out;
}

} // namespace

Result<QByteArray> aes256EcbEncrypt(QByteArrayView key, QByteArrayView plaintext)
{
    return aes256Ecb(true, key, plaintext);
}

Result<QByteArray> aes256EcbDecrypt(QByteArrayView key, QByteArrayView ciphertext)
{
    return aes256Ecb(false, key, ciphertext);
}

} // namespace wxpay::crypto
