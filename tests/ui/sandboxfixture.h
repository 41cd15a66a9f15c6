#pragma once

// What the panel tests that talk to WeChat Pay share: the real simulator over HTTPS with one APIv3 merchant, that
// merchant's MerchantSession (secrets in an in-memory store), a real SQLite history in a temporary folder, a
// ManualClock and a ManualScheduler (automatic by default: polls run as soon as they are due). Set-up failures
// abort the test program: nothing of the test can run without them.

#include "common/clock.h"
#include "common/nonce.h"
#include "credentials/inmemorycredentialstore.h"
#include "merchantsession.h"
#include "sandboxprofiles.h"
#include "sim/engine.h"
#include "sim/sandbox.h"
#include "sim/server.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/orderstore.h"
#include "storage/refundstore.h"
#include "workflows/context.h"
#include "workflows/scheduler.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace wxpay::test {

template<typename T> T* child(QWidget& parent, const char* name)
{
    auto* widget = parent.findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no widget %s", name);
    return widget;
}

class SandboxFixture
{
public:
    SandboxFixture()
    {
        const sim::SandboxFactory factory(clock, nonces);
        auto merchants = factory.createSandbox({ ApiFamily::V3 });
        check(merchants, "create the sandbox merchant");
        engine = std::make_unique<sim::SimEngine>(clock, nonces);
        check(engine->addMerchants(merchants.value()), "add the merchant");
        server = std::make_unique<sim::SimServer>(*engine);
        sim::ListenOptions options;
        options.tls = true;
        check(server->listen(options), "listen");

        auto sandbox = app::sandboxProfileFor(
            merchants->merchants.first(), ApiFamily::V3, server->baseUrl(), server->caCertificate());
        check(sandbox, "make the sandbox profile");
        profile = sandbox->profile;
        for (const auto& [kind, secret] : sandbox->secrets) {
            bool written = false;
            secrets.write(profile.id, kind, secret, &context, [&written](Status status) {
                check(status, "write a secret");
                written = true;
            });
            check(QTest::qWaitFor([&written] { return written; }), "write a secret in time");
        }
        bool opened = false;
        app::MerchantSession::open(profile, sandbox->trust, { secrets, nam, clock, nonces }, {}, &context,
            [this, &opened](Result<std::unique_ptr<app::MerchantSession>> result) {
                check(result, "open the session");
                session = std::move(result).value();
                opened = true;
            });
        check(QTest::qWaitFor([&opened] { return opened; }), "open the session in time");

        database = std::make_unique<storage::Database>(dir.filePath(QStringLiteral("history.sqlite")));
        check(database->open(), "open the history");
        orders = std::make_unique<storage::OrderStore>(*database, clock);
        refunds = std::make_unique<storage::RefundStore>(*database, clock);
        audit = std::make_unique<storage::AuditLog>(*database, clock);
        journal = std::make_unique<storage::Journal>(*database, clock);
        scheduler = std::make_unique<workflows::ManualScheduler>(clock);
    }

    workflows::WorkflowContext workflowContext(const QString& actor = QStringLiteral("cashier"))
    {
        return { profile.id, actor, session->gateway(), *database, *orders, *refunds, *audit, *journal, clock,
            *scheduler, nonces };
    }

    // The customer's phone pays a Native order of the sandbox merchant.
    Status customerPays(const QString& outTradeNo)
    {
        auto paid = engine->customerPays(profile.ids(), outTradeNo);
        return paid ? Status() : Status(paid.error());
    }

    QTemporaryDir dir;
    ManualClock clock { QDateTime::currentDateTimeUtc() };
    RandomNonceSource nonces;
    credentials::InMemoryCredentialStore secrets;
    QNetworkAccessManager nam;
    QObject context;
    std::unique_ptr<sim::SimEngine> engine;
    std::unique_ptr<sim::SimServer> server;
    credentials::MerchantProfile profile;
    std::unique_ptr<app::MerchantSession> session;
    std::unique_ptr<storage::Database> database;
    std::unique_ptr<storage::OrderStore> orders;
    std::unique_ptr<storage::RefundStore> refunds;
    std::unique_ptr<storage::AuditLog> audit;
    std::unique_ptr<storage::Journal> journal;
    std::unique_ptr<workflows::ManualScheduler> scheduler;

private:
    template<typename T> static void check(const Result<T>& result, const char* what)
    {
        if (!result)
            qFatal("cannot %s: %s", what, qPrintable(result.error().toString()));
    }
    static void check(bool ok, const char* what)
    {
        if (!ok)
            qFatal("cannot %s", what);
    }
};

} // namespace wxpay::test
