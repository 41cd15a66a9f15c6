#include "qr/qrcode.h"

#include <QPainter>
#include <qrencode.h>

#include <memory>

namespace wxpay::qr {

namespace {
struct QrcodeDeleter
{
    void operator()(QRcode* code) const { QRcode_free(code); }
};
} // namespace

Result<QrCode> QrCode::encode(const QString& text)
{
    if (text.isEmpty())
        return Error::input(QStringLiteral("QR_EMPTY"), QStringLiteral("nothing to encode"));
    const QByteArray utf8 = text.toUtf8();
    // 8-bit mode keeps the bytes exactly as given (no Kanji or alphanumeric reinterpretation).
    std::unique_ptr<QRcode, QrcodeDeleter> code(QRcode_encodeData(
        static_cast<int>(utf8.size()), reinterpret_cast<const unsigned char*>(utf8.constData()), 0, QR_ECLEVEL_M));
    if (!code)
        return Error::input(QStringLiteral("QR_TOO_LONG"), QStringLiteral("text too long for a QR code"));

    QrCode qr;
    qr.m_size = code->width;
    const auto count = static_cast<size_t>(code->width) * static_cast<size_t>(code->width);
    qr.m_modules.resize(count);
    for (size_t i = 0; i < count; ++i)
        qr.m_modules[i] = (code->data[i] & 1) != 0;
    return qr;
}

QImage QrCode::toImage(int moduleSize, QColor dark, QColor light) const
{
    moduleSize = qMax(1, moduleSize);
    const int side = (m_size + 2 * kQuietZoneModules) * moduleSize;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(light);
    QPainter painter(&image);
    painter.setPen(Qt::NoPen);
    painter.setBrush(dark);
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size; ++x) {
            if (isDark(x, y)) {
                painter.drawRect(
                    (x + kQuietZoneModules) * moduleSize, (y + kQuietZoneModules) * moduleSize, moduleSize, moduleSize);
            }
        }
    }
    return image;
}

QImage QrCode::toImageFitting(int pixels) const
{
    return toImage(pixels / (m_size + 2 * kQuietZoneModules));
}

QByteArray QrCode::toSvg(int moduleSize) const
{
    const int side = m_size + 2 * kQuietZoneModules;
    QByteArray path;
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size; ++x) {
            if (isDark(x, y))
                path += 'M' + QByteArray::number(x + kQuietZoneModules) + ','
                    + QByteArray::number(y + kQuietZoneModules) + "h1v1h-1z";
        }
    }
    const QByteArray sideText = QByteArray::number(side);
    const QByteArray pixels = QByteArray::number(side * qMax(1, moduleSize));
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + pixels + "\" height=\"" + pixels + "\" viewBox=\"0 0 " + sideText + ' ' + sideText
        + "\" shape-rendering=\"crispEdges\">\n"
          "<rect width=\""
        + sideText + "\" height=\"" + sideText
        + "\" fill=\"#ffffff\"/>\n"
          "<path fill=\"#000000\" d=\""
        + path
        + "\"/>\n"
          "</svg>\n";
}

} // namespace wxpay::qr
