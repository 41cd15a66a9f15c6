#pragma once

// An HTTP exchange as the protocol layer sees it: built and parsed here, sent elsewhere (gateway/).

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace wxpay::protocol {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// Which server a request goes to; the profile (or the sandbox) maps each to a base URL.
enum class Endpoint
{
    Pay, // api.mch.weixin.qq.com (or apihk.mch.weixin.qq.com for cross-border merchants)
    MiniProgram, // api.weixin.qq.com
};

struct WireRequest
{
    QByteArray method; // "GET", "POST"
    QString pathAndQuery; // "/v3/pay/transactions/native", "/pay/orderquery", "/cgi-bin/token?grant_type=..."
    HeaderList headers; // in the order they are sent
    QByteArray body;
    Endpoint endpoint = Endpoint::Pay;
    bool needsClientCertificate = false; // v2 /secapi/... (mutual TLS)

    QByteArray header(QByteArrayView name) const; // case-insensitive; empty if absent
    // The request as text, for byte-for-byte tests: "METHOD path\nName: value\n...\n\nbody".
    QByteArray toText() const;
};

struct WireResponse
{
    int status = 0;
    HeaderList headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const; // case-insensitive; empty if absent
    QString requestId() const; // the Request-ID header, if any
};

} // namespace wxpay::protocol
