// The Orders panel against the real simulator over HTTPS and a real SQLite history: the search box for each kind of
// id (and an order only WeChat Pay knows), the detail page with its audit trail, checking again, close and reverse
// behind their confirmations, the refund / unionid hand-overs, the filters and the CSV export.

#include "orderhistorymodel.h"
#include "orderspanel.h"
#include "sandboxfixture.h"
#include "sim/scenario.h"
#include "support/testsupport.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace wxpay;
using test::child;
using ui::OrdersPanel;

class TestOrdersPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shouldHaveDefaultValues();
    void findsByTransactionId();
    void findsByOutTradeNo();
    void findsAnOrderOnlyWeChatPayKnows_data();
    void findsAnOrderOnlyWeChatPayKnows();
    void explainsWhatItCannotFind_data();
    void explainsWhatItCannotFind();
    void detailShowsFieldsAndAuditTrail();
    void checkAgainUpdatesTheHistory();
    void closesAnUnpaidOrderAfterConfirmation();
    void reversesAQuickPayPaymentAfterConfirmation();
    void handsRefundAndUnionIdOver();
    void ordersOfAnotherProfileAreReadOnly();
    void escapeGoesBack();
    void filtersAndExportsCsv();

private:
    // Create (and pay) a Native order at WeChat Pay; with `inHistory` it is recorded as the till records it.
    QString makeNative(bool inHistory, bool paid, const QString& description = QStringLiteral("Tea"));
    QString makeQuickPay();
    sim::LedgerEntry ledger(const QString& outTradeNo) const;
    std::optional<storage::OrderRecord> historyRow(const QString& outTradeNo) const;
    void searchFor(const QString& text);
    QMessageBox* waitForBox(const char* name);
    QString value(const char* field) { return child<QLabel>(*m_panel, field)->text(); }

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<credentials::ProfileStore> m_profiles;
    std::unique_ptr<OrdersPanel> m_panel;
    int m_counter = 0;
};

void TestOrdersPanel::initTestCase()
{
    m_sandbox = std::make_unique<test::SandboxFixture>();
    m_sandbox->scheduler->setAutomatic(true);
    m_settings
        = std::make_unique<QSettings>(m_settingsDir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_profiles = std::make_unique<credentials::ProfileStore>(m_settings.get(), &m_sandbox->secrets);
    WXPAY_VERIFY_OK(m_profiles->save(m_sandbox->profile));
    credentials::MerchantProfile other;
    other.id = QStringLiteral("other-shop");
    other.displayName = QStringLiteral("Other shop");
    other.mchid = QStringLiteral("1900009191");
    other.appid = QStringLiteral("wxd678efh567hg6787");
    WXPAY_VERIFY_OK(m_profiles->save(other));
}

void TestOrdersPanel::init()
{
    m_panel = std::make_unique<OrdersPanel>(m_profiles.get());
    m_panel->setContext(m_sandbox->workflowContext());
    m_panel->resize(1060, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestOrdersPanel::cleanup()
{
    QTRY_VERIFY(!m_panel->isBusy());
    m_panel.reset();
}

QString TestOrdersPanel::makeNative(bool inHistory, bool paid, const QString& description)
{
    NativeOrderRequest request;
    request.outTradeNo = QStringLiteral("OP%1%2").arg(QDateTime::currentMSecsSinceEpoch()).arg(++m_counter);
    request.description = description;
    request.amount = Money::fromMinor(1250, QStringLiteral("CNY")).value();
    request.clientIp = QStringLiteral("127.0.0.1");
    if (inHistory) {
        storage::OrderRecord row;
        row.profileId = m_sandbox->profile.id;
        row.family = ApiFamily::V3;
        row.outTradeNo = request.outTradeNo;
        row.amount = request.amount;
        row.tradeType = QStringLiteral("NATIVE");
        row.state = TradeState::NotPay;
        row.description = description;
        row.cashier = QStringLiteral("cashier");
        if (!m_sandbox->orders->insert(row))
            return {};
    }
    bool created = false;
    m_sandbox->session->gateway().createNative(request, &m_sandbox->context,
        [&created](Result<NativeOrder> order, gateway::CallInfo) { created = order.ok(); });
    if (!QTest::qWaitFor([&created] { return created; }, 10000))
        return {};
    if (paid && !m_sandbox->customerPays(request.outTradeNo))
        return {};
    if (inHistory && paid) {
        // What NativeCheckout records when its poll finds the payment.
        const sim::LedgerEntry entry = ledger(request.outTradeNo);
        Transaction transaction;
        transaction.outTradeNo = entry.outTradeNo;
        transaction.transactionId = entry.transactionId;
        transaction.state = TradeState::Success;
        transaction.tradeType = entry.tradeType;
        transaction.openid = entry.payerOpenid;
        transaction.total = entry.total;
        transaction.successTime = entry.successTime;
        if (!m_sandbox->orders->applyTransaction(m_sandbox->profile.id, transaction))
            return {};
    }
    return request.outTradeNo;
}

QString TestOrdersPanel::makeQuickPay()
{
    MicropayRequest request;
    request.outTradeNo = QStringLiteral("OQ%1%2").arg(QDateTime::currentMSecsSinceEpoch()).arg(++m_counter);
    request.description = QStringLiteral("Cake");
    request.amount = Money::fromMinor(880, QStringLiteral("CNY")).value();
    request.authCode = sim::makeAuthCode(sim::QuickPayScenario::Success, 0, quint64(900000 + m_counter));
    request.clientIp = QStringLiteral("127.0.0.1");
    bool paid = false;
    m_sandbox->session->gateway().micropay(request, &m_sandbox->context,
        [&paid](Result<Transaction> transaction, gateway::CallInfo) { paid = transaction.ok(); });
    if (!QTest::qWaitFor([&paid] { return paid; }, 10000))
        return {};
    return request.outTradeNo;
}

sim::LedgerEntry TestOrdersPanel::ledger(const QString& outTradeNo) const
{
    const QList<sim::LedgerEntry> entries = m_sandbox->engine->ledger();
    for (const sim::LedgerEntry& entry : entries) {
        if (entry.outTradeNo == outTradeNo)
            return entry;
    }
    return {};
}

std::optional<storage::OrderRecord> TestOrdersPanel::historyRow(const QString& outTradeNo) const
{
    auto found = m_sandbox->orders->findByOutTradeNo(m_sandbox->profile.id, outTradeNo);
    return found ? found.value() : std::nullopt;
}

void TestOrdersPanel::searchFor(const QString& text)
{
    auto* search = child<QLineEdit>(*m_panel, "searchLineEdit");
    search->setFocus();
    search->clear();
    QTest::keyClicks(search, text);
    QTest::keyClick(search, Qt::Key_Return);
}

QMessageBox* TestOrdersPanel::waitForBox(const char* name)
{
    QMessageBox* box = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        box = m_panel->findChild<QMessageBox*>(QString::fromLatin1(name));
        return box && box->isVisible();
    });
    return shown ? box : nullptr;
}

void TestOrdersPanel::shouldHaveDefaultValues()
{
    OrdersPanel fresh(m_profiles.get());
    fresh.resize(1060, 700);
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    QCOMPARE(fresh.objectName(), QStringLiteral("ordersPanel"));
    QVERIFY(!fresh.hasContext());
    QVERIFY(child<QLabel>(fresh, "historyStatusLabel")->isVisible());
    QVERIFY(child<QLabel>(fresh, "historyStatusLabel")->text().contains(u"history"));
    QVERIFY(!child<QLineEdit>(fresh, "searchLineEdit")->isEnabled());
    QVERIFY(!child<QPushButton>(fresh, "exportCsvPushButton")->isEnabled());
    WXPAY_VERIFY_ERROR(fresh.exportCsv(m_settingsDir.filePath(QStringLiteral("none.csv"))), ErrorKind::Input,
        QStringLiteral("HISTORY_NOT_OPEN"));
    QCOMPARE(child<QTableView>(fresh, "ordersTableView")->model()->rowCount(), 0);

    // With the active profile's context: the last 7 days of that profile, any state.
    fresh.setContext(m_sandbox->workflowContext());
    QVERIFY(!child<QLabel>(fresh, "historyStatusLabel")->isVisible());
    QVERIFY(child<QLineEdit>(fresh, "searchLineEdit")->isEnabled());
    const QDate today = m_sandbox->clock.now().toLocalTime().date();
    QCOMPARE(child<QDateEdit>(fresh, "toDateEdit")->date(), today);
    QCOMPARE(child<QDateEdit>(fresh, "fromDateEdit")->date(), today.addDays(-6));
    QCOMPARE(child<QComboBox>(fresh, "stateComboBox")->currentIndex(), 0);
    QCOMPARE(child<QComboBox>(fresh, "profileComboBox")->currentData().toString(), m_sandbox->profile.id);
    QCOMPARE(child<QComboBox>(fresh, "profileComboBox")->count(), 3); // all + two profiles
    QCOMPARE(fresh.currentQuery().profileId, m_sandbox->profile.id);
    QVERIFY(fresh.currentQuery().states.isEmpty());
    QVERIFY(child<QLineEdit>(fresh, "searchLineEdit")->text().isEmpty());
    QVERIFY(!fresh.isShowingOrder());
}

void TestOrdersPanel::findsByTransactionId()
{
    const QString outTradeNo = makeNative(true, true);
    QVERIFY(!outTradeNo.isEmpty());
    const QString transactionId = ledger(outTradeNo).transactionId;
    QVERIFY(!transactionId.isEmpty());

    searchFor(u"  " + transactionId + u" ");
    QVERIFY(m_panel->isShowingOrder());
    QVERIFY(child<QLabel>(*m_panel, "recognisedLabel")->text().contains(u"transaction_id"));
    QVERIFY(child<QLabel>(*m_panel, "actionStatusLabel")->text().contains(u"transaction_id"));
    QCOMPARE(m_panel->shownOrder()->outTradeNo, outTradeNo);
    QCOMPARE(value("transactionIdValueLabel"), transactionId);
    QCOMPARE(value("outTradeNoValueLabel"), outTradeNo);
}

void TestOrdersPanel::findsByOutTradeNo()
{
    const QString outTradeNo = makeNative(true, false);
    QVERIFY(!outTradeNo.isEmpty());
    searchFor(outTradeNo);
    QVERIFY(m_panel->isShowingOrder());
    QVERIFY(child<QLabel>(*m_panel, "recognisedLabel")->text().contains(u"out_trade_no"));
    QCOMPARE(m_panel->shownOrder()->outTradeNo, outTradeNo);
    QCOMPARE(value("stateValueLabel"), ui::OrderHistoryModel::stateText(TradeState::NotPay));
}

void TestOrdersPanel::findsAnOrderOnlyWeChatPayKnows_data()
{
    QTest::addColumn<bool>("byTransactionId");
    QTest::newRow("by transaction_id") << true;
    QTest::newRow("by out_trade_no") << false;
}

void TestOrdersPanel::findsAnOrderOnlyWeChatPayKnows()
{
    QFETCH(bool, byTransactionId);
    const QString outTradeNo = makeNative(false, true, QStringLiteral("Made at another till"));
    QVERIFY(!outTradeNo.isEmpty());
    QVERIFY(!historyRow(outTradeNo));
    const QString transactionId = ledger(outTradeNo).transactionId;

    searchFor(byTransactionId ? transactionId : outTradeNo);
    QVERIFY(m_panel->isBusy());
    QVERIFY(child<QLabel>(*m_panel, "recognisedLabel")->text().contains(u"WeChat Pay"));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->isShowingOrder(), 15000);
    QVERIFY(!m_panel->isBusy());
    QVERIFY(child<QLabel>(*m_panel, "recognisedLabel")->text().contains(u"added"));
    const auto row = historyRow(outTradeNo);
    QVERIFY(row);
    QCOMPARE(row->transactionId, transactionId);
    QCOMPARE(row->state, TradeState::Success);
    QCOMPARE(m_panel->shownOrder()->outTradeNo, outTradeNo);
    QCOMPARE(value("transactionIdValueLabel"), transactionId);
    QCOMPARE(value("amountValueLabel"), QStringLiteral("¥12.50"));
}

void TestOrdersPanel::explainsWhatItCannotFind_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("says");
    QTest::newRow("not an id") << QStringLiteral("12 34") << QStringLiteral("is not an order number");
    QTest::newRow("unknown at WeChat") << QStringLiteral("NOSUCHORDER42") << QStringLiteral("does not know");
}

void TestOrdersPanel::explainsWhatItCannotFind()
{
    QFETCH(QString, text);
    QFETCH(QString, says);
    searchFor(text);
    auto* errorBox = child<QWidget>(*m_panel, "listErrorBox");
    QTRY_VERIFY_WITH_TIMEOUT(errorBox->isVisible(), 15000);
    QTRY_VERIFY(!m_panel->isBusy());
    const QString sentence = errorBox->findChild<QLabel*>(QStringLiteral("errorLabel"))->text();
    QVERIFY2(sentence.contains(says), qPrintable(sentence));
    QVERIFY(!m_panel->isShowingOrder());
    QVERIFY(!historyRow(text.trimmed()));
}

void TestOrdersPanel::detailShowsFieldsAndAuditTrail()
{
    const QString outTradeNo = makeNative(false, true, QStringLiteral("Green tea"));
    QVERIFY(!outTradeNo.isEmpty());
    searchFor(outTradeNo);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->isShowingOrder(), 15000);
    const sim::LedgerEntry entry = ledger(outTradeNo);

    QCOMPARE(value("outTradeNoValueLabel"), outTradeNo);
    QCOMPARE(value("transactionIdValueLabel"), entry.transactionId);
    QCOMPARE(value("amountValueLabel"), QStringLiteral("¥12.50"));
    QCOMPARE(value("stateValueLabel"), ui::OrderHistoryModel::stateText(TradeState::Success));
    QCOMPARE(value("openidValueLabel"), entry.payerOpenid);
    QCOMPARE(value("profileValueLabel"), m_sandbox->profile.displayName);
    QVERIFY(value("tradeTypeValueLabel").contains(u"QR code"));
    QVERIFY(!value("paidValueLabel").isEmpty());
    QVERIFY(!value("lastConfirmedValueLabel").isEmpty());
    QVERIFY(child<QLabel>(*m_panel, "orderTitleLabel")->text().contains(outTradeNo));

    auto* audit = child<QTableWidget>(*m_panel, "auditTableWidget");
    QCOMPARE(audit->rowCount(), 1);
    QCOMPARE(audit->item(0, 1)->text(), QStringLiteral("cashier"));
    QVERIFY(audit->item(0, 2)->text().contains(u"Looked up"));
    QCOMPARE(audit->item(0, 2)->toolTip(), QStringLiteral("order.lookup"));
    QVERIFY(!audit->item(0, 3)->text().isEmpty()); // APIv3 answers carry a Request-ID
    QCOMPARE(child<QTableWidget>(*m_panel, "refundsTableWidget")->rowCount(), 0);
}

void TestOrdersPanel::checkAgainUpdatesTheHistory()
{
    const QString outTradeNo = makeNative(true, false);
    QVERIFY(!outTradeNo.isEmpty());
    m_panel->showOrder(m_sandbox->profile.id, outTradeNo);
    QVERIFY(m_panel->isShowingOrder());
    QCOMPARE(value("stateValueLabel"), ui::OrderHistoryModel::stateText(TradeState::NotPay));
    QCOMPARE(child<QTableWidget>(*m_panel, "auditTableWidget")->rowCount(), 0);

    // The customer pays meanwhile; the till has not seen it.
    WXPAY_VERIFY_OK(m_sandbox->customerPays(outTradeNo));
    auto* refresh = child<QPushButton>(*m_panel, "refreshOrderPushButton");
    QVERIFY(refresh->isEnabled());
    QTest::mouseClick(refresh, Qt::LeftButton);
    QVERIFY(!refresh->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(value("stateValueLabel"), ui::OrderHistoryModel::stateText(TradeState::Success), 15000);
    QTRY_VERIFY(!m_panel->isBusy());
    QCOMPARE(historyRow(outTradeNo)->state, TradeState::Success);
    QCOMPARE(value("transactionIdValueLabel"), ledger(outTradeNo).transactionId);
    QCOMPARE(child<QTableWidget>(*m_panel, "auditTableWidget")->rowCount(), 1);
    QVERIFY(child<QLabel>(*m_panel, "actionStatusLabel")
                ->text()
                .contains(ui::OrderHistoryModel::stateText(TradeState::Success)));
    QVERIFY(child<QPushButton>(*m_panel, "refundOrderPushButton")->isEnabled());
    QVERIFY(!child<QPushButton>(*m_panel, "closeOrderPushButton")->isEnabled());
}

void TestOrdersPanel::closesAnUnpaidOrderAfterConfirmation()
{
    const QString outTradeNo = makeNative(true, false);
    QVERIFY(!outTradeNo.isEmpty());
    m_panel->showOrder(m_sandbox->profile.id, outTradeNo);
    auto* close = child<QPushButton>(*m_panel, "closeOrderPushButton");
    QVERIFY(close->isEnabled());
    QVERIFY(!child<QPushButton>(*m_panel, "reverseOrderPushButton")->isEnabled()); // not a Quick Pay order
    QVERIFY(!child<QPushButton>(*m_panel, "refundOrderPushButton")->isEnabled());
    QVERIFY(!child<QPushButton>(*m_panel, "unionIdPushButton")->isEnabled());

    // Kept open: nothing is sent.
    QTest::mouseClick(close, Qt::LeftButton);
    QMessageBox* box = waitForBox("closeOrderMessageBox");
    QVERIFY(box);
    QVERIFY(box->text().contains(outTradeNo));
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("keepOrderPushButton")), Qt::LeftButton);
    QTRY_VERIFY(!m_panel->findChild<QMessageBox*>(QStringLiteral("closeOrderMessageBox")));
    QVERIFY(!m_panel->isBusy());
    QCOMPARE(ledger(outTradeNo).state, TradeState::NotPay);

    QTest::mouseClick(close, Qt::LeftButton);
    box = waitForBox("closeOrderMessageBox");
    QVERIFY(box);
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("confirmCloseOrderPushButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(value("stateValueLabel"), ui::OrderHistoryModel::stateText(TradeState::Closed), 15000);
    QTRY_VERIFY(!m_panel->isBusy());
    QCOMPARE(ledger(outTradeNo).state, TradeState::Closed);
    QCOMPARE(historyRow(outTradeNo)->state, TradeState::Closed);
    QVERIFY(!close->isEnabled());
    QVERIFY(child<QLabel>(*m_panel, "actionStatusLabel")->text().contains(u"closed"));
    QVERIFY(!child<QWidget>(*m_panel, "detailErrorBox")->isVisible());
    // Audited: looked up, closed, looked up again.
    auto* audit = child<QTableWidget>(*m_panel, "auditTableWidget");
    QCOMPARE(audit->rowCount(), 3);
    QCOMPARE(audit->item(1, 2)->toolTip(), QStringLiteral("order.close"));
}

void TestOrdersPanel::reversesAQuickPayPaymentAfterConfirmation()
{
    const QString outTradeNo = makeQuickPay();
    QVERIFY(!outTradeNo.isEmpty());
    searchFor(outTradeNo);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->isShowingOrder(), 15000);
    QVERIFY(!child<QPushButton>(*m_panel, "closeOrderPushButton")->isEnabled());
    auto* reverse = child<QPushButton>(*m_panel, "reverseOrderPushButton");
    QVERIFY(reverse->isEnabled());
    QTest::mouseClick(reverse, Qt::LeftButton);
    QMessageBox* box = waitForBox("reverseOrderMessageBox");
    QVERIFY(box);
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("confirmReverseOrderPushButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(value("stateValueLabel"), ui::OrderHistoryModel::stateText(TradeState::Revoked), 15000);
    QTRY_VERIFY(!m_panel->isBusy());
    QCOMPARE(ledger(outTradeNo).state, TradeState::Revoked);
    QCOMPARE(ledger(outTradeNo).reversed.minorUnits(), 880);
    QVERIFY(child<QLabel>(*m_panel, "actionStatusLabel")->text().contains(u"goes back"));
    QVERIFY(!reverse->isEnabled());
}

void TestOrdersPanel::handsRefundAndUnionIdOver()
{
    const QString outTradeNo = makeNative(true, true);
    QVERIFY(!outTradeNo.isEmpty());
    m_panel->showOrder(m_sandbox->profile.id, outTradeNo);
    QSignalSpy refund(m_panel.get(), &OrdersPanel::refundRequested);
    QSignalSpy unionId(m_panel.get(), &OrdersPanel::unionIdRequested);
    auto* refundButton = child<QPushButton>(*m_panel, "refundOrderPushButton");
    auto* unionIdButton = child<QPushButton>(*m_panel, "unionIdPushButton");
    QVERIFY(refundButton->isEnabled());
    QVERIFY(unionIdButton->isEnabled());
    QTest::mouseClick(refundButton, Qt::LeftButton);
    QCOMPARE(refund.size(), 1);
    QCOMPARE(refund.first().first().toString(), outTradeNo);
    QTest::mouseClick(unionIdButton, Qt::LeftButton);
    QCOMPARE(unionId.size(), 1);
    const auto order = unionId.first().first().value<storage::OrderRecord>();
    QCOMPARE(order.outTradeNo, outTradeNo);
    QCOMPARE(order.profileId, m_sandbox->profile.id);
    QCOMPARE(order.payerOpenid, ledger(outTradeNo).payerOpenid);
    QVERIFY(!order.transactionId.isEmpty());
}

void TestOrdersPanel::ordersOfAnotherProfileAreReadOnly()
{
    storage::OrderRecord row;
    row.profileId = QStringLiteral("other-shop");
    row.outTradeNo = QStringLiteral("OTHER%1").arg(++m_counter, 6, 10, QChar(u'0'));
    row.amount = Money::fromMinor(300, QStringLiteral("CNY")).value();
    row.tradeType = QStringLiteral("NATIVE");
    row.state = TradeState::NotPay;
    WXPAY_VERIFY_OK(m_sandbox->orders->insert(row));
    m_panel->showOrder(row.profileId, row.outTradeNo);
    QVERIFY(m_panel->isShowingOrder());
    QCOMPARE(value("profileValueLabel"), QStringLiteral("Other shop"));
    for (const char* name : { "refreshOrderPushButton", "closeOrderPushButton", "reverseOrderPushButton",
             "refundOrderPushButton", "unionIdPushButton" }) {
        auto* button = child<QPushButton>(*m_panel, name);
        QVERIFY2(!button->isEnabled(), name);
        QVERIFY2(button->toolTip().contains(u"Other shop") && button->toolTip().contains(u"switch"), name);
    }
}

void TestOrdersPanel::escapeGoesBack()
{
    const QString outTradeNo = makeNative(true, false);
    m_panel->showOrder(m_sandbox->profile.id, outTradeNo);
    QVERIFY(m_panel->isShowingOrder());
    QTest::keyClick(child<QPushButton>(*m_panel, "backPushButton"), Qt::Key_Escape);
    QVERIFY(!m_panel->isShowingOrder());
    QVERIFY(!m_panel->shownOrder());
    m_panel->showOrder(m_sandbox->profile.id, outTradeNo);
    QTest::mouseClick(child<QPushButton>(*m_panel, "backPushButton"), Qt::LeftButton);
    QVERIFY(!m_panel->isShowingOrder());
    // An order the history lacks is not opened.
    m_panel->showOrder(m_sandbox->profile.id, QStringLiteral("NOTHERE123"));
    QVERIFY(!m_panel->isShowingOrder());
    QVERIFY(child<QWidget>(*m_panel, "listErrorBox")->isVisible());
}

void TestOrdersPanel::filtersAndExportsCsv()
{
    const QString tag = QStringLiteral("Batch%1").arg(++m_counter);
    QStringList made;
    for (int i = 0; i < 3; ++i)
        made << makeNative(true, i == 0, tag + u" item");
    QVERIFY(!made.contains(QString()));
    m_panel->reload();

    auto* text = child<QLineEdit>(*m_panel, "descriptionFilterLineEdit");
    text->setFocus();
    QTest::keyClicks(text, tag);
    QTest::keyClick(text, Qt::Key_Return);
    auto* table = child<QTableView>(*m_panel, "ordersTableView");
    QCOMPARE(table->model()->rowCount(), 3);
    QCOMPARE(m_panel->currentQuery().text, tag);
    QVERIFY(child<QLabel>(*m_panel, "countLabel")->text().startsWith(u"3 "));

    // Paid only.
    auto* state = child<QComboBox>(*m_panel, "stateComboBox");
    state->setCurrentIndex(state->findData(static_cast<int>(TradeState::Success)));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(m_panel->model()->orderAt(0).outTradeNo, made.first());
    state->setCurrentIndex(0);
    QCOMPARE(table->model()->rowCount(), 3);

    // Sorted by clicking the out_trade_no header: ascending, then descending.
    QHeaderView* header = table->horizontalHeader();
    header->setSortIndicator(ui::OrderHistoryModel::OutTradeNoColumn, Qt::AscendingOrder);
    QCOMPARE(m_panel->currentQuery().sort, storage::OrderSort::OutTradeNo);
    QStringList sorted = made;
    sorted.sort();
    QCOMPARE(m_panel->model()->orderAt(0).outTradeNo, sorted.first());
    header->setSortIndicator(ui::OrderHistoryModel::StateColumn, Qt::AscendingOrder); // not sortable: stays
    QCOMPARE(header->sortIndicatorSection(), int(ui::OrderHistoryModel::OutTradeNoColumn));
    QCOMPARE(m_panel->currentQuery().sort, storage::OrderSort::OutTradeNo);

    // Another day: nothing.
    auto* from = child<QDateEdit>(*m_panel, "fromDateEdit");
    const QDate kept = from->date();
    from->setDate(child<QDateEdit>(*m_panel, "toDateEdit")->date().addDays(1));
    QCOMPARE(table->model()->rowCount(), 0);
    from->setDate(kept);
    QCOMPARE(table->model()->rowCount(), 3);

    const QString path = m_settingsDir.filePath(QStringLiteral("orders.csv"));
    const auto written = m_panel->exportCsv(path);
    WXPAY_VERIFY_OK(written);
    QCOMPARE(written.value(), qint64(3));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4); // header + 3 orders
    QVERIFY(lines.first().contains(u"out_trade_no"));
    for (const QString& outTradeNo : std::as_const(made))
        QVERIFY(lines.join(u'\n').contains(outTradeNo));
    QVERIFY(child<QLabel>(*m_panel, "exportStatusLabel")->text().startsWith(u"3 order"));

    // A file that cannot be written is reported where the export was.
    const auto failed = m_panel->exportCsv(m_settingsDir.filePath(QStringLiteral("no/such/folder/orders.csv")));
    QVERIFY(!failed);
    QVERIFY(child<QWidget>(*m_panel, "listErrorBox")->isVisible());
}

QTEST_MAIN(TestOrdersPanel)
#include "tst_orderspanel.moc"
