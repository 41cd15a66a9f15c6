#include "workflows/scheduler.h"

#include "common/clock.h"

#include <QTimer>

#include <algorithm>

namespace wxpay::workflows {

Scheduler::~Scheduler() = default;

void TimerScheduler::after(std::chrono::milliseconds delay, QObject* context, std::function<void()> task)
{
    if (!context || !task)
        return;
    QTimer::singleShot(delay, context, std::move(task));
}

ManualScheduler::ManualScheduler(ManualClock& clock, QObject* parent) : QObject(parent), m_clock(clock)
{ }

void ManualScheduler::after(std::chrono::milliseconds delay, QObject* context, std::function<void()> task)
{
    if (!context || !task)
        return;
    Task entry { m_clock.now().addMSecs(delay.count()), ++m_sequence, context, std::move(task) };
    const auto position = std::upper_bound(m_tasks.begin(), m_tasks.end(), entry,
        [](const Task& a, const Task& b) { return a.due < b.due || (a.due == b.due && a.sequence < b.sequence); });
    m_tasks.insert(position, std::move(entry));
    if (m_automatic)
        postTurn();
}

void ManualScheduler::setAutomatic(bool automatic)
{
    m_automatic = automatic;
    if (!automatic)
        return;
    // One turn per waiting task: each turn runs the earliest one.
    for (qsizetype i = 0; i < m_tasks.size(); ++i)
        postTurn();
}

bool ManualScheduler::runNext()
{
    while (!m_tasks.isEmpty()) {
        Task task = m_tasks.takeFirst();
        if (!task.context)
            continue;
        if (task.due > m_clock.now())
            m_clock.set(task.due);
        ++m_executed;
        task.run();
        return true;
    }
    return false;
}

void ManualScheduler::postTurn()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_automatic)
                runNext();
        },
        Qt::QueuedConnection);
}

} // namespace wxpay::workflows
