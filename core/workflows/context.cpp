#include "workflows/context.h"

#include "workflows/internal.h"
#include "workflows/log.h"

#include <QTimeZone>

namespace wxpay::workflows {

QString generateMerchantNo(QStringView prefix, const Clock& clock, NonceSource& nonces)
{
    const QDateTime china = clock.now().toUTC().addSecs(8 * 3600);
    return prefix.toString() + china.toString(QStringLiteral("yyyyMMddHHmmss")) + QString::fromLatin1(nonces.next(8));
}

namespace detail {

QString normalizedCode(const Error& error)
{
    QString code = error.code.toUpper();
    code.remove(u'_');
    return code;
}

bool hasCode(const Error& error, std::initializer_list<QStringView> normalizedCodes)
{
    const QString code = normalizedCode(error);
    for (QStringView candidate : normalizedCodes) {
        if (code == candidate)
            return true;
    }
    return false;
}

bool outcomeUnknown(const Error& error)
{
    switch (error.kind) {
    case ErrorKind::Network:
    case ErrorKind::Verification:
    case ErrorKind::Protocol:
    case ErrorKind::Cancelled:
        return true;
    case ErrorKind::Http:
        // A status without WeChat's error body is not WeChat's answer: a proxy's 403 or 502 page says nothing
        // about whether the request reached WeChat behind it.
        return true;
    case ErrorKind::Business:
        return error.httpStatus >= 500 || error.httpStatus == 429
            || hasCode(error,
                { u"SYSTEMERROR", u"BANKERROR", u"USERPAYING", u"FREQUENCYLIMITED", u"BIZERRNEEDRETRY",
                    u"RETURNCODEFAIL" });
    case ErrorKind::Input:
    case ErrorKind::Storage:
    case ErrorKind::Credentials:
        return false;
    }
    return true;
}

void audit(const WorkflowContext& context,
    const QString& action,
    const QString& outTradeNo,
    const QString& outRefundNo,
    const QString& requestId,
    const QString& detail)
{
    storage::AuditEntry entry;
    entry.actor = context.actorName();
    entry.profileId = context.profileId;
    entry.action = action;
    entry.outTradeNo = outTradeNo;
    entry.outRefundNo = outRefundNo;
    entry.requestId = requestId;
    entry.detail = detail;
    if (auto appended = context.audit.append(entry); !appended)
        qCWarning(lcWorkflows) << "audit log not written:" << action << appended.error().toString();
}

std::chrono::milliseconds delayAt(const QList<std::chrono::milliseconds>& schedule, qsizetype index)
{
    if (schedule.isEmpty())
        return std::chrono::milliseconds(0);
    return schedule.at(std::min(index, schedule.size() - 1));
}

void warnStorage(const char* what, const Status& status)
{
    if (!status)
        qCWarning(lcWorkflows) << "history not updated:" << what << status.error().toString();
}

Result<storage::OrderRecord> resumableOrder(
    const WorkflowContext& context, const storage::JournalEntry& entry, storage::JournalKind kind, const QString& what)
{
    if (entry.kind != kind || entry.profileId != context.profileId)
        return Error::input(QStringLiteral("JOURNAL_KIND"), u"not a " + what + u" journal entry of this profile");
    auto row = context.orders.findByOutTradeNo(context.profileId, entry.outTradeNo);
    if (!row)
        return row.error();
    if (!row.value())
        return Error::storage(QStringLiteral("NOT_FOUND"), u"no order " + entry.outTradeNo + u" in the history");
    return *row.value();
}

} // namespace detail

} // namespace wxpay::workflows
