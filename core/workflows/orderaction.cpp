#include "workflows/orderaction.h"

#include "workflows/internal.h"
#include "workflows/log.h"

namespace wxpay::workflows {

using namespace detail;

namespace {

bool isPaid(TradeState state)
{
    return state == TradeState::Success || state == TradeState::Refund;
}

bool endedUnpaid(TradeState state)
{
    return state == TradeState::Closed || state == TradeState::Revoked || state == TradeState::PayError;
}

} // namespace

OrderAction::OrderAction(WorkflowContext context, QObject* parent) : QObject(parent), m_context(std::move(context))
{ }

Status OrderAction::start(Kind kind, const OrderRef& ref)
{
    if (m_running)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("an order action is already running"));
    const OrderRef trimmed { ref.transactionId.trimmed(), ref.outTradeNo.trimmed() };
    if (trimmed.transactionId.isEmpty() && trimmed.outTradeNo.isEmpty())
        return Error::input(QStringLiteral("REF_MISSING"), QStringLiteral("give a transaction_id or an out_trade_no"));
    m_running = true;
    m_outcome = Outcome {};
    m_outcome.kind = kind;
    m_outcome.ref = trimmed;
    runLookup(trimmed, &OrderAction::onBefore);
    return {};
}

void OrderAction::runLookup(const OrderRef& ref, void (OrderAction::*next)(const OrderLookup::Outcome&))
{
    auto* job = new OrderLookup(m_context, this);
    connect(job, &OrderLookup::finished, this, [this, job, next](const OrderLookup::Outcome& outcome) {
        job->deleteLater();
        (this->*next)(outcome);
    });
    if (const Status started = job->lookup(ref); !started) {
        delete job;
        finish(Outcome::Result::Failed, started.error());
    }
}

void OrderAction::onBefore(const OrderLookup::Outcome& answer)
{
    m_outcome.record = answer.record;
    m_outcome.addedToHistory = answer.addedToHistory;
    if (!answer.transaction) {
        finish(Outcome::Result::Failed,
            answer.error.value_or(Error::protocol(QStringLiteral("NO_ANSWER"), QStringLiteral("no answer"))));
        return;
    }
    const Transaction& t = *answer.transaction;
    m_outcome.before = t;
    // What the answer already settles.
    if (m_outcome.kind == Kind::Close && isPaid(t.state)) {
        finish(Outcome::Result::Refused,
            Error::business(QStringLiteral("ORDERPAID"),
                QStringLiteral("the order is paid: it cannot be closed (refund it instead)")));
        return;
    }
    if (endedUnpaid(t.state)) {
        finish(Outcome::Result::NothingToDo);
        return;
    }
    QString outTradeNo = t.outTradeNo;
    if (outTradeNo.isEmpty() && answer.record)
        outTradeNo = answer.record->outTradeNo;
    m_target = outTradeNo.isEmpty() ? OrderRef::byTransactionId(t.transactionId) : OrderRef::byOutTradeNo(outTradeNo);
    if (m_outcome.kind == Kind::Close) {
        m_context.gateway.closeOrder(
            m_target, this, [this](Status closed, gateway::CallInfo info) { onClosed(closed, info); });
    } else {
        m_context.gateway.reverse(m_target, this,
            [this](Result<ReverseResult> reversed, gateway::CallInfo info) { onReversed(reversed, info); });
    }
}

void OrderAction::onClosed(const Status& closed, const gateway::CallInfo& info)
{
    m_outcome.requestId = info.requestId;
    audit(m_context, QStringLiteral("order.close"), m_target.outTradeNo, {}, info.requestId,
        closed ? QStringLiteral("closed") : closed.error().toString());
    if (!closed && closed.error().kind != ErrorKind::Business) {
        finish(Outcome::Result::Failed, closed.error());
        return;
    }
    const bool alreadyClosed = !closed && hasCode(closed.error(), { u"ORDERCLOSED" });
    lookupAfter(closed || alreadyClosed ? std::nullopt : std::optional<Error>(closed.error()));
}

void OrderAction::onReversed(const Result<ReverseResult>& reversed, const gateway::CallInfo& info)
{
    m_outcome.requestId = info.requestId;
    audit(m_context, QStringLiteral("order.reverse"), m_target.outTradeNo, {}, info.requestId,
        reversed ? (reversed->recall ? QStringLiteral("recall") : QStringLiteral("reversed"))
                 : reversed.error().toString());
    if (reversed && reversed->recall) {
        finish(Outcome::Result::RecallNeeded);
        return;
    }
    if (!reversed && reversed.error().kind != ErrorKind::Business) {
        finish(Outcome::Result::Failed, reversed.error());
        return;
    }
    const bool alreadyReversed = !reversed && hasCode(reversed.error(), { u"ORDERREVERSED" });
    lookupAfter(reversed || alreadyReversed ? std::nullopt : std::optional<Error>(reversed.error()));
}

void OrderAction::lookupAfter(std::optional<Error> refusal)
{
    m_outcome.error = std::move(refusal);
    runLookup(m_target, &OrderAction::onAfter);
}

void OrderAction::onAfter(const OrderLookup::Outcome& answer)
{
    if (answer.record)
        m_outcome.record = answer.record;
    m_outcome.after = answer.transaction;
    if (!answer.transaction) {
        m_outcome.afterLookupError
            = answer.error.value_or(Error::protocol(QStringLiteral("NO_ANSWER"), QStringLiteral("no answer")));
    }
    if (m_outcome.error)
        finish(Outcome::Result::Refused, m_outcome.error);
    else
        finish(Outcome::Result::Done);
}

void OrderAction::finish(Outcome::Result result, std::optional<Error> error)
{
    m_running = false;
    m_outcome.result = result;
    m_outcome.error = std::move(error);
    if (m_outcome.error)
        qCInfo(lcWorkflows) << "order action ended:" << m_outcome.error->toString();
    const Outcome outcome = m_outcome;
    Q_EMIT finished(outcome);
}

} // namespace wxpay::workflows
