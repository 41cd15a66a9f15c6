#pragma once

// Platform certificates: GET /v3/certificates (/v3/global/certificates, /hk/v3/certificates). Each certificate comes
// AEAD_AES_256_GCM-encrypted with the merchant's APIv3 key; the reply is signed by one of the certificates inside,
// so a first download is verified against what it decrypts to.

#include "common/domain.h"
#include "common/nonce.h"
#include "common/result.h"
#include "crypto/crypto.h"
#include "protocol/v3/exchange.h"

#include <QList>

namespace wxpay::protocol::v3 {

struct PlatformCertificate
{
    QString serialNo;
    QDateTime effectiveTime; // UTC
    QDateTime expireTime; // UTC
    crypto::Certificate certificate;
};

// "/v3/certificates", "/v3/global/certificates" or "/hk/v3/certificates" (empty for V2).
QString certificatesPath(ApiFamily family);

// The signed GET of the certificates list.
Result<WireRequest> certificatesRequest(Exchange& exchange, ApiFamily family);

// Decrypts every data[].encrypt_certificate of a certificates body (key = the 32-byte APIv3 key, IV = nonce and
// AAD = associated_data as UTF-8), loads the PEM and checks that its serial equals serial_no.
// Errors: Protocol JSON_MALFORMED / FIELD_MISSING / FIELD_INVALID / ALGORITHM_UNSUPPORTED / SERIAL_MISMATCH, the
// crypto module's AEAD_KEY_LENGTH / AEAD_TAG_MISMATCH (Verification) / PEM_INVALID.
Result<QList<PlatformCertificate>> decryptCertificates(QByteArrayView body, QByteArrayView apiV3Key);

// A certificates reply: errors map as for any reply; a 200 is decrypted, then its signature is checked against the
// certificates already trusted by `trusted` (may be null) plus the decrypted ones.
Result<QList<PlatformCertificate>> parseCertificates(const WireResponse& response,
    QByteArrayView apiV3Key,
    const Clock& clock,
    const ResponseVerifier* trusted = nullptr);

// The reverse, for the simulator and tests: the JSON body WeChat would send for `certificates`, each encrypted
// with `apiV3Key`, a 12-character nonce from `nonces` and associated_data "certificate".
Result<QByteArray> buildCertificatesBody(
    const QList<crypto::Certificate>& certificates, QByteArrayView apiV3Key, NonceSource& nonces);

} // namespace wxpay::protocol::v3
