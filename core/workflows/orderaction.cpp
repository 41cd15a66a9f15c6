#include "workflows/orderaction.h"

#include "workflows/internal.h"
#include "workflows/log.h"
#include "workflows/policy.h"

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

storage::JournalKind journalKind(OrderAction::Kind kind)
{
    return kind == OrderAction::Kind::Close ? storage::JournalKind::Close : storage::JournalKind::Reverse;
}

Error noAnswer()
{
    return Error::protocol(QStringLiteral("NO_ANSWER"), QStringLiteral("no answer"));
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
    m_operation.reset();
    m_unclear.reset();
    runLookup(trimmed, &OrderAction::onBefore);
    return {};
}

Status OrderAction::resume(const storage::JournalEntry& entry)
{
    if (m_running)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("an order action is already running"));
    if (entry.kind != storage::JournalKind::Close && entry.kind != storage::JournalKind::Reverse)
        return Error::input(QStringLiteral("JOURNAL_KIND"), QStringLiteral("not a close or reverse journal entry"));
    const Kind kind = entry.kind == storage::JournalKind::Close ? Kind::Close : Kind::Reverse;
    const auto row = resumableOrder(m_context, entry, entry.kind, QStringLiteral("close or reverse"));
    if (!row)
        return row.error();
    auto operation = std::make_unique<JournaledOperation>(m_context, entry.kind);
    if (Status adopted = operation->adopt(entry); !adopted)
        return adopted;
    m_operation = std::move(operation);
    m_running = true;
    m_outcome = Outcome {};
    m_outcome.kind = kind;
    m_outcome.ref = OrderRef::byOutTradeNo(entry.outTradeNo);
    m_outcome.record = row.value();
    m_target = m_outcome.ref;
    m_orderCreated = row->createdAt;
    m_unclear.reset();
    qCInfo(lcWorkflows) << "resuming" << storage::journalKindName(entry.kind) << entry.outTradeNo << "from step"
                        << entry.step;
    audit(m_context, u"order." + storage::journalKindName(entry.kind) + u".resume", entry.outTradeNo, {}, {},
        u"from step " + entry.step);
    runLookup(m_target, &OrderAction::onResumeLookup);
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
        finish(Outcome::Result::Failed, answer.error.value_or(noAnswer()));
        return;
    }
    const Transaction& t = *answer.transaction;
    m_outcome.before = t;
    // What the answer already settles; nothing is sent then.
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
    if (m_outcome.kind == Kind::Close && t.state != TradeState::NotPay) {
        finish(Outcome::Result::Refused,
            Error::input(QStringLiteral("NOT_CLOSABLE_NOW"),
                u"WeChat Pay reports the order as " + tradeStateName(t.state)
                    + u": the customer may be paying, so it is not closed now; look it up again in a moment"));
        return;
    }
    QString outTradeNo = t.outTradeNo;
    if (outTradeNo.isEmpty() && answer.record)
        outTradeNo = answer.record->outTradeNo;
    if (outTradeNo.isEmpty()) {
        finish(Outcome::Result::Failed,
            Error::protocol(
                QStringLiteral("NO_OUT_TRADE_NO"), QStringLiteral("WeChat's answer names no out_trade_no")));
        return;
    }
    m_target = OrderRef::byOutTradeNo(outTradeNo);
    m_orderCreated = answer.record ? answer.record->createdAt : QDateTime();
    if (m_outcome.kind == Kind::Reverse && t.successTime.isValid())
        m_orderCreated = std::min(m_orderCreated.isValid() ? m_orderCreated : t.successTime, t.successTime);
    if (m_outcome.kind == Kind::Reverse
        && !policy::canReverse(m_context.gateway.family(), m_orderCreated, m_context.clock.now())) {
        finish(Outcome::Result::Refused,
            Error::input(QStringLiteral("REVERSE_WINDOW_PASSED"),
                QStringLiteral("the order is older than WeChat Pay's reverse window: refund it instead")));
        return;
    }
    auto operation = std::make_unique<JournaledOperation>(m_context, journalKind(m_outcome.kind));
    Status begun = operation->begin(outTradeNo, {}, {}, {});
    if (!begun && begun.error().code == u"ALREADY_IN_FLIGHT") {
        // The same close / reverse is open from an earlier try (recall, no answer): this one carries it on.
        begun = adoptOpenEntry(*operation, outTradeNo);
    }
    if (!begun) {
        finish(Outcome::Result::Failed, begun.error());
        return;
    }
    m_operation = std::move(operation);
    send();
}

Status OrderAction::adoptOpenEntry(JournaledOperation& operation, const QString& outTradeNo)
{
    auto pending = m_context.journal.pending();
    if (!pending)
        return pending.error();
    for (const storage::JournalEntry& entry : pending.value()) {
        if (entry.kind == journalKind(m_outcome.kind) && entry.profileId == m_context.profileId
            && entry.outTradeNo == outTradeNo)
            return operation.adopt(entry);
    }
    return Error::storage(QStringLiteral("NOT_FOUND"), u"no open journal entry for " + outTradeNo);
}

void OrderAction::send()
{
    m_operation->attempt(JournaledOperation::Request::Changes);
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
    if (closed) {
        lookupAfter(std::nullopt, std::nullopt);
        return;
    }
    const Error& error = closed.error();
    if (error.kind == ErrorKind::Business && hasCode(error, { u"ORDERCLOSED" })) {
        lookupAfter(std::nullopt, std::nullopt);
        return;
    }
    if (error.kind == ErrorKind::Business && !outcomeUnknown(error) && !policy::isNotFound(error)) {
        lookupAfter(error, std::nullopt); // ORDERPAID, or another verified refusal
        return;
    }
    lookupAfter(std::nullopt, error);
}

void OrderAction::onReversed(const Result<ReverseResult>& reversed, const gateway::CallInfo& info)
{
    m_outcome.requestId = info.requestId;
    audit(m_context, QStringLiteral("order.reverse"), m_target.outTradeNo, {}, info.requestId,
        reversed ? (reversed->recall ? QStringLiteral("recall") : QStringLiteral("reversed"))
                 : reversed.error().toString());
    if (reversed) {
        if (!reversed->recall) {
            lookupAfter(std::nullopt, std::nullopt);
            return;
        }
        lookupAfter(std::nullopt,
            Error::business(
                QStringLiteral("RECALL"), QStringLiteral("WeChat asks to call reverse again"), info.requestId));
        return;
    }
    const Error& error = reversed.error();
    if (error.kind == ErrorKind::Business && hasCode(error, { u"ORDERREVERSED" })) {
        lookupAfter(std::nullopt, std::nullopt);
        return;
    }
    if (error.kind == ErrorKind::Business && !outcomeUnknown(error) && !policy::isNotFound(error)
        && !hasCode(error, { u"USERPAYING" })) {
        lookupAfter(error, std::nullopt); // e.g. REVERSE_EXPIRE: verified, nothing changed
        return;
    }
    lookupAfter(std::nullopt, error);
}

void OrderAction::lookupAfter(std::optional<Error> refusal, std::optional<Error> unclear)
{
    m_outcome.error = std::move(refusal);
    m_unclear = std::move(unclear);
    runLookup(m_target, &OrderAction::onAfter);
}

QString OrderAction::finalStepFor(TradeState state) const
{
    if (isPaid(state)) {
        // A paid order still inside the window is what a reverse is for: not an end while one is wanted.
        if (m_outcome.kind == Kind::Reverse
            && policy::canReverse(m_context.gateway.family(), m_orderCreated, m_context.clock.now()))
            return {};
        return QStringLiteral("paid");
    }
    if (m_outcome.kind == Kind::Close && state == TradeState::Closed)
        return QStringLiteral("closed");
    if (m_outcome.kind == Kind::Reverse && state == TradeState::Revoked)
        return QStringLiteral("reversed");
    if (endedUnpaid(state))
        return QStringLiteral("ended_unpaid");
    return {};
}

void OrderAction::onAfter(const OrderLookup::Outcome& answer)
{
    if (answer.record)
        m_outcome.record = answer.record;
    m_outcome.after = answer.transaction;
    if (!answer.transaction)
        m_outcome.afterLookupError = answer.error.value_or(noAnswer());
    const std::optional<TradeState> state
        = answer.transaction ? std::optional<TradeState>(answer.transaction->state) : std::nullopt;

    if (m_outcome.error) {
        // WeChat refused in a verified answer: nothing changed (ORDERPAID: the order is paid).
        m_operation->finish(
            hasCode(*m_outcome.error, { u"ORDERPAID" }) ? QStringLiteral("paid") : QStringLiteral("refused"));
        finish(Outcome::Result::Refused, m_outcome.error);
        return;
    }
    if (!m_unclear && m_outcome.kind == Kind::Reverse) {
        // A verified "reversed" (or ORDERREVERSED) is definite; the history follows it even when the lookup after
        // it failed.
        if (!state || *state != TradeState::Revoked) {
            Transaction revoked;
            revoked.outTradeNo = m_target.outTradeNo;
            revoked.state = TradeState::Revoked;
            warnStorage("reversed order", m_context.orders.applyTransaction(m_context.profileId, revoked));
        }
        m_operation->finish(QStringLiteral("reversed"));
        finish(Outcome::Result::Done);
        return;
    }
    const QString finalStep = state ? finalStepFor(*state) : QString();
    if (!finalStep.isEmpty()) {
        m_operation->finish(finalStep);
        if (m_outcome.kind == Kind::Close && finalStep == u"paid") {
            finish(Outcome::Result::Refused,
                Error::business(QStringLiteral("ORDERPAID"), QStringLiteral("the order was paid meanwhile")));
            return;
        }
        finish(Outcome::Result::Done);
        return;
    }
    // The close / reverse may or may not have happened (or a close is not confirmed yet): the journal keeps it.
    const Error why = m_unclear.value_or(Error::protocol(QStringLiteral("NOT_CONFIRMED"),
        u"the order is not reported " + QString::fromLatin1(m_outcome.kind == Kind::Close ? "CLOSED" : "REVOKED")
            + u" yet"));
    m_operation->leavePending(why);
    m_outcome.pending = true;
    const bool recall = m_unclear && hasCode(*m_unclear, { u"RECALL" });
    finish(recall ? Outcome::Result::RecallNeeded : Outcome::Result::Failed, why);
}

void OrderAction::onResumeLookup(const OrderLookup::Outcome& answer)
{
    m_outcome.after = answer.transaction;
    if (answer.record)
        m_outcome.record = answer.record;
    if (!answer.transaction) {
        const Error error = answer.error.value_or(noAnswer());
        // The order was there when the action began: "not found" now contradicts WeChat's own answer and
        // settles nothing.
        m_operation->leavePending(error);
        m_outcome.pending = true;
        finish(Outcome::Result::Failed, error);
        return;
    }
    const TradeState state = answer.transaction->state;
    m_outcome.before = answer.transaction;
    const QString finalStep = finalStepFor(state);
    if (!finalStep.isEmpty()) {
        m_operation->finish(finalStep);
        finish(Outcome::Result::Done);
        return;
    }
    const bool again = m_outcome.kind == Kind::Close
        ? state == TradeState::NotPay
        : policy::canReverse(m_context.gateway.family(), m_orderCreated, m_context.clock.now());
    if (again) {
        send();
        return;
    }
    const Error why = Error::business(tradeStateName(state),
        u"WeChat Pay reports the order as " + tradeStateName(state) + u"; it is followed up later", answer.requestId);
    m_operation->leavePending(why);
    m_outcome.pending = true;
    finish(Outcome::Result::Failed, why);
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
