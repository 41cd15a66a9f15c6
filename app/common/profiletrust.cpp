#include "profiletrust.h"

#include <QSettings>

namespace wxpay::app {

namespace {

const QString kGroup = QStringLiteral("trust");
const QString kCaCertificates = QStringLiteral("ca_certificates");
const QString kPublicKey = QStringLiteral("wechatpay_public_key");
const QString kPlatformCertificates = QStringLiteral("platform_certificates");

QString groupOf(const QString& profileId)
{
    return kGroup + u'/' + profileId;
}

} // namespace

QList<QByteArray> splitPemBlocks(const QByteArray& pem)
{
    QList<QByteArray> blocks;
    qsizetype from = 0;
    while (true) {
        const qsizetype begin = pem.indexOf("-----BEGIN ", from);
        if (begin < 0)
            break;
        const qsizetype end = pem.indexOf("-----END ", begin);
        if (end < 0)
            break;
        const qsizetype close = pem.indexOf("-----", end + 9);
        if (close < 0)
            break;
        blocks.append(pem.mid(begin, close + 5 - begin) + '\n');
        from = close + 5;
    }
    return blocks;
}

ProfileTrustStore::ProfileTrustStore(QSettings* settings) : m_settings(settings)
{
    Q_ASSERT(m_settings);
}

TrustMaterial ProfileTrustStore::read(const QString& profileId) const
{
    TrustMaterial trust;
    m_settings->beginGroup(groupOf(profileId));
    const QByteArray ca = m_settings->value(kCaCertificates).toString().toLatin1();
    trust.wechatPayPublicKeyPem = m_settings->value(kPublicKey).toString().toLatin1();
    const QByteArray platform = m_settings->value(kPlatformCertificates).toString().toLatin1();
    m_settings->endGroup();
    if (!ca.isEmpty())
        trust.caCertificates = QSslCertificate::fromData(ca, QSsl::Pem);
    trust.platformCertificatePems = splitPemBlocks(platform);
    return trust;
}

Status ProfileTrustStore::write(const QString& profileId, const TrustMaterial& trust)
{
    QByteArray ca;
    for (const QSslCertificate& certificate : trust.caCertificates)
        ca += certificate.toPem();
    QByteArray platform;
    for (const QByteArray& pem : trust.platformCertificatePems)
        platform += pem;
    const QString group = groupOf(profileId);
    m_settings->remove(group);
    m_settings->beginGroup(group);
    if (!ca.isEmpty())
        m_settings->setValue(kCaCertificates, QString::fromLatin1(ca));
    if (!trust.wechatPayPublicKeyPem.isEmpty())
        m_settings->setValue(kPublicKey, QString::fromLatin1(trust.wechatPayPublicKeyPem));
    if (!platform.isEmpty())
        m_settings->setValue(kPlatformCertificates, QString::fromLatin1(platform));
    m_settings->endGroup();
    return sync();
}

Status ProfileTrustStore::remove(const QString& profileId)
{
    m_settings->remove(groupOf(profileId));
    return sync();
}

Status ProfileTrustStore::sync() const
{
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        return Error::storage(
            QStringLiteral("SETTINGS_FAILED"), u"cannot write the settings file " + m_settings->fileName());
    }
    return {};
}

} // namespace wxpay::app
