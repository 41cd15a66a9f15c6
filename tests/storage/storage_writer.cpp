// Helper for tst_storagecrash: writes orders one transaction at a time until killed.
// Usage: storage_writer <database> <tag> [max]
// Each transaction inserts the order <tag>-<n>, its journal entry and an audit line; "<n>" is printed on stdout
// only after the commit returned, so every number printed names a committed order.

#include "common/clock.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/orderstore.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

using namespace wxpay;
using namespace wxpay::storage;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 3) {
        std::fputs("usage: storage_writer <database> <tag> [max]\n", stderr);
        return 2;
    }
    const QString tag = args.at(2);
    const int max = args.size() > 3 ? args.at(3).toInt() : 1000000;

    Database db(args.at(1));
    if (auto status = db.open(); !status) {
        std::fprintf(stderr, "open: %s\n", qPrintable(status.error().toString()));
        return 1;
    }
    SystemClock clock;
    OrderStore orders(db, clock);
    Journal journal(db, clock);
    AuditLog audit(db, clock);

    for (int n = 1; n <= max; ++n) {
        const QString outTradeNo = tag % u'-' % QStringLiteral("%1").arg(n, 6, 10, QLatin1Char('0'));
        TransactionGuard transaction(db);
        Status status = transaction.begin();
        if (status) {
            OrderRecord order;
            order.profileId = QStringLiteral("crash");
            order.outTradeNo = outTradeNo;
            order.amount = Money::fromMinor(100 + n % 1000, QStringLiteral("CNY")).value();
            order.tradeType = QStringLiteral("MICROPAY");
            order.description = QString::fromUtf8("崩溃测试 第%1单").arg(n);
            auto inserted = orders.insert(order);
            if (!inserted)
                status = inserted.error();
        }
        if (status) {
            JournalEntry entry;
            entry.kind = JournalKind::Micropay;
            entry.profileId = QStringLiteral("crash");
            entry.outTradeNo = outTradeNo;
            entry.step = QStringLiteral("sending");
            auto begun = journal.begin(entry);
            if (!begun)
                status = begun.error();
        }
        if (status) {
            AuditEntry line;
            line.actor = QStringLiteral("storage_writer");
            line.profileId = QStringLiteral("crash");
            line.action = QStringLiteral("order.create");
            line.outTradeNo = outTradeNo;
            auto appended = audit.append(line);
            if (!appended)
                status = appended.error();
        }
        if (status)
            status = transaction.commit();
        if (!status) {
            std::fprintf(stderr, "order %d: %s\n", n, qPrintable(status.error().toString()));
            return 1;
        }
        std::printf("%d\n", n);
        std::fflush(stdout);
    }
    return 0;
}
