// Settings → merchant profiles, driven as an operator would: through the widgets, found by objectName.
#include "keyimportdialog.h"
#include "profilespanel.h"
#include "sandboxfixture.h"
#include "sim/fault.h"
#include "support/testsupport.h"
#include "uifixture.h"
#include "workflows/connectiontest.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace wxpay;
using namespace wxpay::credentials;
using namespace wxpay::ui;
using wxpay::test::CredentialsFixture;

class TestProfilesPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_keyA = wxpay::test::generateKey();
        m_keyB = wxpay::test::generateKey();
        m_certA = wxpay::test::makeCertificate(m_keyA, "1A2B3C4D5E6F7081");
    }

    void init()
    {
        m_fixture = std::make_unique<CredentialsFixture>();
        QVERIFY(m_fixture->dir.isValid());
    }

    void cleanup()
    {
        m_panel.reset();
        m_fixture.reset();
    }

    void cleanupTestCase() { m_sandbox.reset(); }

    void shouldHaveDefaultValues()
    {
        makePanel();
        QVERIFY(m_panel->editedProfileId().isEmpty());
        QCOMPARE(list()->count(), 0);
        QVERIFY(label(QStringLiteral("emptyHintLabel"))->isVisible());
        for (QLineEdit* edit : m_panel->findChildren<QLineEdit*>()) {
            if (edit->objectName().endsWith(u"LineEdit"))
                QVERIFY2(edit->text().isEmpty(), qPrintable(edit->objectName()));
        }
        QCOMPARE(combo(QStringLiteral("familyComboBox"))->currentData().toString(), QStringLiteral("v3"));
        QCOMPARE(combo(QStringLiteral("regionComboBox"))->currentData().toString(), QStringLiteral("CN"));
        QCOMPARE(combo(QStringLiteral("currencyComboBox"))->currentText(), QStringLiteral("CNY"));
        QCOMPARE(
            combo(QStringLiteral("tokenSourceComboBox"))->currentData().toString(), QStringLiteral("stable_token"));
        QVERIFY(!combo(QStringLiteral("signTypeComboBox"))->isEnabled()); // APIv2 only
        QVERIFY(!button(QStringLiteral("removeProfilePushButton"))->isEnabled());
        QVERIFY(!button(QStringLiteral("importKeysPushButton"))->isEnabled());
        QVERIFY(!button(QStringLiteral("useProfilePushButton"))->isEnabled());
        QVERIFY(button(QStringLiteral("saveProfilePushButton"))->isEnabled());
        QVERIFY(m_panel->findChild<QProgressBar*>(QStringLiteral("profilesProgressBar"))->isHidden());
        QVERIFY(m_panel->statusText().isEmpty());
        for (QLabel* error : m_panel->findChildren<QLabel*>()) {
            if (error->objectName().endsWith(u"ErrorLabel"))
                QVERIFY2(error->isHidden(), qPrintable(error->objectName()));
        }
    }

    void addsAValidProfile()
    {
        makePanel();
        type(QStringLiteral("displayNameLineEdit"), QString::fromUtf8("南京路旗舰店"));
        type(QStringLiteral("mchidLineEdit"), QStringLiteral(" 1900009191 "));
        type(QStringLiteral("appidLineEdit"), QStringLiteral("wxd678efh567hg6787"));
        QTest::mouseClick(button(QStringLiteral("saveProfilePushButton")), Qt::LeftButton);

        const QList<MerchantProfile> saved = m_fixture->profiles.list();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().id, QStringLiteral("mch-1900009191"));
        QCOMPARE(saved.first().displayName, QString::fromUtf8("南京路旗舰店"));
        QCOMPARE(saved.first().mchid, QStringLiteral("1900009191"));
        QCOMPARE(saved.first().family, ApiFamily::V3);
        QCOMPARE(m_panel->editedProfileId(), QStringLiteral("mch-1900009191"));
        QCOMPARE(list()->count(), 1);
        QVERIFY(list()->item(0)->text().contains(QString::fromUtf8("南京路旗舰店")));
        QVERIFY(m_panel->statusText().startsWith(u"Saved"));
        QVERIFY(edit(QStringLiteral("profileIdLineEdit"))->isReadOnly());
        QVERIFY(button(QStringLiteral("importKeysPushButton"))->isEnabled());
        QVERIFY(button(QStringLiteral("removeProfilePushButton"))->isEnabled());
    }

    void invalidMchidShowsTheFieldErrorAndSavesNothing()
    {
        makePanel();
        type(QStringLiteral("displayNameLineEdit"), QStringLiteral("Shop 1"));
        type(QStringLiteral("mchidLineEdit"), QStringLiteral("19000x"));
        type(QStringLiteral("appidLineEdit"), QStringLiteral("wxd678efh567hg6787"));
        QVERIFY(!m_panel->saveProfile());
        QLabel* error = label(QStringLiteral("mchidErrorLabel"));
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("The merchant ID is 6 to 20 digits"));
        QVERIFY(label(QStringLiteral("appidErrorLabel"))->isHidden());
        QVERIFY(m_fixture->profiles.list().isEmpty());
        QVERIFY(m_fixture->settings.childGroups().isEmpty());
        QVERIFY(m_panel->statusText().startsWith(u"Nothing was saved"));
        QCOMPARE(QApplication::focusWidget(), edit(QStringLiteral("mchidLineEdit")));
        // Correcting the field takes its error away.
        QTest::keyClick(edit(QStringLiteral("mchidLineEdit")), Qt::Key_Backspace);
        QVERIFY(error->isHidden());
    }

    void everyFieldIsSaved()
    {
        makePanel();
        type(QStringLiteral("displayNameLineEdit"), QStringLiteral("Hong Kong branch"));
        type(QStringLiteral("profileIdLineEdit"), QStringLiteral("hk-1"));
        selectData(QStringLiteral("familyComboBox"), QStringLiteral("global"));
        selectData(QStringLiteral("regionComboBox"), QStringLiteral("HK"));
        type(QStringLiteral("mchidLineEdit"), QStringLiteral("1900000109"));
        type(QStringLiteral("appidLineEdit"), QStringLiteral("wxdace645e0bc2c111"));
        type(QStringLiteral("subMchidLineEdit"), QStringLiteral("1900000110"));
        type(QStringLiteral("subAppidLineEdit"), QStringLiteral("wx1234567890abcdef"));
        type(QStringLiteral("merchantSerialLineEdit"), QStringLiteral("5157f09efdc096de"));
        type(QStringLiteral("platformSerialsLineEdit"), QStringLiteral("aa11, BB22"));
        type(QStringLiteral("publicKeyIdLineEdit"), QStringLiteral("PUB_KEY_ID_0114232134912410"));
        type(QStringLiteral("notifyUrlLineEdit"), QStringLiteral("https://pay.example.com/notify"));
        combo(QStringLiteral("currencyComboBox"))->setCurrentText(QStringLiteral("hkd"));
        type(QStringLiteral("deviceIdLineEdit"), QStringLiteral("POS-01"));
        type(QStringLiteral("storeIdLineEdit"), QStringLiteral("HK-001"));
        type(QStringLiteral("miniProgramAppidLineEdit"), QStringLiteral("wxabcdefabcdefabcd"));
        selectData(QStringLiteral("tokenSourceComboBox"), QStringLiteral("operator"));
        type(QStringLiteral("baseUrlLineEdit"), QStringLiteral("https://apihk.example.com"));
        QVERIFY(m_panel->saveProfile());

        const auto saved = m_fixture->profiles.get(QStringLiteral("hk-1"));
        WXPAY_VERIFY_OK(saved);
        MerchantProfile expected;
        expected.id = QStringLiteral("hk-1");
        expected.displayName = QStringLiteral("Hong Kong branch");
        expected.family = ApiFamily::Global;
        expected.region = Region::HK;
        expected.mchid = QStringLiteral("1900000109");
        expected.appid = QStringLiteral("wxdace645e0bc2c111");
        expected.subMchid = QStringLiteral("1900000110");
        expected.subAppid = QStringLiteral("wx1234567890abcdef");
        expected.merchantCertificateSerial = QStringLiteral("5157F09EFDC096DE");
        expected.platformSerials = { QStringLiteral("AA11"), QStringLiteral("BB22") };
        expected.publicKeyId = QStringLiteral("PUB_KEY_ID_0114232134912410");
        expected.notifyUrl = QUrl(QStringLiteral("https://pay.example.com/notify"));
        expected.defaultCurrency = QStringLiteral("HKD");
        expected.deviceId = QStringLiteral("POS-01");
        expected.storeId = QStringLiteral("HK-001");
        expected.miniProgramAppid = QStringLiteral("wxabcdefabcdefabcd");
        expected.tokenSource = TokenSource::OperatorSupplied;
        expected.baseUrlOverride = QUrl(QStringLiteral("https://apihk.example.com"));
        QCOMPARE(*saved, expected);

        // The v2 sign type is offered for APIv2 profiles.
        selectData(QStringLiteral("familyComboBox"), QStringLiteral("v2"));
        QVERIFY(combo(QStringLiteral("signTypeComboBox"))->isEnabled());
        selectData(QStringLiteral("signTypeComboBox"), QStringLiteral("HMAC-SHA256"));
        QVERIFY(m_panel->saveProfile());
        QCOMPARE(m_fixture->profiles.get(QStringLiteral("hk-1"))->v2SignType, V2SignType::HmacSha256);
    }

    void editingKeepsTheSandboxMark()
    {
        MerchantProfile sandbox = wxpay::test::sampleProfile(QStringLiteral("sandbox"));
        sandbox.sandbox = true;
        WXPAY_VERIFY_OK(m_fixture->profiles.save(sandbox));
        makePanel();
        QCOMPARE(m_panel->editedProfileId(), QStringLiteral("sandbox"));
        edit(QStringLiteral("displayNameLineEdit"))->setText(QStringLiteral("Renamed"));
        QVERIFY(m_panel->saveProfile());
        const auto saved = m_fixture->profiles.get(QStringLiteral("sandbox"));
        QCOMPARE(saved->displayName, QStringLiteral("Renamed"));
        QVERIFY(saved->sandbox);
    }

    void refusesADuplicateId()
    {
        WXPAY_VERIFY_OK(m_fixture->profiles.save(wxpay::test::sampleProfile()));
        makePanel();
        button(QStringLiteral("addProfilePushButton"))->click();
        type(QStringLiteral("displayNameLineEdit"), QStringLiteral("Another"));
        type(QStringLiteral("profileIdLineEdit"), QStringLiteral("shop-1"));
        type(QStringLiteral("mchidLineEdit"), QStringLiteral("1900000111"));
        type(QStringLiteral("appidLineEdit"), QStringLiteral("wxd678efh567hg6787"));
        QVERIFY(!m_panel->saveProfile());
        QCOMPARE(label(QStringLiteral("profileIdErrorLabel"))->text(),
            QStringLiteral("A profile with this ID exists already"));
        QCOMPARE(m_fixture->profiles.get(QStringLiteral("shop-1"))->displayName, QStringLiteral("Shop 1"));
    }

    void removesAfterConfirmation()
    {
        WXPAY_VERIFY_OK(m_fixture->profiles.save(wxpay::test::sampleProfile()));
        WXPAY_VERIFY_OK(m_fixture->profiles.setCurrentProfileId(QStringLiteral("shop-1")));
        m_fixture->secrets.write(QStringLiteral("shop-1/apiv3-key"), QByteArray(32, 'k'), nullptr, {});
        makePanel();
        QSignalSpy currentChanged(m_panel.get(), &ProfilesPanel::currentProfileChanged);

        // "Keep" keeps it.
        button(QStringLiteral("removeProfilePushButton"))->click();
        QMessageBox* box = confirmation();
        QVERIFY(box);
        QVERIFY(box->text().contains(u"Shop 1"));
        box->findChild<QPushButton*>(QStringLiteral("keepProfilePushButton"))->click();
        QTest::qWait(50);
        QVERIFY(m_fixture->profiles.contains(QStringLiteral("shop-1")));

        // "Remove" removes it and its secrets, asynchronously, with the buttons disabled meanwhile.
        button(QStringLiteral("removeProfilePushButton"))->click();
        box = confirmation();
        QVERIFY(box);
        box->findChild<QPushButton*>(QStringLiteral("confirmRemovePushButton"))->click();
        QVERIFY(m_panel->isBusy());
        QVERIFY(!button(QStringLiteral("saveProfilePushButton"))->isEnabled());
        QVERIFY(!button(QStringLiteral("addProfilePushButton"))->isEnabled());
        QVERIFY(!m_panel->findChild<QProgressBar*>(QStringLiteral("profilesProgressBar"))->isHidden());
        QTRY_VERIFY(!m_panel->isBusy());
        QVERIFY(!m_fixture->profiles.contains(QStringLiteral("shop-1")));
        QVERIFY(m_fixture->secrets.keys().isEmpty());
        QCOMPARE(list()->count(), 0);
        QVERIFY(m_panel->statusText().startsWith(u"Removed"));
        QCOMPARE(currentChanged.count(), 1);
        QVERIFY(button(QStringLiteral("saveProfilePushButton"))->isEnabled());
    }

    void lockedKeychainKeepsTheProfile()
    {
        WXPAY_VERIFY_OK(m_fixture->profiles.save(wxpay::test::sampleProfile()));
        m_fixture->secrets.write(QStringLiteral("shop-1/apiv3-key"), QByteArray(32, 'k'), nullptr, {});
        m_fixture->secrets.setLocked(true);
        makePanel();
        m_panel->askToRemoveProfile();
        QMessageBox* box = confirmation();
        QVERIFY(box);
        box->findChild<QPushButton*>(QStringLiteral("confirmRemovePushButton"))->click();
        QTRY_VERIFY(!m_panel->isBusy());
        QVERIFY(m_fixture->profiles.contains(QStringLiteral("shop-1")));
        QCOMPARE(m_panel->statusText(),
            QStringLiteral("The profile was not removed. The system keychain is locked or refused access: unlock it "
                           "and try again."));
    }

    void useForPayments()
    {
        WXPAY_VERIFY_OK(m_fixture->profiles.save(wxpay::test::sampleProfile()));
        makePanel();
        QSignalSpy currentChanged(m_panel.get(), &ProfilesPanel::currentProfileChanged);
        QPushButton* use = button(QStringLiteral("useProfilePushButton"));
        QVERIFY(use->isEnabled());
        use->click();
        QCOMPARE(m_fixture->profiles.currentProfileId(), QStringLiteral("shop-1"));
        QCOMPARE(currentChanged.count(), 1);
        QVERIFY(!use->isEnabled());
        QVERIFY(list()->item(0)->text().contains(u"in use"));
    }

    void refusesAMismatchedKeyAndStoresNothing()
    {
        WXPAY_VERIFY_OK(m_fixture->profiles.save(wxpay::test::sampleProfile()));
        makePanel();
        KeyImportDialog* dialog = openImport();
        QVERIFY(dialog);
        setPaths(dialog, m_keyB.toPem(), m_certA.toPem());
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("importPushButton")), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isBusy());
        QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("keyImportResultLabel"))->text(),
            QStringLiteral(
                "The private key does not belong to this certificate: choose the two files downloaded together."));
        QVERIFY(m_fixture->secrets.keys().isEmpty());
        QVERIFY(m_fixture->profiles.get(QStringLiteral("shop-1"))->merchantCertificateSerial.isEmpty());
        QVERIFY(edit(QStringLiteral("merchantSerialLineEdit"))->text().isEmpty());
    }

    void importsAGoodPairAndShowsSerialAndExpiry()
    {
        WXPAY_VERIFY_OK(m_fixture->profiles.save(wxpay::test::sampleProfile()));
        makePanel();
        KeyImportDialog* dialog = openImport();
        QVERIFY(dialog);
        QVERIFY(dialog->windowTitle().contains(u"Shop 1"));
        setPaths(dialog, m_keyA.toPem(), m_certA.toPem());
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("importPushButton")), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isBusy());
        const QString result = dialog->findChild<QLabel*>(QStringLiteral("keyImportResultLabel"))->text();
        QVERIFY2(result.contains(u"1A2B3C4D5E6F7081"), qPrintable(result));
        QVERIFY2(result.contains(u"2027-06-01"), qPrintable(result));
        QCOMPARE(m_fixture->secrets.keys(), QStringList { QStringLiteral("shop-1/merchant-private-key") });
        QCOMPARE(m_fixture->profiles.get(QStringLiteral("shop-1"))->merchantCertificateSerial,
            QStringLiteral("1A2B3C4D5E6F7081"));
        // The form shows the serial the import wrote.
        QCOMPARE(edit(QStringLiteral("merchantSerialLineEdit"))->text(), QStringLiteral("1A2B3C4D5E6F7081"));
    }

    void testConnectionNeedsATesterAndASavedProfile()
    {
        WXPAY_VERIFY_OK(m_fixture->profiles.save(wxpay::test::sampleProfile()));
        makePanel();
        QPushButton* test = button(QStringLiteral("testConnectionPushButton"));
        QVERIFY(!test->isEnabled());
        QVERIFY(label(QStringLiteral("connectionResultLabel"))->text().isEmpty());
        int calls = 0;
        m_panel->setConnectionTester([&calls](const MerchantProfile&, QObject*, auto) { ++calls; });
        QVERIFY(test->isEnabled());
        // A profile being added has no keys to test yet.
        button(QStringLiteral("addProfilePushButton"))->click();
        QVERIFY(!test->isEnabled());
        m_panel->testConnection();
        QCOMPARE(calls, 0);
    }

    void testConnectionShowsWeChatsAnswer()
    {
        wxpay::test::SandboxFixture& simulator = sandbox();
        WXPAY_VERIFY_OK(m_fixture->profiles.save(wxpay::test::sampleProfile()));
        makePanel();
        // The composition root's part, over the sandbox's session: a ConnectionTest of the profile's gateway.
        QStringList tested;
        m_panel->setConnectionTester(
            [&simulator, &tested](const MerchantProfile& profile, QObject* context, auto done) {
                tested << profile.id;
                auto* test = new workflows::ConnectionTest(
                    simulator.session->gateway(), simulator.clock, simulator.nonces, context);
                connect(test, &workflows::ConnectionTest::finished, context,
                    [test, done](const workflows::ConnectionTest::Outcome& outcome) {
                        test->deleteLater();
                        done(outcome);
                    });
                QVERIFY(test->start().ok());
            });
        QPushButton* test = button(QStringLiteral("testConnectionPushButton"));
        QLabel* result = label(QStringLiteral("connectionResultLabel"));
        QWidget* errorBox = find<QWidget>(QStringLiteral("errorBox"));

        QTest::mouseClick(test, Qt::LeftButton);
        QCOMPARE(tested, QStringList { QStringLiteral("shop-1") });
        QVERIFY(m_panel->isBusy());
        QVERIFY(!test->isEnabled());
        QVERIFY(!button(QStringLiteral("saveProfilePushButton"))->isEnabled());
        QVERIFY(!m_panel->findChild<QProgressBar*>(QStringLiteral("profilesProgressBar"))->isHidden());
        QTRY_VERIFY(!m_panel->isBusy());
        QVERIFY2(result->text().contains(u"Connected"), qPrintable(result->text()));
        QVERIFY(!errorBox->isVisible());
        QVERIFY(test->isEnabled());

        // WeChat's answer does not verify: explained, with the details at hand; the tick is gone.
        simulator.engine->faults().add({ sim::Operation::QueryOrder, 1, { sim::FaultKind::BadSignature, {} } });
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY(!m_panel->isBusy());
        QVERIFY(simulator.engine->faults().isEmpty());
        QVERIFY(result->text().isEmpty());
        QVERIFY(errorBox->isVisible());
        QVERIFY2(label(QStringLiteral("errorLabel"))->text().startsWith(u"WeChat Pay's answer could not be verified"),
            qPrintable(label(QStringLiteral("errorLabel"))->text()));
        QTest::mouseClick(find<QWidget>(QStringLiteral("errorDetailsToolButton")), Qt::LeftButton);
        QVERIFY(label(QStringLiteral("errorDetailsLabel"))->text().contains(u"Request-ID"));

        // Another profile selected: the result was about the previous one.
        WXPAY_VERIFY_OK(m_fixture->profiles.save(wxpay::test::sampleProfile(QStringLiteral("shop-2"))));
        m_panel->refreshList();
        m_panel->selectProfile(QStringLiteral("shop-2"));
        QVERIFY(!errorBox->isVisible());
        QVERIFY(result->text().isEmpty());
    }

    void testConnectionExplainsAFailureBeforeTheRequest()
    {
        WXPAY_VERIFY_OK(m_fixture->profiles.save(wxpay::test::sampleProfile()));
        makePanel();
        // The session could not be opened: the profile has no private key in the keychain.
        const Error missing = Error::credentials(QStringLiteral("SECRET_MISSING"), QStringLiteral("no key"));
        m_panel->setConnectionTester([missing](const MerchantProfile&, QObject* context, auto done) {
            QTimer::singleShot(0, context, [missing, done] {
                done({ false, missing, workflows::explainConnectionError(missing), {} });
            });
        });
        QTest::mouseClick(button(QStringLiteral("testConnectionPushButton")), Qt::LeftButton);
        QVERIFY(m_panel->isBusy());
        QCOMPARE(label(QStringLiteral("connectionResultLabel"))->text(),
            QStringLiteral("Asking WeChat Pay with this profile's keys…"));
        QTRY_VERIFY(!m_panel->isBusy());
        QVERIFY(find<QWidget>(QStringLiteral("errorBox"))->isVisible());
        QCOMPARE(label(QStringLiteral("errorLabel"))->text(), workflows::explainConnectionError(missing));
        QVERIFY(label(QStringLiteral("errorLabel"))->text().contains(u"import the keys"));
        QVERIFY(label(QStringLiteral("errorDetailsLabel"))->text().contains(u"SECRET_MISSING"));
        QVERIFY(label(QStringLiteral("connectionResultLabel"))->text().isEmpty());
    }

private:
    wxpay::test::SandboxFixture& sandbox()
    {
        if (!m_sandbox)
            m_sandbox = std::make_unique<wxpay::test::SandboxFixture>();
        return *m_sandbox;
    }

    void makePanel()
    {
        m_panel = std::make_unique<ProfilesPanel>(&m_fixture->profiles, &m_fixture->import);
        m_panel->resize(1080, 720);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    KeyImportDialog* openImport()
    {
        QTest::mouseClick(button(QStringLiteral("importKeysPushButton")), Qt::LeftButton);
        KeyImportDialog* dialog = m_panel->keyImportDialog();
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }

    void setPaths(KeyImportDialog* dialog, const QByteArray& key, const QByteArray& certificate)
    {
        dialog->findChild<QLineEdit*>(QStringLiteral("privateKeyPathLineEdit"))
            ->setText(m_fixture->writeFile(QStringLiteral("apiclient_key.pem"), key));
        dialog->findChild<QLineEdit*>(QStringLiteral("certificatePathLineEdit"))
            ->setText(m_fixture->writeFile(QStringLiteral("apiclient_cert.pem"), certificate));
    }

    QMessageBox* confirmation()
    {
        QMessageBox* box = nullptr;
        const bool shown = QTest::qWaitFor([&] {
            box = m_panel->findChild<QMessageBox*>(QStringLiteral("removeProfileMessageBox"));
            return box && box->isVisible();
        });
        return shown ? box : nullptr;
    }

    void type(const QString& name, const QString& text)
    {
        QLineEdit* e = edit(name);
        e->setFocus();
        e->selectAll();
        QTest::keyClick(e, Qt::Key_Delete);
        e->insert(text);
    }

    void selectData(const QString& name, const QString& data)
    {
        QComboBox* c = combo(name);
        const int index = c->findData(data);
        QVERIFY2(index >= 0, qPrintable(data));
        c->setCurrentIndex(index);
    }

    template<typename T> T* find(const QString& name) const
    {
        T* found = m_panel->findChild<T*>(name);
        if (!found)
            qFatal("no %s", qPrintable(name));
        return found;
    }
    QLineEdit* edit(const QString& name) const { return find<QLineEdit>(name); }
    QComboBox* combo(const QString& name) const { return find<QComboBox>(name); }
    QPushButton* button(const QString& name) const { return find<QPushButton>(name); }
    QLabel* label(const QString& name) const { return find<QLabel>(name); }
    QListWidget* list() const { return find<QListWidget>(QStringLiteral("profilesListWidget")); }

    crypto::PrivateKey m_keyA;
    crypto::PrivateKey m_keyB;
    crypto::Certificate m_certA;
    std::unique_ptr<CredentialsFixture> m_fixture;
    std::unique_ptr<wxpay::test::SandboxFixture> m_sandbox; // made by the first test that talks to WeChat Pay
    std::unique_ptr<ProfilesPanel> m_panel;
};

QTEST_MAIN(TestProfilesPanel)
#include "tst_profilespanel.moc"
