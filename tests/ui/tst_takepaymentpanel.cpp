#include "amountedit.h"
#include "takepaymentpanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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
        // Without a merchant session nothing can be started.
        QVERIFY(!panel.hasPaymentSetup());
        QVERIFY(!panel.findChild<QPushButton*>(QStringLiteral("showQrPushButton"))->isEnabled());
        QVERIFY(!panel.findChild<QLineEdit*>(QStringLiteral("paymentCodeLineEdit"))->isEnabled());
        QCOMPARE(panel.findChild<QLineEdit*>(QStringLiteral("descriptionLineEdit"))->text(), QStringLiteral("Goods"));
    }

    void saysWhatItWaitsFor()
    {
        TakePaymentPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto* status = panel.findChild<QLabel*>(QStringLiteral("statusLabel"));
        QVERIFY(!status->isVisible());
        panel.setNotReady(TakePaymentPanel::NotReady::PreparingSandbox);
        QVERIFY(status->isVisible());
        QCOMPARE(status->text(), QString::fromUtf8("Preparing the sandbox…"));
        panel.showSetupError(wxpay::Error::network(QStringLiteral("TIMEOUT"), QStringLiteral("no reply")));
        QVERIFY(!status->isVisible());
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("errorLabel"))->text(),
            QStringLiteral("WeChat Pay could not be reached: check the network connection."));
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
