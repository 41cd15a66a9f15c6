#pragma once

// Shared set-up of the integration tests: one simulator per test executable (ManualClock, SimEngine with
// sandbox merchants, an HTTP and an HTTPS SimServer on 127.0.0.1), real clients for its merchants (own
// QNetworkAccessManager, HttpTransport, codec and PaymentGateway), and waiting for asynchronous replies by
// spinning the event loop (the server runs on the same thread).

#include "common/clock.h"
#include "common/nonce.h"
#include "gateway/paymentgateway.h"
#include "protocol/miniprogram/miniprogram.h"
#include "protocol/v3/v3codec.h"
#include "sim/engine.h"
#include "sim/sandboxclient.h"
#include "sim/server.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTest>

#include <chrono>
#include <memory>
#include <optional>

namespace wxpay::integration {

// Longest wait for one reply; every fault that withholds a reply is paired with a much shorter client timeout.
inline constexpr int kReplyWaitMs = 20000;

// Today (real date, so the TLS certificates the server issues are valid for the TLS stack) at 10:00 China time.
QDateTime startTime();

class SimHarness
{
public:
    explicit SimHarness(sim::SimSettings settings = {});
    ~SimHarness();

    // Creates an authority and one sandbox merchant per family, adds them and listens on HTTP and HTTPS.
    Status start(const QList<ApiFamily>& families);

    const sim::SimMerchant& merchant(ApiFamily family) const;
    MerchantIds ids(ApiFamily family) const;
    sim::SimServer& server(bool tls) { return tls ? *m_https : *m_http; }
    // The engine's record of an order (default entry when it does not exist).
    sim::LedgerEntry ledgerEntry(const QString& mchid, const QString& outTradeNo);
    void advance(std::chrono::seconds by) { clock.advance(by); }

    ManualClock clock { startTime() };
    RandomNonceSource nonces;
    sim::SimEngine engine;

private:
    QList<sim::SimMerchant> m_merchants;
    std::unique_ptr<sim::SimServer> m_http;
    std::unique_ptr<sim::SimServer> m_https;
};

// A client profile for one merchant: everything a console would build for it.
struct Client
{
    QNetworkAccessManager nam;
    std::unique_ptr<gateway::HttpTransport> transport;
    std::unique_ptr<gateway::PaymentGateway> gateway;
    std::unique_ptr<protocol::v3::V3Codec> v3Codec; // V3 only: for the bill file step
};

struct ClientSetup
{
    bool tls = false;
    const Clock* clock = nullptr; // the harness clock when null
    // The merchant as the client believes it to be (wrong keys, serials); the harness's merchant when empty.
    std::optional<sim::SimMerchant> merchant;
    sim::SandboxClientOptions options;
    // Applied to the transport settings after makeTransportConfig() (timeouts, trust, client certificate).
    std::function<void(gateway::TransportConfig&)> adjust;
};

Result<std::unique_ptr<Client>> makeClient(SimHarness& harness, ApiFamily family, const ClientSetup& setup = {});

// The codec alone, for tests that send and parse by hand.
Result<std::unique_ptr<protocol::PaymentCodec>> makeCodec(
    SimHarness& harness, ApiFamily family, const ClientSetup& setup = {});

// A transport of its own (mini-program calls, raw requests).
struct RawClient
{
    QNetworkAccessManager nam;
    std::unique_ptr<gateway::HttpTransport> transport;
};
Result<std::unique_ptr<RawClient>> makeRawClient(
    SimHarness& harness, ApiFamily family, bool tls, const std::function<void(gateway::TransportConfig&)>& adjust = {});

// One gateway call's outcome; `result` is empty when no reply came within kReplyWaitMs (the test then fails).
template<typename T> struct Outcome
{
    std::optional<Result<T>> result;
    gateway::CallInfo info;

    bool ok() const { return result && result->ok(); }
};

// Runs the event loop (the server's and the client's) until done() or kReplyWaitMs. Test code only: library code
// never blocks in a nested loop.
class ReplyWait
{
public:
    void exec();
    void done();

private:
    QEventLoop m_loop;
    bool m_done = false;
};

template<typename T, typename Arg>
Outcome<T> call(gateway::PaymentGateway& gateway,
    void (gateway::PaymentGateway::*method)(const Arg&, QObject*, gateway::PaymentGateway::Callback<T>),
    const Arg& argument)
{
    Outcome<T> outcome;
    QObject context;
    ReplyWait wait;
    (gateway.*method)(argument, &context, [&outcome, &wait](Result<T> result, gateway::CallInfo info) {
        outcome.result.emplace(std::move(result));
        outcome.info = info;
        wait.done();
    });
    wait.exec();
    return outcome;
}

// Sends a request as it is (tests that tamper with a signed request) and waits for the reply.
std::optional<Result<protocol::WireResponse>> send(
    gateway::HttpTransport& transport, const protocol::WireRequest& request);

// A fresh out_trade_no / out_refund_no ("IT" + tag + a counter + random digits) and a fresh Quick Pay code.
QString nextNo(const QString& tag);
QString nextAuthCode(sim::QuickPayScenario scenario, int n = 0);

Money amount(qint64 minorUnits, const QString& currency);

// A one-line description of a Result, for failure messages.
template<typename T> QByteArray describe(const std::optional<Result<T>>& result)
{
    if (!result)
        return "no reply";
    if (result->ok())
        return "success";
    return result->error().toString().toUtf8();
}

} // namespace wxpay::integration

// Fails unless the outcome of a gateway call is a success.
#define INTEG_VERIFY_OK(outcome)                                                                                       \
    do {                                                                                                               \
        const auto& integ_o_ = (outcome);                                                                              \
        QVERIFY2(integ_o_.ok(), wxpay::integration::describe(integ_o_.result).constData());                            \
    } while (false)

// Fails unless the outcome is an error of `kind` (and `code` when not empty).
#define INTEG_VERIFY_ERROR(outcome, expectedKind, expectedCode)                                                        \
    do {                                                                                                               \
        const auto& integ_o_ = (outcome);                                                                              \
        const QString integ_code_ = (expectedCode);                                                                    \
        const bool integ_match_ = integ_o_.result.has_value() && !integ_o_.result->ok()                                \
            && integ_o_.result->error().kind == (expectedKind)                                                         \
            && (integ_code_.isEmpty() || integ_o_.result->error().code == integ_code_);                                \
        const QByteArray integ_msg_ = (wxpay::errorKindName(expectedKind) + u' ' + integ_code_).toUtf8()               \
            + " expected, got " + wxpay::integration::describe(integ_o_.result);                                       \
        QVERIFY2(integ_match_, integ_msg_.constData());                                                                \
    } while (false)
