#pragma once

// The rows of the order history as value types. Times are UTC with millisecond precision (the database keeps
// milliseconds since the epoch); an invalid QDateTime means "not yet" (not paid, never confirmed, not finished).

#include "common/domain.h"
#include "common/money.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>

namespace wxpay::storage {

struct OrderRecord
{
    qint64 id = 0; // assigned by OrderStore::insert
    QString profileId;
    ApiFamily family = ApiFamily::V3;
    QString outTradeNo;
    QString transactionId; // empty until WeChat names the order
    Money amount;
    std::optional<Money> payerTotal; // what the payer paid, in the payer's currency
    QString tradeType;
    TradeState state = TradeState::Unknown;
    QString stateDescription;
    QString payerOpenid;
    QString payerUnionid;
    QDateTime createdAt; // when the row was written, before the request was sent
    QDateTime paidAt;
    QDateTime lastConfirmedAt; // the last time WeChat's answer was recorded
    QString cashier;
    QString deviceId;
    QString description;
    QString attach;
    QString lastError; // Error::toString() of the last failure, empty after a confirmed answer
};

struct RefundRecord
{
    qint64 id = 0; // assigned by RefundStore::insert
    QString profileId;
    QString outTradeNo; // the refunded order (same profile)
    QString outRefundNo;
    QString refundId; // empty until WeChat names the refund
    Money amount;
    QString reason;
    RefundStatus status = RefundStatus::Unknown;
    QDateTime createdAt;
    QDateTime successAt;
    QDateTime lastConfirmedAt;
    QString lastError;
};

// One line of the append-only audit log. `at` is set by AuditLog::append from its clock.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor; // the cashier or "system"
    QString profileId;
    QString action; // e.g. "order.create", "refund.request"
    QString outTradeNo;
    QString outRefundNo;
    QString requestId;
    QString detail; // short free text; never keys, signatures or whole bodies
};

// The operations a workflow may have in flight when the program stops.
enum class JournalKind
{
    NativeCreate,
    Micropay,
    Query,
    Reverse,
    Close,
    Refund,
    RefundQuery
};
QString journalKindName(JournalKind kind); // "native_create", "micropay", ...
std::optional<JournalKind> journalKindFromName(QStringView name);

// An operation in flight: what it is, how far it got, and what a resume needs (payload, a JSON object).
struct JournalEntry
{
    qint64 id = 0;
    JournalKind kind = JournalKind::Query;
    QString profileId;
    QString outTradeNo;
    QString outRefundNo;
    QString step; // the workflow's own name for where it is, e.g. "sent", "polling", "reversing"
    QJsonObject payload;
    int attempts = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime finishedAt; // invalid while pending
};

} // namespace wxpay::storage
