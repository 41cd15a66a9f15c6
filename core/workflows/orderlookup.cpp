#include "workflows/orderlookup.h"

#include "workflows/internal.h"
#include "workflows/log.h"

#include <QRegularExpression>

namespace wxpay::workflows {

using namespace detail;

bool isOutTradeNo(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Za-z_\\-|*]{6,32}$"));
    return pattern.match(text).hasMatch();
}

bool isTransactionId(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral("^4[0-9]{27,31}$"));
    return pattern.match(text).hasMatch();
}

Result<OrderRef> orderRefFromText(const QString& text, const storage::OrderStore& history, const QString& profileId)
{
    const QString id = text.trimmed();
    // Every transaction_id has the out_trade_no form too.
    if (!isOutTradeNo(id)) {
        return Error::input(QStringLiteral("ORDER_ID_INVALID"),
            id.isEmpty() ? QStringLiteral("no order id given")
                         : QStringLiteral("\"%1\" is neither a transaction_id (28-32 digits starting with 4) nor an "
                                          "out_trade_no (6-32 of 0-9 A-Z a-z _ - | *)")
                               .arg(id));
    }
    auto byId = history.findByTransactionId(id);
    if (!byId)
        return byId.error();
    if (byId.value())
        return OrderRef::byTransactionId(id);
    auto byNo = history.findByOutTradeNo(profileId, id);
    if (!byNo)
        return byNo.error();
    if (byNo.value() || !isTransactionId(id))
        return OrderRef::byOutTradeNo(id);
    return OrderRef::byTransactionId(id);
}

OrderLookup::OrderLookup(WorkflowContext context, QObject* parent) : QObject(parent), m_context(std::move(context))
{ }

Status OrderLookup::lookup(const OrderRef& ref)
{
    if (m_running)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("a lookup is already running"));
    if (ref.transactionId.trimmed().isEmpty() && ref.outTradeNo.trimmed().isEmpty())
        return Error::input(QStringLiteral("REF_MISSING"), QStringLiteral("give a transaction_id or an out_trade_no"));
    m_running = true;
    m_ref = { ref.transactionId.trimmed(), ref.outTradeNo.trimmed() };
    m_context.gateway.queryOrder(
        m_ref, this, [this](Result<Transaction> result, gateway::CallInfo info) { onAnswer(std::move(result), info); });
    return {};
}

void OrderLookup::onAnswer(Result<Transaction> result, const gateway::CallInfo& info)
{
    Outcome outcome;
    outcome.ref = m_ref;
    outcome.requestId = info.requestId;
    const QString named = m_ref.outTradeNo.isEmpty() ? m_ref.transactionId : m_ref.outTradeNo;
    audit(m_context, QStringLiteral("order.lookup"), m_ref.outTradeNo, {}, info.requestId,
        named + u": " + (result ? tradeStateName(result->state) : result.error().toString()));
    if (!result) {
        outcome.error = result.error();
        // An order we know keeps the failure next to it; WeChat's "no such order" is an answer, not a failure.
        if (!m_ref.outTradeNo.isEmpty() && result.error().kind != ErrorKind::Business)
            static_cast<void>(m_context.orders.recordError(m_context.profileId, m_ref.outTradeNo, result.error()));
        finish(std::move(outcome));
        return;
    }

    Transaction transaction = std::move(result).value();
    if (transaction.outTradeNo.isEmpty())
        transaction.outTradeNo = m_ref.outTradeNo;
    outcome.transaction = transaction;

    auto row = findRow(transaction);
    if (!row) {
        outcome.error = row.error();
        finish(std::move(outcome));
        return;
    }
    if (row.value() && transaction.outTradeNo.isEmpty())
        transaction.outTradeNo = row.value()->outTradeNo;
    if (!row.value()) {
        if (transaction.outTradeNo.isEmpty()) {
            outcome.error = Error::protocol(
                QStringLiteral("OUT_TRADE_NO_MISSING"), QStringLiteral("the answer does not name the out_trade_no"));
            finish(std::move(outcome));
            return;
        }
        // Made elsewhere: add it with what WeChat told us.
        storage::OrderRecord record;
        record.profileId = m_context.profileId;
        record.family = m_context.gateway.family();
        record.outTradeNo = transaction.outTradeNo;
        record.transactionId = transaction.transactionId;
        record.amount = transaction.total;
        record.tradeType = transaction.tradeType;
        record.attach = transaction.attach;
        if (auto inserted = m_context.orders.insert(record); !inserted) {
            outcome.error = inserted.error();
            finish(std::move(outcome));
            return;
        }
        outcome.addedToHistory = true;
    }
    if (Status applied = m_context.orders.applyTransaction(m_context.profileId, transaction); !applied) {
        outcome.error = applied.error();
        finish(std::move(outcome));
        return;
    }
    auto stored = m_context.orders.findByOutTradeNo(m_context.profileId, transaction.outTradeNo);
    if (!stored)
        outcome.error = stored.error();
    else
        outcome.record = stored.value();
    finish(std::move(outcome));
}

Result<std::optional<storage::OrderRecord>> OrderLookup::findRow(const Transaction& transaction) const
{
    if (!transaction.outTradeNo.isEmpty()) {
        auto byNo = m_context.orders.findByOutTradeNo(m_context.profileId, transaction.outTradeNo);
        if (!byNo || byNo.value())
            return byNo;
    }
    if (transaction.transactionId.isEmpty())
        return std::optional<storage::OrderRecord> {};
    auto byId = m_context.orders.findByTransactionId(transaction.transactionId);
    if (!byId)
        return byId.error();
    if (byId.value() && byId.value()->profileId != m_context.profileId)
        return std::optional<storage::OrderRecord> {};
    return byId;
}

void OrderLookup::finish(Outcome outcome)
{
    m_running = false;
    if (outcome.error)
        qCInfo(lcWorkflows) << "lookup failed:" << outcome.error->toString();
    Q_EMIT finished(outcome);
}

} // namespace wxpay::workflows
