#include "common/clock.h"
#include "workflows/scheduler.h"

#include <QTest>

using namespace wxpay;
using workflows::ManualScheduler;
using namespace std::chrono_literals;

class TestScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsInDueOrderAndMovesTheClock();
    void heldUntilReleased();
    void dropsTasksOfDestroyedContexts();
    void neverMovesTheClockBack();
    void timerSchedulerFires();
};

void TestScheduler::runsInDueOrderAndMovesTheClock()
{
    const QDateTime start(QDate(2025, 3, 1), QTime(2, 0), Qt::UTC);
    ManualClock clock(start);
    ManualScheduler scheduler(clock);
    QObject context;
    QStringList ran;
    QList<QDateTime> at;
    scheduler.after(30s, &context, [&] {
        ran << QStringLiteral("30");
        at << clock.now();
    });
    scheduler.after(3s, &context, [&] {
        ran << QStringLiteral("3");
        at << clock.now();
    });
    scheduler.after(3s, &context, [&] {
        ran << QStringLiteral("3b");
        at << clock.now();
    });
    // Nothing runs inside after().
    QVERIFY(ran.isEmpty());
    QTRY_COMPARE(ran.size(), 3);
    QCOMPARE(ran, (QStringList { QStringLiteral("3"), QStringLiteral("3b"), QStringLiteral("30") }));
    QCOMPARE(at, (QList<QDateTime> { start.addSecs(3), start.addSecs(3), start.addSecs(30) }));
    QCOMPARE(scheduler.executedCount(), 3);
    QCOMPARE(scheduler.pendingCount(), 0);
}

void TestScheduler::heldUntilReleased()
{
    ManualClock clock(QDateTime(QDate(2025, 3, 1), QTime(2, 0), Qt::UTC));
    ManualScheduler scheduler(clock);
    scheduler.setAutomatic(false);
    QObject context;
    int ran = 0;
    scheduler.after(5s, &context, [&] { ++ran; });
    scheduler.after(1s, &context, [&] { ran += 10; });
    QTest::qWait(20);
    QCOMPARE(ran, 0);
    QCOMPARE(scheduler.pendingCount(), 2);
    QVERIFY(scheduler.runNext());
    QCOMPARE(ran, 10);
    scheduler.setAutomatic(true);
    QTRY_COMPARE(ran, 11);
    QVERIFY(!scheduler.runNext());
}

void TestScheduler::dropsTasksOfDestroyedContexts()
{
    ManualClock clock(QDateTime(QDate(2025, 3, 1), QTime(2, 0), Qt::UTC));
    ManualScheduler scheduler(clock);
    int ran = 0;
    {
        QObject gone;
        scheduler.after(1s, &gone, [&] { ++ran; });
    }
    QObject alive;
    scheduler.after(2s, &alive, [&] { ran += 10; });
    QTRY_COMPARE(scheduler.pendingCount(), 0);
    QCOMPARE(ran, 10);
}

void TestScheduler::neverMovesTheClockBack()
{
    const QDateTime start(QDate(2025, 3, 1), QTime(2, 0), Qt::UTC);
    ManualClock clock(start);
    ManualScheduler scheduler(clock);
    scheduler.setAutomatic(false);
    QObject context;
    scheduler.after(5s, &context, [] {});
    clock.advance(60s);
    QVERIFY(scheduler.runNext());
    QCOMPARE(clock.now(), start.addSecs(60));
}

void TestScheduler::timerSchedulerFires()
{
    workflows::TimerScheduler scheduler;
    QObject context;
    bool ran = false;
    scheduler.after(10ms, &context, [&] { ran = true; });
    QVERIFY(!ran);
    QTRY_VERIFY(ran);
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
