// wxpay-cli resume: drives what the journal still holds (payments and refunds an earlier run left in flight) to a
// final state, profile by profile, with the Recovery workflow. Nothing is ever paid twice: Quick Pay orders are
// queried and reversed while unclear, Native orders queried and closed while unpaid, refunds re-sent with the same
// out_refund_no and followed. With --watch it keeps going, on the re-drive's backoff, until nothing is unsettled or
// the time given runs out: what a running console does by itself.

#include "cli.h"
#include "commands.h"
#include "exitcodes.h"
#include "format.h"
#include "workflows/redrive.h"

#include <QJsonArray>

#include <memory>

namespace wxpay::cli {

namespace {

struct ResumeRun
{
    QStringList profileIds;
    qsizetype next = 0;
    QJsonArray items;
    int settled = 0;
    int unsettled = 0;
    std::optional<Error> firstProblem; // the error of the first unsettled item that has one
    // --watch: passes go on until nothing is unsettled or `until`.
    bool watch = false;
    QDateTime until;
    int pass = 1;
    int settledBefore = 0; // settled in earlier passes
};

void startPass(Cli& cli, std::shared_ptr<ResumeRun> run);

std::chrono::milliseconds delayFor(int pass)
{
    const QList<std::chrono::milliseconds> backoff = workflows::Redrive::backoff();
    return backoff.at(std::min<qsizetype>(pass, backoff.size() - 1));
}

void noteUnsettled(ResumeRun& run, const std::optional<Error>& error)
{
    ++run.unsettled;
    if (error && !run.firstProblem)
        run.firstProblem = error;
}

void finishRun(Cli& cli, std::shared_ptr<ResumeRun> shared)
{
    const ResumeRun& run = *shared;
    if (run.watch && run.unsettled > 0) {
        const auto delay = delayFor(run.pass - 1);
        const QDateTime next = cli.clock().now().addMSecs(delay.count());
        if (next <= run.until) {
            cli.out().note(Tr::tr("Pass %1: %2 still unsettled; next pass at %3 (Ctrl-C stops).")
                               .arg(run.pass)
                               .arg(run.unsettled)
                               .arg(next.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
            cli.scheduler().after(delay, &cli, [&cli, shared] {
                shared->settledBefore += shared->settled;
                ++shared->pass;
                startPass(cli, shared);
            });
            return;
        }
    }
    Output& out = cli.out();
    out.set(QStringLiteral("items"), run.items);
    const int settled = run.settledBefore + run.settled;
    out.set(QStringLiteral("settled"), settled);
    out.set(QStringLiteral("unsettled"), run.unsettled);
    if (run.watch)
        out.set(QStringLiteral("passes"), run.pass);
    if (run.unsettled == 0) {
        cli.finish(
            kExitOk, settled == 0 ? Tr::tr("Nothing to resume.") : Tr::tr("%1 operation(s) settled.").arg(settled));
        return;
    }
    const QString message = Tr::tr("%1 operation(s) settled, %2 still unsettled (the journal keeps them).")
                                .arg(settled)
                                .arg(run.unsettled);
    const int code = unsettledExitCode(run.firstProblem);
    if (run.firstProblem && code != kExitNotCompleted)
        cli.fail(*run.firstProblem, message);
    else
        cli.finish(code, message);
}

void resumeNext(Cli& cli, std::shared_ptr<ResumeRun> run)
{
    if (run->next == run->profileIds.size()) {
        finishRun(cli, run);
        return;
    }
    const QString profileId = run->profileIds.at(run->next++);
    const auto unresumable = [&cli, run, profileId](const Error& error) {
        auto pending = cli.journal().pending();
        const QList<storage::JournalEntry> entries = pending ? pending.value() : QList<storage::JournalEntry>();
        for (const storage::JournalEntry& entry : entries) {
            if (entry.profileId != profileId)
                continue;
            run->items.append(QJsonObject { { QStringLiteral("profile"), profileId },
                { QStringLiteral("kind"), storage::journalKindName(entry.kind) },
                { QStringLiteral("out_trade_no"), entry.outTradeNo },
                { QStringLiteral("out_refund_no"), entry.outRefundNo },
                { QStringLiteral("result"), QStringLiteral("NotResumed") }, { QStringLiteral("settled"), false },
                { QStringLiteral("error"), errorJson(error) } });
            cli.out().print(
                Tr::tr("%1 %2 %3: not resumed: %4")
                    .arg(profileId, storage::journalKindName(entry.kind),
                        entry.outRefundNo.isEmpty() ? entry.outTradeNo : entry.outRefundNo, describeError(error)));
            noteUnsettled(*run, error);
        }
        resumeNext(cli, run);
    };
    auto profile = cli.profiles().get(profileId);
    if (!profile) {
        unresumable(profile.error());
        return;
    }
    cli.tryOpenSession(profile.value(), [&cli, run, profileId, unresumable](Result<app::MerchantSession*> session) {
        if (!session) {
            unresumable(session.error());
            return;
        }
        auto* recovery = new workflows::Recovery(cli.workflowContext(*session.value()), cli.recoveryOptions(), &cli);
        QObject::connect(recovery, &workflows::Recovery::finished, &cli,
            [&cli, run, profileId, recovery](const workflows::Recovery::Report& report) {
                recovery->deleteLater();
                for (const workflows::Recovery::Item& item : report.items) {
                    QJsonObject json { { QStringLiteral("profile"), profileId },
                        { QStringLiteral("kind"), storage::journalKindName(item.kind) },
                        { QStringLiteral("out_trade_no"), item.outTradeNo }, { QStringLiteral("result"), item.result },
                        { QStringLiteral("settled"), item.settled } };
                    if (!item.outRefundNo.isEmpty())
                        json.insert(QStringLiteral("out_refund_no"), item.outRefundNo);
                    if (item.error)
                        json.insert(QStringLiteral("error"), errorJson(*item.error));
                    run->items.append(json);
                    cli.out().print(
                        QStringLiteral("%1 %2 %3: %4%5")
                            .arg(profileId, storage::journalKindName(item.kind),
                                item.outRefundNo.isEmpty() ? item.outTradeNo : item.outRefundNo, item.result,
                                item.settled ? QString()
                                             : u" (" + Tr::tr("unsettled")
                                        + (item.error ? u": " + describeError(*item.error) : QString()) + u')'));
                    if (item.settled)
                        ++run->settled;
                    else
                        noteUnsettled(*run, item.error);
                }
                resumeNext(cli, run);
            });
        if (const Status started = recovery->resumePending(); !started) {
            delete recovery;
            unresumable(started.error());
        }
    });
}

} // namespace

void runResume(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Settle the payments and refunds that an earlier run left unfinished (the program or the machine stopped "
        "while they were in flight): Quick Pay orders are queried and reversed while unclear, Native orders queried "
        "and closed while unpaid, refunds sent again with the same out_refund_no and followed until they end. "
        "Nothing is ever paid twice. Every profile with unfinished operations is resumed, or only --profile's. "
        "`pay native` and `pay quick` also do this at start."));
    const QCommandLineOption watch(QStringLiteral("watch"),
        Tr::tr(
            "Keep going: while anything stays unsettled, run another pass on a backoff (1, 2, 5, 10, 15 minutes), as "
            "a running console does."));
    const QCommandLineOption watchMinutes(QStringLiteral("watch-minutes"),
        Tr::tr("With --watch: stop after this many minutes (default 60)."), QStringLiteral("minutes"),
        QStringLiteral("60"));
    parser.addOptions({ watch, watchMinutes });
    if (!cli.parse(parser, arguments, QStringLiteral("resume [--watch [--watch-minutes N]] [options]"),
            Tr::tr("Results: 0 everything settled (paid, not paid, reversed, closed, refunded: see the list); 8 some "
                   "operation is still unsettled and stays in the journal (3, 4, 6 or 7 when that is because of the "
                   "network, an untrusted answer, the keychain or the history).\n")))
        return;
    if (const Status opened = cli.openHistory(); !opened) {
        cli.fail(opened.error());
        return;
    }
    if (const Status locked = cli.lockHistory(); !locked) {
        cli.fail(locked.error());
        return;
    }
    auto run = std::make_shared<ResumeRun>();
    run->watch = parser.isSet(watch);
    bool minutesOk = false;
    const int minutes = parser.value(watchMinutes).toInt(&minutesOk);
    if (!minutesOk || minutes < 1) {
        cli.failUsage(Tr::tr("--watch-minutes wants a whole number of minutes, 1 or more"));
        return;
    }
    run->until = cli.clock().now().addSecs(qint64(minutes) * 60);
    startPass(cli, run);
}

namespace {

// One pass over every profile with unfinished operations (or only --profile's).
void startPass(Cli& cli, std::shared_ptr<ResumeRun> run)
{
    auto pending = cli.journal().pending();
    if (!pending) {
        cli.fail(pending.error());
        return;
    }
    run->profileIds.clear();
    run->next = 0;
    run->items = {};
    run->settled = 0;
    run->unsettled = 0;
    run->firstProblem.reset();
    for (const storage::JournalEntry& entry : pending.value()) {
        if (!cli.profileOption().isEmpty() && entry.profileId != cli.profileOption())
            continue;
        if (!run->profileIds.contains(entry.profileId))
            run->profileIds.append(entry.profileId);
    }
    resumeNext(cli, run);
}

} // namespace

} // namespace wxpay::cli
