// wxpay-explorer: the seeded fault explorer. Generates payment sessions (one per seed), runs each against the
// in-process simulator with faults, crashes and clock jumps, and checks the money invariants against the
// simulator's ledger. Prints one line per failing seed with the smallest schedule that still fails, in the form
// --schedule replays, and ends with "explored N schedules: P passed, F failed"; exits 0 only when none failed.

#include "schedule.h"
#include "session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace wxpay;
using namespace wxpay::explorer;

namespace {

class Explorer
{
public:
    Explorer(World& world, const QString& folder) : m_world(world), m_folder(folder) { }

    QList<Violation> run(const Schedule& schedule, quint64 serial)
    {
        const QString path = m_folder + QStringLiteral("/s%1-%2.sqlite").arg(serial).arg(++m_runs);
        Session session(m_world, schedule, path, serial);
        return session.run();
    }

    // Takes faults, kills and jumps away one at a time, keeping each removal after which the schedule still
    // breaks `invariant`.
    Schedule shrink(Schedule schedule, const QString& invariant, quint64 serial)
    {
        bool smaller = true;
        while (smaller) {
            smaller = false;
            for (int i = 0; i < schedule.removableCount(); ++i) {
                const Schedule candidate = schedule.without(i);
                const QList<Violation> found = run(candidate, serial);
                if (std::any_of(found.cbegin(), found.cend(),
                        [&invariant](const Violation& v) { return v.invariant == invariant; })) {
                    schedule = candidate;
                    smaller = true;
                    break;
                }
            }
        }
        return schedule;
    }

    int runs() const { return m_runs; }

private:
    World& m_world;
    QString m_folder;
    int m_runs = 0;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wxpay-explorer"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Seeded fault explorer of the payment workflows."));
    parser.addHelpOption();
    const QCommandLineOption seedsOption(
        QStringLiteral("seeds"), QStringLiteral("How many seeds (200)."), QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption firstOption(
        QStringLiteral("first"), QStringLiteral("The first seed (1)."), QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption familiesOption(QStringLiteral("families"),
        QStringLiteral("API families to explore (v2,v3,global,hk)."), QStringLiteral("LIST"),
        QStringLiteral("v2,v3,global,hk"));
    const QCommandLineOption scheduleOption(
        QStringLiteral("schedule"), QStringLiteral("Replay one schedule in its printed form."), QStringLiteral("TEXT"));
    const QCommandLineOption noShrinkOption(
        QStringLiteral("no-shrink"), QStringLiteral("Print failing schedules as generated."));
    const QCommandLineOption verboseOption(
        QStringLiteral("verbose"), QStringLiteral("Print every violation, each schedule and the throughput."));
    parser.addOptions({ seedsOption, firstOption, familiesOption, scheduleOption, noShrinkOption, verboseOption });
    parser.process(app);

    const bool verbose = parser.isSet(verboseOption);
    // The workflows log every step and Qt warns about every dropped connection; unless asked, the explorer's
    // own lines are all that is printed (fatal errors still abort).
    if (!verbose) {
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                QTextStream(stderr) << message << Qt::endl;
        });
    }
    QTextStream out(stdout);

    QList<ApiFamily> families;
    for (const QString& name : parser.value(familiesOption).split(u',', Qt::SkipEmptyParts)) {
        const auto family = familyFromName(name);
        if (!family) {
            QTextStream(stderr) << "unknown family: " << name << '\n';
            return 2;
        }
        families << *family;
    }
    bool ok = false;
    const quint64 first = parser.value(firstOption).toULongLong(&ok);
    const quint64 count = ok ? parser.value(seedsOption).toULongLong(&ok) : 0;
    if (!ok || families.isEmpty()) {
        QTextStream(stderr) << "bad --first / --seeds / --families\n";
        return 2;
    }

    QList<std::pair<quint64, Schedule>> schedules;
    if (parser.isSet(scheduleOption)) {
        QString error;
        const auto schedule = Schedule::parse(parser.value(scheduleOption), &error);
        if (!schedule) {
            QTextStream(stderr) << "bad --schedule: " << error << '\n';
            return 2;
        }
        schedules.append({ first, *schedule });
    } else {
        for (quint64 seed = first; seed < first + count; ++seed)
            schedules.append({ seed, Schedule::generate(seed, families) });
    }

    World world;
    if (Status started = world.start(); !started) {
        QTextStream(stderr) << "cannot start the simulator: " << started.error().toString() << '\n';
        return 2;
    }
    // One folder per process, so that two explorers with disjoint seeds can run side by side. Each session
    // writes a fresh SQLite history and commits after every step: on a memory file system (where one exists
    // and TMPDIR does not say otherwise) that costs no disk syncs, which doubles the sessions per second.
    const QString memory = QStringLiteral("/dev/shm");
    const bool inMemory = qEnvironmentVariableIsEmpty("TMPDIR") && QFileInfo(memory).isWritable();
    QTemporaryDir folder
        = inMemory ? QTemporaryDir(memory + QStringLiteral("/wxpay-explorer-XXXXXX")) : QTemporaryDir();
    if (!folder.isValid()) {
        QTextStream(stderr) << "no temporary folder\n";
        return 2;
    }
    Explorer explorer(world, folder.path());

    QElapsedTimer timer;
    timer.start();
    int passed = 0;
    int failed = 0;
    for (const auto& [seed, schedule] : std::as_const(schedules)) {
        if (verbose)
            out << "seed " << seed << ": " << schedule.toText() << Qt::endl;
        QElapsedTimer one;
        one.start();
        const QList<Violation> found = explorer.run(schedule, seed);
        if (verbose)
            out << "    " << one.elapsed() << " ms" << Qt::endl;
        if (found.isEmpty()) {
            ++passed;
            continue;
        }
        ++failed;
        const Violation& v = found.first();
        const Schedule minimal = parser.isSet(noShrinkOption) ? schedule : explorer.shrink(schedule, v.invariant, seed);
        out << "seed " << seed << " FAILED " << v.toString();
        if (found.size() > 1)
            out << " (+" << found.size() - 1 << " more)";
        out << " | schedule: " << schedule.toText() << " | minimal: " << minimal.toText() << Qt::endl;
        if (verbose) {
            for (const Violation& each : found)
                out << "    " << each.toString() << '\n';
        }
    }
    const double seconds = double(timer.elapsed()) / 1000.0;
    if (verbose) {
        out << QStringLiteral("%1 sessions (with shrinking) in %2 s: %3 sessions/s")
                   .arg(explorer.runs())
                   .arg(seconds, 0, 'f', 1)
                   .arg(seconds > 0 ? double(explorer.runs()) / seconds : 0.0, 0, 'f', 1)
            << '\n';
    }
    out << "explored " << schedules.size() << " schedules: " << passed << " passed, " << failed << " failed"
        << Qt::endl;
    return failed == 0 ? 0 : 1;
}
