#include "cli.h"

#include "commands.h"
#include "exitcodes.h"
#include "format.h"
#include "signals.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace wxpay::cli {

namespace {

constexpr auto kKeychainTimeout = std::chrono::seconds(30);
// How long a command that has ended waits for the resumption of an earlier run's operations (resumeAtStart).
constexpr auto kRecoveryGrace = std::chrono::seconds(15);

QStringList splitLines(const QString& text)
{
    return text.split(u'\n');
}

// "pay native --amount AMOUNT [options]" -> "pay native": the leading lower-case words.
QString commandWords(const QString& usage)
{
    QStringList words;
    const QStringList tokens = usage.split(u' ', Qt::SkipEmptyParts);
    for (const QString& token : tokens) {
        const bool word = !token.startsWith(u'-')
            && std::all_of(token.cbegin(), token.cend(), [](QChar c) { return c.isLower() || c == u'-'; });
        if (!word)
            break;
        words.append(token);
    }
    return words.join(u' ');
}

} // namespace

Cli::Cli(QObject* parent)
    : QObject(parent)
    , m_profileOption(QStringLiteral("profile"),
          Tr::tr("Merchant profile to use (default: the one chosen with `profile select`)."),
          Tr::tr("name"))
    , m_dbOption(QStringLiteral("db"),
          Tr::tr("History database file (default: %1).").arg(storage::Database::defaultPath()),
          Tr::tr("file"))
    , m_settingsOption(QStringLiteral("settings"),
          Tr::tr("Settings file (INI) with the profiles, instead of the user's settings (tests, portable setups)."),
          Tr::tr("file"))
    , m_jsonOption(QStringLiteral("json"), Tr::tr("Print one JSON document on stdout instead of text."))
    , m_pollOption(QStringLiteral("poll-interval-ms"),
          Tr::tr("Testing only: wait this long between the steps of a payment or refund (queries, reverses, "
                 "retries) instead of the production schedule."),
          Tr::tr("ms"))
    , m_verboseOption({ QStringLiteral("v"), QStringLiteral("verbose") },
          Tr::tr("Log what happens (key names and Request-IDs, never secrets) on stderr."))
{
    // Notes for people go through Output; the modules' info logs only with --verbose (or QT_LOGGING_RULES).
    QLoggingCategory::setFilterRules(QStringLiteral("wxpay.*.info=false"));
}

Cli::~Cli()
{
    // Workflows (children) refer to the sessions and stores below: they go first.
    const QList<QObject*> children = findChildren<QObject*>(Qt::FindDirectChildrenOnly);
    qDeleteAll(children);
}

QString Cli::helpHint(const QString& words)
{
    return Tr::tr("Try: %1 --help").arg(words.isEmpty() ? QStringLiteral("wxpay-cli") : u"wxpay-cli " + words);
}

void Cli::addGlobalOptions(QCommandLineParser& parser)
{
    parser.addOptions({ m_profileOption, m_dbOption, m_settingsOption, m_jsonOption, m_pollOption, m_verboseOption });
}

void Cli::absorbGlobalOptions(const QCommandLineParser& parser)
{
    if (parser.isSet(m_profileOption))
        m_profileName = parser.value(m_profileOption);
    if (parser.isSet(m_dbOption))
        m_dbPath = parser.value(m_dbOption);
    if (parser.isSet(m_settingsOption))
        m_settingsPath = parser.value(m_settingsOption);
    if (parser.isSet(m_jsonOption))
        m_out.setJson(true);
    if (parser.isSet(m_pollOption))
        m_pollText = parser.value(m_pollOption);
    if (parser.isSet(m_verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("wxpay.*.info=true"));
}

Status Cli::applyPollInterval()
{
    if (m_pollText.isEmpty())
        return {};
    bool ok = false;
    const int ms = m_pollText.toInt(&ok);
    if (!ok || ms < 1 || ms > 600000) {
        return Error::input(QStringLiteral("USAGE"),
            Tr::tr("--poll-interval-ms wants a number of milliseconds from 1 to 600000, not \"%1\"").arg(m_pollText));
    }
    m_pollInterval = std::chrono::milliseconds(ms);
    return {};
}

QString Cli::topLevelHelp() const
{
    return Tr::tr(
               "Usage: wxpay-cli [global options] <command> [options]\n"
               "\n"
               "WeChat Pay from a terminal and scripts: the wxpay-console core (profiles, payments, refunds, "
               "history).\n"
               "\n"
               "Commands:\n"
               "  profile add|list|show|remove|import-keys|select   merchant profiles and their keys\n"
               "  sandbox                 run the built-in simulator here and set up sandbox profiles for it\n"
               "  pay native              create a Native (QR code) order; --wait follows it until paid\n"
               "  pay quick               take a Quick Pay payment from the customer's payment code\n"
               "  order query|close|reverse   look an order up at WeChat Pay, close it, reverse it\n"
               "  refund create|query     refund an order of the history; ask where a refund stands\n"
               "  unionid                 the payer's unionid after a payment (mini-program getpaidunionid)\n"
               "  history search|show|export   the local order history (works offline)\n"
               "  resume                  settle payments and refunds an earlier run left unfinished\n"
               "\n"
               "`wxpay-cli <command> --help` describes each command completely.\n"
               "\n"
               "Global options (before or after the command):\n"
               "  --profile <name>        merchant profile (default: the one chosen with `profile select`)\n"
               "  --db <file>             history database (default: %1)\n"
               "  --settings <file>       settings file (INI) with the profiles, instead of the user's settings\n"
               "  --json                  one JSON document on stdout: {\"ok\", \"exit_code\", ..., \"error\"?}\n"
               "  --poll-interval-ms <ms> testing only: shorten the waits between payment and refund steps\n"
               "  -v, --verbose           log what happens on stderr (key names and Request-IDs, never secrets)\n"
               "  -h, --help              this help\n"
               "  --version               the version\n"
               "\n"
               "Secrets are read from files (or - for standard input), never from the command line, and live only in\n"
               "the OS keychain. Profiles and the history are shared with wxpay-console.\n"
               "\n")
               .arg(storage::Database::defaultPath())
        + exitCodeHelp();
}

bool Cli::parse(QCommandLineParser& parser, const QStringList& arguments, const QString& usage, const QString& details)
{
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, Tr::tr("Show this help."));
    parser.addOption(help);
    addGlobalOptions(parser);
    const bool parsed = parser.parse(QStringList { QStringLiteral("wxpay-cli") } + arguments);
    absorbGlobalOptions(parser);
    if (!parsed) {
        failUsage(parser.errorText() + u'\n' + helpHint(commandWords(usage)));
        return false;
    }
    if (const Status poll = applyPollInterval(); !poll) {
        fail(poll.error());
        return false;
    }
    if (parser.isSet(help)) {
        QStringList lines = splitLines(parser.helpText());
        lines.removeFirst(); // Qt's "Usage: <argv0> [options]": ours names the subcommand
        const QString text = Tr::tr("Usage: wxpay-cli %1").arg(usage) + u"\n\n" + lines.join(u'\n')
            + (details.isEmpty() ? QString() : u'\n' + details) + u'\n' + exitCodeHelp();
        std::fputs(text.toUtf8().constData(), stdout);
        std::fflush(stdout);
        m_exitCode = kExitOk;
        QCoreApplication::exit(kExitOk);
        return false;
    }
    return true;
}

int Cli::run(const QStringList& arguments)
{
    QCommandLineParser top;
    top.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, Tr::tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), Tr::tr("Show the version."));
    top.addOptions({ help, version });
    addGlobalOptions(top);
    const bool parsed = top.parse(arguments);
    absorbGlobalOptions(top);
    const QStringList positional = top.positionalArguments();
    if (!parsed) {
        m_out.finish(kExitUsage, Error::input(QStringLiteral("USAGE"), top.errorText()), helpHint({}));
        return kExitUsage;
    }
    if (top.isSet(help) || (positional.isEmpty() && !top.isSet(version))) {
        const bool asked = top.isSet(help);
        std::fputs(topLevelHelp().toUtf8().constData(), asked ? stdout : stderr);
        return asked ? kExitOk : kExitUsage;
    }
    if (top.isSet(version)) {
        std::fputs((u"wxpay-cli " + QCoreApplication::applicationVersion() + u'\n').toUtf8().constData(), stdout);
        return kExitOk;
    }

    if (const Status poll = applyPollInterval(); !poll) {
        m_out.finish(kExitUsage, poll.error(), {});
        return kExitUsage;
    }

    installSignalHandler(this, [this] {
        if (isFinished()) {
            QCoreApplication::exit(m_exitCode.value_or(kExitNotCompleted)); // stop waiting for resumed operations
            return;
        }
        if (m_interrupt) {
            m_interrupt();
            return;
        }
        finish(kExitNotCompleted, Tr::tr("interrupted"));
    });
    const QString command = positional.constFirst();
    const QStringList rest = positional.mid(1);
    QMetaObject::invokeMethod(
        this, [this, command, rest] { dispatch(command, rest); }, Qt::QueuedConnection);
    const int code = QCoreApplication::exec();
    return m_exitCode.value_or(code);
}

void Cli::dispatch(const QString& command, const QStringList& arguments)
{
    if (command == u"profile")
        runProfile(*this, arguments);
    else if (command == u"sandbox")
        runSandbox(*this, arguments);
    else if (command == u"pay")
        runPay(*this, arguments);
    else if (command == u"order")
        runOrder(*this, arguments);
    else if (command == u"refund")
        runRefund(*this, arguments);
    else if (command == u"unionid")
        runUnionId(*this, arguments);
    else if (command == u"history")
        runHistory(*this, arguments);
    else if (command == u"resume")
        runResume(*this, arguments);
    else
        failUsage(Tr::tr("unknown command \"%1\"").arg(command) + u'\n' + helpHint({}));
}

void Cli::finish(int exitCode, const QString& message)
{
    if (isFinished())
        return;
    m_out.finish(exitCode, std::nullopt, message);
    m_exitCode = exitCode;
    exitWhenResumed();
}

void Cli::fail(const Error& error, const QString& message)
{
    if (isFinished())
        return;
    const int code = exitCodeFor(error);
    m_out.finish(code, error, message);
    m_exitCode = code;
    exitWhenResumed();
}

void Cli::exitWhenResumed()
{
    const int code = m_exitCode.value_or(kExitInternal);
    if (!m_recovery || !m_recovery->isRunning()) {
        QCoreApplication::exit(code);
        return;
    }
    // The command's result is out; what an earlier run left gets a little longer to settle, never unbounded.
    connect(m_recovery, &workflows::Recovery::finished, this, [code] { QCoreApplication::exit(code); });
    QTimer::singleShot(kRecoveryGrace, this, [this, code] {
        m_out.note(Tr::tr("note: operations of an earlier run are still being resumed; the journal keeps them for "
                          "the next run (or `wxpay-cli resume`)"));
        QCoreApplication::exit(code);
    });
}

void Cli::failUsage(const QString& message)
{
    fail(Error::input(QStringLiteral("USAGE"), message));
}

QSettings& Cli::settings()
{
    if (!m_settings) {
        m_settings = m_settingsPath.isEmpty() ? std::make_unique<QSettings>()
                                              : std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
    }
    return *m_settings;
}

credentials::KeychainCredentialStore& Cli::keychain()
{
    if (!m_keychain) {
        m_keychain = std::make_unique<credentials::KeychainCredentialStore>(&settings());
        m_keychain->setJobTimeout(kKeychainTimeout);
    }
    return *m_keychain;
}

credentials::ProfileStore& Cli::profiles()
{
    if (!m_profiles)
        m_profiles = std::make_unique<credentials::ProfileStore>(&settings(), &keychain());
    return *m_profiles;
}

app::ProfileTrustStore& Cli::trust()
{
    if (!m_trust)
        m_trust = std::make_unique<app::ProfileTrustStore>(&settings());
    return *m_trust;
}

credentials::KeyImport& Cli::keyImport()
{
    if (!m_keyImport)
        m_keyImport = std::make_unique<credentials::KeyImport>(&profiles(), &m_clock);
    return *m_keyImport;
}

QString Cli::actor() const
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("wxpay-cli") : user;
}

QString Cli::databasePath() const
{
    return m_dbPath.isEmpty() ? storage::Database::defaultPath() : m_dbPath;
}

Result<credentials::MerchantProfile> Cli::selectedProfile()
{
    QString id = m_profileName;
    if (id.isEmpty())
        id = profiles().currentProfileId();
    if (id.isEmpty()) {
        return Error::input(QStringLiteral("NO_PROFILE"),
            Tr::tr("no merchant profile chosen: pass --profile NAME or run `wxpay-cli profile select NAME` "
                   "(`wxpay-cli sandbox` sets up sandbox profiles)"));
    }
    auto profile = profiles().get(id);
    if (!profile && profile.error().code == u"PROFILE_NOT_FOUND") {
        return Error::input(QStringLiteral("PROFILE_NOT_FOUND"),
            Tr::tr("no merchant profile \"%1\" (see `wxpay-cli profile list`)").arg(id));
    }
    return profile;
}

Status Cli::openHistory()
{
    if (m_database)
        return {};
    auto database = std::make_unique<storage::Database>(databasePath());
    if (Status opened = database->open(); !opened)
        return opened;
    m_database = std::move(database);
    m_orders = std::make_unique<storage::OrderStore>(*m_database, m_clock);
    m_refunds = std::make_unique<storage::RefundStore>(*m_database, m_clock);
    m_audit = std::make_unique<storage::AuditLog>(*m_database, m_clock);
    m_journal = std::make_unique<storage::Journal>(*m_database, m_clock);
    return {};
}

Status Cli::lockHistory()
{
    if (m_lock)
        return {};
    auto lock = storage::HistoryLock::acquire(databasePath());
    if (!lock)
        return lock.error();
    m_lock = std::move(lock).value();
    return {};
}

void Cli::openSession(const credentials::MerchantProfile& profile, std::function<void(app::MerchantSession&)> ready)
{
    tryOpenSession(profile, [this, ready = std::move(ready)](Result<app::MerchantSession*> session) {
        if (!session)
            fail(session.error());
        else
            ready(*session.value());
    });
}

void Cli::tryOpenSession(
    const credentials::MerchantProfile& profile, std::function<void(Result<app::MerchantSession*>)> done)
{
    app::SessionServices services { keychain(), m_nam, m_clock, m_nonces };
    app::MerchantSession::open(profile, trust().read(profile.id), services, {}, this,
        [this, done = std::move(done)](Result<std::unique_ptr<app::MerchantSession>> opened) {
            if (!opened) {
                done(opened.error());
                return;
            }
            app::MerchantSession* session = opened.value().get();
            if (!session->downloadedCertificates().isEmpty()) {
                app::TrustMaterial material = trust().read(session->profile().id);
                material.platformCertificatePems += session->downloadedCertificates();
                if (const Status saved = trust().write(session->profile().id, material); !saved)
                    m_out.note(describeError(saved.error()));
            }
            m_sessions.push_back(std::move(opened).value());
            done(session);
        });
}

workflows::WorkflowContext Cli::workflowContext(app::MerchantSession& session)
{
    return workflows::WorkflowContext { session.profile().id, actor(), session.gateway(), *m_database, *m_orders,
        *m_refunds, *m_audit, *m_journal, m_clock, m_scheduler, m_nonces };
}

workflows::QuickPayOptions Cli::quickPayOptions() const
{
    workflows::QuickPayOptions options;
    if (m_pollInterval) {
        // The family's schedule has six queries before the reverse; each wait becomes the interval.
        options.queryDelays = QList<std::chrono::milliseconds>(6, *m_pollInterval);
        for (auto& delay : options.reverseDelays)
            delay = *m_pollInterval;
        for (auto& delay : options.watchDelays)
            delay = *m_pollInterval;
        options.inFlightSettle = *m_pollInterval * 10;
    }
    return options;
}

workflows::NativeCheckoutOptions Cli::nativeOptions() const
{
    workflows::NativeCheckoutOptions options;
    if (m_pollInterval) {
        options.fastPoll = options.mediumPoll = options.slowPoll = *m_pollInterval;
        for (auto& delay : options.retryDelays)
            delay = *m_pollInterval;
        options.inFlightSettle = *m_pollInterval * 10;
    }
    return options;
}

workflows::RefundOptions Cli::refundOptions() const
{
    workflows::RefundOptions options;
    if (m_pollInterval) {
        for (auto& delay : options.resendDelays)
            delay = *m_pollInterval;
        for (auto& delay : options.pollDelays)
            delay = *m_pollInterval;
        options.inFlightSettle = *m_pollInterval * 10;
    }
    return options;
}

workflows::RecoveryOptions Cli::recoveryOptions() const
{
    return { quickPayOptions(), nativeOptions(), refundOptions() };
}

void Cli::resumeAtStart(app::MerchantSession& session)
{
    auto* recovery = new workflows::Recovery(workflowContext(session), recoveryOptions(), this);
    connect(recovery, &workflows::Recovery::finished, this, [this](const workflows::Recovery::Report& report) {
        for (const workflows::Recovery::Item& item : report.items) {
            const QString what = item.outRefundNo.isEmpty() ? item.outTradeNo : item.outRefundNo;
            m_out.note(Tr::tr("resumed %1 %2 from an earlier run: %3%4")
                           .arg(storage::journalKindName(item.kind), what, item.result,
                               item.settled ? QString() : Tr::tr(" (still unsettled)")));
        }
    });
    if (const Status started = recovery->resumePending(); !started) {
        m_out.note(Tr::tr("cannot resume earlier operations: %1").arg(describeError(started.error())));
        delete recovery;
        return;
    }
    m_recovery = recovery;
}

} // namespace wxpay::cli
