#include "workflows/quickpay.h"

#include "workflows/internal.h"
#include "workflows/log.h"
#include "workflows/policy.h"

#include <QCryptographicHash>
#include <QMetaEnum>
#include <QRegularExpression>

namespace wxpay::workflows {

using namespace detail;

namespace {

const QString kStepPolling = QStringLiteral("polling");
const QString kStepReversing = QStringLiteral("reversing");
const QString kStepWatching = QStringLiteral("watching");

} // namespace

QuickPay::QuickPay(WorkflowContext context, QuickPayOptions options, QObject* parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_options(std::move(options))
    , m_operation(m_context, storage::JournalKind::Micropay)
{ }

QuickPay::~QuickPay() = default;

QString QuickPay::outTradeNoFor(const QString& profileId, const QString& authCode)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(profileId.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(authCode.toUtf8());
    return QStringLiteral("QP") + QString::fromLatin1(hash.result().toHex().left(30));
}

Status QuickPay::validate(const QuickPayRequest& request)
{
    static const QRegularExpression authCodePattern(QStringLiteral("^1[0-5][0-9]{16}$"));
    if (!authCodePattern.match(request.authCode).hasMatch()) {
        return Error::input(QStringLiteral("AUTH_CODE_INVALID"),
            QStringLiteral("a WeChat Pay payment code is 18 digits starting with 10 to 15"));
    }
    if (!request.amount.isValid() || request.amount.isZero())
        return Error::input(QStringLiteral("AMOUNT_INVALID"), QStringLiteral("the amount must be above zero"));
    if (request.description.trimmed().isEmpty())
        return Error::input(QStringLiteral("DESCRIPTION_EMPTY"), QStringLiteral("the order needs a description"));
    return {};
}

bool QuickPay::isFinished() const
{
    return m_phase == Phase::Done;
}

Status QuickPay::start(const QuickPayRequest& request)
{
    if (m_phase != Phase::Idle)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("this Quick Pay already runs"));
    if (Status valid = validate(request); !valid)
        return valid;

    const QString outTradeNo = outTradeNoFor(m_context.profileId, request.authCode);
    const auto codeUsed = [&outTradeNo] {
        Error error = Error::input(
            QStringLiteral("AUTH_CODE_USED"), u"this payment code was already used for order " + outTradeNo);
        error.detail = outTradeNo;
        return error;
    };
    auto existing = m_context.orders.findByOutTradeNo(m_context.profileId, outTradeNo);
    if (!existing)
        return existing.error();
    if (existing.value())
        return codeUsed();

    storage::OrderRecord row;
    row.profileId = m_context.profileId;
    row.family = m_context.gateway.family();
    row.outTradeNo = outTradeNo;
    row.amount = request.amount;
    row.tradeType = QStringLiteral("MICROPAY");
    row.cashier = m_context.actorName();
    row.deviceId = request.deviceId;
    row.description = request.description;
    row.attach = request.attach;

    // The order and its journal entry exist together before anything is sent, or neither does.
    const Status begun = m_operation.begin(outTradeNo, {}, {}, [this, &row, &codeUsed]() -> Status {
        if (auto inserted = m_context.orders.insert(row); !inserted)
            return inserted.error().code == u"DUPLICATE" ? codeUsed() : inserted.error();
        return {};
    });
    if (!begun)
        return begun;

    m_outTradeNo = outTradeNo;
    m_createdAt = m_context.clock.now();
    audit(m_context, QStringLiteral("quickpay.start"), m_outTradeNo, {}, {},
        u"amount " + request.amount.toStringWithCurrency());

    MicropayRequest micropay;
    micropay.outTradeNo = outTradeNo;
    micropay.description = request.description;
    micropay.amount = request.amount;
    micropay.authCode = request.authCode;
    micropay.clientIp = request.clientIp;
    micropay.deviceId = request.deviceId;
    micropay.operatorId = request.operatorId;
    micropay.attach = request.attach;
    micropay.merchantCategoryCode = request.merchantCategoryCode;
    submit(micropay);
    return {};
}

Status QuickPay::resume(const storage::JournalEntry& entry)
{
    if (m_phase != Phase::Idle)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("this Quick Pay already runs"));
    const auto row = resumableOrder(m_context, entry, storage::JournalKind::Micropay, QStringLiteral("Quick Pay"));
    if (!row)
        return row.error();
    if (Status adopted = m_operation.adopt(entry); !adopted)
        return adopted;

    m_outTradeNo = entry.outTradeNo;
    m_createdAt = row->createdAt.isValid() ? row->createdAt : entry.createdAt;
    // Nobody is waiting at the counter any more: settle it now instead of following the schedule.
    m_settleNow = true;
    m_wantsReverse = m_operation.reached(kStepReversing);
    m_watching = m_operation.reached(kStepWatching);
    qCInfo(lcWorkflows) << "resuming Quick Pay" << m_outTradeNo << "from step" << entry.step;
    audit(m_context, QStringLiteral("quickpay.resume"), m_outTradeNo, {}, {}, u"from step " + entry.step);
    query();
    return {};
}

void QuickPay::cancel()
{
    switch (m_phase) {
    case Phase::Idle:
    case Phase::Done:
    case Phase::WaitingToReverse:
    case Phase::Reversing:
        return;
    case Phase::Submitting:
    case Phase::Querying:
        // The answer in flight decides what comes next.
        break;
    case Phase::WaitingToQuery:
        if (m_watching)
            return;
        ++m_generation;
        break;
    }
    m_settleNow = true;
    m_cashierCancelled = true;
    m_wantsReverse = true;
    audit(m_context, QStringLiteral("quickpay.cancel"), m_outTradeNo, {}, {}, QStringLiteral("cancelled by cashier"));
    setStage(Stage::Cancelling);
    if (m_phase == Phase::WaitingToQuery)
        query();
}

void QuickPay::submit(const MicropayRequest& request)
{
    m_phase = Phase::Submitting;
    setStage(Stage::Submitting);
    m_operation.attempt();
    m_context.gateway.micropay(request, this,
        [this](Result<Transaction> result, gateway::CallInfo info) { onMicropay(std::move(result), info); });
}

void QuickPay::onMicropay(Result<Transaction> result, const gateway::CallInfo& info)
{
    audit(m_context, QStringLiteral("quickpay.micropay"), m_outTradeNo, {}, info.requestId,
        result ? QStringLiteral("SUCCESS") : result.error().toString());
    if (result) {
        Transaction transaction = std::move(result).value();
        if (transaction.outTradeNo.isEmpty())
            transaction.outTradeNo = m_outTradeNo;
        finishPaid(transaction);
        return;
    }
    const Error& error = result.error();
    if (neverSent(error)) {
        finishNotPaid(NotPaidReason::NotSent, TradeState::PayError, error);
        return;
    }
    if (policy::isDefiniteDecline(error)) {
        finishNotPaid(NotPaidReason::Declined, TradeState::PayError, error);
        return;
    }
    qCInfo(lcWorkflows) << "Quick Pay" << m_outTradeNo << "unclear after submit:" << error.code;
    recordError(error);
    // A verified "the customer is confirming" (or a non-final trade_state) says the order exists.
    // (ORDERPAID and OUT_TRADE_NO_USED say so too.)
    if (error.kind == ErrorKind::Business
        && hasCode(error, { u"USERPAYING", u"ACCEPT", u"NOTPAY", u"ORDERPAID", u"OUTTRADENOUSED" }))
        m_operation.markSeen();
    m_operation.advance(kStepPolling);
    if (hasCode(error, { u"USERPAYING" }) && !m_cashierCancelled)
        setStage(Stage::WaitingForPassword);
    // WeChat may still be working on the payment: the first query waits (5 s) also when the cashier cancelled.
    scheduleQuery(queryDelays().constFirst());
}

QList<std::chrono::milliseconds> QuickPay::queryDelays() const
{
    return m_options.queryDelays.isEmpty() ? policy::quickPayQueryDelays(m_context.gateway.family())
                                           : m_options.queryDelays;
}

void QuickPay::scheduleQuery(std::chrono::milliseconds delay)
{
    m_phase = Phase::WaitingToQuery;
    const quint64 generation = m_generation;
    m_context.scheduler.after(delay, this, [this, generation] {
        if (generation == m_generation && m_phase == Phase::WaitingToQuery)
            query();
    });
}

void QuickPay::query()
{
    m_phase = Phase::Querying;
    ++m_queries;
    if (m_watching)
        ++m_watchQueries;
    setStage(m_cashierCancelled ? Stage::Cancelling : Stage::Checking, m_queries);
    m_context.gateway.queryOrder(OrderRef::byOutTradeNo(m_outTradeNo), this,
        [this](Result<Transaction> result, gateway::CallInfo info) { onQuery(std::move(result), info); });
}

void QuickPay::onQuery(Result<Transaction> result, const gateway::CallInfo& info)
{
    audit(m_context, QStringLiteral("quickpay.query"), m_outTradeNo, {}, info.requestId,
        result ? tradeStateName(result->state) : result.error().toString());
    if (!result) {
        const Error& error = result.error();
        recordError(error);
        m_lastError = error;
        if (policy::isNotFound(error) && notFoundIsDefinite()) {
            finishNotPaid(NotPaidReason::NotCreated, TradeState::PayError, error);
            return;
        }
        // Not found while the submit may still run inside WeChat, or after WeChat confirmed the order: unclear.
        afterUnsettledQuery();
        return;
    }
    m_operation.markSeen();

    Transaction transaction = std::move(result).value();
    if (transaction.outTradeNo.isEmpty())
        transaction.outTradeNo = m_outTradeNo;
    m_lastTransaction = transaction;
    switch (transaction.state) {
    case TradeState::Success:
    case TradeState::Refund:
        finishPaid(transaction);
        return;
    case TradeState::Revoked:
    case TradeState::Closed:
    case TradeState::PayError:
        finishNotPaid(NotPaidReason::Failed, transaction.state, std::nullopt, transaction);
        return;
    case TradeState::UserPaying:
        if (!m_cashierCancelled && !m_wantsReverse)
            setStage(Stage::WaitingForPassword, m_queries);
        break;
    case TradeState::NotPay:
    case TradeState::Accept:
    case TradeState::Unknown:
        break;
    }
    warnStorage("query answer", applyTransaction(transaction));
    m_lastError = Error::business(tradeStateName(transaction.state),
        u"WeChat Pay reports the order as " + tradeStateName(transaction.state), info.requestId);
    afterUnsettledQuery();
}

void QuickPay::afterUnsettledQuery()
{
    const Error why = m_lastError.value_or(
        Error::protocol(QStringLiteral("UNSETTLED"), QStringLiteral("the payment's outcome is not known yet")));
    if (m_watching) {
        if (m_watchQueries >= m_options.watchQueries) {
            finishAttention(why);
            return;
        }
        scheduleQuery(delayAt(m_options.watchDelays, m_watchQueries));
        return;
    }
    const QList<std::chrono::milliseconds> delays = queryDelays();
    if (m_settleNow || m_wantsReverse || m_queries >= delays.size()) {
        startReversing();
        return;
    }
    scheduleQuery(delays.at(m_queries));
}

void QuickPay::startReversing()
{
    m_wantsReverse = true;
    if (!policy::canReverse(m_context.gateway.family(), m_createdAt, m_context.clock.now())) {
        startWatching(Error::input(QStringLiteral("REVERSE_WINDOW_PASSED"),
            QStringLiteral("the order is older than WeChat's reverse window: it is followed by queries only")));
        return;
    }
    m_operation.advance(kStepReversing);
    reverse();
}

void QuickPay::reverse()
{
    m_phase = Phase::Reversing;
    ++m_reverses;
    m_operation.attempt(JournaledOperation::Request::Changes);
    setStage(Stage::Cancelling, m_reverses);
    m_context.gateway.reverse(OrderRef::byOutTradeNo(m_outTradeNo), this,
        [this](Result<ReverseResult> result, gateway::CallInfo info) { onReverse(std::move(result), info); });
}

void QuickPay::onReverse(Result<ReverseResult> result, const gateway::CallInfo& info)
{
    audit(m_context, QStringLiteral("quickpay.reverse"), m_outTradeNo, {}, info.requestId,
        result ? (result->recall ? QStringLiteral("recall") : QStringLiteral("reversed")) : result.error().toString());
    if (result) {
        if (!result->recall) {
            finishNotPaid(NotPaidReason::Reversed, TradeState::Revoked, std::nullopt, m_lastTransaction);
            return;
        }
        m_operation.markSeen();
        retryReverse(Error::business(
            QStringLiteral("RECALL"), QStringLiteral("WeChat asks to call reverse again"), info.requestId));
        return;
    }
    const Error& error = result.error();
    if (error.kind == ErrorKind::Business && hasCode(error, { u"ORDERREVERSED" })) {
        finishNotPaid(NotPaidReason::Reversed, TradeState::Revoked, std::nullopt, m_lastTransaction);
        return;
    }
    if (policy::isNotFound(error)) {
        // A reverse's "no such order" is not the check of existence a query is (an earlier reverse whose answer was
        // lost may have acted on it): a query, once the submit is surely over, decides.
        recordError(error);
        queryWhenSettled(error);
        return;
    }
    // Any other verified answer of WeChat's about this order ("paying", "cannot reverse it") says it has it.
    if (error.kind == ErrorKind::Business)
        m_operation.markSeen();
    if (outcomeUnknown(error) || hasCode(error, { u"USERPAYING" })) {
        retryReverse(error);
        return;
    }
    // WeChat refused the reverse in a verified answer (window passed, a state it will not reverse): the order's
    // state still has to be learned, by queries.
    recordError(error);
    startWatching(error);
}

void QuickPay::retryReverse(const Error& why)
{
    recordError(why);
    if (m_reverses >= m_options.maxReverseAttempts) {
        finishAttention(why);
        return;
    }
    m_phase = Phase::WaitingToReverse;
    m_context.scheduler.after(delayAt(m_options.reverseDelays, m_reverses - 1), this, [this] {
        if (m_phase == Phase::WaitingToReverse)
            reverse();
    });
}

void QuickPay::startWatching(const Error& why)
{
    qCInfo(lcWorkflows) << "Quick Pay" << m_outTradeNo << "is followed by queries only:" << why.code;
    m_watching = true;
    m_lastError = why;
    m_operation.advance(kStepWatching);
    m_operation.set(QString::fromLatin1(JournaledOperation::kReasonKey), why.toString());
    scheduleQuery(delayAt(m_options.watchDelays, m_watchQueries));
}

void QuickPay::queryWhenSettled(const Error& why)
{
    m_lastError = why;
    if (m_reverses >= m_options.maxReverseAttempts) {
        finishAttention(why);
        return;
    }
    const QDateTime settled = m_operation.lastSentAt().addMSecs(m_options.inFlightSettle.count());
    const auto wait = std::chrono::milliseconds(std::max<qint64>(m_context.clock.now().msecsTo(settled), 0) + 1000);
    scheduleQuery(wait);
}

bool QuickPay::notFoundIsDefinite() const
{
    return m_operation.notFoundIsDefinite(m_options.inFlightSettle);
}

void QuickPay::finishPaid(const Transaction& transaction)
{
    warnStorage("payment", applyTransaction(transaction));
    Outcome outcome;
    outcome.stage = Stage::Paid;
    outcome.transaction = transaction;
    // The sale was being undone and WeChat would no longer reverse it: a refund is a person's decision.
    outcome.refundSuggested
        = m_wantsReverse && !policy::canReverse(m_context.gateway.family(), m_createdAt, m_context.clock.now());
    if (outcome.refundSuggested)
        m_operation.set(QStringLiteral("refundSuggested"), true);
    finish(std::move(outcome), QStringLiteral("paid"));
}

void QuickPay::finishNotPaid(NotPaidReason reason,
    TradeState state,
    const std::optional<Error>& error,
    const std::optional<Transaction>& transaction)
{
    Transaction report = transaction.value_or(Transaction {});
    report.outTradeNo = m_outTradeNo;
    report.state = state;
    if (error)
        report.stateDescription = error->message;
    warnStorage("unpaid order", applyTransaction(report));
    if (error)
        recordError(*error);
    Outcome outcome;
    outcome.stage = Stage::NotPaid;
    outcome.reason = reason;
    outcome.transaction = transaction;
    outcome.error = error;
    QString finalStep = QStringLiteral("not_paid");
    if (reason == NotPaidReason::Reversed)
        finalStep = QStringLiteral("reversed");
    else if (reason == NotPaidReason::NotSent)
        finalStep = QStringLiteral("not_sent");
    finish(std::move(outcome), finalStep);
}

void QuickPay::finishAttention(const Error& error)
{
    recordError(error);
    // Still unsettled: the entry stays open with its reason; the re-drive and the next start take it up.
    m_operation.leavePending(error);
    Outcome outcome;
    outcome.stage = Stage::NeedsAttention;
    outcome.transaction = m_lastTransaction;
    outcome.error = error;
    finish(std::move(outcome), {});
}

void QuickPay::finish(Outcome outcome, const QString& finalStep)
{
    m_phase = Phase::Done;
    outcome.outTradeNo = m_outTradeNo;
    outcome.queries = m_queries;
    outcome.reverses = m_reverses;
    if (!finalStep.isEmpty())
        m_operation.finish(finalStep);
    audit(m_context, QStringLiteral("quickpay.outcome"), m_outTradeNo, {}, {},
        QString::fromLatin1(QMetaEnum::fromType<Stage>().valueToKey(static_cast<int>(outcome.stage)))
            + (outcome.error ? u": " + outcome.error->toString() : QString())
            + (outcome.refundSuggested ? QStringLiteral(" (refund suggested)") : QString()));
    qCInfo(lcWorkflows) << "Quick Pay" << m_outTradeNo << "ended" << outcome.stage << "after" << m_queries
                        << "queries and" << m_reverses << "reverses";
    m_outcome = outcome;
    setStage(outcome.stage);
    Q_EMIT finished(outcome);
}

void QuickPay::setStage(Stage stage, int attempt)
{
    m_stage = stage;
    Q_EMIT stageChanged(stage, attempt);
}

void QuickPay::recordError(const Error& error)
{
    warnStorage("order error", m_context.orders.recordError(m_context.profileId, m_outTradeNo, error));
}

Status QuickPay::applyTransaction(const Transaction& transaction)
{
    return m_context.orders.applyTransaction(m_context.profileId, transaction);
}

} // namespace wxpay::workflows
