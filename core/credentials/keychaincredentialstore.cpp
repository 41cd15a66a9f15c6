#include "credentials/keychaincredentialstore.h"

#include "credentials/log.h"

#include <QCryptographicHash>
#include <QPointer>
#include <QSettings>
#include <QTimer>
#include <QtEndian>
#include <qt6keychain/keychain.h>

#include <algorithm>
#include <memory>
#include <utility>

namespace wxpay::credentials {

namespace {

// Head entry layout: magic, entry count (u16 BE), secret length (u32 BE), SHA-256 of the secret.
constexpr char kMagic[] = { 'W', 'X', 'C', '1' };
constexpr qsizetype kMagicSize = sizeof(kMagic);
constexpr qsizetype kDigestSize = 32;
constexpr qsizetype kHeaderSize = kMagicSize + 2 + 4 + kDigestSize;
constexpr qsizetype kHeadPayload = KeychainCredentialStore::kEntrySize - kHeaderSize;

const QString kIndexGroup = QStringLiteral("keychainIndex/");

QString entryKey(const QString& key, int entry)
{
    return entry == 0 ? key : key + u'#' + QString::number(entry);
}

QByteArray digest(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

int entriesFor(qsizetype size)
{
    if (size <= kHeadPayload)
        return 1;
    const qsizetype rest = size - kHeadPayload;
    return 1 + static_cast<int>((rest + KeychainCredentialStore::kEntrySize - 1) / KeychainCredentialStore::kEntrySize);
}

QList<QByteArray> split(const QByteArray& secret)
{
    const int count = entriesFor(secret.size());
    char header[kHeaderSize];
    std::copy(std::begin(kMagic), std::end(kMagic), header);
    qToBigEndian(static_cast<quint16>(count), header + kMagicSize);
    qToBigEndian(static_cast<quint32>(secret.size()), header + kMagicSize + 2);
    const QByteArray hash = digest(secret);
    std::copy(hash.cbegin(), hash.cend(), header + kMagicSize + 6);

    QList<QByteArray> entries;
    entries.reserve(count);
    entries.append(QByteArray(header, kHeaderSize) + secret.left(kHeadPayload));
    for (qsizetype offset = kHeadPayload; offset < secret.size(); offset += KeychainCredentialStore::kEntrySize)
        entries.append(secret.mid(offset, KeychainCredentialStore::kEntrySize));
    return entries;
}

Error corrupt(const QString& key, const QString& why)
{
    return Error::credentials(QStringLiteral("CORRUPT"), u"keychain entry " + key + u" is damaged: " + why);
}

Error lockedOrUnavailable(const QString& key, const QString& detail)
{
    return Error::credentials(QStringLiteral("LOCKED_OR_UNAVAILABLE"),
        u"keychain locked or unavailable: " + key + u" was stored but cannot be reached (" + detail + u')');
}

} // namespace

struct KeychainCredentialStore::JobOutcome
{
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QByteArray data;
    bool timedOut = false;
};

struct KeychainCredentialStore::Head
{
    int count = 0;
    quint32 length = 0;
    QByteArray digest;
    QByteArray payload;
    bool valid = false; // false: an entry exists under the key but was not written by this program
};

namespace {

Error jobError(QKeychain::Error code, const QString& errorString, const QString& key, bool timedOut)
{
    if (timedOut) {
        return Error::credentials(
            QStringLiteral("TIMEOUT"), u"the keychain did not answer in time (locked or unavailable) for " + key);
    }
    return KeychainCredentialStore::errorForJob(code, errorString, key);
}

} // namespace

Error KeychainCredentialStore::errorForJob(int keychainError, const QString& errorString, const QString& key)
{
    switch (static_cast<QKeychain::Error>(keychainError)) {
    case QKeychain::EntryNotFound:
        return Error::credentials(QStringLiteral("NOT_FOUND"), u"no secret stored under " + key);
    case QKeychain::CouldNotDeleteEntry:
        return Error::credentials(
            QStringLiteral("DELETE_FAILED"), u"the keychain could not delete " + key + u": " + errorString);
    case QKeychain::AccessDeniedByUser:
        return Error::credentials(
            QStringLiteral("ACCESS_DENIED"), u"access to the keychain was denied for " + key + u": " + errorString);
    case QKeychain::AccessDenied:
        // libsecret: "Cannot create an item in a locked collection"; macOS: keychain locked or not authorised.
        return Error::credentials(QStringLiteral("LOCKED_OR_UNAVAILABLE"),
            u"keychain locked or unavailable for " + key + u": " + errorString);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::NoError:
        break;
    }
    // On Linux every "no usable Secret Service" case arrives as OtherError (no D-Bus, no provider,
    // no login collection, libsecret missing); its text is the only useful detail.
    return Error::credentials(QStringLiteral("UNAVAILABLE"),
        u"secure storage (keychain) unavailable for " + key + u": "
            + (errorString.isEmpty() ? QStringLiteral("unknown error") : errorString));
}

QString KeychainCredentialStore::defaultServiceName()
{
    return QStringLiteral("wxpay-console");
}

qsizetype KeychainCredentialStore::maxSecretSize()
{
    return kHeadPayload + (kMaxEntries - 1) * kEntrySize;
}

KeychainCredentialStore::KeychainCredentialStore(QSettings* index, QObject* parent)
    : KeychainCredentialStore(index, defaultServiceName(), parent)
{ }

KeychainCredentialStore::KeychainCredentialStore(QSettings* index, QString service, QObject* parent)
    : QObject(parent), m_index(index), m_service(std::move(service))
{
    Q_ASSERT(m_index);
}

KeychainCredentialStore::~KeychainCredentialStore() = default;

void KeychainCredentialStore::setJobTimeout(std::chrono::milliseconds timeout)
{
    m_jobTimeout = timeout;
}

int KeychainCredentialStore::indexedEntryCount(const QString& key) const
{
    return m_index->value(kIndexGroup + key, 0).toInt();
}

Status KeychainCredentialStore::setIndex(const QString& key, int count)
{
    m_index->setValue(kIndexGroup + key, count);
    m_index->sync();
    if (m_index->status() != QSettings::NoError) {
        return Error::credentials(
            QStringLiteral("INDEX_FAILED"), u"cannot record " + key + u" in the keychain index " + m_index->fileName());
    }
    return {};
}

Status KeychainCredentialStore::clearIndex(const QString& key)
{
    m_index->remove(kIndexGroup + key);
    m_index->sync();
    if (m_index->status() != QSettings::NoError) {
        return Error::credentials(QStringLiteral("INDEX_FAILED"),
            u"cannot remove " + key + u" from the keychain index " + m_index->fileName());
    }
    return {};
}

void KeychainCredentialStore::schedule(std::function<void()> operation)
{
    m_queue.push_back(std::move(operation));
    if (!m_running)
        startNext();
}

void KeychainCredentialStore::operationFinished()
{
    // Queued, so the next operation never starts inside the previous one's completion.
    QMetaObject::invokeMethod(this, &KeychainCredentialStore::startNext, Qt::QueuedConnection);
}

void KeychainCredentialStore::startNext()
{
    if (m_queue.empty()) {
        m_running = false;
        return;
    }
    m_running = true;
    std::function<void()> operation = std::move(m_queue.front());
    m_queue.pop_front();
    operation();
}

void KeychainCredentialStore::runJob(JobType type, const QString& entryKey, const QByteArray& data, JobCallback next)
{
    QKeychain::Job* job = nullptr;
    switch (type) {
    case JobType::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case JobType::Write: {
        auto* write = new QKeychain::WritePasswordJob(m_service);
        write->setBinaryData(data);
        job = write;
        break;
    }
    case JobType::Delete:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // Never store in plaintext when the keychain is missing: fail instead.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(entryKey);

    // Whichever comes first, the job's answer or the timeout, continues the operation. The job is
    // not parented to the store: deleting a job while libsecret still calls back into it is unsafe.
    struct Pending
    {
        JobCallback next;
    };
    auto pending = std::make_shared<Pending>(Pending { std::move(next) });
    connect(job, &QKeychain::Job::finished, this, [pending](QKeychain::Job* finished) {
        if (!pending->next)
            return;
        JobOutcome outcome { finished->error(), finished->errorString(), {}, false };
        if (const auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(finished); read && !outcome.error)
            outcome.data = read->binaryData();
        std::exchange(pending->next, nullptr)(std::move(outcome));
    });
    QTimer::singleShot(m_jobTimeout, this, [pending, entryKey] {
        if (!pending->next)
            return;
        qCWarning(lcCredentials) << "keychain job timed out for" << entryKey;
        std::exchange(pending->next, nullptr)(JobOutcome { QKeychain::OtherError, {}, {}, true });
    });
    job->start();
}

void KeychainCredentialStore::readHead(const QString& key, HeadCallback next)
{
    runJob(JobType::Read, key, {}, [key, next = std::move(next)](JobOutcome outcome) {
        if (outcome.error == QKeychain::EntryNotFound && !outcome.timedOut) {
            next(std::optional<Head>());
            return;
        }
        if (outcome.error != QKeychain::NoError || outcome.timedOut) {
            next(jobError(outcome.error, outcome.errorString, key, outcome.timedOut));
            return;
        }
        Head head;
        const QByteArray& data = outcome.data;
        if (data.size() >= kHeaderSize && std::equal(std::begin(kMagic), std::end(kMagic), data.cbegin())) {
            head.count = qFromBigEndian<quint16>(data.constData() + kMagicSize);
            head.length = qFromBigEndian<quint32>(data.constData() + kMagicSize + 2);
            head.digest = data.mid(kMagicSize + 6, kDigestSize);
            head.payload = data.mid(kHeaderSize);
            head.valid = head.count >= 1 && head.count <= kMaxEntries
                && head.count == entriesFor(static_cast<qsizetype>(head.length));
        }
        next(std::optional<Head>(std::move(head)));
    });
}

void KeychainCredentialStore::read(const QString& key, QObject* context, ReadCallback callback)
{
    QPointer<QObject> guard(context);
    if (const Status valid = validateKey(key); !valid) {
        deliverLater<Result<QByteArray>>(guard.data(), std::move(callback), valid.error());
        return;
    }
    auto finish = [this, guard, callback = std::move(callback)](Result<QByteArray> result) {
        deliverLater<Result<QByteArray>>(guard.data(), callback, std::move(result));
        operationFinished();
    };
    schedule([this, key, finish] {
        readHead(key, [this, key, finish](Result<std::optional<Head>> head) {
            if (!head) {
                finish(head.error());
                return;
            }
            if (!head->has_value()) {
                if (indexedEntryCount(key) > 0) {
                    qCWarning(lcCredentials) << "indexed key not found, keychain locked or unavailable:" << key;
                    finish(lockedOrUnavailable(key, QStringLiteral("entry not found")));
                } else {
                    finish(Error::credentials(QStringLiteral("NOT_FOUND"), u"no secret stored under " + key));
                }
                return;
            }
            const Head& h = **head;
            if (!h.valid) {
                finish(corrupt(key, QStringLiteral("not written by this program")));
                return;
            }
            readEntries(key, 1, h.count, h.payload,
                [this, key, finish, length = h.length, expected = h.digest, count = h.count](
                    Result<QByteArray> assembled) {
                    if (!assembled) {
                        finish(assembled.error());
                        return;
                    }
                    if (static_cast<quint32>(assembled->size()) != length || digest(*assembled) != expected) {
                        finish(corrupt(key, QStringLiteral("its parts do not add up")));
                        return;
                    }
                    // Keys written before the index existed (or after it was lost) join it on first read.
                    if (indexedEntryCount(key) < count && !setIndex(key, count))
                        qCWarning(lcCredentials) << "cannot index" << key;
                    finish(std::move(assembled));
                });
        });
    });
}

void KeychainCredentialStore::readEntries(
    const QString& key, int next, int count, QByteArray assembled, std::function<void(Result<QByteArray>)> done)
{
    if (next >= count) {
        done(std::move(assembled));
        return;
    }
    const QString entry = entryKey(key, next);
    runJob(JobType::Read, entry, {},
        [this, key, entry, next, count, assembled = std::move(assembled), done = std::move(done)](
            JobOutcome outcome) mutable {
            if (outcome.error == QKeychain::EntryNotFound && !outcome.timedOut) {
                done(corrupt(key, u"part " + entry + u" is missing"));
                return;
            }
            if (outcome.error != QKeychain::NoError || outcome.timedOut) {
                done(jobError(outcome.error, outcome.errorString, entry, outcome.timedOut));
                return;
            }
            assembled.append(outcome.data);
            readEntries(key, next + 1, count, std::move(assembled), std::move(done));
        });
}

void KeychainCredentialStore::write(
    const QString& key, const QByteArray& secret, QObject* context, StatusCallback callback)
{
    QPointer<QObject> guard(context);
    if (const Status valid = validateKey(key); !valid) {
        deliverLater<Status>(guard.data(), std::move(callback), valid);
        return;
    }
    if (secret.size() > maxSecretSize()) {
        deliverLater<Status>(guard.data(), std::move(callback),
            Error::input(QStringLiteral("SECRET_TOO_LARGE"),
                u"secret for " + key + u" is " + QString::number(secret.size()) + u" bytes, more than "
                    + QString::number(maxSecretSize())));
        return;
    }
    auto finish = [this, guard, callback = std::move(callback)](Status status) {
        deliverLater<Status>(guard.data(), callback, std::move(status));
        operationFinished();
    };
    // The old head tells how many entries the previous value used, so a shorter value leaves no
    // stale parts behind even when the index was lost.
    schedule([this, key, finish, entries = split(secret)] {
        readHead(key, [this, key, finish, entries](Result<std::optional<Head>> head) {
            if (!head) {
                finish(head.error());
                return;
            }
            const int indexed = indexedEntryCount(key);
            int oldCount = indexed;
            if (head->has_value())
                oldCount = std::max(oldCount, (*head)->valid ? (*head)->count : 1);
            const int newCount = static_cast<int>(entries.size());
            // Index first: if the program stops half-way, the index still covers every entry that may exist.
            if (const Status indexedOk = setIndex(key, std::max(oldCount, newCount)); !indexedOk) {
                finish(indexedOk);
                return;
            }
            writeEntries(key, entries, newCount - 1, false,
                [this, key, finish, oldCount, newCount, indexed](Status written, bool anyWritten) {
                    if (!written) {
                        // Nothing reached the keychain and nothing was there before: forget the key again.
                        if (!anyWritten && indexed == 0 && oldCount == 0 && !clearIndex(key))
                            qCWarning(lcCredentials) << "cannot unindex" << key;
                        finish(written);
                        return;
                    }
                    qCDebug(lcCredentials) << "stored" << key << "in" << newCount << "entries";
                    if (oldCount <= newCount) {
                        finish(setIndex(key, newCount));
                        return;
                    }
                    deleteEntries(key, newCount, oldCount, [this, key, finish, newCount](Status deleted) {
                        // The new value is complete either way; leftovers stay indexed for the next removal.
                        if (!deleted) {
                            qCWarning(lcCredentials) << "stale parts of" << key << "remain:" << deleted.error().code;
                            finish({});
                            return;
                        }
                        finish(setIndex(key, newCount));
                    });
                });
        });
    });
}

void KeychainCredentialStore::writeEntries(
    const QString& key, QList<QByteArray> entries, int next, bool anyWritten, std::function<void(Status, bool)> done)
{
    // Parts are written from the last to the head, so the head (the commit) goes last.
    if (next < 0) {
        done({}, anyWritten);
        return;
    }
    const QString entry = entryKey(key, next);
    const QByteArray data = entries.at(next);
    runJob(JobType::Write, entry, data,
        [this, key, entry, next, anyWritten, entries = std::move(entries), done = std::move(done)](
            JobOutcome outcome) mutable {
            if (outcome.error != QKeychain::NoError || outcome.timedOut) {
                qCWarning(lcCredentials) << "keychain write failed for" << entry << outcome.error;
                done(jobError(outcome.error, outcome.errorString, entry, outcome.timedOut), anyWritten);
                return;
            }
            writeEntries(key, std::move(entries), next - 1, true, std::move(done));
        });
}

void KeychainCredentialStore::deleteEntries(const QString& key, int from, int to, StatusCallback done)
{
    // Deletes entries [from, to) from the last down, so a partial removal keeps what the head needs.
    if (to <= from) {
        done({});
        return;
    }
    const QString entry = entryKey(key, to - 1);
    runJob(JobType::Delete, entry, {}, [this, key, entry, from, to, done = std::move(done)](JobOutcome outcome) {
        if (outcome.error != QKeychain::NoError && outcome.error != QKeychain::EntryNotFound) {
            done(jobError(outcome.error, outcome.errorString, entry, outcome.timedOut));
            return;
        }
        if (outcome.timedOut) {
            done(jobError(outcome.error, outcome.errorString, entry, true));
            return;
        }
        deleteEntries(key, from, to - 1, done);
    });
}

void KeychainCredentialStore::remove(const QString& key, QObject* context, StatusCallback callback)
{
    QPointer<QObject> guard(context);
    if (const Status valid = validateKey(key); !valid) {
        deliverLater<Status>(guard.data(), std::move(callback), valid);
        return;
    }
    auto finish = [this, guard, callback = std::move(callback)](Status status) {
        deliverLater<Status>(guard.data(), callback, std::move(status));
        operationFinished();
    };
    schedule([this, key, finish] {
        // libsecret reports success for a delete in a locked collection without deleting anything, so
        // the head is read first: only a readable (or never written) key can be confirmed removed.
        readHead(key, [this, key, finish](Result<std::optional<Head>> head) {
            if (!head) {
                finish(head.error());
                return;
            }
            const int indexed = indexedEntryCount(key);
            if (!head->has_value()) {
                if (indexed > 0) {
                    finish(lockedOrUnavailable(key, QStringLiteral("cannot confirm the removal")));
                    return;
                }
                finish({});
                return;
            }
            const int count = std::max(indexed, (*head)->valid ? (*head)->count : 1);
            deleteEntries(key, 0, count, [this, key, finish](Status deleted) {
                if (!deleted) {
                    finish(deleted);
                    return;
                }
                qCDebug(lcCredentials) << "removed" << key;
                finish(clearIndex(key));
            });
        });
    });
}

} // namespace wxpay::credentials
