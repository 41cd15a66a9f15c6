#pragma once

// Helpers shared by the workflow implementations; not part of the module's interface.

#include "common/error.h"
#include "common/result.h"
#include "storage/journal.h"
#include "storage/records.h"
#include "workflows/context.h"

#include <QDateTime>
#include <QString>

#include <chrono>

namespace wxpay::workflows::detail {

// The server's code without underscores, upper case, so that the families compare alike:
// v2 SYSTEMERROR / v3 SYSTEM_ERROR, ORDERNOTEXIST / ORDER_NOT_EXIST, NOTENOUGH / NOT_ENOUGH.
QString normalizedCode(const Error& error);
bool hasCode(const Error& error, std::initializer_list<QStringView> normalizedCodes);

// Whether the request may have reached WeChat and changed something we cannot see from the reply:
// no reply, a reply we could not trust or read, a 5xx, or a "busy, try again" business code.
bool outcomeUnknown(const Error& error);

// The request never left: refused while it was being built.
inline bool neverSent(const Error& error)
{
    return error.kind == ErrorKind::Input;
}

// Appends one line to the audit log; a failure to write it is logged, never fatal to the workflow.
void audit(const WorkflowContext& context,
    const QString& action,
    const QString& outTradeNo,
    const QString& outRefundNo,
    const QString& requestId,
    const QString& detail);

// The delay at `index` of a schedule whose last entry repeats.
std::chrono::milliseconds delayAt(const QList<std::chrono::milliseconds>& schedule, qsizetype index);

// Logs a storage failure that must not stop a workflow that already moved money.
void warnStorage(const char* what, const Status& status);

// The order row a journal entry resumes: the entry must be of `kind` and of the context's profile (Input
// JOURNAL_KIND, naming `what`), and its order must be in the history (Storage NOT_FOUND).
Result<storage::OrderRecord> resumableOrder(
    const WorkflowContext& context, const storage::JournalEntry& entry, storage::JournalKind kind, const QString& what);

} // namespace wxpay::workflows::detail
