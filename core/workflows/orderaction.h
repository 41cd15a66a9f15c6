#pragma once

// Closes or reverses one order, from the Orders panel or `wxpay-cli order close|reverse`. Like every money-moving
// call it has a journal entry (kind Close / Reverse, written before the request) and runs under the history
// lock that its front end holds. The order is looked up first (OrderLookup), so that what WeChat already says
// settles what it can, and nothing is sent then: a paid order is never closed (refund it instead), an order that
// ended unpaid needs nothing, an order WeChat does not report NOTPAY is not closed, an order past the family's
// reverse window is not reversed. Then close / reverse is sent and audited ("order.close" / "order.reverse" with
// the Request-ID), and the order is looked up again so that the history holds its final state. The entry
// finishes on a definite answer (closed / reversed, ORDERCLOSED, ORDERREVERSED, ORDERPAID, a verified refusal);
// an unclear one (no answer, recall=Y, a reply we cannot trust) leaves it open with its reason, and the re-drive
// (Recovery) queries it and closes / reverses again as the state asks.

#include "common/domain.h"
#include "storage/records.h"
#include "workflows/context.h"
#include "workflows/operation.h"
#include "workflows/orderlookup.h"

#include <QObject>

#include <memory>
#include <optional>

namespace wxpay::workflows {

class OrderAction : public QObject
{
    Q_OBJECT

public:
    enum class Kind
    {
        Close,
        Reverse
    };

    struct Outcome
    {
        enum class Result
        {
            Done, // closed / reversed (also when WeChat says it already was)
            NothingToDo, // the order had already ended unpaid: nothing was sent
            Refused, // close of a paid order (Business ORDERPAID, nothing sent), or WeChat's refusal
            RecallNeeded, // reverse answered recall=Y: the journal keeps it and it is reversed again
            Failed, // no usable answer, from the first lookup or from close / reverse
        };

        Kind kind = Kind::Close;
        Result result = Result::Failed;
        OrderRef ref; // as given
        std::optional<Transaction> before; // WeChat's answer before the action
        std::optional<Transaction> after; // WeChat's answer after it (Done and Refused after a request)
        std::optional<storage::OrderRecord> record; // the history row as last recorded
        bool addedToHistory = false; // the first lookup added an order made elsewhere
        std::optional<Error> error; // why Refused / Failed
        std::optional<Error> afterLookupError; // the lookup after the action failed: the history may be stale
        QString requestId; // of the close / reverse request
        // The request may have changed the order and the answer did not settle how: the journal keeps the
        // operation open and the re-drive follows it up.
        bool pending = false;
    };

    explicit OrderAction(WorkflowContext context, QObject* parent = nullptr);

    // Input REF_MISSING (neither id given) or BUSY; otherwise `finished` follows.
    Status start(Kind kind, const OrderRef& ref);
    // Follows up an open Close / Reverse journal entry: query, then close / reverse again while the state asks
    // for it. Input BUSY, JOURNAL_KIND; Storage NOT_FOUND (no order row).
    Status resume(const storage::JournalEntry& entry);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const wxpay::workflows::OrderAction::Outcome& outcome);

private:
    void runLookup(const OrderRef& ref, void (OrderAction::*next)(const OrderLookup::Outcome&));
    void onBefore(const OrderLookup::Outcome& answer);
    Status adoptOpenEntry(JournaledOperation& operation, const QString& outTradeNo);
    void send();
    void onClosed(const Status& closed, const gateway::CallInfo& info);
    void onReversed(const Result<ReverseResult>& reversed, const gateway::CallInfo& info);
    void onResumeLookup(const OrderLookup::Outcome& answer);
    void lookupAfter(std::optional<Error> refusal, std::optional<Error> unclear);
    void onAfter(const OrderLookup::Outcome& answer);
    // The journal's final step for a definite state of the order after the action; empty while not definite.
    QString finalStepFor(TradeState state) const;
    void finish(Outcome::Result result, std::optional<Error> error = std::nullopt);

    WorkflowContext m_context;
    std::unique_ptr<JournaledOperation> m_operation;
    bool m_running = false;
    OrderRef m_target; // the order as the first lookup named it
    QDateTime m_orderCreated; // for the reverse window
    std::optional<Error> m_unclear; // why the request's outcome is not known
    Outcome m_outcome;
};

} // namespace wxpay::workflows

Q_DECLARE_METATYPE(wxpay::workflows::OrderAction::Outcome)
