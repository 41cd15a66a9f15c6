#pragma once

// Mini-program access tokens as api.weixin.qq.com hands them out (protocol.md §5):
// - /cgi-bin/token issues a new token each call; the previous tokens of that appid stay valid 5 more minutes;
// - /cgi-bin/stable_token returns the same token until 5 minutes before it expires; force_refresh issues a
//   new one (at most 20 a day, 30 s apart) and gives the old one the same 5-minute overlap; the two kinds
//   never invalidate each other;
// - every token lives 7200 s. Checking a token answers 41001 (missing), 40001 (unknown or superseded) or
//   42001 (expired), with HTTP 200 as WeChat does (the errcode is the Error code).

#include "common/clock.h"
#include "common/domain.h"
#include "common/nonce.h"
#include "common/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <chrono>

namespace wxpay::sim {

class TokenStore
{
public:
    static constexpr std::chrono::seconds kLifetime { 7200 };
    static constexpr std::chrono::seconds kOverlap { 300 };
    static constexpr int kForceRefreshPerDay = 20;
    static constexpr std::chrono::seconds kForceRefreshSpacing { 30 };

    TokenStore(const Clock& clock, NonceSource& nonce);

    AccessToken issue(const QString& appid);
    // Business 45009 (daily force_refresh quota) or 45011 (force_refresh within 30 s).
    Result<AccessToken> stable(const QString& appid, bool forceRefresh);
    // The appid the token belongs to.
    Result<QString> check(const QString& token) const;

    QJsonObject toJson() const;
    Status fromJson(const QJsonObject& json);

private:
    struct Record
    {
        QString token;
        QString appid;
        bool stable = false;
        QDateTime issued;
        QDateTime expires;
        QDateTime superseded; // invalid while current
    };
    struct ForceRefresh
    {
        QDate day; // China date
        int count = 0;
        QDateTime last;
    };

    AccessToken create(const QString& appid, bool stable);
    void supersede(const QString& appid, bool stable);
    void prune();

    // Pointers, not references, so a store can be assigned when a whole state is loaded.
    const Clock* m_clock;
    NonceSource* m_nonce;
    QList<Record> m_records;
    QHash<QString, ForceRefresh> m_forceRefresh;
    qint64 m_sequence = 0;
};

} // namespace wxpay::sim
