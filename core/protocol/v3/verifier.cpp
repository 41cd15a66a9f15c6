#include "protocol/v3/verifier.h"

#include "protocol/log.h"
#include "protocol/v3/auth.h"

#include <algorithm>

namespace wxpay::protocol::v3 {

void ResponseVerifier::addCertificate(const crypto::Certificate& certificate)
{
    m_certificates.insert(certificate.serialNumberHex().toUpper(), certificate);
}

Status ResponseVerifier::setPublicKey(const QString& keyId, const crypto::PublicKey& key)
{
    if (!keyId.startsWith(kPublicKeyIdPrefix) || keyId.size() == kPublicKeyIdPrefix.size())
        return Error::input(QStringLiteral("PUBLIC_KEY_ID_INVALID"),
            QStringLiteral("a WeChat Pay public key id starts with PUB_KEY_ID_"));
    if (key.isNull())
        return Error::input(QStringLiteral("KEY_INVALID"), QStringLiteral("the WeChat Pay public key is empty"));
    m_publicKeyId = keyId;
    m_publicKey = key;
    return {};
}

bool ResponseVerifier::knows(const QString& serial) const
{
    return !keyFor(serial).isNull();
}

QStringList ResponseVerifier::serials() const
{
    QStringList result = m_certificates.keys();
    if (!m_publicKeyId.isEmpty())
        result << m_publicKeyId;
    return result;
}

QString ResponseVerifier::preferredSerial() const
{
    if (!m_publicKeyId.isEmpty())
        return m_publicKeyId;
    QString best;
    QDateTime bestExpiry;
    for (auto it = m_certificates.cbegin(); it != m_certificates.cend(); ++it) {
        const QDateTime expiry = it.value().notAfter();
        if (best.isEmpty() || expiry > bestExpiry) {
            best = it.key();
            bestExpiry = expiry;
        }
    }
    return best;
}

crypto::PublicKey ResponseVerifier::keyFor(const QString& serial) const
{
    if (serial.isEmpty())
        return {};
    if (serial == m_publicKeyId)
        return m_publicKey;
    const auto it = m_certificates.constFind(serial.toUpper());
    return it == m_certificates.cend() ? crypto::PublicKey() : it.value().publicKey();
}

Status ResponseVerifier::verify(const WireResponse& response, const Clock& clock) const
{
    const QString requestId = response.requestId();
    const QByteArray timestamp = response.header("Wechatpay-Timestamp").trimmed();
    const QByteArray nonce = response.header("Wechatpay-Nonce").trimmed();
    const QByteArray signature = response.header("Wechatpay-Signature").trimmed();
    const QString serial = QString::fromUtf8(response.header("Wechatpay-Serial").trimmed());

    if (timestamp.isEmpty() || nonce.isEmpty() || signature.isEmpty() || serial.isEmpty()) {
        return Error::verification(QStringLiteral("HEADERS_MISSING"),
            QStringLiteral("the reply carries no complete WeChat Pay signature"), requestId);
    }
    if (signature.startsWith(kSignatureProbePrefix)) {
        qCInfo(lcProtocol) << "signature probe rejected, Request-ID" << requestId;
        return Error::verification(QStringLiteral("SIGNATURE_PROBE"),
            QStringLiteral("the reply carries a WECHATPAY/SIGNTEST/ probe signature"), requestId);
    }
    // Digits only (no sign, at most 18) so that the difference below cannot overflow.
    const bool numeric = timestamp.size() <= 18
        && std::all_of(timestamp.cbegin(), timestamp.cend(), [](char c) { return c >= '0' && c <= '9'; });
    if (!numeric) {
        return Error::verification(
            QStringLiteral("TIMESTAMP_INVALID"), QStringLiteral("Wechatpay-Timestamp is not a number"), requestId);
    }
    const qint64 skew = clock.nowSecs() - timestamp.toLongLong();
    if (skew >= kMaxClockSkewSecs || skew <= -kMaxClockSkewSecs) {
        return Error::verification(QStringLiteral("TIMESTAMP_STALE"),
            QStringLiteral("Wechatpay-Timestamp is %1 s away from now").arg(skew), requestId);
    }
    const crypto::PublicKey key = keyFor(serial);
    if (key.isNull()) {
        return Error::verification(QStringLiteral("SERIAL_UNKNOWN"),
            u"no trusted platform certificate or public key for serial " + serial, requestId);
    }
    const auto decoded = QByteArray::fromBase64Encoding(signature, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty()) {
        return Error::verification(
            QStringLiteral("SIGNATURE_INVALID"), QStringLiteral("Wechatpay-Signature is not Base64"), requestId);
    }
    const Status checked
        = crypto::rsaSha256Verify(key, responseSignatureMessage(timestamp, nonce, response.body), decoded.decoded);
    if (!checked) {
        return Error::verification(
            QStringLiteral("SIGNATURE_INVALID"), QStringLiteral("the reply's signature does not match"), requestId);
    }
    return {};
}

} // namespace wxpay::protocol::v3
