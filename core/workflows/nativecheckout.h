#pragma once

// A Native (QR) order: the order row and its journal entry are written first, then the order is created and its
// code_url shown; the workflow polls WeChat until the order is paid, closed or expired. Closing is always
// "query, then close": the close is sent only after a verified query shows the order NOTPAY (a failed query, or
// USERPAYING / ACCEPT / a state never seen, waits and asks again), a successful close is confirmed by a query,
// and ORDERPAID on close means paid. A create whose answer was lost is sent again with the
// same out_trade_no and identical parameters, which WeChat answers with the same code_url.

#include "common/domain.h"
#include "common/result.h"
#include "storage/records.h"
#include "workflows/context.h"
#include "workflows/operation.h"
#include "workflows/policy.h"

#include <QList>
#include <QObject>

#include <chrono>
#include <functional>
#include <optional>

namespace wxpay::workflows {

struct NativeCheckoutRequest
{
    QString outTradeNo; // empty: a fresh "N..." number
    QString description;
    Money amount;
    QString attach;
    QString productId;
    QString notifyUrl; // empty: the codec's default
    QString clientIp;
    QString deviceId;
    QString merchantCategoryCode; // Global / HK
};

struct NativeCheckoutOptions
{
    std::chrono::seconds expiry { std::chrono::hours(2) }; // time_expire, counted from the start; >= 6 min
    // Polling pace: every `fastPoll` during the first `fastFor`, then `mediumPoll` until `mediumFor`, then
    // `slowPoll`.
    std::chrono::milliseconds fastPoll { std::chrono::seconds(3) };
    std::chrono::seconds fastFor { std::chrono::minutes(1) };
    std::chrono::milliseconds mediumPoll { std::chrono::seconds(5) };
    std::chrono::seconds mediumFor { std::chrono::minutes(5) };
    std::chrono::milliseconds slowPoll { std::chrono::seconds(15) };
    // Waits before sending a create or a close again after an unclear answer; the last one repeats.
    QList<std::chrono::milliseconds> retryDelays { std::chrono::seconds(1), std::chrono::seconds(2),
        std::chrono::seconds(5) };
    int maxCreateAttempts = 4;
    int maxCloseAttempts = 4;
    // How long an unanswered create may still run inside WeChat (policy::kInFlightSettle).
    std::chrono::milliseconds inFlightSettle { policy::kInFlightSettle };
};

class NativeCheckout : public QObject
{
    Q_OBJECT

public:
    enum class Stage
    {
        Idle,
        Creating,
        WaitingForPayment, // the code_url is ready: show it
        Closing,
        Paid,
        Closed, // closed on request (or never created)
        Expired, // not paid in time: closed by WeChat or by us
        Refused, // WeChat refused to create the order: `error` says why
        NeedsAttention, // could not be settled automatically (the journal keeps it for the next start)
    };
    Q_ENUM(Stage)

    struct Outcome
    {
        Stage stage = Stage::Idle;
        QString outTradeNo;
        QString codeUrl;
        std::optional<Transaction> transaction; // WeChat's last report of the order
        std::optional<Error> error;
        int creates = 0;
        int queries = 0;
        int closes = 0;
    };

    NativeCheckout(WorkflowContext context, NativeCheckoutOptions options = {}, QObject* parent = nullptr);
    ~NativeCheckout() override;

    // Input errors: DESCRIPTION_EMPTY, AMOUNT_INVALID, OUT_TRADE_NO_INVALID (6-32 of [0-9A-Za-z_-|*]).
    // start() also refuses an options.expiry under 6 minutes (EXPIRY_TOO_SHORT).
    static Status validate(const NativeCheckoutRequest& request);

    // Validates, writes the order and its journal entry, then creates the order. A synchronous error means
    // nothing was sent: validate() errors, Input OUT_TRADE_NO_USED (already in the history), Input BUSY,
    // Storage errors.
    Status start(const NativeCheckoutRequest& request);
    // Settles a pending NativeCreate journal entry of an earlier run: query, then close an unpaid order.
    Status resume(const storage::JournalEntry& entry);
    // Query, then close unless WeChat says it is paid or closed already.
    void close();

    Stage stage() const { return m_stage; }
    bool isFinished() const { return m_phase == Phase::Done; }
    const QString& outTradeNo() const { return m_outTradeNo; }
    const QString& codeUrl() const { return m_codeUrl; }
    QDateTime expiresAt() const { return m_expiresAt; }
    const std::optional<Outcome>& outcome() const { return m_outcome; }

Q_SIGNALS:
    void stageChanged(wxpay::workflows::NativeCheckout::Stage stage);
    void codeReady(const QString& codeUrl);
    void finished(const wxpay::workflows::NativeCheckout::Outcome& outcome);

private:
    enum class Phase
    {
        Idle,
        Creating,
        WaitingToCreate,
        WaitingToPoll,
        Polling,
        ClosingQuery,
        Closing,
        ConfirmingClosed,
        WaitingToClose,
        ConfirmingPaid,
        Done
    };

    void create();
    void onCreate(Result<NativeOrder> result, const gateway::CallInfo& info);
    void schedulePoll();
    void poll();
    void onPoll(Result<Transaction> result, const gateway::CallInfo& info);
    void startClosing();
    void closingQuery();
    // Queries the order in `phase`, audits the answer, then hands it on.
    void queryThen(Phase phase, std::function<void(Result<Transaction>, const gateway::CallInfo&)> then);
    void onClosingQuery(Result<Transaction> result, const gateway::CallInfo& info);
    void sendClose();
    void onClose(Status result, const gateway::CallInfo& info);
    void confirmClosed();
    void retryClosing(const Error& why);
    void confirmPaid();
    // True when the query settled the order (paid, closed, ...).
    bool settleFrom(const Transaction& transaction);

    void finishWith(Stage stage,
        TradeState state,
        const std::optional<Error>& error,
        const std::optional<Transaction>& transaction);
    void finishAttention(const Error& error);
    void finish(Outcome outcome, bool settled);
    void setStage(Stage stage);
    void recordError(const Error& error);
    bool notFoundIsDefinite() const;
    Stage closedStage() const;
    bool pastExpiry() const;

    WorkflowContext m_context;
    NativeCheckoutOptions m_options;
    JournaledOperation m_operation;
    Stage m_stage = Stage::Idle;
    Phase m_phase = Phase::Idle;
    NativeOrderRequest m_request; // kept as sent: a re-create must be identical
    QString m_outTradeNo;
    QString m_codeUrl;
    QDateTime m_waitingSince;
    QDateTime m_expiresAt;
    bool m_closeRequested = false;
    bool m_created = false;
    int m_creates = 0;
    int m_queries = 0;
    int m_closes = 0;
    int m_closingRounds = 0;
    quint64 m_generation = 0;
    std::optional<Transaction> m_lastTransaction;
    std::optional<Outcome> m_outcome;
};

} // namespace wxpay::workflows

Q_DECLARE_METATYPE(wxpay::workflows::NativeCheckout::Outcome)
