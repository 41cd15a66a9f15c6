// `wxpay-console --screenshots DIR`: every view at 1280×800, in both languages, and the QR still decodes.
#include "qrdecode.h"
#include "screenshots.h"
#include "support/testsupport.h"
#include "translation.h"

#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace wxpay;

class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase() { ui::installTranslation(*qApp, QLocale(QLocale::English)); }

    void rendersEveryView_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << "en";
        QTest::newRow("zh_CN") << "zh_CN";
    }

    void rendersEveryView()
    {
        QFETCH(QString, language);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(QStringLiteral("shots"));
        const auto written = console::renderScreenshots(target, language);
        WXPAY_VERIFY_OK(written);
        const QStringList names { QStringLiteral("01-take-payment"), QStringLiteral("02-take-payment-amount-error"),
            QStringLiteral("03-qr-view"), QStringLiteral("04-qr-view-paid"), QStringLiteral("05-customer-view"),
            QStringLiteral("06-take-payment-qr"), QStringLiteral("07-take-payment-qr-paid"),
            QStringLiteral("08-quick-pay-waiting"), QStringLiteral("09-quick-pay-cancelled"),
            QStringLiteral("10-quick-pay-paid"), QStringLiteral("11-quick-pay-not-paid"), QStringLiteral("12-orders"),
            QStringLiteral("13-order-detail"), QStringLiteral("14-refunds"), QStringLiteral("15-refund-confirm"),
            QStringLiteral("16-refund-pin"), QStringLiteral("17-refund-done"), QStringLiteral("18-unionid"),
            QStringLiteral("19-unionid-result"), QStringLiteral("20-settings"),
            QStringLiteral("21-settings-field-errors"), QStringLiteral("22-import-keys"),
            QStringLiteral("23-settings-connection"), QStringLiteral("24-settings-pin"), QStringLiteral("25-locked") };
        QCOMPARE(written->size(), names.size());
        for (int i = 0; i < names.size(); ++i) {
            QCOMPARE(QFileInfo(written->at(i)).completeBaseName(), names.at(i));
            const QImage image(written->at(i));
            QVERIFY2(!image.isNull(), qPrintable(written->at(i)));
            QCOMPARE(image.deviceIndependentSize().toSize(), QSize(1280, 800));
        }
        QCOMPARE(wxpay::test::decodeQr(QImage(written->at(2))), QStringLiteral("weixin://wxpay/bizpayurl?pr=NwY5Mz9"));
        QCOMPARE(wxpay::test::decodeQr(QImage(written->at(4))), QStringLiteral("weixin://wxpay/bizpayurl?pr=NwY5Mz9"));
        // The live Native order from the sandbox is on screen and scannable.
        QVERIFY(wxpay::test::decodeQr(QImage(written->at(5))).startsWith(u"weixin://wxpay/bizpayurl"));
    }

    void refusesAnUnwritableFolder()
    {
        WXPAY_VERIFY_ERROR(console::renderScreenshots(QStringLiteral("/proc/no-such-place"), QStringLiteral("en")),
            ErrorKind::Storage, QStringLiteral("SCREENSHOT_FAILED"));
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
