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

bool actOutTimeout(const Fault& fault, Outcome& outcome)
{
    if (fault.kind != FaultKind::Timeout)
        return false;
    outcome.delivery = Delivery::NoAnswer;
    outcome.reply = {};
    outcome.reply.status = 0;
    return true;
}

void applyDelivery(const Fault& fault, Outcome& outcome)
{
    if (fault.kind == FaultKind::Delay) {
        outcome.delivery = Delivery::Delay;
        outcome.delay = fault.delay;
    } else if (fault.kind == FaultKind::DropAfterCommit) {
        outcome.delivery = Delivery::Drop;
    }
}

QByteArray padding(qsizetype length)
{
    return QByteArray(length, 'x');
}

} // namespace wxpay::sim::front
