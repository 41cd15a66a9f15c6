#pragma once

// JSON on the APIv3 wire: compact bodies, RFC 3339 times at +08:00, amounts in minor units, and the Transaction /
// Refund objects shared by the domestic and the Global / HK families.

#include "common/domain.h"
#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QLatin1String>
#include <QString>

#include <optional>

namespace wxpay::protocol::v3 {

// Compact JSON; QJsonDocument writes the keys sorted, so a body is deterministic.
QByteArray compactJson(const QJsonObject& object);

// "2018-06-08T10:34:56+08:00" (China Standard Time, as WeChat writes times).
QString wireTime(const QDateTime& time);
// An RFC 3339 time with an offset or Z, returned in UTC; invalid on any other text.
QDateTime parseWireTime(QStringView text);

// Reads fields of a reply; the first problem is kept as a Protocol error (FIELD_MISSING / FIELD_INVALID)
// carrying the Request-ID, and later reads return empty values.
class JsonReader
{
public:
    explicit JsonReader(QString requestId);

    QString string(const QJsonObject& object, QLatin1String key, bool required = false);
    QJsonObject object(const QJsonObject& object, QLatin1String key, bool required = false);
    // An integer amount of minor units, 0..Money::kMaxMinorUnits.
    std::optional<qint64> amount(const QJsonObject& object, QLatin1String key, bool required = false);
    std::optional<qint64> integer(const QJsonObject& object, QLatin1String key, bool required = false);
    QDateTime time(const QJsonObject& object, QLatin1String key, bool required = false);
    Money money(qint64 minor, const QString& currency);

    bool ok() const { return !m_error.has_value(); }
    const Error& error() const { return *m_error; }
    const QString& requestId() const { return m_requestId; }
    void fail(const QString& code, const QString& message);

private:
    QString m_requestId;
    std::optional<Error> m_error;
};

// Field names that differ between the domestic and the Global / HK families.
struct Dialect
{
    QLatin1String transactionId; // "transaction_id" (domestic) or "id"
    QLatin1String refundId; // "refund_id" (domestic) or "id"
    QLatin1String receivedAccount; // "user_received_account" (domestic) or "recv_account"
    QString defaultCurrency; // for replies that leave amount.currency out
};

Result<Transaction> transactionFromJson(const QJsonObject& object, const Dialect& dialect, const QString& requestId);
Result<Refund> refundFromJson(const QJsonObject& object, const Dialect& dialect, const QString& requestId);

} // namespace wxpay::protocol::v3
