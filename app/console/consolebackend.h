#pragma once

// The console's composition root: the payment history, the built-in sandbox (when no profile is configured or a
// sandbox profile is active), the MerchantSession of the active profile, and the WorkflowContext the Take Payment
// panel works with. Header-only because the wxpay-console target lists main.cpp as its only source.

#include "common/clock.h"
#include "common/nonce.h"
#include "mainwindow.h"
#include "merchantsession.h"
#include "profilespanel.h"
#include "profiletrust.h"
#include "sandboxprofiles.h"
#include "sim/engine.h"
#include "sim/sandbox.h"
#include "sim/server.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/orderstore.h"
#include "storage/refundstore.h"
#include "takepaymentpanel.h"
#include "workflows/scheduler.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QThread>

#include <memory>
#include <vector>

namespace wxpay::console {

inline Q_LOGGING_CATEGORY(lcConsole, "wxpay.console")

    class ConsoleBackend
{
public:
    // Everything must outlive the backend.
    ConsoleBackend(QSettings& settings,
        credentials::CredentialStore& keychain,
        credentials::ProfileStore& profiles,
        ui::MainWindow& window,
        QString databasePath = storage::Database::defaultPath())
        : m_keychain(keychain)
        , m_profiles(profiles)
        , m_trust(&settings)
        , m_window(window)
        , m_database(std::move(databasePath))
        , m_orders(m_database, m_clock)
        , m_refunds(m_database, m_clock)
        , m_audit(m_database, m_clock)
        , m_journal(m_database, m_clock)
    { }

    ~ConsoleBackend()
    {
        // The key generation owns its inputs; it must end before the process does.
        if (m_generator) {
            m_generator->wait();
            delete m_generator.data();
        }
    }

    ConsoleBackend(const ConsoleBackend&) = delete;
    ConsoleBackend& operator=(const ConsoleBackend&) = delete;

    // Opens the history, then the active profile, starting the sandbox first when it is needed.
    void start()
    {
        QObject::connect(
            m_window.profilesPanel(), &ui::ProfilesPanel::currentProfileChanged, &m_context, [this] { activate(); });
        if (const Status opened = m_database.open(); !opened) {
            m_window.takePaymentPanel()->showSetupError(opened.error());
            return;
        }
        activate();
    }

    sim::SimServer* sandboxServer() const { return m_server.get(); }

private:
    void activate()
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
    void startSandbox()
    {
        if (m_generator)
            return;
        m_window.takePaymentPanel()->setNotReady(ui::TakePaymentPanel::NotReady::PreparingSandbox);
        auto result = std::make_shared<std::optional<Result<sim::MerchantSet>>>();
        m_generator = QThread::create([result] {
            const SystemClock clock;
            RandomNonceSource nonces;
            result->emplace(sim::SandboxFactory(clock, nonces).createSandbox());
        });
        QObject::connect(m_generator, &QThread::finished, &m_context, [this, result] {
            m_generator->deleteLater();
            m_generator = nullptr;
            if (!*result)
                return;
            sandboxGenerated(std::move(**result));
        });
        m_generator->start();
    }

    void sandboxGenerated(Result<sim::MerchantSet> merchants)
    {
        ui::TakePaymentPanel* panel = m_window.takePaymentPanel();
        if (!merchants) {
            panel->showSetupError(merchants.error());
            return;
        }
        m_engine = std::make_unique<sim::SimEngine>(m_clock, m_nonces);
        if (const Status added = m_engine->addMerchants(merchants.value()); !added) {
            panel->showSetupError(added.error());
            return;
        }
        m_server = std::make_unique<sim::SimServer>(*m_engine);
        sim::ListenOptions options;
        options.tls = true;
        if (auto listening = m_server->listen(options); !listening) {
            panel->showSetupError(listening.error());
            return;
        }
        qCInfo(lcConsole) << "sandbox listening on" << m_server->baseUrl().toString();
        app::installSandboxProfiles(m_engine->merchants(), m_server->baseUrl(), m_server->caCertificate(), m_profiles,
            m_trust, &m_context, [this](Result<QStringList> installed) {
                if (!installed) {
                    m_window.takePaymentPanel()->showSetupError(installed.error());
                    return;
                }
                m_sandboxInstalled = true;
                m_window.reloadProfiles();
                const auto profile = m_profiles.currentProfile();
                if (profile)
                    openProfile(*profile);
                else
                    selectDefaultSandboxProfile();
            });
    }

    void selectDefaultSandboxProfile()
    {
        if (const Status selected = m_profiles.setCurrentProfileId(app::sandboxProfileId(ApiFamily::V3)); !selected) {
            m_window.takePaymentPanel()->showSetupError(selected.error());
            return;
        }
        m_window.reloadProfiles();
        if (const auto profile = m_profiles.currentProfile())
            openProfile(*profile);
    }

    void openProfile(const credentials::MerchantProfile& profile)
    {
        ui::TakePaymentPanel* panel = m_window.takePaymentPanel();
        panel->setNotReady(ui::TakePaymentPanel::NotReady::OpeningProfile);
        const QString id = profile.id;
        m_opening = id;
        app::SessionServices services { m_keychain, m_nam, m_clock, m_nonces };
        app::MerchantSession::open(profile, m_trust.read(id), services, {}, &m_context,
            [this, id](Result<std::unique_ptr<app::MerchantSession>> opened) {
                if (m_opening != id)
                    return; // another profile was chosen meanwhile
                if (!opened) {
                    m_window.takePaymentPanel()->showSetupError(opened.error());
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
                usePaymentSession(session);
            });
    }

    void usePaymentSession(app::MerchantSession& session)
    {
        const credentials::MerchantProfile& profile = session.profile();
        ui::PaymentSetup setup { workflows::WorkflowContext { profile.id, {}, session.gateway(), m_database, m_orders,
                                     m_refunds, m_audit, m_journal, m_clock, m_scheduler, m_nonces },
            profile.displayName, profile.deviceId, {}, {}, {} };
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
        qCInfo(lcConsole) << "payments with profile" << profile.id;
    }

    credentials::CredentialStore& m_keychain;
    credentials::ProfileStore& m_profiles;
    app::ProfileTrustStore m_trust;
    ui::MainWindow& m_window;
    const SystemClock m_clock;
    RandomNonceSource m_nonces;
    QNetworkAccessManager m_nam;
    workflows::TimerScheduler m_scheduler;
    storage::Database m_database;
    storage::OrderStore m_orders;
    storage::RefundStore m_refunds;
    storage::AuditLog m_audit;
    storage::Journal m_journal;

    std::unique_ptr<sim::SimEngine> m_engine;
    std::unique_ptr<sim::SimServer> m_server;
    bool m_sandboxInstalled = false;
    QPointer<QThread> m_generator;

    std::vector<std::unique_ptr<app::MerchantSession>> m_sessions;
    app::MerchantSession* m_session = nullptr;
    QString m_opening;

    // Receives every callback; destroyed first, so nothing runs on a half-destroyed backend.
    QObject m_context;
};

} // namespace wxpay::console
