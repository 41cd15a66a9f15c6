#include "common/error.h"

#include <QStringBuilder>
#include <QStringList>

namespace wxpay {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Input:
        return QStringLiteral("input");
    case ErrorKind::Network:
        return QStringLiteral("network");
    case ErrorKind::Http:
        return QStringLiteral("http");
    case ErrorKind::Verification:
        return QStringLiteral("verification");
    case ErrorKind::Protocol:
        return QStringLiteral("protocol");
    case ErrorKind::Business:
        return QStringLiteral("business");
    case ErrorKind::Storage:
        return QStringLiteral("storage");
    case ErrorKind::Credentials:
        return QStringLiteral("credentials");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

Error Error::input(QString code, QString message)
{
    return { ErrorKind::Input, std::move(code), std::move(message), {}, 0, {} };
}

Error Error::network(QString code, QString message)
{
    return { ErrorKind::Network, std::move(code), std::move(message), {}, 0, {} };
}

Error Error::http(int status, QString message, QString requestId)
{
    return { ErrorKind::Http, QStringLiteral("HTTP_%1").arg(status), std::move(message), std::move(requestId), status,
        {} };
}

Error Error::verification(QString code, QString message, QString requestId)
{
    return { ErrorKind::Verification, std::move(code), std::move(message), std::move(requestId), 0, {} };
}

Error Error::protocol(QString code, QString message, QString requestId)
{
    return { ErrorKind::Protocol, std::move(code), std::move(message), std::move(requestId), 0, {} };
}

Error Error::business(QString code, QString message, QString requestId, int httpStatus)
{
    return { ErrorKind::Business, std::move(code), std::move(message), std::move(requestId), httpStatus, {} };
}

Error Error::storage(QString code, QString message)
{
    return { ErrorKind::Storage, std::move(code), std::move(message), {}, 0, {} };
}

Error Error::credentials(QString code, QString message)
{
    return { ErrorKind::Credentials, std::move(code), std::move(message), {}, 0, {} };
}

Error Error::cancelled(QString message)
{
    return { ErrorKind::Cancelled, QStringLiteral("CANCELLED"), std::move(message), {}, 0, {} };
}

QString Error::toString() const
{
    QString text = errorKindName(kind);
    if (!code.isEmpty())
        text += u' ' % code;
    QStringList context;
    if (httpStatus != 0)
        context << QStringLiteral("HTTP %1").arg(httpStatus);
    if (!requestId.isEmpty())
        context << u"Request-ID " % requestId;
    if (!context.isEmpty())
        text += u" (" % context.join(QStringLiteral(", ")) % u')';
    if (!message.isEmpty())
        text += u": " % message;
    return text;
}

} // namespace wxpay
