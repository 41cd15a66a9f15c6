// wxpay-cli sandbox: the simulator (SimEngine + SimServer over HTTPS) in this process, and console profiles for its
// merchants, so that every other command can be tried without a merchant account.

#include "cli.h"
#include "commands.h"
#include "exitcodes.h"
#include "format.h"
#include "sandboxprofiles.h"
#include "sim/engine.h"
#include "sim/sandbox.h"
#include "sim/scenario.h"
#include "sim/server.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <memory>

namespace wxpay::cli {

namespace {

Status writePrivateFile(const QString& path, const QByteArray& data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::storage(
            QStringLiteral("FILE_WRITE_FAILED"), Tr::tr("cannot write %1: %2").arg(path, file.errorString()));
    }
    // The simulator state holds (sandbox) keys: readable by the owner only.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(data);
    if (!file.commit()) {
        return Error::storage(
            QStringLiteral("FILE_WRITE_FAILED"), Tr::tr("cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}

// Everything the running sandbox owns; lives until the process ends.
struct Sandbox
{
    SystemClock systemClock;
    std::unique_ptr<ManualClock> manualClock;
    RandomNonceSource nonces;
    std::unique_ptr<sim::SimEngine> engine;
    std::unique_ptr<sim::SimServer> server;
    QFile log;
    QString statePath;

    const Clock& clock() const { return manualClock ? static_cast<const Clock&>(*manualClock) : systemClock; }

    Status saveState() const
    {
        if (statePath.isEmpty())
            return {};
        return writePrivateFile(statePath, QJsonDocument(engine->toJson()).toJson(QJsonDocument::Indented));
    }
};

} // namespace

void runSandbox(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Run the built-in WeChat Pay simulator in this process (HTTPS on 127.0.0.1, so APIv2 /secapi works with the "
        "client certificate) and create or update a console profile for each of its merchants: sandbox-v2, "
        "sandbox-v3, sandbox-global, sandbox-hk (keys into the keychain, like any profile). Serves until Ctrl-C "
        "(SIGINT) or SIGTERM. Run the other commands in a second terminal; the sandbox profiles work only while it "
        "runs."));
    const QCommandLineOption port(
        QStringLiteral("port"), Tr::tr("Port on 127.0.0.1 (default 0: any free port)."), Tr::tr("port"));
    const QCommandLineOption state(QStringLiteral("state"),
        Tr::tr("Keep the simulator's state (merchants and their keys, orders, refunds) in this file: loaded at start "
               "when it exists, saved after every change and at exit."),
        Tr::tr("file"));
    const QCommandLineOption log(QStringLiteral("log"),
        Tr::tr("Append one JSON line per request the simulator handles (never bodies or keys)."), Tr::tr("file"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
        Tr::tr("Write the sandbox CA certificate (PEM) here, e.g. for `wxpay-sim pay --ca` or curl."), Tr::tr("file"));
    const QCommandLineOption manualClock(QStringLiteral("manual-clock"),
        Tr::tr("Testing: freeze the simulator's clock; POST /sandbox/clock/advance {\"seconds\": N} moves it."));
    const QCommandLineOption fault(QStringLiteral("fault"),
        Tr::tr("Testing: a fault rule, e.g. query:http500@2 (repeatable; see wxpay-sim --help)."), Tr::tr("rule"));
    parser.addOptions({ port, state, log, caFile, manualClock, fault });
    if (!cli.parse(parser, arguments, QStringLiteral("sandbox [options]"),
            Tr::tr("The customer's side:\n"
                   "  Native orders are paid with `wxpay-sim pay --server URL --ca CA.pem MCHID OUT_TRADE_NO` (or POST "
                   "URL/sandbox/pay).\n"
                   "  Quick Pay outcomes are chosen by the payment code: 18 digits PP SS NN RRRRRRRRRRRR, PP 10..15, "
                   "SS the scenario:\n")
                + sim::scenarioTableText()
                + Tr::tr(
                    "\nExample:\n  wxpay-cli sandbox --state ~/.wxpay-sandbox.json --ca-file /tmp/sandbox-ca.pem\n")))
        return;
    quint16 listenPort = 0;
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value > 65535) {
            cli.failUsage(Tr::tr("--port wants 0 to 65535"));
            return;
        }
        listenPort = static_cast<quint16>(value);
    }
    auto sandbox = std::make_shared<Sandbox>();
    if (parser.isSet(manualClock))
        sandbox->manualClock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
    sandbox->engine = std::make_unique<sim::SimEngine>(sandbox->clock(), sandbox->nonces);
    sandbox->statePath = parser.value(state);
    Output& out = cli.out();

    if (!sandbox->statePath.isEmpty() && QFile::exists(sandbox->statePath)) {
        QFile file(sandbox->statePath);
        const QJsonDocument document
            = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()) : QJsonDocument();
        const Status loaded = document.isObject()
            ? sandbox->engine->fromJson(document.object())
            : Status(Error::input(QStringLiteral("SANDBOX_STATE"), Tr::tr("not a simulator state file")));
        if (!loaded) {
            cli.fail(loaded.error(), Tr::tr("cannot load the sandbox state %1").arg(sandbox->statePath));
            return;
        }
    } else {
        out.note(Tr::tr("Generating the sandbox (keys and certificates)..."));
        auto merchants = sim::SandboxFactory(sandbox->clock(), sandbox->nonces).createSandbox();
        const Status added = merchants ? sandbox->engine->addMerchants(merchants.value()) : Status(merchants.error());
        if (!added) {
            cli.fail(added.error());
            return;
        }
    }
    const QStringList rules = parser.values(fault);
    for (const QString& text : rules) {
        auto rule = sim::FaultRule::parse(text);
        if (!rule) {
            cli.fail(rule.error());
            return;
        }
        sandbox->engine->faults().add(std::move(rule).value());
    }
    if (parser.isSet(log)) {
        sandbox->log.setFileName(parser.value(log));
        if (!sandbox->log.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
            cli.fail(Error::storage(QStringLiteral("FILE_WRITE_FAILED"),
                Tr::tr("cannot open %1: %2").arg(parser.value(log), sandbox->log.errorString())));
            return;
        }
    }

    sandbox->server = std::make_unique<sim::SimServer>(*sandbox->engine);
    if (sandbox->manualClock)
        sandbox->server->setManualClock(sandbox->manualClock.get());
    if (sandbox->log.isOpen())
        sandbox->server->setRequestLog(&sandbox->log);
    sim::ListenOptions options;
    options.port = listenPort;
    options.tls = true;
    if (auto listening = sandbox->server->listen(options); !listening) {
        cli.fail(listening.error());
        return;
    }
    QObject::connect(sandbox->server.get(), &sim::SimServer::stateChanged, &cli, [&cli, sandbox] {
        if (const Status saved = sandbox->saveState(); !saved)
            cli.out().note(describeError(saved.error()));
    });
    if (const Status saved = sandbox->saveState(); !saved) {
        cli.fail(saved.error());
        return;
    }
    if (parser.isSet(caFile)) {
        if (const Status written = writePrivateFile(parser.value(caFile), sandbox->server->caCertificate().toPem());
            !written) {
            cli.fail(written.error());
            return;
        }
    }
    const QString caPath = parser.value(caFile);

    app::installSandboxProfiles(sandbox->engine->merchants(), sandbox->server->baseUrl(),
        sandbox->server->caCertificate(), cli.profiles(), cli.trust(), &cli,
        [&cli, sandbox, caPath](Result<QStringList> installed) {
            if (!installed) {
                cli.fail(installed.error(), Tr::tr("cannot set up the sandbox profiles"));
                return;
            }
            Output& o = cli.out();
            const QString current = cli.profiles().currentProfileId();
            if (current.isEmpty()) {
                const QString preferred = app::sandboxProfileId(ApiFamily::V3);
                if (installed->contains(preferred)) {
                    if (const Status selected = cli.profiles().setCurrentProfileId(preferred); !selected)
                        o.note(describeError(selected.error()));
                }
            }
            const QString url = sandbox->server->baseUrl().toString();
            QJsonArray profiles;
            o.print(Tr::tr("WeChat Pay sandbox listening on %1").arg(url));
            o.print(Tr::tr("Profiles (current: %1):").arg(cli.profiles().currentProfileId()));
            for (const QString& id : installed.value()) {
                auto profile = cli.profiles().get(id);
                if (!profile)
                    continue;
                profiles.append(QJsonObject { { QStringLiteral("id"), id },
                    { QStringLiteral("family"), apiFamilyName(profile->family) },
                    { QStringLiteral("mchid"), profile->mchid }, { QStringLiteral("appid"), profile->appid },
                    { QStringLiteral("currency"), profile->defaultCurrency } });
                o.print(QStringLiteral("  %1 %2 mchid %3  %4")
                            .arg(id, -16)
                            .arg(apiFamilyName(profile->family), -7)
                            .arg(profile->mchid, profile->defaultCurrency));
            }
            if (!caPath.isEmpty())
                o.print(Tr::tr("CA certificate: %1").arg(caPath));
            o.print(Tr::tr("Try, in another terminal: wxpay-cli pay native --amount 0.01 --wait"));
            o.print(Tr::tr("Ctrl-C stops the sandbox."));
            o.set(QStringLiteral("url"), url);
            o.set(QStringLiteral("profiles"), profiles);
            o.set(QStringLiteral("current"), cli.profiles().currentProfileId());
            o.set(QStringLiteral("ca_certificate"), QString::fromLatin1(sandbox->server->caCertificate().toPem()));
            o.set(QStringLiteral("clock"), sandbox->manualClock ? QStringLiteral("manual") : QStringLiteral("system"));
            o.set(QStringLiteral("now"), isoTime(sandbox->clock().now()));
            o.publish();
        });

    cli.setInterruptHandler([&cli, sandbox] {
        sandbox->server->close();
        if (const Status saved = sandbox->saveState(); !saved) {
            cli.fail(saved.error());
            return;
        }
        cli.finish(kExitOk, Tr::tr("Sandbox stopped."));
    });
}

} // namespace wxpay::cli
