#pragma once

// How domain values look on the terminal and in --json output. Amounts are decimal strings with their currency
// (and integer minor units in JSON), times ISO 8601 UTC in JSON and local time for people.

#include "common/domain.h"
#include "common/error.h"
#include "storage/records.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace wxpay::cli {

// tr() for the command line tool's messages (context "wxpay::cli").
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wxpay::cli)
};

// One line for a person: what failed, the server's code and message, the Request-ID.
QString describeError(const Error& error);

QJsonObject errorJson(const Error& error);
QJsonObject transactionJson(const Transaction& transaction);
QJsonObject refundJson(const Refund& refund);
QJsonObject orderJson(const storage::OrderRecord& order);
QJsonObject refundRecordJson(const storage::RefundRecord& refund);
QJsonObject auditJson(const storage::AuditEntry& entry);

QString isoTime(const QDateTime& time); // "" for an invalid time
QString localTime(const QDateTime& time); // "yyyy-MM-dd HH:mm:ss" in local time, "-" for an invalid time

// "label           value" lines.
QString field(const QString& label, const QString& value);

} // namespace wxpay::cli
