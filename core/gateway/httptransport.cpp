#include "gateway/httptransport.h"

#include "gateway/log.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

#include <cstring>

namespace wxpay::gateway {

using protocol::WireRequest;
using protocol::WireResponse;

namespace {

// A request body that can be read once only. With it, and upload buffering off, QNetworkAccessManager cannot
// silently send a POST again when a kept-alive connection closes before the reply starts: a payment request
// must reach WeChat at most once per attempt, and the caller decides whether to query.
class ReadOnceBody final : public QIODevice
{
public:
    explicit ReadOnceBody(QByteArray data)
        : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_position + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 count = qMin(maxSize, m_data.size() - m_position);
        std::memcpy(data, m_data.constData() + m_position, static_cast<size_t>(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Error networkError(QNetworkReply* reply)
{
    QString code;
    switch (reply->error()) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // transfer timeout aborts with this
        code = QStringLiteral("TIMEOUT");
        break;
    case QNetworkReply::ConnectionRefusedError:
        code = QStringLiteral("CONNECTION_REFUSED");
        break;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ContentReSendError: // closed before the reply; a resend was refused (see ReadOnceBody)
        code = QStringLiteral("CONNECTION_CLOSED");
        break;
    case QNetworkReply::HostNotFoundError:
        code = QStringLiteral("HOST_NOT_FOUND");
        break;
    case QNetworkReply::SslHandshakeFailedError:
        code = QStringLiteral("TLS_FAILED");
        break;
    default:
        code = QStringLiteral("NETWORK_ERROR");
        break;
    }
    return Error::network(code, reply->errorString());
}

} // namespace

Status checkBaseUrl(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty())
        return Error::input(QStringLiteral("URL_INVALID"), u"not a server address: " + url.toString());
    if (url.scheme() == u"https")
        return {};
    if (url.scheme() == u"http" && isLoopbackHost(url.host()))
        return {};
    return Error::input(
        QStringLiteral("URL_INSECURE"), u"only https is allowed outside the local sandbox: " + url.toDisplayString());
}

HttpTransport::HttpTransport(QNetworkAccessManager& nam, TransportConfig config, QObject* parent)
    : QObject(parent), m_nam(nam), m_config(std::move(config))
{ }

HttpTransport::~HttpTransport()
{
    // Replies are children of the QNAM, which may outlive us: detach and abort them.
    const auto replies = m_pending.keys();
    m_pending.clear();
    for (QNetworkReply* reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void HttpTransport::send(const WireRequest& request, QObject* context, Callback done)
{
    Q_ASSERT(context);
    auto fail = [&](Error error) {
        // Keep the callback asynchronous even for errors found before sending.
        QMetaObject::invokeMethod(
            context, [done = std::move(done), error = std::move(error)] { done(error); }, Qt::QueuedConnection);
    };

    const QUrl& base
        = request.endpoint == protocol::Endpoint::MiniProgram ? m_config.miniProgramBaseUrl : m_config.payBaseUrl;
    if (const Status ok = checkBaseUrl(base); !ok)
        return fail(ok.error());
    if (request.needsClientCertificate && (m_config.clientKey.isNull() || m_config.clientCertificate.isNull())) {
        return fail(Error::credentials(QStringLiteral("CLIENT_CERTIFICATE_MISSING"),
            QStringLiteral("this operation needs the merchant's API client certificate")));
    }

    QString basePath = base.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    QUrl url = base;
    const qsizetype queryStart = request.pathAndQuery.indexOf(u'?');
    url.setPath(basePath + request.pathAndQuery.left(queryStart), QUrl::TolerantMode);
    url.setQuery(queryStart < 0 ? QString() : request.pathAndQuery.mid(queryStart + 1), QUrl::TolerantMode);

    QNetworkRequest networkRequest(url);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setTransferTimeout(static_cast<int>(m_config.timeout.count()));
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, m_config.userAgent);
    for (const auto& [name, value] : request.headers)
        networkRequest.setRawHeader(name, value);

    if (url.scheme() == u"https") {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!m_config.trustedCaCertificates.isEmpty())
            ssl.setCaCertificates(m_config.trustedCaCertificates);
        // QNetworkAccessManager reuses a connection whatever the request's own TLS settings, so a /secapi request
        // after a plain one would travel without the certificate: offer it on every request to the payment host.
        const bool haveClientCertificate = !m_config.clientKey.isNull() && !m_config.clientCertificate.isNull();
        if (haveClientCertificate && request.endpoint == protocol::Endpoint::Pay) {
            ssl.setPrivateKey(m_config.clientKey);
            ssl.setLocalCertificate(m_config.clientCertificate);
        }
        networkRequest.setSslConfiguration(ssl);
    }

    QNetworkReply* reply = nullptr;
    if (request.body.isEmpty()) {
        reply = m_nam.sendCustomRequest(networkRequest, request.method);
    } else {
        networkRequest.setHeader(QNetworkRequest::ContentLengthHeader, request.body.size());
        networkRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto* body = new ReadOnceBody(request.body);
        reply = m_nam.sendCustomRequest(networkRequest, request.method, body);
        body->setParent(reply);
    }
    m_pending.insert(reply, Pending { context, std::move(done) });
    qCDebug(lcGateway) << request.method << url.path() << "sent";

    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64) {
        auto it = m_pending.find(reply);
        if (it != m_pending.end() && received > m_config.maxResponseBytes && !it->tooLarge) {
            it->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
}

void HttpTransport::abortAll()
{
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        it->aborted = true;
        it.key()->abort();
    }
}

void HttpTransport::finish(QNetworkReply* reply)
{
    reply->deleteLater();
    const Pending pending = m_pending.take(reply);
    if (!pending.done || !pending.context)
        return;

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    Result<WireResponse> result = [&]() -> Result<WireResponse> {
        if (pending.tooLarge) {
            return Error::protocol(QStringLiteral("BODY_TOO_LARGE"),
                QStringLiteral("reply larger than %1 bytes").arg(m_config.maxResponseBytes));
        }
        if (pending.aborted)
            return Error::cancelled(QStringLiteral("request cancelled"));
        // A reply with a status line is a reply, whatever the status; everything else is a network failure.
        if (!status.isValid())
            return networkError(reply);
        WireResponse response;
        response.status = status.toInt();
        for (const auto& [name, value] : reply->rawHeaderPairs())
            response.headers.append({ name, value });
        response.body = reply->readAll();
        if (response.body.size() > m_config.maxResponseBytes) {
            return Error::protocol(QStringLiteral("BODY_TOO_LARGE"),
                QStringLiteral("reply larger than %1 bytes").arg(m_config.maxResponseBytes));
        }
        if (reply->error() != QNetworkReply::NoError && reply->error() < QNetworkReply::ContentAccessDenied) {
            // Connection-level failure after a partial reply (e.g. dropped mid-body).
            return networkError(reply);
        }
        return response;
    }();
    if (!result.ok())
        qCInfo(lcGateway) << "request failed:" << result.error().toString();
    pending.done(std::move(result));
}

} // namespace wxpay::gateway
