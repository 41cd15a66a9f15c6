#pragma once

// APIv2 `sign` (protocol.md §1): MD5 or HMAC-SHA256 over the sorted non-empty fields plus "&key=<API key>".

#include "common/result.h"
#include "protocol/v2/xml.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace wxpay::protocol::v2 {

enum class SignType
{
    Md5,
    HmacSha256
};

// stringA: every field except `sign` whose value is not empty, names in byte order, "k1=v1&k2=v2",
// values as raw UTF-8 (no encoding, no trimming).
QByteArray signingString(const Fields& fields);

// Upper-case hex of MD5(stringA + "&key=" + key), or of HMAC-SHA256 keyed with `apiKey` over the same text.
QString sign(const Fields& fields, QByteArrayView apiKey, SignType type);

// Checks `sign` over ALL given fields (unknown and indexed ones too), in constant time.
// Verification errors: SIGN_MISSING, SIGN_MISMATCH.
Status verify(const Fields& fields, QByteArrayView apiKey, SignType type);

// The type a received document claims: its sign_type field, else HMAC-SHA256 for a 64-character sign, else MD5.
SignType signTypeOf(const Fields& fields);

QString signTypeName(SignType type); // "MD5", "HMAC-SHA256" (the sign_type spelling)

} // namespace wxpay::protocol::v2
