#pragma once

// wxpay-sim's HTTP front: serves the engine on loopback over HTTP or HTTPS, in every family's wire
// format (v2 XML on /pay and /secapi, v3 JSON on /v3/pay, /v3/refund, /v3/bill, /v3/certificates,
// /v3/global, /hk/v3, and the mini-program /cgi-bin and /wxa paths). It checks what WeChat checks
// (v2 sign, client certificate on /secapi, v3 Authorization), signs what WeChat signs, and acts out
// the engine's FaultPlan before or after each request.

#include "common/result.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include <memory>

class QIODevice;

namespace wxpay {
class ManualClock;
}

namespace wxpay::sim {

class SimEngine;

struct ListenOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0: any free port
    bool tls = false; // HTTPS with a certificate issued by the engine's authority
    bool allowNonLoopback = false; // listening beyond loopback must be asked for explicitly
};

class SimServer : public QObject
{
    Q_OBJECT

public:
    explicit SimServer(SimEngine& engine, QObject* parent = nullptr);
    ~SimServer() override;

    // Input SIM_LISTEN_REFUSED for a non-loopback address without allowNonLoopback; Network SIM_LISTEN_FAILED
    // when the port cannot be bound; Input SIM_NO_AUTHORITY for TLS without an authority in the engine.
    Result<quint16> listen(const ListenOptions& options);
    void close();

    bool isListening() const;
    quint16 port() const;
    // "http://127.0.0.1:PORT" or "https://127.0.0.1:PORT" (the TLS certificate names 127.0.0.1, ::1 and localhost).
    QUrl baseUrl() const;
    // The CA a client must trust for HTTPS (the engine authority's certificate).
    QSslCertificate caCertificate() const;

    // One JSON object per line for every request: time, method, path, operation, mchid, status,
    // error code, Request-ID, fault applied. Never bodies, keys or signatures. Not owned.
    void setRequestLog(QIODevice* device);

    // Lets POST /sandbox/clock/advance move `clock`, which must be the engine's clock (tests, --manual-clock).
    // Not owned; nullptr (the default) disables the endpoint.
    void setManualClock(ManualClock* clock);

Q_SIGNALS:
    // After each request is answered (or deliberately not answered), with the log line's fields.
    void requestHandled(const QJsonObject& entry);
    // After a request that reached the engine or a sandbox control: its state may have changed (save it now).
    void stateChanged();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace wxpay::sim
