#include "gateway/httptransport.h"
#include "support/testsupport.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace wxpay;
using namespace wxpay::gateway;
using namespace wxpay::protocol;
using namespace std::chrono_literals;

namespace {

// Runs one request and waits for its callback.
Result<WireResponse> roundTrip(HttpTransport& transport, const WireRequest& request)
{
    std::optional<Result<WireResponse>> outcome;
    QObject context;
    transport.send(request, &context, [&](Result<WireResponse> r) { outcome.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 10000))
        return Error::network(QStringLiteral("TEST_TIMEOUT"), QStringLiteral("no callback"));
    return *outcome;
}

WireRequest post(const QString& path, QByteArray body)
{
    WireRequest request;
    request.method = "POST";
    request.pathAndQuery = path;
    request.headers = { { "Content-Type", "application/json" }, { "X-Probe", "1" } };
    request.body = std::move(body);
    return request;
}

QUrl loopback(quint16 port)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

} // namespace

class TestHttpTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_server.route(QStringLiteral("/echo"), [](const QHttpServerRequest& request) {
            QByteArray text = request.body() + '|' + request.value("X-Probe") + '|' + request.url().query().toUtf8();
            QHttpServerResponse response("text/plain", text);
            response.setHeader("Request-ID", "rid-42");
            return response;
        });
        m_server.route(QStringLiteral("/v3/missing"), [] {
            return QHttpServerResponse("application/json", R"({"code":"ORDER_NOT_EXIST","message":"x"})",
                QHttpServerResponse::StatusCode::NotFound);
        });
        m_server.route(QStringLiteral("/big"), [] { return QHttpServerResponse(QByteArray(64 * 1024, 'x')); });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_port != 0);
    }

    void roundTripKeepsBodyHeadersAndQuery()
    {
        TransportConfig config;
        config.payBaseUrl = loopback(m_port);
        HttpTransport transport(m_nam, config);
        const auto response = roundTrip(transport, post(QStringLiteral("/echo?a=1&b=%2F"), "hello"));
        WXPAY_VERIFY_OK(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, QByteArray("hello|1|a=1&b=%2F"));
        QCOMPARE(response->requestId(), QStringLiteral("rid-42"));
    }

    void errorStatusIsAReplyNotAnError()
    {
        TransportConfig config;
        config.payBaseUrl = loopback(m_port);
        HttpTransport transport(m_nam, config);
        const auto response = roundTrip(transport, post(QStringLiteral("/v3/missing"), {}));
        WXPAY_VERIFY_OK(response);
        QCOMPARE(response->status, 404);
        QVERIFY(response->body.contains("ORDER_NOT_EXIST"));
    }

    void plainHttpOnlyToLoopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << "https://api.mch.weixin.qq.com" << true;
        QTest::newRow("http loopback v4") << "http://127.0.0.1:8080" << true;
        QTest::newRow("http loopback v6") << "http://[::1]:8080" << true;
        QTest::newRow("http localhost") << "http://localhost:8080" << true;
        QTest::newRow("http remote") << "http://api.mch.weixin.qq.com" << false;
        QTest::newRow("http private") << "http://192.168.1.2" << false;
        QTest::newRow("ftp") << "ftp://127.0.0.1" << false;
        QTest::newRow("no host") << "https://" << false;
    }

    void plainHttpOnlyToLoopback()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QCOMPARE(checkBaseUrl(QUrl(url)).ok(), allowed);
    }

    void insecureUrlIsRefusedBeforeSending()
    {
        TransportConfig config;
        config.payBaseUrl = QUrl(QStringLiteral("http://api.mch.weixin.qq.com"));
        HttpTransport transport(m_nam, config);
        WXPAY_VERIFY_ERROR(roundTrip(transport, post(QStringLiteral("/pay/micropay"), "x")), ErrorKind::Input,
            QStringLiteral("URL_INSECURE"));
    }

    void clientCertificateRequiredForSecapi()
    {
        TransportConfig config;
        config.payBaseUrl = loopback(m_port);
        HttpTransport transport(m_nam, config);
        WireRequest request = post(QStringLiteral("/secapi/pay/refund"), "x");
        request.needsClientCertificate = true;
        WXPAY_VERIFY_ERROR(
            roundTrip(transport, request), ErrorKind::Credentials, QStringLiteral("CLIENT_CERTIFICATE_MISSING"));
    }

    void silentServerTimesOut()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        TransportConfig config;
        config.payBaseUrl = loopback(silent.serverPort());
        config.timeout = 300ms;
        HttpTransport transport(m_nam, config);
        WXPAY_VERIFY_ERROR(roundTrip(transport, post(QStringLiteral("/pay/orderquery"), "x")), ErrorKind::Network,
            QStringLiteral("TIMEOUT"));
    }

    void droppedConnectionIsANetworkError()
    {
        QTcpServer dropper;
        QVERIFY(dropper.listen(QHostAddress::LocalHost));
        connect(&dropper, &QTcpServer::newConnection, &dropper, [&dropper] {
            QTcpSocket* socket = dropper.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->abort(); });
        });
        TransportConfig config;
        config.payBaseUrl = loopback(dropper.serverPort());
        HttpTransport transport(m_nam, config);
        const auto result = roundTrip(transport, post(QStringLiteral("/pay/micropay"), "x"));
        WXPAY_VERIFY_ERROR(result, ErrorKind::Network, QString());
    }

    void refusedConnectionIsANetworkError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        TransportConfig config;
        config.payBaseUrl = loopback(port);
        HttpTransport transport(m_nam, config);
        WXPAY_VERIFY_ERROR(roundTrip(transport, post(QStringLiteral("/pay/micropay"), "x")), ErrorKind::Network,
            QStringLiteral("CONNECTION_REFUSED"));
    }

    void oversizedReplyIsRefused()
    {
        TransportConfig config;
        config.payBaseUrl = loopback(m_port);
        config.maxResponseBytes = 1024;
        HttpTransport transport(m_nam, config);
        WXPAY_VERIFY_ERROR(roundTrip(transport, post(QStringLiteral("/big"), {})), ErrorKind::Protocol,
            QStringLiteral("BODY_TOO_LARGE"));
    }

    void destroyedContextGetsNoCallback()
    {
        TransportConfig config;
        config.payBaseUrl = loopback(m_port);
        HttpTransport transport(m_nam, config);
        bool called = false;
        {
            QObject context;
            transport.send(post(QStringLiteral("/echo"), "x"), &context, [&](Result<WireResponse>) { called = true; });
        }
        // A second request on a live context finishes after the first would have.
        QVERIFY(roundTrip(transport, post(QStringLiteral("/echo"), "y")).ok());
        QTest::qWait(50);
        QVERIFY(!called);
    }

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    QNetworkAccessManager m_nam;
};

QTEST_GUILESS_MAIN(TestHttpTransport)
#include "tst_httptransport.moc"
