#pragma once

// Refunds, full and partial. The amount is checked against what the history says is still refundable before
// anything is sent; the refund row and its journal entry are written first; an unclear answer is retried with
// the same out_refund_no (so WeChat never refunds twice); an accepted refund is followed while PROCESSING until
// it ends. Only a first send that WeChat itself refuses in a verified answer closes the refund at once: once an
// attempt may have reached WeChat, any later error (a definite one on the re-send included) turns the workflow to
// querying by out_refund_no, and the refund closes only when a verified query, made after every send is certainly
// over, says it does not exist. RefundCheck asks where one refund, or all refunds of an order, stand.
// The cashier's confirmation and the manager PIN (managerpin.h) are checked by the caller before start().

#include "common/domain.h"
#include "common/result.h"
#include "storage/records.h"
#include "workflows/context.h"
#include "workflows/operation.h"
#include "workflows/policy.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <chrono>
#include <optional>

namespace wxpay::workflows {

struct RefundStartRequest
{
    QString outTradeNo; // the order, which must be in the history and paid
    Money amount;
    QString reason; // <= 80 characters; shown to the customer
    QString outRefundNo; // empty: a fresh "R..." number
    QString notifyUrl; // empty: the codec's default
};

struct RefundOptions
{
    // Waits before sending the same refund again after an unclear answer; the last one repeats.
    QList<std::chrono::milliseconds> resendDelays { std::chrono::seconds(2), std::chrono::seconds(5),
        std::chrono::seconds(10) };
    int maxSendAttempts = 4;
    // Waits between refund queries while PROCESSING; the last one repeats.
    QList<std::chrono::milliseconds> pollDelays { std::chrono::seconds(5), std::chrono::seconds(10),
        std::chrono::seconds(30), std::chrono::minutes(1), std::chrono::minutes(5) };
    int maxPolls = 20;
    // How long an unanswered send may still run inside WeChat (policy::kInFlightSettle): until then "no such
    // refund" does not close it.
    std::chrono::milliseconds inFlightSettle { policy::kInFlightSettle };
};

class RefundWorkflow : public QObject
{
    Q_OBJECT

public:
    enum class Stage
    {
        Idle,
        Sending,
        Processing, // accepted; WeChat is paying it back
        Succeeded,
        Closed, // WeChat closed the refund: nothing was paid back
        Abnormal, // WeChat could not pay it back (e.g. the card is gone): handle it at the merchant platform
        Refused, // WeChat (or the check before sending) refused it: `error` says why
        NeedsAttention, // not settled yet; the journal keeps it and a later check or start follows it up
    };
    Q_ENUM(Stage)

    struct Outcome
    {
        Stage stage = Stage::Idle;
        QString outTradeNo;
        QString outRefundNo;
        std::optional<Refund> refund; // WeChat's last report
        std::optional<Error> error;
        int sends = 0;
        int queries = 0;
    };

    RefundWorkflow(WorkflowContext context, RefundOptions options = {}, QObject* parent = nullptr);
    ~RefundWorkflow() override;

    // What may still be refunded on an order of the history: its amount minus every refund that is not closed.
    // Input ORDER_NOT_IN_HISTORY, ORDER_NOT_PAID; Storage errors.
    static Result<Money> refundable(const WorkflowContext& context, const QString& outTradeNo);

    // Checks and records the refund, then sends it. A synchronous error means nothing was sent: Input
    // AMOUNT_INVALID, REASON_TOO_LONG, ORDER_NOT_IN_HISTORY, ORDER_NOT_PAID, CURRENCY_MISMATCH,
    // AMOUNT_OVER_REFUNDABLE (Error::detail = the refundable amount), OUT_REFUND_NO_USED, BUSY; Storage errors.
    Status start(const RefundStartRequest& request);
    // Follows a pending Refund journal entry up: sends the same refund again if it never got as far as being
    // accepted, else queries it until it ends. Input BUSY (also when a live workflow drives the entry).
    Status resume(const storage::JournalEntry& entry);

    Stage stage() const { return m_stage; }
    bool isFinished() const { return m_phase == Phase::Done; }
    const QString& outRefundNo() const { return m_outRefundNo; }
    const std::optional<Outcome>& outcome() const { return m_outcome; }

Q_SIGNALS:
    void stageChanged(wxpay::workflows::RefundWorkflow::Stage stage);
    void finished(const wxpay::workflows::RefundWorkflow::Outcome& outcome);

private:
    enum class Phase
    {
        Idle,
        Sending,
        WaitingToSend,
        WaitingToPoll,
        Polling,
        Done
    };

    void prepare(const storage::OrderRecord& order, const storage::RefundRecord& refund);
    void send();
    void onSend(Result<Refund> result, const gateway::CallInfo& info);
    void startPolling();
    void schedulePoll();
    void poll();
    void onPoll(Result<QList<Refund>> result, const gateway::CallInfo& info);
    // True when the report ended the workflow.
    bool follow(const Refund& refund);
    void finishClosed(Stage stage, const Error& error, const QString& finalStep);
    void finishAttention(const Error& error);
    void finish(Outcome outcome, const QString& finalStep);
    void setStage(Stage stage);
    void recordError(const Error& error);

    WorkflowContext m_context;
    RefundOptions m_options;
    JournaledOperation m_operation;
    Stage m_stage = Stage::Idle;
    Phase m_phase = Phase::Idle;
    RefundRequest m_request; // kept as sent: a retry must be identical
    QString m_outTradeNo;
    QString m_outRefundNo;
    bool m_reachedBefore = false; // an attempt before the one in flight may have reached WeChat
    int m_sends = 0;
    int m_queries = 0;
    std::optional<Refund> m_last;
    std::optional<Outcome> m_outcome;
};

// Where refunds stand at WeChat: one refund, all refunds of an order, or every refund of the profile that is not
// settled yet; the history rows are updated with the answers (refunds not yet in the history are not added: they
// were made elsewhere and have no row to link to).
class RefundCheck : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        QList<Refund> refunds; // WeChat's answers
        QList<storage::RefundRecord> records; // the history rows after the update (refunds known here)
        std::optional<Error> error; // the first failure
        QString requestId; // of the last reply
    };

    explicit RefundCheck(WorkflowContext context, QObject* parent = nullptr);

    // Input REF_MISSING, BUSY.
    Status checkRefund(const QString& outTradeNo, const QString& outRefundNo);
    // Every refund of the order: one query where the family lists refunds by order (v2, Global, HK), else one
    // query per refund the history knows (APIv3 domestic). Input REF_MISSING, BUSY; Storage errors.
    Status checkOrder(const QString& outTradeNo);
    // Every refund of the context's profile that the history holds as not settled (RefundStore::pending), one
    // query each; Outcome::records are those refunds' rows after the update. Input BUSY; Storage errors.
    Status checkPending();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const wxpay::workflows::RefundCheck::Outcome& outcome);

private:
    // One query, with the order it is about (for the audit line).
    struct Query
    {
        RefundRef ref;
        QString outTradeNo;
    };

    void begin(QList<Query> queue);
    void next();
    void onAnswer(const Query& query, Result<QList<Refund>> result, const gateway::CallInfo& info);
    void markOrderRefunded(const QString& outTradeNo, RefundStatus status);
    void finish();

    WorkflowContext m_context;
    QString m_outTradeNo; // the order whose refunds are listed at the end; empty for checkPending()
    QStringList m_pending; // checkPending(): the refunds listed at the end
    QList<Query> m_queue;
    Outcome m_outcome;
    bool m_running = false;
};

} // namespace wxpay::workflows

Q_DECLARE_METATYPE(wxpay::workflows::RefundWorkflow::Outcome)
Q_DECLARE_METATYPE(wxpay::workflows::RefundCheck::Outcome)
