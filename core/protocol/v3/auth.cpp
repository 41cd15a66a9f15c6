#include "protocol/v3/auth.h"

#include <QSet>

namespace wxpay::protocol::v3 {

namespace {

Error malformed(const QString& why)
{
    return Error::protocol(QStringLiteral("AUTHORIZATION_MALFORMED"), u"Authorization header: " + why);
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

bool isKeyChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18) // 18 digits always fit in qint64
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

QByteArray signatureMessage(
    QByteArrayView method, QByteArrayView pathAndQuery, qint64 timestamp, QByteArrayView nonce, QByteArrayView body)
{
    QByteArray message;
    message.reserve(method.size() + pathAndQuery.size() + nonce.size() + body.size() + 32);
    message.append(method).append('\n');
    message.append(pathAndQuery).append('\n');
    message.append(QByteArray::number(timestamp)).append('\n');
    message.append(nonce).append('\n');
    message.append(body).append('\n');
    return message;
}

QByteArray responseSignatureMessage(QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView body)
{
    QByteArray message;
    message.reserve(timestamp.size() + nonce.size() + body.size() + 3);
    message.append(timestamp).append('\n');
    message.append(nonce).append('\n');
    message.append(body).append('\n');
    return message;
}

QByteArray formatAuthorization(const AuthorizationParts& parts)
{
    QByteArray header = kAuthorizationSchema.toByteArray();
    header += " mchid=\"" + parts.mchid.toUtf8() + "\",nonce_str=\"" + parts.nonce + "\",timestamp=\""
        + QByteArray::number(parts.timestamp) + "\",serial_no=\"" + parts.serialNo.toUtf8() + "\",signature=\""
        + parts.signature + '"';
    return header;
}

Result<AuthorizationParts> parseAuthorization(QByteArrayView header)
{
    const QByteArrayView text = header.trimmed();
    if (!text.startsWith(kAuthorizationSchema) || text.size() == kAuthorizationSchema.size()
        || !isSpace(text.at(kAuthorizationSchema.size()))) {
        return Error::protocol(QStringLiteral("AUTHORIZATION_SCHEMA"),
            QStringLiteral("Authorization header does not use WECHATPAY2-SHA256-RSA2048"));
    }

    AuthorizationParts parts;
    QSet<QByteArray> seen;
    qsizetype pos = kAuthorizationSchema.size();
    const qsizetype end = text.size();
    while (true) {
        while (pos < end && isSpace(text.at(pos)))
            ++pos;
        const qsizetype keyStart = pos;
        while (pos < end && isKeyChar(text.at(pos)))
            ++pos;
        const QByteArray key = text.sliced(keyStart, pos - keyStart).toByteArray();
        if (key.isEmpty())
            return malformed(QStringLiteral("expected a parameter name"));
        if (pos + 1 >= end || text.at(pos) != '=' || text.at(pos + 1) != '"')
            return malformed(u"expected =\" after " + QString::fromLatin1(key));
        pos += 2;
        const qsizetype valueStart = pos;
        while (pos < end && text.at(pos) != '"')
            ++pos;
        if (pos == end)
            return malformed(u"unterminated value of " + QString::fromLatin1(key));
        const QByteArrayView value = text.sliced(valueStart, pos - valueStart);
        ++pos;
        if (seen.contains(key))
            return malformed(u"duplicate parameter " + QString::fromLatin1(key));
        seen.insert(key);

        if (key == "mchid") {
            parts.mchid = QString::fromUtf8(value);
        } else if (key == "nonce_str") {
            parts.nonce = value.toByteArray();
        } else if (key == "timestamp") {
            if (!isDigits(value))
                return malformed(QStringLiteral("timestamp is not a number"));
            parts.timestamp = value.toLongLong();
        } else if (key == "serial_no") {
            parts.serialNo = QString::fromUtf8(value);
        } else if (key == "signature") {
            parts.signature = value.toByteArray();
        } // other keys: ignored, for forward compatibility

        while (pos < end && isSpace(text.at(pos)))
            ++pos;
        if (pos == end)
            break;
        if (text.at(pos) != ',')
            return malformed(QStringLiteral("expected a comma between parameters"));
        ++pos;
    }

    for (const char* required : { "mchid", "nonce_str", "timestamp", "serial_no", "signature" }) {
        if (!seen.contains(QByteArray(required)))
            return malformed(u"missing " + QString::fromLatin1(required));
    }
    if (parts.mchid.isEmpty() || parts.nonce.isEmpty() || parts.serialNo.isEmpty() || parts.signature.isEmpty())
        return malformed(QStringLiteral("empty parameter"));
    return parts;
}

MerchantSigner::MerchantSigner(QString mchid, QString serialNo, crypto::PrivateKey key)
    : m_mchid(std::move(mchid)), m_serialNo(std::move(serialNo)), m_key(std::move(key))
{ }

Result<QByteArray> MerchantSigner::sign(QByteArrayView message) const
{
    auto signature = crypto::rsaSha256Sign(m_key, message);
    if (!signature)
        return signature.error();
    return signature->toBase64();
}

Result<QByteArray> MerchantSigner::authorization(QByteArrayView method,
    QByteArrayView pathAndQuery,
    QByteArrayView body,
    qint64 timestamp,
    QByteArrayView nonce) const
{
    auto signature = sign(signatureMessage(method, pathAndQuery, timestamp, nonce, body));
    if (!signature)
        return signature.error();
    return formatAuthorization({ m_mchid, nonce.toByteArray(), timestamp, m_serialNo, std::move(signature).value() });
}

Result<QByteArray> MerchantSigner::authorization(QByteArrayView method,
    QByteArrayView pathAndQuery,
    QByteArrayView body,
    const Clock& clock,
    NonceSource& nonces) const
{
    return authorization(method, pathAndQuery, body, clock.nowSecs(), nonces.next(kNonceLength));
}

Result<HeaderList> signResponse(
    const crypto::PrivateKey& key, const QString& serial, QByteArrayView body, qint64 timestamp, QByteArrayView nonce)
{
    const QByteArray timestampText = QByteArray::number(timestamp);
    auto signature = crypto::rsaSha256Sign(key, responseSignatureMessage(timestampText, nonce, body));
    if (!signature)
        return signature.error();
    return HeaderList {
        { "Wechatpay-Nonce", nonce.toByteArray() },
        { "Wechatpay-Signature", signature->toBase64() },
        { "Wechatpay-Timestamp", timestampText },
        { "Wechatpay-Serial", serial.toUtf8() },
        { "Wechatpay-Signature-Type", kAuthorizationSchema.toByteArray() },
    };
}

} // namespace wxpay::protocol::v3
