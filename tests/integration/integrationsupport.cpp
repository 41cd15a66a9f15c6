#include "integrationsupport.h"

#include "sim/sandbox.h"
#include "sim/scenario.h"

#include <QTimer>

namespace wxpay::integration {

namespace {

// Client nonces are independent of the simulator's.
NonceSource& clientNonces()
{
    static RandomNonceSource nonces;
    return nonces;
}

} // namespace

void ReplyWait::exec()
{
    if (m_done)
        return;
    QTimer::singleShot(kReplyWaitMs, &m_loop, &QEventLoop::quit);
    m_loop.exec();
}

void ReplyWait::done()
{
    m_done = true;
    m_loop.quit();
}

QDateTime startTime()
{
    return QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(2, 0), Qt::UTC);
}

SimHarness::SimHarness(sim::SimSettings settings) : engine(clock, nonces, settings)
{ }

SimHarness::~SimHarness() = default;

Status SimHarness::start(const QList<ApiFamily>& families)
{
    auto sandbox = sim::SandboxFactory(clock, nonces).createSandbox(families);
    if (!sandbox)
        return sandbox.error();
    if (const Status added = engine.addMerchants(sandbox.value()); !added)
        return added;
    m_merchants = sandbox->merchants;
    m_http = std::make_unique<sim::SimServer>(engine);
    if (auto port = m_http->listen(sim::ListenOptions {}); !port)
        return port.error();
    m_https = std::make_unique<sim::SimServer>(engine);
    sim::ListenOptions tls;
    tls.tls = true;
    if (auto port = m_https->listen(tls); !port)
        return port.error();
    return {};
}

const sim::SimMerchant& SimHarness::merchant(ApiFamily family) const
{
    for (const sim::SimMerchant& m : m_merchants) {
        if (m.supports(family))
            return m;
    }
    qFatal("the harness has no merchant for %s", qPrintable(apiFamilyName(family)));
}

MerchantIds SimHarness::ids(ApiFamily family) const
{
    const sim::SimMerchant& m = merchant(family);
    return { m.mchid, m.appid, m.subMchid, m.subAppid };
}

sim::LedgerEntry SimHarness::ledgerEntry(const QString& mchid, const QString& outTradeNo)
{
    const QList<sim::LedgerEntry> ledger = engine.ledger();
    for (const sim::LedgerEntry& entry : ledger) {
        if (entry.mchid == mchid && entry.outTradeNo == outTradeNo)
            return entry;
    }
    return {};
}

Result<std::unique_ptr<protocol::PaymentCodec>> makeCodec(
    SimHarness& harness, ApiFamily family, const ClientSetup& setup)
{
    const sim::SimMerchant& merchant = setup.merchant ? *setup.merchant : harness.merchant(family);
    return sim::makePaymentCodec(
        merchant, family, setup.clock ? *setup.clock : harness.clock, clientNonces(), setup.options);
}

Result<std::unique_ptr<Client>> makeClient(SimHarness& harness, ApiFamily family, const ClientSetup& setup)
{
    const sim::SimMerchant& merchant = setup.merchant ? *setup.merchant : harness.merchant(family);
    const Clock& clock = setup.clock ? *setup.clock : harness.clock;
    auto config = sim::makeTransportConfig(merchant, harness.server(setup.tls));
    if (!config)
        return config.error();
    if (setup.adjust)
        setup.adjust(config.value());
    auto codec = sim::makePaymentCodec(merchant, family, clock, clientNonces(), setup.options);
    if (!codec)
        return codec.error();

    auto client = std::make_unique<Client>();
    client->transport = std::make_unique<gateway::HttpTransport>(client->nam, std::move(config).value());
    client->gateway = std::make_unique<gateway::PaymentGateway>(std::move(codec).value(), *client->transport);
    if (family == ApiFamily::V3) {
        auto v3 = sim::makeV3Codec(merchant, clock, clientNonces(), setup.options);
        if (!v3)
            return v3.error();
        client->v3Codec = std::move(v3).value();
    }
    return client;
}

Result<std::unique_ptr<RawClient>> makeRawClient(
    SimHarness& harness, ApiFamily family, bool tls, const std::function<void(gateway::TransportConfig&)>& adjust)
{
    auto config = sim::makeTransportConfig(harness.merchant(family), harness.server(tls));
    if (!config)
        return config.error();
    if (adjust)
        adjust(config.value());
    auto client = std::make_unique<RawClient>();
    client->transport = std::make_unique<gateway::HttpTransport>(client->nam, std::move(config).value());
    return client;
}

std::optional<Result<protocol::WireResponse>> send(
    gateway::HttpTransport& transport, const protocol::WireRequest& request)
{
    std::optional<Result<protocol::WireResponse>> reply;
    QObject context;
    ReplyWait wait;
    transport.send(request, &context, [&reply, &wait](Result<protocol::WireResponse> result) {
        reply.emplace(std::move(result));
        wait.done();
    });
    wait.exec(); // no reply in time leaves `reply` empty: the caller's check fails
    return reply;
}

QString nextNo(const QString& tag)
{
    static int counter = 0;
    return QStringLiteral("IT%1%2").arg(tag).arg(++counter, 6, 10, QChar(u'0'));
}

QString nextAuthCode(sim::QuickPayScenario scenario, int n)
{
    static quint64 serial = 0;
    return sim::makeAuthCode(scenario, n, ++serial);
}

Money amount(qint64 minorUnits, const QString& currency)
{
    return Money::fromMinor(minorUnits, currency).value();
}

} // namespace wxpay::integration
