#include "consolebackend.h"

#include "mainwindow.h"
#include "orderspanel.h"
#include "profilespanel.h"
#include "refundspanel.h"
#include "sandboxprofiles.h"
#include "sim/sandbox.h"
#include "takepaymentpanel.h"
#include "unionidpanel.h"
#include "workflows/connectiontest.h"
#include "workflows/redrive.h"
#include "workflows/unionidlookup.h"

#include <QLoggingCategory>

namespace wxpay::console {

namespace {
Q_LOGGING_CATEGORY(lcConsole, "wxpay.console")
}

ConsoleBackend::ConsoleBackend(QSettings& settings,
    credentials::CredentialStore& keychain,
    credentials::ProfileStore& profiles,
    ui::MainWindow& window,
    QString databasePath,
    ConsoleTiming timing)
    : m_keychain(keychain)
    , m_profiles(profiles)
    , m_trust(&settings)
    , m_window(window)
    , m_clock(timing.clock ? *timing.clock : m_systemClock)
    , m_scheduler(timing.scheduler ? *timing.scheduler : m_timerScheduler)
    , m_databasePath(std::move(databasePath))
    , m_database(m_databasePath)
    , m_orders(m_database, m_clock)
    , m_refunds(m_database, m_clock)
    , m_audit(m_database, m_clock)
    , m_journal(m_database, m_clock)
{ }

ConsoleBackend::~ConsoleBackend()
{
    // The key generation owns its inputs; it must end before the process does.
    if (QThread* generator = m_generator.data()) {
        generator->wait();
        delete generator;
    }
}

void ConsoleBackend::start()
{
    ui::ProfilesPanel* profiles = m_window.profilesPanel();
    QObject::connect(profiles, &ui::ProfilesPanel::currentProfileChanged, &m_context, [this] { activate(); });
    QObject::connect(profiles, &ui::ProfilesPanel::profileRemoved, &m_context, [this](const QString& id) {
        if (const Status removed = m_trust.remove(id); !removed)
            qCWarning(lcConsole) << "cannot forget the trust material of" << id << removed.error().toString();
    });
    profiles->setConnectionTester([this](const credentials::MerchantProfile& profile, QObject* context,
                                      std::function<void(const workflows::ConnectionTest::Outcome&)> done) {
        testConnection(profile, context, std::move(done));
    });
    auto lock = storage::HistoryLock::acquire(m_databasePath);
    if (!lock) {
        showSetupError(lock.error());
        return;
    }
    m_lock = std::move(lock).value();
    if (const Status opened = m_database.open(); !opened) {
        showSetupError(opened.error());
        return;
    }
    activate();
}

void ConsoleBackend::activate()
{
    if (!m_database.isOpen())
        return;
    const auto profile = m_profiles.currentProfile();
    if (profile && m_session && m_session->profile().id == profile->id)
        return;
    if (!profile || profile->sandbox) {
        if (!m_sandboxInstalled) {
            startSandbox();
            return;
        }
        if (!profile) {
            selectDefaultSandboxProfile();
            return;
        }
    }
    openProfile(*profile);
}

// RSA key generation takes seconds: it runs on a worker thread while the window stays responsive.
void ConsoleBackend::startSandbox()
{
    if (m_generator)
        return;
    m_window.takePaymentPanel()->setNotReady(ui::TakePaymentPanel::NotReady::PreparingSandbox);
    auto result = std::make_shared<std::optional<Result<sim::MerchantSet>>>();
    QThread* generator = QThread::create([result] {
        const SystemClock clock;
        RandomNonceSource nonces;
        result->emplace(sim::SandboxFactory(clock, nonces).createSandbox());
    });
    m_generator = generator;
    QObject::connect(generator, &QThread::finished, &m_context, [this, generator, result] {
        generator->deleteLater();
        m_generator = nullptr;
        if (*result)
            sandboxGenerated(std::move(**result));
    });
    generator->start();
}

void ConsoleBackend::sandboxGenerated(Result<sim::MerchantSet> merchants)
{
    if (!merchants) {
        showSetupError(merchants.error());
        return;
    }
    m_engine = std::make_unique<sim::SimEngine>(m_clock, m_nonces);
    if (const Status added = m_engine->addMerchants(merchants.value()); !added) {
        showSetupError(added.error());
        return;
    }
    m_server = std::make_unique<sim::SimServer>(*m_engine);
    sim::ListenOptions options;
    options.tls = true;
    if (auto listening = m_server->listen(options); !listening) {
        showSetupError(listening.error());
        return;
    }
    qCInfo(lcConsole) << "sandbox listening on" << m_server->baseUrl().toString();
    app::installSandboxProfiles(m_engine->merchants(), m_server->baseUrl(), m_server->caCertificate(), m_profiles,
        m_trust, &m_context, [this](Result<QStringList> installed) {
            if (!installed) {
                showSetupError(installed.error());
                return;
            }
            m_sandboxInstalled = true;
            m_window.reloadProfiles();
            if (const auto profile = m_profiles.currentProfile())
                openProfile(*profile);
            else
                selectDefaultSandboxProfile();
        });
}

void ConsoleBackend::selectDefaultSandboxProfile()
{
    if (const Status selected = m_profiles.setCurrentProfileId(app::sandboxProfileId(ApiFamily::V3)); !selected) {
        showSetupError(selected.error());
        return;
    }
    m_window.reloadProfiles();
    if (const auto profile = m_profiles.currentProfile())
        openProfile(*profile);
}

void ConsoleBackend::openProfile(const credentials::MerchantProfile& profile)
{
    m_window.takePaymentPanel()->setNotReady(ui::TakePaymentPanel::NotReady::OpeningProfile);
    const QString id = profile.id;
    m_opening = id;
    app::SessionServices services { m_keychain, m_nam, m_clock, m_nonces };
    app::MerchantSession::open(profile, m_trust.read(id), services, {}, &m_context,
        [this, id](Result<std::unique_ptr<app::MerchantSession>> opened) {
            if (m_opening != id)
                return; // another profile was chosen meanwhile
            if (!opened) {
                showSetupError(opened.error());
                return;
            }
            app::MerchantSession& session = *opened.value();
            if (!session.downloadedCertificates().isEmpty()) {
                app::TrustMaterial material = m_trust.read(id);
                material.platformCertificatePems += session.downloadedCertificates();
                if (const Status saved = m_trust.write(id, material); !saved)
                    qCWarning(lcConsole) << "cannot keep the platform certificates:" << saved.error().toString();
            }
            // Earlier sessions stay alive: a payment still running keeps talking through its own.
            m_sessions.push_back(std::move(opened).value());
            m_session = &session;
            useSession(session);
            recover(session);
        });
}

workflows::WorkflowContext ConsoleBackend::workflowContext(app::MerchantSession& session)
{
    return workflows::WorkflowContext { session.profile().id, {}, session.gateway(), m_database, m_orders, m_refunds,
        m_audit, m_journal, m_clock, m_scheduler, m_nonces };
}

void ConsoleBackend::useSession(app::MerchantSession& session)
{
    const credentials::MerchantProfile& profile = session.profile();
    ui::PaymentSetup setup { workflowContext(session), profile.displayName, profile.deviceId, {}, {}, {} };
    if (profile.sandbox && m_engine) {
        setup.customerPays = [engine = m_engine.get(), ids = profile.ids()](const QString& outTradeNo) -> Status {
            auto paid = engine->customerPays(ids, outTradeNo);
            if (!paid)
                return paid.error();
            return {};
        };
    }
    m_window.takePaymentPanel()->setCurrency(profile.defaultCurrency);
    m_window.takePaymentPanel()->setPaymentSetup(setup);
    m_window.ordersPanel()->setContext(workflowContext(session));
    m_window.refundsPanel()->setContext(workflowContext(session), &m_keychain);
    m_window.unionIdPanel()->setContext(
        workflows::UnionIdContext { profile, {}, session.transport(), m_keychain, m_orders, m_audit, m_clock });
    m_window.setManagerPinStore(&m_keychain, profile.id);
    qCInfo(lcConsole) << "payments with profile" << profile.id;
}

// A session of its own (the profile tested need not be the active one), kept until the test has answered.
void ConsoleBackend::testConnection(const credentials::MerchantProfile& profile,
    QObject* context,
    std::function<void(const workflows::ConnectionTest::Outcome&)> done)
{
    const auto fail = [done](const Error& error) {
        done(workflows::ConnectionTest::Outcome {
            false, error, workflows::explainConnectionError(error), error.requestId });
    };
    app::SessionServices services { m_keychain, m_nam, m_clock, m_nonces };
    app::MerchantSession::open(profile, m_trust.read(profile.id), services, {}, context,
        [this, context, done, fail](Result<std::unique_ptr<app::MerchantSession>> opened) {
            if (!opened) {
                fail(opened.error());
                return;
            }
            app::MerchantSession* session = opened.value().release();
            auto* test = new workflows::ConnectionTest(session->gateway(), m_clock, m_nonces, session);
            session->setParent(context);
            QObject::connect(test, &workflows::ConnectionTest::finished, context,
                [session, done](const workflows::ConnectionTest::Outcome& outcome) {
                    session->deleteLater();
                    done(outcome);
                });
            if (const Status started = test->start(); !started) {
                session->deleteLater();
                fail(started.error());
            }
        });
}

// What the last run left in flight for this profile is driven to its end, and whatever stays open is driven again
// on a backoff for as long as the console runs (Redrive); the status bar shows what is open.
void ConsoleBackend::recover(app::MerchantSession& session)
{
    const QString id = session.profile().id;
    if (m_recovered.contains(id))
        return;
    m_recovered.insert(id);
    auto* redrive = new workflows::Redrive(workflowContext(session), {}, &m_context);
    QObject::connect(redrive, &workflows::Redrive::passFinished, &m_context,
        [this, redrive, id](const workflows::Recovery::Report& report) {
            const int settled = report.settledCount();
            const auto pending = static_cast<int>(report.items.size()) - settled;
            qCInfo(lcConsole) << "re-drive of" << id << ":" << settled << "settled," << pending << "pending";
            if (redrive->passes() == 1 && !report.items.isEmpty())
                m_window.showRecovery(settled, pending);
        });
    QObject::connect(redrive, &workflows::Redrive::statusChanged, &m_context,
        [this](int open, const QDateTime& nextPass) { m_window.showOpenOperations(open, nextPass); });
    if (const Status started = redrive->start(); !started) {
        delete redrive;
        showSetupError(started.error());
    }
}

void ConsoleBackend::showSetupError(const Error& error)
{
    qCWarning(lcConsole) << "set-up failed:" << error.toString();
    m_window.showSetupError(error);
}

} // namespace wxpay::console
