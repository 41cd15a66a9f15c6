#include "workflows/recovery.h"

#include "workflows/log.h"

#include <QMetaEnum>

namespace wxpay::workflows {

namespace {

template<typename Enum> QString enumName(Enum value)
{
    return QString::fromLatin1(QMetaEnum::fromType<Enum>().valueToKey(static_cast<int>(value)));
}

QString resultName(OrderAction::Outcome::Result result)
{
    switch (result) {
    case OrderAction::Outcome::Result::Done:
        return QStringLiteral("Done");
    case OrderAction::Outcome::Result::NothingToDo:
        return QStringLiteral("NothingToDo");
    case OrderAction::Outcome::Result::Refused:
        return QStringLiteral("Refused");
    case OrderAction::Outcome::Result::RecallNeeded:
        return QStringLiteral("RecallNeeded");
    case OrderAction::Outcome::Result::Failed:
        break;
    }
    return QStringLiteral("Failed");
}

} // namespace

int Recovery::Report::settledCount() const
{
    return static_cast<int>(std::count_if(items.cbegin(), items.cend(), [](const Item& item) { return item.settled; }));
}

Recovery::Recovery(WorkflowContext context, RecoveryOptions options, QObject* parent)
    : QObject(parent), m_context(std::move(context)), m_options(std::move(options))
{ }

Recovery::~Recovery() = default;

Status Recovery::resumePending()
{
    if (m_running)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("recovery is already running"));
    auto pending = m_context.journal.pending();
    if (!pending)
        return pending.error();
    m_running = true;
    m_report = {};
    m_open = 0;
    for (const storage::JournalEntry& entry : pending.value()) {
        // An entry a live workflow of this process drives (a sale at the counter) is left to it.
        if (entry.profileId == m_context.profileId && !m_context.journal.isClaimed(entry.id))
            resume(entry);
    }
    qCInfo(lcWorkflows) << "recovery: resuming" << m_report.items.size() << "operations of" << m_context.profileId;
    // Later, like every outcome, even when nothing was pending.
    QMetaObject::invokeMethod(this, &Recovery::finishIfDone, Qt::QueuedConnection);
    return {};
}

void Recovery::resume(const storage::JournalEntry& entry)
{
    const qsizetype index = m_report.items.size();
    m_report.items.append(Item { entry.kind, entry.outTradeNo, entry.outRefundNo, {}, false, std::nullopt });
    ++m_open;
    Status started;
    switch (entry.kind) {
    case storage::JournalKind::Micropay: {
        auto* quickPay = new QuickPay(m_context, m_options.quickPay, this);
        connect(quickPay, &QuickPay::finished, this, [this, index, quickPay](const QuickPay::Outcome& outcome) {
            done(index, enumName(outcome.stage), outcome.stage != QuickPay::Stage::NeedsAttention, outcome.error);
            quickPay->deleteLater();
        });
        started = quickPay->resume(entry);
        if (!started)
            delete quickPay;
        break;
    }
    case storage::JournalKind::NativeCreate: {
        auto* native = new NativeCheckout(m_context, m_options.native, this);
        connect(native, &NativeCheckout::finished, this, [this, index, native](const NativeCheckout::Outcome& outcome) {
            done(index, enumName(outcome.stage), outcome.stage != NativeCheckout::Stage::NeedsAttention, outcome.error);
            native->deleteLater();
        });
        started = native->resume(entry);
        if (!started)
            delete native;
        break;
    }
    case storage::JournalKind::Refund: {
        auto* refund = new RefundWorkflow(m_context, m_options.refund, this);
        connect(refund, &RefundWorkflow::finished, this, [this, index, refund](const RefundWorkflow::Outcome& outcome) {
            done(index, enumName(outcome.stage), outcome.stage != RefundWorkflow::Stage::NeedsAttention, outcome.error);
            refund->deleteLater();
        });
        started = refund->resume(entry);
        if (!started)
            delete refund;
        break;
    }
    case storage::JournalKind::Reverse:
    case storage::JournalKind::Close: {
        auto* action = new OrderAction(m_context, this);
        connect(action, &OrderAction::finished, this, [this, index, action](const OrderAction::Outcome& outcome) {
            done(index, resultName(outcome.result), !outcome.pending, outcome.error);
            action->deleteLater();
        });
        started = action->resume(entry);
        if (!started)
            delete action;
        break;
    }
    case storage::JournalKind::Query:
    case storage::JournalKind::RefundQuery:
        // Nothing writes these any more; a stand-alone one has nothing to resume.
        started = Error::input(QStringLiteral("JOURNAL_KIND"),
            u"no workflow resumes a stand-alone " + storage::journalKindName(entry.kind) + u" entry");
        break;
    }
    if (!started) {
        qCWarning(lcWorkflows) << "recovery: cannot resume journal entry" << entry.id << started.error().toString();
        done(index, QStringLiteral("NotResumed"), false, started.error());
    }
}

void Recovery::done(qsizetype index, const QString& result, bool settled, const std::optional<Error>& error)
{
    Item& item = m_report.items[index];
    item.result = result;
    item.settled = settled;
    item.error = error;
    --m_open;
    finishIfDone();
}

void Recovery::finishIfDone()
{
    if (!m_running || m_open > 0)
        return;
    m_running = false;
    qCInfo(lcWorkflows) << "recovery: settled" << m_report.settledCount() << "of" << m_report.items.size();
    Q_EMIT finished(m_report);
}

} // namespace wxpay::workflows
