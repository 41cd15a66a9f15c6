#pragma once

// Recovery: every operation the journal still holds for this profile (the program stopped while it was in
// flight, or it needed attention) is driven towards a final state — Quick Pay: query, and reverse while unclear
// inside the window, else keep querying; Native: query, and close an order WeChat reports NOTPAY; refunds: send
// the same out_refund_no again if it never got as far as being accepted, then follow it; close / reverse: query,
// and close / reverse again while the state asks for it. Entries a live workflow drives are left to it. Nothing
// is ever paid twice: no payment is re-submitted. Run at start and, by the Redrive, while the program runs.

#include "storage/records.h"
#include "workflows/context.h"
#include "workflows/nativecheckout.h"
#include "workflows/orderaction.h"
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
        QString result; // the workflow's final stage ("Paid", "NotPaid", "Closed", "Succeeded", "Done", ...)
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
