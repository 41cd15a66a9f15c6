// wxpay-sim: the WeChat Pay simulator as a program. Serves the engine (core/sim) over HTTP or HTTPS on
// loopback, with the sandbox merchants or those of a --merchants file, and pays Native orders on request
// (`wxpay-sim pay ...`, or POST /sandbox/pay).

#include "common/clock.h"
#include "common/nonce.h"
#include "sim/engine.h"
#include "sim/frontfiles.h"
#include "sim/sandbox.h"
#include "sim/scenario.h"
#include "sim/server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QSslConfiguration>

#include <csignal>
#include <cstdio>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

using namespace wxpay;
using namespace wxpay::sim;

namespace {

enum ExitCode
{
    kExitOk = 0,
    kExitUsage = 1,
    kExitConfiguration = 2,
    kExitListen = 3,
    kExitPayFailed = 4,
};

void out(const QString& text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

void err(const QString& text)
{
    std::fputs(text.toUtf8().constData(), stderr);
}

QString helpEpilogue()
{
    return QStringLiteral(R"(
Commands:
  wxpay-sim [options]                 serve the simulator until SIGINT / SIGTERM
  wxpay-sim pay --server URL [--ca FILE] [--openid OPENID] MCHID[/SUB_MCHID] OUT_TRADE_NO
                                      the customer scans a Native order's code and pays it (also: types the
                                      password of a Quick Pay order that waits for it); calls POST /sandbox/pay

Without --merchants (and without a --state file to resume) a sandbox is generated: a CA and one merchant per
API family (v2 1900000101, v3 1900000102, global 1900000103, hk 1900000104), with fresh keys. --write-profile
saves what a client needs to use them (base_url, ca_certificate, and per merchant its ids, API keys,
certificates, serials, mini-program appid/secret); these keys are sandbox keys, never real ones.

Endpoints (one server, HTTP or HTTPS):
  v2 XML      /pay/unifiedorder /pay/micropay /pay/orderquery /pay/closeorder /pay/refundquery /pay/downloadbill
              /secapi/pay/reverse /secapi/pay/refund (need --tls and the merchant certificate as client cert)
  v3 JSON     /v3/pay/transactions/... /v3/pay/partner/transactions/... /v3/refund/domestic/refunds
              /v3/bill/tradebill /v3/billdownload/file /v3/certificates
  Global      /v3/global/transactions/... /v3/global/micropay/... /v3/global/refunds /v3/global/certificates
  Hong Kong   /hk/v3/transactions/... /hk/v3/refunds /hk/v3/certificates
  mini-prog.  /cgi-bin/token /cgi-bin/stable_token /wxa/getpaidunionid
  sandbox     POST /sandbox/pay {"mchid","sub_mchid"?,"out_trade_no","openid"?}
              POST /sandbox/clock/advance {"seconds"}   (only with --manual-clock)
              GET|POST /sandbox/faults {"rule": "..."} | {"clear": true}

Merchants file (--merchants FILE.json): {"authority": {...}, "merchants": [{...}, ...]}
  authority   certificate, key (PEM): the CA of the TLS certificate and of merchant certificates (needed by --tls)
  merchant    name, mchid*, appid*, sub_mchid, sub_appid, region (CN|HK), families* (["v2","v3","global","hk"]),
              api_v2_key (32 chars, v2), api_v3_key (32 chars, v3/global/hk),
              merchant_certificate, merchant_key, merchant_certificate_serial (default: read from the certificate),
              platform_certificate, platform_key, platform_serial, public_key_id (PUB_KEY_ID_...), public_key_id_key,
              mini_appid, mini_app_secret, open_platform_bound (default true)
  Any string field may instead be given as <field>_file: a path, relative to the JSON file, whose content is used
  (e.g. "merchant_certificate_file": "apiclient_cert.pem").

)") + scenarioTableText()
        + u"\n" + FaultPlan::helpText() + QStringLiteral(R"(
Request log (--log): one JSON object per line: time, method, path (never the query), tls, family, operation,
  mchid, sub_mchid, status (0 when nothing was answered), code, request_id, fault, delivery. Never bodies, keys,
  tokens or signatures.

Exit codes:
  0  stopped by SIGINT / SIGTERM (state saved); `pay`: the order was paid
  1  bad command line
  2  configuration error: merchants, state, profile or log file, fault rule, sandbox generation
  3  cannot listen (address refused without --allow-non-loopback, port in use)
  4  `pay`: the simulator refused the payment or could not be reached
)");
}

std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString& text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    QHostAddress address(host == u"localhost" ? QStringLiteral("127.0.0.1") : host);
    if (address.isNull())
        return std::nullopt;
    return std::pair { address, static_cast<quint16>(port) };
}

Status writeJsonFile(const QString& path, const QJsonObject& json)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::storage(QStringLiteral("SIM_FILE"), u"cannot write " + path + u": " + file.errorString());
    // Sandbox keys, but keys: readable by the owner only.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(json).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error::storage(QStringLiteral("SIM_FILE"), u"cannot write " + path + u": " + file.errorString());
    return {};
}

Result<QJsonObject> readJsonFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::storage(QStringLiteral("SIM_FILE"), u"cannot read " + path + u": " + file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return Error::storage(QStringLiteral("SIM_FILE"), path + u" is not a JSON object: " + parseError.errorString());
    return document.object();
}

// SIGINT / SIGTERM end the event loop through a socket pair (the only async-signal-safe way to reach it).
int g_signalFds[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalFds[0], &byte, 1);
}

void quitOnSignals(QCoreApplication& app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto* notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] { QCoreApplication::quit(); });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

int runPay(QCoreApplication& app, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Pay a sandbox order: POST /sandbox/pay"));
    parser.addHelpOption();
    const QCommandLineOption server(
        QStringLiteral("server"), QStringLiteral("The simulator's base URL."), QStringLiteral("url"));
    const QCommandLineOption ca(
        QStringLiteral("ca"), QStringLiteral("CA certificate (PEM) to trust for https."), QStringLiteral("file"));
    const QCommandLineOption openid(QStringLiteral("openid"),
        QStringLiteral("The payer (default: the sandbox customer)."), QStringLiteral("openid"));
    parser.addOptions({ server, ca, openid });
    parser.addPositionalArgument(QStringLiteral("mchid"), QStringLiteral("MCHID or MCHID/SUB_MCHID"));
    parser.addPositionalArgument(QStringLiteral("out_trade_no"), QStringLiteral("The order to pay"));
    if (!parser.parse(arguments)) {
        err(parser.errorText() + u'\n');
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText());
        return kExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    const QUrl base(parser.value(server));
    if (positional.size() != 2 || !base.isValid() || base.scheme().isEmpty()) {
        err(QStringLiteral(
            "usage: wxpay-sim pay --server URL [--ca FILE] [--openid OPENID] MCHID[/SUB_MCHID] OUT_TRADE_NO\n"));
        return kExitUsage;
    }
    const QStringList merchant = positional.at(0).split(u'/');
    QJsonObject body { { QStringLiteral("mchid"), merchant.at(0) },
        { QStringLiteral("out_trade_no"), positional.at(1) } };
    if (merchant.size() > 1)
        body.insert(QStringLiteral("sub_mchid"), merchant.at(1));
    if (parser.isSet(openid))
        body.insert(QStringLiteral("openid"), parser.value(openid));

    QUrl url = base;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + u"/sandbox/pay");
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (parser.isSet(ca)) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(parser.value(ca), QSsl::Pem);
        if (certificates.isEmpty()) {
            err(u"cannot read a PEM certificate from " + parser.value(ca) + u'\n');
            return kExitConfiguration;
        }
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(certificates);
        request.setSslConfiguration(ssl);
    }
    QNetworkAccessManager nam;
    QNetworkReply* reply = nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    int exitCode = kExitPayFailed;
    QObject::connect(reply, &QNetworkReply::finished, &app, [&] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        if (status == 0) {
            err(u"cannot reach " + url.toString() + u": " + reply->errorString() + u'\n');
        } else {
            out(QString::fromUtf8(answer) + u'\n');
            exitCode = status == 200 ? kExitOk : kExitPayFailed;
        }
        QCoreApplication::quit();
    });
    app.exec();
    return exitCode;
}

int runServer(QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "WeChat Pay simulator: the APIv2, APIv3, Global, Hong Kong and mini-program servers on loopback."));
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Show the version."));
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("Address and port, e.g. 127.0.0.1:8080 or [::1]:0 (default 127.0.0.1:0: any free port, "
                       "printed at start)."),
        QStringLiteral("host:port"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption tls(QStringLiteral("tls"),
        QStringLiteral("Serve HTTPS with a certificate for 127.0.0.1/::1/localhost issued by the sandbox CA."));
    const QCommandLineOption nonLoopback(
        QStringLiteral("allow-non-loopback"), QStringLiteral("Allow --listen on an address that is not loopback."));
    const QCommandLineOption merchants(QStringLiteral("merchants"),
        QStringLiteral("MerchantSet JSON file (fields below); without it a sandbox is generated."),
        QStringLiteral("file"));
    const QCommandLineOption profile(QStringLiteral("write-profile"),
        QStringLiteral("Write the client profile JSON (base URL, CA, merchant ids and sandbox keys) to this file."),
        QStringLiteral("file"));
    const QCommandLineOption state(QStringLiteral("state"),
        QStringLiteral("State file: loaded at start if it exists (it then replaces --merchants), saved after every "
                       "request that may change it and at exit."),
        QStringLiteral("file"));
    const QCommandLineOption log(QStringLiteral("log"),
        QStringLiteral("Append one JSON line per request to this file ('-' for standard output)."),
        QStringLiteral("file"));
    const QCommandLineOption fault(QStringLiteral("fault"),
        QStringLiteral("Add a fault rule (repeatable; syntax below)."), QStringLiteral("rule"));
    const QCommandLineOption manualClock(QStringLiteral("manual-clock"),
        QStringLiteral("Freeze the simulator's clock at the start time; POST /sandbox/clock/advance moves it."));
    const QCommandLineOption billsNow(QStringLiteral("bills-immediately"),
        QStringLiteral("Serve a day's bill at once instead of from 10:00 China time the next day."));
    parser.addOptions(
        { help, version, listen, tls, nonLoopback, merchants, profile, state, log, fault, manualClock, billsNow });
    if (!parser.parse(QCoreApplication::arguments())) {
        err(parser.errorText() + u"\nTry wxpay-sim --help\n");
        return kExitUsage;
    }
    if (parser.isSet(help)) {
        out(parser.helpText() + helpEpilogue());
        return kExitOk;
    }
    if (parser.isSet(version)) {
        out(u"wxpay-sim " + QCoreApplication::applicationVersion() + u'\n');
        return kExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err(u"unexpected argument " + parser.positionalArguments().constFirst() + u"\nTry wxpay-sim --help\n");
        return kExitUsage;
    }
    const auto address = parseListen(parser.value(listen));
    if (!address) {
        err(u"--listen wants HOST:PORT, not " + parser.value(listen) + u'\n');
        return kExitUsage;
    }

    if (!address->first.isLoopback() && !parser.isSet(nonLoopback)) {
        err(u"refusing to listen on " + address->first.toString() + u": use --allow-non-loopback\n");
        return kExitListen;
    }

    SystemClock systemClock;
    std::optional<ManualClock> frozenClock;
    if (parser.isSet(manualClock))
        frozenClock.emplace(QDateTime::currentDateTimeUtc());
    const Clock& clock = frozenClock ? static_cast<const Clock&>(*frozenClock) : systemClock;
    RandomNonceSource nonces;
    SimEngine engine(clock, nonces);

    const QString statePath = parser.value(state);
    if (!statePath.isEmpty() && QFile::exists(statePath)) {
        auto json = readJsonFile(statePath);
        const Status loaded = json ? engine.fromJson(json.value()) : Status(json.error());
        if (!loaded) {
            err(u"cannot load the state: " + loaded.error().message + u'\n');
            return kExitConfiguration;
        }
    } else if (parser.isSet(merchants)) {
        auto set = readMerchantsFile(parser.value(merchants));
        const Status added = set ? engine.addMerchants(set.value()) : Status(set.error());
        if (!added) {
            err(u"cannot use the merchants file: " + added.error().message + u'\n');
            return kExitConfiguration;
        }
    } else {
        err(QStringLiteral("generating the sandbox (keys and certificates)...\n"));
        auto sandbox = SandboxFactory(clock, nonces).createSandbox();
        const Status added = sandbox ? engine.addMerchants(sandbox.value()) : Status(sandbox.error());
        if (!added) {
            err(u"cannot create the sandbox: " + added.error().message + u'\n');
            return kExitConfiguration;
        }
    }
    if (parser.isSet(billsNow)) {
        SimSettings settings = engine.settings();
        settings.billsImmediately = true;
        engine.setSettings(settings);
    }
    const QStringList rules = parser.values(fault);
    for (const QString& text : rules) {
        auto rule = FaultRule::parse(text);
        if (!rule) {
            err(rule.error().message + u'\n');
            return kExitConfiguration;
        }
        engine.faults().add(std::move(rule).value());
    }

    QFile logFile;
    if (parser.isSet(log)) {
        const bool opened = parser.value(log) == u"-"
            ? logFile.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered)
            : (logFile.setFileName(parser.value(log)),
                logFile.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered));
        if (!opened) {
            err(u"cannot open the log " + parser.value(log) + u": " + logFile.errorString() + u'\n');
            return kExitConfiguration;
        }
    }

    SimServer server(engine);
    if (frozenClock)
        server.setManualClock(&*frozenClock);
    if (logFile.isOpen())
        server.setRequestLog(&logFile);
    ListenOptions options;
    options.address = address->first;
    options.port = address->second;
    options.tls = parser.isSet(tls);
    options.allowNonLoopback = parser.isSet(nonLoopback);
    const auto port = server.listen(options);
    if (!port) {
        err(port.error().message + u'\n');
        return kExitListen;
    }

    const auto saveState = [&] {
        if (statePath.isEmpty())
            return;
        if (const Status saved = writeJsonFile(statePath, engine.toJson()); !saved)
            err(saved.error().message + u'\n');
    };
    QObject::connect(&server, &SimServer::stateChanged, &app, saveState);
    saveState();

    if (parser.isSet(profile)) {
        const Status written = writeJsonFile(
            parser.value(profile), clientProfile(server.baseUrl(), server.caCertificate(), engine.merchants()));
        if (!written) {
            err(written.error().message + u'\n');
            return kExitConfiguration;
        }
        out(u"client profile written to " + parser.value(profile) + u'\n');
    } else {
        out(QStringLiteral("merchants (keys: --write-profile FILE):\n"));
        const QList<SimMerchant> list = engine.merchants();
        for (const SimMerchant& m : list) {
            QStringList families;
            for (ApiFamily family : m.families)
                families << apiFamilyName(family);
            out(QStringLiteral("  %1  mchid %2%3  appid %4  %5  %6\n")
                    .arg(families.join(u','), -8)
                    .arg(m.mchid, m.subMchid.isEmpty() ? QString() : u'/' + m.subMchid, m.appid, regionName(m.region),
                        m.name));
        }
    }
    out(u"wxpay-sim listening on " + server.baseUrl().toString() + u'\n');

    quitOnSignals(app);
    app.exec();
    server.close();
    saveState();
    return kExitOk;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wxpay-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WXPAY_VERSION));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments.at(1) == u"pay")
        return runPay(app, arguments.mid(1));
    return runServer(app);
}
