#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>

namespace wxpay::storage {

// The installation's SQLite database: one file, opened through its own QSqlDatabase connection (unique name,
// removed again by the destructor), in WAL mode with synchronous=FULL, foreign keys on and a busy timeout, and
// migrated to the latest schema by numbered steps keyed on PRAGMA user_version, one transaction per step.
// A file written by a newer program (user_version above latestSchemaVersion()) is refused untouched with the
// Storage error SCHEMA_TOO_NEW. Use an instance from the thread that opened it; the stores built on it must not
// outlive it.
class Database
{
public:
    struct Options
    {
        // Index descriptions with FTS5's trigram tokenizer when the runtime SQLite has it. Off, or on a runtime
        // without it, text search falls back to LIKE over the descriptions.
        bool fullTextSearch = true;
    };

    static constexpr int kBusyTimeoutMs = 5000;
    static constexpr quint32 kApplicationId = 0x57585059; // "WXPY" in PRAGMA application_id

    static int latestSchemaVersion();
    static QString defaultPath(); // <AppDataLocation>/history.sqlite

    explicit Database(QString path = defaultPath());
    Database(QString path, Options options);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Opens (creating the file and its folder if needed) and migrates. Storage error codes: SCHEMA_TOO_NEW,
    // NOT_A_DATABASE (a file that is not SQLite, or a SQLite file of another program), OPEN_FAILED,
    // MIGRATION_FAILED, QUERY_FAILED.
    Status open();
    bool isOpen() const { return m_open; }

    const QString& path() const { return m_path; }
    const QString& connectionName() const { return m_connectionName; }
    int schemaVersion() const { return m_schemaVersion; }
    bool hasFullTextSearch() const { return m_fullTextSearch; }
    const QSqlDatabase& connection() const { return m_db; }

private:
    friend class TransactionGuard;

    Status checkHeader() const;
    Status configure();
    Result<int> readUserVersion() const;
    Status refuseForeign() const;
    Status migrate();
    void close();

    QString m_path;
    Options m_options;
    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_open = false;
    int m_schemaVersion = 0;
    bool m_fullTextSearch = false;
    int m_transactionDepth = 0;
};

// A transaction that rolls back unless committed. The outermost guard runs BEGIN IMMEDIATE (take the write lock
// up front, so a concurrent writer waits for the busy timeout instead of failing half-way); a guard begun while
// another is active becomes a SAVEPOINT, so store operations compose into a caller's larger transaction.
// Guards must end in the reverse order they began.
class TransactionGuard
{
public:
    explicit TransactionGuard(Database& db);
    ~TransactionGuard();
    Q_DISABLE_COPY_MOVE(TransactionGuard)

    Status begin();
    Status commit();
    void rollback();
    bool isActive() const { return m_level != 0; }

private:
    Database& m_db;
    int m_level = 0; // this guard's nesting level (1 = the real transaction); 0 when not active
};

} // namespace wxpay::storage
