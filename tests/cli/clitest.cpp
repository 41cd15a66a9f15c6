#include "clitest.h"

#include "common/clock.h"
#include "common/nonce.h"
#include "sim/sandbox.h"
#include "sim/scenario.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>
#include <QThread>

#include <csignal>

namespace wxpay::clitest {

namespace {

QJsonObject parseObject(const QByteArray& data)
{
    const QJsonDocument document = QJsonDocument::fromJson(data);
    return document.isObject() ? document.object() : QJsonObject();
}

} // namespace

QJsonObject CliRun::json() const
{
    return parseObject(out);
}

QByteArray CliRun::describe() const
{
    return "exit " + QByteArray::number(exitCode) + (crashed ? " (crashed)" : "") + "\n--- stdout\n" + out
        + "\n--- stderr\n" + err;
}

CliEnvironment::CliEnvironment() = default;

QStringList CliEnvironment::globalArguments() const
{
    return { QStringLiteral("--settings"), settingsPath(), QStringLiteral("--db"), databasePath(),
        QStringLiteral("--poll-interval-ms"), QString::number(pollIntervalMs) };
}

std::unique_ptr<QProcess> CliEnvironment::start(const QStringList& arguments) const
{
    auto process = std::make_unique<QProcess>();
    process->setProgram(QStringLiteral(WXPAY_CLI_PATH));
    process->setArguments(globalArguments() + arguments);
    process->start();
    return process;
}

CliRun CliEnvironment::collect(QProcess& process, int timeoutMs)
{
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.crashed = true;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.crashed = run.crashed || process.exitStatus() != QProcess::NormalExit;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

CliRun CliEnvironment::run(const QStringList& arguments, const QByteArray& input, int timeoutMs) const
{
    auto process = start(arguments);
    if (!process->waitForStarted()) {
        CliRun failed;
        failed.err = "wxpay-cli did not start: " + process->errorString().toUtf8();
        return failed;
    }
    if (!input.isEmpty())
        process->write(input);
    process->closeWriteChannel();
    return collect(*process, timeoutMs);
}

SandboxProcess::SandboxProcess(const CliEnvironment& environment) : m_environment(environment)
{
    // ledger() loads the state into an engine of this process: its info lines would only be noise here.
    QLoggingCategory::setFilterRules(QStringLiteral("wxpay.*.info=false"));
}

SandboxProcess::~SandboxProcess()
{
    stop();
}

QString SandboxProcess::start(const QStringList& extraArguments)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(QStringLiteral(WXPAY_CLI_PATH));
    m_process->setArguments(m_environment.globalArguments()
        + QStringList { QStringLiteral("--json"), QStringLiteral("sandbox"), QStringLiteral("--manual-clock"),
            QStringLiteral("--state"), statePath(), QStringLiteral("--log"), logPath(), QStringLiteral("--ca-file"),
            caPath() }
        + extraArguments);
    m_process->start();
    if (!m_process->waitForStarted())
        return QStringLiteral("the sandbox did not start");
    QByteArray out;
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            return u"the sandbox ended: " + QString::fromUtf8(m_process->readAllStandardError())
                + QString::fromUtf8(out);
        }
        m_process->waitForReadyRead(200);
        out += m_process->readAllStandardOutput();
        m_ready = parseObject(out);
        if (!m_ready.isEmpty())
            break;
    }
    if (m_ready.isEmpty())
        return u"no ready document from the sandbox: " + QString::fromUtf8(out);
    m_url = QUrl(m_ready.value(QStringLiteral("url")).toString());
    m_now = QDateTime::fromString(m_ready.value(QStringLiteral("now")).toString(), Qt::ISODateWithMs);
    const QList<QSslCertificate> ca
        = QSslCertificate::fromData(m_ready.value(QStringLiteral("ca_certificate")).toString().toLatin1());
    if (ca.isEmpty() || !m_url.isValid() || !m_now.isValid())
        return QStringLiteral("the ready document lacks url, ca_certificate or now");
    m_ca = ca.constFirst();
    return {};
}

void SandboxProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    ::kill(static_cast<pid_t>(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished();
    }
}

bool SandboxProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QList<QJsonObject> SandboxProcess::requests(const QString& operation) const
{
    QList<QJsonObject> lines;
    QFile file(logPath());
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    const QList<QByteArray> all = file.readAll().split('\n');
    for (const QByteArray& line : all) {
        const QJsonObject entry = parseObject(line);
        if (entry.isEmpty())
            continue;
        if (operation.isEmpty() || entry.value(QStringLiteral("operation")).toString() == operation)
            lines.append(entry);
    }
    return lines;
}

int SandboxProcess::post(const QString& path, const QJsonObject& body, QJsonObject* answer)
{
    QUrl target = m_url;
    target.setPath(path);
    QNetworkRequest request(target);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates({ m_ca });
    request.setSslConfiguration(ssl);
    QNetworkReply* reply = m_nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000)) {
        reply->abort();
        reply->deleteLater();
        return 0;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (answer)
        *answer = parseObject(reply->readAll());
    reply->deleteLater();
    return status;
}

bool SandboxProcess::advanceClock(int seconds)
{
    QJsonObject answer;
    if (post(QStringLiteral("/sandbox/clock/advance"), { { QStringLiteral("seconds"), seconds } }, &answer) != 200)
        return false;
    m_now = QDateTime::fromString(answer.value(QStringLiteral("now")).toString(), Qt::ISODateWithMs);
    return m_now.isValid();
}

bool SandboxProcess::addFault(const QString& rule)
{
    return post(QStringLiteral("/sandbox/faults"), { { QStringLiteral("rule"), rule } }) == 200;
}

bool SandboxProcess::clearFaults()
{
    return post(QStringLiteral("/sandbox/faults"), { { QStringLiteral("clear"), true } }) == 200;
}

CliRun SandboxProcess::customerPays(const QString& mchid, const QString& outTradeNo)
{
    QProcess process;
    process.start(QStringLiteral(WXPAY_SIM_PATH),
        { QStringLiteral("pay"), QStringLiteral("--server"), m_url.toString(), QStringLiteral("--ca"), caPath(), mchid,
            outTradeNo });
    return CliEnvironment::collect(process);
}

QList<sim::LedgerEntry> SandboxProcess::ledger() const
{
    QFile file(statePath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject state = parseObject(file.readAll());
    ManualClock clock(m_now);
    RandomNonceSource nonces;
    sim::SimEngine engine(clock, nonces);
    if (!engine.fromJson(state))
        return {};
    return engine.ledger();
}

std::optional<sim::LedgerEntry> SandboxProcess::ledgerEntry(const QString& outTradeNo) const
{
    const QList<sim::LedgerEntry> entries = ledger();
    for (const sim::LedgerEntry& entry : entries) {
        if (entry.outTradeNo == outTradeNo)
            return entry;
    }
    return std::nullopt;
}

QStringList words(const char* text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

QString nextAuthCode(sim::QuickPayScenario scenario, int n)
{
    // Distinct per process and per run: the sandbox state may outlive a test run.
    static quint64 serial = static_cast<quint64>(QDateTime::currentMSecsSinceEpoch() % 1000000) * 100000;
    return sim::makeAuthCode(scenario, n, ++serial);
}

QString sandboxMchid(ApiFamily family)
{
    return sim::SandboxFactory::sandboxMchid(family);
}

} // namespace wxpay::clitest
