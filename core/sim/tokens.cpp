#include "sim/tokens.h"

#include "sim/jsonutil.h"

#include <QJsonArray>
#include <QStringBuilder>

namespace wxpay::sim {

namespace {

constexpr int kChinaOffsetSeconds = 8 * 3600;

QDate chinaDate(const QDateTime& utc)
{
    return utc.toOffsetFromUtc(kChinaOffsetSeconds).date();
}

Error tokenError(int errcode, const QString& errmsg)
{
    return Error::business(QString::number(errcode), errmsg);
}

} // namespace

TokenStore::TokenStore(const Clock& clock, NonceSource& nonce) : m_clock(&clock), m_nonce(&nonce)
{ }

AccessToken TokenStore::create(const QString& appid, bool stable)
{
    prune();
    supersede(appid, stable);
    Record record;
    // A sequence prefix keeps tokens unique even with a fixed nonce source; real tokens look alike ("63_...").
    record.token = QString::number(++m_sequence) % u'_' % QString::fromLatin1(m_nonce->next(128));
    record.appid = appid;
    record.stable = stable;
    record.issued = m_clock->now();
    record.expires = record.issued.addSecs(kLifetime.count());
    m_records.append(record);
    return { record.token, record.expires };
}

void TokenStore::supersede(const QString& appid, bool stable)
{
    const QDateTime now = m_clock->now();
    for (Record& record : m_records) {
        if (record.appid == appid && record.stable == stable && !record.superseded.isValid())
            record.superseded = now;
    }
}

void TokenStore::prune()
{
    const QDateTime horizon = m_clock->now().addDays(-1);
    m_records.removeIf([&](const Record& record) { return record.expires < horizon; });
}

AccessToken TokenStore::issue(const QString& appid)
{
    return create(appid, false);
}

Result<AccessToken> TokenStore::stable(const QString& appid, bool forceRefresh)
{
    const QDateTime now = m_clock->now();
    if (!forceRefresh) {
        for (const Record& record : m_records) {
            if (record.appid == appid && record.stable && !record.superseded.isValid()
                && now < record.expires.addSecs(-kOverlap.count()))
                return AccessToken { record.token, record.expires };
        }
        return create(appid, true);
    }
    ForceRefresh& quota = m_forceRefresh[appid];
    if (quota.day != chinaDate(now)) {
        quota.day = chinaDate(now);
        quota.count = 0;
    }
    if (quota.count >= kForceRefreshPerDay)
        return tokenError(45009, QStringLiteral("reach max api daily quota limit"));
    if (quota.last.isValid() && quota.last.secsTo(now) < kForceRefreshSpacing.count())
        return tokenError(45011, QStringLiteral("api minute-quota reach limit  mustslower  retry next minute"));
    ++quota.count;
    quota.last = now;
    return create(appid, true);
}

Result<QString> TokenStore::check(const QString& token) const
{
    if (token.isEmpty())
        return tokenError(41001, QStringLiteral("access_token missing"));
    const QDateTime now = m_clock->now();
    for (const Record& record : m_records) {
        if (record.token != token)
            continue;
        if (now >= record.expires)
            return tokenError(42001, QStringLiteral("access_token expired"));
        if (record.superseded.isValid() && now >= record.superseded.addSecs(kOverlap.count()))
            return tokenError(40001, QStringLiteral("invalid credential, access_token is invalid or not latest"));
        return record.appid;
    }
    return tokenError(40001, QStringLiteral("invalid credential, access_token is invalid or not latest"));
}

QJsonObject TokenStore::toJson() const
{
    QJsonArray records;
    for (const Record& record : m_records) {
        QJsonObject json;
        json.insert(QStringLiteral("token"), record.token);
        json.insert(QStringLiteral("appid"), record.appid);
        json.insert(QStringLiteral("stable"), record.stable);
        json.insert(QStringLiteral("issued"), json::fromTime(record.issued));
        json.insert(QStringLiteral("expires"), json::fromTime(record.expires));
        json.insert(QStringLiteral("superseded"), json::fromTime(record.superseded));
        records.append(json);
    }
    QJsonObject quotas;
    for (auto it = m_forceRefresh.cbegin(); it != m_forceRefresh.cend(); ++it) {
        QJsonObject json;
        json.insert(QStringLiteral("day"), it->day.toString(Qt::ISODate));
        json.insert(QStringLiteral("count"), it->count);
        json.insert(QStringLiteral("last"), json::fromTime(it->last));
        quotas.insert(it.key(), json);
    }
    QJsonObject json;
    json.insert(QStringLiteral("sequence"), m_sequence);
    json.insert(QStringLiteral("tokens"), records);
    json.insert(QStringLiteral("force_refresh"), quotas);
    return json;
}

Status TokenStore::fromJson(const QJsonObject& json)
{
    QList<Record> records;
    const QJsonArray list = json.value(QStringLiteral("tokens")).toArray();
    for (const QJsonValue& value : list) {
        const QJsonObject object = value.toObject();
        Record record;
        record.token = object.value(QStringLiteral("token")).toString();
        record.appid = object.value(QStringLiteral("appid")).toString();
        record.stable = object.value(QStringLiteral("stable")).toBool();
        record.issued = json::toTime(object.value(QStringLiteral("issued")));
        record.expires = json::toTime(object.value(QStringLiteral("expires")));
        record.superseded = json::toTime(object.value(QStringLiteral("superseded")));
        if (record.token.isEmpty() || record.appid.isEmpty() || !record.expires.isValid())
            return json::stateError(QStringLiteral("an access token record is incomplete"));
        records.append(record);
    }
    QHash<QString, ForceRefresh> quotas;
    const QJsonObject quotaJson = json.value(QStringLiteral("force_refresh")).toObject();
    for (auto it = quotaJson.constBegin(); it != quotaJson.constEnd(); ++it) {
        const QJsonObject object = it.value().toObject();
        ForceRefresh quota;
        quota.day = QDate::fromString(object.value(QStringLiteral("day")).toString(), Qt::ISODate);
        quota.count = object.value(QStringLiteral("count")).toInt();
        quota.last = json::toTime(object.value(QStringLiteral("last")));
        quotas.insert(it.key(), quota);
    }
    m_records = records;
    m_forceRefresh = quotas;
    m_sequence = json.value(QStringLiteral("sequence")).toInteger();
    return {};
}

} // namespace wxpay::sim
