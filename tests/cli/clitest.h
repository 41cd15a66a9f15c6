#pragma once

// The CLI tests drive the built wxpay-cli binary (and wxpay-sim for the customer's side) as separate processes,
// as a script would: a temporary folder with the settings file, the history database and the sandbox's state, and
// a `wxpay-cli sandbox` process on a free loopback port with a frozen (manual) clock and a request log. Under the
// KEYRING wrapper every process shares the throw-away keyring of the test.

#include "sim/engine.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslCertificate>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace wxpay::clitest {

inline constexpr int kRunTimeoutMs = 60000;

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool crashed = false;

    QJsonObject json() const; // stdout as one JSON object (empty when it is not one)
    QString text() const { return QString::fromUtf8(out); }
    QString errors() const { return QString::fromUtf8(err); }
    QByteArray describe() const; // exit code, stdout and stderr, for failure messages
};

// One installation: settings file and history in a temporary folder.
class CliEnvironment
{
public:
    CliEnvironment();

    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString settingsPath() const { return path(QStringLiteral("settings.ini")); }
    QString databasePath() const { return path(QStringLiteral("history.sqlite")); }

    // wxpay-cli --settings ... --db ... [--poll-interval-ms ...] <arguments>, run to its end.
    CliRun run(const QStringList& arguments, const QByteArray& input = {}, int timeoutMs = kRunTimeoutMs) const;
    // The same, started in the background (the caller waits for, signals or kills it).
    std::unique_ptr<QProcess> start(const QStringList& arguments) const;
    static CliRun collect(QProcess& process, int timeoutMs = kRunTimeoutMs);

    QStringList globalArguments() const;
    // The wait between payment steps the runs use (--poll-interval-ms).
    int pollIntervalMs = 40;

private:
    QTemporaryDir m_dir;
};

// A `wxpay-cli sandbox` process of an environment.
class SandboxProcess
{
public:
    explicit SandboxProcess(const CliEnvironment& environment);
    ~SandboxProcess();

    // Starts it and waits for its ready document (url, profiles, CA, clock). Empty string on success, else why not.
    QString start(const QStringList& extraArguments = {});
    void stop(); // SIGTERM, then wait
    bool isRunning() const;

    QUrl url() const { return m_url; }
    QString caPath() const { return m_environment.path(QStringLiteral("sandbox-ca.pem")); }
    QString statePath() const { return m_environment.path(QStringLiteral("sandbox-state.json")); }
    QString logPath() const { return m_environment.path(QStringLiteral("sandbox-log.jsonl")); }
    QDateTime now() const { return m_now; }
    QJsonObject ready() const { return m_ready; }

    // The request log: every line, or the lines of one operation ("micropay", "query", ...).
    QList<QJsonObject> requests(const QString& operation = {}) const;

    // Sandbox controls over HTTPS (trusting the sandbox CA). Each returns the HTTP status (0: no answer).
    int post(const QString& path, const QJsonObject& body, QJsonObject* answer = nullptr);
    bool advanceClock(int seconds);
    bool addFault(const QString& rule);
    bool clearFaults();
    // The customer pays a Native order (or types the password of a Quick Pay order) with `wxpay-sim pay`.
    CliRun customerPays(const QString& mchid, const QString& outTradeNo);

    // The simulator's own record of every order, read from its state file, settled at its current time.
    QList<sim::LedgerEntry> ledger() const;
    std::optional<sim::LedgerEntry> ledgerEntry(const QString& outTradeNo) const;

private:
    const CliEnvironment& m_environment;
    std::unique_ptr<QProcess> m_process;
    QNetworkAccessManager m_nam;
    QSslCertificate m_ca;
    QUrl m_url;
    QDateTime m_now;
    QJsonObject m_ready;
};

// "pay quick --amount 1" -> {"pay", "quick", "--amount", "1"}, for test tables (no quoting).
QStringList words(const char* text);

// A payment code for a Quick Pay scenario (scenario.h) that no other test of this process used.
QString nextAuthCode(sim::QuickPayScenario scenario, int n = 0);

// The merchant ids of the sandbox profiles.
QString sandboxMchid(ApiFamily family);

} // namespace wxpay::clitest
