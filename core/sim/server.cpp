#include "sim/server.h"

#include "crypto/crypto.h"
#include "sim/front.h"
#include "sim/log.h"

#include <QAbstractHttpServer>
#include <QCryptographicHash>
#include <QHash>
#include <QHttpServerRequest>
#include <QIODevice>
#include <QJsonDocument>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#include <functional>

namespace wxpay::sim {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "UNKNOWN";
    }
}

// How many times a client transport re-sends a request closed before any reply (QNetworkAccessManager's
// reconnect attempts), and how many reset requests are remembered at most.
constexpr int kTransportResends = 3;
constexpr qsizetype kMaxRememberedResets = 256;

QByteArray resendFingerprint(const front::Request& request)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(request.method);
    hash.addData("\n");
    hash.addData(request.target);
    hash.addData("\n");
    hash.addData(request.header("Authorization"));
    hash.addData("\n");
    hash.addData(request.body);
    return hash.result();
}

QString deliveryName(front::Delivery delivery)
{
    switch (delivery) {
    case front::Delivery::Answer:
        return QStringLiteral("answered");
    case front::Delivery::Delay:
        return QStringLiteral("delayed");
    case front::Delivery::NoAnswer:
        return QStringLiteral("never");
    case front::Delivery::Drop:
        return QStringLiteral("dropped");
    case front::Delivery::Reset:
        return QStringLiteral("reset");
    }
    return {};
}

// The leaf certificate for 127.0.0.1, ::1 and localhost, issued by the sandbox authority. TLS peers check
// validity against the real time, so the engine's (possibly manual) clock is not used here.
Result<QSslConfiguration> tlsConfiguration(const SimAuthority& authority)
{
    auto key = crypto::PrivateKey::generateRsa(2048);
    if (!key)
        return key.error();
    crypto::CertificateSpec spec;
    spec.commonName = QStringLiteral("localhost");
    spec.organization = QStringLiteral("wxpay-sim");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    spec.notBefore = now.addDays(-1);
    spec.notAfter = now.addYears(1);
    spec.dnsNames = { QStringLiteral("localhost") };
    spec.ipAddresses = { QStringLiteral("127.0.0.1"), QStringLiteral("::1") };
    spec.serverAuth = true;
    auto certificate = crypto::makeCertificate(key.value(), spec, *authority.key, &authority.certificate);
    if (!certificate)
        return certificate.error();

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certificate->toPem(), QSsl::Pem));
    configuration.setPrivateKey(QSslKey(key->toPem(), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey));
    // Ask every client for its certificate without requiring one: only /secapi needs it, and answers
    // a v2 FAIL without it, as WeChat does.
    configuration.setPeerVerifyMode(QSslSocket::QueryPeer);
    configuration.setCaCertificates({ QSslCertificate(authority.certificate.toPem(), QSsl::Pem) });
    if (configuration.localCertificate().isNull() || configuration.privateKey().isNull())
        return Error::input(
            QStringLiteral("SIM_TLS_FAILED"), QStringLiteral("the TLS certificate could not be loaded"));
    return configuration;
}

// QAbstractHttpServer parses; everything else happens in SimServer::Private::handle().
class HttpFront final : public QAbstractHttpServer
{
public:
    using Handler = std::function<void(const QHttpServerRequest&, QTcpSocket*)>;
    explicit HttpFront(Handler handler) : m_handler(std::move(handler)) { }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        m_handler(request, socket);
        return true;
    }

    void missingHandler(const QHttpServerRequest&, QTcpSocket* socket) override
    {
        socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
    }

private:
    Handler m_handler;
};

} // namespace

struct SimServer::Private
{
    Private(SimServer* owner, SimEngine& e) : q(owner), engine(e), context(e, nonces) { }

    SimServer* q;
    SimEngine& engine;
    RandomNonceSource nonces;
    front::Context context;
    std::unique_ptr<HttpFront> http;
    QTcpServer* listener = nullptr; // owned by `http`
    bool tls = false;
    QHostAddress address;
    QPointer<QIODevice> log;
    // Requests closed by a reset fault, by fingerprint, with the re-sends still to be reset the same way.
    QHash<QByteArray, int> resetResends;

    void handle(const QHttpServerRequest& request, QTcpSocket* socket);
    static QByteArray render(const front::Reply& reply, const QByteArray& requestId, bool close);
    void deliver(QTcpSocket* socket, const front::Reply& reply, const QByteArray& requestId, bool close);
    void record(const front::Request& request, const front::Outcome& outcome, const QByteArray& requestId, int status);
};

void SimServer::Private::handle(const QHttpServerRequest& httpRequest, QTcpSocket* socket)
{
    // QAbstractHttpServer reuses its request object for the next request on this connection: copy everything.
    front::Request request;
    const QUrl url = httpRequest.url();
    request.method = methodName(httpRequest.method());
    request.path = url.path(QUrl::FullyEncoded);
    request.target = request.path.toUtf8();
    if (url.hasQuery())
        request.target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    request.query = QUrlQuery(url);
    for (const auto& [name, value] : httpRequest.headers())
        request.headers.append({ name, value });
    request.body = httpRequest.body();
    if (auto* ssl = qobject_cast<QSslSocket*>(socket); ssl && ssl->isEncrypted()) {
        request.secure = true;
        request.peerCertificate = ssl->peerCertificate();
    }

    // QNetworkAccessManager (like other HTTP stacks) silently re-sends a request whose connection closed before
    // any byte of reply. The re-send carries the same bytes (a client's own retry signs a fresh nonce), so it
    // meets the same broken path instead of a fault meant for the next request or a normal answer.
    const QByteArray fingerprint = resendFingerprint(request);
    if (const auto resent = resetResends.find(fingerprint); resent != resetResends.end()) {
        if (--*resent <= 0)
            resetResends.erase(resent);
        front::Outcome again;
        again.delivery = front::Delivery::Reset;
        again.fault = Fault { FaultKind::Reset };
        again.code = QStringLiteral("RESEND");
        socket->abort();
        record(request, again, front::randomHex(16).toUpper(), 0);
        return;
    }

    std::optional<front::Outcome> outcome = front::handleV2(context, request);
    if (!outcome)
        outcome = front::handleV3(context, request);
    if (!outcome)
        outcome = front::handleMiniProgram(context, request);
    if (!outcome)
        outcome = front::handleSandbox(context, request);
    if (!outcome) {
        outcome = front::Outcome {};
        outcome->code = QStringLiteral("NOT_FOUND");
        outcome->reply = front::textReply(404, "text/plain; charset=utf-8", "wxpay-sim: no such endpoint\n");
    }

    const QByteArray requestId = front::randomHex(16).toUpper();
    const bool close = request.header("Connection").compare("close", Qt::CaseInsensitive) == 0;
    switch (outcome->delivery) {
    case front::Delivery::Answer:
        deliver(socket, outcome->reply, requestId, close);
        record(request, *outcome, requestId, outcome->reply.status);
        break;
    case front::Delivery::Delay: {
        QPointer<QTcpSocket> target(socket);
        QTimer::singleShot(outcome->delay, q, [this, target, request, result = *outcome, requestId, close] {
            const bool connected = target && target->state() == QAbstractSocket::ConnectedState;
            if (connected)
                deliver(target, result.reply, requestId, close);
            record(request, result, requestId, connected ? result.reply.status : 0);
        });
        break;
    }
    case front::Delivery::NoAnswer:
        record(request, *outcome, requestId, 0);
        break;
    case front::Delivery::Drop: {
        // Part of the answer, then the end of the connection. Closing before any byte of the reply would not
        // reach the client: QNetworkAccessManager silently sends the request again on a fresh connection.
        const QByteArray full = render(outcome->reply, requestId, false);
        const qsizetype unsent = outcome->reply.body.isEmpty() ? full.size() / 2 : outcome->reply.body.size() / 2 + 1;
        socket->write(full.left(full.size() - unsent));
        socket->disconnectFromHost();
        record(request, *outcome, requestId, 0);
        break;
    }
    case front::Delivery::Reset:
        if (resetResends.size() > kMaxRememberedResets)
            resetResends.clear(); // only a client that never re-sends leaves entries behind
        resetResends.insert(fingerprint, kTransportResends);
        socket->abort();
        record(request, *outcome, requestId, 0);
        break;
    }
    if (outcome->reachedEngine)
        Q_EMIT q->stateChanged();
}

QByteArray SimServer::Private::render(const front::Reply& reply, const QByteArray& requestId, bool close)
{
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    bytes += "Server: wxpay-sim\r\n";
    for (const auto& [name, value] : reply.headers)
        bytes += name + ": " + value + "\r\n";
    bytes += "Request-ID: " + requestId + "\r\n";
    if (reply.status != 204)
        bytes += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    if (close)
        bytes += "Connection: close\r\n";
    bytes += "\r\n";
    if (reply.status != 204)
        bytes += reply.body;
    return bytes;
}

void SimServer::Private::deliver(QTcpSocket* socket, const front::Reply& reply, const QByteArray& requestId, bool close)
{
    socket->write(render(reply, requestId, close));
    if (close)
        socket->disconnectFromHost();
}

void SimServer::Private::record(
    const front::Request& request, const front::Outcome& outcome, const QByteArray& requestId, int status)
{
    QJsonObject entry;
    entry.insert(QStringLiteral("time"), engine.clock().now().toString(Qt::ISODateWithMs));
    entry.insert(QStringLiteral("method"), QString::fromLatin1(request.method));
    entry.insert(QStringLiteral("path"), request.path); // never the query: it may carry a secret or a token
    entry.insert(QStringLiteral("tls"), request.secure);
    if (!outcome.family.isEmpty())
        entry.insert(QStringLiteral("family"), outcome.family);
    if (outcome.operation)
        entry.insert(QStringLiteral("operation"), operationName(*outcome.operation));
    if (!outcome.mchid.isEmpty())
        entry.insert(QStringLiteral("mchid"), outcome.mchid);
    if (!outcome.subMchid.isEmpty())
        entry.insert(QStringLiteral("sub_mchid"), outcome.subMchid);
    entry.insert(QStringLiteral("status"), status);
    if (!outcome.code.isEmpty())
        entry.insert(QStringLiteral("code"), outcome.code);
    entry.insert(QStringLiteral("request_id"), QString::fromLatin1(requestId));
    if (outcome.fault) {
        QString fault = faultKindName(outcome.fault->kind);
        if (outcome.fault->kind == FaultKind::Delay)
            fault += u'=' + QString::number(outcome.fault->delay.count());
        if (outcome.fault->kind == FaultKind::Business)
            fault += u'=' + outcome.fault->code; // parse() let only code-shaped text through
        entry.insert(QStringLiteral("fault"), fault);
    }
    entry.insert(QStringLiteral("delivery"), deliveryName(outcome.delivery));

    qCDebug(lcSim).noquote() << request.method << request.path << status << outcome.code << "Request-ID" << requestId;
    if (log)
        log->write(QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n');
    Q_EMIT q->requestHandled(entry);
}

SimServer::SimServer(SimEngine& engine, QObject* parent) : QObject(parent), d(std::make_unique<Private>(this, engine))
{ }

SimServer::~SimServer() = default;

Result<quint16> SimServer::listen(const ListenOptions& options)
{
    close();
    if (!options.address.isLoopback() && !options.allowNonLoopback) {
        return Error::input(QStringLiteral("SIM_LISTEN_REFUSED"),
            u"refusing to listen on " + options.address.toString()
                + u": the simulator serves loopback only unless non-loopback listening is allowed");
    }
    std::unique_ptr<QTcpServer> listener;
    if (options.tls) {
        if (!d->engine.authority())
            return Error::input(
                QStringLiteral("SIM_NO_AUTHORITY"), QStringLiteral("HTTPS needs the sandbox authority"));
        auto configuration = tlsConfiguration(*d->engine.authority());
        if (!configuration)
            return configuration.error();
        auto ssl = std::make_unique<QSslServer>();
        ssl->setSslConfiguration(configuration.value());
        listener = std::move(ssl);
    } else {
        listener = std::make_unique<QTcpServer>();
    }
    if (!listener->listen(options.address, options.port)) {
        return Error::network(QStringLiteral("SIM_LISTEN_FAILED"),
            u"cannot listen on " + options.address.toString() + u':' + QString::number(options.port) + u": "
                + listener->errorString());
    }

    d->http = std::make_unique<HttpFront>(
        [this](const QHttpServerRequest& request, QTcpSocket* socket) { d->handle(request, socket); });
    d->listener = listener.release();
    d->http->bind(d->listener);
    d->tls = options.tls;
    d->address = options.address;
    d->context.baseUrl = baseUrl();
    qCInfo(lcSim).noquote() << "listening on" << baseUrl().toString();
    return d->listener->serverPort();
}

void SimServer::close()
{
    if (!d->http)
        return;
    d->http.reset(); // its listener and every open connection go with it
    d->listener = nullptr;
    d->context.billTokens.clear();
}

bool SimServer::isListening() const
{
    return d->listener && d->listener->isListening();
}

quint16 SimServer::port() const
{
    return isListening() ? d->listener->serverPort() : 0;
}

QUrl SimServer::baseUrl() const
{
    if (!isListening())
        return {};
    QUrl url;
    url.setScheme(d->tls ? QStringLiteral("https") : QStringLiteral("http"));
    const bool any
        = d->address == QHostAddress::Any || d->address == QHostAddress::AnyIPv4 || d->address == QHostAddress::AnyIPv6;
    url.setHost(any ? QStringLiteral("127.0.0.1") : d->address.toString());
    url.setPort(port());
    return url;
}

QSslCertificate SimServer::caCertificate() const
{
    const auto& authority = d->engine.authority();
    return authority ? QSslCertificate(authority->certificate.toPem(), QSsl::Pem) : QSslCertificate();
}

void SimServer::setRequestLog(QIODevice* device)
{
    d->log = device;
}

void SimServer::setManualClock(ManualClock* clock)
{
    d->context.manualClock = clock;
}

} // namespace wxpay::sim
