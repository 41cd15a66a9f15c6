// The main window as an operator meets it: panels on Ctrl+1..5, the sandbox banner, the console lock, an order's
// refund opening the Refunds panel, remembered geometry, and the language switched at run time.
#include "lockscreen.h"
#include "mainwindow.h"
#include "managerpinbox.h"
#include "orderspanel.h"
#include "refundspanel.h"
#include "support/testsupport.h"
#include "translation.h"
#include "uifixture.h"
#include "workflows/managerpin.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTest>
#include <QTranslator>

using namespace wxpay;
using namespace wxpay::credentials;
using namespace wxpay::ui;
using wxpay::test::CredentialsFixture;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QCOMPARE(installTranslation(*qApp, QLocale(QLocale::English)), QStringLiteral("en"));
        m_fixture = std::make_unique<CredentialsFixture>();
    }

    void cleanup()
    {
        m_window.reset();
        m_fixture.reset();
    }

    void shouldHaveDefaultValues()
    {
        makeWindow();
        QCOMPARE(m_window->currentPanel(), MainWindow::Panel::TakePayment);
        auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigationListWidget"));
        QVERIFY(navigation);
        QCOMPARE(navigation->count(), MainWindow::kPanelCount);
        const QStringList names { QStringLiteral("Take payment"), QStringLiteral("Orders"), QStringLiteral("Refunds"),
            QStringLiteral("UnionID"), QStringLiteral("Settings") };
        for (int i = 0; i < navigation->count(); ++i) {
            QCOMPARE(navigation->item(i)->text(), names.at(i));
            QVERIFY(!navigation->item(i)->icon().isNull());
        }
        QCOMPARE(m_window->findChild<QStackedWidget*>(QStringLiteral("panelsStackedWidget"))->count(),
            MainWindow::kPanelCount);
        // No profile yet: the console runs on the built-in sandbox, and says so.
        QVERIFY(m_window->isSandbox());
        QVERIFY(banner()->isVisible());
        QCOMPARE(banner()->text(), QStringLiteral("Sandbox — no real money"));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("WeChat Pay Console — Sandbox"));
        QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("activeProfileLabel"))->text(),
            QStringLiteral("No merchant profile: using the built-in sandbox"));
        QCOMPARE(m_window->languageChoice(), QStringLiteral("system"));
        QVERIFY(m_window->findChild<QAction*>(QStringLiteral("languageSystemAction"))->isChecked());
        QCOMPARE(m_window->size(),
            QSize(1280, 800)
                .boundedTo(m_window->screen()->availableGeometry().size())
                .expandedTo(m_window->minimumSize()));
    }

    void showsWhatIsNotSettledYet()
    {
        makeWindow();
        m_window->show();
        auto* label = m_window->findChild<QLabel*>(QStringLiteral("openOperationsLabel"));
        QVERIFY(label);
        QVERIFY(!label->isVisible()); // nothing open
        const QDateTime next = QDateTime::currentDateTimeUtc().addSecs(120);
        m_window->showOpenOperations(2, next);
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().contains(u"2 operation"), qPrintable(label->text()));
        QVERIFY(label->text().contains(QLocale().toString(next.toLocalTime().time(), QLocale::ShortFormat)));
        QVERIFY(!label->toolTip().isEmpty());
        m_window->showOpenOperations(0, {});
        QVERIFY(!label->isVisible());
    }

    void shortcutsSwitchPanels_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("panel");
        QTest::addColumn<QString>("panelName");
        QTest::newRow("Ctrl+2") << int(Qt::Key_2) << int(MainWindow::Panel::Orders) << "ordersPanel";
        QTest::newRow("Ctrl+3") << int(Qt::Key_3) << int(MainWindow::Panel::Refunds) << "refundsPanel";
        QTest::newRow("Ctrl+4") << int(Qt::Key_4) << int(MainWindow::Panel::UnionId) << "unionIdPanel";
        QTest::newRow("Ctrl+5") << int(Qt::Key_5) << int(MainWindow::Panel::Settings) << "settingsPanel";
        QTest::newRow("Ctrl+1") << int(Qt::Key_1) << int(MainWindow::Panel::TakePayment) << "takePaymentPanel";
    }

    void shortcutsSwitchPanels()
    {
        QFETCH(int, key);
        QFETCH(int, panel);
        QFETCH(QString, panelName);
        makeWindow();
        // Start elsewhere, so that every row is a real switch.
        m_window->showPanel(
            panel == int(MainWindow::Panel::Orders) ? MainWindow::Panel::Refunds : MainWindow::Panel::Orders);
        QTest::keyClick(m_window.get(), static_cast<Qt::Key>(key), Qt::ControlModifier);
        QCOMPARE(int(m_window->currentPanel()), panel);
        auto* stack = m_window->findChild<QStackedWidget*>(QStringLiteral("panelsStackedWidget"));
        QCOMPARE(stack->currentWidget()->objectName(), panelName);
        QCOMPARE(m_window->findChild<QListWidget*>(QStringLiteral("navigationListWidget"))->currentRow(), panel);
    }

    void lockNeedsAManagerPin()
    {
        WXPAY_VERIFY_OK(m_fixture->profiles.save(wxpay::test::sampleProfile()));
        makeWindow();
        m_window->setManagerPinStore(&m_fixture->secrets, QStringLiteral("shop-1"));
        auto* lock = m_window->findChild<QAction*>(QStringLiteral("lockConsoleAction"));
        QVERIFY(lock);
        QCOMPARE(lock->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));

        // No PIN yet: the console stays open and says what to do.
        QTRY_COMPARE(m_window->managerPinBox()->hasPin(), std::optional<bool>(false));
        lock->trigger();
        QVERIFY(!m_window->lockScreen()->isLocked());
        QVERIFY(m_window->statusBar()->currentMessage().contains(u"manager PIN"));

        bool set = false;
        workflows::ManagerPin::set(m_fixture->secrets, QStringLiteral("shop-1"), QStringLiteral("2580"), this,
            [&set](Status status) { set = status.ok(); });
        QTRY_VERIFY(set);
        m_window->setManagerPinStore(&m_fixture->secrets, QStringLiteral("shop-1"));
        QTRY_COMPARE(m_window->managerPinBox()->hasPin(), std::optional<bool>(true));

        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
        QVERIFY(m_window->lockScreen()->isLocked());
        QVERIFY(m_window->lockScreen()->isVisible());
        QVERIFY(!m_window->menuBar()->isEnabled());
        // The panel shortcuts are off while locked.
        QTest::keyClick(m_window.get(), Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(m_window->currentPanel(), MainWindow::Panel::TakePayment);

        auto* pin = m_window->findChild<QLineEdit*>(QStringLiteral("unlockPinLineEdit"));
        QTest::keyClicks(pin, QStringLiteral("2580"));
        QTest::keyClick(pin, Qt::Key_Return);
        QTRY_VERIFY(!m_window->lockScreen()->isLocked());
        QVERIFY(m_window->menuBar()->isEnabled());
        QTest::keyClick(m_window.get(), Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(m_window->currentPanel(), MainWindow::Panel::Settings);
    }

    void refundOfAnOrderOpensTheRefundsPanel()
    {
        makeWindow();
        Q_EMIT m_window->ordersPanel()->refundRequested(QStringLiteral("N20250618103000abcdEFGH"));
        QCOMPARE(m_window->currentPanel(), MainWindow::Panel::Refunds);
        QCOMPARE(m_window->refundsPanel()->findChild<QLineEdit*>(QStringLiteral("outTradeNoLineEdit"))->text(),
            QStringLiteral("N20250618103000abcdEFGH"));
    }

    void bannerFollowsTheActiveProfile()
    {
        MerchantProfile real = wxpay::test::sampleProfile();
        MerchantProfile sandbox = wxpay::test::sampleProfile(QStringLiteral("sandbox"));
        sandbox.sandbox = true;
        WXPAY_VERIFY_OK(m_fixture->profiles.save(real));
        WXPAY_VERIFY_OK(m_fixture->profiles.save(sandbox));
        WXPAY_VERIFY_OK(m_fixture->profiles.setCurrentProfileId(QStringLiteral("shop-1")));
        makeWindow();
        QVERIFY(!m_window->isSandbox());
        QVERIFY(banner()->isHidden());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("WeChat Pay Console"));
        QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("activeProfileLabel"))->text(),
            QStringLiteral("Merchant: Shop 1 (1900009191)"));

        // Choosing the sandbox profile in Settings raises the banner at once.
        QTest::keyClick(m_window.get(), Qt::Key_5, Qt::ControlModifier);
        auto* list = m_window->findChild<QListWidget*>(QStringLiteral("profilesListWidget"));
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->toolTip() == u"sandbox")
                list->setCurrentRow(i);
        }
        m_window->findChild<QPushButton*>(QStringLiteral("useProfilePushButton"))->click();
        QCOMPARE(m_fixture->profiles.currentProfileId(), QStringLiteral("sandbox"));
        QVERIFY(m_window->isSandbox());
        QVERIFY(banner()->isVisible());
    }

    void geometryIsRemembered()
    {
        makeWindow();
        m_window->setGeometry(QRect(40, 50, 1000, 700));
        QCOMPARE(m_window->size(), QSize(1000, 700));
        m_window->close();
        QVERIFY(m_fixture->settings.contains(MainWindow::geometryKey()));
        m_window.reset();

        makeWindow();
        QCOMPARE(m_window->size(), QSize(1000, 700));
        // Where the window manager puts the frame may differ by its border.
        QVERIFY2((m_window->pos() - QPoint(40, 50)).manhattanLength() <= 8,
            qPrintable(QStringLiteral("%1,%2").arg(m_window->pos().x()).arg(m_window->pos().y())));
    }

    void languageSwitchesAtOnce()
    {
        makeWindow();
        m_window->findChild<QAction*>(QStringLiteral("languageChineseAction"))->trigger();
        QCOMPARE(m_fixture->settings.value(MainWindow::languageKey()).toString(), QStringLiteral("zh_CN"));
        auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigationListWidget"));
        QTRY_COMPARE(navigation->item(0)->text(), QString::fromUtf8("收款"));
        QCOMPARE(banner()->text(), QString::fromUtf8("沙箱环境 — 不涉及真实资金"));
        QCOMPARE(m_window->windowTitle(), QString::fromUtf8("微信支付收银台 — 沙箱"));
        QVERIFY(m_window->findChild<QAction*>(QStringLiteral("languageChineseAction"))->isChecked());
        // Panels deep inside follow too.
        QCOMPARE(m_window->findChild<QWidget*>(QStringLiteral("settingsPanel"))
                     ->findChild<QPushButton*>(QStringLiteral("saveProfilePushButton"))
                     ->text(),
            QString::fromUtf8("保存配置"));

        m_window->findChild<QAction*>(QStringLiteral("languageEnglishAction"))->trigger();
        QTRY_COMPARE(navigation->item(0)->text(), QStringLiteral("Take payment"));
        QCOMPARE(m_fixture->settings.value(MainWindow::languageKey()).toString(), QStringLiteral("en"));
    }

    void translationFollowsTheLocale()
    {
        QCOMPARE(languageForLocale(QLocale(QLocale::Chinese, QLocale::Taiwan)), QStringLiteral("zh_CN"));
        QCOMPARE(languageForLocale(QLocale(QLocale::German)), QStringLiteral("en"));
        QCOMPARE(localeForChoice(QStringLiteral("zh_CN")).language(), QLocale::Chinese);
        QCOMPARE(localeForChoice(QStringLiteral("en")).language(), QLocale::English);
        QCOMPARE(localeForChoice(QStringLiteral("system"), QLocale(QLocale::French)).language(), QLocale::French);
        // Installing twice replaces, never stacks.
        installTranslation(*qApp, QLocale(QLocale::Chinese, QLocale::China));
        installTranslation(*qApp, QLocale(QLocale::Chinese, QLocale::China));
        int ours = 0;
        for (QTranslator* t : qApp->findChildren<QTranslator*>())
            ours += t->objectName() == u"wxpayConsoleTranslator" ? 1 : 0;
        QCOMPARE(ours, 1);
        QCOMPARE(QCoreApplication::translate("wxpay::ui::MainWindow", "Take payment"), QString::fromUtf8("收款"));
    }

    void aboutBoxDoesNotBlock()
    {
        QApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        makeWindow();
        m_window->findChild<QAction*>(QStringLiteral("aboutAction"))->trigger();
        auto* box = m_window->findChild<QMessageBox*>(QStringLiteral("aboutMessageBox"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY(box->text().contains(u"9.8.7"));
        box->findChild<QPushButton*>(QStringLiteral("closeAboutPushButton"))->click();
        QTRY_VERIFY(!m_window->findChild<QMessageBox*>(QStringLiteral("aboutMessageBox")));
    }

private:
    void makeWindow()
    {
        m_window = std::make_unique<MainWindow>(&m_fixture->profiles, &m_fixture->import, &m_fixture->settings);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    QLabel* banner() const { return m_window->findChild<QLabel*>(QStringLiteral("sandboxBannerLabel")); }

    std::unique_ptr<CredentialsFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
