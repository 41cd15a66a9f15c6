// The Take Payment panel against the real simulator over HTTPS: a Native payment to PAID with a scannable code,
// and Quick Pay scenarios to their final screens. A ManualClock and the workflows' ManualScheduler make the
// polling instant.

#include "qrdecode.h"
#include "qrview.h"
#include "sandboxfixture.h"
#include "sim/scenario.h"
#include "support/testsupport.h"
#include "takepaymentpanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

#include <memory>

using namespace wxpay;
using test::child;
using ui::TakePaymentPanel;

class TestTakePaymentFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_sandbox = std::make_unique<test::SandboxFixture>(); }

    void init()
    {
        m_sandbox->scheduler->setAutomatic(true);
        m_panel = std::make_unique<TakePaymentPanel>();
        ui::PaymentSetup setup { m_sandbox->workflowContext(), QStringLiteral("Sandbox shop"), {}, {}, {}, {} };
        setup.customerPays = [this](const QString& outTradeNo) { return m_sandbox->customerPays(outTradeNo); };
        m_panel->setPaymentSetup(setup);
        m_panel->resize(1100, 760);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        child<QLineEdit>(*m_panel, "amountLineEdit")->setText(QStringLiteral("12.34"));
    }

    void cleanup()
    {
        QTRY_VERIFY(!m_panel->isBusy());
        m_panel.reset();
    }

    void nativePaymentEndsPaidWithAScannableCode()
    {
        m_sandbox->scheduler->setAutomatic(false); // polls only when the test says so
        QTest::mouseClick(child<QPushButton>(*m_panel, "showQrPushButton"), Qt::LeftButton);
        ui::QrView* qr = child<ui::QrView>(*m_panel, "qrView");
        QTRY_VERIFY(!qr->codeUrl().isEmpty());
        auto* native = m_panel->nativeCheckout();
        QVERIFY(native);
        QCOMPARE(qr->codeUrl(), native->codeUrl());
        QCOMPARE(qr->state(), ui::QrState::Waiting);
        QCOMPARE(wxpay::test::decodeQr(qr->grab().toImage()), native->codeUrl());
        auto* customerPays = child<QPushButton>(*m_panel, "customerPaysPushButton");
        QVERIFY(customerPays->isVisible());
        QVERIFY(customerPays->isEnabled());

        // Not paid yet: a poll leaves the order waiting.
        QVERIFY(m_sandbox->scheduler->runNext());
        QTRY_VERIFY(m_sandbox->scheduler->pendingCount() > 0);
        QCOMPARE(qr->state(), ui::QrState::Waiting);

        QTest::mouseClick(customerPays, Qt::LeftButton);
        QVERIFY(!child<QWidget>(*m_panel, "errorBox")->isVisible());
        QVERIFY(m_sandbox->scheduler->runNext());
        QTRY_COMPARE(qr->state(), ui::QrState::Paid);
        QCOMPARE(native->stage(), workflows::NativeCheckout::Stage::Paid);
        QVERIFY(child<QPushButton>(*m_panel, "newPaymentPushButton")->isVisible());
        QVERIFY(!child<QPushButton>(*m_panel, "closeOrderPushButton")->isVisible());
    }

    void nativeCloseOrder()
    {
        QTest::mouseClick(child<QPushButton>(*m_panel, "showQrPushButton"), Qt::LeftButton);
        ui::QrView* qr = child<ui::QrView>(*m_panel, "qrView");
        QTRY_VERIFY(!qr->codeUrl().isEmpty());
        QTest::mouseClick(child<QPushButton>(*m_panel, "closeOrderPushButton"), Qt::LeftButton);
        QTRY_COMPARE(qr->state(), ui::QrState::Closed);
        const workflows::NativeCheckout* native = m_panel->nativeCheckout();
        QVERIFY(native);
        QCOMPARE(native->stage(), workflows::NativeCheckout::Stage::Closed);
    }

    void quickPayScenarios_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("result");
        QTest::addColumn<QString>("reason");
        const auto row
            = [](const char* name, sim::QuickPayScenario scenario, int n, const char* result, const char* reason) {
                  QTest::newRow(name) << int(scenario) << n << QString::fromUtf8(result) << QString::fromUtf8(reason);
              };
        using S = sim::QuickPayScenario;
        row("00 success", S::Success, 0, "PAID", "received");
        row("01 pays after queries", S::PaysAfterQueries, 2, "PAID", "received");
        row("02 fails after a query", S::FailsAfterQueries, 1, "NOT PAID", "failed on the customer's side");
        // The reverse comes 30 s after the unclear answer, before WeChat's own 45 s revoke.
        row("03 paying forever", S::PayingForever, 0, "NOT PAID", "the payment was reversed, nothing was charged");
        row("04 reversible while paying", S::PayingForeverReversible, 0, "NOT PAID",
            "the payment was reversed, nothing was charged");
        row("05 system error, paid", S::SystemErrorPaid, 0, "PAID", "received");
        row("06 bank error, paid", S::BankErrorPaid, 0, "PAID", "received");
        row("07 system error, not created", S::SystemErrorNotCreated, 0, "NOT PAID", "did not create the payment");
        row("08 code expired", S::AuthCodeExpired, 0, "NOT PAID", "payment code has expired");
        row("09 not enough", S::NotEnough, 0, "NOT PAID", "balance is not enough");
        row("10 reverse recalled", S::ReverseRecall, 2, "NOT PAID", "the payment was reversed, nothing was charged");
        row("12 ACCEPT, then paid", S::AcceptPaysAfterQueries, 2, "PAID", "received");
        row("13 NOTPAY, then paid", S::NotPayPaysAfterQueries, 2, "PAID", "received");
        row("15 not found at first, then paid", S::OrderNotExistThenPaid, 1, "PAID", "received");
        row("11 password after 10 s", S::PaysAfterSeconds, 10, "PAID", "received");
    }

    void quickPayScenarios()
    {
        QFETCH(int, scenario);
        QFETCH(int, n);
        QFETCH(QString, result);
        QFETCH(QString, reason);
        QTest::mouseClick(child<QRadioButton>(*m_panel, "quickPayRadioButton"), Qt::LeftButton);
        auto* code = child<QLineEdit>(*m_panel, "paymentCodeLineEdit");
        QVERIFY(code->hasFocus());
        // What a scanner does: 18 digits, then Enter, into the focused field.
        QTest::keyClicks(code, sim::makeAuthCode(static_cast<sim::QuickPayScenario>(scenario), n, nextSerial()));
        QTest::keyClick(code, Qt::Key_Return);
        QVERIFY(m_panel->quickPay());
        QTRY_COMPARE(child<QLabel>(*m_panel, "quickPayResultLabel")->text(), result);
        QVERIFY2(child<QLabel>(*m_panel, "quickPayReasonLabel")->text().contains(reason),
            qPrintable(child<QLabel>(*m_panel, "quickPayReasonLabel")->text()));
        QVERIFY(child<QPushButton>(*m_panel, "newPaymentPushButton")->isVisible());
        QVERIFY(!child<QPushButton>(*m_panel, "cancelPushButton")->isVisible());
    }

    void quickPayShowsTheWaitThenCancelReverses()
    {
        m_sandbox->scheduler->setAutomatic(false);
        QTest::mouseClick(child<QRadioButton>(*m_panel, "quickPayRadioButton"), Qt::LeftButton);
        auto* code = child<QLineEdit>(*m_panel, "paymentCodeLineEdit");
        QTest::keyClicks(code, sim::makeAuthCode(sim::QuickPayScenario::PayingForeverReversible, 0, nextSerial()));
        QTest::keyClick(code, Qt::Key_Return);
        auto* progress = child<QLabel>(*m_panel, "quickPayProgressLabel");
        QTRY_COMPARE(progress->text(), QStringLiteral("Waiting for the customer to enter their password…"));
        auto* cancel = child<QPushButton>(*m_panel, "cancelPushButton");
        QVERIFY(cancel->isVisible());
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!cancel->isEnabled());
        m_sandbox->scheduler->setAutomatic(true);
        QTRY_COMPARE(child<QLabel>(*m_panel, "quickPayResultLabel")->text(), QStringLiteral("NOT PAID"));
        QCOMPARE(child<QLabel>(*m_panel, "quickPayReasonLabel")->text(),
            QStringLiteral("Cancelled: the payment was reversed, nothing was charged."));
        const workflows::QuickPay* quickPay = m_panel->quickPay();
        QVERIFY(quickPay && quickPay->outcome());
        QCOMPARE(quickPay->outcome()->reason, workflows::QuickPay::NotPaidReason::Reversed);
        QVERIFY(quickPay->outcome()->reverses >= 1);
    }

    void refusedCodeShowsOneSentenceWithDetails()
    {
        QTest::mouseClick(child<QRadioButton>(*m_panel, "quickPayRadioButton"), Qt::LeftButton);
        auto* code = child<QLineEdit>(*m_panel, "paymentCodeLineEdit");
        QTest::keyClicks(code, QStringLiteral("123"));
        QTest::keyClick(code, Qt::Key_Return);
        QVERIFY(child<QWidget>(*m_panel, "errorBox")->isVisible());
        QCOMPARE(child<QLabel>(*m_panel, "errorLabel")->text(),
            QStringLiteral("This is not a valid WeChat payment code: scan the code shown in the customer's WeChat."));
        auto* details = child<QLabel>(*m_panel, "errorDetailsLabel");
        QVERIFY(!details->isVisible());
        child<QWidget>(*m_panel, "errorDetailsToolButton");
        QTest::mouseClick(child<QWidget>(*m_panel, "errorDetailsToolButton"), Qt::LeftButton);
        QVERIFY(details->isVisible());
        QVERIFY(details->text().contains(u"AUTH_CODE_INVALID"));
        QVERIFY(!m_panel->isBusy());
    }

private:
    quint64 nextSerial() { return ++m_serial + static_cast<quint64>(QDateTime::currentMSecsSinceEpoch()); }

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<TakePaymentPanel> m_panel;
    quint64 m_serial = 0;
};

QTEST_MAIN(TestTakePaymentFlow)
#include "tst_takepaymentflow.moc"
