#pragma once

#include "common/clock.h"
#include "common/money.h"
#include "common/result.h"
#include "customerview.h"
#include "qr/qrcode.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTimer;

namespace wxpay::ui {

class QrCodeWidget;

// A Native order's QR code for the cashier: the code (as large as the view allows, never blurry), the amount, the
// merchant, a live countdown to expiry and the order's state as the caller reports it. "Save QR" writes PNG or SVG;
// "Customer view" opens the full-screen CustomerView, on a second screen when there is one.
class QrView : public QWidget
{
    Q_OBJECT

public:
    explicit QrView(QWidget* parent = nullptr);
    ~QrView() override;

    // The source of "now" for the countdown; null means the system clock. Must outlive the view.
    void setClock(const Clock* clock);

    // Shows a new order in state Waiting. Input error QR_EMPTY / QR_TOO_LONG when the code_url cannot be a QR code
    // (the view is then cleared).
    Status showOrder(
        const QString& codeUrl, const Money& amount, const QString& merchantName, const QDateTime& expiresAt);
    void clear();
    void setState(QrState state);
    QrState state() const { return m_state; }
    QString codeUrl() const { return m_codeUrl; }
    QString countdownText() const;

    // Writes the code to `path`: SVG when it ends in .svg, PNG otherwise. Input QR_NONE when no code is on show,
    // Storage QR_SAVE_FAILED when the file cannot be written.
    Status saveQr(const QString& path) const;

    void showCustomerView();
    void closeCustomerView();
    CustomerView* customerView() const { return m_customerView; } // null until first shown

Q_SIGNALS:
    // The countdown reached zero while the order was waiting: the caller should query, then close the order.
    void expired();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateCountdown();
    void chooseFileAndSave();
    void retranslateUi();
    void syncCustomerView();

    const Clock* m_clock = nullptr;
    SystemClock m_systemClock;
    QrCodeWidget* m_qr = nullptr;
    QLabel* m_merchant = nullptr;
    QLabel* m_amount = nullptr;
    QLabel* m_stateLabel = nullptr;
    QLabel* m_countdown = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_saveStatus = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_customer = nullptr;
    QTimer* m_timer = nullptr;
    QPointer<CustomerView> m_customerView;

    std::optional<qr::QrCode> m_code;
    QString m_codeUrl;
    Money m_money;
    QString m_merchantName;
    QDateTime m_expiresAt;
    QrState m_state = QrState::Waiting;
    bool m_expiredSignalled = false;
};

} // namespace wxpay::ui
