#include "protocol/v3/certificates.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace wxpay::protocol::v3 {

namespace {

constexpr auto kAlgorithm = QLatin1String("AEAD_AES_256_GCM");
constexpr int kCertificateNonceLength = 12;

Result<PlatformCertificate> decryptOne(const QJsonObject& item, QByteArrayView apiV3Key)
{
    JsonReader reader({});
    PlatformCertificate result;
    result.serialNo = reader.string(item, QLatin1String("serial_no"), true);
    result.effectiveTime = reader.time(item, QLatin1String("effective_time"));
    result.expireTime = reader.time(item, QLatin1String("expire_time"));
    const QJsonObject encrypted = reader.object(item, QLatin1String("encrypt_certificate"), true);
    const QString algorithm = reader.string(encrypted, QLatin1String("algorithm"), true);
    const QString nonce = reader.string(encrypted, QLatin1String("nonce"), true);
    const QString associatedData = reader.string(encrypted, QLatin1String("associated_data"));
    const QString ciphertext = reader.string(encrypted, QLatin1String("ciphertext"), true);
    if (!reader.ok())
        return reader.error();
    if (algorithm != kAlgorithm) {
        return Error::protocol(
            QStringLiteral("ALGORITHM_UNSUPPORTED"), u"certificate encrypted with unsupported " + algorithm);
    }
    const auto decoded = QByteArray::fromBase64Encoding(ciphertext.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return Error::protocol(QStringLiteral("FIELD_INVALID"), QStringLiteral("ciphertext is not Base64"));
    }
    auto pem = crypto::aes256GcmDecrypt(apiV3Key, nonce.toUtf8(), associatedData.toUtf8(), decoded.decoded);
    if (!pem)
        return pem.error();
    auto certificate = crypto::Certificate::fromPem(*pem);
    if (!certificate)
        return certificate.error();
    if (certificate->serialNumberHex().compare(result.serialNo, Qt::CaseInsensitive) != 0) {
        return Error::protocol(QStringLiteral("SERIAL_MISMATCH"),
            u"certificate serial " + certificate->serialNumberHex() + u" differs from serial_no " + result.serialNo);
    }
    result.certificate = std::move(certificate).value();
    return result;
}

} // namespace

QString certificatesPath(ApiFamily family)
{
    switch (family) {
    case ApiFamily::V3:
        return QStringLiteral("/v3/certificates");
    case ApiFamily::Global:
        return QStringLiteral("/v3/global/certificates");
    case ApiFamily::HkV3:
        return QStringLiteral("/hk/v3/certificates");
    case ApiFamily::V2:
        break;
    }
    return {};
}

Result<WireRequest> certificatesRequest(Exchange& exchange, ApiFamily family)
{
    const QString path = certificatesPath(family);
    if (path.isEmpty())
        return unsupported(QStringLiteral("APIv2 has no platform certificates"));
    return exchange.get(path);
}

Result<QList<PlatformCertificate>> decryptCertificates(QByteArrayView body, QByteArrayView apiV3Key)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::protocol(QStringLiteral("JSON_MALFORMED"), QStringLiteral("the certificates body is not JSON"));
    const QJsonValue data = document.object().value(QLatin1String("data"));
    if (!data.isArray() || data.toArray().isEmpty())
        return Error::protocol(QStringLiteral("FIELD_MISSING"), QStringLiteral("the certificates body has no data"));
    QList<PlatformCertificate> certificates;
    for (const QJsonValue& item : data.toArray()) {
        if (!item.isObject())
            return Error::protocol(QStringLiteral("FIELD_INVALID"), QStringLiteral("a certificate is not an object"));
        auto certificate = decryptOne(item.toObject(), apiV3Key);
        if (!certificate)
            return certificate.error();
        certificates.append(std::move(certificate).value());
    }
    return certificates;
}

Result<QList<PlatformCertificate>> parseCertificates(
    const WireResponse& response, QByteArrayView apiV3Key, const Clock& clock, const ResponseVerifier* trusted)
{
    const QString requestId = response.requestId();
    ResponseVerifier verifier = trusted ? *trusted : ResponseVerifier();
    if (response.status < 200 || response.status >= 300) // e.g. RESOURCE_NOT_EXISTS in public-key mode
        return acceptReply(response, verifier, clock).error();
    auto certificates = decryptCertificates(response.body, apiV3Key);
    if (!certificates) {
        Error error = certificates.error();
        error.requestId = requestId;
        return error;
    }
    for (const PlatformCertificate& certificate : *certificates)
        verifier.addCertificate(certificate.certificate);
    if (const Status verified = verifier.verify(response, clock); !verified)
        return verified.error();
    return certificates;
}

Result<QByteArray> buildCertificatesBody(
    const QList<crypto::Certificate>& certificates, QByteArrayView apiV3Key, NonceSource& nonces)
{
    QJsonArray data;
    for (const crypto::Certificate& certificate : certificates) {
        const QByteArray nonce = nonces.next(kCertificateNonceLength);
        const QByteArray associatedData = "certificate";
        auto ciphertext = crypto::aes256GcmEncrypt(apiV3Key, nonce, associatedData, certificate.toPem());
        if (!ciphertext)
            return ciphertext.error();
        data.append(QJsonObject {
            { QLatin1String("serial_no"), certificate.serialNumberHex() },
            { QLatin1String("effective_time"), wireTime(certificate.notBefore()) },
            { QLatin1String("expire_time"), wireTime(certificate.notAfter()) },
            { QLatin1String("encrypt_certificate"),
                QJsonObject { { QLatin1String("algorithm"), kAlgorithm },
                    { QLatin1String("nonce"), QString::fromLatin1(nonce) },
                    { QLatin1String("associated_data"), QString::fromLatin1(associatedData) },
                    { QLatin1String("ciphertext"), QString::fromLatin1(ciphertext->toBase64()) } } },
        });
    }
    return compactJson(QJsonObject { { QLatin1String("data"), data } });
}

} // namespace wxpay::protocol::v3
