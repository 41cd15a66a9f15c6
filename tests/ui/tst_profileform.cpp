// The profile form's rules: every refused field found at once, each at the right field, in plain words.
#include "credentials/credentialstore.h"
#include "profileform.h"

#include <QTest>

using namespace wxpay;
using namespace wxpay::credentials;
using namespace wxpay::ui;

namespace {

MerchantProfile valid()
{
    MerchantProfile p;
    p.id = QStringLiteral("shop-1");
    p.displayName = QStringLiteral("Shop 1");
    p.mchid = QStringLiteral("1900009191");
    p.appid = QStringLiteral("wxd678efh567hg6787");
    return p;
}

using Change = std::function<void(MerchantProfile&)>;

} // namespace

Q_DECLARE_METATYPE(Change)

class TestProfileForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validProfileHasNoProblems() { QVERIFY(profileProblems(valid()).isEmpty()); }

    void oneField_data()
    {
        QTest::addColumn<Change>("change");
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("code");
        const auto row = [](const char* name, Change change, ProfileField field, const char* code) {
            QTest::newRow(name) << change << static_cast<int>(field) << QString::fromLatin1(code);
        };
        row(
            "id", [](MerchantProfile& p) { p.id = QStringLiteral("Shop 1"); }, ProfileField::Id, "INVALID_PROFILE_ID");
        row(
            "no name", [](MerchantProfile& p) { p.displayName = QStringLiteral("  "); }, ProfileField::DisplayName,
            "DISPLAY_NAME_EMPTY");
        row(
            "long name", [](MerchantProfile& p) { p.displayName = QString(101, u'n'); }, ProfileField::DisplayName,
            "FIELD_TOO_LONG");
        row(
            "mchid", [](MerchantProfile& p) { p.mchid = QStringLiteral("12ab"); }, ProfileField::Mchid,
            "INVALID_MCHID");
        row(
            "appid", [](MerchantProfile& p) { p.appid = QStringLiteral("wx123"); }, ProfileField::Appid,
            "INVALID_APPID");
        row(
            "sub mchid", [](MerchantProfile& p) { p.subMchid = QStringLiteral("12"); }, ProfileField::SubMchid,
            "INVALID_SUB_MCHID");
        row(
            "sub appid without sub mchid",
            [](MerchantProfile& p) { p.subAppid = QStringLiteral("wx1234567890abcdef"); }, ProfileField::SubAppid,
            "SUB_APPID_NEEDS_SUB_MCHID");
        row(
            "sub appid",
            [](MerchantProfile& p) {
                p.subMchid = QStringLiteral("1900000109");
                p.subAppid = QStringLiteral("wx1");
            },
            ProfileField::SubAppid, "INVALID_SUB_APPID");
        row(
            "serial", [](MerchantProfile& p) { p.merchantCertificateSerial = QStringLiteral("xyz"); },
            ProfileField::MerchantSerial, "INVALID_SERIAL");
        row(
            "platform serial",
            [](MerchantProfile& p) {
                p.platformSerials = { QStringLiteral("ABC"), QStringLiteral("zz") };
            },
            ProfileField::PlatformSerials, "INVALID_PLATFORM_SERIAL");
        row(
            "public key id", [](MerchantProfile& p) { p.publicKeyId = QStringLiteral("PUB_KEY_1"); },
            ProfileField::PublicKeyId, "INVALID_PUBLIC_KEY_ID");
        row(
            "base url scheme",
            [](MerchantProfile& p) { p.baseUrlOverride = QUrl(QStringLiteral("ftp://example.com")); },
            ProfileField::BaseUrl, "INVALID_URL");
        row(
            "base url plain http",
            [](MerchantProfile& p) { p.baseUrlOverride = QUrl(QStringLiteral("http://example.com")); },
            ProfileField::BaseUrl, "INSECURE_URL");
        row(
            "notify plain http", [](MerchantProfile& p) { p.notifyUrl = QUrl(QStringLiteral("http://example.com/n")); },
            ProfileField::NotifyUrl, "INSECURE_URL");
        row(
            "notify query",
            [](MerchantProfile& p) { p.notifyUrl = QUrl(QStringLiteral("https://example.com/n?shop=1")); },
            ProfileField::NotifyUrl, "NOTIFY_URL_QUERY");
        row(
            "currency", [](MerchantProfile& p) { p.defaultCurrency = QStringLiteral("rmb"); }, ProfileField::Currency,
            "CURRENCY_INVALID");
        row(
            "device id", [](MerchantProfile& p) { p.deviceId = QString(33, u'd'); }, ProfileField::DeviceId,
            "FIELD_TOO_LONG");
        row(
            "store id", [](MerchantProfile& p) { p.storeId = QString(33, u's'); }, ProfileField::StoreId,
            "FIELD_TOO_LONG");
        row(
            "mini-program appid", [](MerchantProfile& p) { p.miniProgramAppid = QStringLiteral("wx"); },
            ProfileField::MiniProgramAppid, "INVALID_MINIPROGRAM_APPID");
    }

    void oneField()
    {
        QFETCH(Change, change);
        QFETCH(int, field);
        QFETCH(QString, code);
        MerchantProfile p = valid();
        change(p);
        const QList<FieldProblem> problems = profileProblems(p);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().field.has_value());
        QCOMPARE(static_cast<int>(*problems.first().field), field);
        QCOMPARE(problems.first().code, code);
        QVERIFY(!fieldProblemText(problems.first()).isEmpty());
    }

    void everyBadFieldAtOnce()
    {
        MerchantProfile p = valid();
        p.mchid = QStringLiteral("19000x");
        p.appid = QStringLiteral("wx123");
        p.baseUrlOverride = QUrl(QStringLiteral("http://example.com"));
        p.notifyUrl = QUrl(QStringLiteral("http://pay.example.com/notify"));
        p.storeId = QString(40, u's');
        const QList<FieldProblem> problems = profileProblems(p);
        QList<ProfileField> fields;
        for (const FieldProblem& problem : problems)
            fields << problem.field.value();
        const QList<ProfileField> expected { ProfileField::Mchid, ProfileField::Appid, ProfileField::BaseUrl,
            ProfileField::NotifyUrl, ProfileField::StoreId };
        QCOMPARE(fields, expected);
    }

    void sentences_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        QTest::newRow("mchid") << static_cast<int>(ProfileField::Mchid) << "INVALID_MCHID"
                               << "The merchant ID is 6 to 20 digits";
        QTest::newRow("exists") << static_cast<int>(ProfileField::Id) << "PROFILE_EXISTS"
                                << "A profile with this ID exists already";
        QTest::newRow("http") << static_cast<int>(ProfileField::NotifyUrl) << "INSECURE_URL"
                              << "Use https:// (plain http:// only for this computer)";
        QTest::newRow("name too long") << static_cast<int>(ProfileField::DisplayName) << "FIELD_TOO_LONG"
                                       << "At most 100 characters";
        QTest::newRow("store too long") << static_cast<int>(ProfileField::StoreId) << "FIELD_TOO_LONG"
                                        << "At most 32 characters";
    }

    void sentences()
    {
        QFETCH(int, field);
        QFETCH(QString, code);
        QFETCH(QString, text);
        QCOMPARE(fieldProblemText(FieldProblem { static_cast<ProfileField>(field), code, {} }), text);
    }

    void suggestsIds_data()
    {
        QTest::addColumn<QString>("mchid");
        QTest::addColumn<QStringList>("existing");
        QTest::addColumn<QString>("expected");
        QTest::newRow("from mchid") << "1900009191" << QStringList() << "mch-1900009191";
        QTest::newRow("taken") << "1900009191" << QStringList { QStringLiteral("mch-1900009191") }
                               << "mch-1900009191-2";
        QTest::newRow("taken twice") << "1900009191"
                                     << QStringList { QStringLiteral("mch-1900009191"),
                                            QStringLiteral("mch-1900009191-2") }
                                     << "mch-1900009191-3";
        QTest::newRow("bad mchid") << "abc" << QStringList() << "profile";
    }

    void suggestsIds()
    {
        QFETCH(QString, mchid);
        QFETCH(QStringList, existing);
        QFETCH(QString, expected);
        const QString id = suggestProfileId(mchid, existing);
        QCOMPARE(id, expected);
        QVERIFY(isValidProfileId(id));
    }

    void splitsSerials()
    {
        const QStringList expected { QStringLiteral("A1B2"), QStringLiteral("C3D4"), QStringLiteral("E5") };
        QCOMPARE(splitSerials(QStringLiteral(" a1b2, C3D4  e5,")), expected);
        QCOMPARE(splitSerials(QString::fromUtf8("a1b2，c3d4；e5")), expected);
        QVERIFY(splitSerials(QStringLiteral("  ")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProfileForm)
#include "tst_profileform.moc"
