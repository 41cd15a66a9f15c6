#pragma once

#include "common/money.h"
#include "credentials/credentialstore.h"
#include "workflows/context.h"
#include "workflows/refunds.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace wxpay::ui {

class AmountEdit;
class ErrorBox;

// Refunds: an order of the history, what is left to refund on it, the amount and reason; a confirmation that repeats
// both and, when the profile has one, the manager PIN; then RefundWorkflow, whose stage is shown in words. Beside
// it the profile's latest refunds and "Check all pending refunds" (RefundCheck::checkPending).
class RefundsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RefundsPanel(QWidget* parent = nullptr);
    ~RefundsPanel() override;

    // The active profile. Until it is given the panel says the profile is opening and nothing can be refunded.
    // `pins` holds the profile's manager PIN and must outlive the panel; the context's objects must outlive the
    // workflows the panel runs on it (see isBusy()).
    void setContext(const workflows::WorkflowContext& context, credentials::CredentialStore* pins);
    bool hasContext() const { return m_context.has_value(); }
    // True while a refund or a check runs: the context must not change then.
    bool isBusy() const;

    // Fills the order field and shows what can be refunded on it (e.g. from the Orders panel).
    void setOrder(const QString& outTradeNo);
    // What may still be refunded on the loaded order; nothing when no paid order is loaded.
    std::optional<Money> refundable() const { return m_refundable; }
    // What "Refund…" does: checks the amount, then asks for confirmation (and the PIN).
    void requestRefund();
    // What "Check all pending refunds" does.
    void checkPending();
    // Reads the list of latest refunds again.
    void reloadRefunds();

    workflows::RefundWorkflow* refundWorkflow() const { return m_refund; }

protected:
    void changeEvent(QEvent* event) override;

private:
    // Shows what can be refunded on the order in the field; `prefill` puts the remainder in the amount field.
    void loadOrder(bool prefill);
    void clearOrder();
    void checkAmount();
    void confirmed(const workflows::RefundStartRequest& request);
    void startRefund(const workflows::RefundStartRequest& request);
    void onRefundStage(workflows::RefundWorkflow::Stage stage);
    void onRefundFinished(const workflows::RefundWorkflow::Outcome& outcome);
    void onCheckFinished(const workflows::RefundCheck::Outcome& outcome);
    void showAmountProblem(std::function<QString()> text);
    void updateEnabled();
    void renderOrder();
    void renderStage();
    void renderRefunds();
    void retranslateUi();

    std::optional<workflows::WorkflowContext> m_context;
    credentials::CredentialStore* m_pins = nullptr;
    QPointer<workflows::RefundWorkflow> m_refund;
    QPointer<workflows::RefundCheck> m_check;
    std::optional<Money> m_refundAmount; // of the running or last refund
    bool m_confirming = false; // between "Refund…" and the start: confirmation, PIN state, PIN dialog
    quint64 m_generation = 0; // bumped by setContext(): answers for an earlier profile are dropped
    QPointer<QWidget> m_dialog; // the confirmation or the PIN dialog on show
    QList<storage::RefundRecord> m_rows; // the list on show

    // The loaded order: what the order sentence says.
    QString m_loadedOrder;
    std::optional<storage::OrderRecord> m_order;
    std::optional<Money> m_refundable;
    std::function<QString()> m_orderText;
    std::function<QString()> m_amountProblem;
    std::function<QString()> m_checkText;

    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_orderLabel = nullptr;
    QLineEdit* m_outTradeNo = nullptr;
    QPushButton* m_load = nullptr;
    QLabel* m_orderInfo = nullptr;
    QLabel* m_amountLabel = nullptr;
    AmountEdit* m_amount = nullptr;
    QLabel* m_amountProblemLabel = nullptr;
    QLabel* m_reasonLabel = nullptr;
    QLineEdit* m_reason = nullptr;
    QPushButton* m_refundButton = nullptr;
    QLabel* m_stage = nullptr;
    ErrorBox* m_errorBox = nullptr;

    QLabel* m_listTitle = nullptr;
    QTableView* m_table = nullptr;
    QStandardItemModel* m_model = nullptr;
    QPushButton* m_checkPending = nullptr;
    QProgressBar* m_checkProgress = nullptr;
    QLabel* m_checkResult = nullptr;
    ErrorBox* m_listErrorBox = nullptr;
};

} // namespace wxpay::ui
