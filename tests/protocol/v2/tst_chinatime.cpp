#include "protocol/v2/chinatime.h"

#include <QTest>
#include <QTimeZone>

using namespace wxpay::protocol;

class TestChinaTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void formats_data();
    void formats();
};

void TestChinaTime::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("utc"); // invalid = rejected

    const auto utc = [](int y, int mo, int d, int h, int mi, int s) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
    };
    QTest::newRow("compact") << "20240501100501" << utc(2024, 5, 1, 2, 5, 1);
    QTest::newRow("dashed") << "2020-01-04 18:34:24" << utc(2020, 1, 4, 10, 34, 24);
    QTest::newRow("previous utc day") << "20240101073000" << utc(2023, 12, 31, 23, 30, 0);
    QTest::newRow("leap day") << "2024-02-29 08:00:00" << utc(2024, 2, 29, 0, 0, 0);
    QTest::newRow("no leap day") << "2023-02-29 08:00:00" << QDateTime();
    QTest::newRow("hour 24") << "20240501240000" << QDateTime();
    QTest::newRow("month 13") << "20241301100000" << QDateTime();
    QTest::newRow("letters") << "2024050110050x" << QDateTime();
    QTest::newRow("too short") << "202405011005" << QDateTime();
    QTest::newRow("mixed separators") << "2024-05-01T10:05:01" << QDateTime();
    QTest::newRow("signed digits") << "+024-05-01 10:05:01" << QDateTime();
    QTest::newRow("empty") << "" << QDateTime();
}

void TestChinaTime::parses()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, utc);
    const QDateTime parsed = parseChinaTime(text);
    QCOMPARE(parsed.isValid(), utc.isValid());
    if (utc.isValid()) {
        QCOMPARE(parsed, utc);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

void TestChinaTime::formats_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("text");

    QTest::newRow("utc") << QDateTime(QDate(2024, 5, 1), QTime(2, 30, 0), Qt::UTC) << "20240501103000";
    QTest::newRow("across new year") << QDateTime(QDate(2024, 12, 31), QTime(16, 0, 59), Qt::UTC) << "20250101000059";
    QTest::newRow("other offset") << QDateTime(QDate(2024, 5, 1), QTime(9, 0, 0), QTimeZone(-3600)) << "20240501180000";
}

void TestChinaTime::formats()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, text);
    QCOMPARE(formatChinaTime(time), text);
    QCOMPARE(parseChinaTime(text), time.toUTC());
}

QTEST_GUILESS_MAIN(TestChinaTime)
#include "tst_chinatime.moc"
