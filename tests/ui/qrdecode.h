#pragma once

// Decodes the one QR code in an image with a real decoder (ZXing), as a customer's phone would.

#include <QImage>
#include <QString>

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

namespace wxpay::test {

inline QString decodeQr(const QImage& image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(
        gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum, static_cast<int>(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}

} // namespace wxpay::test
