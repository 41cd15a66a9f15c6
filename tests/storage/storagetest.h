#pragma once

// Helpers for the storage tests: raw SQLite access beside the classes under test, fixtures, sample orders.

#include "common/result.h"
#include "storage/records.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace wxpay::test {

// A plain QSQLITE connection to a file, without any of Database's set-up; removed on destruction.
class RawConnection
{
public:
    explicit RawConnection(const QString& path);
    ~RawConnection();
    Q_DISABLE_COPY_MOVE(RawConnection)

    bool isOpen() const { return m_db.isOpen(); }
    const QSqlDatabase& db() const { return m_db; }
    // Runs one statement; returns the first column of the first row (or an invalid QVariant), or an error.
    Result<QVariant> scalar(const QString& sql) const;
    // Runs a script of statements separated by ';' (quotes, comments and CREATE TRIGGER ... END understood).
    Status execScript(const QString& script) const;
    // Every row of a statement, each row's columns joined by '|'.
    QStringList rows(const QString& sql) const;

private:
    QString m_name;
    QSqlDatabase m_db;
};

// A value with some fields set, e.g. with<OrderQuery>([](OrderQuery& q) { q.text = ...; }) (designated
// initializers that skip fields trip -Wmissing-field-initializers).
template<typename T, typename Setter> T with(Setter&& set)
{
    T value;
    set(value);
    return value;
}

// Splits an SQL script into statements (exposed for its own test).
QStringList splitSqlScript(const QString& script);

QByteArray fileBytes(const QString& path);

// A valid order for tests: CNY, NOTPAY, created at `createdAt` (UTC).
storage::OrderRecord sampleOrder(
    const QString& profileId, const QString& outTradeNo, qint64 amountMinor, const QDateTime& createdAt);

} // namespace wxpay::test
