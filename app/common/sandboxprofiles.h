#pragma once

// Console profiles for the simulator's merchants: what a person would otherwise type into the profile form and
// import as keys, made from the SimMerchants of a running SimServer. Sandbox keys only; they still go to the
// keychain like any secret, so the sandbox exercises the same code path as a real merchant.

#include "common/domain.h"
#include "common/result.h"
#include "credentials/credentialstore.h"
#include "credentials/merchantprofile.h"
#include "credentials/profilestore.h"
#include "profiletrust.h"
#include "sim/merchant.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace wxpay::app {

struct SandboxProfile
{
    credentials::MerchantProfile profile;
    TrustMaterial trust;
    QList<QPair<credentials::SecretKind, QByteArray>> secrets;
};

// "sandbox-v2", "sandbox-v3", "sandbox-global", "sandbox-hk".
QString sandboxProfileId(ApiFamily family);

// The profile of `merchant` speaking `family`, served at `baseUrl` (whose TLS certificate `ca` issued).
// Input SANDBOX_FAMILY_UNSUPPORTED, SANDBOX_MERCHANT_INCOMPLETE, and validateProfile()'s errors.
Result<SandboxProfile> sandboxProfileFor(
    const sim::SimMerchant& merchant, ApiFamily family, const QUrl& baseUrl, const QSslCertificate& ca);

// Saves a profile per merchant and family (an existing profile of the same id is replaced), its trust material
// and its secrets, one after another; `done` gets the profile ids, or the first error (later, on the context's
// thread, dropped with the context). The stores must outlive the operation.
void installSandboxProfiles(const QList<sim::SimMerchant>& merchants,
    const QUrl& baseUrl,
    const QSslCertificate& ca,
    credentials::ProfileStore& profiles,
    ProfileTrustStore& trust,
    QObject* context,
    std::function<void(Result<QStringList>)> done);

} // namespace wxpay::app
