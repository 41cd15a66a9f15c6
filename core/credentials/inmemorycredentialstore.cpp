#include "credentials/inmemorycredentialstore.h"

#include <algorithm>

namespace wxpay::credentials {

namespace {

Error lockedError(const QString& key)
{
    return Error::credentials(QStringLiteral("LOCKED_OR_UNAVAILABLE"),
        u"keychain locked or unavailable for " + key + u" (in-memory store set to locked)");
}

} // namespace

std::optional<Error> InMemoryCredentialStore::takeFailure(Operation operation)
{
    ++m_counts[operation];
    if (const auto next = m_nextFailures.find(operation); next != m_nextFailures.end()) {
        Error error = *next;
        m_nextFailures.erase(next);
        return error;
    }
    if (const auto persistent = m_persistentFailures.constFind(operation); persistent != m_persistentFailures.cend())
        return *persistent;
    return std::nullopt;
}

void InMemoryCredentialStore::read(const QString& key, QObject* context, ReadCallback callback)
{
    const auto result = [&]() -> Result<QByteArray> {
        if (const Status valid = validateKey(key); !valid)
            return valid.error();
        if (auto failure = takeFailure(Operation::Read))
            return *failure;
        const auto found = m_secrets.constFind(key);
        if (found == m_secrets.cend())
            return Error::credentials(QStringLiteral("NOT_FOUND"), u"no secret stored under " + key);
        if (m_locked)
            return lockedError(key);
        return *found;
    }();
    deliverLater<Result<QByteArray>>(context, std::move(callback), result);
}

void InMemoryCredentialStore::write(
    const QString& key, const QByteArray& secret, QObject* context, StatusCallback callback)
{
    const auto status = [&]() -> Status {
        if (const Status valid = validateKey(key); !valid)
            return valid;
        if (auto failure = takeFailure(Operation::Write))
            return *failure;
        if (m_locked)
            return lockedError(key);
        m_secrets.insert(key, secret);
        return {};
    }();
    deliverLater<Status>(context, std::move(callback), status);
}

void InMemoryCredentialStore::remove(const QString& key, QObject* context, StatusCallback callback)
{
    const auto status = [&]() -> Status {
        if (const Status valid = validateKey(key); !valid)
            return valid;
        if (auto failure = takeFailure(Operation::Remove))
            return *failure;
        if (m_locked && m_secrets.contains(key))
            return lockedError(key);
        m_secrets.remove(key);
        return {};
    }();
    deliverLater<Status>(context, std::move(callback), status);
}

void InMemoryCredentialStore::setFailure(Operation operation, std::optional<Error> error)
{
    if (error)
        m_persistentFailures.insert(operation, *error);
    else
        m_persistentFailures.remove(operation);
}

void InMemoryCredentialStore::failNext(Operation operation, Error error)
{
    m_nextFailures.insert(operation, std::move(error));
}

void InMemoryCredentialStore::setLocked(bool locked)
{
    m_locked = locked;
}

bool InMemoryCredentialStore::contains(const QString& key) const
{
    return m_secrets.contains(key);
}

QByteArray InMemoryCredentialStore::value(const QString& key) const
{
    return m_secrets.value(key);
}

QStringList InMemoryCredentialStore::keys() const
{
    QStringList list = m_secrets.keys();
    std::sort(list.begin(), list.end());
    return list;
}

int InMemoryCredentialStore::operationCount(Operation operation) const
{
    return m_counts.value(operation, 0);
}

} // namespace wxpay::credentials
