#include "workflowtest.h"

#include "sim/sandbox.h"
#include "sim/sandboxclient.h"

namespace wxpay::workflowtest {

namespace {

NonceSource& clientNonces()
{
    static RandomNonceSource nonces;
    return nonces;
}

} // namespace

QDateTime startTime()
{
    return QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(2, 0), Qt::UTC);
}

SimWorld::SimWorld(sim::SimSettings settings) : engine(clock, nonces, settings)
{ }

SimWorld::~SimWorld() = default;

Status SimWorld::start(const QList<ApiFamily>& families)
{
    auto sandbox = sim::SandboxFactory(clock, nonces).createSandbox(families);
    if (!sandbox)
        return sandbox.error();
    if (const Status added = engine.addMerchants(sandbox.value()); !added)
        return added;
    m_merchants = sandbox->merchants;
    m_server = std::make_unique<sim::SimServer>(engine);
    connect(m_server.get(), &sim::SimServer::requestHandled, this,
        [this](const QJsonObject& entry) { ++m_counts[entry.value(QStringLiteral("operation")).toString()]; });
    sim::ListenOptions options;
    options.tls = true; // APIv2 reverse and refund need the client certificate
    if (auto port = m_server->listen(options); !port)
        return port.error();
    return {};
}

const sim::SimMerchant& SimWorld::merchant(ApiFamily family) const
{
    for (const sim::SimMerchant& m : m_merchants) {
        if (m.supports(family))
            return m;
    }
    qFatal("the simulator has no merchant for %s", qPrintable(apiFamilyName(family)));
}

MerchantIds SimWorld::ids(ApiFamily family) const
{
    const sim::SimMerchant& m = merchant(family);
    return { m.mchid, m.appid, m.subMchid, m.subAppid };
}

sim::LedgerEntry SimWorld::ledgerEntry(ApiFamily family, const QString& outTradeNo)
{
    const QString mchid = merchant(family).mchid;
    const QList<sim::LedgerEntry> ledger = engine.ledger();
    for (const sim::LedgerEntry& entry : ledger) {
        if (entry.mchid == mchid && entry.outTradeNo == outTradeNo)
            return entry;
    }
    return {};
}

Till::Till(
    SimWorld& w, ApiFamily f, const QString& databasePath, const std::function<void(gateway::TransportConfig&)>& adjust)
    : world(w)
    , family(f)
    , database(databasePath)
    , orders(database, w.clock)
    , refunds(database, w.clock)
    , audit(database, w.clock)
    , journal(database, w.clock)
    , scheduler(w.clock)
    , m_adjust(adjust)
{ }

Till::~Till() = default;

Status Till::open()
{
    if (Status opened = database.open(); !opened)
        return opened;
    const sim::SimMerchant& merchant = world.merchant(family);
    auto config = sim::makeTransportConfig(merchant, world.server());
    if (!config)
        return config.error();
    if (m_adjust)
        m_adjust(config.value());
    auto codec = sim::makePaymentCodec(merchant, family, world.clock, clientNonces());
    if (!codec)
        return codec.error();
    transport = std::make_unique<gateway::HttpTransport>(nam, std::move(config).value());
    gateway = std::make_unique<gateway::PaymentGateway>(std::move(codec).value(), *transport);
    return {};
}

workflows::WorkflowContext Till::context()
{
    return workflows::WorkflowContext { profileId(), QStringLiteral("alice"), *gateway, database, orders, refunds,
        audit, journal, world.clock, scheduler, nonces };
}

QString Till::currency() const
{
    return world.merchant(family).defaultCurrency();
}

Money Till::amount(qint64 minor) const
{
    return Money::fromMinor(minor, currency()).value();
}

std::optional<storage::OrderRecord> Till::order(const QString& outTradeNo) const
{
    auto found = orders.findByOutTradeNo(profileId(), outTradeNo);
    if (!found)
        return std::nullopt;
    return found.value();
}

QString nextAuthCode(sim::QuickPayScenario scenario, int n)
{
    static quint64 serial = 0;
    return sim::makeAuthCode(scenario, n, ++serial);
}

QList<ApiFamily> allFamilies()
{
    return { ApiFamily::V2, ApiFamily::V3, ApiFamily::Global, ApiFamily::HkV3 };
}

} // namespace wxpay::workflowtest
