#pragma once

// APIv3 request signing (the WECHATPAY2-SHA256-RSA2048 Authorization header) and, for the simulator and tests,
// the server side: parsing that header and signing replies with the five Wechatpay-* headers.

#include "common/clock.h"
#include "common/nonce.h"
#include "common/result.h"
#include "crypto/crypto.h"
#include "protocol/wire.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace wxpay::protocol::v3 {

inline constexpr QByteArrayView kAuthorizationSchema = "WECHATPAY2-SHA256-RSA2048";
inline constexpr int kNonceLength = 32;

// "METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n": what the merchant signs (body empty for GET).
QByteArray signatureMessage(
    QByteArrayView method, QByteArrayView pathAndQuery, qint64 timestamp, QByteArrayView nonce, QByteArrayView body);

// "TIMESTAMP\nNONCE\nBODY\n": what WeChat signs on replies and callbacks (timestamp as sent in the header).
QByteArray responseSignatureMessage(QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView body);

// The five parameters of an Authorization header.
struct AuthorizationParts
{
    QString mchid;
    QByteArray nonce;
    qint64 timestamp = 0;
    QString serialNo;
    QByteArray signature; // Base64, as sent

    friend bool operator==(const AuthorizationParts&, const AuthorizationParts&) = default;
};

// The header value in the Go SDK's parameter order: mchid, nonce_str, timestamp, serial_no, signature.
QByteArray formatAuthorization(const AuthorizationParts& parts);

// Accepts the k="v" pairs in any order (SDKs differ); unknown keys are ignored, duplicates rejected.
// Errors (Protocol): AUTHORIZATION_SCHEMA, AUTHORIZATION_MALFORMED.
Result<AuthorizationParts> parseAuthorization(QByteArrayView header);

// The merchant's APIv3 identity: mchid, the serial of its API certificate and the matching private key.
class MerchantSigner
{
public:
    MerchantSigner(QString mchid, QString serialNo, crypto::PrivateKey key);

    MerchantSigner(MerchantSigner&&) noexcept = default;
    MerchantSigner& operator=(MerchantSigner&&) noexcept = default;
    MerchantSigner(const MerchantSigner&) = delete;
    MerchantSigner& operator=(const MerchantSigner&) = delete;

    const QString& mchid() const { return m_mchid; }
    const QString& serialNo() const { return m_serialNo; }

    // Base64 RSA-SHA256 signature of `message`.
    Result<QByteArray> sign(QByteArrayView message) const;

    // The Authorization header value for one request, with the given timestamp and nonce ...
    Result<QByteArray> authorization(QByteArrayView method,
        QByteArrayView pathAndQuery,
        QByteArrayView body,
        qint64 timestamp,
        QByteArrayView nonce) const;
    // ... or with "now" and a fresh 32-character nonce.
    Result<QByteArray> authorization(QByteArrayView method,
        QByteArrayView pathAndQuery,
        QByteArrayView body,
        const Clock& clock,
        NonceSource& nonces) const;

private:
    QString m_mchid;
    QString m_serialNo;
    crypto::PrivateKey m_key;
};

// Server side (simulator, tests): the headers WeChat puts on a signed reply, in this order:
// Wechatpay-Nonce, Wechatpay-Signature, Wechatpay-Timestamp, Wechatpay-Serial, Wechatpay-Signature-Type.
Result<HeaderList> signResponse(
    const crypto::PrivateKey& key, const QString& serial, QByteArrayView body, qint64 timestamp, QByteArrayView nonce);

} // namespace wxpay::protocol::v3
