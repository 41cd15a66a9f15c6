#include "credentials/credentialstore.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <memory>
#include <utility>

namespace wxpay::credentials {

namespace {

constexpr std::array kKinds {
    std::pair { SecretKind::ApiV2Key, u"apiv2-key" },
    std::pair { SecretKind::ApiV3Key, u"apiv3-key" },
    std::pair { SecretKind::MerchantPrivateKey, u"merchant-private-key" },
    std::pair { SecretKind::ClientCertificateKey, u"client-certificate-key" },
    std::pair { SecretKind::ClientCertificate, u"client-certificate" },
    std::pair { SecretKind::AppSecret, u"app-secret" },
    std::pair { SecretKind::AccessToken, u"access-token" },
    std::pair { SecretKind::ManagerPinHash, u"manager-pin-hash" },
};

constexpr std::array kAllKinds {
    SecretKind::ApiV2Key,
    SecretKind::ApiV3Key,
    SecretKind::MerchantPrivateKey,
    SecretKind::ClientCertificateKey,
    SecretKind::ClientCertificate,
    SecretKind::AppSecret,
    SecretKind::AccessToken,
    SecretKind::ManagerPinHash,
};

constexpr qsizetype kMaxProfileIdLength = 64;
constexpr qsizetype kMaxNameLength = 64;

bool isNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
}

} // namespace

CredentialStore::~CredentialStore() = default;

std::span<const SecretKind> allSecretKinds()
{
    return kAllKinds;
}

QString secretKindName(SecretKind kind)
{
    for (const auto& [value, name] : kKinds) {
        if (value == kind)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<SecretKind> secretKindFromName(QStringView name)
{
    for (const auto& [value, kindName] : kKinds) {
        if (name == QStringView(kindName))
            return value;
    }
    return std::nullopt;
}

QString secretKey(const QString& profileId, SecretKind kind)
{
    return profileId + u'/' + secretKindName(kind);
}

bool isValidProfileId(QStringView id)
{
    if (id.isEmpty() || id.size() > kMaxProfileIdLength)
        return false;
    for (const QChar c : id) {
        if (!isNameChar(c) && c != u'_')
            return false;
    }
    return true;
}

Status validateKey(QStringView key)
{
    const qsizetype slash = key.indexOf(u'/');
    const auto invalid = [&key] {
        return Error::input(
            QStringLiteral("INVALID_KEY"), u"not a credential key (expected <profile id>/<name>): \"" + key + u'"');
    };
    if (slash < 0 || !isValidProfileId(key.left(slash)))
        return invalid();
    const QStringView name = key.mid(slash + 1);
    if (name.isEmpty() || name.size() > kMaxNameLength)
        return invalid();
    for (const QChar c : name) {
        if (!isNameChar(c))
            return invalid();
    }
    return {};
}

QByteArray encodeAccessToken(const wxpay::AccessToken& token)
{
    const QJsonObject object {
        { QStringLiteral("token"), token.token },
        { QStringLiteral("expiresAt"), token.expiresAt.toUTC().toString(Qt::ISODate) },
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<wxpay::AccessToken> decodeAccessToken(const QByteArray& data)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    const auto corrupt = [] {
        return Error::credentials(QStringLiteral("CORRUPT"), QStringLiteral("the cached access token is malformed"));
    };
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return corrupt();
    const QJsonObject object = document.object();
    wxpay::AccessToken token;
    token.token = object.value(QStringLiteral("token")).toString();
    token.expiresAt = QDateTime::fromString(object.value(QStringLiteral("expiresAt")).toString(), Qt::ISODate);
    if (token.token.isEmpty() || !token.expiresAt.isValid())
        return corrupt();
    token.expiresAt = token.expiresAt.toUTC();
    return token;
}

void CredentialStore::read(const QString& profileId, SecretKind kind, QObject* context, ReadCallback callback)
{
    read(secretKey(profileId, kind), context, std::move(callback));
}

void CredentialStore::write(
    const QString& profileId, SecretKind kind, const QByteArray& secret, QObject* context, StatusCallback callback)
{
    write(secretKey(profileId, kind), secret, context, std::move(callback));
}

void CredentialStore::remove(const QString& profileId, SecretKind kind, QObject* context, StatusCallback callback)
{
    remove(secretKey(profileId, kind), context, std::move(callback));
}

void CredentialStore::removeProfileSecrets(const QString& profileId, QObject* context, StatusCallback callback)
{
    if (!isValidProfileId(profileId)) {
        deliverLater<Status>(context, std::move(callback),
            Error::input(QStringLiteral("INVALID_KEY"), u"not a profile id: \"" + profileId + u'"'));
        return;
    }
    // The removals run side by side; the callbacks all arrive on the context's thread, so the
    // shared tally needs no lock.
    struct Tally
    {
        qsizetype pending = 0;
        std::optional<Error> firstError;
        StatusCallback callback;
    };
    auto tally = std::make_shared<Tally>();
    tally->pending = static_cast<qsizetype>(kAllKinds.size());
    tally->callback = std::move(callback);
    for (const SecretKind kind : kAllKinds) {
        remove(secretKey(profileId, kind), context, [tally](Status status) {
            if (!status.ok() && !tally->firstError)
                tally->firstError = status.error();
            if (--tally->pending > 0)
                return;
            if (tally->callback)
                tally->callback(tally->firstError ? Status(*tally->firstError) : Status());
        });
    }
}

} // namespace wxpay::credentials
