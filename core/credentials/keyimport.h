#pragma once

// Importing a merchant's keys: checks first (the key belongs to the certificate, the certificate
// is in date, the API keys have the right length), then the secrets go to the CredentialStore and
// only non-secret facts (the certificate serial) to the profile.

#include "common/clock.h"
#include "common/result.h"
#include "credentials/credentialstore.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace wxpay::credentials {

class ProfileStore;

struct CertificateInfo
{
    QString serialHex; // upper-case hex, as WeChat Pay prints it
    QDateTime notBefore; // UTC
    QDateTime notAfter; // UTC
    QString subjectCommonName;
};

// What a checked import will store: PEM texts (PKCS#8 key) and what was learnt.
struct CheckedKeyPair
{
    QByteArray keyPem;
    QByteArray certificatePem;
    CertificateInfo info;
};

// Input error codes: KEY_INVALID, CERT_INVALID, KEY_CERT_MISMATCH, CERT_EXPIRED, CERT_NOT_YET_VALID,
// PKCS12_INVALID, PKCS12_PASSWORD, APIV2_KEY_INVALID, APIV3_KEY_INVALID, APP_SECRET_INVALID,
// FILE_UNREADABLE, FILE_TOO_LARGE; plus PROFILE_NOT_FOUND and the CredentialStore's codes.
Result<CheckedKeyPair> checkPemKeyPair(QByteArrayView keyPem, QByteArrayView certificatePem, const QDateTime& now);
Result<CheckedKeyPair> checkPkcs12(QByteArrayView der, QByteArrayView password, const QDateTime& now);
Status checkApiV2Key(QStringView key); // exactly 32 printable ASCII characters
Status checkApiV3Key(QByteArrayView key); // exactly 32 bytes
Status checkAppSecret(QStringView secret); // exactly 32 ASCII letters or digits
// Reads a key or certificate file the operator picked (at most 256 KiB).
Result<QByteArray> readImportFile(const QString& path);

// The asynchronous import into a profile. Callbacks follow the CredentialStore contract (later,
// on the context's thread, dropped with the context). An import that has started runs to its end
// (secret stored, then profile updated) even if the caller's context dies; it stops if the
// KeyImport is destroyed. `profiles` and `clock` must outlive it.
class KeyImport final : public QObject
{
    Q_OBJECT

public:
    using InfoCallback = std::function<void(Result<CertificateInfo>)>;

    KeyImport(ProfileStore* profiles, const Clock* clock, QObject* parent = nullptr);

    // v3: apiclient_key.pem + apiclient_cert.pem. Stores the key as MerchantPrivateKey and the
    // certificate serial in the profile.
    void importPem(const QString& profileId,
        const QByteArray& keyPem,
        const QByteArray& certificatePem,
        QObject* context,
        InfoCallback callback);
    void importPemFiles(const QString& profileId,
        const QString& keyPath,
        const QString& certificatePath,
        QObject* context,
        InfoCallback callback);
    // v2: apiclient_cert.p12. Without a password, WeChat's default (the profile's mchid) is tried.
    // Stores ClientCertificateKey and ClientCertificate; the profile is not changed.
    void importPkcs12(const QString& profileId,
        const QByteArray& der,
        const std::optional<QByteArray>& password,
        QObject* context,
        InfoCallback callback);

    // Leading and trailing white space (from copy and paste) is dropped before the check.
    void storeApiV2Key(const QString& profileId, const QString& key, QObject* context, StatusCallback callback);
    void storeApiV3Key(const QString& profileId, const QByteArray& key, QObject* context, StatusCallback callback);
    void storeAppSecret(const QString& profileId, const QString& secret, QObject* context, StatusCallback callback);

private:
    ProfileStore* m_profiles;
    const Clock* m_clock;
};

} // namespace wxpay::credentials
