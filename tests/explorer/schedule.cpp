#include "schedule.h"

#include "sim/fault.h"
#include "sim/scenario.h"

#include <QRandomGenerator>

namespace wxpay::explorer {

namespace {

// The faults the explorer draws, by weight. Kinds the simulator does not know yet (FaultRule::parse refuses
// them) are skipped, so they switch on by themselves once the simulator has them.
struct FaultKindWeight
{
    const char* kind;
    int weight;
};
constexpr FaultKindWeight kFaultKinds[] = {
    { "drop", 10 }, // applied, then the connection closes: the money moved, the reply is lost
    { "timeout", 1 }, // costs a transport timeout of real time: rare
    { "http500", 6 },
    { "http503", 4 },
    { "http429", 3 },
    { "malformed", 5 },
    { "nosign", 4 },
    { "badsign", 4 },
    { "stale", 3 },
    { "unknownserial", 3 },
    { "signtest", 2 },
    { "busy", 5 },
    { "oversized", 1 },
    { "wrongv2sign", 2 },
    { "dtd", 1 },
    // Announced by the simulator work; skipped until FaultRule::parse accepts them.
    { "reset", 4 },
    { "proxy403", 3 },
    { "proxy502", 3 },
    { "proxy502after", 3 },
    { "unsignederror", 3 },
    { "business=NOTENOUGH", 2 },
    { "business=INVALID_REQUEST", 2 },
    { "business=PARAM_ERROR", 2 },
    { "business=SYSTEMERROR", 2 },
    { "business=ORDERNOTEXIST", 1 },
    { "business=TRADE_STATE_ERROR", 1 },
};

// A business fault is WeChat refusing a request, signed and with nothing applied: true to WeChat's ledger for a
// request that would change something. On a query it would be WeChat signing a false state ("no such order" for
// one it has), which no client can see through and the documents never describe; queries get "busy" only.
bool fitsOperation(QStringView kind, QStringView operation)
{
    const bool read = operation == u"query" || operation == u"refundquery";
    return !read || !kind.startsWith(u"business=") || kind == u"business=SYSTEMERROR";
}

// The operations each story's requests use (sim::operationName spelling).
QStringList operationsOf(Story story)
{
    switch (story) {
    case Story::QuickPay:
        return { QStringLiteral("micropay"), QStringLiteral("query"), QStringLiteral("reverse") };
    case Story::Native:
        return { QStringLiteral("native"), QStringLiteral("query"), QStringLiteral("close") };
    case Story::Refund:
        return { QStringLiteral("refund"), QStringLiteral("refundquery") };
    case Story::Close:
        return { QStringLiteral("query"), QStringLiteral("close") };
    case Story::Reverse:
        return { QStringLiteral("query"), QStringLiteral("reverse") };
    }
    return {};
}

// The requests of a story that move money and that a workflow may send again.
QStringList moneyOperationsOf(Story story)
{
    switch (story) {
    case Story::QuickPay:
        return { QStringLiteral("micropay"), QStringLiteral("reverse") };
    case Story::Native:
        return { QStringLiteral("native"), QStringLiteral("close") };
    case Story::Refund:
        return { QStringLiteral("refund") };
    case Story::Close:
        return { QStringLiteral("close") };
    case Story::Reverse:
        return { QStringLiteral("reverse") };
    }
    return {};
}

// What a re-send meets after a lost reply: WeChat's definite "no", a proxy's page, an error that fails
// verification. None of them may undo what the lost one did.
constexpr const char* kAfterLostReply[] = { "business=NOTENOUGH", "business=INVALID_REQUEST", "business=PARAM_ERROR",
    "business=ORDERNOTEXIST", "proxy403", "unsignederror" };

struct JumpWeight
{
    const char* by;
    int weight;
};
constexpr JumpWeight kJumps[] = {
    { "+3s", 3 }, { "+50s", 4 }, // past the 45 s Quick Pay auto-revoke
    { "midnight", 3 }, // into the next China day (reversing is no longer offered)
    { "+1d", 2 }, { "+8d", 1 }, // past the v2 reverse window
};

const QList<FaultKindWeight>& availableFaultKinds()
{
    static const QList<FaultKindWeight> kinds = [] {
        QList<FaultKindWeight> list;
        for (const FaultKindWeight& k : kFaultKinds) {
            if (sim::FaultRule::parse(QString(u"query:" + QLatin1String(k.kind))).ok())
                list.append(k);
        }
        return list;
    }();
    return kinds;
}

template<typename T> const T& pickWeighted(QRandomGenerator& random, const QList<T>& items)
{
    int total = 0;
    for (const T& item : items)
        total += item.weight;
    int roll = int(random.bounded(total));
    for (const T& item : items) {
        if (roll < item.weight)
            return item;
        roll -= item.weight;
    }
    return items.last();
}

int pickCount(QRandomGenerator& random, std::initializer_list<int> percentages)
{
    int roll = int(random.bounded(100));
    int count = 0;
    for (int p : percentages) {
        if (roll < p)
            return count;
        roll -= p;
        ++count;
    }
    return count;
}

QString digits2(int value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

QString eventName(Event event)
{
    switch (event) {
    case Event::None:
        return QStringLiteral("none");
    case Event::CustomerPays:
        return QStringLiteral("pay");
    case Event::CashierCloses:
        return QStringLiteral("close");
    }
    return {};
}

std::optional<Event> eventFromName(QStringView name)
{
    for (Event e : { Event::None, Event::CustomerPays, Event::CashierCloses }) {
        if (eventName(e) == name)
            return e;
    }
    return std::nullopt;
}

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

bool parseStory(QStringView text, Schedule& s, QString* error)
{
    const qsizetype colon = text.indexOf(u':');
    const auto story = storyFromName(colon < 0 ? text : text.left(colon));
    if (!story)
        return fail(error, u"unknown story: " + text.toString());
    s.story = *story;
    if (colon < 0)
        return true;
    for (QStringView item : text.mid(colon + 1).split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = item.indexOf(u'=');
        if (eq < 0)
            return fail(error, u"story parameter without a value: " + item.toString());
        const QStringView key = item.left(eq);
        const QStringView value = item.mid(eq + 1);
        bool ok = true;
        if (key == u"scenario")
            s.scenario = value.toInt(&ok);
        else if (key == u"n")
            s.n = value.toInt(&ok);
        else if (key == u"amount")
            s.amount = value.toLongLong(&ok);
        else if (key == u"part")
            s.part = value.toLongLong(&ok);
        else if (key == u"at")
            s.at = value.toInt(&ok);
        else if (key == u"then") {
            const auto event = eventFromName(value);
            ok = event.has_value();
            if (event)
                s.event = *event;
        } else
            return fail(error, u"unknown story parameter: " + key.toString());
        if (!ok)
            return fail(error, u"bad story parameter: " + item.toString());
    }
    return true;
}

} // namespace

QString storyName(Story story)
{
    switch (story) {
    case Story::QuickPay:
        return QStringLiteral("quickpay");
    case Story::Native:
        return QStringLiteral("native");
    case Story::Refund:
        return QStringLiteral("refund");
    case Story::Close:
        return QStringLiteral("close");
    case Story::Reverse:
        return QStringLiteral("reverse");
    }
    return {};
}

std::optional<Story> storyFromName(QStringView name)
{
    for (Story s : { Story::QuickPay, Story::Native, Story::Refund, Story::Close, Story::Reverse }) {
        if (storyName(s) == name)
            return s;
    }
    return std::nullopt;
}

QString familyName(ApiFamily family)
{
    return apiFamilyName(family);
}

std::optional<ApiFamily> familyFromName(QStringView name)
{
    return apiFamilyFromName(name);
}

QList<int> knownScenarios()
{
    static const QList<int> known = [] {
        QList<int> list;
        // An unlisted SS behaves like 00, so a value is a scenario of its own when it does not map back to 00.
        for (int ss = 0; ss < 100; ++ss) {
            const QString code
                = QStringLiteral("13") + digits2(ss) + QStringLiteral("00") + QStringLiteral("0").repeated(12);
            const auto found = sim::scenarioForAuthCode(code);
            if (found && (ss == 0 || found->scenario != sim::QuickPayScenario::Success))
                list.append(ss);
        }
        return list;
    }();
    return known;
}

QString Schedule::toText() const
{
    QStringList parts;
    parts << u"family=" + familyName(family);
    parts << u"start=" + start.toString(QStringLiteral("HH:mm:ss"));
    QStringList params;
    switch (story) {
    case Story::QuickPay:
    case Story::Reverse:
        params << u"scenario=" + digits2(scenario) << u"n=" + QString::number(n);
        break;
    case Story::Refund:
        params << u"part=" + QString::number(part);
        break;
    case Story::Native:
    case Story::Close:
        params << u"then=" + eventName(event) << u"at=" + QString::number(at);
        break;
    }
    params << u"amount=" + QString::number(amount);
    parts << u"story=" + storyName(story) + u':' + params.join(u',');
    if (!faults.isEmpty())
        parts << u"faults=" + faults.join(u',');
    if (!kills.isEmpty()) {
        QStringList k;
        for (int kill : kills)
            k << QString::number(kill);
        parts << u"kill=" + k.join(u',');
    }
    if (!stepKills.isEmpty()) {
        QStringList k;
        for (int kill : stepKills)
            k << QString::number(kill);
        parts << u"killstep=" + k.join(u',');
    }
    if (!jumps.isEmpty()) {
        QStringList j;
        for (const Jump& jump : jumps)
            j << u"after" + QString::number(jump.afterRequest) + u':' + jump.by;
        parts << u"jumps=" + j.join(u',');
    }
    return parts.join(u';');
}

std::optional<Schedule> Schedule::parse(QStringView text, QString* error)
{
    Schedule s;
    for (QStringView part : text.trimmed().split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        if (eq < 0) {
            fail(error, u"expected key=value: " + part.toString());
            return std::nullopt;
        }
        const QStringView key = part.left(eq);
        const QStringView value = part.mid(eq + 1);
        if (key == u"family") {
            const auto family = familyFromName(value);
            if (!family) {
                fail(error, u"unknown family: " + value.toString());
                return std::nullopt;
            }
            s.family = *family;
        } else if (key == u"start") {
            s.start = QTime::fromString(value.toString(), QStringLiteral("HH:mm:ss"));
            if (!s.start.isValid()) {
                fail(error, u"bad start time: " + value.toString());
                return std::nullopt;
            }
        } else if (key == u"story") {
            if (!parseStory(value, s, error))
                return std::nullopt;
        } else if (key == u"faults") {
            for (QStringView spec : value.split(u',', Qt::SkipEmptyParts)) {
                if (auto rule = sim::FaultRule::parse(spec); !rule) {
                    fail(error, u"bad fault " + spec.toString() + u": " + rule.error().toString());
                    return std::nullopt;
                }
                s.faults << spec.toString();
            }
        } else if (key == u"kill" || key == u"killstep") {
            QList<int>& kills = key == u"kill" ? s.kills : s.stepKills;
            for (QStringView k : value.split(u',', Qt::SkipEmptyParts)) {
                bool ok = false;
                kills << k.toInt(&ok);
                if (!ok) {
                    fail(error, u"bad kill: " + k.toString());
                    return std::nullopt;
                }
            }
            std::sort(kills.begin(), kills.end());
        } else if (key == u"jumps") {
            for (QStringView j : value.split(u',', Qt::SkipEmptyParts)) {
                const qsizetype colon = j.indexOf(u':');
                bool ok = colon > 5 && j.startsWith(u"after");
                Jump jump;
                if (ok)
                    jump.afterRequest = j.mid(5, colon - 5).toInt(&ok);
                if (ok)
                    jump.by = j.mid(colon + 1).toString();
                if (!ok) {
                    fail(error, u"bad jump: " + j.toString());
                    return std::nullopt;
                }
                s.jumps << jump;
            }
        } else {
            fail(error, u"unknown key: " + key.toString());
            return std::nullopt;
        }
    }
    return s;
}

Schedule Schedule::generate(quint64 seed, const QList<ApiFamily>& families)
{
    QRandomGenerator random(quint32(seed) ^ quint32(seed >> 32) ^ 0x5eed1e55u);
    Schedule s;
    s.family = families.at(int(random.bounded(int(families.size()))));

    // A third of the sessions start just before China midnight (16:00 UTC), so that polling, reversing and
    // refunds cross into the next China day.
    if (random.bounded(100) < 40)
        s.start = QTime(15, 58, 30).addSecs(int(random.bounded(86)));
    else
        s.start = QTime(2, 0).addSecs(60 * int(random.bounded(600)));

    const int storyRoll = int(random.bounded(100));
    s.story = storyRoll < 35 ? Story::QuickPay
        : storyRoll < 55     ? Story::Native
        : storyRoll < 80     ? Story::Refund
        : storyRoll < 90     ? Story::Close
                             : Story::Reverse;
    // Mostly small amounts; sometimes above 1000.00, where a CNY Quick Pay needs the password.
    s.amount = random.bounded(100) < 10 ? 100001 + random.bounded(200000) : 1 + random.bounded(99999);

    const QList<int>& scenarios = knownScenarios();
    switch (s.story) {
    case Story::QuickPay:
    case Story::Reverse: {
        s.scenario = scenarios.at(int(random.bounded(int(scenarios.size()))));
        if (s.scenario == 11) // the password after N seconds: around the 30 s schedule and the 45 s auto-revoke
            s.n = QList<int> { 2, 10, 30, 44, 60 }.at(int(random.bounded(5)));
        else
            s.n = int(random.bounded(4));
        break;
    }
    case Story::Refund:
        s.part = 1 + random.bounded(s.amount);
        break;
    case Story::Native: {
        const int roll = int(random.bounded(100));
        s.event = roll < 45 ? Event::CustomerPays : roll < 75 ? Event::CashierCloses : Event::None;
        s.at = int(random.bounded(26));
        break;
    }
    case Story::Close:
        s.event = random.bounded(100) < 30 ? Event::CustomerPays : Event::None;
        s.at = int(random.bounded(4));
        break;
    }

    // A definite error after a lost reply is a pair of rules on one request kind, in this order: independent
    // draws would almost never line them up.
    if (random.bounded(100) < 15) {
        const QStringList money = moneyOperationsOf(s.story);
        const QString operation = money.at(int(random.bounded(int(money.size()))));
        const QString lost = random.bounded(2) == 0 ? QStringLiteral("drop") : QStringLiteral("proxy502after");
        const QString then = QLatin1String(kAfterLostReply[random.bounded(int(std::size(kAfterLostReply)))]);
        if (sim::FaultRule::parse(QString(operation + u':' + then)).ok())
            s.faults << operation + u':' + lost + u"@1" << operation + u':' + then + u"@1";
    }

    const QStringList operations = operationsOf(s.story);
    const QList<FaultKindWeight>& kinds = availableFaultKinds();
    const int faultCount = pickCount(random, { 15, 35, 30 });
    for (int i = 0; i < faultCount; ++i) {
        const QString operation = operations.at(int(random.bounded(int(operations.size()))));
        QString kind = QLatin1String(pickWeighted(random, kinds).kind);
        if (!fitsOperation(kind, operation))
            kind = QStringLiteral("busy");
        const int countRoll = int(random.bounded(100));
        // "@*" (every request until the session settles) exhausts retries and polls.
        const QString count = countRoll < 55       ? QStringLiteral("1")
            : countRoll < 75                       ? QStringLiteral("2")
            : countRoll < 85 || kind == u"timeout" ? QStringLiteral("3")
                                                   : QStringLiteral("*");
        s.faults << operation + u':' + kind + u'@' + count;
    }

    const int killCount = pickCount(random, { 50, 40 });
    for (int i = 0; i < killCount; ++i)
        s.kills << 1 + int(random.bounded(6));
    std::sort(s.kills.begin(), s.kills.end());
    s.kills.erase(std::unique(s.kills.begin(), s.kills.end()), s.kills.end());
    // A crash between two steps: the journal holds the step the workflow last wrote, nothing is in flight.
    if (random.bounded(100) < 20)
        s.stepKills << 1 + int(random.bounded(12));

    QList<JumpWeight> jumps(std::begin(kJumps), std::end(kJumps));
    const int jumpCount = pickCount(random, { 45, 40 });
    for (int i = 0; i < jumpCount; ++i)
        s.jumps << Jump { int(random.bounded(7)), QLatin1String(pickWeighted(random, jumps).by) };
    return s;
}

Schedule Schedule::without(int item) const
{
    Schedule s = *this;
    if (item < faults.size()) {
        s.faults.removeAt(item);
        return s;
    }
    item -= int(faults.size());
    if (item < kills.size()) {
        s.kills.removeAt(item);
        return s;
    }
    item -= int(kills.size());
    if (item < stepKills.size()) {
        s.stepKills.removeAt(item);
        return s;
    }
    item -= int(stepKills.size());
    if (item < jumps.size())
        s.jumps.removeAt(item);
    return s;
}

} // namespace wxpay::explorer
