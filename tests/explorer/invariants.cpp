#include "invariants.h"

#include "workflows/workflowtest.h"

#include <QSet>

namespace wxpay::explorer {

namespace {

enum class Paid
{
    Yes, // SUCCESS, REFUND
    No, // CLOSED, REVOKED, PAYERROR
    Open, // anything else (NOTPAY, USERPAYING, ACCEPT, unknown)
};

Paid paidClass(TradeState state)
{
    switch (state) {
    case TradeState::Success:
    case TradeState::Refund:
        return Paid::Yes;
    case TradeState::Closed:
    case TradeState::Revoked:
    case TradeState::PayError:
        return Paid::No;
    default:
        return Paid::Open;
    }
}

// A refund that gives money back or may still do so.
bool live(RefundStatus status)
{
    return status != RefundStatus::Closed;
}

bool finalRefund(RefundStatus status)
{
    return status == RefundStatus::Success || status == RefundStatus::Closed || status == RefundStatus::Abnormal;
}

QString minor(const Money& money)
{
    return money.isValid() ? QString::number(money.minorUnits()) : QStringLiteral("0");
}

qint64 units(const Money& money)
{
    return money.isValid() ? money.minorUnits() : 0;
}

} // namespace

int stepRank(const QString& kind, const QString& step)
{
    static const QHash<QString, QStringList> order {
        { QStringLiteral("micropay"),
            { QStringLiteral("submitting"), QStringLiteral("polling"), QStringLiteral("reversing"),
                QStringLiteral("watching") } },
        { QStringLiteral("native_create"),
            { QStringLiteral("creating"), QStringLiteral("waiting"), QStringLiteral("closing") } },
        { QStringLiteral("refund"), { QStringLiteral("sending"), QStringLiteral("polling") } },
        { QStringLiteral("reverse"), { QStringLiteral("reversing"), QStringLiteral("watching") } },
        { QStringLiteral("close"), { QStringLiteral("closing"), QStringLiteral("confirming") } },
    };
    return int(order.value(kind).indexOf(step));
}

QList<Violation> checkInvariants(workflowtest::SimWorld& world, workflowtest::Till& till, const SaleModel& sale)
{
    QList<Violation> found;
    const QString profile = till.profileId();
    const QString mchid = world.merchant(till.family).mchid;

    // The simulator was reset for this session: its ledger holds this session's orders only.
    QHash<QString, sim::LedgerEntry> ledger;
    const QList<sim::LedgerEntry> entries = world.engine.ledger();
    for (const sim::LedgerEntry& entry : entries) {
        if (entry.mchid == mchid)
            ledger.insert(entry.outTradeNo, entry);
    }
    QStringList orders = sale.orders;
    for (auto it = ledger.cbegin(); it != ledger.cend(); ++it) {
        if (!orders.contains(it.key()))
            orders << it.key();
    }

    // The journal, and which orders it still holds open.
    QSet<QString> openOrders;
    QList<storage::JournalEntry> journal;
    for (qint64 id = 1;; ++id) {
        const auto entry = till.journal.find(id);
        if (!entry || !entry.value())
            break;
        journal << *entry.value();
        if (!entry.value()->finishedAt.isValid())
            openOrders.insert(entry.value()->outTradeNo);
    }

    // 1. One sale is debited at most once, and nothing is debited that the history does not show as paid.
    qint64 debited = 0;
    QStringList debitedOrders;
    for (const QString& no : std::as_const(sale.orders)) {
        const sim::LedgerEntry entry = ledger.value(no);
        const qint64 kept = units(entry.charged) - units(entry.reversed);
        if (kept > 0) {
            debited += kept;
            debitedOrders << no;
        }
    }
    if (debited > sale.amount) {
        found << Violation { QStringLiteral("double-charge"), debitedOrders.join(u','),
            QStringLiteral("the customer paid %1 for a sale of %2").arg(debited).arg(sale.amount) };
    }
    for (const QString& no : std::as_const(orders)) {
        if (!ledger.contains(no))
            continue;
        const sim::LedgerEntry& entry = ledger[no];
        if (paidClass(entry.state) != Paid::Yes)
            continue;
        const auto row = till.order(no);
        if (!row || paidClass(row->state) != Paid::Yes) {
            found << Violation { QStringLiteral("paid-not-in-history"), no,
                u"WeChat has it " + tradeStateName(entry.state) + u", the history "
                    + (row ? tradeStateName(row->state) : QStringLiteral("has no row")) };
        }
    }

    // 2. Refunds never exceed what was paid nor what the cashier meant, and the history matches WeChat's.
    if (!sale.refundOrder.isEmpty()) {
        const sim::LedgerEntry entry = ledger.value(sale.refundOrder);
        qint64 refunded = 0;
        for (const Refund& refund : entry.refunds) {
            if (live(refund.status))
                refunded += units(refund.refund);
        }
        const qint64 paid = units(entry.charged) - units(entry.reversed);
        if (refunded > paid) {
            found << Violation { QStringLiteral("refund-over-paid"), sale.refundOrder,
                QStringLiteral("refunds %1 of a payment of %2").arg(refunded).arg(paid) };
        }
        if (refunded > sale.intendedRefund) {
            found << Violation { QStringLiteral("refund-over-intended"), sale.refundOrder,
                QStringLiteral("refunds %1 where the cashier meant %2 (%3 refunds at WeChat)")
                    .arg(refunded)
                    .arg(sale.intendedRefund)
                    .arg(entry.refunds.size()) };
        }
        const auto rows = till.refunds.forOrder(profile, sale.refundOrder);
        QHash<QString, storage::RefundRecord> history;
        if (rows) {
            for (const storage::RefundRecord& row : rows.value())
                history.insert(row.outRefundNo, row);
        }
        for (const Refund& refund : entry.refunds) {
            const QString where = sale.refundOrder + u'/' + refund.outRefundNo;
            if (!history.contains(refund.outRefundNo)) {
                found << Violation { QStringLiteral("refund-not-in-history"), where,
                    u"WeChat has it " + refundStatusName(refund.status) + u", the history has no row" };
                continue;
            }
            const storage::RefundRecord& row = history[refund.outRefundNo];
            if (units(row.amount) != units(refund.refund) || live(row.status) != live(refund.status)) {
                found << Violation { QStringLiteral("refund-history-differs"), where,
                    u"WeChat: " + minor(refund.refund) + u' ' + refundStatusName(refund.status) + u", history: "
                        + minor(row.amount) + u' ' + refundStatusName(row.status) };
            }
        }
        for (const storage::RefundRecord& row : std::as_const(history)) {
            const bool atWeChat = std::any_of(entry.refunds.cbegin(), entry.refunds.cend(),
                [&row](const Refund& r) { return r.outRefundNo == row.outRefundNo; });
            if (!atWeChat && live(row.status) && row.status != RefundStatus::Unknown) {
                found << Violation { QStringLiteral("refund-history-differs"),
                    sale.refundOrder + u'/' + row.outRefundNo,
                    u"WeChat has no such refund, the history " + refundStatusName(row.status) };
            }
        }
    }

    // 3. Every journal entry finished on a definite state, or is still open and visibly needs attention: its
    // payload says why.
    for (const storage::JournalEntry& entry : std::as_const(journal)) {
        const QString kind = storage::journalKindName(entry.kind);
        const QString where
            = entry.outRefundNo.isEmpty() ? entry.outTradeNo : entry.outTradeNo + u'/' + entry.outRefundNo;
        if (!entry.finishedAt.isValid()) {
            if (entry.payload.value(QStringLiteral("reason")).toString().isEmpty()) {
                found << Violation { QStringLiteral("open-without-reason"), where,
                    kind + u" still open in step " + entry.step + u", no reason given" };
            }
            continue;
        }
        if (entry.kind == storage::JournalKind::Refund) {
            const auto row = till.refunds.findByOutRefundNo(profile, entry.outRefundNo);
            const sim::LedgerEntry order = ledger.value(entry.outTradeNo);
            const auto at = std::find_if(order.refunds.cbegin(), order.refunds.cend(),
                [&entry](const Refund& r) { return r.outRefundNo == entry.outRefundNo; });
            const RefundStatus wechat = at == order.refunds.cend() ? RefundStatus::Closed : at->status;
            if (!row || !row.value() || !finalRefund(row.value()->status)
                || live(row.value()->status) != live(wechat)) {
                found << Violation { QStringLiteral("finished-not-definite"), where,
                    kind + u" finished as " + entry.step + u", history "
                        + (row && row.value() ? refundStatusName(row.value()->status) : QStringLiteral("none"))
                        + u", WeChat "
                        + (at == order.refunds.cend() ? QStringLiteral("none") : refundStatusName(wechat)) };
            }
            continue;
        }
        if (entry.kind != storage::JournalKind::Micropay && entry.kind != storage::JournalKind::NativeCreate)
            continue;
        const auto row = till.order(entry.outTradeNo);
        const bool atWeChat = ledger.contains(entry.outTradeNo);
        const TradeState wechat = atWeChat ? ledger[entry.outTradeNo].state : TradeState::Unknown;
        const Paid wechatPaid = atWeChat ? paidClass(wechat) : Paid::No; // never created: definitely not paid
        if (!row || paidClass(row->state) == Paid::Open || paidClass(row->state) != wechatPaid) {
            found << Violation { QStringLiteral("finished-not-definite"), where,
                kind + u" finished as " + entry.step + u", history "
                    + (row ? tradeStateName(row->state) : QStringLiteral("none")) + u", WeChat "
                    + (atWeChat ? tradeStateName(wechat) : QStringLiteral("none")) };
        }
    }

    // 4. The history's state of every order equals WeChat's (orders the journal still holds open are judged
    // by 3 instead).
    for (const QString& no : std::as_const(orders)) {
        if (openOrders.contains(no))
            continue;
        const auto row = till.order(no);
        if (!row)
            continue; // 1 judges a paid order missing from the history; an unpaid one made elsewhere may be absent
        const bool atWeChat = ledger.contains(no);
        const TradeState wechat = atWeChat ? ledger[no].state : TradeState::Unknown;
        const Paid mine = paidClass(row->state);
        const Paid theirs = atWeChat ? paidClass(wechat) : Paid::No;
        bool differs = false;
        if (mine != Paid::Open && theirs != Paid::Open)
            differs = mine != theirs || (mine == Paid::No && atWeChat && row->state != wechat);
        else
            differs = mine != theirs;
        if (differs) {
            found << Violation { QStringLiteral("history-differs"), no,
                u"history " + tradeStateName(row->state) + u", WeChat "
                    + (atWeChat ? tradeStateName(wechat) : QStringLiteral("has no order")) };
        }
    }
    return found;
}

} // namespace wxpay::explorer
