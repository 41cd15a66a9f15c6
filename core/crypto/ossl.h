#pragma once

// Internal to core/crypto: unique_ptr owners for OpenSSL objects. Not included outside this module.

#include "common/result.h"
#include "crypto/crypto.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <initializer_list>
#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace wxpay::crypto::ossl {

template<auto Free> struct Deleter
{
    template<typename T> void operator()(T* p) const { Free(p); }
};

// For buffers OpenSSL allocated with OPENSSL_malloc (OPENSSL_free is a macro, so it needs a wrapper).
struct OpensslFree
{
    void operator()(void* p) const { OPENSSL_free(p); }
};

using MacPtr = std::unique_ptr<EVP_MAC, Deleter<EVP_MAC_free>>;
using MacCtxPtr = std::unique_ptr<EVP_MAC_CTX, Deleter<EVP_MAC_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, Deleter<EVP_CIPHER_CTX_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using X509ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using GeneralNamePtr = std::unique_ptr<GENERAL_NAME, Deleter<GENERAL_NAME_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES_free>>;
using Asn1StringPtr = std::unique_ptr<ASN1_STRING, Deleter<ASN1_STRING_free>>;
using Asn1IntegerPtr = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, Deleter<PKCS12_free>>;
using ProviderPtr = std::unique_ptr<OSSL_PROVIDER, Deleter<OSSL_PROVIDER_unload>>;
using CharPtr = std::unique_ptr<char, OpensslFree>;
using BytePtr = std::unique_ptr<unsigned char, OpensslFree>;

// Drains the thread's OpenSSL error queue into one line ("" when it was empty).
QString takeErrors();
// Errors that carry the OpenSSL error queue text after `what`; the queue is cleared.
Error protocolError(const QString& code, const QString& what);
Error verificationError(const QString& code, const QString& what);

// A read-only memory BIO over `data` (which must outlive it); null when `data` is too large for OpenSSL.
BioPtr readBio(QByteArrayView data);
// An empty writable memory BIO and what was written to one.
BioPtr writeBio();
QByteArray bioContents(BIO* bio);

// One PEM block as PEM_read_bio returns it; the DER payload is wiped when the block goes away.
struct PemBlock
{
    PemBlock() = default;
    PemBlock(PemBlock&&) noexcept = default;
    PemBlock& operator=(PemBlock&&) noexcept = default;
    ~PemBlock();

    CharPtr label; // e.g. "PRIVATE KEY"
    CharPtr header; // RFC 1421 headers such as "Proc-Type: 4,ENCRYPTED"
    BytePtr der;
    long length = 0;
};

// The first PEM block in `pem` whose label is one of `labels` (other blocks are skipped).
// PEM_INVALID when there is no such block or its armour/base64 is broken.
Result<PemBlock> readPemBlock(QByteArrayView pem, std::initializer_list<const char*> labels);

// DER encoding through an i2d_* function; empty on failure.
template<typename T, typename I2d> QByteArray toDer(T* object, I2d i2d)
{
    const int length = i2d(object, nullptr);
    if (length <= 0)
        return {};
    QByteArray out(length, Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    if (i2d(object, &p) != length)
        return {};
    return out;
}

// OpenSSL lengths are int; refuses sizes that do not fit.
bool fitsInt(qsizetype size);

// Wraps owned OpenSSL objects in the public types (defined next to each type's Impl).
struct Access
{
    static PrivateKey privateKey(PkeyPtr pkey);
    static PublicKey publicKey(PkeyPtr pkey);
    static Certificate certificate(X509Ptr x509);
};

inline const unsigned char* bytes(QByteArrayView data)
{
    return reinterpret_cast<const unsigned char*>(data.data());
}

} // namespace wxpay::crypto::ossl
