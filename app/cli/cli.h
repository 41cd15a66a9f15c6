#pragma once

// wxpay-cli's composition root: the global options, the stores and services a command needs (made on first use),
// and how a command ends. Commands are asynchronous: they start work on the event loop that main() runs and end
// it with finish() / fail(), whose exit code main() returns.

#include "common/clock.h"
#include "common/nonce.h"
#include "credentials/keychaincredentialstore.h"
#include "credentials/keyimport.h"
#include "credentials/profilestore.h"
#include "merchantsession.h"
#include "output.h"
#include "profiletrust.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/historylock.h"
#include "storage/journal.h"
#include "storage/orderstore.h"
#include "storage/refundstore.h"
#include "workflows/context.h"
#include "workflows/nativecheckout.h"
#include "workflows/quickpay.h"
#include "workflows/recovery.h"
#include "workflows/refunds.h"
#include "workflows/scheduler.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSettings>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace wxpay::cli {

class Cli : public QObject
{
    Q_OBJECT

public:
    explicit Cli(QObject* parent = nullptr);
    ~Cli() override;

    // Parses the command line (argv[0] first), runs the command on the event loop and returns its exit code.
    int run(const QStringList& arguments);

    // ---- command line ----
    // Parses a subcommand's arguments (without the program and command words) with the global options added.
    // False when the command already ended: --help was printed, or a usage error was reported. `usage` is the
    // synopsis ("pay native --amount AMOUNT [options]"), `details` what follows the option list in --help.
    bool parse(QCommandLineParser& parser, const QStringList& arguments, const QString& usage, const QString& details);
    Output& out() { return m_out; }

    // ---- ending a command ----
    void finish(int exitCode, const QString& message = {});
    void fail(const Error& error, const QString& message = {});
    void failUsage(const QString& message);
    bool isFinished() const { return m_exitCode.has_value(); }
    // What SIGINT / SIGTERM do while the command runs; by default the command ends with kExitNotCompleted.
    void setInterruptHandler(std::function<void()> handler) { m_interrupt = std::move(handler); }

    // ---- environment, made on first use ----
    QSettings& settings();
    credentials::KeychainCredentialStore& keychain();
    credentials::ProfileStore& profiles();
    app::ProfileTrustStore& trust();
    credentials::KeyImport& keyImport();
    QNetworkAccessManager& nam() { return m_nam; }
    const Clock& clock() const { return m_clock; }
    NonceSource& nonces() { return m_nonces; }
    workflows::Scheduler& scheduler() { return m_scheduler; }
    QString actor() const;

    QString databasePath() const;
    QString profileOption() const { return m_profileName; }

    // The profile named by --profile, else the current one. Input NO_PROFILE, PROFILE_NOT_FOUND, PROFILE_INVALID.
    Result<credentials::MerchantProfile> selectedProfile();

    // The history, opened (and migrated) on first use.
    Status openHistory();
    storage::Database& database() { return *m_database; }
    storage::OrderStore& orders() { return *m_orders; }
    storage::RefundStore& refunds() { return *m_refunds; }
    storage::AuditLog& audit() { return *m_audit; }
    storage::Journal& journal() { return *m_journal; }
    // Payments, refunds and resume hold the history's lock while they run, so that no other program resumes
    // (queries, reverses, closes) an operation this one still drives. Storage HISTORY_BUSY when another holds it.
    Status lockHistory();

    // Opens the client of `profile` (secrets from the keychain); `ready` gets it, owned by this object. On failure
    // the command ends with the error.
    void openSession(const credentials::MerchantProfile& profile, std::function<void(app::MerchantSession&)> ready);
    // The same, reporting a failure to the caller instead of ending the command.
    void tryOpenSession(
        const credentials::MerchantProfile& profile, std::function<void(Result<app::MerchantSession*>)> done);
    workflows::WorkflowContext workflowContext(app::MerchantSession& session);

    workflows::QuickPayOptions quickPayOptions() const;
    workflows::NativeCheckoutOptions nativeOptions() const;
    workflows::RefundOptions refundOptions() const;
    workflows::RecoveryOptions recoveryOptions() const;

    // Resumes the profile's unfinished operations of earlier runs (the journal) alongside the command; what they
    // ended with is noted on stderr. A command that ends first waits for them a little (15 s at most), then leaves
    // the rest in the journal for next time.
    void resumeAtStart(app::MerchantSession& session);

    // A synopsis line for error hints: "wxpay-cli <words> --help".
    static QString helpHint(const QString& words);

private:
    void dispatch(const QString& command, const QStringList& arguments);
    void exitWhenResumed();
    void addGlobalOptions(QCommandLineParser& parser);
    void absorbGlobalOptions(const QCommandLineParser& parser);
    Status applyPollInterval();
    QString topLevelHelp() const;

    Output m_out;
    std::optional<int> m_exitCode;
    std::function<void()> m_interrupt;

    QCommandLineOption m_profileOption;
    QCommandLineOption m_dbOption;
    QCommandLineOption m_settingsOption;
    QCommandLineOption m_jsonOption;
    QCommandLineOption m_pollOption;
    QCommandLineOption m_verboseOption;
    QString m_profileName;
    QString m_dbPath;
    QString m_settingsPath;
    QString m_pollText;
    std::optional<std::chrono::milliseconds> m_pollInterval;

    SystemClock m_clock;
    RandomNonceSource m_nonces;
    workflows::TimerScheduler m_scheduler;
    QNetworkAccessManager m_nam;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<credentials::KeychainCredentialStore> m_keychain;
    std::unique_ptr<credentials::ProfileStore> m_profiles;
    std::unique_ptr<app::ProfileTrustStore> m_trust;
    std::unique_ptr<credentials::KeyImport> m_keyImport;
    std::unique_ptr<storage::Database> m_database;
    std::unique_ptr<storage::OrderStore> m_orders;
    std::unique_ptr<storage::RefundStore> m_refunds;
    std::unique_ptr<storage::AuditLog> m_audit;
    std::unique_ptr<storage::Journal> m_journal;
    std::unique_ptr<storage::HistoryLock> m_lock;
    std::vector<std::unique_ptr<app::MerchantSession>> m_sessions;
    workflows::Recovery* m_recovery = nullptr;
};

} // namespace wxpay::cli
