// The customer's full-screen view: QR code, amount and merchant only, on a second screen when there is one.
#include "customerview.h"
#include "qrdecode.h"
#include "support/testsupport.h"

#include <QLabel>
#include <QTest>

using namespace wxpay;
using namespace wxpay::ui;

namespace {

const QString kCodeUrl = QStringLiteral("weixin://wxpay/s/An4baqw");

} // namespace

class TestCustomerView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHaveDefaultValues()
    {
        CustomerView view;
        QVERIFY(view.isWindow());
        QCOMPARE(view.state(), QrState::Waiting);
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("customerAmountLabel"))->text().isEmpty());
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("customerMerchantLabel"))->text().isEmpty());
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("customerInstructionLabel"))->text(),
            QStringLiteral("Scan with WeChat to pay"));
        QVERIFY(!view.isOnOwnScreen());
    }

    void screenChoice_data()
    {
        QTest::addColumn<int>("screens");
        QTest::addColumn<int>("console");
        QTest::addColumn<int>("expected");
        QTest::newRow("one screen") << 1 << 0 << 0;
        QTest::newRow("console on the first of two") << 2 << 0 << 1;
        QTest::newRow("console on the second of two") << 2 << 1 << 0;
        QTest::newRow("console on the third of three") << 3 << 2 << 0;
        QTest::newRow("console screen unknown") << 2 << -1 << 0;
    }

    void screenChoice()
    {
        QFETCH(int, screens);
        QFETCH(int, console);
        QFETCH(int, expected);
        QCOMPARE(customerScreenIndex(screens, console), expected);
    }

    void showsCodeAmountAndMerchantFullScreen()
    {
        QWidget console;
        console.show();
        QVERIFY(QTest::qWaitForWindowExposed(&console));
        CustomerView view;
        const auto code = qr::QrCode::encode(kCodeUrl);
        WXPAY_VERIFY_OK(code);
        view.setOrder(*code, Money::fromMinor(9900, QStringLiteral("HKD")).valueOr(Money()), QStringLiteral("Shop 1"));
        view.showOnCustomerScreen(&console);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.windowState() & Qt::WindowFullScreen);
        // The offscreen platform has one screen: the view covers the console and says how to get back.
        QVERIFY(!view.isOnOwnScreen());
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("customerCloseHintLabel"))->isVisible());
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("customerAmountLabel"))->text(), QStringLiteral("HK$99.00"));
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("customerMerchantLabel"))->text(), QStringLiteral("Shop 1"));
        QCOMPARE(wxpay::test::decodeQr(view.grab().toImage()), kCodeUrl);

        view.setState(QrState::Paid);
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("customerInstructionLabel"))->text(),
            QStringLiteral("Payment received — thank you"));
        QVERIFY(wxpay::test::decodeQr(view.grab().toImage()).isEmpty());

        QTest::keyClick(&view, Qt::Key_Escape);
        QVERIFY(!view.isVisible());
    }
};

QTEST_MAIN(TestCustomerView)
#include "tst_customerview.moc"
