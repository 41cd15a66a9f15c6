#include "protocol/wire.h"

namespace wxpay::protocol {

namespace {

QByteArray findHeader(const HeaderList& headers, QByteArrayView name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

QByteArray WireRequest::header(QByteArrayView name) const
{
    return findHeader(headers, name);
}

QByteArray WireRequest::toText() const
{
    QByteArray text = method + ' ' + pathAndQuery.toUtf8() + '\n';
    for (const auto& [key, value] : headers)
        text += key + ": " + value + '\n';
    text += '\n';
    text += body;
    return text;
}

QByteArray WireResponse::header(QByteArrayView name) const
{
    return findHeader(headers, name);
}

QString WireResponse::requestId() const
{
    return QString::fromLatin1(header("Request-ID"));
}

} // namespace wxpay::protocol
