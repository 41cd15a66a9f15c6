#pragma once

#include "common/result.h"
#include "credentials/profilestore.h"
#include "storage/orderquery.h"
#include "storage/records.h"
#include "workflows/context.h"
#include "workflows/orderaction.h"
#include "workflows/orderlookup.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTableWidget;
class QTimer;

namespace wxpay::ui {

class AmountEdit;
class ErrorBox;
class OrderHistoryModel;

// Orders: one search box for either order number (an order the history lacks is looked up at WeChat Pay and
// added), the history with filters, sorting and CSV export, and an order's detail page with its refunds, its audit
// trail and what can be done with it: check it again with WeChat Pay, close, reverse, refund, look up the unionid.
// Presentation only: OrderLookup and OrderAction decide.
class OrdersPanel : public QWidget
{
    Q_OBJECT

public:
    // `profiles` must outlive the panel.
    explicit OrdersPanel(credentials::ProfileStore* profiles, QWidget* parent = nullptr);
    ~OrdersPanel() override;

    // The active profile's history and gateway. Until it is given the panel says the history is being opened and
    // nothing can be done. A lookup, close or reverse still running is abandoned.
    void setContext(const workflows::WorkflowContext& context);
    bool hasContext() const { return m_context.has_value(); }
    // A lookup, close or reverse runs.
    bool isBusy() const;

    // Opens an order of the history on the detail page (an error is shown when the history does not have it).
    void showOrder(const QString& profileId, const QString& outTradeNo);
    // Back to the list.
    void showList();
    bool isShowingOrder() const;
    const std::optional<storage::OrderRecord>& shownOrder() const { return m_shown; }
    // Reads the history again: the list, the count and the order on show.
    void reload();

    // Writes the orders of the current filters to `path` as CSV (OrderStore::exportCsv) and says so under the
    // list; returns how many were written. What "Export CSV…" does once a file is chosen.
    Result<qint64> exportCsv(const QString& path);
    const storage::OrderQuery& currentQuery() const;
    OrderHistoryModel* model() const { return m_model; }

Q_SIGNALS:
    // The cashier wants to refund this order of the active profile (the Refunds panel takes over).
    void refundRequested(const QString& outTradeNo);
    // The cashier wants the payer's unionid of this paid order of the active profile (the UnionID panel takes over).
    void unionIdRequested(const wxpay::storage::OrderRecord& order);

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    enum class Field
    {
        Profile,
        Family,
        OutTradeNo,
        TransactionId,
        Amount,
        PayerTotal,
        TradeType,
        State,
        StateDescription,
        Openid,
        Unionid,
        Created,
        Paid,
        LastConfirmed,
        Cashier,
        Device,
        Description,
        Attach,
        LastError,
    };
    struct FieldRow
    {
        QLabel* label = nullptr;
        QLabel* value = nullptr;
    };
    enum class Busy
    {
        None,
        Searching,
        Refreshing,
        Closing,
        Reversing,
    };

    QWidget* buildListPage();
    QWidget* buildDetailPage();
    void refreshProfiles();
    QString profileName(const QString& profileId) const;
    QString filterCurrency() const;
    storage::OrderQuery buildQuery() const;
    void applyFilters();
    void updateCount();
    void search();
    void onSearchAnswer(const workflows::OrderLookup::Outcome& outcome, bool byTransactionId);
    void setRecognised(std::function<QString()> text);
    bool loadDetail(const QString& profileId, const QString& outTradeNo);
    void renderDetail();
    void renderRefunds(const QList<storage::RefundRecord>& refunds);
    void renderAudit(const QList<storage::AuditEntry>& entries);
    void refreshOrder();
    void onRefreshAnswer(const workflows::OrderLookup::Outcome& outcome);
    void askToClose();
    void askToReverse();
    void startAction(workflows::OrderAction::Kind kind);
    void onActionFinished(const workflows::OrderAction::Outcome& outcome);
    void openExportDialog();
    void abandonJobs();
    void setActionStatus(std::function<QString()> text);
    void updateEnabled();
    void retranslateUi();
    QString fieldText(Field field) const;

    credentials::ProfileStore* m_profiles;
    std::optional<workflows::WorkflowContext> m_context;
    bool m_datesSet = false;
    Busy m_busy = Busy::None;
    QPointer<workflows::OrderLookup> m_lookup;
    QPointer<workflows::OrderAction> m_action;
    std::optional<storage::OrderRecord> m_shown;
    QString m_shownProfileId; // the order asked for, kept while the history cannot be read
    QString m_shownOutTradeNo;
    std::function<QString()> m_recognisedText; // re-evaluated when the language changes
    std::function<QString()> m_exportText;
    std::function<QString()> m_actionText;

    QStackedWidget* m_pages = nullptr;
    QWidget* m_listPage = nullptr;
    QWidget* m_detailPage = nullptr;

    // The list.
    QLabel* m_title = nullptr;
    QLabel* m_historyStatus = nullptr;
    QLabel* m_searchLabel = nullptr;
    QLineEdit* m_search = nullptr;
    QPushButton* m_searchButton = nullptr;
    QLabel* m_recognised = nullptr;
    ErrorBox* m_listError = nullptr;
    QLabel* m_fromLabel = nullptr;
    QDateEdit* m_from = nullptr;
    QLabel* m_toLabel = nullptr;
    QDateEdit* m_to = nullptr;
    QLabel* m_stateLabel = nullptr;
    QComboBox* m_state = nullptr;
    QLabel* m_profileLabel = nullptr;
    QComboBox* m_profile = nullptr;
    QLabel* m_minLabel = nullptr;
    AmountEdit* m_min = nullptr;
    QLabel* m_maxLabel = nullptr;
    AmountEdit* m_max = nullptr;
    QLabel* m_textLabel = nullptr;
    QLineEdit* m_text = nullptr;
    QTimer* m_applyTimer = nullptr;
    QTableView* m_table = nullptr;
    OrderHistoryModel* m_model = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_exportStatus = nullptr;
    QPushButton* m_export = nullptr;

    // The detail page.
    QPushButton* m_back = nullptr;
    QLabel* m_detailTitle = nullptr;
    QHash<Field, FieldRow> m_fields;
    QPushButton* m_refresh = nullptr;
    QPushButton* m_close = nullptr;
    QPushButton* m_reverse = nullptr;
    QPushButton* m_refund = nullptr;
    QPushButton* m_unionId = nullptr;
    QLabel* m_actionStatus = nullptr;
    ErrorBox* m_detailError = nullptr;
    QLabel* m_refundsTitle = nullptr;
    QTableWidget* m_refunds = nullptr;
    QLabel* m_auditTitle = nullptr;
    QTableWidget* m_audit = nullptr;
};

} // namespace wxpay::ui
