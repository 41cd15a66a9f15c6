// The Take Payment panel against the real simulator over HTTPS: a Native payment to PAID with a scannable code,
// and Quick Pay scenarios to their final screens. A ManualClock and the workflows' ManualScheduler make the
// polling instant.

#include "amountedit.h"
#include "common/clock.h"
#include "common/nonce.h"
#include "credentials/inmemorycredentialstore.h"
#include "merchantsession.h"
#include "qrdecode.h"
#include "qrview.h"
#include "sandboxprofiles.h"
#include "sim/engine.h"
#include "sim/sandbox.h"
#include "sim/scenario.h"
#include "sim/server.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/orderstore.h"
#include "storage/refundstore.h"
#include "support/testsupport.h"
#include "takepaymentpanel.h"
#include "workflows/scheduler.h"

#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wxpay;
using ui::TakePaymentPanel;

namespace {

template<typename T> T* child(QWidget& parent, const char* name)
{
    auto* widget = parent.findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no widget %s", name);
    return widget;
}

} // namespace

class TestTakePaymentFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_engine = std::make_unique<sim::SimEngine>(m_clock, m_nonces);
        const sim::SandboxFactory factory(m_clock, m_nonces);
        auto authority = factory.createAuthority();
        WXPAY_VERIFY_OK(authority);
        auto merchant = factory.createMerchant(ApiFamily::V3, authority.value());
        WXPAY_VERIFY_OK(merchant);
        sim::MerchantSet set;
        set.authority = authority.value();
        set.merchants.append(merchant.value());
        WXPAY_VERIFY_OK(m_engine->addMerchants(set));
        m_server = std::make_unique<sim::SimServer>(*m_engine);
        sim::ListenOptions options;
        options.tls = true;
        WXPAY_VERIFY_OK(m_server->listen(options));

        auto sandbox
            = app::sandboxProfileFor(merchant.value(), ApiFamily::V3, m_server->baseUrl(), m_server->caCertificate());
        WXPAY_VERIFY_OK(sandbox);
        for (const auto& [kind, secret] : sandbox->secrets) {
            bool written = false;
            m_secrets.write(sandbox->profile.id, kind, secret, this, [&written](Status status) {
                QVERIFY(status);
                written = true;
            });
            QTRY_VERIFY(written);
        }
        bool opened = false;
        app::MerchantSession::open(sandbox->profile, sandbox->trust, { m_secrets, m_nam, m_clock, m_nonces }, {}, this,
            [this, &opened](Result<std::unique_ptr<app::MerchantSession>> session) {
                QVERIFY2(session, session ? "" : qPrintable(session.error().toString()));
                m_session = std::move(session).value();
                opened = true;
            });
        QTRY_VERIFY(opened);

        m_database = std::make_unique<storage::Database>(m_dir.filePath(QStringLiteral("history.sqlite")));
        WXPAY_VERIFY_OK(m_database->open());
        m_orders = std::make_unique<storage::OrderStore>(*m_database, m_clock);
        m_refunds = std::make_unique<storage::RefundStore>(*m_database, m_clock);
        m_audit = std::make_unique<storage::AuditLog>(*m_database, m_clock);
        m_journal = std::make_unique<storage::Journal>(*m_database, m_clock);
    }

    void init()
    {
        m_scheduler = std::make_unique<workflows::ManualScheduler>(m_clock);
        m_panel = std::make_unique<TakePaymentPanel>();
        const credentials::MerchantProfile& profile = m_session->profile();
        ui::PaymentSetup setup { workflows::WorkflowContext { profile.id, QStringLiteral("cashier"),
                                     m_session->gateway(), *m_database, *m_orders, *m_refunds, *m_audit, *m_journal,
                                     m_clock, *m_scheduler, m_nonces },
            QStringLiteral("Sandbox shop"), {}, {}, {}, {} };
        setup.customerPays = [this, ids = profile.ids()](const QString& outTradeNo) -> Status {
            auto paid = m_engine->customerPays(ids, outTradeNo);
            return paid ? Status() : Status(paid.error());
        };
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
        m_scheduler.reset();
    }

    void nativePaymentEndsPaidWithAScannableCode()
    {
        m_scheduler->setAutomatic(false); // polls only when the test says so
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
        QVERIFY(m_scheduler->runNext());
        QTRY_VERIFY(m_scheduler->pendingCount() > 0);
        QCOMPARE(qr->state(), ui::QrState::Waiting);

        QTest::mouseClick(customerPays, Qt::LeftButton);
        QVERIFY(!child<QWidget>(*m_panel, "errorBox")->isVisible());
        QVERIFY(m_scheduler->runNext());
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
        QTest::newRow("instant success") << int(sim::QuickPayScenario::Success) << 0 << QStringLiteral("PAID")
                                         << QStringLiteral("received");
        QTest::newRow("pays after queries") << int(sim::QuickPayScenario::PaysAfterQueries) << 2
                                            << QStringLiteral("PAID") << QStringLiteral("received");
        QTest::newRow("not enough") << int(sim::QuickPayScenario::NotEnough) << 0 << QStringLiteral("NOT PAID")
                                    << QStringLiteral("balance is not enough");
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
        m_scheduler->setAutomatic(false);
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
        m_scheduler->setAutomatic(true);
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

    QTemporaryDir m_dir;
    ManualClock m_clock { QDateTime::currentDateTimeUtc() };
    RandomNonceSource m_nonces;
    credentials::InMemoryCredentialStore m_secrets;
    QNetworkAccessManager m_nam;
    std::unique_ptr<sim::SimEngine> m_engine;
    std::unique_ptr<sim::SimServer> m_server;
    std::unique_ptr<app::MerchantSession> m_session;
    std::unique_ptr<storage::Database> m_database;
    std::unique_ptr<storage::OrderStore> m_orders;
    std::unique_ptr<storage::RefundStore> m_refunds;
    std::unique_ptr<storage::AuditLog> m_audit;
    std::unique_ptr<storage::Journal> m_journal;
    std::unique_ptr<workflows::ManualScheduler> m_scheduler;
    std::unique_ptr<TakePaymentPanel> m_panel;
    quint64 m_serial = 0;
};

QTEST_MAIN(TestTakePaymentFlow)
#include "tst_takepaymentflow.moc"
