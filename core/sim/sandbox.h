#pragma once

// Makes complete sandbox merchants with freshly generated keys and certificates: what `wxpay-sim` and the
// console's built-in sandbox start with when no merchants file is given.

#include "common/clock.h"
#include "common/nonce.h"
#include "sim/merchant.h"

namespace wxpay::sim {

class SandboxFactory
{
public:
    SandboxFactory(const Clock& clock, NonceSource& nonce);

    // A self-signed CA (10 years) that issues the merchant and platform certificates.
    Result<SimAuthority> createAuthority() const;

    // One merchant speaking `family`: v2 (CN, APIv2 key and client certificate), v3 (CN, platform certificate
    // and a PUB_KEY_ID_ key; replies are signed with the public key id), global and hk (HK, HKD, platform
    // certificate). Every merchant gets a mini-program (same appid) bound to the open platform.
    Result<SimMerchant> createMerchant(ApiFamily family, const SimAuthority& authority) const;

    // An authority and one merchant per family, in the order given (by default v2, v3, global, hk).
    Result<MerchantSet> createSandbox(
        const QList<ApiFamily>& families = { ApiFamily::V2, ApiFamily::V3, ApiFamily::Global, ApiFamily::HkV3 }) const;

    // The fixed ids of the sandbox merchants: mchid 190000010N, appid "wx" + the mchid zero-padded to 16.
    static QString sandboxMchid(ApiFamily family);
    static QString sandboxAppid(ApiFamily family);

private:
    Result<SharedKey> newKey() const;
    Result<crypto::Certificate> issue(const SharedKey& key,
        const QString& commonName,
        const QString& organization,
        const SimAuthority& authority,
        int years) const;

    const Clock& m_clock;
    NonceSource& m_nonce;
};

} // namespace wxpay::sim
