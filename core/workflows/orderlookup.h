#pragma once

// Looks an order up at WeChat by transaction_id or out_trade_no, for any API family, and records the answer in
// the history: the order's row is updated, or created when the order was made elsewhere (another till, the
// merchant platform) and is not in this history yet.

#include "common/domain.h"
#include "storage/records.h"
#include "workflows/context.h"

#include <QObject>

#include <optional>

namespace wxpay::workflows {

class OrderLookup : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        OrderRef ref;
        std::optional<Transaction> transaction; // WeChat's answer
        std::optional<storage::OrderRecord> record; // the history row after the answer was recorded
        bool addedToHistory = false;
        std::optional<Error> error; // no answer, WeChat's refusal (e.g. ORDERNOTEXIST), or a history failure
        QString requestId;
    };

    explicit OrderLookup(WorkflowContext context, QObject* parent = nullptr);

    // Input REF_MISSING (neither id given) or BUSY; otherwise `finished` follows.
    Status lookup(const OrderRef& ref);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const wxpay::workflows::OrderLookup::Outcome& outcome);

private:
    void onAnswer(Result<Transaction> result, const gateway::CallInfo& info);
    Result<std::optional<storage::OrderRecord>> findRow(const Transaction& transaction) const;
    void finish(Outcome outcome);

    WorkflowContext m_context;
    OrderRef m_ref;
    bool m_running = false;
};

} // namespace wxpay::workflows

Q_DECLARE_METATYPE(wxpay::workflows::OrderLookup::Outcome)
