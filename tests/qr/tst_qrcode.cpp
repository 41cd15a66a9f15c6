// A rendered QR code must decode back, with a real decoder, to exactly the text encoded.
#include "qr/qrcode.h"
#include "support/testsupport.h"

#include <QPainter>
#include <QSvgRenderer>
#include <QTest>

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

using namespace wxpay;
using namespace wxpay::qr;

namespace {

QString decode(const QImage& image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(
        gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum, static_cast<int>(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}

} // namespace

class TestQrCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imageDecodesToTheText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("moduleSize");
        QTest::newRow("v2 code_url") << "weixin://wxpay/bizpayurl?pr=NwY5Mz9" << 4;
        QTest::newRow("global code_url") << "weixin://wxpay/s/An4baqw" << 2;
        QTest::newRow("large") << "weixin://wxpay/bizpayurl?pr=NwY5Mz9" << 10;
        QTest::newRow("utf-8") << QString::fromUtf8("微信支付 ¥12.34") << 4;
        QTest::newRow("long") << QString(300, u'x') << 3;
    }

    void imageDecodesToTheText()
    {
        QFETCH(QString, text);
        QFETCH(int, moduleSize);
        const auto code = QrCode::encode(text);
        WXPAY_VERIFY_OK(code);
        const QImage image = code->toImage(moduleSize);
        QCOMPARE(image.width(), (code->size() + 2 * kQuietZoneModules) * moduleSize);
        QCOMPARE(decode(image), text);
    }

    void quietZoneIsLight()
    {
        const auto code = QrCode::encode(QStringLiteral("weixin://wxpay/bizpayurl?pr=NwY5Mz9"));
        WXPAY_VERIFY_OK(code);
        const QImage image = code->toImage(3);
        const int zone = kQuietZoneModules * 3;
        for (int i = 0; i < image.width(); ++i) {
            QCOMPARE(image.pixelColor(i, zone - 1), QColor(Qt::white));
            QCOMPARE(image.pixelColor(zone - 1, i), QColor(Qt::white));
        }
        // The top-left finder pattern starts right after the quiet zone.
        QCOMPARE(image.pixelColor(zone, zone), QColor(Qt::black));
    }

    void fitsInTheGivenSpace()
    {
        const auto code = QrCode::encode(QStringLiteral("weixin://wxpay/bizpayurl?pr=NwY5Mz9"));
        WXPAY_VERIFY_OK(code);
        const QImage image = code->toImageFitting(300);
        QVERIFY(image.width() <= 300);
        QVERIFY(image.width() > 300 - (code->size() + 2 * kQuietZoneModules));
        QCOMPARE(decode(image), QStringLiteral("weixin://wxpay/bizpayurl?pr=NwY5Mz9"));
    }

    void svgDecodesToTheText()
    {
        const QString text = QStringLiteral("weixin://wxpay/s/An4baqw");
        const auto code = QrCode::encode(text);
        WXPAY_VERIFY_OK(code);
        QSvgRenderer renderer(code->toSvg());
        QVERIFY(renderer.isValid());
        QImage image(400, 400, QImage::Format_RGB32);
        image.fill(Qt::gray);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        QCOMPARE(decode(image), text);
    }

    void refusesWhatCannotBeEncoded()
    {
        WXPAY_VERIFY_ERROR(QrCode::encode(QString()), ErrorKind::Input, QStringLiteral("QR_EMPTY"));
        WXPAY_VERIFY_ERROR(QrCode::encode(QString(8000, u'x')), ErrorKind::Input, QStringLiteral("QR_TOO_LONG"));
    }
};

QTEST_GUILESS_MAIN(TestQrCode)
#include "tst_qrcode.moc"
