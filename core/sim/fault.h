#pragma once

// Fault injection for the simulator. The engine only keeps the plan and hands out the next fault for an
// operation; the HTTP front applies it (delays, dropped connections, broken signatures, ...).

#include "common/result.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <chrono>
#include <optional>
#include <utility>

namespace wxpay::sim {

// What a request asks the simulator to do, independent of API family; fault rules and the front use
// these names ("native", "micropay", ...).
enum class Operation
{
    CreateNative, // native      v2 unifiedorder NATIVE, v3/global/hk native
    Micropay, // micropay    v2 micropay, v3 codepay, global/hk micropay
    QueryOrder, // query       v2 orderquery, v3 query by id / out_trade_no
    CloseOrder, // close
    Reverse, // reverse
    Refund, // refund
    QueryRefund, // refundquery
    TradeBill, // bill        v2 downloadbill, v3 tradebill
    BillFile, // billfile    v3 bill file download
    Certificates, // certificates
    Token, // token       /cgi-bin/token
    StableToken, // stable_token
    GetPaidUnionId, // getpaidunionid
};
QString operationName(Operation operation);
std::optional<Operation> operationFromName(QStringView name);
QList<Operation> allOperations();

enum class FaultKind
{
    Delay, // answer normally, after `delay`
    Timeout, // never answer and change nothing (the client's timeout fires)
    DropAfterCommit, // apply the request, then close the connection without answering
    Http500, // HTTP 500 with the family's SYSTEM_ERROR body, nothing applied
    Http503, // HTTP 503, nothing applied
    Http429, // HTTP 429 FREQUENCY_LIMITED, nothing applied
    MalformedBody, // apply, then answer 200 with a body that does not parse
    OversizedBody, // apply, then answer 200 with a body far above any sane size cap
    MissingSignature, // apply, answer without the Wechatpay-* signature headers (v3) / without sign (v2)
    BadSignature, // apply, answer with a signature that does not verify
    StaleTimestamp, // apply, sign with a Wechatpay-Timestamp more than 5 minutes old
    UnknownSerial, // apply, sign with a key whose Wechatpay-Serial the client does not know
    SignTestProbe, // apply, answer with a WECHATPAY/SIGNTEST/ probe signature
    WrongV2Sign, // apply, answer a v2 reply signed with the wrong key
    DtdPayload, // apply, answer a v2 reply carrying a DTD / external entity (XXE)
    SystemBusy, // a well-formed "busy" business reply: v2 SYSTEMERROR, v3 500 SYSTEM_ERROR, mini-program -1
    Reset, // close the connection at once, nothing answered and nothing applied (a fast "never reached WeChat")
    Proxy403, // an HTML 403 page from a corporate proxy in front of WeChat; nothing applied
    Proxy502, // an HTML 502 page from a gateway that could not reach WeChat; nothing applied
    Proxy502After, // apply, then the gateway's HTML 502 page: WeChat acted, its reply was lost behind the proxy
    Business, // a correctly signed, well-formed business error with Fault::code; nothing applied
    UnsignedError, // a v3 error body (403 NO_AUTH) without the Wechatpay-* headers / an unsigned v2 FAIL; nothing
                   // applied
};
QString faultKindName(FaultKind kind); // "delay", "timeout", "drop", "http500", ...
std::optional<FaultKind> faultKindFromName(QStringView name);
// Whether the front must apply the request's state change before acting out the fault.
bool faultAppliesRequest(FaultKind kind);

struct Fault
{
    // A constructor rather than an aggregate, so that { kind, delay } keeps compiling without a code.
    Fault() = default;
    Fault(FaultKind faultKind, std::chrono::milliseconds faultDelay = {}, QString businessCode = {})
        : kind(faultKind), delay(faultDelay), code(std::move(businessCode))
    { }

    FaultKind kind = FaultKind::Delay;
    std::chrono::milliseconds delay { 0 }; // Delay only
    QString code; // Business only: the error code, in the v2 or the v3 spelling (businesscodes.h)

    friend bool operator==(const Fault&, const Fault&) = default;
};

struct FaultRule
{
    std::optional<Operation> operation; // empty: any operation
    int remaining = 1; // requests left to hit; negative: every request until cleared
    Fault fault;

    friend bool operator==(const FaultRule&, const FaultRule&) = default;

    // "[operation:]kind[=value][@count|@*]", e.g. "reverse:http500@2", "timeout", "query:delay=3000@*",
    // "refund:business=NOTENOUGH". The count defaults to 1; "=ms" is required for delay, "=CODE" (capital
    // letters, digits, '_', or a mini-program errcode such as -1 or 40001) for business; other kinds take none.
    static Result<FaultRule> parse(QStringView spec);
    QString toString() const; // the same syntax
};

// Rules in the order they were added; a request takes the first rule that names its operation or none.
class FaultPlan
{
public:
    void add(FaultRule rule);
    void clear();
    bool isEmpty() const { return m_rules.isEmpty(); }
    const QList<FaultRule>& rules() const { return m_rules; }

    // The fault for one request of `operation`, consuming one use of the rule; nullopt: answer normally.
    std::optional<Fault> take(Operation operation);

    QJsonArray toJson() const; // the rules as strings in parse() syntax
    static Result<FaultPlan> fromJson(const QJsonArray& json);

    // The syntax and the kinds, for `wxpay-sim --help`.
    static QString helpText();

private:
    QList<FaultRule> m_rules;
};

} // namespace wxpay::sim
