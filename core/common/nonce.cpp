#include "common/nonce.h"

#include <QRandomGenerator>

namespace wxpay {

NonceSource::~NonceSource() = default;

QByteArray RandomNonceSource::next(int length)
{
    static constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    constexpr quint32 size = sizeof(alphabet) - 1;
    QByteArray out(length, Qt::Uninitialized);
    auto* rng = QRandomGenerator::system();
    for (char& c : out)
        c = alphabet[rng->bounded(size)];
    return out;
}

FixedNonceSource::FixedNonceSource(QList<QByteArray> values) : m_values(std::move(values))
{
    Q_ASSERT(!m_values.isEmpty());
}

QByteArray FixedNonceSource::next(int length)
{
    const QByteArray value = m_values.at(m_index);
    m_index = (m_index + 1) % m_values.size();
    return value.left(length);
}

} // namespace wxpay
