// The key import dialog: busy while the keychain works, the typed outcome in one sentence, secrets off the screen.
#include "keyimportdialog.h"
#include "support/testsupport.h"
#include "uifixture.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace wxpay;
using namespace wxpay::credentials;
using namespace wxpay::ui;
using wxpay::test::CredentialsFixture;

class TestKeyImportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_key = wxpay::test::generateKey();
        m_certificate = wxpay::test::makeCertificate(m_key, "ABCDEF123456789");
    }

    void init()
    {
        m_fixture = std::make_unique<CredentialsFixture>();
        WXPAY_VERIFY_OK(m_fixture->profiles.save(wxpay::test::sampleProfile()));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_fixture.reset();
    }

    void shouldHaveDefaultValues()
    {
        open(wxpay::test::sampleProfile());
        QCOMPARE(m_dialog->kind(), KeyImportDialog::Kind::MerchantCertificate);
        QCOMPARE(m_dialog->findChild<QTabWidget*>(QStringLiteral("keyKindTabWidget"))->count(), 5);
        QVERIFY(!m_dialog->isBusy());
        QVERIFY(result()->text().isEmpty());
        QVERIFY(m_dialog->findChild<QProgressBar*>(QStringLiteral("keyImportProgressBar"))->isHidden());
        QVERIFY(button(QStringLiteral("importPushButton"))->isEnabled());
        QVERIFY(button(QStringLiteral("closePushButton"))->isEnabled());
        for (const char* name : { "privateKeyPathLineEdit", "certificatePathLineEdit", "pkcs12PathLineEdit",
                 "pkcs12PasswordLineEdit", "apiV2KeyLineEdit", "apiV3KeyLineEdit", "appSecretLineEdit" })
            QVERIFY(edit(QString::fromLatin1(name))->text().isEmpty());
        for (const char* name :
            { "pkcs12PasswordLineEdit", "apiV2KeyLineEdit", "apiV3KeyLineEdit", "appSecretLineEdit" })
            QCOMPARE(edit(QString::fromLatin1(name))->echoMode(), QLineEdit::Password);
    }

    void apiV2ProfilesStartWithTheP12()
    {
        MerchantProfile v2 = wxpay::test::sampleProfile();
        v2.family = ApiFamily::V2;
        open(v2);
        QCOMPARE(m_dialog->kind(), KeyImportDialog::Kind::ClientCertificate);
    }

    void busyWhileTheKeychainWorks()
    {
        open(wxpay::test::sampleProfile());
        QSignalSpy imported(m_dialog.get(), &KeyImportDialog::imported);
        edit(QStringLiteral("privateKeyPathLineEdit"))
            ->setText(m_fixture->writeFile(QStringLiteral("k.pem"), m_key.toPem()));
        edit(QStringLiteral("certificatePathLineEdit"))
            ->setText(m_fixture->writeFile(QStringLiteral("c.pem"), m_certificate.toPem()));
        button(QStringLiteral("importPushButton"))->click();
        // The keychain answers later: until then, nothing can be clicked and the dialog cannot be closed.
        QVERIFY(m_dialog->isBusy());
        QVERIFY(!m_dialog->findChild<QProgressBar*>(QStringLiteral("keyImportProgressBar"))->isHidden());
        QVERIFY(!button(QStringLiteral("importPushButton"))->isEnabled());
        QVERIFY(!button(QStringLiteral("closePushButton"))->isEnabled());
        QVERIFY(!m_dialog->findChild<QTabWidget*>(QStringLiteral("keyKindTabWidget"))->isEnabled());
        m_dialog->reject();
        QVERIFY(m_dialog->isVisible());
        QTRY_VERIFY(!m_dialog->isBusy());
        QVERIFY(button(QStringLiteral("importPushButton"))->isEnabled());
        QCOMPARE(imported.count(), 1);
        QVERIFY(result()->text().contains(u"ABCDEF123456789"));
    }

    void lockedKeychainIsSaidPlainly()
    {
        m_fixture->secrets.setLocked(true);
        open(wxpay::test::sampleProfile());
        edit(QStringLiteral("privateKeyPathLineEdit"))
            ->setText(m_fixture->writeFile(QStringLiteral("k.pem"), m_key.toPem()));
        edit(QStringLiteral("certificatePathLineEdit"))
            ->setText(m_fixture->writeFile(QStringLiteral("c.pem"), m_certificate.toPem()));
        m_dialog->startImport();
        QTRY_VERIFY(!m_dialog->isBusy());
        QCOMPARE(result()->text(),
            QStringLiteral("The system keychain is locked or refused access: unlock it and try again."));
        QVERIFY(m_fixture->profiles.get(QStringLiteral("shop-1"))->merchantCertificateSerial.isEmpty());
    }

    void asksForBothFiles()
    {
        open(wxpay::test::sampleProfile());
        edit(QStringLiteral("privateKeyPathLineEdit"))->setText(QStringLiteral("/tmp/k.pem"));
        m_dialog->startImport();
        QVERIFY(!m_dialog->isBusy());
        QCOMPARE(result()->text(), QStringLiteral("Choose both the private key file and the certificate file."));
    }

    void unreadableFile()
    {
        open(wxpay::test::sampleProfile());
        edit(QStringLiteral("privateKeyPathLineEdit"))->setText(m_fixture->dir.filePath(QStringLiteral("missing.pem")));
        edit(QStringLiteral("certificatePathLineEdit"))
            ->setText(m_fixture->dir.filePath(QStringLiteral("missing.pem")));
        m_dialog->startImport();
        QTRY_VERIFY(!m_dialog->isBusy());
        QCOMPARE(result()->text(),
            QStringLiteral("The file cannot be read: check that it exists and that you may open it."));
    }

    void p12WithWrongPassword()
    {
        const auto der = crypto::makePkcs12(m_key, m_certificate, "right");
        WXPAY_VERIFY_OK(der);
        open(wxpay::test::sampleProfile());
        m_dialog->setKind(KeyImportDialog::Kind::ClientCertificate);
        edit(QStringLiteral("pkcs12PathLineEdit"))->setText(m_fixture->writeFile(QStringLiteral("c.p12"), *der));
        edit(QStringLiteral("pkcs12PasswordLineEdit"))->setText(QStringLiteral("wrong"));
        m_dialog->startImport();
        QTRY_VERIFY(!m_dialog->isBusy());
        QCOMPARE(result()->text(),
            QStringLiteral("Wrong password for the .p12 file (WeChat Pay's default password is the merchant ID)."));
        QVERIFY(m_fixture->secrets.keys().isEmpty());

        edit(QStringLiteral("pkcs12PasswordLineEdit"))->setText(QStringLiteral("right"));
        m_dialog->startImport();
        QTRY_VERIFY(!m_dialog->isBusy());
        QVERIFY2(result()->text().contains(u"ABCDEF123456789"), qPrintable(result()->text()));
        QVERIFY(edit(QStringLiteral("pkcs12PasswordLineEdit"))->text().isEmpty());
        const QStringList stored { QStringLiteral("shop-1/client-certificate"),
            QStringLiteral("shop-1/client-certificate-key") };
        QCOMPARE(m_fixture->secrets.keys(), stored);
    }

    void apiKeys_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("editName");
        QTest::addColumn<QString>("good");
        QTest::addColumn<QString>("refusal");
        QTest::addColumn<QString>("success");
        QTest::addColumn<QString>("key");
        QTest::newRow("APIv2 key") << static_cast<int>(KeyImportDialog::Kind::ApiV2Key) << "apiV2KeyLineEdit"
                                   << QString(32, u'a') << "The APIv2 key must be exactly 32 letters or digits."
                                   << "The APIv2 key is stored in the system keychain."
                                   << "shop-1/apiv2-key";
        QTest::newRow("APIv3 key") << static_cast<int>(KeyImportDialog::Kind::ApiV3Key) << "apiV3KeyLineEdit"
                                   << QString(32, u'b') << "The APIv3 key must be exactly 32 characters."
                                   << "The APIv3 key is stored in the system keychain."
                                   << "shop-1/apiv3-key";
        QTest::newRow("AppSecret") << static_cast<int>(KeyImportDialog::Kind::AppSecret) << "appSecretLineEdit"
                                   << QString(32, u'c') << "The AppSecret must be exactly 32 letters or digits."
                                   << "The AppSecret is stored in the system keychain."
                                   << "shop-1/app-secret";
    }

    void apiKeys()
    {
        QFETCH(int, kind);
        QFETCH(QString, editName);
        QFETCH(QString, good);
        QFETCH(QString, refusal);
        QFETCH(QString, success);
        QFETCH(QString, key);
        open(wxpay::test::sampleProfile());
        m_dialog->setKind(static_cast<KeyImportDialog::Kind>(kind));
        edit(editName)->setText(QStringLiteral("too short"));
        m_dialog->startImport();
        QTRY_VERIFY(!m_dialog->isBusy());
        QCOMPARE(result()->text(), refusal);
        QVERIFY(m_fixture->secrets.keys().isEmpty());

        edit(editName)->setText(u"  " + good + u"\n");
        m_dialog->startImport();
        QTRY_VERIFY(!m_dialog->isBusy());
        QCOMPARE(result()->text(), success);
        QCOMPARE(m_fixture->secrets.value(key), good.toUtf8());
        // A stored secret does not stay on the screen.
        QVERIFY(edit(editName)->text().isEmpty());
    }

private:
    void open(const MerchantProfile& profile)
    {
        m_dialog = std::make_unique<KeyImportDialog>(&m_fixture->import, profile);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    QLineEdit* edit(const QString& name) const
    {
        auto* found = m_dialog->findChild<QLineEdit*>(name);
        if (!found)
            qFatal("no %s", qPrintable(name));
        return found;
    }
    QPushButton* button(const QString& name) const { return m_dialog->findChild<QPushButton*>(name); }
    QLabel* result() const { return m_dialog->findChild<QLabel*>(QStringLiteral("keyImportResultLabel")); }

    crypto::PrivateKey m_key;
    crypto::Certificate m_certificate;
    std::unique_ptr<CredentialsFixture> m_fixture;
    std::unique_ptr<KeyImportDialog> m_dialog;
};

QTEST_MAIN(TestKeyImportDialog)
#include "tst_keyimportdialog.moc"
