#pragma once

// Shared by the v3 protocol tests: the KAT merchant key, generated platform keys and signed replies.

#include "crypto/crypto.h"
#include "protocol/v3/auth.h"
#include "protocol/wire.h"
#include "support/testsupport.h"

#include <QDateTime>
#include <QTest>

namespace wxpay::test::v3 {

// KAT-RSA-KEY (protocol.md section 7), used as the merchant's API key.
inline crypto::PrivateKey katKey()
{
    auto key = crypto::PrivateKey::fromPem(readTestData(QStringLiteral("protocol/v3/kat_rsa_key.pem")));
    if (!key) {
        qWarning("KAT key: %s", qPrintable(key.error().toString()));
        return {};
    }
    return std::move(key).value();
}

inline crypto::PrivateKey generatedKey()
{
    auto key = crypto::PrivateKey::generateRsa(2048);
    if (!key) {
        qWarning("key generation: %s", qPrintable(key.error().toString()));
        return {};
    }
    return std::move(key).value();
}

// A self-signed platform certificate for `key`.
inline crypto::Certificate platformCertificate(
    const crypto::PrivateKey& key, const QByteArray& serialHex, const QDateTime& notBefore, const QDateTime& notAfter)
{
    crypto::CertificateSpec spec;
    spec.commonName = QStringLiteral("Tenpay.com Root CA test platform");
    spec.organization = QStringLiteral("wxpay-console tests");
    spec.serialHex = serialHex;
    spec.notBefore = notBefore;
    spec.notAfter = notAfter;
    auto certificate = crypto::makeCertificate(key, spec, key);
    if (!certificate) {
        qWarning("certificate: %s", qPrintable(certificate.error().toString()));
        return {};
    }
    return std::move(certificate).value();
}

inline QByteArray base64Signature(const crypto::PrivateKey& key, const QByteArray& message)
{
    const auto signature = crypto::rsaSha256Sign(key, message);
    return signature ? signature->toBase64() : QByteArray();
}

// A reply as WeChat sends it: the five Wechatpay-* headers, then Request-ID.
inline protocol::WireResponse signedReply(int status,
    const QByteArray& body,
    const crypto::PrivateKey& key,
    const QString& serial,
    qint64 timestamp,
    const QByteArray& requestId = "08F8B5D8B30610AD0118A1B1E6C50128E4B301-0")
{
    protocol::WireResponse response;
    response.status = status;
    response.body = body;
    auto headers = protocol::v3::signResponse(key, serial, body, timestamp, "fdasfwqewlkja484w");
    if (headers)
        response.headers = *headers;
    else
        qWarning("signResponse: %s", qPrintable(headers.error().toString()));
    response.headers.append({ "Request-ID", requestId });
    response.headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
    return response;
}

inline protocol::WireResponse unsignedReply(int status, const QByteArray& body, const QByteArray& requestId = "REQ-1")
{
    protocol::WireResponse response;
    response.status = status;
    response.body = body;
    response.headers.append({ "Request-ID", requestId });
    return response;
}

} // namespace wxpay::test::v3
