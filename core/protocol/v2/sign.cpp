#include "protocol/v2/sign.h"

#include "crypto/crypto.h"
#include "protocol/log.h"

#include <QList>

#include <algorithm>
#include <utility>

namespace wxpay::protocol::v2 {

QByteArray signingString(const Fields& fields)
{
    // QMap orders by UTF-16 code units; the spec wants byte order of the UTF-8 names, so sort again.
    QList<std::pair<QByteArray, QByteArray>> pairs;
    pairs.reserve(fields.size());
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (it.key() == u"sign" || it.value().isEmpty())
            continue;
        pairs.append({ it.key().toUtf8(), it.value().toUtf8() });
    }
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

    QByteArray out;
    for (const auto& [name, value] : std::as_const(pairs)) {
        if (!out.isEmpty())
            out += '&';
        out += name + '=' + value;
    }
    return out;
}

QString sign(const Fields& fields, QByteArrayView apiKey, SignType type)
{
    const QByteArray message = signingString(fields) + "&key=" + apiKey.toByteArray();
    const QByteArray digest = type == SignType::HmacSha256 ? crypto::hmacSha256(apiKey, message) : crypto::md5(message);
    return QString::fromLatin1(digest.toHex().toUpper());
}

Status verify(const Fields& fields, QByteArrayView apiKey, SignType type)
{
    const QString received = fields.value(QStringLiteral("sign"));
    if (received.isEmpty())
        return Error::verification(QStringLiteral("SIGN_MISSING"), QStringLiteral("the reply carries no sign"));
    const QByteArray expected = sign(fields, apiKey, type).toLatin1();
    if (!crypto::constantTimeEquals(expected, received.toUtf8())) {
        qCWarning(lcProtocol) << "v2 sign mismatch, sign type" << signTypeName(type);
        return Error::verification(QStringLiteral("SIGN_MISMATCH"),
            QStringLiteral("the reply's %1 sign does not match").arg(signTypeName(type)));
    }
    return {};
}

SignType signTypeOf(const Fields& fields)
{
    const QString declared = fields.value(QStringLiteral("sign_type"));
    if (declared == u"HMAC-SHA256")
        return SignType::HmacSha256;
    if (declared == u"MD5")
        return SignType::Md5;
    return fields.value(QStringLiteral("sign")).size() == 64 ? SignType::HmacSha256 : SignType::Md5;
}

QString signTypeName(SignType type)
{
    return type == SignType::HmacSha256 ? QStringLiteral("HMAC-SHA256") : QStringLiteral("MD5");
}

} // namespace wxpay::protocol::v2
