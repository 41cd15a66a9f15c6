#pragma once

// Verification of signed APIv3 replies (and callbacks, which carry the same headers): WeChat signs with a platform
// certificate's key (Wechatpay-Serial = the certificate serial) or with the "WeChat Pay public key"
// (Wechatpay-Serial = PUB_KEY_ID_...).

#include "common/clock.h"
#include "common/result.h"
#include "crypto/crypto.h"
#include "protocol/wire.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace wxpay::protocol::v3 {

inline constexpr QByteArrayView kSignatureProbePrefix = "WECHATPAY/SIGNTEST/";
inline constexpr QStringView kPublicKeyIdPrefix = u"PUB_KEY_ID_";
inline constexpr qint64 kMaxClockSkewSecs = 300;

class ResponseVerifier
{
public:
    // Trusts `certificate` for replies naming its serial; replaces a certificate with the same serial.
    void addCertificate(const crypto::Certificate& certificate);
    // Trusts `key` for replies whose Wechatpay-Serial is `keyId` (which must start with PUB_KEY_ID_).
    Status setPublicKey(const QString& keyId, const crypto::PublicKey& key);

    bool isEmpty() const { return m_certificates.isEmpty() && m_publicKey.isNull(); }
    bool knows(const QString& serial) const;
    QStringList serials() const; // certificate serials, then the public key id
    // What requests send as Wechatpay-Serial: the public key id when there is one, else the serial of the
    // certificate that expires last; empty when nothing is trusted yet.
    QString preferredSerial() const;

    // The checks, in order; each failure is a Verification error carrying the reply's Request-ID:
    //   HEADERS_MISSING    Wechatpay-Timestamp, -Nonce, -Signature or -Serial absent or empty
    //   SIGNATURE_PROBE    the signature starts with WECHATPAY/SIGNTEST/ (WeChat checking that we verify)
    //   TIMESTAMP_INVALID  the timestamp is not a number
    //   TIMESTAMP_STALE    |now - timestamp| >= 300 s
    //   SERIAL_UNKNOWN     no trusted certificate or public key for Wechatpay-Serial
    //   SIGNATURE_INVALID  not Base64, or RSA-SHA256 over "TIMESTAMP\nNONCE\nBODY\n" fails
    Status verify(const WireResponse& response, const Clock& clock) const;

private:
    crypto::PublicKey keyFor(const QString& serial) const;

    QMap<QString, crypto::Certificate> m_certificates; // by upper-case serial
    QString m_publicKeyId;
    crypto::PublicKey m_publicKey;
};

} // namespace wxpay::protocol::v3
