#pragma once

// The money invariants, checked after a session settled: the simulator's ledger is the truth about what
// WeChat did, the till's history (orders, refunds, journal) is what the console believes.

#include "common/domain.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace wxpay::workflowtest {
class SimWorld;
class Till;
} // namespace wxpay::workflowtest

namespace wxpay::explorer {

struct Violation
{
    QString invariant; // a short stable name, e.g. "double-charge", "open-without-reason"
    QString order; // out_trade_no (and out_refund_no) it is about
    QString detail;

    QString toString() const { return invariant + u' ' + order + u": " + detail; }
};

// What the cashier meant: one sale (whatever number of orders it took), and at most one refund of it.
struct SaleModel
{
    QStringList orders; // every out_trade_no made for the sale, in order
    qint64 amount = 0; // the sale, in minor units
    QString refundOrder; // the order refunded, when the story refunds
    qint64 intendedRefund = 0; // what the cashier meant to give back in total
};

QList<Violation> checkInvariants(workflowtest::SimWorld& world, workflowtest::Till& till, const SaleModel& sale);

// The journal step order of each kind, written here from the money rules (not taken from the workflows); a step
// seen later must not rank below one seen earlier. -1: a step this table does not know.
int stepRank(const QString& kind, const QString& step);

} // namespace wxpay::explorer
