#include "format.h"
#include "support/testsupport.h"

#include <QTest>

using namespace wxpay;
using namespace wxpay::ui;

class TestFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void money_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("expected");
        QTest::newRow("yuan") << qint64(1250) << "CNY" << QString::fromUtf8("¥12.50");
        QTest::newRow("one fen") << qint64(1) << "CNY" << QString::fromUtf8("¥0.01");
        QTest::newRow("hong kong") << qint64(99900) << "HKD"
                                   << "HK$999.00";
        QTest::newRow("other") << qint64(500) << "USD"
                               << "5.00 USD";
        QTest::newRow("no decimals") << qint64(500) << "JPY"
                                     << "500 JPY";
    }

    void money()
    {
        QFETCH(qint64, minor);
        QFETCH(QString, currency);
        QFETCH(QString, expected);
        const auto amount = Money::fromMinor(minor, currency);
        WXPAY_VERIFY_OK(amount);
        QCOMPARE(formatMoney(*amount), expected);
    }

    void invalidMoneyIsEmpty() { QVERIFY(formatMoney(Money()).isEmpty()); }

    void countdown_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("five minutes") << qint64(300) << "5:00";
        QTest::newRow("under a minute") << qint64(7) << "0:07";
        QTest::newRow("just under an hour") << qint64(3599) << "59:59";
        QTest::newRow("hours") << qint64(3723) << "1:02:03";
        QTest::newRow("two hours") << qint64(7200) << "2:00:00";
        QTest::newRow("zero") << qint64(0) << "0:00";
        QTest::newRow("past") << qint64(-5) << "0:00";
    }

    void countdown()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        QCOMPARE(formatCountdown(seconds), expected);
    }
};

QTEST_GUILESS_MAIN(TestFormat)
#include "tst_format.moc"
