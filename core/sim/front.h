#pragma once

// The simulator's HTTP front, inside: one request as the server received it, the answer a family's front
// renders for it, and what the server must do with that answer (send it now, later, never, or drop the
// connection). server.cpp owns the sockets; frontv2.cpp, frontv3.cpp, frontmini.cpp and frontsandbox.cpp
// turn requests into engine calls and engine results into wire replies.
//
// Faults (fault.h) are taken only once a request is routed and, for v2 / v3, authenticated: a request
// that the front refuses (bad sign, bad Authorization) never consumes a planned fault, so a test's fault
// always hits the call it was meant for.

#include "common/clock.h"
#include "common/nonce.h"
#include "protocol/wire.h"
#include "sim/engine.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSslCertificate>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <optional>

namespace wxpay::sim::front {

// A reply far above any sane size cap: the client transport stops at 16 MiB, XML at 256 KiB.
inline constexpr qsizetype kOversizedBytes = 17 * 1024 * 1024;
// A v3 bill download_url is valid this long (WeChat: 30 s).
inline constexpr std::chrono::seconds kBillTokenLifetime { 30 };
// truncated_sign_message in a 401 SIGN_ERROR shows at most this many bytes of what we expected signed.
inline constexpr qsizetype kTruncatedSignMessageBytes = 1024;

struct Request
{
    QByteArray method; // "GET", "POST", ...
    QString path; // percent-encoded, as sent, without the query
    QByteArray target; // path?query as sent: what a v3 Authorization signs
    QUrlQuery query;
    protocol::HeaderList headers;
    QByteArray body;
    bool secure = false; // arrived over TLS
    QSslCertificate peerCertificate; // the TLS client certificate, if any

    QByteArray header(QByteArrayView name) const; // case-insensitive; empty if absent
    QString queryValue(const QString& key) const; // fully decoded
    // The path's segments, percent-decoded ("/v3/pay/a%7Cb" -> {"v3", "pay", "a|b"}).
    QStringList segments() const;
};

struct Reply
{
    int status = 200;
    protocol::HeaderList headers; // Content-Type, signature headers, ...; Request-ID is added by the server
    QByteArray body;
};

enum class Delivery
{
    Answer, // send the reply now
    Delay, // send the reply after `delay`
    NoAnswer, // keep the connection open and never answer
    Drop, // send part of the reply, then close the connection (the client sees the connection closed)
    Reset, // close the connection at once without a byte of reply (see SimServer for the client's resends)
};

// What one request led to, for the server and its log.
struct Outcome
{
    Reply reply;
    Delivery delivery = Delivery::Answer;
    std::chrono::milliseconds delay { 0 };
    QString family; // "v2", "v3", "global", "hk", "miniprogram", "sandbox"
    std::optional<Operation> operation;
    QString mchid;
    QString subMchid;
    QString code; // the error code the reply carries (err_code, return_msg code, v3 code, errcode), if any
    std::optional<Fault> fault;
    bool reachedEngine = false; // the engine ran (its state may have changed)
};

// A v3 bill download prepared by GET /v3/bill/tradebill.
struct BillToken
{
    QString mchid;
    QString subMchid;
    QByteArray content;
    QDateTime expires;
};

// What every family's front needs besides the request; the server owns one for its lifetime.
class Context
{
public:
    Context(SimEngine& simEngine, NonceSource& nonceSource) : engine(simEngine), nonces(nonceSource) { }

    SimEngine& engine;
    NonceSource& nonces; // nonce_str, v3 reply nonces, Request-IDs: never the engine's own source
    QUrl baseUrl;
    QHash<QString, BillToken> billTokens; // by token
    ManualClock* manualClock = nullptr; // enables /sandbox/clock/advance

    // A key no merchant knows, for the unknownserial fault; made on first use (RSA generation is slow).
    const crypto::PrivateKey* strangerKey();
    const QString& strangerSerial() const { return m_strangerSerial; }

private:
    std::optional<crypto::PrivateKey> m_strangerKey;
    QString m_strangerSerial;
};

// Each returns nullopt when the path is not its family's.
std::optional<Outcome> handleV2(Context& context, const Request& request);
std::optional<Outcome> handleV3(Context& context, const Request& request);
std::optional<Outcome> handleMiniProgram(Context& context, const Request& request);
std::optional<Outcome> handleSandbox(Context& context, const Request& request);

// ---- helpers the families share (front.cpp) ----

QByteArray randomHex(int bytes);
Reply jsonReply(int status, const QJsonObject& body);
Reply textReply(int status, const QByteArray& contentType, const QByteArray& body);
// The Fault a request gets, or nullopt; logs nothing (the server logs the outcome).
std::optional<Fault> takeFault(Context& context, Operation operation, Outcome& outcome);
// For faults that do not apply the request and look the same in every family: true when `fault` was acted
// out into `outcome` (timeout, reset, proxy403, proxy502). The families act out the rest themselves.
bool actOutTransportFault(const Fault& fault, Outcome& outcome);
// The delivery part of faults that apply the request (delay, drop, proxy502after's lost reply).
void applyDelivery(const Fault& fault, Outcome& outcome);
// The HTML page a corporate proxy (403) or a gateway that lost WeChat's answer (502) sends instead.
Reply proxyPage(int status);
// `length` bytes of filler text.
QByteArray padding(qsizetype length);

} // namespace wxpay::sim::front
