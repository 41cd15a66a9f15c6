#pragma once

// Pure cryptographic functions over OpenSSL 3 (EVP): bytes in, bytes out, typed errors.
// OpenSSL objects never leave this module except inside the move-only owners below.

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>

namespace wxpay::crypto {

// ---- digests and MACs (raw bytes; callers hex- or base64-encode) ----
QByteArray md5(QByteArrayView data);
QByteArray sha1(QByteArrayView data);
QByteArray sha256(QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView message);
// Constant-time equality (CRYPTO_memcmp); different lengths compare unequal.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
// Cryptographically secure random bytes.
QByteArray randomBytes(int count);

class PublicKey;
class Certificate;
namespace ossl {
struct Access; // this module's own constructors from OpenSSL objects
}

// An RSA private key (EVP_PKEY), move-only.
class PrivateKey
{
public:
    PrivateKey();
    ~PrivateKey();
    PrivateKey(PrivateKey&&) noexcept;
    PrivateKey& operator=(PrivateKey&&) noexcept;
    PrivateKey(const PrivateKey&) = delete;
    PrivateKey& operator=(const PrivateKey&) = delete;

    // PKCS#8 ("BEGIN PRIVATE KEY") or PKCS#1 ("BEGIN RSA PRIVATE KEY"), unencrypted.
    static Result<PrivateKey> fromPem(QByteArrayView pem);
    static Result<PrivateKey> generateRsa(int bits = 2048);

    bool isNull() const;
    QByteArray toPem() const; // PKCS#8
    PublicKey publicKey() const;
    void* handle() const; // EVP_PKEY*, for this module's own use

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    friend class PublicKey;
    friend struct ossl::Access;
};

// An RSA public key (EVP_PKEY), copyable (reference counted).
class PublicKey
{
public:
    PublicKey();
    ~PublicKey();
    PublicKey(const PublicKey&);
    PublicKey& operator=(const PublicKey&);
    PublicKey(PublicKey&&) noexcept;
    PublicKey& operator=(PublicKey&&) noexcept;

    // SubjectPublicKeyInfo ("BEGIN PUBLIC KEY") or PKCS#1 ("BEGIN RSA PUBLIC KEY").
    static Result<PublicKey> fromPem(QByteArrayView pem);

    bool isNull() const;
    QByteArray toPem() const;  // SubjectPublicKeyInfo
    QByteArray spkiDer() const; // DER SubjectPublicKeyInfo (its SHA-256 identifies the key)
    void* handle() const;       // EVP_PKEY*, for this module's own use

    friend bool operator==(const PublicKey& a, const PublicKey& b);

private:
    struct Impl;
    std::shared_ptr<Impl> d;
    friend class PrivateKey;
    friend class Certificate;
    friend struct ossl::Access;
};

// An X.509 certificate, copyable (reference counted).
class Certificate
{
public:
    Certificate();
    ~Certificate();
    Certificate(const Certificate&);
    Certificate& operator=(const Certificate&);
    Certificate(Certificate&&) noexcept;
    Certificate& operator=(Certificate&&) noexcept;

    static Result<Certificate> fromPem(QByteArrayView pem);
    static Result<Certificate> fromDer(QByteArrayView der);

    bool isNull() const;
    QByteArray toPem() const;
    QByteArray toDer() const;
    QString serialNumberHex() const; // upper-case hex without leading zeros or separators, as WeChat prints it
    QDateTime notBefore() const;     // UTC
    QDateTime notAfter() const;      // UTC
    QString subjectCommonName() const;
    PublicKey publicKey() const;
    bool matches(const PrivateKey& key) const; // the private key belongs to this certificate
    // `issuer` signed this certificate and its subject is this certificate's issuer (X509_check_issued rules,
    // so `issuer` must be allowed to sign certificates).
    bool isIssuedBy(const Certificate& issuer) const;
    void* handle() const; // X509*, for this module's own use

private:
    struct Impl;
    std::shared_ptr<Impl> d;
    friend struct ossl::Access;
};

// What makeCertificate() issues: used by the simulator (platform and merchant certificates, test CA).
struct CertificateSpec
{
    QString commonName;
    QString organization;
    QByteArray serialHex; // e.g. "D7CE59D1F522D701"; empty = 16 random hex digits
    QDateTime notBefore;
    QDateTime notAfter;
    bool isCa = false;
    QStringList dnsNames;    // subjectAltName DNS entries (TLS server certificates)
    QStringList ipAddresses; // subjectAltName IP entries
    bool serverAuth = false; // extendedKeyUsage serverAuth
    bool clientAuth = false; // extendedKeyUsage clientAuth
};

// Issues a certificate for `subjectKey`; self-signed when `issuer` is null (then `issuerKey` is the subject key).
// Always adds basicConstraints, keyUsage, subject/authority key identifiers, SHA-256 signature.
// A spec that cannot be issued (no CN, CN over 64 characters, bad serial/IP/DNS, empty validity,
// issuerKey not the issuer's) fails with kind Input, code CERT_SPEC_INVALID.
Result<Certificate> makeCertificate(const PrivateKey& subjectKey,
                                    const CertificateSpec& spec,
                                    const PrivateKey& issuerKey,
                                    const Certificate* issuer = nullptr);

// A PKCS#12 bundle (the v2 apiclient_cert.p12): its key and certificate.
struct Pkcs12Bundle
{
    PrivateKey key;
    Certificate certificate;
};
Result<Pkcs12Bundle> parsePkcs12(QByteArrayView der, QByteArrayView password);
Result<QByteArray> makePkcs12(const PrivateKey& key, const Certificate& certificate, QByteArrayView password);

// ---- RSA-2048 PKCS#1 v1.5 with SHA-256 ----
Result<QByteArray> rsaSha256Sign(const PrivateKey& key, QByteArrayView message); // raw signature bytes
Status rsaSha256Verify(const PublicKey& key, QByteArrayView message, QByteArrayView signature);

// ---- AEAD_AES_256_GCM (v3 certificates, callbacks): ciphertext = encrypted bytes || 16-byte tag ----
// key must be 32 bytes; any non-empty IV length is accepted (WeChat uses 12, some SDK tests 16).
Result<QByteArray> aes256GcmEncrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView aad, QByteArrayView plaintext);
Result<QByteArray> aes256GcmDecrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView aad, QByteArrayView ciphertext);

// ---- AES-256-ECB with PKCS#7 padding (v2 refund notification req_info) ----
Result<QByteArray> aes256EcbEncrypt(QByteArrayView key, QByteArrayView plaintext);
Result<QByteArray> aes256EcbDecrypt(QByteArrayView key, QByteArrayView ciphertext);

// Error codes used by this module (Error::code, kind Protocol for bad input material,
// Verification for failed signature/tag checks):
//   PEM_INVALID, DER_INVALID, KEY_INVALID, KEY_GENERATION_FAILED, CERT_INVALID, PKCS12_INVALID,
//   PKCS12_PASSWORD, SIGN_FAILED, SIGNATURE_INVALID, AEAD_KEY_LENGTH, AEAD_TAG_MISMATCH, AES_FAILED;
//   kind Input: CERT_SPEC_INVALID (makeCertificate). Encrypted private-key PEM is PEM_INVALID.
//   AES_FAILED also covers a wrong ECB key length, an empty GCM IV and a GCM ciphertext shorter than its tag.

} // namespace wxpay::crypto
