#include "amountedit.h"
#include "takepaymentpanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace wxpay::ui;

class TestTakePaymentPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHaveDefaultValues()
    {
        TakePaymentPanel panel;
        QVERIFY(panel.findChild<QLineEdit*>(QStringLiteral("amountLineEdit")));
        QCOMPARE(panel.amountEdit()->currency(), QStringLiteral("CNY"));
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("readyLabel"))->text().isEmpty());
        // The payment flow is not here yet, and the panel says so.
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("comingNextLabel"))->text().startsWith(u"Coming next"));
    }

    void showsTheAmountToCollect()
    {
        TakePaymentPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto* edit = panel.findChild<QLineEdit*>(QStringLiteral("amountLineEdit"));
        QTest::keyClicks(edit, QStringLiteral("8.8"));
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("readyLabel"))->text(),
            QString::fromUtf8("Amount to collect: ¥8.80"));
        QTest::keyClicks(edit, QStringLiteral("88"));
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("readyLabel"))->text().isEmpty());
    }

    void followsTheProfileCurrency()
    {
        TakePaymentPanel panel;
        panel.setCurrency(QStringLiteral("HKD"));
        QCOMPARE(panel.amountEdit()->currency(), QStringLiteral("HKD"));
        panel.findChild<QLineEdit*>(QStringLiteral("amountLineEdit"))->setText(QStringLiteral("HK$5"));
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("readyLabel"))->text(),
            QStringLiteral("Amount to collect: HK$5.00"));
    }
};

QTEST_MAIN(TestTakePaymentPanel)
#include "tst_takepaymentpanel.moc"
