#pragma once

#include "credentials/credentialstore.h"
#include "credentials/merchantprofile.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class QSettings;

namespace wxpay::credentials {

// Merchant profiles in QSettings (group "profiles/<id>", plus "currentProfile"), never a secret.
// Removing a profile also removes its secrets through the CredentialStore.
//
// Error codes: Input PROFILE_NOT_FOUND and the validateProfile() codes; Storage SETTINGS_FAILED
// when QSettings cannot be written.
class ProfileStore final : public QObject
{
    Q_OBJECT

public:
    // Both must outlive the store.
    ProfileStore(QSettings* settings, CredentialStore* credentials, QObject* parent = nullptr);

    QList<MerchantProfile> list() const; // sorted by id
    Result<MerchantProfile> get(const QString& id) const;
    bool contains(const QString& id) const;
    // Validates, then adds or replaces the profile with this id.
    Status save(const MerchantProfile& profile);
    // Removes the profile's secrets, then (only if all of them went) the profile itself, so a
    // locked keychain never leaves secrets behind without a profile to remove them with. The
    // removal runs to its end even if `context` dies first; it stops if the store is destroyed.
    void remove(const QString& id, QObject* context, StatusCallback callback);

    std::optional<MerchantProfile> currentProfile() const;
    QString currentProfileId() const; // empty when none is chosen
    Status setCurrentProfileId(const QString& id); // the id must name a saved profile; empty clears it

    CredentialStore* credentials() const { return m_credentials; }

private:
    Status sync() const;

    QSettings* m_settings;
    CredentialStore* m_credentials;
};

} // namespace wxpay::credentials
