#pragma once

// The console's composition root: the payment history and its lock, the built-in sandbox (when no profile is
// configured or a sandbox profile is active), the MerchantSession of the active profile, and the contexts the panels
// work with. Recovery of the journal runs here, per profile, under the history lock: at start, and again while the
// console runs for whatever stays open (workflows::Redrive).

#include "common/clock.h"
#include "common/nonce.h"
#include "credentials/credentialstore.h"
#include "credentials/profilestore.h"
#include "merchantsession.h"
#include "profiletrust.h"
#include "sim/engine.h"
#include "sim/server.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/historylock.h"
#include "storage/journal.h"
#include "storage/orderstore.h"
#include "storage/refundstore.h"
#include "workflows/connectiontest.h"
#include "workflows/context.h"
#include "workflows/scheduler.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QSet>
#include <QThread>

#include <memory>
#include <vector>

class QSettings;

namespace wxpay::ui {
class MainWindow;
}

namespace wxpay::console {

// Time and waiting, injectable so that a one-shot renderer can run the console on a manual clock.
struct ConsoleTiming
{
    const Clock* clock = nullptr; // null: the system clock
    workflows::Scheduler* scheduler = nullptr; // null: real timers
};

class ConsoleBackend
{
public:
    // Everything must outlive the backend.
    ConsoleBackend(QSettings& settings,
        credentials::CredentialStore& keychain,
        credentials::ProfileStore& profiles,
        ui::MainWindow& window,
        QString databasePath = storage::Database::defaultPath(),
        ConsoleTiming timing = {});
    ~ConsoleBackend();

    ConsoleBackend(const ConsoleBackend&) = delete;
    ConsoleBackend& operator=(const ConsoleBackend&) = delete;

    // Takes the history's lock and opens the history, then the active profile, starting the sandbox first when it
    // is needed. Without the lock the history can still be read, but nothing that moves money runs.
    void start();

    sim::SimServer* sandboxServer() const { return m_server.get(); }
    sim::SimEngine* sandboxEngine() const { return m_engine.get(); }
    // The session of the active profile, once it is open.
    app::MerchantSession* session() const { return m_session; }

private:
    void activate();
    void startSandbox();
    void sandboxGenerated(Result<sim::MerchantSet> merchants);
    void selectDefaultSandboxProfile();
    void openProfile(const credentials::MerchantProfile& profile);
    void useSession(app::MerchantSession& session);
    void recover(app::MerchantSession& session);
    void testConnection(const credentials::MerchantProfile& profile,
        QObject* context,
        std::function<void(const workflows::ConnectionTest::Outcome&)> done);
    void showSetupError(const Error& error);
    workflows::WorkflowContext workflowContext(app::MerchantSession& session);

    credentials::CredentialStore& m_keychain;
    credentials::ProfileStore& m_profiles;
    app::ProfileTrustStore m_trust;
    ui::MainWindow& m_window;
    const SystemClock m_systemClock;
    workflows::TimerScheduler m_timerScheduler;
    const Clock& m_clock;
    workflows::Scheduler& m_scheduler;
    RandomNonceSource m_nonces;
    QNetworkAccessManager m_nam;
    QString m_databasePath;
    std::unique_ptr<storage::HistoryLock> m_lock;
    storage::Database m_database;
    storage::OrderStore m_orders;
    storage::RefundStore m_refunds;
    storage::AuditLog m_audit;
    storage::Journal m_journal;

    std::unique_ptr<sim::SimEngine> m_engine;
    std::unique_ptr<sim::SimServer> m_server;
    bool m_sandboxInstalled = false;
    QPointer<QThread> m_generator;

    std::vector<std::unique_ptr<app::MerchantSession>> m_sessions;
    app::MerchantSession* m_session = nullptr;
    QString m_opening;
    QSet<QString> m_recovered; // profiles whose journal was resumed in this run

    // Receives every callback; destroyed first, so nothing runs on a half-destroyed backend.
    QObject m_context;
};

} // namespace wxpay::console
