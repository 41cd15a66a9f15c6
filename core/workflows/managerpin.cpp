#include "workflows/managerpin.h"

#include "crypto/crypto.h"

#include <QPasswordDigestor>
#include <QRegularExpression>

namespace wxpay::workflows {

namespace {

constexpr QByteArrayView kScheme = "pbkdf2-sha256";
constexpr int kHashBytes = 32;

QByteArray derive(const QString& pin, const QByteArray& salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt, iterations, kHashBytes);
}

} // namespace

Status ManagerPin::validate(const QString& pin)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{4,12}$"));
    if (!pattern.match(pin).hasMatch())
        return Error::input(QStringLiteral("PIN_INVALID"), QStringLiteral("the manager PIN is 4 to 12 digits"));
    return {};
}

Result<QByteArray> ManagerPin::hash(const QString& pin, int iterations)
{
    if (Status valid = validate(pin); !valid)
        return valid.error();
    if (iterations < 1)
        return Error::input(QStringLiteral("ITERATIONS_INVALID"), QStringLiteral("at least one iteration"));
    const QByteArray salt = crypto::randomBytes(kSaltBytes);
    if (salt.size() != kSaltBytes)
        return Error::credentials(QStringLiteral("RANDOM_FAILED"), QStringLiteral("no random salt"));
    const QByteArray encoded = kScheme.toByteArray() + '$' + QByteArray::number(iterations) + '$' + salt.toBase64()
        + '$' + derive(pin, salt, iterations).toBase64();
    return encoded;
}

bool ManagerPin::verify(const QString& pin, const QByteArray& stored)
{
    const QList<QByteArray> parts = stored.split('$');
    if (parts.size() != 4 || parts.at(0) != kScheme)
        return false;
    bool numeric = false;
    const int iterations = parts.at(1).toInt(&numeric);
    // Bounded so that a tampered entry cannot make a check take forever.
    if (!numeric || iterations < 1 || iterations > 10 * kIterations)
        return false;
    const auto salt = QByteArray::fromBase64Encoding(parts.at(2), QByteArray::AbortOnBase64DecodingErrors);
    const auto expected = QByteArray::fromBase64Encoding(parts.at(3), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !expected || salt.decoded.isEmpty() || expected.decoded.size() != kHashBytes)
        return false;
    return crypto::constantTimeEquals(derive(pin, salt.decoded, iterations), expected.decoded);
}

void ManagerPin::set(credentials::CredentialStore& store,
    const QString& profileId,
    const QString& pin,
    QObject* context,
    credentials::StatusCallback done)
{
    auto hashed = hash(pin);
    if (!hashed) {
        credentials::deliverLater<Status>(context, std::move(done), hashed.error());
        return;
    }
    store.write(profileId, credentials::SecretKind::ManagerPinHash, hashed.value(), context, std::move(done));
}

void ManagerPin::check(credentials::CredentialStore& store,
    const QString& profileId,
    const QString& pin,
    QObject* context,
    std::function<void(Result<bool>)> done)
{
    store.read(profileId, credentials::SecretKind::ManagerPinHash, context,
        [pin, done = std::move(done)](Result<QByteArray> stored) {
            if (!stored) {
                done(stored.error());
                return;
            }
            done(verify(pin, stored.value()));
        });
}

} // namespace wxpay::workflows
