#pragma once

// The numbered schema migrations; not part of the module's API. Migration N takes a database at user_version
// N-1 to N and runs inside one transaction that Database opens, checks and commits (it also sets user_version).
// Never edit a released migration: add the next one, and add tests/data/storage/schema_v<N-1>... fixtures as
// described in tests/storage/tst_database.cpp.

#include "common/result.h"

#include <QSqlDatabase>

#include <span>

namespace wxpay::storage::detail {

struct MigrationContext
{
    bool fullTextSearch = false; // create FTS5 trigram tables (the runtime was checked to support them)
};

struct Migration
{
    int version;
    const char* summary;
    Status (*apply)(const QSqlDatabase& db, const MigrationContext& context);
};

// Ordered by version, numbered 1, 2, 3 ... without gaps.
std::span<const Migration> migrations();

// Whether this SQLite has FTS5 with the trigram tokenizer (3.34+). Probes in the temp schema only.
bool runtimeHasTrigram(const QSqlDatabase& db);

} // namespace wxpay::storage::detail
