#pragma once

#include "common/result.h"
#include "workflows/context.h"
#include "workflows/nativecheckout.h"
#include "workflows/quickpay.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace wxpay::ui {

class AmountEdit;
class ErrorBox;
class QrView;

// What the panel takes payments with, composed by the application for the active merchant profile.
struct PaymentSetup
{
    workflows::WorkflowContext context;
    QString merchantName;
    QString deviceId;
    workflows::NativeCheckoutOptions nativeOptions;
    workflows::QuickPayOptions quickPayOptions;
    // Sandbox only: the customer's phone paying a Native order. Empty for a real merchant.
    std::function<Status(const QString& outTradeNo)> customerPays;
};

// Take payment: the amount, a description and the way to collect it: a QR code for the customer to scan (Native)
// or the customer's payment code scanned at the till (Quick Pay). Presentation only: the workflows decide, the
// panel shows their stages and outcome in the cashier's words.
class TakePaymentPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Method
    {
        Native,
        QuickPay,
    };

    enum class NotReady
    {
        PreparingSandbox, // the built-in sandbox makes its keys
        OpeningProfile, // the merchant's keys are read from the keychain
        Failed, // the session could not be opened: the error says why
    };

    explicit TakePaymentPanel(QWidget* parent = nullptr);
    ~TakePaymentPanel() override;

    AmountEdit* amountEdit() const { return m_amount; }
    void setCurrency(const QString& currency);

    // Payments can be taken once a setup is given; until then the panel says what the console is waiting for.
    void setPaymentSetup(const PaymentSetup& setup);
    void setNotReady(NotReady reason);
    // Shows why payments cannot be taken (the session could not be opened), as a plain sentence with details.
    void showSetupError(const Error& error);
    bool hasPaymentSetup() const { return m_setup.has_value(); }
    // True while a payment runs: the setup must not change then.
    bool isBusy() const;

    void setMethod(Method method);
    Method method() const;

    QrView* qrView() const { return m_qr; }
    workflows::NativeCheckout* nativeCheckout() const { return m_native; }
    workflows::QuickPay* quickPay() const { return m_quickPay; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateEnabled();
    void startNative();
    void startQuickPay();
    void customerPays();
    void onNativeStage(workflows::NativeCheckout::Stage stage);
    void onNativeFinished(const workflows::NativeCheckout::Outcome& outcome);
    void onQuickPayStage(workflows::QuickPay::Stage stage, int attempt);
    void onQuickPayFinished(const workflows::QuickPay::Outcome& outcome);
    void renderNative();
    void renderQuickPay();
    void newPayment();

    std::optional<PaymentSetup> m_setup;
    std::optional<NotReady> m_notReady;
    QPointer<workflows::NativeCheckout> m_native;
    QPointer<workflows::QuickPay> m_quickPay;
    std::optional<workflows::NativeCheckout::Stage> m_nativeStage;
    std::optional<workflows::QuickPay::Stage> m_quickPayStage;
    bool m_cancelRequested = false;

    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_amountLabel = nullptr;
    AmountEdit* m_amount = nullptr;
    QLabel* m_ready = nullptr;
    QLabel* m_descriptionLabel = nullptr;
    QLineEdit* m_description = nullptr;
    QButtonGroup* m_methodGroup = nullptr;
    QRadioButton* m_nativeRadio = nullptr;
    QRadioButton* m_quickPayRadio = nullptr;
    QStackedWidget* m_methodStack = nullptr;
    QPushButton* m_startNative = nullptr;
    QLabel* m_codeLabel = nullptr;
    QLineEdit* m_code = nullptr;
    QLabel* m_codeHint = nullptr;

    QWidget* m_nativeBox = nullptr;
    QrView* m_qr = nullptr;
    QLabel* m_nativeStatus = nullptr;
    QPushButton* m_closeOrder = nullptr;
    QPushButton* m_customerPays = nullptr;

    QWidget* m_quickPayBox = nullptr;
    QLabel* m_progress = nullptr;
    QLabel* m_result = nullptr;
    QLabel* m_reason = nullptr;
    QPushButton* m_cancel = nullptr;

    QPushButton* m_newPayment = nullptr;

    ErrorBox* m_errorBox = nullptr;
};

} // namespace wxpay::ui
