#include "common/money.h"
#include "support/testsupport.h"

#include <QTest>

using namespace wxpay;

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidAmounts_data();
    void parsesValidAmounts();
    void rejectsInvalidAmounts_data();
    void rejectsInvalidAmounts();
    void formats_data();
    void formats();
    void arithmeticKeepsCurrency();
    void fromMinorValidates();
};

void TestMoney::parsesValidAmounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("minor");

    QTest::newRow("two decimals") << "12.34"
                                  << "CNY" << qint64(1234);
    QTest::newRow("one cent") << "0.01"
                              << "CNY" << qint64(1);
    QTest::newRow("one decimal") << "12.5"
                                 << "CNY" << qint64(1250);
    QTest::newRow("whole") << "12"
                           << "HKD" << qint64(1200);
    QTest::newRow("zero") << "0.00"
                          << "CNY" << qint64(0);
    QTest::newRow("leading zeros") << "007.10"
                                   << "CNY" << qint64(710);
    QTest::newRow("yen has no decimals") << "500"
                                         << "JPY" << qint64(500);
    QTest::newRow("three-decimal currency") << "1.234"
                                            << "KWD" << qint64(1234);
    QTest::newRow("largest") << "21474836.47"
                             << "CNY" << Money::kMaxMinorUnits;
}

void TestMoney::parsesValidAmounts()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(qint64, minor);
    const auto money = Money::parse(text, currency);
    WXPAY_VERIFY_OK(money);
    QCOMPARE(money->minorUnits(), minor);
    QCOMPARE(money->currency(), currency);
}

void TestMoney::rejectsInvalidAmounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("code");

    QTest::newRow("too many decimals") << "1.234"
                                       << "CNY"
                                       << "AMOUNT_PRECISION";
    QTest::newRow("decimals on yen") << "1.5"
                                     << "JPY"
                                     << "AMOUNT_PRECISION";
    QTest::newRow("negative") << "-1.00"
                              << "CNY"
                              << "AMOUNT_NEGATIVE";
    QTest::newRow("overflow int32") << "21474836.48"
                                    << "CNY"
                                    << "AMOUNT_TOO_LARGE";
    QTest::newRow("overflow int64") << "99999999999999999999999"
                                    << "CNY"
                                    << "AMOUNT_TOO_LARGE";
    QTest::newRow("empty") << ""
                           << "CNY"
                           << "AMOUNT_EMPTY";
    QTest::newRow("garbage") << "abc"
                             << "CNY"
                             << "AMOUNT_FORMAT";
    QTest::newRow("plus sign") << "+1"
                               << "CNY"
                               << "AMOUNT_FORMAT";
    QTest::newRow("space") << " 1.00"
                           << "CNY"
                           << "AMOUNT_FORMAT";
    QTest::newRow("trailing dot") << "1."
                                  << "CNY"
                                  << "AMOUNT_FORMAT";
    QTest::newRow("leading dot") << ".5"
                                 << "CNY"
                                 << "AMOUNT_FORMAT";
    QTest::newRow("two dots") << "1.2.3"
                              << "CNY"
                              << "AMOUNT_FORMAT";
    QTest::newRow("comma") << "1,00"
                           << "CNY"
                           << "AMOUNT_FORMAT";
    QTest::newRow("exponent") << "1e3"
                              << "CNY"
                              << "AMOUNT_FORMAT";
    QTest::newRow("fullwidth digit") << QString::fromUtf8("１") << "CNY"
                                     << "AMOUNT_FORMAT";
    QTest::newRow("currency symbol") << QString::fromUtf8("¥1") << "CNY"
                                     << "AMOUNT_FORMAT";
    QTest::newRow("lower-case currency") << "1.00"
                                         << "cny"
                                         << "CURRENCY_INVALID";
    QTest::newRow("bad currency") << "1.00"
                                  << "RMB1"
                                  << "CURRENCY_INVALID";
}

void TestMoney::rejectsInvalidAmounts()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(QString, code);
    const auto money = Money::parse(text, currency);
    WXPAY_VERIFY_ERROR(money, ErrorKind::Input, code);
    QVERIFY(!money.error().message.isEmpty());
}

void TestMoney::formats_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");

    QTest::newRow("cents") << qint64(1234) << "CNY"
                           << "12.34";
    QTest::newRow("one fen") << qint64(1) << "CNY"
                             << "0.01";
    QTest::newRow("zero") << qint64(0) << "HKD"
                          << "0.00";
    QTest::newRow("round") << qint64(100000) << "CNY"
                           << "1000.00";
    QTest::newRow("yen") << qint64(500) << "JPY"
                         << "500";
    QTest::newRow("dinar") << qint64(1005) << "KWD"
                           << "1.005";
}

void TestMoney::formats()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    const auto money = Money::fromMinor(minor, currency);
    WXPAY_VERIFY_OK(money);
    QCOMPARE(money->toString(), text);
    QCOMPARE(money->toStringWithCurrency(), text + u' ' + currency);
    // Formatting and parsing are inverse.
    QCOMPARE(Money::parse(money->toString(), currency).value(), money.value());
}

void TestMoney::arithmeticKeepsCurrency()
{
    const Money a = Money::fromMinor(150, QStringLiteral("CNY")).value();
    const Money b = Money::fromMinor(50, QStringLiteral("CNY")).value();
    const Money hkd = Money::fromMinor(50, QStringLiteral("HKD")).value();

    QCOMPARE(a.plus(b)->minorUnits(), 200);
    QCOMPARE(a.minus(b)->minorUnits(), 100);
    WXPAY_VERIFY_ERROR(b.minus(a), ErrorKind::Input, QStringLiteral("AMOUNT_NEGATIVE"));
    WXPAY_VERIFY_ERROR(a.plus(hkd), ErrorKind::Input, QStringLiteral("CURRENCY_MISMATCH"));
    const Money max = Money::fromMinor(Money::kMaxMinorUnits, QStringLiteral("CNY")).value();
    WXPAY_VERIFY_ERROR(max.plus(b), ErrorKind::Input, QStringLiteral("AMOUNT_TOO_LARGE"));
    QVERIFY(a != hkd);
    QVERIFY(!Money().isValid());
}

void TestMoney::fromMinorValidates()
{
    WXPAY_VERIFY_ERROR(
        Money::fromMinor(-1, QStringLiteral("CNY")), ErrorKind::Input, QStringLiteral("AMOUNT_NEGATIVE"));
    WXPAY_VERIFY_ERROR(Money::fromMinor(1, QStringLiteral("")), ErrorKind::Input, QStringLiteral("CURRENCY_INVALID"));
    WXPAY_VERIFY_ERROR(Money::fromMinor(Money::kMaxMinorUnits + 1, QStringLiteral("CNY")), ErrorKind::Input,
        QStringLiteral("AMOUNT_TOO_LARGE"));
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
