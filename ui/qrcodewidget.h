#pragma once

#include "qr/qrcode.h"

#include <QImage>
#include <QWidget>

#include <optional>

namespace wxpay::ui {

// Paints a QR code as large as the widget allows, every module a whole number of device pixels (so it is never
// blurry, at any size or screen scale), centred on white. With `coverText` set, the code is hidden behind that
// text instead: a paid, closed or expired order's code must not be scanned again.
class QrCodeWidget : public QWidget
{
    Q_OBJECT

public:
    explicit QrCodeWidget(QWidget* parent = nullptr);

    void setCode(std::optional<qr::QrCode> code);
    const std::optional<qr::QrCode>& code() const { return m_code; }
    void setCoverText(const QString& text, const QColor& color);
    QString coverText() const { return m_cover; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::optional<qr::QrCode> m_code;
    QString m_cover;
    QColor m_coverColor;
    QImage m_cache; // the image for the last painted size
};

} // namespace wxpay::ui
