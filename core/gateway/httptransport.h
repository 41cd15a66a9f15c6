#pragma once

// Sends protocol::WireRequests over QNetworkAccessManager and hands back WireResponses.
// HTTP status codes are not errors here: the codec decides what a 4xx/5xx means. Only the
// absence of a usable reply (connection, TLS, timeout, oversize body) is an Error.

#include "common/result.h"
#include "protocol/wire.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace wxpay::gateway {

struct TransportConfig
{
    QUrl payBaseUrl { QStringLiteral("https://api.mch.weixin.qq.com") };
    QUrl miniProgramBaseUrl { QStringLiteral("https://api.weixin.qq.com") };
    std::chrono::milliseconds timeout { std::chrono::seconds(15) };
    // Replaces the system CAs when non-empty: only the sandbox and tests set this.
    QList<QSslCertificate> trustedCaCertificates;
    // v2 /secapi/... mutual TLS; offered on every request to the payment host (see send()).
    QSslKey clientKey;
    QSslCertificate clientCertificate;
    QByteArray userAgent = "wxpay-console";
    qsizetype maxResponseBytes = 16 * 1024 * 1024; // the largest bill we accept
};

// Plain http:// is allowed only to loopback addresses (the sandbox); everything else must be https.
Status checkBaseUrl(const QUrl& url);

class HttpTransport : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(Result<protocol::WireResponse>)>;

    HttpTransport(QNetworkAccessManager& nam, TransportConfig config, QObject* parent = nullptr);
    ~HttpTransport() override;

    const TransportConfig& config() const { return m_config; }

    // Sends `request`; `done` runs once, on this thread, unless `context` is destroyed first.
    void send(const protocol::WireRequest& request, QObject* context, Callback done);

    // Aborts every request in flight; their callbacks get a Cancelled error.
    void abortAll();

private:
    void finish(QNetworkReply* reply);

    QNetworkAccessManager& m_nam;
    TransportConfig m_config;
    struct Pending
    {
        QPointer<QObject> context;
        Callback done;
        bool tooLarge = false;
        bool aborted = false;
    };
    QHash<QNetworkReply*, Pending> m_pending;
};

} // namespace wxpay::gateway
