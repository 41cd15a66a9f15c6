#pragma once

#include "common/money.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;

namespace wxpay::ui {

// The amount field: a line edit that takes what cashiers type ("12.5", "¥12.50", "１２.５") and, right below it, a
// plain-words message when the text is not an amount (with a red border on the field). Problems that more typing
// can fix (an empty field, "0" on the way to "0.50") are shown only when the cashier presses Enter.
class AmountEdit : public QWidget
{
    Q_OBJECT

public:
    explicit AmountEdit(QWidget* parent = nullptr);

    void setCurrency(const QString& currency); // default CNY
    QString currency() const { return m_currency; }

    std::optional<Money> amount() const; // the typed amount, when it is one
    QString problemText() const; // the message on show, empty when none
    QLineEdit* lineEdit() const { return m_lineEdit; }
    void clear();

Q_SIGNALS:
    // The text became a valid amount, or changed from one valid amount to another.
    void amountChanged(const wxpay::Money& amount);
    // Valid amount or not changed; lets a panel enable the button that uses it.
    void acceptableChanged(bool acceptable);
    // Enter was pressed on a valid amount.
    void submitted(const wxpay::Money& amount);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void revalidate(bool submitting);
    void showProblem(bool visible);
    void retranslateUi();

    QLineEdit* m_lineEdit = nullptr;
    QLabel* m_message = nullptr;
    QString m_currency = QStringLiteral("CNY");
    std::optional<Money> m_amount;
    std::optional<Error> m_problem; // the problem on show
};

} // namespace wxpay::ui
