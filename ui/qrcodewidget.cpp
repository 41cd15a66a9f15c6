#include "qrcodewidget.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace wxpay::ui {

QrCodeWidget::QrCodeWidget(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void QrCodeWidget::setCode(std::optional<qr::QrCode> code)
{
    m_code = std::move(code);
    m_cache = QImage();
    update();
}

void QrCodeWidget::setCoverText(const QString& text, const QColor& color)
{
    m_cover = text;
    m_coverColor = color;
    update();
}

QSize QrCodeWidget::sizeHint() const
{
    return { 360, 360 };
}

QSize QrCodeWidget::minimumSizeHint() const
{
    return { 160, 160 };
}

void QrCodeWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const int side = std::min(width(), height());
    const QRect square((width() - side) / 2, (height() - side) / 2, side, side);
    painter.fillRect(square, Qt::white);

    if (!m_cover.isEmpty() || !m_code) {
        QFont font = painter.font();
        font.setPointSizeF(font.pointSizeF() * 2.4);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(m_cover.isEmpty() ? palette().color(QPalette::PlaceholderText) : m_coverColor);
        painter.drawRect(square.adjusted(0, 0, -1, -1));
        painter.drawText(square.adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, m_cover);
        return;
    }

    // Work in device pixels: toImageFitting picks the largest whole module size that fits.
    const qreal dpr = devicePixelRatioF();
    const int devicePixels = static_cast<int>(side * dpr);
    if (m_cache.isNull() || m_cache.devicePixelRatio() != dpr || m_cache.width() > devicePixels
        || m_cache.width() + m_code->size() + 2 * qr::kQuietZoneModules <= devicePixels) {
        m_cache = m_code->toImageFitting(devicePixels);
        m_cache.setDevicePixelRatio(dpr);
    }
    const QSizeF logical = m_cache.deviceIndependentSize();
    const QPointF topLeft(square.x() + (side - logical.width()) / 2, square.y() + (side - logical.height()) / 2);
    // Snap to a whole device pixel so module edges stay sharp.
    const QPointF snapped(std::round(topLeft.x() * dpr) / dpr, std::round(topLeft.y() * dpr) / dpr);
    painter.drawImage(snapped, m_cache);
}

} // namespace wxpay::ui
