#include "sim/front.h"

#include "crypto/crypto.h"
#include "protocol/v3/json.h"

namespace wxpay::sim::front {

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString Request::queryValue(const QString& key) const
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

QStringList Request::segments() const
{
    QStringList result;
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    for (const QString& part : parts)
        result.append(QUrl::fromPercentEncoding(part.toUtf8()));
    return result;
}

const crypto::PrivateKey* Context::strangerKey()
{
    if (!m_strangerKey) {
        auto key = crypto::PrivateKey::generateRsa(2048);
        if (!key)
            return nullptr;
        m_strangerKey = std::move(key).value();
        m_strangerSerial = QString::fromLatin1(randomHex(20).toUpper());
    }
    return &*m_strangerKey;
}

QByteArray randomHex(int bytes)
{
    return crypto::randomBytes(bytes).toHex();
}

Reply jsonReply(int status, const QJsonObject& body)
{
    return Reply { status, { { "Content-Type", "application/json; charset=utf-8" } }, protocol::v3::compactJson(body) };
}

Reply textReply(int status, const QByteArray& contentType, const QByteArray& body)
{
    return Reply { status, { { "Content-Type", contentType } }, body };
}

std::optional<Fault> takeFault(Context& context, Operation operation, Outcome& outcome)
{
    outcome.fault = context.engine.takeFault(operation);
    return outcome.fault;
}

bool actOutTransportFault(const Fault& fault, Outcome& outcome)
{
    switch (fault.kind) {
    case FaultKind::Timeout:
    case FaultKind::Reset:
        outcome.delivery = fault.kind == FaultKind::Timeout ? Delivery::NoAnswer : Delivery::Reset;
        outcome.reply = {};
        outcome.reply.status = 0;
        return true;
    case FaultKind::Proxy403:
        outcome.reply = proxyPage(403);
        return true;
    case FaultKind::Proxy502:
        outcome.reply = proxyPage(502);
        return true;
    default:
        return false;
    }
}

void applyDelivery(const Fault& fault, Outcome& outcome)
{
    if (fault.kind == FaultKind::Delay) {
        outcome.delivery = Delivery::Delay;
        outcome.delay = fault.delay;
    } else if (fault.kind == FaultKind::DropAfterCommit) {
        outcome.delivery = Delivery::Drop;
    } else if (fault.kind == FaultKind::Proxy502After) {
        // WeChat's answer (signed, with its code) never reaches the client: only the gateway's page does.
        outcome.reply = proxyPage(502);
        outcome.code.clear();
    }
}

Reply proxyPage(int status)
{
    // Shaped like what squid / nginx in front of an office network send: HTML, no JSON, no XML, no signature.
    if (status == 403) {
        return textReply(403, "text/html; charset=utf-8",
            "<!DOCTYPE html>\n<html><head><title>403 Forbidden</title></head><body>\n<h1>Access Denied</h1>\n"
            "<p>Access to the requested URL is blocked by the proxy's policy. Contact your network "
            "administrator.</p>\n<hr><address>proxy</address>\n</body></html>\n");
    }
    return textReply(502, "text/html; charset=utf-8",
        "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n"
        "<hr><center>nginx</center>\n</body>\n</html>\n");
}

QByteArray padding(qsizetype length)
{
    return QByteArray(length, 'x');
}

} // namespace wxpay::sim::front
