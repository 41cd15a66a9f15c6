#pragma once

// Runs one schedule: a till (the client side of one profile, on a fresh SQLite file) acts out the cashier's
// story against the shared simulator while the simulator injects the schedule's faults; the till crashes and
// restarts where the schedule says, the clock jumps where it says. Then the console settles as a running one
// would (Recovery rounds, faults cleared) and the money invariants are checked against the simulator's ledger.

#include "invariants.h"
#include "schedule.h"
#include "workflows/workflowtest.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace wxpay::explorer {

// One simulator for the whole process; reset to its freshly started state before each session, so that its
// ledger holds only that session's orders and a seed replays identically.
class World
{
public:
    World();
    Status start();
    void reset(const QDateTime& start);

    workflowtest::SimWorld sim;

private:
    QJsonObject m_snapshot;
};

class Session : public QObject
{
    Q_OBJECT

public:
    Session(World& world, const Schedule& schedule, const QString& databasePath, quint64 serial);
    ~Session() override;

    // Plays the schedule, settles and checks; the violations found (empty: passed).
    QList<Violation> run();

private:
    // The result of one workflow run as the cashier learns it: the workflow's final stage name ("Paid",
    // "NotPaid", "Refused", ...), or after a crash what the recovery at the next start reported for it.
    QString runQuickPay(const QString& authCode);
    QString runRefund(const QString& outTradeNo, qint64 amount, int attempt);
    void runNative();
    void runOrderAction(bool reverse);
    void runRecovery();

    void onRequestHandled();
    void crash();
    // After a crash: a new till on the same database file runs the recovery of a fresh start.
    void restart();
    // Pumps and steps the scheduler until `done()` or a crash (false) or the step cap (false).
    bool drive(const std::function<bool()>& done);
    void pump();
    void applyJumps();
    void observeJournal();
    void settle();
    std::unique_ptr<workflowtest::Till> makeTill();
    template<typename T> T* keep(std::unique_ptr<T> object);

    World& m_world;
    Schedule m_schedule;
    QString m_databasePath;
    quint64 m_serial;
    std::unique_ptr<workflowtest::Till> m_till;
    std::vector<std::unique_ptr<QObject>> m_workflows; // what a crash destroys unfinished
    QMetaObject::Connection m_handledConnection;
    int m_handled = 0; // requests the server answered since the story began
    bool m_counting = false;
    qsizetype m_nextKill = 0;
    qsizetype m_nextStepKill = 0;
    QList<bool> m_jumped;
    bool m_crashed = false;
    std::function<void(int step)> m_onStep; // the Native story's customer or cashier
    QString m_payOrder; // the Close story: the customer pays this order ...
    int m_payAfterRequest = 0; // ... once the server answered this many requests
    int m_steps = 0;
    QHash<QString, QString> m_recovered; // out_trade_no / out_refund_no -> result of the last recovery
    QHash<qint64, QString> m_stepSeen; // journal id -> last step seen
    SaleModel m_sale;
    QList<Violation> m_violations;
};

} // namespace wxpay::explorer
