// What cashiers type, turned into Money or refused with a reason (ui/amountinput.h).
#include "amountinput.h"
#include "support/testsupport.h"

#include <QTest>

using namespace wxpay;
using namespace wxpay::ui;

class TestAmountInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<qint64>("minor");
        const QString cny = QStringLiteral("CNY");
        QTest::newRow("whole") << "12" << cny << qint64(1200);
        QTest::newRow("one decimal") << "12.5" << cny << qint64(1250);
        QTest::newRow("two decimals") << "12.50" << cny << qint64(1250);
        QTest::newRow("yen sign") << QString::fromUtf8("¥12.50") << cny << qint64(1250);
        QTest::newRow("full-width yen sign and space") << QString::fromUtf8("￥ 12.5") << cny << qint64(1250);
        QTest::newRow("full-width digits") << QString::fromUtf8("１２.５") << cny << qint64(1250);
        QTest::newRow("full-width point") << QString::fromUtf8("１２．５０") << cny << qint64(1250);
        QTest::newRow("ideographic full stop") << QString::fromUtf8("12。5") << cny << qint64(1250);
        QTest::newRow("surrounding spaces") << "  12.50  " << cny << qint64(1250);
        QTest::newRow("ideographic spaces") << QString::fromUtf8("\u3000１２\u3000") << cny << qint64(1200);
        QTest::newRow("yuan suffix") << QString::fromUtf8("12 元") << cny << qint64(1200);
        QTest::newRow("RMB prefix") << "RMB 12" << cny << qint64(1200);
        QTest::newRow("code suffix, lower case") << "12.5 cny" << cny << qint64(1250);
        QTest::newRow("trailing point") << "12." << cny << qint64(1200);
        QTest::newRow("leading point") << ".5" << cny << qint64(50);
        QTest::newRow("one fen") << "0.01" << cny << qint64(1);
        QTest::newRow("thousands") << "1,234.50" << cny << qint64(123450);
        QTest::newRow("full-width thousands") << QString::fromUtf8("１，２３４") << cny << qint64(123400);
        QTest::newRow("largest") << "21474836.47" << cny << qint64(2147483647);
        QTest::newRow("HK dollars") << "HK$12.5"
                                    << "HKD" << qint64(1250);
        QTest::newRow("dollar sign for HKD") << "$3"
                                             << "HKD" << qint64(300);
        QTest::newRow("yen, no decimals") << "100 JPY"
                                          << "JPY" << qint64(100);
        QTest::newRow("three decimals") << "1.234"
                                        << "KWD" << qint64(1234);
    }

    void accepted()
    {
        QFETCH(QString, text);
        QFETCH(QString, currency);
        QFETCH(qint64, minor);
        const auto amount = parseAmountInput(text, currency);
        WXPAY_VERIFY_OK(amount);
        QCOMPARE(amount->minorUnits(), minor);
        QCOMPARE(amount->currency(), currency);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        const QString cny = QStringLiteral("CNY");
        const QString like = QStringLiteral("Enter an amount like 12.50");
        const QString positive = QStringLiteral("Amount must be more than 0");
        QTest::newRow("empty") << "" << cny << "AMOUNT_EMPTY" << like;
        QTest::newRow("spaces") << "   " << cny << "AMOUNT_EMPTY" << like;
        QTest::newRow("only the sign") << QString::fromUtf8("¥") << cny << "AMOUNT_EMPTY" << like;
        QTest::newRow("letters") << "abc" << cny << "AMOUNT_FORMAT" << like;
        QTest::newRow("two points") << "12.3.4" << cny << "AMOUNT_FORMAT" << like;
        QTest::newRow("decimal comma") << "12,5" << cny << "AMOUNT_FORMAT" << like;
        QTest::newRow("space inside") << "1 2" << cny << "AMOUNT_FORMAT" << like;
        QTest::newRow("exponent") << "1e3" << cny << "AMOUNT_FORMAT" << like;
        QTest::newRow("plus") << "+5" << cny << "AMOUNT_FORMAT" << like;
        QTest::newRow("a point") << "." << cny << "AMOUNT_FORMAT" << like;
        QTest::newRow("HK$ for CNY") << "HK$12" << cny << "AMOUNT_FORMAT" << like;
        QTest::newRow("yen sign for HKD") << QString::fromUtf8("¥12") << "HKD"
                                          << "AMOUNT_FORMAT" << like;
        QTest::newRow("negative") << "-5" << cny << "AMOUNT_NOT_POSITIVE" << positive;
        QTest::newRow("zero") << "0" << cny << "AMOUNT_NOT_POSITIVE" << positive;
        QTest::newRow("zero with decimals") << "0.00" << cny << "AMOUNT_NOT_POSITIVE" << positive;
        QTest::newRow("three decimals") << "12.345" << cny << "AMOUNT_PRECISION"
                                        << "At most 2 decimal places";
        QTest::newRow("decimals for yen") << "12.5"
                                          << "JPY"
                                          << "AMOUNT_PRECISION"
                                          << "Whole amounts only, no decimals";
        QTest::newRow("one fen too many") << "21474836.48" << cny << "AMOUNT_TOO_LARGE"
                                          << "Amount is too large";
        QTest::newRow("far too many") << "99999999999" << cny << "AMOUNT_TOO_LARGE"
                                      << "Amount is too large";
        QTest::newRow("bad currency") << "12"
                                      << "cny"
                                      << "CURRENCY_INVALID"
                                      << "The merchant profile has no valid currency";
    }

    void refused()
    {
        QFETCH(QString, text);
        QFETCH(QString, currency);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const auto amount = parseAmountInput(text, currency);
        WXPAY_VERIFY_ERROR(amount, ErrorKind::Input, code);
        QCOMPARE(amountProblemText(amount.error(), currency), message);
    }

    void intermediateProblems_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("intermediate");
        QTest::newRow("empty") << "" << true;
        QTest::newRow("zero on the way to 0.50") << "0" << true;
        QTest::newRow("letters") << "abc" << false;
        QTest::newRow("too many decimals") << "1.234" << false;
        QTest::newRow("too large") << "99999999999" << false;
    }

    void intermediateProblems()
    {
        QFETCH(QString, text);
        QFETCH(bool, intermediate);
        const auto amount = parseAmountInput(text, QStringLiteral("CNY"));
        QVERIFY(!amount.ok());
        QCOMPARE(isIntermediateAmountProblem(amount.error()), intermediate);
    }

    void normalises_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("full-width") << QString::fromUtf8("￥ １２．５") << "12.5";
        QTest::newRow("suffix") << QString::fromUtf8("8元") << "8";
        QTest::newRow("untouched") << "12.5"
                                   << "12.5";
        QTest::newRow("refused characters stay") << "12a"
                                                 << "12a";
    }

    void normalises()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(normaliseAmountText(text, QStringLiteral("CNY")), expected);
    }
};

QTEST_GUILESS_MAIN(TestAmountInput)
#include "tst_amountinput.moc"
