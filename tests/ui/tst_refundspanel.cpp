// The Refunds panel against the real simulator over HTTPS: an order paid by QR code, what is left to refund on it,
// a partial refund through the confirmation and the manager PIN (a wrong PIN sends nothing), its live stage to
// SUCCESS, an over-refund refused at the field, and "Check all pending refunds".

#include "pindialog.h"
#include "refundspanel.h"
#include "sandboxfixture.h"
#include "support/testsupport.h"
#include "workflows/managerpin.h"
#include "workflows/nativecheckout.h"
#include "workflows/refunds.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace wxpay;
using test::child;
using ui::RefundsPanel;
using workflows::RefundWorkflow;

namespace {

constexpr int kOrderColumn = 1;
constexpr int kAmountColumn = 2;
constexpr int kStatusColumn = 3;
constexpr int kRefundNoColumn = 4;

Money cny(qint64 minor)
{
    return Money::fromMinor(minor, QStringLiteral("CNY")).value();
}

} // namespace

class TestRefundsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_sandbox = std::make_unique<test::SandboxFixture>(); }
    void init();
    void cleanup();

    void waitsForTheProfile();
    void showsWhatCanBeRefunded();
    void partialRefundNeedsConfirmationAndThePin();
    void withoutAPinTheConfirmationIsEnough();
    void overRefundIsRefusedAtTheField();
    void checksAllPendingRefunds();

private:
    QString paidOrder(qint64 minor);
    void setPin(const QString& pin);
    void removePin();
    template<typename T> T* waitForDialog(const char* name);
    int rowOf(const QString& outRefundNo) const;
    QString cell(int row, int column, int role = Qt::DisplayRole) const;
    QList<Refund> simulatorRefunds(const QString& outTradeNo);

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<RefundsPanel> m_panel;
    QObject m_context;
};

void TestRefundsPanel::init()
{
    m_sandbox->scheduler->setAutomatic(true);
    m_panel = std::make_unique<RefundsPanel>();
    m_panel->setContext(m_sandbox->workflowContext(), &m_sandbox->secrets);
    m_panel->resize(1060, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestRefundsPanel::cleanup()
{
    m_sandbox->scheduler->setAutomatic(true);
    QTRY_VERIFY(!m_panel->isBusy());
    m_panel.reset();
}

QString TestRefundsPanel::paidOrder(qint64 minor)
{
    m_sandbox->scheduler->setAutomatic(false);
    workflows::NativeCheckout native(m_sandbox->workflowContext());
    workflows::NativeCheckoutRequest request;
    request.amount = cny(minor);
    request.description = QStringLiteral("Shoes");
    const bool paid = native.start(request).ok()
        && QTest::qWaitFor([&native] { return native.stage() == workflows::NativeCheckout::Stage::WaitingForPayment; })
        && m_sandbox->customerPays(native.outTradeNo()).ok();
    m_sandbox->scheduler->setAutomatic(true);
    if (!paid || !QTest::qWaitFor([&native] { return native.isFinished(); })
        || native.stage() != workflows::NativeCheckout::Stage::Paid) {
        return {};
    }
    return native.outTradeNo();
}

void TestRefundsPanel::setPin(const QString& pin)
{
    std::optional<Status> stored;
    workflows::ManagerPin::set(
        m_sandbox->secrets, m_sandbox->profile.id, pin, &m_context, [&stored](Status s) { stored = s; });
    QTRY_VERIFY(stored.has_value());
    WXPAY_VERIFY_OK(*stored);
}

void TestRefundsPanel::removePin()
{
    std::optional<Status> removed;
    m_sandbox->secrets.remove(m_sandbox->profile.id, credentials::SecretKind::ManagerPinHash, &m_context,
        [&removed](Status s) { removed = s; });
    QTRY_VERIFY(removed.has_value());
    WXPAY_VERIFY_OK(*removed);
}

template<typename T> T* TestRefundsPanel::waitForDialog(const char* name)
{
    T* dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        dialog = m_panel->findChild<T*>(QString::fromLatin1(name));
        return dialog && dialog->isVisible();
    });
    return shown ? dialog : nullptr;
}

int TestRefundsPanel::rowOf(const QString& outRefundNo) const
{
    const QAbstractItemModel* model = child<QTableView>(*m_panel, "refundsTableView")->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, kRefundNoColumn).data().toString() == outRefundNo)
            return row;
    }
    return -1;
}

QString TestRefundsPanel::cell(int row, int column, int role) const
{
    const QAbstractItemModel* model = child<QTableView>(*m_panel, "refundsTableView")->model();
    return model->index(row, column).data(role).toString();
}

QList<Refund> TestRefundsPanel::simulatorRefunds(const QString& outTradeNo)
{
    const QList<sim::LedgerEntry> ledger = m_sandbox->engine->ledger();
    for (const sim::LedgerEntry& entry : ledger) {
        if (entry.outTradeNo == outTradeNo)
            return entry.refunds;
    }
    return {};
}

void TestRefundsPanel::waitsForTheProfile()
{
    RefundsPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto* status = child<QLabel>(panel, "statusLabel");
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(), QStringLiteral("Opening the merchant profile…"));
    QVERIFY(!child<QPushButton>(panel, "refundPushButton")->isEnabled());
    QVERIFY(!child<QPushButton>(panel, "checkPendingPushButton")->isEnabled());
    panel.setOrder(QStringLiteral("N20250101000000abcdefgh"));
    QVERIFY(!child<QPushButton>(panel, "refundPushButton")->isEnabled());

    panel.setContext(m_sandbox->workflowContext(), &m_sandbox->secrets);
    QVERIFY(!status->isVisible());
    QVERIFY(child<QPushButton>(panel, "checkPendingPushButton")->isEnabled());
}

void TestRefundsPanel::showsWhatCanBeRefunded()
{
    const QString order = paidOrder(1234);
    QVERIFY(!order.isEmpty());
    // Typed, then Enter.
    auto* field = child<QLineEdit>(*m_panel, "outTradeNoLineEdit");
    QTest::keyClicks(field, order);
    QTest::keyClick(field, Qt::Key_Return);
    auto* info = child<QLabel>(*m_panel, "orderInfoLabel");
    QVERIFY2(info->text().contains(u"Order " + order + u": ¥12.34, paid."), qPrintable(info->text()));
    QVERIFY2(info->text().contains(QStringLiteral("Can still be refunded: ¥12.34.")), qPrintable(info->text()));
    QCOMPARE(m_panel->refundable(), std::optional<Money>(cny(1234)));
    QCOMPARE(child<QLineEdit>(*m_panel, "amountLineEdit")->text(), QStringLiteral("12.34"));
    QVERIFY(child<QPushButton>(*m_panel, "refundPushButton")->isEnabled());

    // Editing the number forgets the order until it is loaded again.
    QTest::keyClick(field, Qt::Key_Backspace);
    QVERIFY(!m_panel->refundable());
    QVERIFY(!child<QPushButton>(*m_panel, "refundPushButton")->isEnabled());

    m_panel->setOrder(QStringLiteral("NOTHERE1234567"));
    QVERIFY2(info->text().contains(QStringLiteral("is not in this till's history")), qPrintable(info->text()));
    QVERIFY(!m_panel->refundable());
    QVERIFY(!child<QPushButton>(*m_panel, "refundPushButton")->isEnabled());
}

void TestRefundsPanel::partialRefundNeedsConfirmationAndThePin()
{
    setPin(QStringLiteral("2468"));
    const QString order = paidOrder(1234);
    QVERIFY(!order.isEmpty());
    m_panel->setOrder(order);
    auto* amount = child<QLineEdit>(*m_panel, "amountLineEdit");
    amount->selectAll();
    QTest::keyClicks(amount, QStringLiteral("3.00"));
    QTest::keyClicks(child<QLineEdit>(*m_panel, "reasonLineEdit"), QStringLiteral("Wrong size"));
    QTest::mouseClick(child<QPushButton>(*m_panel, "refundPushButton"), Qt::LeftButton);

    // The confirmation repeats the amount and the order; cancelling sends nothing.
    QPointer<QMessageBox> box = waitForDialog<QMessageBox>("refundConfirmMessageBox");
    QVERIFY(box);
    QCOMPARE(box->text(), u"Refund ¥3.00 of order " + order + u" to the customer?");
    QTest::mouseClick(child<QPushButton>(*box, "cancelRefundPushButton"), Qt::LeftButton);
    QTRY_VERIFY(!box);
    QVERIFY(child<QPushButton>(*m_panel, "refundPushButton")->isEnabled());

    QTest::mouseClick(child<QPushButton>(*m_panel, "refundPushButton"), Qt::LeftButton);
    box = waitForDialog<QMessageBox>("refundConfirmMessageBox");
    QVERIFY(box);
    QTest::mouseClick(child<QPushButton>(*box, "confirmRefundPushButton"), Qt::LeftButton);

    // A wrong PIN says so, and nothing is sent.
    QPointer<ui::PinDialog> pin = waitForDialog<ui::PinDialog>("pinDialog");
    QVERIFY(pin);
    QVERIFY2(child<QLabel>(*pin, "pinPromptLabel")->text().contains(QStringLiteral("¥3.00")),
        qPrintable(child<QLabel>(*pin, "pinPromptLabel")->text()));
    auto* pinField = child<QLineEdit>(*pin, "pinLineEdit");
    QCOMPARE(pinField->echoMode(), QLineEdit::Password);
    QTest::keyClicks(pinField, QStringLiteral("1111"));
    QTest::keyClick(pinField, Qt::Key_Return);
    QTRY_VERIFY2(pin->problemText().contains(QStringLiteral("Wrong PIN")), qPrintable(pin->problemText()));
    QVERIFY(pin->isVisible());
    QVERIFY(!m_panel->refundWorkflow());
    QVERIFY(m_sandbox->refunds->forOrder(m_sandbox->profile.id, order).value().isEmpty());
    QVERIFY(simulatorRefunds(order).isEmpty());
    QVERIFY(!child<QPushButton>(*m_panel, "refundPushButton")->isEnabled());

    // The right PIN sends it; held polls show the live stage.
    m_sandbox->scheduler->setAutomatic(false);
    QTest::keyClicks(pinField, QStringLiteral("2468"));
    QTest::mouseClick(child<QPushButton>(*pin, "pinOkPushButton"), Qt::LeftButton);
    QTRY_VERIFY(!pin);
    QTRY_VERIFY(m_panel->refundWorkflow());
    const RefundWorkflow* refund = m_panel->refundWorkflow();
    const QString outRefundNo = refund->outRefundNo();
    auto* stage = child<QLabel>(*m_panel, "refundStageLabel");
    QTRY_COMPARE(refund->stage(), RefundWorkflow::Stage::Processing);
    QCOMPARE(stage->text(), QStringLiteral("WeChat Pay accepted the refund and is paying ¥3.00 back to the customer…"));
    QCOMPARE(simulatorRefunds(order).size(), 1);
    QCOMPARE(simulatorRefunds(order).first().outRefundNo, outRefundNo);
    QCOMPARE(simulatorRefunds(order).first().refund, cny(300));
    int row = rowOf(outRefundNo);
    QVERIFY(row >= 0);
    QCOMPARE(cell(row, kOrderColumn), order);
    QCOMPARE(cell(row, kAmountColumn), QStringLiteral("¥3.00"));
    QCOMPARE(cell(row, kStatusColumn, Qt::UserRole), QStringLiteral("PROCESSING"));
    QCOMPARE(cell(row, kStatusColumn), QStringLiteral("Being paid back"));
    // Counted at once: what is left already excludes it.
    QCOMPARE(m_panel->refundable(), std::optional<Money>(cny(934)));
    QVERIFY(!child<QPushButton>(*m_panel, "refundPushButton")->isEnabled());

    m_sandbox->scheduler->setAutomatic(true);
    QTRY_COMPARE(refund->stage(), RefundWorkflow::Stage::Succeeded);
    QCOMPARE(stage->text(), QStringLiteral("Refunded: ¥3.00 went back to the customer."));
    row = rowOf(outRefundNo);
    QCOMPARE(cell(row, kStatusColumn, Qt::UserRole), QStringLiteral("SUCCESS"));
    QCOMPARE(cell(row, kStatusColumn), QStringLiteral("Refunded"));
    QCOMPARE(m_sandbox->refunds->findByOutRefundNo(m_sandbox->profile.id, outRefundNo).value()->reason,
        QStringLiteral("Wrong size"));
    QCOMPARE(m_panel->refundable(), std::optional<Money>(cny(934)));
    auto* info = child<QLabel>(*m_panel, "orderInfoLabel");
    QVERIFY2(info->text().contains(QStringLiteral("Refunded or being refunded: ¥3.00. Can still be refunded: ¥9.34.")),
        qPrintable(info->text()));
    QCOMPARE(amount->text(), QStringLiteral("9.34"));
    QVERIFY(!child<QWidget>(*m_panel, "errorBox")->isVisible());
    QVERIFY(child<QPushButton>(*m_panel, "refundPushButton")->isEnabled());
    removePin();
}

void TestRefundsPanel::withoutAPinTheConfirmationIsEnough()
{
    const QString order = paidOrder(500);
    QVERIFY(!order.isEmpty());
    m_panel->setOrder(order);
    QTest::keyClick(child<QLineEdit>(*m_panel, "amountLineEdit"), Qt::Key_Return);
    QPointer<QMessageBox> box = waitForDialog<QMessageBox>("refundConfirmMessageBox");
    QVERIFY(box);
    QCOMPARE(box->text(), u"Refund ¥5.00 of order " + order + u" to the customer?");
    QTest::mouseClick(child<QPushButton>(*box, "confirmRefundPushButton"), Qt::LeftButton);
    QTRY_VERIFY(m_panel->refundWorkflow());
    QVERIFY(!m_panel->findChild<ui::PinDialog*>(QStringLiteral("pinDialog")));
    QTRY_COMPARE(m_panel->refundWorkflow()->stage(), RefundWorkflow::Stage::Succeeded);
    QCOMPARE(m_panel->refundable(), std::optional<Money>(cny(0)));
    QVERIFY(!child<QPushButton>(*m_panel, "refundPushButton")->isEnabled());
    const auto row = m_sandbox->orders->findByOutTradeNo(m_sandbox->profile.id, order);
    WXPAY_VERIFY_OK(row);
    QCOMPARE(row.value()->state, TradeState::Refund);
}

void TestRefundsPanel::overRefundIsRefusedAtTheField()
{
    const QString order = paidOrder(1234);
    QVERIFY(!order.isEmpty());
    m_panel->setOrder(order);
    auto* amount = child<QLineEdit>(*m_panel, "amountLineEdit");
    amount->selectAll();
    QTest::keyClicks(amount, QStringLiteral("20.00"));
    auto* problem = child<QLabel>(*m_panel, "refundProblemLabel");
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(), QStringLiteral("At most ¥12.34 can still be refunded on this order."));
    QTest::mouseClick(child<QPushButton>(*m_panel, "refundPushButton"), Qt::LeftButton);
    QTest::qWait(100);
    QVERIFY(!m_panel->findChild<QMessageBox*>(QStringLiteral("refundConfirmMessageBox")));
    QVERIFY(!m_panel->refundWorkflow());
    QVERIFY(m_sandbox->refunds->forOrder(m_sandbox->profile.id, order).value().isEmpty());
    QVERIFY(simulatorRefunds(order).isEmpty());

    // Back within the order: the problem goes.
    amount->selectAll();
    QTest::keyClicks(amount, QStringLiteral("12.34"));
    QVERIFY(!problem->isVisible());
}

void TestRefundsPanel::checksAllPendingRefunds()
{
    const QString order = paidOrder(1000);
    QVERIFY(!order.isEmpty());
    // Two refunds made elsewhere in the console and not followed to their end.
    workflows::RefundOptions options;
    options.maxPolls = 0;
    RefundWorkflow a(m_sandbox->workflowContext(), options);
    RefundWorkflow b(m_sandbox->workflowContext(), options);
    WXPAY_VERIFY_OK(a.start({ order, cny(100), {}, {}, {} }));
    WXPAY_VERIFY_OK(b.start({ order, cny(250), {}, {}, {} }));
    QTRY_VERIFY(a.isFinished() && b.isFinished());
    m_panel->reloadRefunds();
    QCOMPARE(cell(rowOf(a.outRefundNo()), kStatusColumn, Qt::UserRole), QStringLiteral("PROCESSING"));
    QCOMPARE(cell(rowOf(b.outRefundNo()), kStatusColumn, Qt::UserRole), QStringLiteral("PROCESSING"));
    const qsizetype pending = m_sandbox->refunds->pending(m_sandbox->profile.id).value().size();
    QVERIFY(pending >= 2);

    m_sandbox->clock.advance(std::chrono::seconds(10));
    QTest::mouseClick(child<QPushButton>(*m_panel, "checkPendingPushButton"), Qt::LeftButton);
    QVERIFY(m_panel->isBusy());
    QVERIFY(child<QProgressBar>(*m_panel, "checkPendingProgressBar")->isVisible());
    QVERIFY(!child<QPushButton>(*m_panel, "checkPendingPushButton")->isEnabled());
    auto* result = child<QLabel>(*m_panel, "checkPendingResultLabel");
    QTRY_VERIFY(!m_panel->isBusy());
    QCOMPARE(result->text(),
        QStringLiteral("Pending refunds checked: %1. Refunded: %1. Still being paid back: 0. Closed or abnormal: 0.")
            .arg(pending));
    QVERIFY(!child<QProgressBar>(*m_panel, "checkPendingProgressBar")->isVisible());
    QCOMPARE(cell(rowOf(a.outRefundNo()), kStatusColumn, Qt::UserRole), QStringLiteral("SUCCESS"));
    QCOMPARE(cell(rowOf(b.outRefundNo()), kStatusColumn, Qt::UserRole), QStringLiteral("SUCCESS"));
    QVERIFY(!child<QWidget>(*m_panel, "listErrorBox")->isVisible());

    QTest::mouseClick(child<QPushButton>(*m_panel, "checkPendingPushButton"), Qt::LeftButton);
    QTRY_COMPARE(result->text(), QStringLiteral("No refund is waiting for WeChat Pay."));
}

QTEST_MAIN(TestRefundsPanel)
#include "tst_refundspanel.moc"
