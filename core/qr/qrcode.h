#pragma once

// code_url -> QR code, via libqrencode. Error correction M and a 4-module quiet zone: what phone
// scanners (and WeChat's own code_url QR codes) use, robust on a shop counter display.

#include "common/result.h"

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QString>

#include <vector>

namespace wxpay::qr {

inline constexpr int kQuietZoneModules = 4;

class QrCode
{
public:
    // Encodes `text` as UTF-8 bytes; Input error QR_EMPTY / QR_TOO_LONG.
    static Result<QrCode> encode(const QString& text);

    int size() const { return m_size; } // modules per side, without the quiet zone
    bool isDark(int x, int y) const { return m_modules[static_cast<size_t>(y * m_size + x)]; }

    // A crisp image: every module is exactly `moduleSize` pixels, plus the quiet zone.
    QImage toImage(int moduleSize, QColor dark = Qt::black, QColor light = Qt::white) const;
    // The largest crisp image that fits in `pixels` x `pixels` (at least 1 pixel per module).
    QImage toImageFitting(int pixels) const;
    // A scalable SVG with one path, the quiet zone included.
    QByteArray toSvg(int moduleSize = 8) const;

private:
    int m_size = 0;
    std::vector<bool> m_modules;
};

} // namespace wxpay::qr
