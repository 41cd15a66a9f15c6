#pragma once

#include <QWidget>

class QLabel;

namespace wxpay::ui {

class AmountEdit;

// Take payment: the amount field, ready for the payment flow (QR code or the customer's payment code), which
// comes with the payment workflows.
class TakePaymentPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TakePaymentPanel(QWidget* parent = nullptr);

    AmountEdit* amountEdit() const { return m_amount; }
    void setCurrency(const QString& currency);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* m_title = nullptr;
    QLabel* m_amountLabel = nullptr;
    AmountEdit* m_amount = nullptr;
    QLabel* m_ready = nullptr;
    QLabel* m_comingNext = nullptr;
};

} // namespace wxpay::ui
