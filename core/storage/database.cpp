#include "storage/database.h"

#include "storage/log.h"
#include "storage/migrations.h"
#include "storage/sqlutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStringBuilder>
#include <QtEndian>

#include <atomic>

namespace wxpay::storage {

namespace {

std::atomic<quint64> s_connectionCounter { 0 };

// The SQLite file header (https://www.sqlite.org/fileformat.html, "The Database Header").
constexpr qint64 kHeaderSize = 100;
constexpr int kUserVersionOffset = 60;
constexpr int kApplicationIdOffset = 68;

Error tooNew(int version)
{
    return Error::storage(QStringLiteral("SCHEMA_TOO_NEW"),
        QStringLiteral("the history database has schema version %1; this program knows up to %2")
            .arg(version)
            .arg(Database::latestSchemaVersion()));
}

Error notOurs(const QString& why)
{
    return Error::storage(QStringLiteral("NOT_A_DATABASE"), why);
}

QString savepointName(int level)
{
    return u"wxpay_savepoint_" % QString::number(level);
}

} // namespace

int Database::latestSchemaVersion()
{
    return detail::migrations().back().version;
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) % u"/history.sqlite";
}

Database::Database(QString path) : Database(std::move(path), Options {})
{ }

Database::Database(QString path, Options options)
    : m_path(std::move(path))
    , m_options(options)
    , m_connectionName(u"wxpay.storage." % QString::number(++s_connectionCounter))
{ }

Database::~Database()
{
    close();
}

Status Database::open()
{
    if (m_open)
        return {};
    // Refuse a newer or foreign file before SQLite touches it: opening can already write (journal recovery,
    // WAL switch), and an old program must leave a newer program's file exactly as it was.
    if (auto status = checkHeader(); !status) {
        qCWarning(lcStorage) << "not opening" << m_path << ":" << status.error().toString();
        return status;
    }
    if (!QFileInfo::exists(m_path) && !QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        return Error::storage(
            QStringLiteral("OPEN_FAILED"), u"cannot create the folder of " % QDir::toNativeSeparators(m_path));
    }

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=" % QString::number(kBusyTimeoutMs));
    if (!m_db.open()) {
        Error error = detail::sqlError(QStringLiteral("OPEN_FAILED"), QStringLiteral("open"), m_db.lastError());
        error.code = QStringLiteral("OPEN_FAILED");
        close();
        return error;
    }

    Status status = refuseForeign();
    if (status)
        status = configure();
    if (status)
        status = migrate();
    if (!status) {
        qCWarning(lcStorage) << "cannot use" << m_path << ":" << status.error().toString();
        close();
        return status;
    }

    QSqlQuery fts(m_db);
    m_fullTextSearch = m_options.fullTextSearch
        && fts.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'orders_fts'"))
        && fts.next();
    m_open = true;
    qCInfo(lcStorage) << "opened" << m_path << "schema version" << m_schemaVersion
                      << (m_fullTextSearch ? "with" : "without") << "full-text search";
    return {};
}

Status Database::checkHeader() const
{
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return Error::storage(QStringLiteral("OPEN_FAILED"), file.errorString());
    const QByteArray header = file.read(kHeaderSize);
    if (header.isEmpty())
        return {}; // an empty file is a new database
    static constexpr char kMagic[] = "SQLite format 3"; // 16 bytes with the terminating NUL
    if (header.size() < kHeaderSize || !header.startsWith(QByteArrayView(kMagic, sizeof kMagic)))
        return notOurs(QStringLiteral("the file is not an SQLite database"));
    const auto* bytes = reinterpret_cast<const uchar*>(header.constData());
    const auto version = qFromBigEndian<qint32>(bytes + kUserVersionOffset);
    const auto applicationId = qFromBigEndian<quint32>(bytes + kApplicationIdOffset);
    if (applicationId != 0 && applicationId != kApplicationId)
        return notOurs(QStringLiteral("the file belongs to another program (application_id %1)").arg(applicationId));
    if (version < 0)
        return notOurs(QStringLiteral("negative schema version %1").arg(version));
    if (version > latestSchemaVersion())
        return tooNew(version);
    return {};
}

Result<int> Database::readUserVersion() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return detail::sqlError(QStringLiteral("QUERY_FAILED"), QStringLiteral("read user_version"), query.lastError());
    return query.value(0).toInt();
}

// Checked again through SQLite, which also sees what a write-ahead log holds beyond the file header. Reads only.
Status Database::refuseForeign() const
{
    auto version = readUserVersion();
    if (!version)
        return version.error();
    if (*version > latestSchemaVersion())
        return tooNew(*version);
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return detail::sqlError(
            QStringLiteral("QUERY_FAILED"), QStringLiteral("read application_id"), query.lastError());
    const auto applicationId = static_cast<quint32>(query.value(0).toLongLong());
    if (applicationId != 0 && applicationId != kApplicationId)
        return notOurs(QStringLiteral("the file belongs to another program (application_id %1)").arg(applicationId));
    if (*version == 0) {
        // Version 0 is a new, empty database. Tables without our version mean someone else's file.
        if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
            return detail::sqlError(QStringLiteral("QUERY_FAILED"), QStringLiteral("read schema"), query.lastError());
        if (query.value(0).toLongLong() != 0)
            return notOurs(QStringLiteral("the file holds tables but no wxpay schema version"));
    }
    return {};
}

Status Database::configure()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
        return detail::sqlError(QStringLiteral("QUERY_FAILED"), QStringLiteral("journal_mode"), query.lastError());
    const QString mode = query.value(0).toString();
    if (mode.compare(u"wal", Qt::CaseInsensitive) != 0)
        qCWarning(lcStorage) << "write-ahead logging unavailable for" << m_path << "- journal mode is" << mode;
    query.finish();
    // A 32 MiB page cache keeps the upper levels of a million-order history's indexes in memory, and ORDER BY
    // sorts stay in memory. Both only concern this connection.
    for (const char16_t* pragma : { u"PRAGMA synchronous = FULL", u"PRAGMA foreign_keys = ON",
             u"PRAGMA cache_size = -32768", u"PRAGMA temp_store = MEMORY" }) {
        if (auto status = detail::exec(m_db, QString::fromUtf16(pragma)); !status)
            return status;
    }
    // A build without foreign-key support ignores the pragma silently; the refunds table relies on it.
    if (!query.exec(QStringLiteral("PRAGMA foreign_keys")) || !query.next() || query.value(0).toInt() != 1)
        return Error::storage(QStringLiteral("OPEN_FAILED"), QStringLiteral("SQLite without foreign key support"));
    return {};
}

Status Database::migrate()
{
    auto current = readUserVersion();
    if (!current)
        return current.error();
    m_schemaVersion = *current;
    if (m_schemaVersion == latestSchemaVersion())
        return {};

    const detail::MigrationContext context { m_options.fullTextSearch && detail::runtimeHasTrigram(m_db) };
    if (m_options.fullTextSearch && !context.fullTextSearch)
        qCInfo(lcStorage) << "SQLite has no FTS5 trigram tokenizer: description search will use LIKE";

    for (const auto& migration : detail::migrations()) {
        if (migration.version <= m_schemaVersion)
            continue;
        TransactionGuard transaction(*this);
        if (auto status = transaction.begin(); !status)
            return status;
        // Under the write lock now: another process may have migrated since the version was read.
        auto version = readUserVersion();
        if (!version)
            return version.error();
        if (*version > latestSchemaVersion())
            return tooNew(*version);
        if (*version >= migration.version) {
            m_schemaVersion = *version;
            continue;
        }
        Status status = migration.apply(m_db, context);
        if (status)
            status = detail::exec(m_db, u"PRAGMA user_version = " % QString::number(migration.version));
        if (status)
            status = transaction.commit();
        if (!status) {
            Error error = status.error();
            error.code = QStringLiteral("MIGRATION_FAILED");
            error.message = u"migration to version " % QString::number(migration.version) % u": " % error.message;
            return error;
        }
        m_schemaVersion = migration.version;
        qCInfo(lcStorage) << "migrated" << m_path << "to schema version" << migration.version << "-"
                          << migration.summary;
    }
    return {};
}

void Database::close()
{
    if (m_db.isOpen()) {
        if (m_open) {
            // Keeps the planner's statistics current, cheaply (https://www.sqlite.org/pragma.html#pragma_optimize).
            QSqlQuery query(m_db);
            if (!query.exec(QStringLiteral("PRAGMA analysis_limit = 400"))
                || !query.exec(QStringLiteral("PRAGMA optimize")))
                qCDebug(lcStorage) << "PRAGMA optimize failed:" << query.lastError().text();
        }
        m_db.close();
    }
    m_open = false;
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

TransactionGuard::TransactionGuard(Database& db) : m_db(db)
{ }

TransactionGuard::~TransactionGuard()
{
    rollback();
}

Status TransactionGuard::begin()
{
    if (m_level != 0)
        return Error::storage(QStringLiteral("TRANSACTION_FAILED"), QStringLiteral("transaction already begun"));
    if (!m_db.m_db.isOpen())
        return Error::storage(QStringLiteral("NOT_OPEN"), QStringLiteral("the database is not open"));
    const int level = m_db.m_transactionDepth + 1;
    const QString sql = level == 1 ? QStringLiteral("BEGIN IMMEDIATE") : u"SAVEPOINT " % savepointName(level);
    if (auto status = detail::exec(m_db.m_db, sql); !status)
        return status;
    m_level = level;
    m_db.m_transactionDepth = level;
    return {};
}

Status TransactionGuard::commit()
{
    if (m_level == 0)
        return Error::storage(QStringLiteral("TRANSACTION_FAILED"), QStringLiteral("no transaction to commit"));
    if (m_level != m_db.m_transactionDepth) {
        return Error::storage(
            QStringLiteral("TRANSACTION_FAILED"), QStringLiteral("an inner transaction is still active"));
    }
    const QString sql = m_level == 1 ? QStringLiteral("COMMIT") : u"RELEASE " % savepointName(m_level);
    if (auto status = detail::exec(m_db.m_db, sql); !status)
        return status; // still active: the destructor rolls back
    m_db.m_transactionDepth = m_level - 1;
    m_level = 0;
    return {};
}

void TransactionGuard::rollback()
{
    if (m_level == 0)
        return;
    if (m_level <= m_db.m_transactionDepth && m_db.m_db.isOpen()) {
        // Errors here mostly mean SQLite already rolled back by itself (I/O error, disk full): nothing left to undo.
        if (m_level == 1) {
            if (auto status = detail::exec(m_db.m_db, QStringLiteral("ROLLBACK")); !status)
                qCDebug(lcStorage) << "rollback:" << status.error().toString();
        } else {
            const QString name = savepointName(m_level);
            if (auto status = detail::exec(m_db.m_db, u"ROLLBACK TO " % name); !status)
                qCDebug(lcStorage) << "rollback to savepoint:" << status.error().toString();
            else if (auto released = detail::exec(m_db.m_db, u"RELEASE " % name); !released)
                qCDebug(lcStorage) << "release savepoint:" << released.error().toString();
        }
        m_db.m_transactionDepth = m_level - 1;
    }
    m_level = 0;
}

} // namespace wxpay::storage
