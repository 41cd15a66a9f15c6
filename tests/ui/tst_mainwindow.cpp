#include "mainwindow.h"
#include "translation.h"

#include <QApplication>
#include <QLabel>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

using namespace wxpay::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHaveDefaultValues()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* banner = window.findChild<QLabel*>(QStringLiteral("sandboxBannerLabel"));
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        QVERIFY(window.findChild<QTabWidget*>(QStringLiteral("panelsTabWidget")));
        window.setSandbox(false);
        QVERIFY(!banner->isVisible());
    }

    void speaksSimplifiedChinese()
    {
        QCOMPARE(installTranslation(*qApp, QLocale(QLocale::Chinese, QLocale::China)), QStringLiteral("zh_CN"));
        MainWindow window;
        QCOMPARE(window.windowTitle(), QStringLiteral("微信支付收银台"));
        const auto translators = qApp->findChildren<QTranslator*>();
        for (QTranslator* t : translators) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QCOMPARE(installTranslation(*qApp, QLocale(QLocale::English)), QStringLiteral("en"));
        MainWindow english;
        QCOMPARE(english.windowTitle(), QStringLiteral("WeChat Pay Console"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
