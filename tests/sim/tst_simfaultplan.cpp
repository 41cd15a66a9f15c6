#include "sim/fault.h"
#include "simtestutil.h"
#include "support/testsupport.h"

#include <QTest>

using namespace wxpay;
using namespace wxpay::sim;
using namespace wxpay::sim::test;
using namespace std::chrono_literals;

class TestSimFaultPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyPlanAnswersNormally();
    void operationRuleIsConsumedCountTimes();
    void globalRuleHitsTheNextRequests();
    void firstMatchingRuleWins();
    void everyRequestRuleStaysUntilCleared();
    void rulesAreConsumedInOrder();
    void parsesRules_data();
    void parsesRules();
    void refusesBadRules_data();
    void refusesBadRules();
    void jsonRoundTrip();
    void applyFlagSeparatesBeforeAndAfterCommit();
    void engineHandsOutItsPlan();
    void operationNamesRoundTrip();
};

void TestSimFaultPlan::emptyPlanAnswersNormally()
{
    FaultPlan plan;
    QVERIFY(plan.isEmpty());
    for (Operation operation : allOperations())
        QVERIFY(!plan.take(operation));
}

void TestSimFaultPlan::operationRuleIsConsumedCountTimes()
{
    FaultPlan plan;
    plan.add({ Operation::Reverse, 2, { FaultKind::Http500, 0ms } });
    QVERIFY(!plan.take(Operation::QueryOrder)); // other operations are untouched
    QCOMPARE(plan.take(Operation::Reverse)->kind, FaultKind::Http500);
    QCOMPARE(plan.rules().constFirst().remaining, 1);
    QCOMPARE(plan.take(Operation::Reverse)->kind, FaultKind::Http500);
    QVERIFY(!plan.take(Operation::Reverse));
    QVERIFY(plan.isEmpty());
}

void TestSimFaultPlan::globalRuleHitsTheNextRequests()
{
    FaultPlan plan;
    plan.add({ std::nullopt, 3, { FaultKind::Timeout, 0ms } });
    QCOMPARE(plan.take(Operation::Micropay)->kind, FaultKind::Timeout);
    QCOMPARE(plan.take(Operation::QueryOrder)->kind, FaultKind::Timeout);
    QCOMPARE(plan.take(Operation::Token)->kind, FaultKind::Timeout);
    QVERIFY(!plan.take(Operation::Micropay));
}

void TestSimFaultPlan::firstMatchingRuleWins()
{
    FaultPlan plan;
    plan.add({ Operation::QueryOrder, 1, { FaultKind::Delay, 2500ms } });
    plan.add({ std::nullopt, 1, { FaultKind::Http503, 0ms } });
    const auto first = plan.take(Operation::QueryOrder);
    QCOMPARE(first->kind, FaultKind::Delay);
    QCOMPARE(first->delay.count(), 2500);
    QCOMPARE(plan.take(Operation::QueryOrder)->kind, FaultKind::Http503);
    QVERIFY(!plan.take(Operation::QueryOrder));
}

void TestSimFaultPlan::everyRequestRuleStaysUntilCleared()
{
    FaultPlan plan;
    plan.add({ Operation::GetPaidUnionId, -1, { FaultKind::SystemBusy, 0ms } });
    for (int i = 0; i < 100; ++i)
        QCOMPARE(plan.take(Operation::GetPaidUnionId)->kind, FaultKind::SystemBusy);
    plan.clear();
    QVERIFY(!plan.take(Operation::GetPaidUnionId));
}

void TestSimFaultPlan::rulesAreConsumedInOrder()
{
    // "The first refund was applied and its reply lost; the re-send met a definite error."
    FaultPlan plan;
    plan.add(FaultRule::parse(u"refund:drop@1"_s).value());
    plan.add(FaultRule::parse(u"refund:business=NOTENOUGH@1"_s).value());
    QCOMPARE(plan.take(Operation::Refund)->kind, FaultKind::DropAfterCommit);
    const auto second = plan.take(Operation::Refund);
    QCOMPARE(second->kind, FaultKind::Business);
    QCOMPARE(second->code, u"NOTENOUGH"_s);
    QVERIFY(!plan.take(Operation::Refund));
    QVERIFY(plan.isEmpty());
}

void TestSimFaultPlan::parsesRules_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("remaining");
    QTest::addColumn<qint64>("delayMs");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("operation and count") << u"reverse:http500@2"_s << u"reverse"_s << u"http500"_s << 2 << qint64(0)
                                         << u"reverse:http500@2"_s;
    QTest::newRow("kind only") << u"timeout"_s << QString() << u"timeout"_s << 1 << qint64(0) << u"timeout"_s;
    QTest::newRow("any operation") << u"*:drop@3"_s << QString() << u"drop"_s << 3 << qint64(0) << u"drop@3"_s;
    QTest::newRow("delay forever") << u"query:delay=3000@*"_s << u"query"_s << u"delay"_s << -1 << qint64(3000)
                                   << u"query:delay=3000@*"_s;
    QTest::newRow("signtest") << u" micropay:signtest "_s << u"micropay"_s << u"signtest"_s << 1 << qint64(0)
                              << u"micropay:signtest"_s;
    QTest::newRow("dtd on refund") << u"refund:dtd"_s << u"refund"_s << u"dtd"_s << 1 << qint64(0) << u"refund:dtd"_s;
    QTest::newRow("busy unionid") << u"getpaidunionid:busy@*"_s << u"getpaidunionid"_s << u"busy"_s << -1 << qint64(0)
                                  << u"getpaidunionid:busy@*"_s;
    QTest::newRow("reset") << u"micropay:reset@2"_s << u"micropay"_s << u"reset"_s << 2 << qint64(0)
                           << u"micropay:reset@2"_s;
    QTest::newRow("proxy403") << u"proxy403"_s << QString() << u"proxy403"_s << 1 << qint64(0) << u"proxy403"_s;
    QTest::newRow("proxy502") << u"query:proxy502"_s << u"query"_s << u"proxy502"_s << 1 << qint64(0)
                              << u"query:proxy502"_s;
    QTest::newRow("proxy502after") << u"refund:proxy502after@*"_s << u"refund"_s << u"proxy502after"_s << -1
                                   << qint64(0) << u"refund:proxy502after@*"_s;
    QTest::newRow("business v2 code") << u"refund:business=NOTENOUGH@1"_s << u"refund"_s << u"business"_s << 1
                                      << qint64(0) << u"refund:business=NOTENOUGH"_s;
    QTest::newRow("business v3 code") << u"reverse:business=ORDER_NOT_EXIST@3"_s << u"reverse"_s << u"business"_s << 3
                                      << qint64(0) << u"reverse:business=ORDER_NOT_EXIST@3"_s;
    QTest::newRow("business errcode") << u"token:business=-1"_s << u"token"_s << u"business"_s << 1 << qint64(0)
                                      << u"token:business=-1"_s;
    QTest::newRow("unsignederror") << u"query:unsignederror"_s << u"query"_s << u"unsignederror"_s << 1 << qint64(0)
                                   << u"query:unsignederror"_s;
}

void TestSimFaultPlan::parsesRules()
{
    QFETCH(QString, spec);
    QFETCH(QString, operation);
    QFETCH(QString, kind);
    QFETCH(int, remaining);
    QFETCH(qint64, delayMs);
    QFETCH(QString, canonical);
    const auto rule = FaultRule::parse(spec);
    WXPAY_VERIFY_OK(rule);
    QCOMPARE(rule->operation ? operationName(*rule->operation) : QString(), operation);
    QCOMPARE(faultKindName(rule->fault.kind), kind);
    QCOMPARE(rule->remaining, remaining);
    QCOMPARE(rule->fault.delay.count(), delayMs);
    QCOMPARE(rule->toString(), canonical);
    QVERIFY(FaultRule::parse(rule->toString()).value() == rule.value());
}

void TestSimFaultPlan::refusesBadRules_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("unknown kind") << u"reverse:explode"_s;
    QTest::newRow("unknown operation") << u"pay:http500"_s;
    QTest::newRow("delay without ms") << u"delay"_s;
    QTest::newRow("negative delay") << u"delay=-5"_s;
    QTest::newRow("value on timeout") << u"timeout=5"_s;
    QTest::newRow("zero count") << u"http500@0"_s;
    QTest::newRow("bad count") << u"http500@x"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("business without code") << u"refund:business"_s;
    QTest::newRow("business empty code") << u"refund:business="_s;
    QTest::newRow("business lower case") << u"refund:business=notenough"_s;
    QTest::newRow("business markup") << u"refund:business=<x>"_s;
    QTest::newRow("value on reset") << u"reset=1"_s;
}

void TestSimFaultPlan::refusesBadRules()
{
    QFETCH(QString, spec);
    WXPAY_VERIFY_ERROR(FaultRule::parse(spec), ErrorKind::Input, u"FAULT_RULE_INVALID"_s);
}

void TestSimFaultPlan::jsonRoundTrip()
{
    FaultPlan plan;
    plan.add({ Operation::Micropay, 1, { FaultKind::DropAfterCommit, 0ms } });
    plan.add({ std::nullopt, -1, { FaultKind::Delay, 150ms } });
    plan.add({ Operation::Certificates, 4, { FaultKind::UnknownSerial, 0ms } });
    plan.add({ Operation::Refund, 2, { FaultKind::Business, 0ms, u"NOTENOUGH"_s } });
    const auto restored = FaultPlan::fromJson(plan.toJson());
    WXPAY_VERIFY_OK(restored);
    QVERIFY(restored->rules() == plan.rules());

    QJsonArray bad = plan.toJson();
    bad.append(42);
    WXPAY_VERIFY_ERROR(FaultPlan::fromJson(bad), ErrorKind::Input, u"FAULT_RULE_INVALID"_s);
}

void TestSimFaultPlan::applyFlagSeparatesBeforeAndAfterCommit()
{
    QVERIFY(faultAppliesRequest(FaultKind::DropAfterCommit));
    QVERIFY(faultAppliesRequest(FaultKind::SignTestProbe));
    QVERIFY(faultAppliesRequest(FaultKind::Delay));
    QVERIFY(!faultAppliesRequest(FaultKind::Timeout));
    QVERIFY(!faultAppliesRequest(FaultKind::Http500));
    QVERIFY(!faultAppliesRequest(FaultKind::Http429));
    QVERIFY(!faultAppliesRequest(FaultKind::SystemBusy));
    QVERIFY(!faultAppliesRequest(FaultKind::Reset));
    QVERIFY(!faultAppliesRequest(FaultKind::Proxy403));
    QVERIFY(!faultAppliesRequest(FaultKind::Proxy502));
    QVERIFY(faultAppliesRequest(FaultKind::Proxy502After));
    QVERIFY(!faultAppliesRequest(FaultKind::Business));
    QVERIFY(!faultAppliesRequest(FaultKind::UnsignedError));
    const QString help = FaultPlan::helpText();
    for (const char* name : { "delay", "timeout", "drop", "http500", "http503", "http429", "malformed", "oversized",
             "nosign", "badsign", "stale", "unknownserial", "signtest", "wrongv2sign", "dtd", "busy", "reset",
             "proxy403", "proxy502", "proxy502after", "business", "unsignederror" }) {
        QVERIFY2(help.contains(QString::fromLatin1(name)), name);
        QVERIFY2(faultKindFromName(QString::fromLatin1(name)), name);
    }
}

void TestSimFaultPlan::engineHandsOutItsPlan()
{
    Sim sim;
    sim.engine.faults().add(FaultRule::parse(u"close:http429@2"_s).value());
    QVERIFY(!sim.engine.takeFault(Operation::QueryOrder));
    QCOMPARE(sim.engine.takeFault(Operation::CloseOrder)->kind, FaultKind::Http429);
    // The state file keeps the remaining use.
    Sim restored;
    WXPAY_VERIFY_OK(restored.engine.fromJson(sim.engine.toJson()));
    QCOMPARE(restored.engine.takeFault(Operation::CloseOrder)->kind, FaultKind::Http429);
    QVERIFY(!restored.engine.takeFault(Operation::CloseOrder));
}

void TestSimFaultPlan::operationNamesRoundTrip()
{
    QSet<QString> names;
    for (Operation operation : allOperations()) {
        const QString name = operationName(operation);
        QVERIFY(!name.isEmpty());
        QVERIFY(operationFromName(name) == operation);
        names.insert(name);
    }
    QCOMPARE(names.size(), allOperations().size());
    QVERIFY(!operationFromName(u"pay"_s));
}

QTEST_GUILESS_MAIN(TestSimFaultPlan)
#include "tst_simfaultplan.moc"
