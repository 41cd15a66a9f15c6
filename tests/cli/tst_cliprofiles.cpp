// wxpay-cli profile add|list|show|remove|import-keys|select against a real (throw-away) keyring: profiles land in the
// settings file, secrets only in the keychain, and no output ever shows a secret.

#include "clitest.h"
#include "crypto/crypto.h"
#include "support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QSettings>
#include <QTest>

using namespace wxpay;
using namespace wxpay::clitest;

namespace {

const QString kApiV2Key = QStringLiteral("a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6");
const QString kApiV3Key = QStringLiteral("Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4");

QStringList addArguments(const QString& id, const QString& family)
{
    return { QStringLiteral("profile"), QStringLiteral("add"), id, QStringLiteral("--name"), u"Shop " + id,
        QStringLiteral("--family"), family, QStringLiteral("--mchid"), QStringLiteral("1230000109"),
        QStringLiteral("--appid"), QStringLiteral("wxd678efh567hg6787") };
}

} // namespace

class TestCliProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void addListSelectShow();
    void addRefusesBadFields_data();
    void addRefusesBadFields();
    void addRefusesDuplicateUnlessReplaced();
    void importKeysStoresSecretsOnlyInTheKeychain();
    void importKeysChecksBeforeStoring();
    void removeDeletesProfileAndSecrets();

private:
    QString writeFile(const QString& name, const QByteArray& data);
    QSettings settings() const { return QSettings(m_env.settingsPath(), QSettings::IniFormat); }

    CliEnvironment m_env;
    QString m_keyPath;
    QString m_certPath;
    QString m_serial;
};

QString TestCliProfiles::writeFile(const QString& name, const QByteArray& data)
{
    const QString path = m_env.path(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(data);
    return path;
}

void TestCliProfiles::initTestCase()
{
    QVERIFY(m_env.isValid());
    // A merchant API key pair like apiclient_key.pem / apiclient_cert.pem.
    auto key = crypto::PrivateKey::generateRsa(2048);
    WXPAY_VERIFY_OK(key);
    crypto::CertificateSpec spec;
    spec.commonName = QStringLiteral("1230000109");
    spec.organization = QStringLiteral("Test merchant");
    spec.serialHex = "4A6F0C2E5B7D9E1F";
    spec.notBefore = QDateTime::currentDateTimeUtc().addDays(-1);
    spec.notAfter = QDateTime::currentDateTimeUtc().addYears(2);
    auto certificate = crypto::makeCertificate(key.value(), spec, key.value());
    WXPAY_VERIFY_OK(certificate);
    m_serial = certificate->serialNumberHex();
    m_keyPath = writeFile(QStringLiteral("apiclient_key.pem"), key->toPem());
    m_certPath = writeFile(QStringLiteral("apiclient_cert.pem"), certificate->toPem());
    QVERIFY(!m_keyPath.isEmpty() && !m_certPath.isEmpty());
}

void TestCliProfiles::addListSelectShow()
{
    const CliRun empty = m_env.run({ QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("list") });
    QVERIFY2(empty.exitCode == 0, empty.describe().constData());
    QVERIFY(empty.json().value(QStringLiteral("profiles")).toArray().isEmpty());

    const CliRun first = m_env.run(addArguments(QStringLiteral("shop-a"), QStringLiteral("v3")));
    QVERIFY2(first.exitCode == 0, first.describe().constData());
    QVERIFY2(
        first.text().contains(u"current"), first.describe().constData()); // the first profile becomes the current one
    const CliRun second = m_env.run(addArguments(QStringLiteral("shop-b"), QStringLiteral("v2")));
    QVERIFY2(second.exitCode == 0, second.describe().constData());

    const CliRun list = m_env.run({ QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("list") });
    QVERIFY2(list.exitCode == 0, list.describe().constData());
    const QJsonArray profiles = list.json().value(QStringLiteral("profiles")).toArray();
    QCOMPARE(profiles.size(), 2);
    QCOMPARE(profiles.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("shop-a"));
    QCOMPARE(profiles.at(1).toObject().value(QStringLiteral("family")).toString(), QStringLiteral("v2"));
    QCOMPARE(list.json().value(QStringLiteral("current")).toString(), QStringLiteral("shop-a"));

    const CliRun select = m_env.run({ QStringLiteral("profile"), QStringLiteral("select"), QStringLiteral("shop-b") });
    QVERIFY2(select.exitCode == 0, select.describe().constData());
    QCOMPARE(settings().value(QStringLiteral("currentProfile")).toString(), QStringLiteral("shop-b"));
    const CliRun human = m_env.run({ QStringLiteral("profile"), QStringLiteral("list") });
    QVERIFY(human.text().contains(u"* shop-b"));

    const CliRun unknown = m_env.run({ QStringLiteral("profile"), QStringLiteral("select"), QStringLiteral("nope") });
    QVERIFY2(unknown.exitCode == 2, unknown.describe().constData());

    const CliRun show = m_env.run({ QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("show") });
    QVERIFY2(show.exitCode == 0, show.describe().constData());
    const QJsonObject shown = show.json().value(QStringLiteral("profile")).toObject();
    QCOMPARE(shown.value(QStringLiteral("id")).toString(), QStringLiteral("shop-b"));
    QCOMPARE(shown.value(QStringLiteral("mchid")).toString(), QStringLiteral("1230000109"));
    QCOMPARE(shown.value(QStringLiteral("v2_sign_type")).toString(), QStringLiteral("MD5"));
    QCOMPARE(shown.value(QStringLiteral("secrets")).toObject().value(QStringLiteral("apiv2-key")).toBool(true), false);
}

void TestCliProfiles::addRefusesBadFields_data()
{
    QTest::addColumn<QStringList>("change");
    QTest::addColumn<QString>("code");
    QTest::newRow("mchid") << words("--mchid 12ab") << QStringLiteral("INVALID_MCHID");
    QTest::newRow("appid") << words("--appid xx1234") << QStringLiteral("INVALID_APPID");
    QTest::newRow("family") << words("--family v4") << QStringLiteral("USAGE");
    QTest::newRow("http to the internet") << words("--base-url http://example.com") << QStringLiteral("INSECURE_URL");
    QTest::newRow("currency") << words("--currency yuan") << QStringLiteral("CURRENCY_INVALID");
}

void TestCliProfiles::addRefusesBadFields()
{
    QFETCH(QStringList, change);
    QFETCH(QString, code);
    const CliRun run = m_env.run(
        QStringList { QStringLiteral("--json") } + addArguments(QStringLiteral("bad"), QStringLiteral("v3")) + change);
    QVERIFY2(run.exitCode == 2, run.describe().constData());
    QCOMPARE(run.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), code);
    QVERIFY(!settings().contains(QStringLiteral("profiles/bad/mchid")));
}

void TestCliProfiles::addRefusesDuplicateUnlessReplaced()
{
    const CliRun again = m_env.run(addArguments(QStringLiteral("shop-a"), QStringLiteral("v3")));
    QVERIFY2(again.exitCode == 2, again.describe().constData());
    const CliRun replaced = m_env.run({ QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("shop-a"),
        QStringLiteral("--replace"), QStringLiteral("--name"), QStringLiteral("Renamed") });
    QVERIFY2(replaced.exitCode == 0, replaced.describe().constData());
    QCOMPARE(settings().value(QStringLiteral("profiles/shop-a/display_name")).toString(), QStringLiteral("Renamed"));
    QCOMPARE(settings().value(QStringLiteral("profiles/shop-a/mchid")).toString(), QStringLiteral("1230000109"));
}

void TestCliProfiles::importKeysStoresSecretsOnlyInTheKeychain()
{
    const QString v3Path = writeFile(QStringLiteral("apiv3.txt"), kApiV3Key.toLatin1() + '\n');
    const CliRun imported = m_env.run({ QStringLiteral("--json"), QStringLiteral("profile"),
        QStringLiteral("import-keys"), QStringLiteral("shop-a"), QStringLiteral("--key"), m_keyPath,
        QStringLiteral("--cert"), m_certPath, QStringLiteral("--apiv3-key-file"), v3Path });
    QVERIFY2(imported.exitCode == 0, imported.describe().constData());
    const QJsonArray what = imported.json().value(QStringLiteral("imported")).toArray();
    QVERIFY(what.contains(QStringLiteral("merchant-private-key")));
    QVERIFY(what.contains(QStringLiteral("apiv3-key")));

    // The APIv2 key from standard input.
    const CliRun fromStdin
        = m_env.run({ QStringLiteral("profile"), QStringLiteral("import-keys"), QStringLiteral("shop-b"),
                        QStringLiteral("--apiv2-key-file"), QStringLiteral("-") },
            kApiV2Key.toLatin1() + '\n');
    QVERIFY2(fromStdin.exitCode == 0, fromStdin.describe().constData());

    const CliRun show = m_env.run(
        { QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("shop-a") });
    QVERIFY2(show.exitCode == 0, show.describe().constData());
    const QJsonObject profile = show.json().value(QStringLiteral("profile")).toObject();
    QCOMPARE(profile.value(QStringLiteral("merchant_certificate_serial")).toString(), m_serial);
    const QJsonObject secrets = profile.value(QStringLiteral("secrets")).toObject();
    QVERIFY(secrets.value(QStringLiteral("merchant-private-key")).toBool());
    QVERIFY(secrets.value(QStringLiteral("apiv3-key")).toBool());
    QVERIFY(!secrets.value(QStringLiteral("apiv2-key")).toBool());
    const CliRun humanShow = m_env.run({ QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("shop-b") });
    QVERIFY(humanShow.text().contains(u"apiv2-key"));

    // Nothing secret in any output or in the settings file.
    QFile keyFile(m_keyPath);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QByteArray keyBody = keyFile.readAll().split('\n').value(2); // a line of the key's Base64
    QFile settingsFile(m_env.settingsPath());
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    const QByteArray settingsText = settingsFile.readAll();
    const QList<QByteArray> outputs { imported.out + imported.err, fromStdin.out + fromStdin.err, show.out + show.err,
        humanShow.out + humanShow.err, settingsText };
    for (const QByteArray& haystack : outputs) {
        QVERIFY(!haystack.contains(kApiV2Key.toLatin1()));
        QVERIFY(!haystack.contains(kApiV3Key.toLatin1()));
        QVERIFY(!haystack.contains(keyBody));
    }
}

void TestCliProfiles::importKeysChecksBeforeStoring()
{
    const QString shortKey = writeFile(QStringLiteral("short.txt"), "tooshort");
    const CliRun run = m_env.run(
        { QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("import-keys"), QStringLiteral("shop-b"),
            QStringLiteral("--app-secret-file"), m_certPath, QStringLiteral("--apiv3-key-file"), shortKey });
    QVERIFY2(run.exitCode == 2, run.describe().constData());
    const CliRun show = m_env.run(
        { QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("shop-b") });
    const QJsonObject secrets
        = show.json().value(QStringLiteral("profile")).toObject().value(QStringLiteral("secrets")).toObject();
    QVERIFY(!secrets.value(QStringLiteral("app-secret")).toBool());
    QVERIFY(!secrets.value(QStringLiteral("apiv3-key")).toBool());

    const CliRun missing
        = m_env.run({ QStringLiteral("profile"), QStringLiteral("import-keys"), QStringLiteral("shop-a"),
            QStringLiteral("--key"), m_env.path(QStringLiteral("nope.pem")), QStringLiteral("--cert"), m_certPath });
    QVERIFY2(missing.exitCode == 2, missing.describe().constData());
    const CliRun mismatch = m_env.run({ QStringLiteral("profile"), QStringLiteral("import-keys"),
        QStringLiteral("shop-a"), QStringLiteral("--key"), m_certPath, QStringLiteral("--cert"), m_certPath });
    QVERIFY2(mismatch.exitCode == 2, mismatch.describe().constData());
}

void TestCliProfiles::removeDeletesProfileAndSecrets()
{
    QCOMPARE(settings().value(QStringLiteral("keychainIndex/shop-a/apiv3-key")).toInt(), 1);
    const CliRun removed = m_env.run({ QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("shop-a") });
    QVERIFY2(removed.exitCode == 0, removed.describe().constData());
    QVERIFY(!settings().contains(QStringLiteral("profiles/shop-a/mchid")));
    QVERIFY(!settings().contains(QStringLiteral("keychainIndex/shop-a/apiv3-key")));
    QVERIFY(!settings().contains(QStringLiteral("keychainIndex/shop-a/merchant-private-key")));
    // The keychain entries themselves are gone, not only the index: a profile of the same id finds no key (6),
    // where a key left behind would have been used (and the dead loopback port would have answered 3).
    const CliRun readded = m_env.run(addArguments(QStringLiteral("shop-a"), QStringLiteral("v3"))
        + QStringList { QStringLiteral("--base-url"), QStringLiteral("https://127.0.0.1:9") });
    QVERIFY2(readded.exitCode == 0, readded.describe().constData());
    const CliRun query = m_env.run(
        { QStringLiteral("--json"), QStringLiteral("--profile"), QStringLiteral("shop-a"), QStringLiteral("order"),
            QStringLiteral("query"), QStringLiteral("--out-trade-no"), QStringLiteral("N1234567") });
    QVERIFY2(query.exitCode == 6, query.describe().constData());
    QCOMPARE(query.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("SECRET_MISSING"));
    const CliRun again = m_env.run({ QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("nope") });
    QVERIFY2(again.exitCode == 2, again.describe().constData());
}

QTEST_GUILESS_MAIN(TestCliProfiles)
#include "tst_cliprofiles.moc"
