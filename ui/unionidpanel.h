#pragma once

#include "storage/records.h"
#include "workflows/unionidlookup.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QButtonGroup;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace wxpay::ui {

class ErrorBox;

// UnionID: the payer's unionid after a payment made in the merchant's mini-program (UnionIdLookup), by the payer's
// openid and the order: its transaction_id, or mch_id + out_trade_no. WeChat answers only within 5 minutes of the
// payment, which the panel says. The unionid found is shown large and selectable, with a copy button, and whether
// it was kept with the order in the history. Presentation only: the workflow checks the query and explains refusals.
class UnionIdPanel : public QWidget
{
    Q_OBJECT

public:
    explicit UnionIdPanel(QWidget* parent = nullptr);
    ~UnionIdPanel() override;

    // The active profile's context; until one is given the panel says the profile is opening. A lookup still
    // running for an earlier context is dropped.
    void setContext(const workflows::UnionIdContext& context);
    // The active profile is being opened again (e.g. another one was chosen): back to "opening".
    void clearContext();
    bool hasContext() const { return m_context.has_value(); }

    // From the Orders panel: the payer's openid, and the order's transaction_id when it has one, else the
    // profile's merchant ID and the out_trade_no. Clears the last result.
    void prefill(const storage::OrderRecord& order);

    // What "Look up" (and Enter) does. Refusals of the query are shown at the field they are about; nothing is sent.
    void lookUp();
    bool isBusy() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class By
    {
        TransactionId,
        OutTradeNo,
    };

    void setBy(By by);
    By by() const;
    QString merchantIdOfProfile() const;
    void showInputError(QLineEdit* field, std::function<QString()> text);
    void clearInputError();
    void clearResult();
    void onFinished(const workflows::UnionIdLookup::Outcome& outcome);
    void updateEnabled();
    void retranslateUi();

    std::optional<workflows::UnionIdContext> m_context;
    QPointer<workflows::UnionIdLookup> m_lookup;
    std::function<QString()> m_inputErrorText; // re-evaluated when the language changes
    std::optional<bool> m_storedOnOrder; // of the unionid shown

    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_intro = nullptr;
    QLabel* m_window = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_openidLabel = nullptr;
    QLineEdit* m_openid = nullptr;
    QLabel* m_orderLabel = nullptr;
    QButtonGroup* m_byGroup = nullptr;
    QRadioButton* m_byTransactionId = nullptr;
    QRadioButton* m_byOutTradeNo = nullptr;
    QLabel* m_transactionIdLabel = nullptr;
    QLineEdit* m_transactionId = nullptr;
    QLabel* m_mchIdLabel = nullptr;
    QLineEdit* m_mchId = nullptr;
    QLabel* m_outTradeNoLabel = nullptr;
    QLineEdit* m_outTradeNo = nullptr;
    QLabel* m_accessTokenLabel = nullptr;
    QLineEdit* m_accessToken = nullptr;
    QLabel* m_accessTokenHint = nullptr;
    QLabel* m_inputError = nullptr;
    QPushButton* m_lookUp = nullptr;
    QLabel* m_progress = nullptr;

    QWidget* m_resultBox = nullptr;
    QLabel* m_resultTitle = nullptr;
    QLabel* m_unionId = nullptr;
    QPushButton* m_copy = nullptr;
    bool m_copied = false;
    QLabel* m_stored = nullptr;

    ErrorBox* m_errorBox = nullptr;
};

} // namespace wxpay::ui
