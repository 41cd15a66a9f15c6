#pragma once

// Helpers shared by the storage classes; not part of the module's API.

#include "common/error.h"
#include "common/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace wxpay::storage::detail {

// A Storage error for a failed statement. `code` names the operation's failure (e.g. "QUERY_FAILED");
// constraint violations get their own codes instead: DUPLICATE (UNIQUE / PRIMARY KEY), FOREIGN_KEY, CONSTRAINT
// (CHECK, NOT NULL, a trigger's RAISE), and BUSY when another process holds the lock past the busy timeout.
// The message is "<what>: <driver text>"; `detail` carries SQLite's extended result code.
Error sqlError(const QString& code, const QString& what, const QSqlError& error);

// Runs one statement that returns no rows (DDL, PRAGMA assignments, BEGIN/COMMIT).
Status exec(const QSqlDatabase& db, const QString& sql);

// Prepares `sql` and binds `values` to its positional placeholders.
Result<QSqlQuery> prepare(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {});

// Executes a prepared query; the error names `what` was being done.
Status run(QSqlQuery& query, const QString& what);

// Times: milliseconds since the epoch (UTC) in the database, NULL for "not set".
QVariant toDb(const QDateTime& time);
QDateTime timeFromDb(const QVariant& value);

// Text columns that are NULL until known (transaction_id, refund_id).
QVariant textOrNull(const QString& text);

} // namespace wxpay::storage::detail
