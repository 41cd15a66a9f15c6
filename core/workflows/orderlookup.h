#pragma once

// Looks an order up at WeChat by transaction_id or out_trade_no, for any API family, and records the answer in
// the history: the order's row is updated, or created when the order was made elsewhere (another till, the
// merchant platform) and is not in this history yet.

#include "common/domain.h"
#include "common/result.h"
#include "storage/orderstore.h"
#include "storage/records.h"
#include "workflows/context.h"

#include <QObject>
#include <QStringView>

#include <optional>

namespace wxpay::workflows {

// The forms of the two ids of an order (protocol.md §1 and the documented examples): the merchant's out_trade_no
// is 6-32 of 0-9 A-Z a-z _ - | *; WeChat's transaction_id (`id` in Global / HK) is 28-32 digits starting with 4,
// e.g. 4200000483202001042069747825. An all-digit out_trade_no can have the transaction_id's form too.
bool isOutTradeNo(QStringView text);
bool isTransactionId(QStringView text);

// Which order one typed id names, for a single search box. The text is trimmed. An id the history knows wins: as
// a transaction_id (any profile), else as an out_trade_no of `profileId`. Otherwise the form decides: the
// transaction_id form means transaction_id, any other valid out_trade_no means out_trade_no. Input
// ORDER_ID_INVALID for anything else (empty included); the history's own failure when it cannot be read.
Result<OrderRef> orderRefFromText(const QString& text, const storage::OrderStore& history, const QString& profileId);

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
