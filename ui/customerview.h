#pragma once

#include "common/money.h"
#include "qr/qrcode.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace wxpay::ui {

class QrCodeWidget;

// Where a Native order stands, as the caller (the payment workflow) reports it.
enum class QrState
{
    Waiting, // the code is live: the customer may scan and pay
    Paid,
    Closed,
    Expired,
};

// What covers the code once it must not be scanned (empty while Waiting), and in which colour.
QString qrCoverText(QrState state);
QColor qrStateColor(QrState state);

// The screen the customer view goes to: the first screen that is not the console's when there are several,
// else the console's own.
int customerScreenIndex(int screenCount, int consoleScreenIndex);

// The full-screen window the customer looks at: just the QR code, the amount and the merchant. Its own top-level
// window, so it can go to a second screen facing the customer; when it covers the console's only screen, Esc
// closes it.
class CustomerView : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerView(QWidget* parent = nullptr);

    void setOrder(const std::optional<qr::QrCode>& code, const Money& amount, const QString& merchantName);
    void setState(QrState state);
    QrState state() const { return m_state; }
    // Full screen on the screen customerScreenIndex() picks, next to `console`.
    void showOnCustomerScreen(const QWidget* console);
    bool isOnOwnScreen() const { return m_ownScreen; }

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void retranslateUi();

    QrCodeWidget* m_qr = nullptr;
    QLabel* m_merchant = nullptr;
    QLabel* m_amount = nullptr;
    QLabel* m_instruction = nullptr;
    QLabel* m_closeHint = nullptr;
    QrState m_state = QrState::Waiting;
    bool m_ownScreen = false;
};

} // namespace wxpay::ui
