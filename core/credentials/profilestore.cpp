#include "credentials/profilestore.h"

#include "credentials/log.h"

#include <QPointer>
#include <QSettings>

#include <algorithm>

namespace wxpay::credentials {

namespace {

const QString kProfilesGroup = QStringLiteral("profiles");
const QString kCurrentKey = QStringLiteral("currentProfile");

namespace field {
const QString displayName = QStringLiteral("display_name");
const QString family = QStringLiteral("family");
const QString region = QStringLiteral("region");
const QString baseUrl = QStringLiteral("base_url");
const QString mchid = QStringLiteral("mchid");
const QString appid = QStringLiteral("appid");
const QString subMchid = QStringLiteral("sub_mchid");
const QString subAppid = QStringLiteral("sub_appid");
const QString certSerial = QStringLiteral("merchant_cert_serial");
const QString platformSerials = QStringLiteral("platform_serials");
const QString publicKeyId = QStringLiteral("public_key_id");
const QString notifyUrl = QStringLiteral("notify_url");
const QString currency = QStringLiteral("default_currency");
const QString deviceId = QStringLiteral("device_id");
const QString storeId = QStringLiteral("store_id");
const QString signType = QStringLiteral("v2_sign_type");
const QString miniProgramAppid = QStringLiteral("miniprogram_appid");
const QString tokenSource = QStringLiteral("token_source");
const QString sandbox = QStringLiteral("sandbox");
} // namespace field

Error notFound(const QString& id)
{
    return Error::input(QStringLiteral("PROFILE_NOT_FOUND"), u"no merchant profile \"" + id + u'"');
}

} // namespace

ProfileStore::ProfileStore(QSettings* settings, CredentialStore* credentials, QObject* parent)
    : QObject(parent), m_settings(settings), m_credentials(credentials)
{
    Q_ASSERT(m_settings && m_credentials);
}

Status ProfileStore::sync() const
{
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        return Error::storage(
            QStringLiteral("SETTINGS_FAILED"), u"cannot write the settings file " + m_settings->fileName());
    }
    return {};
}

bool ProfileStore::contains(const QString& id) const
{
    return isValidProfileId(id) && m_settings->contains(kProfilesGroup + u'/' + id + u'/' + field::mchid);
}

QList<MerchantProfile> ProfileStore::list() const
{
    m_settings->beginGroup(kProfilesGroup);
    QStringList ids = m_settings->childGroups();
    m_settings->endGroup();
    std::sort(ids.begin(), ids.end());
    QList<MerchantProfile> profiles;
    for (const QString& id : std::as_const(ids)) {
        if (auto profile = get(id))
            profiles.append(std::move(profile).value());
        else
            qCWarning(lcCredentials) << "skipping unreadable profile" << id << profile.error().code;
    }
    return profiles;
}

Result<MerchantProfile> ProfileStore::get(const QString& id) const
{
    if (!contains(id))
        return notFound(id);
    m_settings->beginGroup(kProfilesGroup + u'/' + id);
    const auto text = [this](const QString& key) { return m_settings->value(key).toString(); };
    MerchantProfile p;
    p.id = id;
    p.displayName = text(field::displayName);
    const auto family = apiFamilyFromName(text(field::family));
    const auto region = regionFromName(text(field::region));
    const auto signType = v2SignTypeFromName(text(field::signType));
    const auto tokenSource = tokenSourceFromName(text(field::tokenSource));
    p.baseUrlOverride = QUrl(text(field::baseUrl), QUrl::StrictMode);
    p.mchid = text(field::mchid);
    p.appid = text(field::appid);
    p.subMchid = text(field::subMchid);
    p.subAppid = text(field::subAppid);
    p.merchantCertificateSerial = text(field::certSerial);
    p.platformSerials = m_settings->value(field::platformSerials).toStringList();
    p.publicKeyId = text(field::publicKeyId);
    p.notifyUrl = QUrl(text(field::notifyUrl), QUrl::StrictMode);
    p.defaultCurrency = text(field::currency);
    p.deviceId = text(field::deviceId);
    p.storeId = text(field::storeId);
    p.miniProgramAppid = text(field::miniProgramAppid);
    p.sandbox = m_settings->value(field::sandbox, false).toBool();
    m_settings->endGroup();

    if (!family || !region || !signType || !tokenSource) {
        return Error::input(QStringLiteral("PROFILE_INVALID"),
            u"merchant profile \"" + id + u"\" has an unknown family, region, sign type or token source");
    }
    p.family = *family;
    p.region = *region;
    p.v2SignType = *signType;
    p.tokenSource = *tokenSource;
    // A hand-edited settings file is held to the same rules as the edit form.
    if (const Status valid = validateProfile(p); !valid) {
        Error error = valid.error();
        error.code = QStringLiteral("PROFILE_INVALID");
        error.message = u"merchant profile \"" + id + u"\": " + error.message;
        return error;
    }
    return p;
}

Status ProfileStore::save(const MerchantProfile& p)
{
    if (const Status valid = validateProfile(p); !valid)
        return valid;
    const QString group = kProfilesGroup + u'/' + p.id;
    m_settings->remove(group); // no stale keys from an older version of the profile
    m_settings->beginGroup(group);
    m_settings->setValue(field::displayName, p.displayName);
    m_settings->setValue(field::family, apiFamilyName(p.family));
    m_settings->setValue(field::region, regionName(p.region));
    m_settings->setValue(field::baseUrl, p.baseUrlOverride.toString());
    m_settings->setValue(field::mchid, p.mchid);
    m_settings->setValue(field::appid, p.appid);
    m_settings->setValue(field::subMchid, p.subMchid);
    m_settings->setValue(field::subAppid, p.subAppid);
    m_settings->setValue(field::certSerial, p.merchantCertificateSerial);
    m_settings->setValue(field::platformSerials, p.platformSerials);
    m_settings->setValue(field::publicKeyId, p.publicKeyId);
    m_settings->setValue(field::notifyUrl, p.notifyUrl.toString());
    m_settings->setValue(field::currency, p.defaultCurrency);
    m_settings->setValue(field::deviceId, p.deviceId);
    m_settings->setValue(field::storeId, p.storeId);
    m_settings->setValue(field::signType, v2SignTypeName(p.v2SignType));
    m_settings->setValue(field::miniProgramAppid, p.miniProgramAppid);
    m_settings->setValue(field::tokenSource, tokenSourceName(p.tokenSource));
    m_settings->setValue(field::sandbox, p.sandbox);
    m_settings->endGroup();
    return sync();
}

void ProfileStore::remove(const QString& id, QObject* context, StatusCallback callback)
{
    if (!contains(id)) {
        deliverLater<Status>(context, std::move(callback), notFound(id));
        return;
    }
    // The steps run with the store as their context (on its thread); only the outcome goes to the caller.
    const QPointer<QObject> guard(context);
    m_credentials->removeProfileSecrets(id, this, [this, id, guard, callback = std::move(callback)](Status removed) {
        if (!removed) {
            qCWarning(lcCredentials) << "profile" << id << "kept: its secrets could not be removed"
                                     << removed.error().code;
        } else {
            m_settings->remove(kProfilesGroup + u'/' + id);
            if (m_settings->value(kCurrentKey).toString() == id)
                m_settings->remove(kCurrentKey);
            removed = sync();
        }
        deliverLater<Status>(guard.data(), callback, std::move(removed));
    });
}

QString ProfileStore::currentProfileId() const
{
    const QString id = m_settings->value(kCurrentKey).toString();
    return contains(id) ? id : QString();
}

std::optional<MerchantProfile> ProfileStore::currentProfile() const
{
    const QString id = currentProfileId();
    if (id.isEmpty())
        return std::nullopt;
    auto profile = get(id);
    if (!profile)
        return std::nullopt;
    return std::move(profile).value();
}

Status ProfileStore::setCurrentProfileId(const QString& id)
{
    if (id.isEmpty())
        m_settings->remove(kCurrentKey);
    else if (!contains(id))
        return notFound(id);
    else
        m_settings->setValue(kCurrentKey, id);
    return sync();
}

} // namespace wxpay::credentials
