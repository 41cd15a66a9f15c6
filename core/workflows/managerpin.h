#pragma once

// The manager PIN that guards refunds: stored only as a salted PBKDF2-HMAC-SHA256 hash in the CredentialStore
// (SecretKind::ManagerPinHash), compared in constant time. The UI asks for it; this checks it.

#include "common/result.h"
#include "credentials/credentialstore.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace wxpay::workflows {

class ManagerPin
{
public:
    static constexpr int kIterations = 200000;
    static constexpr int kSaltBytes = 16;

    // 4 to 12 ASCII digits; Input PIN_INVALID otherwise.
    static Status validate(const QString& pin);
    // "pbkdf2-sha256$<iterations>$<salt, Base64>$<hash, Base64>" with a fresh random salt.
    static Result<QByteArray> hash(const QString& pin, int iterations = kIterations);
    // Whether `pin` matches a hash() result; malformed data never matches.
    static bool verify(const QString& pin, const QByteArray& stored);

    // Validates, hashes and stores the PIN of a profile.
    static void set(credentials::CredentialStore& store,
        const QString& profileId,
        const QString& pin,
        QObject* context,
        credentials::StatusCallback done);
    // Checks a PIN against the stored hash: true / false, or the store's error (Credentials NOT_FOUND: no PIN set).
    static void check(credentials::CredentialStore& store,
        const QString& profileId,
        const QString& pin,
        QObject* context,
        std::function<void(Result<bool>)> done);
};

} // namespace wxpay::workflows
