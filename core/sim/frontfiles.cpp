#include "sim/frontfiles.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace wxpay::sim {

namespace {

Error fileError(const QString& message)
{
    return Error::input(QStringLiteral("SIM_MERCHANT_FILE"), message);
}

constexpr QStringView kFileSuffix = u"_file";

Result<QJsonValue> resolveValue(const QJsonValue& value, const QDir& base);

Result<QJsonArray> resolveArray(const QJsonArray& array, const QDir& base)
{
    QJsonArray out;
    for (const QJsonValue& item : array) {
        auto resolved = resolveValue(item, base);
        if (!resolved)
            return resolved.error();
        out.append(resolved.value());
    }
    return out;
}

Result<QJsonValue> resolveValue(const QJsonValue& value, const QDir& base)
{
    if (value.isObject()) {
        auto object = resolveFileFields(value.toObject(), base);
        if (!object)
            return object.error();
        return QJsonValue(object.value());
    }
    if (value.isArray()) {
        auto array = resolveArray(value.toArray(), base);
        if (!array)
            return array.error();
        return QJsonValue(array.value());
    }
    return value;
}

} // namespace

Result<QJsonObject> resolveFileFields(const QJsonObject& json, const QDir& base)
{
    QJsonObject out;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QString& name = it.key();
        if (name.endsWith(kFileSuffix) && it.value().isString()) {
            const QString field = name.chopped(kFileSuffix.size());
            if (json.contains(field))
                return fileError(u"both " + field + u" and " + name + u" are given");
            QFile file(base.absoluteFilePath(it.value().toString()));
            if (!file.open(QIODevice::ReadOnly))
                return fileError(u"cannot read " + file.fileName() + u" (" + name + u"): " + file.errorString());
            out.insert(field, QString::fromUtf8(file.readAll()).trimmed());
            continue;
        }
        auto resolved = resolveValue(it.value(), base);
        if (!resolved)
            return resolved.error();
        out.insert(name, resolved.value());
    }
    return out;
}

Result<MerchantSet> readMerchantsFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(u"cannot read " + path + u": " + file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fileError(path + u" is not a JSON object: " + parseError.errorString());
    auto resolved = resolveFileFields(document.object(), QFileInfo(path).absoluteDir());
    if (!resolved)
        return resolved.error();
    return MerchantSet::fromJson(resolved.value());
}

QJsonObject clientProfile(const QUrl& baseUrl, const QSslCertificate& ca, const QList<SimMerchant>& merchants)
{
    QJsonArray list;
    for (const SimMerchant& merchant : merchants) {
        QJsonObject json = merchant.toJson();
        json.remove(QStringLiteral("platform_key"));
        json.remove(QStringLiteral("public_key_id_key"));
        list.append(json);
    }
    QJsonObject profile;
    profile.insert(QStringLiteral("base_url"), baseUrl.toString());
    profile.insert(QStringLiteral("mini_program_base_url"), baseUrl.toString());
    if (!ca.isNull())
        profile.insert(QStringLiteral("ca_certificate"), QString::fromLatin1(ca.toPem()));
    profile.insert(QStringLiteral("merchants"), list);
    return profile;
}

} // namespace wxpay::sim
