#pragma once

// What a profile trusts besides the system: public material only, kept in QSettings (group "trust/<id>") next to
// the profile — never a secret. The CA certificates replace the system CAs for the profile's HTTPS connections
// (the sandbox's own CA); the WeChat Pay public key (PUB_KEY_ID_ mode) and the platform certificates verify
// APIv3 replies.

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>

class QSettings;

namespace wxpay::app {

struct TrustMaterial
{
    QList<QSslCertificate> caCertificates;
    QByteArray wechatPayPublicKeyPem; // SubjectPublicKeyInfo PEM of the key named by the profile's publicKeyId
    QList<QByteArray> platformCertificatePems;

    bool isEmpty() const
    {
        return caCertificates.isEmpty() && wechatPayPublicKeyPem.isEmpty() && platformCertificatePems.isEmpty();
    }
};

// Storage errors: SETTINGS_FAILED when the settings file cannot be written.
class ProfileTrustStore
{
public:
    explicit ProfileTrustStore(QSettings* settings); // must outlive the store

    TrustMaterial read(const QString& profileId) const;
    Status write(const QString& profileId, const TrustMaterial& trust);
    Status remove(const QString& profileId);

private:
    Status sync() const;

    QSettings* m_settings;
};

// Splits concatenated PEM blocks ("-----BEGIN X-----" ... "-----END X-----") into one block each.
QList<QByteArray> splitPemBlocks(const QByteArray& pem);

} // namespace wxpay::app
