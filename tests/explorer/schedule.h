#pragma once

// One generated session of the fault explorer: which merchant family, which cashier story, which faults the
// simulator injects, when the till crashes and when the clock jumps. A schedule is generated from a seed and has
// a one-line text form that --schedule replays, so a failure found among thousands of seeds can be reproduced and
// shrunk by hand.

#include "common/domain.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QTime>

#include <optional>

namespace wxpay::explorer {

enum class Story
{
    QuickPay, // one sale by payment code; a second code when the first one did not pay
    Native, // a QR order: the customer pays, the cashier closes, or it expires
    Refund, // a paid sale, then a partial refund; refunded again when the first one was refused or closed
    Close, // OrderAction::Close on an unpaid Native order made elsewhere
    Reverse, // OrderAction::Reverse on a Quick Pay order made elsewhere
};
QString storyName(Story story);
std::optional<Story> storyFromName(QStringView name);

// What the Native / Close stories do at scheduler step `at`.
enum class Event
{
    None,
    CustomerPays,
    CashierCloses,
};

struct Jump
{
    int afterRequest = 0; // applied at the first quiet moment after this many requests were answered
    QString by; // "+50s", "+8d", or "midnight" (a few seconds past the next China midnight)

    friend bool operator==(const Jump&, const Jump&) = default;
};

struct Schedule
{
    ApiFamily family = ApiFamily::V3;
    QTime start { 2, 0 }; // UTC time of day the session starts (today)
    Story story = Story::QuickPay;
    int scenario = 0; // Quick Pay / Reverse: the SS digits of the payment code
    int n = 0; // the scenario's parameter NN
    qint64 amount = 1000; // the sale, in minor units
    qint64 part = 0; // Refund: the refund, in minor units
    Event event = Event::None;
    int at = 0; // the scheduler step of `event`
    QStringList faults; // sim::FaultRule::parse syntax, added in this order
    QList<int> kills; // crash right after the server answered this many requests (ascending)
    QList<int> stepKills; // crash before this scheduler step, with nothing in flight (ascending)
    QList<Jump> jumps;

    friend bool operator==(const Schedule&, const Schedule&) = default;

    // "family=v3;start=15:59:40;story=quickpay:scenario=05,n=2,amount=4321;faults=micropay:drop@1;kill=3;
    // jumps=after2:+86400s" (on one line; empty parts are left out).
    QString toText() const;
    static std::optional<Schedule> parse(QStringView text, QString* error = nullptr);

    static Schedule generate(quint64 seed, const QList<ApiFamily>& families);

    // Everything shrinking may take away, one item at a time: faults, kills, step kills, jumps.
    int removableCount() const { return int(faults.size() + kills.size() + stepKills.size() + jumps.size()); }
    Schedule without(int item) const;
};

QString familyName(ApiFamily family); // "v2", "v3", "global", "hk"
std::optional<ApiFamily> familyFromName(QStringView name);

// The Quick Pay scenarios the simulator knows, found by asking it which SS digits it recognises, so a scenario
// it learns later is explored without a change here.
QList<int> knownScenarios();

} // namespace wxpay::explorer
