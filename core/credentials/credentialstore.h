#pragma once

// Where secrets live: an asynchronous store of byte strings under keys scoped by profile id.
// Production uses the OS keychain (KeychainCredentialStore); unit tests of other classes use
// InMemoryCredentialStore. Nothing secret is ever kept anywhere else.

#include "common/domain.h"
#include "common/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringView>

#include <functional>
#include <optional>
#include <span>

namespace wxpay::credentials {

// The secrets a merchant profile can hold. The key names are stable: they name entries already
// stored in users' keychains, so never rename one.
enum class SecretKind
{
    ApiV2Key, // "apiv2-key": the 32-character APIv2 key (MD5 / HMAC-SHA256 sign)
    ApiV3Key, // "apiv3-key": the 32-byte APIv3 key (AEAD of certificates and callbacks)
    MerchantPrivateKey, // "merchant-private-key": apiclient_key.pem, PKCS#8 PEM
    ClientCertificateKey, // "client-certificate-key": the v2 mutual-TLS key from apiclient_cert.p12, PEM
    ClientCertificate, // "client-certificate": the v2 mutual-TLS certificate from apiclient_cert.p12, PEM
    AppSecret, // "app-secret": the mini-program AppSecret
    AccessToken, // "access-token": the cached mini-program access token and its expiry
    ManagerPinHash, // "manager-pin-hash": the hash of the manager PIN that guards refunds
};

std::span<const SecretKind> allSecretKinds();
QString secretKindName(SecretKind kind);
std::optional<SecretKind> secretKindFromName(QStringView name);

// "<profileId>/<kind name>", e.g. "shop-1/apiv3-key".
QString secretKey(const QString& profileId, SecretKind kind);

// Profile ids: 1-64 characters of [a-z0-9_-]. They become parts of keychain and settings keys, and
// lower case only keeps them distinct where those keys are case-insensitive (Windows registry).
bool isValidProfileId(QStringView id);
// A store key is "<profileId>/<name>" with a valid profile id and a name of [a-z0-9-]; anything
// else is refused with Input INVALID_KEY before it reaches a keychain.
Status validateKey(QStringView key);

// The cached access token as stored under SecretKind::AccessToken (a small JSON object).
QByteArray encodeAccessToken(const wxpay::AccessToken& token);
Result<wxpay::AccessToken> decodeAccessToken(const QByteArray& data); // Credentials CORRUPT on bad data

using ReadCallback = std::function<void(Result<QByteArray>)>;
using StatusCallback = std::function<void(Status)>;

// Asynchronous secret storage. Every call completes exactly once, later (never inside the call),
// by invoking the callback on the thread of `context`; if `context` is destroyed first the
// callback is dropped. A null context is allowed only when no callback is wanted.
//
// Error codes (kind Credentials unless noted):
//   NOT_FOUND              nothing was ever stored under this key
//   LOCKED_OR_UNAVAILABLE  the keychain is locked, or refused access; a secret we stored may be behind it
//   UNAVAILABLE            no usable keychain (no Secret Service, no D-Bus, backend missing)
//   ACCESS_DENIED          the user refused access
//   DELETE_FAILED          the keychain could not delete an entry
//   CORRUPT                the stored entry is not what this program wrote (or lost a chunk)
//   TIMEOUT                the keychain did not answer in time
//   INDEX_FAILED           the local index of written keys could not be saved
//   INVALID_KEY (Input), SECRET_TOO_LARGE (Input)
class CredentialStore
{
public:
    virtual ~CredentialStore();

    virtual void read(const QString& key, QObject* context, ReadCallback callback) = 0;
    virtual void write(const QString& key, const QByteArray& secret, QObject* context, StatusCallback callback) = 0;
    // Removing a key that holds nothing succeeds.
    virtual void remove(const QString& key, QObject* context, StatusCallback callback) = 0;

    void read(const QString& profileId, SecretKind kind, QObject* context, ReadCallback callback);
    void write(
        const QString& profileId, SecretKind kind, const QByteArray& secret, QObject* context, StatusCallback callback);
    void remove(const QString& profileId, SecretKind kind, QObject* context, StatusCallback callback);
    // Removes every SecretKind of the profile; reports the first failure after all attempts ended.
    void removeProfileSecrets(const QString& profileId, QObject* context, StatusCallback callback);
};

// Delivers `result` to `callback` on the thread of `context`, after the current call returns; the
// call is dropped when `context` is null or is destroyed before it runs (Qt discards events queued
// for a deleted object). Every asynchronous API of this module completes through it.
template<typename T> void deliverLater(QObject* context, std::function<void(T)> callback, T result)
{
    if (!context || !callback)
        return;
    QMetaObject::invokeMethod(
        context, [cb = std::move(callback), r = std::move(result)]() mutable { cb(std::move(r)); },
        Qt::QueuedConnection);
}

} // namespace wxpay::credentials
