#include "workflows/quickpay.h"

#include "workflows/internal.h"
#include "workflows/log.h"

#include <QCryptographicHash>
#include <QMetaEnum>
#include <QRegularExpression>

namespace wxpay::workflows {

using namespace detail;

namespace {

const QString kStepSubmitting = QStringLiteral("submitting");
const QString kStepPolling = QStringLiteral("polling");
const QString kStepReversing = QStringLiteral("reversing");
const QString kStepNeedsAttention = QStringLiteral("needs_attention");

// A definite answer that the payment did not happen. ORDERPAID is left out on purpose: with one out_trade_no
// per payment code it means this very order is paid, which the query that follows confirms.
bool isDecline(const Error& error)
{
    return error.kind == ErrorKind::Business && !outcomeUnknown(error) && !hasCode(error, { u"ORDERPAID" });
}

bool isOrderNotFound(const Error& error)
{
    return error.kind == ErrorKind::Business && hasCode(error, { u"ORDERNOTEXIST", u"RESOURCENOTEXISTS" });
}

} // namespace

QuickPay::QuickPay(WorkflowContext context, QuickPayOptions options, QObject* parent)
    : QObject(parent), m_context(std::move(context)), m_options(std::move(options))
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

    storage::JournalEntry entry;
    entry.kind = storage::JournalKind::Micropay;
    entry.profileId = m_context.profileId;
    entry.outTradeNo = outTradeNo;
    entry.step = kStepSubmitting;

    // The order and its journal entry exist together before anything is sent, or neither does.
    storage::TransactionGuard guard(m_context.database);
    if (Status begun = guard.begin(); !begun)
        return begun;
    if (auto inserted = m_context.orders.insert(row); !inserted)
        return inserted.error().code == u"DUPLICATE" ? codeUsed() : inserted.error();
    auto journalId = m_context.journal.begin(entry);
    if (!journalId)
        return journalId.error();
    if (Status committed = guard.commit(); !committed)
        return committed;

    m_outTradeNo = outTradeNo;
    m_journalId = journalId.value();
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

    m_outTradeNo = entry.outTradeNo;
    m_journalId = entry.id;
    m_createdAt = row->createdAt;
    // Nobody is waiting at the counter any more: settle it now instead of following the schedule.
    m_settleNow = true;
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
        ++m_generation;
        break;
    }
    m_settleNow = true;
    m_cashierCancelled = true;
    audit(m_context, QStringLiteral("quickpay.cancel"), m_outTradeNo, {}, {}, QStringLiteral("cancelled by cashier"));
    setStage(Stage::Cancelling);
    if (m_phase == Phase::WaitingToQuery)
        query();
}

void QuickPay::submit(const MicropayRequest& request)
{
    m_phase = Phase::Submitting;
    setStage(Stage::Submitting);
    recordAttempt();
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
    if (isDecline(error)) {
        finishNotPaid(NotPaidReason::Declined, TradeState::PayError, error);
        return;
    }
    qCInfo(lcWorkflows) << "Quick Pay" << m_outTradeNo << "unclear after submit:" << error.code;
    recordError(error);
    advanceJournal(kStepPolling);
    if (m_settleNow) {
        query();
        return;
    }
    if (hasCode(error, { u"USERPAYING" }))
        setStage(Stage::WaitingForPassword);
    scheduleQuery();
}

void QuickPay::scheduleQuery()
{
    if (m_queries >= m_options.queryDelays.size()) {
        startReversing();
        return;
    }
    m_phase = Phase::WaitingToQuery;
    const quint64 generation = m_generation;
    m_context.scheduler.after(m_options.queryDelays.at(m_queries), this, [this, generation] {
        if (generation == m_generation && m_phase == Phase::WaitingToQuery)
            query();
    });
}

void QuickPay::query()
{
    m_phase = Phase::Querying;
    ++m_queries;
    recordAttempt();
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
        if (isOrderNotFound(error)) {
            finishNotPaid(NotPaidReason::NotCreated, TradeState::PayError, error);
            return;
        }
        recordError(error);
        afterUnsettledQuery();
        return;
    }

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
        warnStorage("query answer", applyTransaction(transaction));
        if (!m_cashierCancelled)
            setStage(Stage::WaitingForPassword, m_queries);
        break;
    case TradeState::NotPay:
    case TradeState::Accept:
    case TradeState::Unknown:
        warnStorage("query answer", applyTransaction(transaction));
        break;
    }
    afterUnsettledQuery();
}

void QuickPay::afterUnsettledQuery()
{
    if (m_settleNow)
        startReversing();
    else
        scheduleQuery();
}

void QuickPay::startReversing()
{
    // WeChat reverses only within its window, and a reversal on another day than the payment breaks the
    // day's takings: a person decides, and a refund is the tool for it.
    if (chinaDate(m_createdAt) < chinaDate(m_context.clock.now())) {
        finishAttention(Error::input(QStringLiteral("REVERSE_NOT_TODAY"),
                            QStringLiteral("the payment is from an earlier day: refund it instead of reversing")),
            true);
        return;
    }
    advanceJournal(kStepReversing);
    reverse();
}

void QuickPay::reverse()
{
    m_phase = Phase::Reversing;
    ++m_reverses;
    recordAttempt();
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
        retryReverse(Error::business(
            QStringLiteral("RECALL"), QStringLiteral("WeChat asks to call reverse again"), info.requestId));
        return;
    }
    const Error& error = result.error();
    if (error.kind == ErrorKind::Business && hasCode(error, { u"ORDERREVERSED" })) {
        finishNotPaid(NotPaidReason::Reversed, TradeState::Revoked, std::nullopt, m_lastTransaction);
        return;
    }
    if (isOrderNotFound(error)) {
        finishNotPaid(NotPaidReason::NotCreated, TradeState::PayError, error);
        return;
    }
    if (outcomeUnknown(error)) {
        retryReverse(error);
        return;
    }
    finishAttention(error, hasCode(error, { u"REVERSEEXPIRE" }));
}

void QuickPay::retryReverse(const Error& why)
{
    recordError(why);
    if (m_reverses >= m_options.maxReverseAttempts) {
        finishAttention(why, false);
        return;
    }
    m_phase = Phase::WaitingToReverse;
    m_context.scheduler.after(delayAt(m_options.reverseDelays, m_reverses - 1), this, [this] {
        if (m_phase == Phase::WaitingToReverse)
            reverse();
    });
}

void QuickPay::finishPaid(const Transaction& transaction)
{
    warnStorage("payment", applyTransaction(transaction));
    Outcome outcome;
    outcome.stage = Stage::Paid;
    outcome.transaction = transaction;
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
    finish(std::move(outcome),
        reason == NotPaidReason::Reversed ? QStringLiteral("reversed") : QStringLiteral("not_paid"));
}

void QuickPay::finishAttention(const Error& error, bool refundSuggested)
{
    recordError(error);
    Outcome outcome;
    outcome.stage = Stage::NeedsAttention;
    outcome.transaction = m_lastTransaction;
    outcome.error = error;
    outcome.refundSuggested = refundSuggested;
    if (refundSuggested) {
        finish(std::move(outcome), QStringLiteral("refund_suggested"));
        return;
    }
    // Still unsettled: the entry stays pending, so the next start tries again.
    advanceJournal(kStepNeedsAttention);
    finish(std::move(outcome), {});
}

void QuickPay::finish(Outcome outcome, const QString& finalStep)
{
    m_phase = Phase::Done;
    outcome.outTradeNo = m_outTradeNo;
    outcome.queries = m_queries;
    outcome.reverses = m_reverses;
    if (!finalStep.isEmpty() && m_journalId != 0)
        warnStorage("journal finish", m_context.journal.finish(m_journalId, finalStep));
    audit(m_context, QStringLiteral("quickpay.outcome"), m_outTradeNo, {}, {},
        QString::fromLatin1(QMetaEnum::fromType<Stage>().valueToKey(static_cast<int>(outcome.stage)))
            + (outcome.error ? u": " + outcome.error->toString() : QString()));
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

void QuickPay::advanceJournal(const QString& step)
{
    if (m_journalId == 0)
        return;
    const QJsonObject payload { { QStringLiteral("queries"), m_queries }, { QStringLiteral("reverses"), m_reverses } };
    warnStorage("journal step", m_context.journal.advance(m_journalId, step, payload));
}

void QuickPay::recordAttempt()
{
    if (m_journalId != 0)
        warnStorage("journal attempt", m_context.journal.recordAttempt(m_journalId));
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
