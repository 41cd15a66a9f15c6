#include "sim/scenario.h"
#include "support/testsupport.h"

#include <QSet>
#include <QTest>

using namespace wxpay;
using namespace wxpay::sim;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(wxpay::sim::QuickPayScenario)

class TestSimScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void selectsScenarioFromDigits_data();
    void selectsScenarioFromDigits();
    void refusesInvalidCodes_data();
    void refusesInvalidCodes();
    void makeAuthCodeRoundTrips();
    void namesRoundTrip();
    void tableListsEveryScenario();
};

void TestSimScenario::selectsScenarioFromDigits_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QuickPayScenario>("scenario");
    QTest::addColumn<int>("n");

    QTest::newRow("00 success") << u"130000123456789012"_s << QuickPayScenario::Success << 0;
    QTest::newRow("01 after 3 queries") << u"100103000000000001"_s << QuickPayScenario::PaysAfterQueries << 3;
    QTest::newRow("02 fails after 1") << u"110201000000000001"_s << QuickPayScenario::FailsAfterQueries << 1;
    QTest::newRow("03 forever") << u"120300999999999999"_s << QuickPayScenario::PayingForever << 0;
    QTest::newRow("04 reversible") << u"140400000000000000"_s << QuickPayScenario::PayingForeverReversible << 0;
    QTest::newRow("05 systemerror paid") << u"150500000000000000"_s << QuickPayScenario::SystemErrorPaid << 0;
    QTest::newRow("06 bankerror paid") << u"130600000000000000"_s << QuickPayScenario::BankErrorPaid << 0;
    QTest::newRow("07 not created") << u"130700000000000000"_s << QuickPayScenario::SystemErrorNotCreated << 0;
    QTest::newRow("08 expired") << u"130800000000000000"_s << QuickPayScenario::AuthCodeExpired << 0;
    QTest::newRow("09 not enough") << u"130900000000000000"_s << QuickPayScenario::NotEnough << 0;
    QTest::newRow("10 recall twice") << u"131002000000000000"_s << QuickPayScenario::ReverseRecall << 2;
    QTest::newRow("11 after 20 s") << u"131120000000000000"_s << QuickPayScenario::PaysAfterSeconds << 20;
    QTest::newRow("12 accept then paid") << u"131204000000000000"_s << QuickPayScenario::AcceptPaysAfterQueries << 4;
    QTest::newRow("13 notpay then paid") << u"101305000000000000"_s << QuickPayScenario::NotPayPaysAfterQueries << 5;
    QTest::newRow("14 accept then fails") << u"131401000000000000"_s << QuickPayScenario::AcceptFailsAfterQueries << 1;
    QTest::newRow("15 not found then paid") << u"151503000000000000"_s << QuickPayScenario::OrderNotExistThenPaid << 3;
    QTest::newRow("unlisted 42 pays") << u"134299000000000000"_s << QuickPayScenario::Success << 99;
}

void TestSimScenario::selectsScenarioFromDigits()
{
    QFETCH(QString, code);
    QFETCH(QuickPayScenario, scenario);
    QFETCH(int, n);
    const auto parsed = scenarioForAuthCode(code);
    WXPAY_VERIFY_OK(parsed);
    QCOMPARE(parsed->scenario, scenario);
    QCOMPARE(parsed->n, n);
}

void TestSimScenario::refusesInvalidCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("17 digits") << u"13000012345678901"_s;
    QTest::newRow("19 digits") << u"1300001234567890123"_s;
    QTest::newRow("prefix 16") << u"160000123456789012"_s;
    QTest::newRow("prefix 09") << u"090000123456789012"_s;
    QTest::newRow("letter") << u"13000012345678901X"_s;
    QTest::newRow("fullwidth digit") << u"13000012345678901１"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("alipay code") << u"280000123456789012"_s;
}

void TestSimScenario::refusesInvalidCodes()
{
    QFETCH(QString, code);
    const auto parsed = scenarioForAuthCode(code);
    WXPAY_VERIFY_ERROR(parsed, ErrorKind::Business, u"AUTH_CODE_INVALID"_s);
    QVERIFY(parsed.error().message.contains(u"18位数字"_s));
}

void TestSimScenario::makeAuthCodeRoundTrips()
{
    const QList<QuickPayScenario> all {
        QuickPayScenario::Success,
        QuickPayScenario::PaysAfterQueries,
        QuickPayScenario::FailsAfterQueries,
        QuickPayScenario::PayingForever,
        QuickPayScenario::PayingForeverReversible,
        QuickPayScenario::SystemErrorPaid,
        QuickPayScenario::BankErrorPaid,
        QuickPayScenario::SystemErrorNotCreated,
        QuickPayScenario::AuthCodeExpired,
        QuickPayScenario::NotEnough,
        QuickPayScenario::ReverseRecall,
        QuickPayScenario::PaysAfterSeconds,
        QuickPayScenario::AcceptPaysAfterQueries,
        QuickPayScenario::NotPayPaysAfterQueries,
        QuickPayScenario::AcceptFailsAfterQueries,
        QuickPayScenario::OrderNotExistThenPaid,
    };
    QSet<QString> codes;
    for (QuickPayScenario scenario : all) {
        for (int n : { 0, 7, 99 }) {
            const QString code = makeAuthCode(scenario, n, quint64(codes.size()));
            QCOMPARE(code.size(), 18);
            const auto parsed = scenarioForAuthCode(code);
            WXPAY_VERIFY_OK(parsed);
            QCOMPARE(parsed->scenario, scenario);
            QCOMPARE(parsed->n, n);
            codes.insert(code);
        }
    }
    QCOMPARE(codes.size(), all.size() * 3); // the serial makes every code distinct
    QCOMPARE(makeAuthCode(QuickPayScenario::PaysAfterQueries, 2, 1), u"130102000000000001"_s);
}

void TestSimScenario::namesRoundTrip()
{
    for (int digits = 0; digits <= 15; ++digits) {
        const auto scenario
            = scenarioForAuthCode(QStringLiteral("13%1000000000000000").arg(digits, 2, 10, QChar(u'0')));
        WXPAY_VERIFY_OK(scenario);
        QCOMPARE(scenarioDigits(scenario->scenario).toInt(), digits);
        QVERIFY(scenarioFromName(scenarioName(scenario->scenario)) == scenario->scenario);
    }
    QVERIFY(!scenarioFromName(u"no-such-scenario"_s));
}

void TestSimScenario::tableListsEveryScenario()
{
    const QString table = scenarioTableText();
    for (int digits = 0; digits <= 15; ++digits) {
        const auto scenario
            = scenarioForAuthCode(QStringLiteral("13%1000000000000000").arg(digits, 2, 10, QChar(u'0')));
        const QString row = u"  "_s + scenarioDigits(scenario->scenario) + u"  "_s + scenarioName(scenario->scenario);
        QVERIFY2(table.contains(row), qPrintable(row));
    }
    QVERIFY(table.contains(u"45 s"_s));
    QVERIFY(table.contains(u"SYSTEMERROR"_s)); // how APIv2 answers the ACCEPT / NOTPAY rows
    QVERIFY(table.contains(u"130102000000000001"_s)); // the example code
}

QTEST_GUILESS_MAIN(TestSimScenario)
#include "tst_simscenario.moc"
