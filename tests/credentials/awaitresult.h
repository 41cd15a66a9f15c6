#pragma once

// Runs one asynchronous credentials call to completion in a test: the callback's result, or a
// Cancelled error when no answer came in time (so WXPAY_VERIFY_OK prints why).

#include "common/result.h"
#include "credentials/credentialstore.h"

#include <QObject>
#include <QTest>

#include <functional>
#include <optional>

namespace wxpay::test {

template<typename T> T await(const std::function<void(QObject*, std::function<void(T)>)>& start, int timeoutMs = 30000)
{
    std::optional<T> out;
    {
        // The context dies at the end of the block, so a late callback can never touch `out`.
        QObject context;
        start(&context, [&out](T result) { out = std::move(result); });
        if (!QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs))
            return T(Error::cancelled(QStringLiteral("no answer from the credentials call in time")));
    }
    return std::move(*out);
}

inline Result<QByteArray> readNow(credentials::CredentialStore& store, const QString& key)
{
    return await<Result<QByteArray>>([&](QObject* c, auto cb) { store.read(key, c, std::move(cb)); });
}

inline Status writeNow(credentials::CredentialStore& store, const QString& key, const QByteArray& secret)
{
    return await<Status>([&](QObject* c, auto cb) { store.write(key, secret, c, std::move(cb)); });
}

inline Status removeNow(credentials::CredentialStore& store, const QString& key)
{
    return await<Status>([&](QObject* c, auto cb) { store.remove(key, c, std::move(cb)); });
}

} // namespace wxpay::test
