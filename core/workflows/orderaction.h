#pragma once

// Closes or reverses one order. The order is looked up first (OrderLookup), so that what WeChat already says
// settles what it can: a paid order is never closed (refund it instead), an order that ended unpaid needs
// nothing. Then close / reverse is sent and audited ("order.close" / "order.reverse" with the Request-ID), and
// the order is looked up again so that the history holds its final state. ORDERCLOSED on close and ORDERREVERSED
// on reverse mean done; reverse's recall=Y means WeChat wants the reverse called again, which is left to the
// person (the outcome says so), not retried here.

#include "common/domain.h"
#include "storage/records.h"
#include "workflows/context.h"
#include "workflows/orderlookup.h"

#include <QObject>

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
            RecallNeeded, // reverse answered recall=Y: call reverse again in a few seconds
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
    };

    explicit OrderAction(WorkflowContext context, QObject* parent = nullptr);

    // Input REF_MISSING (neither id given) or BUSY; otherwise `finished` follows.
    Status start(Kind kind, const OrderRef& ref);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const wxpay::workflows::OrderAction::Outcome& outcome);

private:
    void runLookup(const OrderRef& ref, void (OrderAction::*next)(const OrderLookup::Outcome&));
    void onBefore(const OrderLookup::Outcome& answer);
    void onClosed(const Status& closed, const gateway::CallInfo& info);
    void onReversed(const Result<ReverseResult>& reversed, const gateway::CallInfo& info);
    void lookupAfter(std::optional<Error> refusal);
    void onAfter(const OrderLookup::Outcome& answer);
    void finish(Outcome::Result result, std::optional<Error> error = std::nullopt);

    WorkflowContext m_context;
    bool m_running = false;
    OrderRef m_target; // the order as the first lookup named it
    Outcome m_outcome;
};

} // namespace wxpay::workflows

Q_DECLARE_METATYPE(wxpay::workflows::OrderAction::Outcome)
