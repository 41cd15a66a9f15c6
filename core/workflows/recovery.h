#pragma once

// Start-up recovery: every operation the journal still holds for this profile (the program stopped while it was in
// flight) is driven to a final state — Quick Pay: query, and reverse while unclear; Native: query, and close an
// unpaid order; refunds: send the same out_refund_no again if it may never have arrived, then follow it. Nothing
// is ever paid twice: no payment is re-submitted.

#include "storage/records.h"
#include "workflows/context.h"
#include "workflows/nativecheckout.h"
#include "workflows/quickpay.h"
#include "workflows/refunds.h"

#include <QList>
#include <QObject>

#include <optional>

namespace wxpay::workflows {

struct RecoveryOptions
{
    QuickPayOptions quickPay;
    NativeCheckoutOptions native;
    RefundOptions refund;
};

class Recovery : public QObject
{
    Q_OBJECT

public:
    struct Item
    {
        storage::JournalKind kind = storage::JournalKind::Micropay;
        QString outTradeNo;
        QString outRefundNo;
        QString result; // the workflow's final stage ("Paid", "NotPaid", "Closed", "Succeeded", ...)
        bool settled = false; // false: still pending (NeedsAttention, or it could not be resumed)
        std::optional<Error> error;
    };
    struct Report
    {
        QList<Item> items;
        int settledCount() const;
    };

    Recovery(WorkflowContext context, RecoveryOptions options = {}, QObject* parent = nullptr);
    ~Recovery() override;

    // Resumes every unfinished entry of this profile; `finished` follows (also when there is nothing to do).
    // Input BUSY; Storage errors reading the journal.
    Status resumePending();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const wxpay::workflows::Recovery::Report& report);

private:
    void resume(const storage::JournalEntry& entry);
    void done(qsizetype index, const QString& result, bool settled, const std::optional<Error>& error);
    void finishIfDone();

    WorkflowContext m_context;
    RecoveryOptions m_options;
    Report m_report;
    int m_open = 0;
    bool m_running = false;
};

} // namespace wxpay::workflows

Q_DECLARE_METATYPE(wxpay::workflows::Recovery::Report)
