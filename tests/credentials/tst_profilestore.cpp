#include "awaitresult.h"
#include "credentials/inmemorycredentialstore.h"
#include "credentials/profilestore.h"
#include "support/testsupport.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace wxpay;
using namespace wxpay::credentials;
using wxpay::test::writeNow;

namespace {

MerchantProfile sampleProfile(const QString& id = QStringLiteral("shop-1"))
{
    MerchantProfile p;
    p.id = id;
    p.displayName = QString::fromUtf8("门店一号 Shop 1");
    p.family = ApiFamily::V3;
    p.region = Region::CN;
    p.mchid = QStringLiteral("1900009191");
    p.appid = QStringLiteral("wxd678efh567hg6787");
    return p;
}

MerchantProfile fullProfile()
{
    MerchantProfile p = sampleProfile(QStringLiteral("hk_sp"));
    p.family = ApiFamily::Global;
    p.region = Region::HK;
    p.baseUrlOverride = QUrl(QStringLiteral("http://127.0.0.1:8443/"));
    p.subMchid = QStringLiteral("1230000109");
    p.subAppid = QStringLiteral("wx8888888888888888");
    p.merchantCertificateSerial = QStringLiteral("444F4864EA9B34415A3B3A2A7E3F2BD0");
    p.platformSerials = { QStringLiteral("5157F09EFDC096DE15EBE81A47057A72"), QStringLiteral("D7CE59D1F522D701") };
    p.publicKeyId = QStringLiteral("PUB_KEY_ID_0000000000000024101100397200000006");
    p.notifyUrl = QUrl(QStringLiteral("https://shop.example.com/wxpay/notify"));
    p.defaultCurrency = QStringLiteral("HKD");
    p.deviceId = QStringLiteral("POS-01");
    p.storeId = QStringLiteral("S001");
    p.v2SignType = V2SignType::HmacSha256;
    p.miniProgramAppid = QStringLiteral("wx1234567890abcdef");
    p.tokenSource = TokenSource::CgiBinToken;
    p.sandbox = true;
    return p;
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void savesAndReadsEveryField();
    void defaultsRoundTrip();
    void listIsSortedById();
    void saveReplacesProfile();
    void getUnknownIsNotFound();
    void validation_data();
    void validation();
    void acceptsValidVariants_data();
    void acceptsValidVariants();
    void baseUrlFollowsRegion();
    void handEditedSettingsAreChecked();
    void currentProfile();
    void removeDeletesProfileAndSecrets();
    void removeKeepsProfileWhenSecretsStay();
    void removeUnknownIsNotFound();
    void removeFinishesWithoutItsCaller();

private:
    Status removeNow(const QString& id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<InMemoryCredentialStore> m_credentials;
    std::unique_ptr<ProfileStore> m_store;
};

void TestProfileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_credentials = std::make_unique<InMemoryCredentialStore>();
    m_store = std::make_unique<ProfileStore>(m_settings.get(), m_credentials.get());
}

void TestProfileStore::cleanup()
{
    m_store.reset();
    m_credentials.reset();
    m_settings.reset();
    m_dir.reset();
}

Status TestProfileStore::removeNow(const QString& id)
{
    return wxpay::test::await<Status>([&](QObject* c, auto cb) { m_store->remove(id, c, std::move(cb)); });
}

void TestProfileStore::savesAndReadsEveryField()
{
    const MerchantProfile profile = fullProfile();
    WXPAY_VERIFY_OK(m_store->save(profile));
    // A second QSettings on the same file proves the values reached the disk.
    QSettings reopened(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ProfileStore other(&reopened, m_credentials.get());
    const auto read = other.get(profile.id);
    WXPAY_VERIFY_OK(read);
    QCOMPARE(read->displayName, profile.displayName);
    QCOMPARE(read->platformSerials, profile.platformSerials);
    QCOMPARE(read->baseUrlOverride, profile.baseUrlOverride);
    QCOMPARE(read->notifyUrl, profile.notifyUrl);
    QCOMPARE(read->family, ApiFamily::Global);
    QCOMPARE(read->region, Region::HK);
    QCOMPARE(read->v2SignType, V2SignType::HmacSha256);
    QCOMPARE(read->tokenSource, TokenSource::CgiBinToken);
    QVERIFY(read->sandbox);
    QVERIFY(*read == profile);
    QCOMPARE(read->ids().subMchid, profile.subMchid);
    QVERIFY(read->ids().isServiceProvider());
}

void TestProfileStore::defaultsRoundTrip()
{
    const MerchantProfile profile = sampleProfile();
    WXPAY_VERIFY_OK(m_store->save(profile));
    const auto read = m_store->get(profile.id);
    WXPAY_VERIFY_OK(read);
    QVERIFY(*read == profile);
    QCOMPARE(read->defaultCurrency, QStringLiteral("CNY"));
    QCOMPARE(read->tokenSource, TokenSource::StableToken);
    QCOMPARE(read->v2SignType, V2SignType::Md5);
    QVERIFY(read->baseUrlOverride.isEmpty());
    QVERIFY(!read->sandbox);
}

void TestProfileStore::listIsSortedById()
{
    QVERIFY(m_store->list().isEmpty());
    WXPAY_VERIFY_OK(m_store->save(sampleProfile(QStringLiteral("zeta"))));
    WXPAY_VERIFY_OK(m_store->save(sampleProfile(QStringLiteral("alpha"))));
    WXPAY_VERIFY_OK(m_store->save(sampleProfile(QStringLiteral("mid_1"))));
    const auto profiles = m_store->list();
    QCOMPARE(profiles.size(), qsizetype(3));
    QCOMPARE(profiles.at(0).id, QStringLiteral("alpha"));
    QCOMPARE(profiles.at(1).id, QStringLiteral("mid_1"));
    QCOMPARE(profiles.at(2).id, QStringLiteral("zeta"));
    QVERIFY(m_store->contains(QStringLiteral("alpha")));
    QVERIFY(!m_store->contains(QStringLiteral("beta")));
}

void TestProfileStore::saveReplacesProfile()
{
    WXPAY_VERIFY_OK(m_store->save(fullProfile()));
    MerchantProfile smaller = sampleProfile(fullProfile().id);
    WXPAY_VERIFY_OK(m_store->save(smaller));
    const auto read = m_store->get(smaller.id);
    WXPAY_VERIFY_OK(read);
    QVERIFY(*read == smaller);
    QVERIFY(read->platformSerials.isEmpty());
    QCOMPARE(m_store->list().size(), qsizetype(1));
}

void TestProfileStore::getUnknownIsNotFound()
{
    WXPAY_VERIFY_ERROR(m_store->get(QStringLiteral("nope")), ErrorKind::Input, QStringLiteral("PROFILE_NOT_FOUND"));
    WXPAY_VERIFY_ERROR(m_store->get(QStringLiteral("../x")), ErrorKind::Input, QStringLiteral("PROFILE_NOT_FOUND"));
}

using Mutator = std::function<void(MerchantProfile&)>;
Q_DECLARE_METATYPE(Mutator)

void TestProfileStore::validation_data()
{
    QTest::addColumn<Mutator>("mutate");
    QTest::addColumn<QString>("code");
    const auto row
        = [](const char* name, Mutator m, const char* code) { QTest::newRow(name) << m << QString::fromLatin1(code); };
    row(
        "empty id", [](MerchantProfile& p) { p.id.clear(); }, "INVALID_PROFILE_ID");
    row(
        "upper-case id", [](MerchantProfile& p) { p.id = QStringLiteral("Shop"); }, "INVALID_PROFILE_ID");
    row(
        "slash in id", [](MerchantProfile& p) { p.id = QStringLiteral("a/b"); }, "INVALID_PROFILE_ID");
    row(
        "blank name", [](MerchantProfile& p) { p.displayName = QStringLiteral("  "); }, "DISPLAY_NAME_EMPTY");
    row(
        "long name", [](MerchantProfile& p) { p.displayName = QString(101, u'x'); }, "FIELD_TOO_LONG");
    row(
        "empty mchid", [](MerchantProfile& p) { p.mchid.clear(); }, "INVALID_MCHID");
    row(
        "letters in mchid", [](MerchantProfile& p) { p.mchid = QStringLiteral("19000A9191"); }, "INVALID_MCHID");
    row(
        "short mchid", [](MerchantProfile& p) { p.mchid = QStringLiteral("12345"); }, "INVALID_MCHID");
    row(
        "fullwidth mchid", [](MerchantProfile& p) { p.mchid = QString::fromUtf8("１９００００９１９１"); },
        "INVALID_MCHID");
    row(
        "empty appid", [](MerchantProfile& p) { p.appid.clear(); }, "INVALID_APPID");
    row(
        "appid prefix", [](MerchantProfile& p) { p.appid = QStringLiteral("xwd678efh567hg6787"); }, "INVALID_APPID");
    row(
        "appid short", [](MerchantProfile& p) { p.appid = QStringLiteral("wxd678efh567hg678"); }, "INVALID_APPID");
    row(
        "appid symbol", [](MerchantProfile& p) { p.appid = QStringLiteral("wxd678efh567hg678-"); }, "INVALID_APPID");
    row(
        "bad sub_mchid", [](MerchantProfile& p) { p.subMchid = QStringLiteral("abc"); }, "INVALID_SUB_MCHID");
    row(
        "bad sub_appid",
        [](MerchantProfile& p) {
            p.subMchid = QStringLiteral("1230000109");
            p.subAppid = QStringLiteral("wx1");
        },
        "INVALID_SUB_APPID");
    row(
        "sub_appid alone", [](MerchantProfile& p) { p.subAppid = QStringLiteral("wx8888888888888888"); },
        "INVALID_SUB_APPID");
    row(
        "lower-case serial", [](MerchantProfile& p) { p.merchantCertificateSerial = QStringLiteral("abc123"); },
        "INVALID_SERIAL");
    row(
        "serial with colons", [](MerchantProfile& p) { p.merchantCertificateSerial = QStringLiteral("AB:CD"); },
        "INVALID_SERIAL");
    row(
        "bad platform serial", [](MerchantProfile& p) { p.platformSerials = { QStringLiteral("XYZ") }; },
        "INVALID_PLATFORM_SERIAL");
    row(
        "public key id prefix", [](MerchantProfile& p) { p.publicKeyId = QStringLiteral("KEY_0001"); },
        "INVALID_PUBLIC_KEY_ID");
    row(
        "public key id bare", [](MerchantProfile& p) { p.publicKeyId = QStringLiteral("PUB_KEY_ID_"); },
        "INVALID_PUBLIC_KEY_ID");
    row(
        "http base url",
        [](MerchantProfile& p) { p.baseUrlOverride = QUrl(QStringLiteral("http://api.mch.weixin.qq.com")); },
        "INSECURE_URL");
    row(
        "ftp base url", [](MerchantProfile& p) { p.baseUrlOverride = QUrl(QStringLiteral("ftp://127.0.0.1/")); },
        "INVALID_URL");
    row(
        "relative base url", [](MerchantProfile& p) { p.baseUrlOverride = QUrl(QStringLiteral("/v3")); },
        "INVALID_URL");
    row(
        "http notify url",
        [](MerchantProfile& p) { p.notifyUrl = QUrl(QStringLiteral("http://shop.example.com/notify")); },
        "INSECURE_URL");
    row(
        "notify url lookalike host",
        [](MerchantProfile& p) { p.notifyUrl = QUrl(QStringLiteral("http://127.0.0.1.example.com/notify")); },
        "INSECURE_URL");
    row(
        "v3 notify url query",
        [](MerchantProfile& p) { p.notifyUrl = QUrl(QStringLiteral("https://shop.example.com/notify?a=1")); },
        "NOTIFY_URL_QUERY");
    row(
        "lower-case currency", [](MerchantProfile& p) { p.defaultCurrency = QStringLiteral("cny"); },
        "CURRENCY_INVALID");
    row(
        "empty currency", [](MerchantProfile& p) { p.defaultCurrency.clear(); }, "CURRENCY_INVALID");
    row(
        "symbol currency", [](MerchantProfile& p) { p.defaultCurrency = QString::fromUtf8("¥"); }, "CURRENCY_INVALID");
    row(
        "long device id", [](MerchantProfile& p) { p.deviceId = QString(33, u'd'); }, "FIELD_TOO_LONG");
    row(
        "long store id", [](MerchantProfile& p) { p.storeId = QString(33, u's'); }, "FIELD_TOO_LONG");
    row(
        "bad mini-program appid", [](MerchantProfile& p) { p.miniProgramAppid = QStringLiteral("gh_123"); },
        "INVALID_MINIPROGRAM_APPID");
}

void TestProfileStore::validation()
{
    QFETCH(Mutator, mutate);
    QFETCH(QString, code);
    MerchantProfile profile = sampleProfile();
    WXPAY_VERIFY_OK(validateProfile(profile));
    mutate(profile);
    WXPAY_VERIFY_ERROR(validateProfile(profile), ErrorKind::Input, code);
    WXPAY_VERIFY_ERROR(m_store->save(profile), ErrorKind::Input, code);
    QVERIFY(m_store->list().isEmpty());
}

void TestProfileStore::acceptsValidVariants_data()
{
    QTest::addColumn<Mutator>("mutate");
    QTest::newRow("loopback http base url")
        << Mutator([](MerchantProfile& p) { p.baseUrlOverride = QUrl(QStringLiteral("http://127.0.0.1:18080")); });
    QTest::newRow("localhost http base url")
        << Mutator([](MerchantProfile& p) { p.baseUrlOverride = QUrl(QStringLiteral("http://localhost:18080/")); });
    QTest::newRow("ipv6 loopback base url")
        << Mutator([](MerchantProfile& p) { p.baseUrlOverride = QUrl(QStringLiteral("http://[::1]:18080/")); });
    QTest::newRow("https notify url") << Mutator(
        [](MerchantProfile& p) { p.notifyUrl = QUrl(QStringLiteral("https://shop.example.com/notify")); });
    QTest::newRow("v2 notify url with query") << Mutator([](MerchantProfile& p) {
        p.family = ApiFamily::V2;
        p.notifyUrl = QUrl(QStringLiteral("https://shop.example.com/notify?shop=1"));
    });
    QTest::newRow("public key only") << Mutator(
        [](MerchantProfile& p) { p.publicKeyId = QStringLiteral("PUB_KEY_ID_01142321349124100000000000"); });
    QTest::newRow("hk dollars") << Mutator([](MerchantProfile& p) {
        p.region = Region::HK;
        p.family = ApiFamily::HkV3;
        p.defaultCurrency = QStringLiteral("HKD");
    });
    QTest::newRow("service provider") << Mutator([](MerchantProfile& p) {
        p.subMchid = QStringLiteral("1900000109");
        p.subAppid = QStringLiteral("wxd930ea5d5a258f4f");
    });
}

void TestProfileStore::acceptsValidVariants()
{
    QFETCH(Mutator, mutate);
    MerchantProfile profile = sampleProfile();
    mutate(profile);
    WXPAY_VERIFY_OK(m_store->save(profile));
    const auto read = m_store->get(profile.id);
    WXPAY_VERIFY_OK(read);
    QVERIFY(*read == profile);
}

void TestProfileStore::baseUrlFollowsRegion()
{
    MerchantProfile profile = sampleProfile();
    QCOMPARE(profile.baseUrl(), QUrl(QStringLiteral("https://api.mch.weixin.qq.com")));
    profile.region = Region::HK;
    QCOMPARE(profile.baseUrl(), QUrl(QStringLiteral("https://apihk.mch.weixin.qq.com")));
    profile.baseUrlOverride = QUrl(QStringLiteral("http://127.0.0.1:9000"));
    QCOMPARE(profile.baseUrl(), profile.baseUrlOverride);
}

void TestProfileStore::handEditedSettingsAreChecked()
{
    WXPAY_VERIFY_OK(m_store->save(sampleProfile(QStringLiteral("good"))));
    WXPAY_VERIFY_OK(m_store->save(sampleProfile(QStringLiteral("bad"))));
    m_settings->setValue(QStringLiteral("profiles/bad/appid"), QStringLiteral("not-an-appid"));
    WXPAY_VERIFY_ERROR(m_store->get(QStringLiteral("bad")), ErrorKind::Input, QStringLiteral("PROFILE_INVALID"));
    m_settings->setValue(QStringLiteral("profiles/good/family"), QStringLiteral("v9"));
    WXPAY_VERIFY_ERROR(m_store->get(QStringLiteral("good")), ErrorKind::Input, QStringLiteral("PROFILE_INVALID"));
    QVERIFY(m_store->list().isEmpty()); // unreadable profiles are skipped, not half-read
}

void TestProfileStore::currentProfile()
{
    QVERIFY(m_store->currentProfileId().isEmpty());
    QVERIFY(!m_store->currentProfile());
    WXPAY_VERIFY_ERROR(
        m_store->setCurrentProfileId(QStringLiteral("shop-1")), ErrorKind::Input, QStringLiteral("PROFILE_NOT_FOUND"));
    WXPAY_VERIFY_OK(m_store->save(sampleProfile()));
    WXPAY_VERIFY_OK(m_store->setCurrentProfileId(QStringLiteral("shop-1")));
    QCOMPARE(m_store->currentProfileId(), QStringLiteral("shop-1"));
    QVERIFY(m_store->currentProfile());
    QCOMPARE(m_store->currentProfile()->mchid, QStringLiteral("1900009191"));
    WXPAY_VERIFY_OK(m_store->setCurrentProfileId(QString()));
    QVERIFY(m_store->currentProfileId().isEmpty());
}

void TestProfileStore::removeDeletesProfileAndSecrets()
{
    WXPAY_VERIFY_OK(m_store->save(sampleProfile(QStringLiteral("a"))));
    WXPAY_VERIFY_OK(m_store->save(sampleProfile(QStringLiteral("b"))));
    WXPAY_VERIFY_OK(m_store->setCurrentProfileId(QStringLiteral("a")));
    WXPAY_VERIFY_OK(writeNow(*m_credentials, QStringLiteral("a/apiv3-key"), "k"));
    WXPAY_VERIFY_OK(writeNow(*m_credentials, QStringLiteral("a/merchant-private-key"), "pem"));
    WXPAY_VERIFY_OK(writeNow(*m_credentials, QStringLiteral("b/apiv3-key"), "k"));

    WXPAY_VERIFY_OK(removeNow(QStringLiteral("a")));
    QVERIFY(!m_store->contains(QStringLiteral("a")));
    QVERIFY(m_store->contains(QStringLiteral("b")));
    QCOMPARE(m_credentials->keys(), QStringList { QStringLiteral("b/apiv3-key") });
    QVERIFY(m_store->currentProfileId().isEmpty());
    QSettings reopened(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QVERIFY(!reopened.childGroups().isEmpty());
    reopened.beginGroup(QStringLiteral("profiles"));
    QCOMPARE(reopened.childGroups(), QStringList { QStringLiteral("b") });
}

void TestProfileStore::removeKeepsProfileWhenSecretsStay()
{
    WXPAY_VERIFY_OK(m_store->save(sampleProfile(QStringLiteral("a"))));
    WXPAY_VERIFY_OK(writeNow(*m_credentials, QStringLiteral("a/apiv3-key"), "k"));
    m_credentials->setLocked(true);
    WXPAY_VERIFY_ERROR(removeNow(QStringLiteral("a")), ErrorKind::Credentials, QStringLiteral("LOCKED_OR_UNAVAILABLE"));
    QVERIFY(m_store->contains(QStringLiteral("a")));
    QVERIFY(m_credentials->contains(QStringLiteral("a/apiv3-key")));
    m_credentials->setLocked(false);
    WXPAY_VERIFY_OK(removeNow(QStringLiteral("a")));
    QVERIFY(!m_store->contains(QStringLiteral("a")));
    QVERIFY(m_credentials->keys().isEmpty());
}

void TestProfileStore::removeUnknownIsNotFound()
{
    WXPAY_VERIFY_ERROR(removeNow(QStringLiteral("ghost")), ErrorKind::Input, QStringLiteral("PROFILE_NOT_FOUND"));
    QCOMPARE(m_credentials->operationCount(InMemoryCredentialStore::Operation::Remove), 0);
}

void TestProfileStore::removeFinishesWithoutItsCaller()
{
    WXPAY_VERIFY_OK(m_store->save(sampleProfile(QStringLiteral("a"))));
    WXPAY_VERIFY_OK(writeNow(*m_credentials, QStringLiteral("a/apiv3-key"), "k"));
    bool called = false;
    auto* context = new QObject;
    m_store->remove(QStringLiteral("a"), context, [&called](Status) { called = true; });
    delete context;
    QTRY_VERIFY(!m_store->contains(QStringLiteral("a")));
    QVERIFY(m_credentials->keys().isEmpty());
    QTest::qWait(50);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
