#pragma once

#include "credentials/credentialstore.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace wxpay::credentials {

// A CredentialStore in memory, for unit tests of the classes that use one. Same asynchronous
// contract as the keychain store (callbacks later, on the context's thread, dropped with it),
// and it can be told to fail.
class InMemoryCredentialStore final : public CredentialStore
{
public:
    enum class Operation
    {
        Read,
        Write,
        Remove
    };

    using CredentialStore::read;
    using CredentialStore::remove;
    using CredentialStore::write;
    void read(const QString& key, QObject* context, ReadCallback callback) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, StatusCallback callback) override;
    void remove(const QString& key, QObject* context, StatusCallback callback) override;

    // Every following call of `operation` fails with `error` until cleared with std::nullopt.
    void setFailure(Operation operation, std::optional<Error> error);
    // Only the next call of `operation` fails with `error`.
    void failNext(Operation operation, Error error);
    // Behaves like a locked keychain: stored keys read as LOCKED_OR_UNAVAILABLE, never-stored keys
    // as NOT_FOUND, writes and removals fail with LOCKED_OR_UNAVAILABLE.
    void setLocked(bool locked);

    // Synchronous inspection for tests.
    bool contains(const QString& key) const;
    QByteArray value(const QString& key) const;
    QStringList keys() const; // sorted
    int operationCount(Operation operation) const;

private:
    std::optional<Error> takeFailure(Operation operation);

    QHash<QString, QByteArray> m_secrets;
    QHash<Operation, Error> m_persistentFailures;
    QHash<Operation, Error> m_nextFailures;
    QHash<Operation, int> m_counts;
    bool m_locked = false;
};

} // namespace wxpay::credentials
