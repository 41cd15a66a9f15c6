#include "workflows/redrive.h"

#include "workflows/internal.h"
#include "workflows/log.h"

namespace wxpay::workflows {

using namespace std::chrono_literals;

Redrive::Redrive(WorkflowContext context, RecoveryOptions options, QObject* parent)
    : QObject(parent), m_context(std::move(context)), m_options(std::move(options))
{ }

Redrive::~Redrive() = default;

QList<std::chrono::milliseconds> Redrive::backoff()
{
    return { 1min, 2min, 5min, 10min, 15min };
}

Status Redrive::start()
{
    if (m_running)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("the re-drive is already running"));
    m_running = true;
    m_backoffIndex = 0;
    pass();
    return {};
}

void Redrive::stop()
{
    m_running = false;
    ++m_generation;
    m_nextPass = {};
    Q_EMIT statusChanged(m_open, m_nextPass);
}

void Redrive::pass()
{
    if (!m_running || m_passRunning)
        return;
    m_nextPass = {};
    auto* recovery = new Recovery(m_context, m_options, this);
    connect(recovery, &Recovery::finished, this, [this, recovery](const Recovery::Report& report) {
        recovery->deleteLater();
        onPass(report);
    });
    m_passRunning = true;
    ++m_passes;
    if (const Status started = recovery->resumePending(); !started) {
        delete recovery;
        m_passRunning = false;
        qCWarning(lcWorkflows) << "re-drive pass not started:" << started.error().toString();
        Recovery::Report empty;
        onPass(empty);
    }
}

void Redrive::onPass(const Recovery::Report& report)
{
    m_passRunning = false;
    m_open = countOpen();
    // Progress starts the backoff again: whatever is left may be close to settling too.
    if (report.settledCount() > 0)
        m_backoffIndex = 0;
    if (m_running && m_open > 0) {
        const auto delay = detail::delayAt(backoff(), m_backoffIndex++);
        m_nextPass = m_context.clock.now().addMSecs(delay.count());
        const quint64 generation = ++m_generation;
        m_context.scheduler.after(delay, this, [this, generation] {
            if (generation == m_generation)
                pass();
        });
    } else {
        m_nextPass = {};
    }
    if (!report.items.isEmpty())
        qCInfo(lcWorkflows) << "re-drive of" << m_context.profileId << ":" << report.settledCount() << "settled,"
                            << m_open << "open";
    Q_EMIT passFinished(report);
    Q_EMIT statusChanged(m_open, m_nextPass);
}

int Redrive::countOpen() const
{
    auto pending = m_context.journal.pending();
    if (!pending)
        return m_open;
    return static_cast<int>(std::count_if(pending->cbegin(), pending->cend(),
        [this](const storage::JournalEntry& entry) { return entry.profileId == m_context.profileId; }));
}

} // namespace wxpay::workflows
