#pragma once

#include "credentials/credentialstore.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>

class QSettings;

namespace wxpay::credentials {

// CredentialStore on the OS keychain through QtKeychain (libsecret, macOS Keychain, Windows
// Credential Manager). Never uses QtKeychain's plaintext fallback.
//
// Every secret is split into entries of at most kEntrySize bytes, on every platform, so the path
// Windows needs for secrets above its credential size limit (a PEM key exceeds 2 KB) is the path
// tested everywhere: the head entry "<key>" carries a header (magic, entry count, length,
// SHA-256 of the secret) and the first bytes; "<key>#1", "<key>#2", ... carry the rest.
//
// A QSettings index (group "keychainIndex") records which keys this program wrote and into how
// many entries — names and counts only, never values — because a locked libsecret keyring answers
// "entry not found": an indexed key that cannot be found reads as LOCKED_OR_UNAVAILABLE, not NOT_FOUND.
class KeychainCredentialStore final : public QObject, public CredentialStore
{
    Q_OBJECT

public:
    static constexpr qsizetype kEntrySize = 2048; // Windows caps one credential at 2560 bytes
    static constexpr int kMaxEntries = 32;
    static QString defaultServiceName(); // "wxpay-console"
    static qsizetype maxSecretSize();

    // `index` must outlive the store; the service name defaults to defaultServiceName().
    explicit KeychainCredentialStore(QSettings* index, QObject* parent = nullptr);
    KeychainCredentialStore(QSettings* index, QString service, QObject* parent = nullptr);
    ~KeychainCredentialStore() override;

    // How long one keychain job may take before the operation fails with TIMEOUT (default 2 min:
    // an unlock prompt is answered by a person). A timed-out job is left to finish on its own.
    void setJobTimeout(std::chrono::milliseconds timeout);

    // The typed error for a failed QtKeychain job (a QKeychain::Error value, as int so that users
    // of this header need not include QtKeychain). EntryNotFound maps to NOT_FOUND: the store
    // itself decides, from its index, when "not found" means "locked".
    static Error errorForJob(int keychainError, const QString& errorString, const QString& key);

    // The number of entries recorded in the index for `key`, or 0 when the key is not indexed.
    int indexedEntryCount(const QString& key) const;

    using CredentialStore::read;
    using CredentialStore::remove;
    using CredentialStore::write;
    void read(const QString& key, QObject* context, ReadCallback callback) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, StatusCallback callback) override;
    void remove(const QString& key, QObject* context, StatusCallback callback) override;

private:
    enum class JobType
    {
        Read,
        Write,
        Delete
    };
    struct JobOutcome;
    struct Head;
    using JobCallback = std::function<void(JobOutcome)>;
    using HeadCallback = std::function<void(Result<std::optional<Head>>)>;

    // Operations run one at a time, in call order: the entries of one secret are never
    // interleaved with another operation's on the same key.
    void schedule(std::function<void()> operation);
    void operationFinished();
    void startNext();
    void runJob(JobType type, const QString& entryKey, const QByteArray& data, JobCallback next);
    void readHead(const QString& key, HeadCallback next);
    void readEntries(
        const QString& key, int next, int count, QByteArray assembled, std::function<void(Result<QByteArray>)> done);
    void writeEntries(const QString& key,
        QList<QByteArray> entries,
        int next,
        bool anyWritten,
        std::function<void(Status, bool)> done);
    void deleteEntries(const QString& key, int from, int to, StatusCallback done);
    Status setIndex(const QString& key, int count);
    Status clearIndex(const QString& key);

    QSettings* m_index;
    QString m_service;
    std::chrono::milliseconds m_jobTimeout { std::chrono::minutes(2) };
    std::deque<std::function<void()>> m_queue;
    bool m_running = false;
};

} // namespace wxpay::credentials
