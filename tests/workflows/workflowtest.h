#pragma once

// Shared set-up of the workflow tests: the real simulator (SimEngine with sandbox merchants behind an HTTPS
// SimServer on 127.0.0.1), and a "till" per test — the client side a console builds for one profile: a real
// SQLite history in a temporary folder, the real codec, HttpTransport and PaymentGateway, and a
// ManualScheduler on the shared ManualClock so that minutes of polling run at once.

#include "common/clock.h"
#include "common/nonce.h"
#include "gateway/paymentgateway.h"
#include "sim/engine.h"
#include "sim/scenario.h"
#include "sim/server.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/orderstore.h"
#include "storage/refundstore.h"
#include "workflows/context.h"
#include "workflows/scheduler.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTest>

#include <chrono>
#include <functional>
#include <memory>

namespace wxpay::workflowtest {

// Longest wait for a workflow to end; the simulator answers in milliseconds.
inline constexpr int kWaitMs = 30000;

// Today (the real date: the TLS stack checks certificates against real time) at 10:00 China time.
QDateTime startTime();

// One simulator for a whole test executable (making the sandbox keys is the slow part).
class SimWorld : public QObject
{
    Q_OBJECT

public:
    explicit SimWorld(sim::SimSettings settings = {});
    ~SimWorld() override;

    Status start(const QList<ApiFamily>& families);

    const sim::SimMerchant& merchant(ApiFamily family) const;
    MerchantIds ids(ApiFamily family) const;
    sim::SimServer& server() { return *m_server; }
    // The engine's record of an order; a default entry when there is none.
    sim::LedgerEntry ledgerEntry(ApiFamily family, const QString& outTradeNo);

    // Requests the server answered since the last resetCounts(), by operation name ("query", "reverse", ...).
    int count(const QString& operation) const { return m_counts.value(operation); }
    void resetCounts() { m_counts.clear(); }

    ManualClock clock { startTime() };
    RandomNonceSource nonces;
    sim::SimEngine engine;

private:
    QList<sim::SimMerchant> m_merchants;
    std::unique_ptr<sim::SimServer> m_server;
    QHash<QString, int> m_counts;
};

// The client side of one profile.
class Till
{
public:
    // `databasePath` is the SQLite file (shared by two tills to act out a restart).
    Till(SimWorld& world,
        ApiFamily family,
        const QString& databasePath,
        const std::function<void(gateway::TransportConfig&)>& adjust = {});
    ~Till();

    Status open();
    workflows::WorkflowContext context();
    QString profileId() const { return QStringLiteral("till-") + apiFamilyName(family); }
    QString currency() const;
    Money amount(qint64 minor) const;
    // The history row of an order (fails the test when missing).
    std::optional<storage::OrderRecord> order(const QString& outTradeNo) const;

    SimWorld& world;
    ApiFamily family;
    storage::Database database;
    storage::OrderStore orders;
    storage::RefundStore refunds;
    storage::AuditLog audit;
    storage::Journal journal;
    QNetworkAccessManager nam;
    std::unique_ptr<gateway::HttpTransport> transport;
    std::unique_ptr<gateway::PaymentGateway> gateway;
    workflows::ManualScheduler scheduler;
    RandomNonceSource nonces;

private:
    std::function<void(gateway::TransportConfig&)> m_adjust;
};

// A payment code for `scenario` that no earlier test used.
QString nextAuthCode(sim::QuickPayScenario scenario, int n = 0);

QList<ApiFamily> allFamilies();

} // namespace wxpay::workflowtest
