#pragma once

// Quick Pay (micropay / codepay): the cashier scans the customer's payment code. The safe algorithm of
// protocol.md §2.1: the order row and the journal entry are written before the payment is sent. Only a
// definite decline (policy::isDefiniteDecline) or a final unpaid state ends the sale unpaid at once; every other
// answer — USERPAYING, ACCEPT, NOTPAY, a state never seen, SYSTEMERROR, 202, 5xx, no reply, a reply we cannot
// trust — is unclear, and is followed by order queries on the family's schedule (policy::quickPayQueryDelays,
// the first 5 s after the submit). An order still unclear after the schedule is reversed inside the family's
// reverse window; a reverse that answers recall=Y, "paying" or nothing is repeated a bounded number of times.
// Past the window, or when WeChat refuses the reverse, the order is only queried ("watching") until its state is
// definite; a paid order found then is kept paid and flagged "refund suggested". "Order does not exist" is
// definite only once the submit is certainly over (policy::inFlightSettled). The journal entry finishes only on a
// definite state; otherwise it stays open with its reason. The payment itself is never sent twice: one payment
// code makes one out_trade_no, and a code already in the history is refused.

#include "common/domain.h"
#include "common/result.h"
#include "storage/records.h"
#include "workflows/context.h"
#include "workflows/operation.h"
#include "workflows/policy.h"

#include <QList>
#include <QObject>

#include <chrono>
#include <optional>

namespace wxpay::workflows {

struct QuickPayRequest
{
    QString authCode; // 18 digits, 10..15 first
    Money amount;
    QString description;
    QString attach;
    QString deviceId;
    QString operatorId; // Global / HK operator_id
    QString clientIp;
    QString merchantCategoryCode; // Global / HK
};

struct QuickPayOptions
{
    // Waits before each order query after an unclear answer; empty: the family's policy::quickPayQueryDelays.
    QList<std::chrono::milliseconds> queryDelays;
    // Waits before each repeated reverse; the last one repeats.
    QList<std::chrono::milliseconds> reverseDelays { std::chrono::seconds(2), std::chrono::seconds(4),
        std::chrono::seconds(8), std::chrono::seconds(15) };
    int maxReverseAttempts = 10;
    // Past the reverse window (or after WeChat refused the reverse): the waits between queries, and how many are
    // made before the entry is left open for the re-drive.
    QList<std::chrono::milliseconds> watchDelays = policy::watchDelays();
    int watchQueries = policy::kWatchQueries;
    // How long an unanswered submit or reverse may still run inside WeChat (policy::kInFlightSettle).
    std::chrono::milliseconds inFlightSettle { policy::kInFlightSettle };
};

class QuickPay : public QObject
{
    Q_OBJECT

public:
    enum class Stage
    {
        Idle,
        Submitting, // the payment is on its way
        WaitingForPassword, // WeChat says the customer is confirming (password, risk check)
        Checking, // asking WeChat how the payment ended (attempt = query number)
        Cancelling, // reversing the order (attempt = reverse number)
        Paid,
        NotPaid,
        NeedsAttention, // the outcome could not be settled automatically: a person must look
    };
    Q_ENUM(Stage)

    enum class NotPaidReason
    {
        None,
        Declined, // WeChat refused the payment (expired code, not enough balance, ...): `error` says why
        Failed, // the order ended unpaid (PAYERROR, CLOSED, REVOKED by WeChat)
        NotCreated, // WeChat never created the order
        Reversed, // the order was reversed (cashier cancel, or still unclear after the schedule)
        NotSent, // refused before it was sent
    };
    Q_ENUM(NotPaidReason)

    struct Outcome
    {
        Stage stage = Stage::Idle; // Paid, NotPaid or NeedsAttention
        QString outTradeNo;
        NotPaidReason reason = NotPaidReason::None;
        std::optional<Transaction> transaction; // WeChat's last report of the order
        std::optional<Error> error; // what decided a NotPaid / NeedsAttention, when WeChat said something
        // Paid, although the sale was being cancelled (by the cashier, or because it stayed unclear) and the
        // reverse window had passed: refund it if the customer should not pay.
        bool refundSuggested = false;
        int queries = 0;
        int reverses = 0;
    };

    QuickPay(WorkflowContext context, QuickPayOptions options = {}, QObject* parent = nullptr);
    ~QuickPay() override;

    // The out_trade_no a payment code gets for a profile: "QP" + 30 hex digits of SHA-256(profile, code).
    // Deterministic, so that the same code can never become a second order; the code itself is not in it.
    static QString outTradeNoFor(const QString& profileId, const QString& authCode);
    // Input errors: AUTH_CODE_INVALID (not 18 digits starting 10..15), AMOUNT_INVALID (invalid or zero),
    // DESCRIPTION_EMPTY.
    static Status validate(const QuickPayRequest& request);

    // Validates, writes the order and its journal entry, then sends the payment. A synchronous error means
    // nothing was sent: the validate() errors, Input AUTH_CODE_USED (the code already made an order:
    // Error::detail is its out_trade_no), Input BUSY (this object already runs), Storage errors.
    Status start(const QuickPayRequest& request);
    // Settles a pending Micropay journal entry left by an earlier run: query, then reverse while unclear (inside
    // the window), or keep querying. Input BUSY (also when a live workflow drives the entry), Input JOURNAL_KIND
    // (not a Micropay entry of this profile), Storage NOT_FOUND (no order row).
    Status resume(const storage::JournalEntry& entry);
    // The cashier gives up: stop waiting, query, and reverse if the order is not settled. An order WeChat
    // already reports paid stays paid (refund it if needed).
    void cancel();

    Stage stage() const { return m_stage; }
    bool isFinished() const;
    const QString& outTradeNo() const { return m_outTradeNo; }
    const std::optional<Outcome>& outcome() const { return m_outcome; }

Q_SIGNALS:
    void stageChanged(wxpay::workflows::QuickPay::Stage stage, int attempt);
    void finished(const wxpay::workflows::QuickPay::Outcome& outcome);

private:
    enum class Phase
    {
        Idle,
        Submitting,
        WaitingToQuery,
        Querying,
        WaitingToReverse,
        Reversing,
        Done
    };

    void submit(const MicropayRequest& request);
    void onMicropay(Result<Transaction> result, const gateway::CallInfo& info);
    void scheduleQuery(std::chrono::milliseconds delay);
    void query();
    void onQuery(Result<Transaction> result, const gateway::CallInfo& info);
    void afterUnsettledQuery();
    void startReversing();
    void reverse();
    void onReverse(Result<ReverseResult> result, const gateway::CallInfo& info);
    void retryReverse(const Error& why);
    void startWatching(const Error& why);
    // "Not found" before the submit is certainly over: ask again once it is.
    void queryWhenSettled(const Error& why);
    bool notFoundIsDefinite() const;

    void finishPaid(const Transaction& transaction);
    void finishNotPaid(NotPaidReason reason,
        TradeState state,
        const std::optional<Error>& error,
        const std::optional<Transaction>& transaction = {});
    void finishAttention(const Error& error);
    void finish(Outcome outcome, const QString& finalStep);

    void setStage(Stage stage, int attempt = 0);
    void recordError(const Error& error);
    Status applyTransaction(const Transaction& transaction);
    QList<std::chrono::milliseconds> queryDelays() const;

    WorkflowContext m_context;
    QuickPayOptions m_options;
    JournaledOperation m_operation;
    Stage m_stage = Stage::Idle;
    Phase m_phase = Phase::Idle;
    QString m_outTradeNo;
    QDateTime m_createdAt;
    bool m_settleNow = false; // skip the schedule: query once, then reverse (cancel, resume)
    bool m_cashierCancelled = false;
    bool m_wantsReverse = false; // the sale is being undone: a paid answer now is a refund decision
    bool m_watching = false; // queries only: past the reverse window, or WeChat refused the reverse
    int m_queries = 0; // queries sent
    int m_watchQueries = 0; // queries sent while watching
    int m_reverses = 0; // reverses sent
    quint64 m_generation = 0; // invalidates scheduled steps when the plan changes (cancel)
    std::optional<Transaction> m_lastTransaction;
    std::optional<Error> m_lastError;
    std::optional<Outcome> m_outcome;
};

} // namespace wxpay::workflows

Q_DECLARE_METATYPE(wxpay::workflows::QuickPay::Outcome)
