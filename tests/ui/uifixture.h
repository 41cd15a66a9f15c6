#pragma once

// What the settings panel tests share: a throw-away settings file, an in-memory secret store, a manual clock, the
// KeyImport over them, and RSA keys with a certificate made at run time.

#include "common/clock.h"
#include "credentials/inmemorycredentialstore.h"
#include "credentials/keyimport.h"
#include "credentials/profilestore.h"
#include "crypto/crypto.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace wxpay::test {

inline const QDateTime kFixtureNow(QDate(2025, 6, 1), QTime(8, 0), Qt::UTC);

struct CredentialsFixture
{
    CredentialsFixture()
        : settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
        , profiles(&settings, &secrets)
        , clock(kFixtureNow)
        , import(&profiles, &clock)
    { }

    QString writeFile(const QString& name, const QByteArray& data)
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    QTemporaryDir dir;
    QSettings settings;
    credentials::InMemoryCredentialStore secrets;
    credentials::ProfileStore profiles;
    ManualClock clock;
    credentials::KeyImport import;
};

inline credentials::MerchantProfile sampleProfile(const QString& id = QStringLiteral("shop-1"))
{
    credentials::MerchantProfile profile;
    profile.id = id;
    profile.displayName = QStringLiteral("Shop 1");
    profile.mchid = QStringLiteral("1900009191");
    profile.appid = QStringLiteral("wxd678efh567hg6787");
    return profile;
}

inline crypto::PrivateKey generateKey()
{
    auto key = crypto::PrivateKey::generateRsa(2048);
    if (!key)
        qFatal("cannot generate a key: %s", qPrintable(key.error().toString()));
    return std::move(key).value();
}

// A certificate for `key`, valid from a year before kFixtureNow until 2027-06-01 noon UTC.
inline crypto::Certificate makeCertificate(const crypto::PrivateKey& key, const QByteArray& serial)
{
    crypto::CertificateSpec spec;
    spec.commonName = QStringLiteral("1900009191_test");
    spec.organization = QStringLiteral("wxpay-console tests");
    spec.serialHex = serial;
    spec.notBefore = kFixtureNow.addYears(-1);
    spec.notAfter = QDateTime(QDate(2027, 6, 1), QTime(12, 0), Qt::UTC);
    spec.clientAuth = true;
    auto certificate = crypto::makeCertificate(key, spec, key);
    if (!certificate)
        qFatal("cannot make a certificate: %s", qPrintable(certificate.error().toString()));
    return *certificate;
}

} // namespace wxpay::test
