#include "credentials/keyimport.h"

#include "credentials/log.h"
#include "credentials/profilestore.h"
#include "crypto/crypto.h"

#include <QFile>
#include <QPointer>

#include <memory>

namespace wxpay::credentials {

namespace {

constexpr qint64 kMaxImportFileSize = 256 * 1024;
constexpr qsizetype kApiKeyLength = 32;

CertificateInfo describe(const crypto::Certificate& certificate)
{
    return { certificate.serialNumberHex(), certificate.notBefore(), certificate.notAfter(),
        certificate.subjectCommonName() };
}

// The certificate must belong to the key and be valid now.
Result<CheckedKeyPair> checkPair(
    const crypto::PrivateKey& key, const crypto::Certificate& certificate, const QDateTime& now)
{
    if (!certificate.matches(key)) {
        return Error::input(QStringLiteral("KEY_CERT_MISMATCH"),
            u"the private key does not belong to certificate " + certificate.serialNumberHex());
    }
    CertificateInfo info = describe(certificate);
    if (now > info.notAfter) {
        return Error::input(QStringLiteral("CERT_EXPIRED"),
            u"certificate " + info.serialHex + u" expired on " + info.notAfter.toString(Qt::ISODate)
                + u"; download a new one from the merchant platform");
    }
    if (now < info.notBefore) {
        return Error::input(QStringLiteral("CERT_NOT_YET_VALID"),
            u"certificate " + info.serialHex + u" is valid only from " + info.notBefore.toString(Qt::ISODate)
                + u"; check the computer's clock");
    }
    return CheckedKeyPair { key.toPem(), certificate.toPem(), std::move(info) };
}

bool isPrintableAscii(QChar c)
{
    return c.unicode() > 0x20 && c.unicode() < 0x7f;
}

} // namespace

Result<CheckedKeyPair> checkPemKeyPair(QByteArrayView keyPem, QByteArrayView certificatePem, const QDateTime& now)
{
    auto key = crypto::PrivateKey::fromPem(keyPem);
    if (!key)
        return Error::input(QStringLiteral("KEY_INVALID"), u"not a usable private key: " + key.error().message);
    const auto certificate = crypto::Certificate::fromPem(certificatePem);
    if (!certificate) {
        return Error::input(
            QStringLiteral("CERT_INVALID"), u"not a usable certificate: " + certificate.error().message);
    }
    return checkPair(*key, *certificate, now);
}

Result<CheckedKeyPair> checkPkcs12(QByteArrayView der, QByteArrayView password, const QDateTime& now)
{
    auto bundle = crypto::parsePkcs12(der, password);
    if (!bundle) {
        if (bundle.error().code == u"PKCS12_PASSWORD") {
            return Error::input(QStringLiteral("PKCS12_PASSWORD"),
                QStringLiteral("wrong password for the PKCS#12 file (WeChat Pay's default is the "
                               "mchid)"));
        }
        return Error::input(QStringLiteral("PKCS12_INVALID"), u"not a usable PKCS#12 file: " + bundle.error().message);
    }
    return checkPair(bundle->key, bundle->certificate, now);
}

Status checkApiV2Key(QStringView key)
{
    bool printable = true;
    for (const QChar c : key)
        printable = printable && isPrintableAscii(c);
    if (key.size() != kApiKeyLength || !printable) {
        return Error::input(QStringLiteral("APIV2_KEY_INVALID"),
            u"the APIv2 key must be exactly 32 letters or digits (got " + QString::number(key.size())
                + u" characters)");
    }
    return {};
}

Status checkApiV3Key(QByteArrayView key)
{
    if (key.size() != kApiKeyLength) {
        return Error::input(QStringLiteral("APIV3_KEY_INVALID"),
            u"the APIv3 key must be exactly 32 bytes (got " + QString::number(key.size()) + u')');
    }
    return {};
}

Status checkAppSecret(QStringView secret)
{
    bool alnum = true;
    for (const QChar c : secret)
        alnum = alnum && c.unicode() < 0x80 && c.isLetterOrNumber();
    if (secret.size() != kApiKeyLength || !alnum) {
        return Error::input(QStringLiteral("APP_SECRET_INVALID"),
            u"the AppSecret must be exactly 32 letters or digits (got " + QString::number(secret.size())
                + u" characters)");
    }
    return {};
}

Result<QByteArray> readImportFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::input(QStringLiteral("FILE_UNREADABLE"), u"cannot read " + path + u": " + file.errorString());
    if (file.size() > kMaxImportFileSize) {
        return Error::input(
            QStringLiteral("FILE_TOO_LARGE"), u"" + path + u" is too large for a key or certificate file");
    }
    QByteArray data = file.read(kMaxImportFileSize + 1);
    if (data.size() > kMaxImportFileSize) {
        return Error::input(
            QStringLiteral("FILE_TOO_LARGE"), u"" + path + u" is too large for a key or certificate file");
    }
    return data;
}

KeyImport::KeyImport(ProfileStore* profiles, const Clock* clock, QObject* parent)
    : QObject(parent), m_profiles(profiles), m_clock(clock)
{
    Q_ASSERT(m_profiles && m_clock);
}

void KeyImport::importPem(const QString& profileId,
    const QByteArray& keyPem,
    const QByteArray& certificatePem,
    QObject* context,
    InfoCallback callback)
{
    const auto profile = m_profiles->get(profileId);
    if (!profile) {
        deliverLater<Result<CertificateInfo>>(context, std::move(callback), profile.error());
        return;
    }
    auto checked = checkPemKeyPair(keyPem, certificatePem, m_clock->now());
    if (!checked) {
        deliverLater<Result<CertificateInfo>>(context, std::move(callback), checked.error());
        return;
    }
    // The steps run with this object as their context; only the outcome goes to the caller.
    auto finish = [guard = QPointer<QObject>(context), callback = std::move(callback)](Result<CertificateInfo> r) {
        deliverLater<Result<CertificateInfo>>(guard.data(), callback, std::move(r));
    };
    m_profiles->credentials()->write(profileId, SecretKind::MerchantPrivateKey, checked->keyPem, this,
        [this, profileId, info = checked->info, finish](Status stored) {
            if (!stored) {
                finish(stored.error());
                return;
            }
            // Read the profile again: it may have been edited while the keychain worked.
            auto current = m_profiles->get(profileId);
            if (!current) {
                finish(current.error());
                return;
            }
            current->merchantCertificateSerial = info.serialHex;
            if (const Status saved = m_profiles->save(*current); !saved) {
                finish(saved.error());
                return;
            }
            qCInfo(lcCredentials) << "imported merchant key for" << profileId << "certificate" << info.serialHex;
            finish(info);
        });
}

void KeyImport::importPemFiles(const QString& profileId,
    const QString& keyPath,
    const QString& certificatePath,
    QObject* context,
    InfoCallback callback)
{
    const auto key = readImportFile(keyPath);
    const auto certificate = key ? readImportFile(certificatePath) : Result<QByteArray>(QByteArray());
    if (!key || !certificate) {
        deliverLater<Result<CertificateInfo>>(context, std::move(callback), !key ? key.error() : certificate.error());
        return;
    }
    importPem(profileId, *key, *certificate, context, std::move(callback));
}

void KeyImport::importPkcs12(const QString& profileId,
    const QByteArray& der,
    const std::optional<QByteArray>& password,
    QObject* context,
    InfoCallback callback)
{
    const auto profile = m_profiles->get(profileId);
    if (!profile) {
        deliverLater<Result<CertificateInfo>>(context, std::move(callback), profile.error());
        return;
    }
    auto checked = checkPkcs12(der, password.value_or(profile->mchid.toUtf8()), m_clock->now());
    if (!checked) {
        deliverLater<Result<CertificateInfo>>(context, std::move(callback), checked.error());
        return;
    }
    auto finish = [guard = QPointer<QObject>(context), callback = std::move(callback)](Result<CertificateInfo> r) {
        deliverLater<Result<CertificateInfo>>(guard.data(), callback, std::move(r));
    };
    CredentialStore* store = m_profiles->credentials();
    store->write(profileId, SecretKind::ClientCertificateKey, checked->keyPem, this,
        [this, store, profileId, certificatePem = checked->certificatePem, info = checked->info, finish](
            Status keyStored) {
            if (!keyStored) {
                finish(keyStored.error());
                return;
            }
            store->write(profileId, SecretKind::ClientCertificate, certificatePem, this,
                [profileId, info, finish](Status certificateStored) {
                    if (!certificateStored) {
                        finish(certificateStored.error());
                        return;
                    }
                    qCInfo(lcCredentials)
                        << "imported client certificate for" << profileId << "certificate" << info.serialHex;
                    finish(info);
                });
        });
}

void KeyImport::storeApiV2Key(const QString& profileId, const QString& key, QObject* context, StatusCallback callback)
{
    const QString trimmed = key.trimmed();
    if (const Status valid = checkApiV2Key(trimmed); !valid) {
        deliverLater<Status>(context, std::move(callback), valid);
        return;
    }
    if (!m_profiles->contains(profileId)) {
        deliverLater<Status>(context, std::move(callback), m_profiles->get(profileId).error());
        return;
    }
    m_profiles->credentials()->write(profileId, SecretKind::ApiV2Key, trimmed.toUtf8(), context, std::move(callback));
}

void KeyImport::storeApiV3Key(
    const QString& profileId, const QByteArray& key, QObject* context, StatusCallback callback)
{
    const QByteArray trimmed = key.trimmed();
    if (const Status valid = checkApiV3Key(trimmed); !valid) {
        deliverLater<Status>(context, std::move(callback), valid);
        return;
    }
    if (!m_profiles->contains(profileId)) {
        deliverLater<Status>(context, std::move(callback), m_profiles->get(profileId).error());
        return;
    }
    m_profiles->credentials()->write(profileId, SecretKind::ApiV3Key, trimmed, context, std::move(callback));
}

void KeyImport::storeAppSecret(
    const QString& profileId, const QString& secret, QObject* context, StatusCallback callback)
{
    const QString trimmed = secret.trimmed();
    if (const Status valid = checkAppSecret(trimmed); !valid) {
        deliverLater<Status>(context, std::move(callback), valid);
        return;
    }
    if (!m_profiles->contains(profileId)) {
        deliverLater<Status>(context, std::move(callback), m_profiles->get(profileId).error());
        return;
    }
    m_profiles->credentials()->write(profileId, SecretKind::AppSecret, trimmed.toUtf8(), context, std::move(callback));
}

} // namespace wxpay::credentials
