#pragma once

// When a workflow does its next step. Workflows never sleep or spin an event loop: they ask a Scheduler to
// call them back later. Production uses QTimer; tests use ManualScheduler, which moves a ManualClock to the
// due time instead of waiting, so a minute of Quick Pay polling runs in milliseconds.

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

namespace wxpay {
class ManualClock;
}

namespace wxpay::workflows {

class Scheduler
{
public:
    virtual ~Scheduler();
    // Runs `task` once, on the thread of `context`, `delay` from now; dropped if `context` is destroyed first.
    virtual void after(std::chrono::milliseconds delay, QObject* context, std::function<void()> task) = 0;
};

class TimerScheduler final : public Scheduler
{
public:
    void after(std::chrono::milliseconds delay, QObject* context, std::function<void()> task) override;
};

// Tasks run in due order. In automatic mode (the default) each task runs on a later event-loop turn, after the
// clock was moved forward to its due time (never backwards). In held mode nothing runs until runNext() or
// setAutomatic(true), so a test can act between two steps.
class ManualScheduler final : public QObject, public Scheduler
{
    Q_OBJECT

public:
    explicit ManualScheduler(ManualClock& clock, QObject* parent = nullptr);

    void after(std::chrono::milliseconds delay, QObject* context, std::function<void()> task) override;

    void setAutomatic(bool automatic);
    bool isAutomatic() const { return m_automatic; }
    // Tasks waiting (including those whose context is gone).
    qsizetype pendingCount() const { return m_tasks.size(); }
    // Moves the clock to the earliest task's due time and runs it; false when nothing was waiting.
    bool runNext();
    // How many tasks ran so far.
    int executedCount() const { return m_executed; }

private:
    struct Task
    {
        QDateTime due;
        quint64 sequence = 0; // keeps tasks due at the same time in the order they were scheduled
        QPointer<QObject> context;
        std::function<void()> run;
    };
    void postTurn();

    ManualClock& m_clock;
    QList<Task> m_tasks; // sorted by (due, sequence)
    quint64 m_sequence = 0;
    bool m_automatic = true;
    int m_executed = 0;
};

} // namespace wxpay::workflows
