#pragma once

// Drives a profile's open journal entries again while the program runs, not only when it starts: a Recovery pass
// now, then again on a backoff (1, 2, 5, 10, 15 minutes, the last repeating) for as long as entries stay open,
// back to the start of the backoff whenever a pass settled something. Entries a live workflow drives are left to
// it. Used by the console (its status bar shows what is open and when the next pass runs) and by
// `wxpay-cli resume --watch`.

#include "workflows/context.h"
#include "workflows/recovery.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <chrono>

namespace wxpay::workflows {

class Redrive : public QObject
{
    Q_OBJECT

public:
    Redrive(WorkflowContext context, RecoveryOptions options = {}, QObject* parent = nullptr);
    ~Redrive() override;

    static QList<std::chrono::milliseconds> backoff();

    // Runs a pass now and keeps going while entries stay open. Input BUSY when already running.
    Status start();
    void stop();
    bool isRunning() const { return m_running; }
    // Open entries of the profile after the last pass (claimed ones included: they are open too).
    int openCount() const { return m_open; }
    // When the next pass runs; invalid when none is planned (nothing open, or stopped).
    QDateTime nextPass() const { return m_nextPass; }
    int passes() const { return m_passes; }

Q_SIGNALS:
    void passFinished(const wxpay::workflows::Recovery::Report& report);
    // After each pass and when the plan changes: how many entries are open, and when the next pass runs.
    void statusChanged(int open, const QDateTime& nextPass);

private:
    void pass();
    void onPass(const Recovery::Report& report);
    int countOpen() const;

    WorkflowContext m_context;
    RecoveryOptions m_options;
    bool m_running = false;
    bool m_passRunning = false;
    int m_open = 0;
    int m_passes = 0;
    qsizetype m_backoffIndex = 0;
    quint64 m_generation = 0;
    QDateTime m_nextPass;
};

} // namespace wxpay::workflows
