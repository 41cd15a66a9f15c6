#include "storage/migrations.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QSqlQuery>
#include <QStringBuilder>

#include <array>
#include <initializer_list>

namespace wxpay::storage::detail {

namespace {

Status execAll(const QSqlDatabase& db, std::initializer_list<const char16_t*> statements)
{
    for (const char16_t* sql : statements) {
        if (auto status = exec(db, QString::fromUtf16(sql)); !status)
            return status;
    }
    return {};
}

// Version 1: orders, refunds, the audit log, the journal, and (when available) the description index.
// Times are INTEGER milliseconds since the epoch, UTC. Amounts are INTEGER minor units beside their currency.
Status migrateTo1(const QSqlDatabase& db, const MigrationContext& context)
{
    // clang-format off
    auto status = exec(db, u"PRAGMA application_id = " % QString::number(Database::kApplicationId));
    if (!status)
        return status;
    status = execAll(db, {
        uR"(CREATE TABLE orders (
            id                INTEGER PRIMARY KEY,
            profile_id        TEXT    NOT NULL CHECK (profile_id <> ''),
            family            TEXT    NOT NULL CHECK (family IN ('v2', 'v3', 'global', 'hk')),
            out_trade_no      TEXT    NOT NULL CHECK (out_trade_no <> ''),
            transaction_id    TEXT             CHECK (transaction_id <> ''),
            amount_minor      INTEGER NOT NULL CHECK (amount_minor >= 0),
            currency          TEXT    NOT NULL CHECK (length(currency) = 3),
            payer_total_minor INTEGER          CHECK (payer_total_minor >= 0),
            payer_currency    TEXT             CHECK (length(payer_currency) = 3),
            trade_type        TEXT    NOT NULL DEFAULT '',
            state             TEXT    NOT NULL DEFAULT 'UNKNOWN',
            state_desc        TEXT    NOT NULL DEFAULT '',
            payer_openid      TEXT    NOT NULL DEFAULT '',
            payer_unionid     TEXT    NOT NULL DEFAULT '',
            created_at        INTEGER NOT NULL,
            paid_at           INTEGER,
            last_confirmed_at INTEGER,
            cashier           TEXT    NOT NULL DEFAULT '',
            device_id         TEXT    NOT NULL DEFAULT '',
            description       TEXT    NOT NULL DEFAULT '',
            attach            TEXT    NOT NULL DEFAULT '',
            last_error        TEXT    NOT NULL DEFAULT '',
            UNIQUE (profile_id, out_trade_no),
            CHECK ((payer_total_minor IS NULL) = (payer_currency IS NULL))
        ))",
        // Each search path has an index; the rowid (id) ends every index, so "ORDER BY x, id" needs no sort.
        // The history lists newest first: (created_at, id, state) serves the date range and the state filter in
        // index order, checking the state inside the index, so a page costs a page. An index led by state would
        // tempt the planner into collecting and sorting every order of a common state (SUCCESS) to show fifty.
        uR"(CREATE INDEX orders_created ON orders (created_at, id, state))",
        uR"(CREATE INDEX orders_profile_created ON orders (profile_id, created_at, id, state))",
        uR"(CREATE INDEX orders_transaction_id ON orders (transaction_id))",
        uR"(CREATE INDEX orders_out_trade_no ON orders (out_trade_no))",
        uR"(CREATE INDEX orders_amount ON orders (amount_minor))",

        uR"(CREATE TABLE refunds (
            id                INTEGER PRIMARY KEY,
            profile_id        TEXT    NOT NULL,
            out_trade_no      TEXT    NOT NULL,
            out_refund_no     TEXT    NOT NULL CHECK (out_refund_no <> ''),
            refund_id         TEXT             CHECK (refund_id <> ''),
            amount_minor      INTEGER NOT NULL CHECK (amount_minor > 0),
            currency          TEXT    NOT NULL CHECK (length(currency) = 3),
            reason            TEXT    NOT NULL DEFAULT '',
            status            TEXT    NOT NULL DEFAULT 'UNKNOWN',
            created_at        INTEGER NOT NULL,
            success_at        INTEGER,
            last_confirmed_at INTEGER,
            last_error        TEXT    NOT NULL DEFAULT '',
            UNIQUE (profile_id, out_refund_no),
            FOREIGN KEY (profile_id, out_trade_no) REFERENCES orders (profile_id, out_trade_no)
        ))",
        uR"(CREATE INDEX refunds_order ON refunds (profile_id, out_trade_no))",
        uR"(CREATE INDEX refunds_refund_id ON refunds (refund_id))",

        uR"(CREATE TABLE audit_log (
            id            INTEGER PRIMARY KEY,
            at            INTEGER NOT NULL,
            actor         TEXT    NOT NULL DEFAULT '',
            profile_id    TEXT    NOT NULL DEFAULT '',
            action        TEXT    NOT NULL CHECK (action <> ''),
            out_trade_no  TEXT    NOT NULL DEFAULT '',
            out_refund_no TEXT    NOT NULL DEFAULT '',
            request_id    TEXT    NOT NULL DEFAULT '',
            detail        TEXT    NOT NULL DEFAULT ''
        ))",
        uR"(CREATE INDEX audit_log_at ON audit_log (at))",
        uR"(CREATE INDEX audit_log_trade ON audit_log (profile_id, out_trade_no))",
        // Append-only for every client of the file, not just this program. INSERT OR REPLACE deletes the row it
        // replaces without firing DELETE triggers, so an insert that would reuse an id is refused as well.
        uR"(CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END)",
        uR"(CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END)",
        uR"(CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
            WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END)",

        uR"(CREATE TABLE journal (
            id            INTEGER PRIMARY KEY,
            kind          TEXT    NOT NULL CHECK (kind <> ''),
            profile_id    TEXT    NOT NULL CHECK (profile_id <> ''),
            out_trade_no  TEXT    NOT NULL DEFAULT '',
            out_refund_no TEXT    NOT NULL DEFAULT '',
            step          TEXT    NOT NULL CHECK (step <> ''),
            payload       TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
            attempts      INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            created_at    INTEGER NOT NULL,
            updated_at    INTEGER NOT NULL,
            finished_at   INTEGER
        ))",
        uR"(CREATE INDEX journal_pending ON journal (created_at) WHERE finished_at IS NULL)",
        // One unfinished entry per operation: two workflows must never drive the same payment at once.
        uR"(CREATE UNIQUE INDEX journal_one_in_flight ON journal (profile_id, kind, out_trade_no, out_refund_no)
            WHERE finished_at IS NULL)",
    });
    // clang-format on
    if (!status || !context.fullTextSearch)
        return status;

    // External-content FTS5 index over orders.description, kept in step by triggers. The trigram tokenizer
    // matches any substring of 3+ characters, which is what Chinese text (no spaces between words) needs.
    // clang-format off
    return execAll(db, {
        uR"(CREATE VIRTUAL TABLE orders_fts USING fts5(
            description, content = 'orders', content_rowid = 'id', tokenize = 'trigram'))",
        uR"(CREATE TRIGGER orders_fts_insert AFTER INSERT ON orders BEGIN
            INSERT INTO orders_fts (rowid, description) VALUES (NEW.id, NEW.description);
        END)",
        uR"(CREATE TRIGGER orders_fts_delete AFTER DELETE ON orders BEGIN
            INSERT INTO orders_fts (orders_fts, rowid, description) VALUES ('delete', OLD.id, OLD.description);
        END)",
        uR"(CREATE TRIGGER orders_fts_update AFTER UPDATE OF description ON orders BEGIN
            INSERT INTO orders_fts (orders_fts, rowid, description) VALUES ('delete', OLD.id, OLD.description);
            INSERT INTO orders_fts (rowid, description) VALUES (NEW.id, NEW.description);
        END)",
    });
    // clang-format on
}

constexpr std::array kMigrations {
    Migration { 1, "orders, refunds, audit log, journal", &migrateTo1 },
};

} // namespace

std::span<const Migration> migrations()
{
    return kMigrations;
}

bool runtimeHasTrigram(const QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("CREATE VIRTUAL TABLE temp.wxpay_trigram_probe USING fts5(x, tokenize = 'trigram')")))
        return false;
    return query.exec(QStringLiteral("DROP TABLE temp.wxpay_trigram_probe"));
}

} // namespace wxpay::storage::detail
