// The UnionID panel against the real simulator over HTTPS: an order paid and looked up (so the history has the
// payer's openid), prefilled from its history row, looked up by transaction_id and by mch_id + out_trade_no; after
// the 5-minute window WeChat's errcode is explained; an empty openid is refused at the field with nothing sent.

#include "sandboxfixture.h"
#include "support/testsupport.h"
#include "unionidpanel.h"
#include "workflows/nativecheckout.h"
#include "workflows/orderlookup.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace wxpay;
using test::child;
using ui::UnionIdPanel;

class TestUnionIdPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_sandbox = std::make_unique<test::SandboxFixture>(); }

    void init()
    {
        m_panel = std::make_unique<UnionIdPanel>();
        m_panel->resize(1060, 700);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    void cleanup()
    {
        QTRY_VERIFY(!m_panel->isBusy());
        m_panel.reset();
    }

    void shouldHaveDefaultValues()
    {
        // Until the profile is open: it says so, and nothing can be sent.
        QVERIFY(!m_panel->hasContext());
        QVERIFY(child<QLabel>(*m_panel, "statusLabel")->isVisible());
        QCOMPARE(child<QLabel>(*m_panel, "statusLabel")->text(), QStringLiteral("Opening the merchant profile…"));
        QVERIFY(!lookUpButton()->isEnabled());
        QVERIFY(child<QLabel>(*m_panel, "windowHintLabel")->text().contains(u"5 minutes"));
        QVERIFY(child<QRadioButton>(*m_panel, "byTransactionIdRadioButton")->isChecked());
        QVERIFY(edit("transactionIdLineEdit")->isVisible());
        QVERIFY(!edit("outTradeNoLineEdit")->isVisible());
        QVERIFY(!edit("accessTokenLineEdit")->isVisible());
        QVERIFY(!child<QWidget>(*m_panel, "resultBox")->isVisible());
        QVERIFY(!child<QWidget>(*m_panel, "errorBox")->isVisible());

        m_panel->setContext(context());
        QVERIFY(m_panel->hasContext());
        QVERIFY(!child<QLabel>(*m_panel, "statusLabel")->isVisible());
        QVERIFY(lookUpButton()->isEnabled());
        QVERIFY(edit("openidLineEdit")->text().isEmpty());
        // The merchant ID is the profile's, ready for a lookup by out_trade_no.
        QCOMPARE(edit("mchIdLineEdit")->text(), m_sandbox->profile.mchid);
        QVERIFY(!edit("accessTokenLineEdit")->isVisible());
    }

    void profileWithoutMiniProgramPointsToSettings()
    {
        workflows::UnionIdContext c = context();
        c.profile.miniProgramAppid.clear();
        m_panel->setContext(c);
        QLabel* status = child<QLabel>(*m_panel, "statusLabel");
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().contains(u"no mini-program AppID") && status->text().contains(u"Settings"),
            qPrintable(status->text()));
        QVERIFY(!lookUpButton()->isEnabled());
    }

    void operatorTokenProfileAsksForTheToken()
    {
        workflows::UnionIdContext c = context();
        c.profile.tokenSource = credentials::TokenSource::OperatorSupplied;
        m_panel->setContext(c);
        QVERIFY(edit("accessTokenLineEdit")->isVisible());
        QCOMPARE(edit("accessTokenLineEdit")->echoMode(), QLineEdit::PasswordEchoOnEdit);
        // Without a token the lookup is refused at the token field, nothing sent.
        QSignalSpy requests(m_sandbox->server.get(), &sim::SimServer::requestHandled);
        edit("openidLineEdit")->setText(QStringLiteral("oSomeone"));
        edit("transactionIdLineEdit")->setText(QStringLiteral("4200000000000000000000000000"));
        QTest::mouseClick(lookUpButton(), Qt::LeftButton);
        QVERIFY(child<QLabel>(*m_panel, "inputErrorLabel")->isVisible());
        QCOMPARE(child<QLabel>(*m_panel, "inputErrorLabel")->text(),
            QStringLiteral("Paste an access token of the mini-program."));
        QVERIFY(edit("accessTokenLineEdit")->hasFocus());
        QTest::qWait(50);
        QCOMPARE(requests.count(), 0);
    }

    void looksUpAPrefilledOrderByTransactionId()
    {
        const storage::OrderRecord order = payAndLookUp();
        QVERIFY(!order.transactionId.isEmpty());
        QVERIFY(!order.payerOpenid.isEmpty());
        QVERIFY(order.payerUnionid.isEmpty());
        m_panel->setContext(context());
        m_panel->prefill(order);
        QCOMPARE(edit("openidLineEdit")->text(), order.payerOpenid);
        QVERIFY(child<QRadioButton>(*m_panel, "byTransactionIdRadioButton")->isChecked());
        QCOMPARE(edit("transactionIdLineEdit")->text(), order.transactionId);

        // Enter submits.
        QTest::keyClick(edit("transactionIdLineEdit"), Qt::Key_Return);
        QVERIFY(m_panel->isBusy());
        QVERIFY(!lookUpButton()->isEnabled());
        QTRY_VERIFY(!m_panel->isBusy());
        const QString expected = sim::SimEngine::unionIdFor(order.payerOpenid);
        QVERIFY2(!child<QWidget>(*m_panel, "errorBox")->isVisible(),
            qPrintable(child<QLabel>(*m_panel, "errorLabel")->text()));
        QVERIFY(child<QWidget>(*m_panel, "resultBox")->isVisible());
        QLabel* result = child<QLabel>(*m_panel, "unionIdResultLabel");
        QCOMPARE(result->text(), expected);
        QVERIFY(result->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
        QCOMPARE(child<QLabel>(*m_panel, "storedOnOrderLabel")->text(),
            QStringLiteral("Saved with the order in the history."));
        QCOMPARE(row(order.outTradeNo).payerUnionid, expected);
        QVERIFY(lookUpButton()->isEnabled());

        QTest::mouseClick(child<QPushButton>(*m_panel, "copyUnionIdPushButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);
        QCOMPARE(child<QPushButton>(*m_panel, "copyUnionIdPushButton")->text(), QStringLiteral("Copied"));
    }

    void looksUpByMerchantIdAndOutTradeNo()
    {
        storage::OrderRecord order = payAndLookUp();
        QVERIFY(!order.outTradeNo.isEmpty());
        m_panel->setContext(context());
        // A row WeChat has not named yet is prefilled by mch_id + out_trade_no.
        order.transactionId.clear();
        m_panel->prefill(order);
        QVERIFY(child<QRadioButton>(*m_panel, "byOutTradeNoRadioButton")->isChecked());
        QVERIFY(!edit("transactionIdLineEdit")->isVisible());
        QCOMPARE(edit("mchIdLineEdit")->text(), m_sandbox->profile.mchid);
        QCOMPARE(edit("outTradeNoLineEdit")->text(), order.outTradeNo);
        QTest::mouseClick(lookUpButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_panel->isBusy());
        const QString expected = sim::SimEngine::unionIdFor(order.payerOpenid);
        QCOMPARE(child<QLabel>(*m_panel, "unionIdResultLabel")->text(), expected);
        QCOMPARE(row(order.outTradeNo).payerUnionid, expected);
    }

    void afterTheFiveMinutesTheErrcodeIsExplained()
    {
        const storage::OrderRecord order = payAndLookUp();
        QVERIFY(!order.transactionId.isEmpty());
        m_sandbox->clock.advance(std::chrono::minutes(6));
        m_panel->setContext(context());
        m_panel->prefill(order);
        QTest::mouseClick(lookUpButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_panel->isBusy());
        QVERIFY(!child<QWidget>(*m_panel, "resultBox")->isVisible());
        QVERIFY(child<QWidget>(*m_panel, "errorBox")->isVisible());
        const QString sentence = child<QLabel>(*m_panel, "errorLabel")->text();
        QVERIFY2(sentence.contains(u"5 minutes"), qPrintable(sentence));
        QCOMPARE(sentence, workflows::explainUnionIdError(Error::business(QStringLiteral("89300"), {})));
        QTest::mouseClick(child<QWidget>(*m_panel, "errorDetailsToolButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>(*m_panel, "errorDetailsLabel")->text().contains(u"89300"));
        QVERIFY(row(order.outTradeNo).payerUnionid.isEmpty());
    }

    void emptyOpenidIsRefusedWithNothingSent()
    {
        m_panel->setContext(context());
        QSignalSpy requests(m_sandbox->server.get(), &sim::SimServer::requestHandled);
        edit("transactionIdLineEdit")->setText(QStringLiteral("4200000000000000000000000000"));
        edit("openidLineEdit")->setText(QStringLiteral("   "));
        QTest::mouseClick(lookUpButton(), Qt::LeftButton);
        QVERIFY(!m_panel->isBusy());
        QLabel* error = child<QLabel>(*m_panel, "inputErrorLabel");
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Enter the payer's openid."));
        QVERIFY(edit("openidLineEdit")->hasFocus());
        QVERIFY(!edit("openidLineEdit")->styleSheet().isEmpty());
        QVERIFY(!child<QWidget>(*m_panel, "errorBox")->isVisible());
        QTest::qWait(50);
        QCOMPARE(requests.count(), 0);
        // Typing takes the refusal away.
        QTest::keyClicks(edit("openidLineEdit"), QStringLiteral("o"));
        QVERIFY(error->isHidden());

        // An empty order number is refused the same way.
        edit("transactionIdLineEdit")->clear();
        QTest::keyClick(edit("openidLineEdit"), Qt::Key_Return);
        QVERIFY(error->isVisible());
        QVERIFY(edit("transactionIdLineEdit")->hasFocus());
        QTest::qWait(50);
        QCOMPARE(requests.count(), 0);
    }

private:
    workflows::UnionIdContext context()
    {
        return { m_sandbox->session->profile(), QStringLiteral("cashier"), m_sandbox->session->transport(),
            m_sandbox->secrets, *m_sandbox->orders, *m_sandbox->audit, m_sandbox->clock };
    }

    // A Native order paid by the sandbox customer, then looked up so that the history row has the openid.
    storage::OrderRecord payAndLookUp()
    {
        m_sandbox->scheduler->setAutomatic(false);
        workflows::NativeCheckout checkout(m_sandbox->workflowContext());
        workflows::NativeCheckoutRequest request;
        request.description = QStringLiteral("Tea");
        request.amount = Money::fromMinor(880, QStringLiteral("CNY")).value();
        if (!checkout.start(request).ok())
            return {};
        if (!QTest::qWaitFor(
                [&checkout] { return checkout.stage() == workflows::NativeCheckout::Stage::WaitingForPayment; }))
            return {};
        if (!m_sandbox->customerPays(checkout.outTradeNo()).ok())
            return {};
        workflows::OrderLookup lookup(m_sandbox->workflowContext());
        QSignalSpy found(&lookup, &workflows::OrderLookup::finished);
        if (!lookup.lookup(OrderRef::byOutTradeNo(checkout.outTradeNo())).ok() || !found.wait(10000))
            return {};
        return row(checkout.outTradeNo());
    }

    storage::OrderRecord row(const QString& outTradeNo)
    {
        auto found = m_sandbox->orders->findByOutTradeNo(m_sandbox->profile.id, outTradeNo);
        if (!found || !found.value())
            return {};
        return *found.value();
    }

    QPushButton* lookUpButton() { return child<QPushButton>(*m_panel, "lookUpPushButton"); }
    QLineEdit* edit(const char* name) { return child<QLineEdit>(*m_panel, name); }

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<UnionIdPanel> m_panel;
};

QTEST_MAIN(TestUnionIdPanel)
#include "tst_unionidpanel.moc"
