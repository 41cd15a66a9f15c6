#pragma once

#include <QByteArray>
#include <QList>

namespace wxpay {

// Random strings for nonce_str, v3 nonces and generated ids; tests inject fixed ones.
class NonceSource
{
public:
    virtual ~NonceSource();
    // `length` characters of [0-9A-Za-z].
    virtual QByteArray next(int length = 32) = 0;
};

// Cryptographically secure (QRandomGenerator::system()).
class RandomNonceSource final : public NonceSource
{
public:
    QByteArray next(int length = 32) override;
};

// Returns the given values in turn, cycling; a value longer than `length` is cut.
class FixedNonceSource final : public NonceSource
{
public:
    explicit FixedNonceSource(QList<QByteArray> values);
    QByteArray next(int length = 32) override;

private:
    QList<QByteArray> m_values;
    qsizetype m_index = 0;
};

} // namespace wxpay
