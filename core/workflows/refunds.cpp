#include "workflows/refunds.h"

#include "workflows/internal.h"
#include "workflows/log.h"
#include "workflows/policy.h"

#include <QMetaEnum>

namespace wxpay::workflows {

using namespace detail;

namespace {

const QString kStepPolling = QStringLiteral("polling");

QString stageName(RefundWorkflow::Stage stage)
{
    return QString::fromLatin1(QMetaEnum::fromType<RefundWorkflow::Stage>().valueToKey(static_cast<int>(stage)));
}

OrderRef refOf(const storage::OrderRecord& order)
{
    return order.transactionId.isEmpty() ? OrderRef::byOutTradeNo(order.outTradeNo)
                                         : OrderRef::byTransactionId(order.transactionId);
}

Status updateHistory(const WorkflowContext& context, const Refund& refund)
{
    return context.refunds.applyRefund(context.profileId, refund);
}

// The request was refused before it left: nothing of this attempt reached WeChat.
bool notSentThisTime(const Error& error)
{
    return error.kind == ErrorKind::Input || error.kind == ErrorKind::Credentials || error.kind == ErrorKind::Storage;
}

// WeChat's own, verified "no" to this refund (a Business error that is not "busy, try again").
bool refusedByWeChat(const Error& error)
{
    return error.kind == ErrorKind::Business && !outcomeUnknown(error);
}

} // namespace

RefundWorkflow::RefundWorkflow(WorkflowContext context, RefundOptions options, QObject* parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_options(std::move(options))
    , m_operation(m_context, storage::JournalKind::Refund)
{ }

RefundWorkflow::~RefundWorkflow() = default;

Result<Money> RefundWorkflow::refundable(const WorkflowContext& context, const QString& outTradeNo)
{
    auto order = context.orders.findByOutTradeNo(context.profileId, outTradeNo);
    if (!order)
        return order.error();
    if (!order.value()) {
        return Error::input(QStringLiteral("ORDER_NOT_IN_HISTORY"),
            u"order " + outTradeNo + u" is not in the history: look it up first");
    }
    if (order.value()->state != TradeState::Success && order.value()->state != TradeState::Refund)
        return Error::input(QStringLiteral("ORDER_NOT_PAID"), u"order " + outTradeNo + u" is not paid");
    auto refunded = context.refunds.refundedTotal(context.profileId, outTradeNo);
    if (!refunded)
        return refunded.error();
    return order.value()->amount.minus(refunded.value());
}

Status RefundWorkflow::start(const RefundStartRequest& request)
{
    if (m_phase != Phase::Idle)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("this refund already runs"));
    if (!request.amount.isValid() || request.amount.isZero())
        return Error::input(QStringLiteral("AMOUNT_INVALID"), QStringLiteral("the refund must be above zero"));
    if (request.reason.size() > 80)
        return Error::input(
            QStringLiteral("REASON_TOO_LONG"), QStringLiteral("the reason is limited to 80 characters"));

    auto remainder = refundable(m_context, request.outTradeNo);
    if (!remainder)
        return remainder.error();
    if (request.amount.currency() != remainder->currency()) {
        return Error::input(QStringLiteral("CURRENCY_MISMATCH"),
            u"the order is in " + remainder->currency() + u", the refund in " + request.amount.currency());
    }
    if (request.amount.minorUnits() > remainder->minorUnits()) {
        Error error = Error::input(QStringLiteral("AMOUNT_OVER_REFUNDABLE"),
            u"at most " + remainder->toStringWithCurrency() + u" can still be refunded");
        error.detail = remainder->toString();
        return error;
    }
    auto order = m_context.orders.findByOutTradeNo(m_context.profileId, request.outTradeNo);
    if (!order || !order.value())
        return order ? Error::storage(QStringLiteral("NOT_FOUND"), QStringLiteral("the order disappeared"))
                     : order.error();

    const QString outRefundNo = request.outRefundNo.isEmpty()
        ? generateMerchantNo(u"R", m_context.clock, m_context.nonces)
        : request.outRefundNo;
    const Error used
        = Error::input(QStringLiteral("OUT_REFUND_NO_USED"), u"refund " + outRefundNo + u" already exists");
    auto existing = m_context.refunds.findByOutRefundNo(m_context.profileId, outRefundNo);
    if (!existing)
        return existing.error();
    if (existing.value())
        return used;

    storage::RefundRecord row;
    row.profileId = m_context.profileId;
    row.outTradeNo = request.outTradeNo;
    row.outRefundNo = outRefundNo;
    row.amount = request.amount;
    row.reason = request.reason;

    const Status begun = m_operation.begin(request.outTradeNo, outRefundNo, {}, [this, &row, &used]() -> Status {
        if (auto inserted = m_context.refunds.insert(row); !inserted)
            return inserted.error().code == u"DUPLICATE" ? used : inserted.error();
        return {};
    });
    if (!begun)
        return begun;

    prepare(*order.value(), row);
    m_request.notifyUrl = request.notifyUrl;
    audit(m_context, QStringLiteral("refund.start"), m_outTradeNo, m_outRefundNo, {},
        u"amount " + request.amount.toStringWithCurrency());
    send();
    return {};
}

void RefundWorkflow::prepare(const storage::OrderRecord& order, const storage::RefundRecord& refund)
{
    m_outTradeNo = order.outTradeNo;
    m_outRefundNo = refund.outRefundNo;
    m_request.order = refOf(order);
    m_request.outRefundNo = refund.outRefundNo;
    m_request.refund = refund.amount;
    m_request.total = order.amount;
    m_request.reason = refund.reason;
}

Status RefundWorkflow::resume(const storage::JournalEntry& entry)
{
    if (m_phase != Phase::Idle)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("this refund already runs"));
    const auto order = resumableOrder(m_context, entry, storage::JournalKind::Refund, QStringLiteral("refund"));
    if (!order)
        return order.error();
    auto refund = m_context.refunds.findByOutRefundNo(m_context.profileId, entry.outRefundNo);
    if (!refund)
        return refund.error();
    if (!refund.value())
        return Error::storage(QStringLiteral("NOT_FOUND"), u"refund " + entry.outRefundNo + u" is not in the history");
    if (Status adopted = m_operation.adopt(entry); !adopted)
        return adopted;
    prepare(order.value(), *refund.value());
    qCInfo(lcWorkflows) << "resuming refund" << m_outRefundNo << "from step" << entry.step;
    audit(m_context, QStringLiteral("refund.resume"), m_outTradeNo, m_outRefundNo, {}, u"from step " + entry.step);
    if (m_operation.reached(kStepPolling)) {
        setStage(Stage::Processing);
        poll();
        return {};
    }
    // Sending the same out_refund_no again is safe: WeChat answers with the refund it already has.
    send();
    return {};
}

void RefundWorkflow::send()
{
    m_phase = Phase::Sending;
    ++m_sends;
    m_reachedBefore = m_operation.mayHaveReachedWeChat();
    m_operation.attempt();
    setStage(Stage::Sending);
    m_context.gateway.refund(
        m_request, this, [this](Result<Refund> result, gateway::CallInfo info) { onSend(std::move(result), info); });
}

void RefundWorkflow::onSend(Result<Refund> result, const gateway::CallInfo& info)
{
    audit(m_context, QStringLiteral("refund.request"), m_outTradeNo, m_outRefundNo, info.requestId,
        result ? refundStatusName(result->status) : result.error().toString());
    if (result) {
        Refund refund = std::move(result).value();
        if (refund.outRefundNo.isEmpty())
            refund.outRefundNo = m_outRefundNo;
        m_operation.advance(kStepPolling);
        if (!follow(refund)) {
            setStage(Stage::Processing);
            schedulePoll();
        }
        return;
    }
    const Error& error = result.error();
    if (!m_reachedBefore && (notSentThisTime(error) || refusedByWeChat(error))) {
        // Nothing of this refund ever reached WeChat, or WeChat refused the only one that did.
        finishClosed(Stage::Refused, error, QStringLiteral("refused"));
        return;
    }
    recordError(error);
    // WeChat's verified "no" to a re-send of an out_refund_no that may already have reached it (INVALID_REQUEST:
    // the number is in use) is no proof the refund does not exist: from now on only its refund decides.
    if (refusedByWeChat(error))
        m_operation.markSeen();
    if (notSentThisTime(error) || refusedByWeChat(error) || m_sends >= m_options.maxSendAttempts) {
        // An earlier attempt may have been accepted: only a query by out_refund_no can say.
        qCInfo(lcWorkflows) << "refund" << m_outRefundNo << "may have reached WeChat; querying it after" << error.code;
        startPolling();
        return;
    }
    m_phase = Phase::WaitingToSend;
    m_context.scheduler.after(delayAt(m_options.resendDelays, m_sends - 1), this, [this] {
        if (m_phase == Phase::WaitingToSend)
            send();
    });
}

void RefundWorkflow::startPolling()
{
    m_operation.advance(kStepPolling);
    setStage(Stage::Processing);
    schedulePoll();
}

void RefundWorkflow::schedulePoll()
{
    if (m_queries >= m_options.maxPolls) {
        finishAttention(
            Error::business(QStringLiteral("PROCESSING"), QStringLiteral("the refund's outcome is not known yet"), {}));
        return;
    }
    m_phase = Phase::WaitingToPoll;
    m_context.scheduler.after(delayAt(m_options.pollDelays, m_queries), this, [this] {
        if (m_phase == Phase::WaitingToPoll)
            poll();
    });
}

void RefundWorkflow::poll()
{
    m_phase = Phase::Polling;
    ++m_queries;
    RefundRef ref;
    ref.outRefundNo = m_outRefundNo;
    m_context.gateway.queryRefund(
        ref, this, [this](Result<QList<Refund>> result, gateway::CallInfo info) { onPoll(std::move(result), info); });
}

void RefundWorkflow::onPoll(Result<QList<Refund>> result, const gateway::CallInfo& info)
{
    if (!result) {
        const Error& error = result.error();
        audit(m_context, QStringLiteral("refund.query"), m_outTradeNo, m_outRefundNo, info.requestId, error.toString());
        recordError(error);
        if (policy::isRefundNotFound(error) && m_operation.notFoundIsDefinite(m_options.inFlightSettle)) {
            // Verified, every send is certainly over, and WeChat never said it had it: it never accepted this refund.
            finishClosed(Stage::Closed, error, QStringLiteral("not_found"));
            return;
        }
        schedulePoll();
        return;
    }
    for (const Refund& refund : result.value()) {
        if (refund.outRefundNo != m_outRefundNo)
            continue;
        audit(m_context, QStringLiteral("refund.query"), m_outTradeNo, m_outRefundNo, info.requestId,
            refundStatusName(refund.status));
        if (!follow(refund))
            schedulePoll();
        return;
    }
    const Error missing = Error::protocol(
        QStringLiteral("REFUND_NOT_LISTED"), u"the answer does not list refund " + m_outRefundNo, info.requestId);
    audit(m_context, QStringLiteral("refund.query"), m_outTradeNo, m_outRefundNo, info.requestId, missing.toString());
    recordError(missing);
    schedulePoll();
}

bool RefundWorkflow::follow(const Refund& refund)
{
    m_last = refund;
    m_operation.markSeen();
    warnStorage("refund answer", updateHistory(m_context, refund));
    Stage final = Stage::Idle;
    switch (refund.status) {
    case RefundStatus::Success:
        final = Stage::Succeeded;
        break;
    case RefundStatus::Closed:
        final = Stage::Closed;
        break;
    case RefundStatus::Abnormal:
    case RefundStatus::Change:
        final = Stage::Abnormal;
        break;
    case RefundStatus::Processing:
    case RefundStatus::Unknown:
        return false;
    }
    Outcome outcome;
    outcome.stage = final;
    outcome.refund = refund;
    finish(std::move(outcome), stageName(final).toLower());
    return true;
}

void RefundWorkflow::finishClosed(Stage stage, const Error& error, const QString& finalStep)
{
    // WeChat has no such refund: closing the row gives its amount back to what may still be refunded.
    Refund closed;
    closed.outRefundNo = m_outRefundNo;
    closed.status = RefundStatus::Closed;
    warnStorage("refund not made", updateHistory(m_context, closed));
    recordError(error);
    Outcome outcome;
    outcome.stage = stage;
    outcome.error = error;
    finish(std::move(outcome), finalStep);
}

void RefundWorkflow::finishAttention(const Error& error)
{
    m_operation.leavePending(error);
    Outcome outcome;
    outcome.stage = Stage::NeedsAttention;
    outcome.refund = m_last;
    outcome.error = error;
    finish(std::move(outcome), {});
}

void RefundWorkflow::finish(Outcome outcome, const QString& finalStep)
{
    m_phase = Phase::Done;
    outcome.outTradeNo = m_outTradeNo;
    outcome.outRefundNo = m_outRefundNo;
    outcome.sends = m_sends;
    outcome.queries = m_queries;
    if (!finalStep.isEmpty())
        m_operation.finish(finalStep);
    // WeChat reports an order as REFUND while it has a refund that is not closed: keep the order row in step.
    if (m_last && m_last->status != RefundStatus::Closed) {
        Transaction order;
        order.outTradeNo = m_outTradeNo;
        order.state = TradeState::Refund;
        warnStorage("order state", m_context.orders.applyTransaction(m_context.profileId, order));
    }
    audit(m_context, QStringLiteral("refund.outcome"), m_outTradeNo, m_outRefundNo, {},
        stageName(outcome.stage) + (outcome.error ? u": " + outcome.error->toString() : QString()));
    qCInfo(lcWorkflows) << "refund" << m_outRefundNo << "ended" << outcome.stage;
    m_outcome = outcome;
    setStage(outcome.stage);
    Q_EMIT finished(outcome);
}

void RefundWorkflow::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void RefundWorkflow::recordError(const Error& error)
{
    warnStorage("refund error", m_context.refunds.recordError(m_context.profileId, m_outRefundNo, error));
}

// ---- RefundCheck ----

RefundCheck::RefundCheck(WorkflowContext context, QObject* parent) : QObject(parent), m_context(std::move(context))
{ }

Status RefundCheck::checkRefund(const QString& outTradeNo, const QString& outRefundNo)
{
    if (m_running)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("a refund check is already running"));
    if (outRefundNo.isEmpty())
        return Error::input(QStringLiteral("REF_MISSING"), QStringLiteral("name the refund (out_refund_no)"));
    Query query;
    query.ref.outRefundNo = outRefundNo;
    query.outTradeNo = outTradeNo;
    m_outTradeNo = outTradeNo;
    m_pending.clear();
    begin({ query });
    return {};
}

Status RefundCheck::checkOrder(const QString& outTradeNo)
{
    if (m_running)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("a refund check is already running"));
    if (outTradeNo.isEmpty())
        return Error::input(QStringLiteral("REF_MISSING"), QStringLiteral("name the order (out_trade_no)"));
    QList<Query> queue;
    if (m_context.gateway.family() == ApiFamily::V3) {
        // APIv3 domestic has no "refunds of an order" query: ask for each refund the history knows.
        auto known = m_context.refunds.forOrder(m_context.profileId, outTradeNo);
        if (!known)
            return known.error();
        for (const storage::RefundRecord& record : known.value()) {
            Query query;
            query.ref.outRefundNo = record.outRefundNo;
            query.outTradeNo = outTradeNo;
            queue.append(query);
        }
    } else {
        Query query;
        query.ref.order = OrderRef::byOutTradeNo(outTradeNo);
        query.outTradeNo = outTradeNo;
        queue.append(query);
    }
    m_outTradeNo = outTradeNo;
    m_pending.clear();
    begin(std::move(queue));
    return {};
}

Status RefundCheck::checkPending()
{
    if (m_running)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("a refund check is already running"));
    auto pending = m_context.refunds.pending(m_context.profileId);
    if (!pending)
        return pending.error();
    QList<Query> queue;
    m_pending.clear();
    for (const storage::RefundRecord& record : pending.value()) {
        Query query;
        query.ref.outRefundNo = record.outRefundNo;
        query.outTradeNo = record.outTradeNo;
        queue.append(query);
        m_pending.append(record.outRefundNo);
    }
    m_outTradeNo.clear();
    begin(std::move(queue));
    return {};
}

void RefundCheck::begin(QList<Query> queue)
{
    m_queue = std::move(queue);
    m_outcome = {};
    m_running = true;
    next();
}

void RefundCheck::next()
{
    if (m_queue.isEmpty()) {
        // Answer later, like every other outcome, even when there was nothing to ask.
        QMetaObject::invokeMethod(this, &RefundCheck::finish, Qt::QueuedConnection);
        return;
    }
    const Query query = m_queue.takeFirst();
    m_context.gateway.queryRefund(query.ref, this, [this, query](Result<QList<Refund>> result, gateway::CallInfo info) {
        onAnswer(query, std::move(result), info);
    });
}

void RefundCheck::onAnswer(const Query& query, Result<QList<Refund>> result, const gateway::CallInfo& info)
{
    m_outcome.requestId = info.requestId;
    audit(m_context, QStringLiteral("refund.check"), query.outTradeNo, query.ref.outRefundNo, info.requestId,
        result ? QStringLiteral("%1 refund(s)").arg(result->size()) : result.error().toString());
    if (!result) {
        if (!m_outcome.error)
            m_outcome.error = result.error();
    } else {
        for (const Refund& refund : result.value()) {
            m_outcome.refunds.append(refund);
            // Refunds made elsewhere have no row here; that is not a failure.
            const Status applied = m_context.refunds.applyRefund(m_context.profileId, refund);
            if (!applied && applied.error().code != u"NOT_FOUND" && !m_outcome.error)
                m_outcome.error = applied.error();
            if (applied)
                markOrderRefunded(query.outTradeNo.isEmpty() ? refund.outTradeNo : query.outTradeNo, refund.status);
        }
    }
    next();
}

void RefundCheck::markOrderRefunded(const QString& outTradeNo, RefundStatus status)
{
    // As RefundWorkflow does: WeChat reports an order as REFUND while it has a refund that is not closed. A refund
    // whose send was never answered learns it only here.
    if (status == RefundStatus::Closed || status == RefundStatus::Unknown || outTradeNo.isEmpty())
        return;
    auto order = m_context.orders.findByOutTradeNo(m_context.profileId, outTradeNo);
    if (!order || !order.value() || order.value()->state == TradeState::Refund)
        return;
    Transaction refunded;
    refunded.outTradeNo = outTradeNo;
    refunded.state = TradeState::Refund;
    warnStorage("order state", m_context.orders.applyTransaction(m_context.profileId, refunded));
}

void RefundCheck::finish()
{
    if (!m_outTradeNo.isEmpty()) {
        auto records = m_context.refunds.forOrder(m_context.profileId, m_outTradeNo);
        if (records)
            m_outcome.records = records.value();
    }
    for (const QString& outRefundNo : std::as_const(m_pending)) {
        auto record = m_context.refunds.findByOutRefundNo(m_context.profileId, outRefundNo);
        if (record && record.value())
            m_outcome.records.append(*record.value());
    }
    m_running = false;
    Q_EMIT finished(m_outcome);
}

} // namespace wxpay::workflows
