#include "workflows/nativecheckout.h"

#include "workflows/internal.h"
#include "workflows/log.h"
#include "workflows/orderlookup.h"
#include "workflows/policy.h"

#include <QJsonObject>
#include <QMetaEnum>

#include <algorithm>

namespace wxpay::workflows {

using namespace detail;

namespace {

const QString kStepWaiting = QStringLiteral("waiting");
const QString kStepClosing = QStringLiteral("closing");

QString stageName(NativeCheckout::Stage stage)
{
    return QString::fromLatin1(QMetaEnum::fromType<NativeCheckout::Stage>().valueToKey(static_cast<int>(stage)));
}

} // namespace

NativeCheckout::NativeCheckout(WorkflowContext context, NativeCheckoutOptions options, QObject* parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_options(std::move(options))
    , m_operation(m_context, storage::JournalKind::NativeCreate)
{ }

NativeCheckout::~NativeCheckout() = default;

Status NativeCheckout::validate(const NativeCheckoutRequest& request)
{
    if (request.description.trimmed().isEmpty())
        return Error::input(QStringLiteral("DESCRIPTION_EMPTY"), QStringLiteral("the order needs a description"));
    if (!request.amount.isValid() || request.amount.isZero())
        return Error::input(QStringLiteral("AMOUNT_INVALID"), QStringLiteral("the amount must be above zero"));
    if (!request.outTradeNo.isEmpty() && !isOutTradeNo(request.outTradeNo)) {
        return Error::input(QStringLiteral("OUT_TRADE_NO_INVALID"),
            QStringLiteral("out_trade_no must be 6 to 32 characters of 0-9, A-Z, a-z, _ - | *"));
    }
    return {};
}

Status NativeCheckout::start(const NativeCheckoutRequest& request)
{
    if (m_phase != Phase::Idle)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("this checkout already runs"));
    if (Status valid = validate(request); !valid)
        return valid;
    // WeChat refuses a Native time_expire less than 5 minutes away, and a retried create must still be accepted.
    if (m_options.expiry < std::chrono::minutes(6))
        return Error::input(QStringLiteral("EXPIRY_TOO_SHORT"), QStringLiteral("the expiry must be 6 minutes or more"));

    const QString outTradeNo = request.outTradeNo.isEmpty()
        ? generateMerchantNo(u"N", m_context.clock, m_context.nonces)
        : request.outTradeNo;
    auto existing = m_context.orders.findByOutTradeNo(m_context.profileId, outTradeNo);
    if (!existing)
        return existing.error();
    const Error used = Error::input(QStringLiteral("OUT_TRADE_NO_USED"), u"order " + outTradeNo + u" already exists");
    if (existing.value())
        return used;

    const QDateTime now = m_context.clock.now();
    // Whole seconds: what the wire carries, so the stored expiry and the sent one are the same.
    const QDateTime expiresAt
        = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch() + m_options.expiry.count(), Qt::UTC);

    storage::OrderRecord row;
    row.profileId = m_context.profileId;
    row.family = m_context.gateway.family();
    row.outTradeNo = outTradeNo;
    row.amount = request.amount;
    row.tradeType = QStringLiteral("NATIVE");
    row.cashier = m_context.actorName();
    row.deviceId = request.deviceId;
    row.description = request.description;
    row.attach = request.attach;

    const QJsonObject payload { { QStringLiteral("expiresAt"), expiresAt.toString(Qt::ISODate) } };
    const Status begun = m_operation.begin(outTradeNo, {}, payload, [this, &row, &used]() -> Status {
        if (auto inserted = m_context.orders.insert(row); !inserted)
            return inserted.error().code == u"DUPLICATE" ? used : inserted.error();
        return {};
    });
    if (!begun)
        return begun;

    m_outTradeNo = outTradeNo;
    m_expiresAt = expiresAt;
    m_request.outTradeNo = outTradeNo;
    m_request.description = request.description;
    m_request.amount = request.amount;
    m_request.notifyUrl = request.notifyUrl;
    m_request.attach = request.attach;
    m_request.timeExpire = expiresAt;
    m_request.clientIp = request.clientIp;
    m_request.deviceId = request.deviceId;
    m_request.productId = request.productId;
    m_request.merchantCategoryCode = request.merchantCategoryCode;
    audit(m_context, QStringLiteral("native.start"), m_outTradeNo, {}, {},
        u"amount " + request.amount.toStringWithCurrency());
    setStage(Stage::Creating);
    create();
    return {};
}

Status NativeCheckout::resume(const storage::JournalEntry& entry)
{
    if (m_phase != Phase::Idle)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("this checkout already runs"));
    const auto row
        = resumableOrder(m_context, entry, storage::JournalKind::NativeCreate, QStringLiteral("Native order"));
    if (!row)
        return row.error();
    if (Status adopted = m_operation.adopt(entry); !adopted)
        return adopted;

    m_outTradeNo = entry.outTradeNo;
    m_expiresAt = QDateTime::fromString(entry.payload.value(QStringLiteral("expiresAt")).toString(), Qt::ISODate);
    m_codeUrl = entry.payload.value(QStringLiteral("codeUrl")).toString();
    // Nobody shows this code any more: settle the order by closing it (a payment that beat us is kept).
    m_closeRequested = true;
    qCInfo(lcWorkflows) << "resuming Native order" << m_outTradeNo << "from step" << entry.step;
    audit(m_context, QStringLiteral("native.resume"), m_outTradeNo, {}, {}, u"from step " + entry.step);
    startClosing();
    return {};
}

void NativeCheckout::close()
{
    if (m_phase == Phase::Idle || m_phase == Phase::Done || m_closeRequested)
        return;
    m_closeRequested = true;
    audit(m_context, QStringLiteral("native.close_requested"), m_outTradeNo, {}, {}, {});
    switch (m_phase) {
    case Phase::WaitingToCreate:
    case Phase::WaitingToPoll:
        ++m_generation;
        startClosing();
        return;
    default:
        // A request is in flight (its answer leads to closing) or closing already runs.
        return;
    }
}

void NativeCheckout::create()
{
    m_phase = Phase::Creating;
    ++m_creates;
    m_operation.attempt();
    m_context.gateway.createNative(m_request, this,
        [this](Result<NativeOrder> result, gateway::CallInfo info) { onCreate(std::move(result), info); });
}

void NativeCheckout::onCreate(Result<NativeOrder> result, const gateway::CallInfo& info)
{
    audit(m_context, QStringLiteral("native.create"), m_outTradeNo, {}, info.requestId,
        result ? QStringLiteral("created") : result.error().toString());
    if (result) {
        m_created = true;
        m_operation.markSeen();
        m_codeUrl = result->codeUrl;
        Transaction created;
        created.outTradeNo = m_outTradeNo;
        created.state = TradeState::NotPay;
        created.tradeType = QStringLiteral("NATIVE");
        warnStorage("created order", m_context.orders.applyTransaction(m_context.profileId, created));
        m_operation.set(QStringLiteral("codeUrl"), m_codeUrl);
        m_operation.advance(kStepWaiting);
        if (m_closeRequested) {
            startClosing();
            return;
        }
        m_waitingSince = m_context.clock.now();
        setStage(Stage::WaitingForPayment);
        Q_EMIT codeReady(m_codeUrl);
        schedulePoll();
        return;
    }

    const Error& error = result.error();
    if (error.kind == ErrorKind::Business && hasCode(error, { u"ORDERPAID", u"ORDERCLOSED" })) {
        // An earlier attempt created the order and it moved on: the query tells how.
        m_created = true;
        m_operation.markSeen();
        startClosing();
        return;
    }
    if (outcomeUnknown(error)) {
        recordError(error);
        if (m_closeRequested) {
            startClosing();
            return;
        }
        if (m_creates >= m_options.maxCreateAttempts) {
            finishAttention(error);
            return;
        }
        m_phase = Phase::WaitingToCreate;
        const quint64 generation = m_generation;
        m_context.scheduler.after(delayAt(m_options.retryDelays, m_creates - 1), this, [this, generation] {
            if (generation == m_generation && m_phase == Phase::WaitingToCreate)
                create();
        });
        return;
    }
    if (m_creates > 1) {
        // An earlier create may have made the order (its answer was lost): its code was never shown, but it must
        // not stay open at WeChat. Query, and close it if it is there.
        recordError(error);
        m_closeRequested = true;
        startClosing();
        return;
    }
    finishWith(Stage::Refused, TradeState::Closed, error, std::nullopt);
}

void NativeCheckout::schedulePoll()
{
    if (pastExpiry()) {
        startClosing();
        return;
    }
    m_phase = Phase::WaitingToPoll;
    const QDateTime now = m_context.clock.now();
    const auto waited = std::chrono::milliseconds(m_waitingSince.msecsTo(now));
    std::chrono::milliseconds delay = waited < m_options.fastFor ? m_options.fastPoll
        : waited < m_options.mediumFor                           ? m_options.mediumPoll
                                                                 : m_options.slowPoll;
    if (m_expiresAt.isValid())
        delay = std::clamp(std::chrono::milliseconds(now.msecsTo(m_expiresAt)), std::chrono::milliseconds(0), delay);
    const quint64 generation = m_generation;
    m_context.scheduler.after(delay, this, [this, generation] {
        if (generation == m_generation && m_phase == Phase::WaitingToPoll)
            poll();
    });
}

void NativeCheckout::poll()
{
    m_phase = Phase::Polling;
    ++m_queries;
    m_context.gateway.queryOrder(OrderRef::byOutTradeNo(m_outTradeNo), this,
        [this](Result<Transaction> result, gateway::CallInfo info) { onPoll(std::move(result), info); });
}

void NativeCheckout::onPoll(Result<Transaction> result, const gateway::CallInfo& info)
{
    // Polls are frequent: only answers other than "still unpaid" go to the audit log.
    if (!result || result->state != TradeState::NotPay) {
        audit(m_context, QStringLiteral("native.query"), m_outTradeNo, {}, info.requestId,
            result ? tradeStateName(result->state) : result.error().toString());
    }
    if (result) {
        m_lastTransaction = result.value();
        if (settleFrom(result.value()))
            return;
        if (result->state != TradeState::NotPay)
            warnStorage("poll answer", m_context.orders.applyTransaction(m_context.profileId, result.value()));
    } else {
        recordError(result.error());
    }
    if (m_closeRequested)
        startClosing();
    else
        schedulePoll();
}

bool NativeCheckout::settleFrom(const Transaction& transaction)
{
    switch (transaction.state) {
    case TradeState::Success:
    case TradeState::Refund:
        finishWith(Stage::Paid, transaction.state, std::nullopt, transaction);
        return true;
    case TradeState::Closed:
    case TradeState::Revoked:
    case TradeState::PayError:
        finishWith(closedStage(), transaction.state, std::nullopt, transaction);
        return true;
    case TradeState::NotPay:
    case TradeState::UserPaying:
    case TradeState::Accept:
    case TradeState::Unknown:
        return false;
    }
    return false;
}

void NativeCheckout::startClosing()
{
    ++m_closingRounds;
    setStage(Stage::Closing);
    m_operation.advance(kStepClosing);
    closingQuery();
}

void NativeCheckout::closingQuery()
{
    queryThen(Phase::ClosingQuery,
        [this](Result<Transaction> result, const gateway::CallInfo& info) { onClosingQuery(std::move(result), info); });
}

void NativeCheckout::queryThen(Phase phase, std::function<void(Result<Transaction>, const gateway::CallInfo&)> then)
{
    m_phase = phase;
    ++m_queries;
    m_context.gateway.queryOrder(OrderRef::byOutTradeNo(m_outTradeNo), this,
        [this, then = std::move(then)](Result<Transaction> result, gateway::CallInfo info) {
            audit(m_context, QStringLiteral("native.query"), m_outTradeNo, {}, info.requestId,
                result ? tradeStateName(result->state) : result.error().toString());
            then(std::move(result), info);
        });
}

void NativeCheckout::onClosingQuery(Result<Transaction> result, const gateway::CallInfo& info)
{
    if (!result) {
        const Error& error = result.error();
        if (policy::isNotFound(error) && notFoundIsDefinite()) {
            // Nobody can pay an order WeChat does not have, and no create of ours can still make it.
            finishWith(closedStage(), TradeState::Closed, error, std::nullopt);
            return;
        }
        // Closing needs a verified NOTPAY first: without one, ask again later.
        retryClosing(error);
        return;
    }
    m_lastTransaction = result.value();
    m_operation.markSeen();
    if (settleFrom(result.value()))
        return;
    if (result->state == TradeState::NotPay) {
        sendClose();
        return;
    }
    // USERPAYING, ACCEPT, a state never seen: the customer may be paying right now; a close now could cut a
    // payment in half. Ask again later.
    warnStorage("query answer", m_context.orders.applyTransaction(m_context.profileId, result.value()));
    retryClosing(Error::business(tradeStateName(result->state),
        u"WeChat Pay reports the order as " + tradeStateName(result->state) + u": not closed while it is not NOTPAY",
        info.requestId));
}

void NativeCheckout::sendClose()
{
    m_phase = Phase::Closing;
    ++m_closes;
    m_operation.attempt(JournaledOperation::Request::Changes);
    m_context.gateway.closeOrder(OrderRef::byOutTradeNo(m_outTradeNo), this,
        [this](Status result, gateway::CallInfo info) { onClose(std::move(result), info); });
}

void NativeCheckout::onClose(Status result, const gateway::CallInfo& info)
{
    audit(m_context, QStringLiteral("native.close"), m_outTradeNo, {}, info.requestId,
        result ? QStringLiteral("closed") : result.error().toString());
    if (result) {
        confirmClosed();
        return;
    }
    const Error& error = result.error();
    if (error.kind == ErrorKind::Business && hasCode(error, { u"ORDERPAID" })) {
        confirmPaid();
        return;
    }
    if (error.kind == ErrorKind::Business && hasCode(error, { u"ORDERCLOSED" })) {
        finishWith(closedStage(), TradeState::Closed, std::nullopt, std::nullopt);
        return;
    }
    // No answer, a state that refuses closing for now, or "not found" while a send may still be running: query
    // and close again.
    retryClosing(error);
}

void NativeCheckout::confirmClosed()
{
    // WeChat accepted the close; the order's state is what a query says.
    queryThen(Phase::ConfirmingClosed, [this](Result<Transaction> result, const gateway::CallInfo& info) {
        if (result) {
            m_lastTransaction = result.value();
            if (settleFrom(result.value()))
                return;
        }
        retryClosing(result ? Error::business(
                         tradeStateName(result->state), QStringLiteral("the order is not closed yet"), info.requestId)
                            : result.error());
    });
}

void NativeCheckout::retryClosing(const Error& why)
{
    recordError(why);
    if (m_closingRounds >= m_options.maxCloseAttempts) {
        finishAttention(why);
        return;
    }
    m_phase = Phase::WaitingToClose;
    m_context.scheduler.after(delayAt(m_options.retryDelays, m_closingRounds - 1), this, [this] {
        if (m_phase == Phase::WaitingToClose)
            startClosing();
    });
}

void NativeCheckout::confirmPaid()
{
    // ORDERPAID settles it; the query only fetches what the history should show (transaction_id, payer, time).
    queryThen(Phase::ConfirmingPaid, [this](Result<Transaction> result, const gateway::CallInfo&) {
        if (result && (result->state == TradeState::Success || result->state == TradeState::Refund)) {
            finishWith(Stage::Paid, result->state, std::nullopt, result.value());
            return;
        }
        finishWith(Stage::Paid, TradeState::Success, std::nullopt, std::nullopt);
    });
}

void NativeCheckout::finishWith(
    Stage stage, TradeState state, const std::optional<Error>& error, const std::optional<Transaction>& transaction)
{
    Transaction report = transaction.value_or(Transaction {});
    report.outTradeNo = m_outTradeNo;
    report.state = state;
    if (error && !transaction)
        report.stateDescription = error->message;
    warnStorage("final state", m_context.orders.applyTransaction(m_context.profileId, report));
    if (error)
        recordError(*error);
    Outcome outcome;
    outcome.stage = stage;
    outcome.transaction = transaction;
    outcome.error = error;
    finish(std::move(outcome), true);
}

void NativeCheckout::finishAttention(const Error& error)
{
    m_operation.leavePending(error);
    Outcome outcome;
    outcome.stage = Stage::NeedsAttention;
    outcome.transaction = m_lastTransaction;
    outcome.error = error;
    finish(std::move(outcome), false);
}

void NativeCheckout::finish(Outcome outcome, bool settled)
{
    m_phase = Phase::Done;
    outcome.outTradeNo = m_outTradeNo;
    outcome.codeUrl = m_codeUrl;
    outcome.creates = m_creates;
    outcome.queries = m_queries;
    outcome.closes = m_closes;
    if (settled)
        m_operation.finish(stageName(outcome.stage).toLower());
    audit(m_context, QStringLiteral("native.outcome"), m_outTradeNo, {}, {},
        stageName(outcome.stage) + (outcome.error ? u": " + outcome.error->toString() : QString()));
    qCInfo(lcWorkflows) << "Native order" << m_outTradeNo << "ended" << outcome.stage;
    m_outcome = outcome;
    setStage(outcome.stage);
    Q_EMIT finished(outcome);
}

void NativeCheckout::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void NativeCheckout::recordError(const Error& error)
{
    warnStorage("order error", m_context.orders.recordError(m_context.profileId, m_outTradeNo, error));
}

bool NativeCheckout::notFoundIsDefinite() const
{
    return m_operation.notFoundIsDefinite(m_options.inFlightSettle);
}

NativeCheckout::Stage NativeCheckout::closedStage() const
{
    return !m_closeRequested && pastExpiry() ? Stage::Expired : Stage::Closed;
}

bool NativeCheckout::pastExpiry() const
{
    return m_expiresAt.isValid() && m_context.clock.now() >= m_expiresAt;
}

} // namespace wxpay::workflows
