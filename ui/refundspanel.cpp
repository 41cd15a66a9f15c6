#include "refundspanel.h"

#include "amountedit.h"
#include "errorbox.h"
#include "format.h"
#include "log.h"
#include "pindialog.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace wxpay::ui {

using workflows::RefundCheck;
using workflows::RefundStartRequest;
using workflows::RefundWorkflow;
using Stage = workflows::RefundWorkflow::Stage;

namespace {

constexpr int kListedRefunds = 100;

// What a cashier reads first comes first; the refund's own number may need scrolling to.
enum Column
{
    TimeColumn,
    OrderColumn,
    AmountColumn,
    StatusColumn,
    RefundNoColumn,
    ColumnCount
};

QFont scaled(QFont font, qreal factor, bool bold = false)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

QPushButton* makeButton(const QString& name, QWidget* parent)
{
    auto* button = new QPushButton(parent);
    button->setObjectName(name);
    button->setAutoDefault(false);
    return button;
}

QString orderStateText(TradeState state)
{
    switch (state) {
    case TradeState::Success:
        return RefundsPanel::tr("paid");
    case TradeState::Refund:
        return RefundsPanel::tr("paid, with refunds");
    case TradeState::NotPay:
        return RefundsPanel::tr("not paid yet");
    case TradeState::UserPaying:
        return RefundsPanel::tr("waiting for the customer's password");
    case TradeState::Closed:
        return RefundsPanel::tr("closed");
    case TradeState::Revoked:
        return RefundsPanel::tr("cancelled");
    case TradeState::PayError:
        return RefundsPanel::tr("payment failed");
    case TradeState::Accept:
        return RefundsPanel::tr("accepted, not paid yet");
    case TradeState::Unknown:
        break;
    }
    return RefundsPanel::tr("not confirmed by WeChat Pay");
}

QString refundStatusText(RefundStatus status)
{
    switch (status) {
    case RefundStatus::Processing:
        return RefundsPanel::tr("Being paid back");
    case RefundStatus::Success:
        return RefundsPanel::tr("Refunded");
    case RefundStatus::Closed:
        return RefundsPanel::tr("Closed");
    case RefundStatus::Abnormal:
    case RefundStatus::Change:
        return RefundsPanel::tr("Abnormal");
    case RefundStatus::Unknown:
        break;
    }
    return RefundsPanel::tr("Not confirmed");
}

QString atMostSentence(const Money& most)
{
    return RefundsPanel::tr("At most %1 can still be refunded on this order.").arg(formatMoney(most));
}

QStandardItem* item(const QString& text)
{
    auto* cell = new QStandardItem(text);
    cell->setEditable(false);
    return cell;
}

} // namespace

RefundsPanel::RefundsPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("refundsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(10);
    const QFont labelFont = scaled(font(), 1.2);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("panelTitleLabel"));
    m_title->setFont(scaled(font(), 1.6, true));
    layout->addWidget(m_title);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setFont(labelFont);
    m_status->setStyleSheet(
        QStringLiteral("background: #fff8e1; border: 1px solid #ffcc80; border-radius: 4px; padding: 8px;"));
    layout->addWidget(m_status);

    // The refund: order, amount, reason.
    auto* columns = new QHBoxLayout;
    columns->setSpacing(24);
    // The form needs little width; the list of refunds, with two 23-character numbers per row, takes the rest.
    auto* form = new QWidget(this);
    form->setMaximumWidth(400);
    auto* left = new QVBoxLayout(form);
    left->setContentsMargins(0, 0, 0, 0);
    m_orderLabel = new QLabel(form);
    m_orderLabel->setWordWrap(true);
    left->addWidget(m_orderLabel);
    auto* orderRow = new QHBoxLayout;
    m_outTradeNo = new QLineEdit(form);
    m_outTradeNo->setObjectName(QStringLiteral("outTradeNoLineEdit"));
    m_outTradeNo->setMaxLength(32);
    m_outTradeNo->setClearButtonEnabled(true);
    m_orderLabel->setBuddy(m_outTradeNo);
    orderRow->addWidget(m_outTradeNo, 1);
    m_load = makeButton(QStringLiteral("loadOrderPushButton"), form);
    orderRow->addWidget(m_load);
    left->addLayout(orderRow);
    m_orderInfo = new QLabel(form);
    m_orderInfo->setObjectName(QStringLiteral("orderInfoLabel"));
    m_orderInfo->setWordWrap(true);
    m_orderInfo->setFont(labelFont);
    m_orderInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    left->addWidget(m_orderInfo);

    m_amountLabel = new QLabel(form);
    m_amountLabel->setFont(labelFont);
    left->addWidget(m_amountLabel);
    m_amount = new AmountEdit(form);
    m_amountLabel->setBuddy(m_amount->lineEdit());
    left->addWidget(m_amount);
    m_amountProblemLabel = new QLabel(form);
    m_amountProblemLabel->setObjectName(QStringLiteral("refundProblemLabel"));
    m_amountProblemLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_amountProblemLabel->setWordWrap(true);
    m_amountProblemLabel->hide();
    left->addWidget(m_amountProblemLabel);

    m_reasonLabel = new QLabel(form);
    m_reasonLabel->setWordWrap(true);
    left->addWidget(m_reasonLabel);
    m_reason = new QLineEdit(form);
    m_reason->setObjectName(QStringLiteral("reasonLineEdit"));
    m_reason->setMaxLength(80);
    m_reasonLabel->setBuddy(m_reason);
    left->addWidget(m_reason);

    m_refundButton = makeButton(QStringLiteral("refundPushButton"), form);
    m_refundButton->setFont(labelFont);
    left->addWidget(m_refundButton);
    m_stage = new QLabel(form);
    m_stage->setObjectName(QStringLiteral("refundStageLabel"));
    m_stage->setFont(scaled(font(), 1.3));
    m_stage->setWordWrap(true);
    left->addWidget(m_stage);
    m_errorBox = new ErrorBox(form);
    left->addWidget(m_errorBox);
    left->addStretch(1);
    columns->addWidget(form, 2);

    // The profile's latest refunds.
    auto* right = new QVBoxLayout;
    m_listTitle = new QLabel(this);
    m_listTitle->setFont(scaled(font(), 1.2, true));
    right->addWidget(m_listTitle);
    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("refundsTableView"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    right->addWidget(m_table, 1);
    auto* checkRow = new QHBoxLayout;
    m_checkPending = makeButton(QStringLiteral("checkPendingPushButton"), this);
    checkRow->addWidget(m_checkPending);
    m_checkProgress = new QProgressBar(this);
    m_checkProgress->setObjectName(QStringLiteral("checkPendingProgressBar"));
    m_checkProgress->setRange(0, 0);
    m_checkProgress->setTextVisible(false);
    m_checkProgress->setMaximumWidth(160);
    m_checkProgress->hide();
    checkRow->addWidget(m_checkProgress);
    checkRow->addStretch(1);
    right->addLayout(checkRow);
    m_checkResult = new QLabel(this);
    m_checkResult->setObjectName(QStringLiteral("checkPendingResultLabel"));
    m_checkResult->setWordWrap(true);
    right->addWidget(m_checkResult);
    m_listErrorBox = new ErrorBox(this);
    m_listErrorBox->setObjectName(QStringLiteral("listErrorBox"));
    right->addWidget(m_listErrorBox);
    columns->addLayout(right, 3);
    layout->addLayout(columns, 1);

    connect(m_outTradeNo, &QLineEdit::returnPressed, this, [this] { loadOrder(true); });
    connect(m_load, &QPushButton::clicked, this, [this] { loadOrder(true); });
    connect(m_outTradeNo, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (text.trimmed() != m_loadedOrder)
            clearOrder();
    });
    connect(m_amount, &AmountEdit::amountChanged, this, &RefundsPanel::checkAmount);
    connect(m_amount, &AmountEdit::acceptableChanged, this, &RefundsPanel::checkAmount);
    connect(m_amount, &AmountEdit::submitted, this, &RefundsPanel::requestRefund);
    connect(m_reason, &QLineEdit::returnPressed, this, &RefundsPanel::requestRefund);
    connect(m_refundButton, &QPushButton::clicked, this, &RefundsPanel::requestRefund);
    connect(m_checkPending, &QPushButton::clicked, this, &RefundsPanel::checkPending);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (index.isValid() && index.row() < m_rows.size())
            setOrder(m_rows.at(index.row()).outTradeNo);
    });

    setTabOrder(m_outTradeNo, m_load);
    setTabOrder(m_load, m_amount->lineEdit());
    setTabOrder(m_amount->lineEdit(), m_reason);
    setTabOrder(m_reason, m_refundButton);
    setTabOrder(m_refundButton, m_table);
    setTabOrder(m_table, m_checkPending);
    setFocusProxy(m_outTradeNo);
    updateEnabled();
    retranslateUi();
}

RefundsPanel::~RefundsPanel() = default;

void RefundsPanel::setContext(const workflows::WorkflowContext& context, credentials::CredentialStore* pins)
{
    ++m_generation;
    if (QWidget* dialog = m_dialog.data())
        dialog->close();
    m_confirming = false;
    if (RefundCheck* check = m_check.data())
        check->deleteLater();
    m_context.reset();
    m_context.emplace(context);
    m_pins = pins;
    m_check = new RefundCheck(*m_context, this);
    connect(m_check, &RefundCheck::finished, this, &RefundsPanel::onCheckFinished);
    m_checkText = nullptr;
    m_errorBox->clear();
    m_listErrorBox->clear();
    clearOrder();
    if (!m_outTradeNo->text().trimmed().isEmpty())
        loadOrder(true);
    reloadRefunds();
    updateEnabled();
    retranslateUi();
}

bool RefundsPanel::isBusy() const
{
    const RefundWorkflow* refund = m_refund.data();
    const RefundCheck* check = m_check.data();
    return (refund && !refund->isFinished()) || (check && check->isRunning());
}

void RefundsPanel::setOrder(const QString& outTradeNo)
{
    m_outTradeNo->setText(outTradeNo.trimmed());
    loadOrder(true);
    if (m_refundable)
        m_amount->setFocus();
}

void RefundsPanel::clearOrder()
{
    m_loadedOrder.clear();
    m_order.reset();
    m_refundable.reset();
    m_orderText = nullptr;
    m_amountProblem = nullptr;
    renderOrder();
    updateEnabled();
}

void RefundsPanel::loadOrder(bool prefill)
{
    if (!m_context)
        return;
    const QString outTradeNo = m_outTradeNo->text().trimmed();
    clearOrder();
    if (outTradeNo.isEmpty()) {
        m_orderText = [] { return tr("Enter the merchant order number (out_trade_no) of the order to refund."); };
        renderOrder();
        return;
    }
    m_loadedOrder = outTradeNo;
    auto order = m_context->orders.findByOutTradeNo(m_context->profileId, outTradeNo);
    if (!order) {
        m_errorBox->showError(order.error());
        return;
    }
    if (!order.value()) {
        m_orderText = [outTradeNo] {
            return tr("Order %1 is not in this till's history: look it up in Orders first, then refund it here.")
                .arg(outTradeNo);
        };
        renderOrder();
        return;
    }
    const storage::OrderRecord record = *order.value();
    auto remainder = RefundWorkflow::refundable(*m_context, outTradeNo);
    if (!remainder) {
        if (remainder.error().code == u"ORDER_NOT_PAID") {
            const TradeState state = record.state;
            m_orderText = [outTradeNo, state] {
                return tr("Order %1 is %2: there is nothing to refund.").arg(outTradeNo, orderStateText(state));
            };
            renderOrder();
        } else {
            m_errorBox->showError(remainder.error());
        }
        return;
    }
    m_order = record;
    m_refundable = remainder.value();
    m_amount->setCurrency(record.amount.currency());
    // The remainder is the default; an amount the cashier typed stays unless the order was (re)loaded on request.
    if (prefill || m_amount->lineEdit()->text().trimmed().isEmpty()) {
        if (m_refundable->isZero())
            m_amount->clear();
        else
            m_amount->lineEdit()->setText(m_refundable->toString());
    }
    checkAmount();
    renderOrder();
    updateEnabled();
}

void RefundsPanel::checkAmount()
{
    const auto amount = m_amount->amount();
    if (amount && m_refundable && amount->currency() == m_refundable->currency()
        && amount->minorUnits() > m_refundable->minorUnits()) {
        const Money most = *m_refundable;
        showAmountProblem([most] { return atMostSentence(most); });
    } else if (m_amountProblem) {
        showAmountProblem(nullptr);
    }
}

void RefundsPanel::showAmountProblem(std::function<QString()> text)
{
    m_amountProblem = std::move(text);
    m_amountProblemLabel->setText(m_amountProblem ? m_amountProblem() : QString());
    m_amountProblemLabel->setVisible(static_cast<bool>(m_amountProblem));
}

void RefundsPanel::requestRefund()
{
    if (!m_context || isBusy() || m_confirming)
        return;
    m_errorBox->clear();
    if (m_outTradeNo->text().trimmed() != m_loadedOrder || !m_refundable)
        loadOrder(false);
    if (!m_refundable || !m_order)
        return;
    if (m_refundable->isZero()) {
        showAmountProblem([] { return tr("Nothing is left to refund on this order."); });
        return;
    }
    const auto amount = m_amount->amount();
    if (!amount) {
        showAmountProblem([] { return tr("Enter the amount to refund."); });
        m_amount->setFocus();
        return;
    }
    checkAmount();
    if (m_amountProblem) {
        m_amount->setFocus();
        return;
    }
    RefundStartRequest request;
    request.outTradeNo = m_loadedOrder;
    request.amount = *amount;
    request.reason = m_reason->text().trimmed();

    auto* box = new QMessageBox(QMessageBox::Question, tr("Confirm refund"),
        tr("Refund %1 of order %2 to the customer?").arg(formatMoney(request.amount), request.outTradeNo),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("refundConfirmMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!request.reason.isEmpty())
        box->setInformativeText(tr("Reason shown to the customer: %1").arg(request.reason));
    QPushButton* refundButton
        = box->addButton(tr("Refund %1").arg(formatMoney(request.amount)), QMessageBox::AcceptRole);
    refundButton->setObjectName(QStringLiteral("confirmRefundPushButton"));
    QPushButton* keepButton = box->addButton(tr("Don't refund"), QMessageBox::RejectRole);
    keepButton->setObjectName(QStringLiteral("cancelRefundPushButton"));
    // Money leaves the shop: Enter alone must not do it.
    box->setDefaultButton(keepButton);
    box->setEscapeButton(keepButton);
    // finished, not buttonClicked: closing the box in any way must end the confirmation.
    connect(box, &QMessageBox::finished, this, [this, box, request, refundButton] {
        if (box->clickedButton() == refundButton) {
            confirmed(request);
        } else {
            m_confirming = false;
            updateEnabled();
        }
    });
    m_confirming = true;
    m_dialog = box;
    updateEnabled();
    box->open();
}

void RefundsPanel::confirmed(const RefundStartRequest& request)
{
    if (!m_pins) {
        startRefund(request);
        return;
    }
    const quint64 generation = m_generation;
    readManagerPinState(*m_pins, m_context->profileId, this, [this, request, generation](Result<bool> pinSet) {
        if (generation != m_generation)
            return;
        if (!pinSet) {
            m_confirming = false;
            updateEnabled();
            m_errorBox->showError(
                [error = pinSet.error()] {
                    return tr("The manager PIN could not be checked, so the refund was not sent. %1")
                        .arg(explainPinError(error));
                },
                pinSet.error());
            return;
        }
        if (!pinSet.value()) {
            startRefund(request);
            return;
        }
        auto* dialog = new PinDialog(m_pins, m_context->profileId, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        const QString money = formatMoney(request.amount);
        const QString order = request.outTradeNo;
        dialog->setPrompt(
            [money, order] { return tr("Enter the manager PIN to refund %1 of order %2.").arg(money, order); });
        connect(dialog, &QDialog::finished, this, [this, request](int result) {
            if (result == QDialog::Accepted) {
                startRefund(request);
            } else {
                m_confirming = false;
                updateEnabled();
            }
        });
        m_dialog = dialog;
        dialog->open();
    });
}

void RefundsPanel::startRefund(const RefundStartRequest& request)
{
    m_confirming = false;
    if (!m_context || isBusy())
        return;
    if (RefundWorkflow* previous = m_refund.data())
        previous->deleteLater();
    auto* refund = new RefundWorkflow(*m_context, {}, this);
    connect(refund, &RefundWorkflow::stageChanged, this, &RefundsPanel::onRefundStage);
    connect(refund, &RefundWorkflow::finished, this, &RefundsPanel::onRefundFinished);
    // Set first: start() already reports the Sending stage.
    m_refund = refund;
    m_refundAmount = request.amount;
    if (const Status started = refund->start(request); !started) {
        m_refund = nullptr;
        delete refund;
        const Error error = started.error();
        loadOrder(false);
        if (error.code == u"AMOUNT_OVER_REFUNDABLE" && m_refundable) {
            const Money most = *m_refundable;
            showAmountProblem([most] { return atMostSentence(most); });
        } else {
            m_errorBox->showError(error);
        }
        renderStage();
        updateEnabled();
        return;
    }
    qCInfo(lcUi) << "refund started" << refund->outRefundNo() << "on order" << request.outTradeNo;
    // The row is written: the remainder and the list already count it.
    loadOrder(true);
    reloadRefunds();
    renderStage();
    updateEnabled();
}

void RefundsPanel::onRefundStage(Stage /*stage*/)
{
    renderStage();
    reloadRefunds();
    updateEnabled();
}

void RefundsPanel::onRefundFinished(const RefundWorkflow::Outcome& outcome)
{
    if (outcome.error && (outcome.stage == Stage::Refused || outcome.stage == Stage::NeedsAttention))
        m_errorBox->showError(*outcome.error);
    renderStage();
    // A closed or refused refund gives its amount back.
    if (m_loadedOrder == outcome.outTradeNo)
        loadOrder(false);
    reloadRefunds();
    updateEnabled();
}

void RefundsPanel::checkPending()
{
    RefundCheck* check = m_check.data();
    if (!m_context || !check || check->isRunning())
        return;
    m_listErrorBox->clear();
    auto pending = m_context->refunds.pending(m_context->profileId);
    if (!pending) {
        m_listErrorBox->showError(pending.error());
        return;
    }
    if (const Status started = check->checkPending(); !started) {
        m_listErrorBox->showError(started.error());
        return;
    }
    const qsizetype count = pending->size();
    m_checkText = [count] { return tr("Asking WeChat Pay about the pending refunds (%1)…").arg(count); };
    updateEnabled();
    retranslateUi();
}

void RefundsPanel::onCheckFinished(const RefundCheck::Outcome& outcome)
{
    int refunded = 0;
    int processing = 0;
    int other = 0;
    for (const storage::RefundRecord& record : outcome.records) {
        switch (record.status) {
        case RefundStatus::Success:
            ++refunded;
            break;
        case RefundStatus::Processing:
        case RefundStatus::Unknown:
            ++processing;
            break;
        case RefundStatus::Closed:
        case RefundStatus::Abnormal:
        case RefundStatus::Change:
            ++other;
            break;
        }
    }
    const qsizetype checked = outcome.records.size();
    if (checked == 0 && !outcome.error) {
        m_checkText = [] { return tr("No refund is waiting for WeChat Pay."); };
    } else {
        m_checkText = [checked, refunded, processing, other] {
            return tr("Pending refunds checked: %1. Refunded: %2. Still being paid back: %3. Closed or abnormal: %4.")
                .arg(checked)
                .arg(refunded)
                .arg(processing)
                .arg(other);
        };
    }
    if (outcome.error)
        m_listErrorBox->showError(*outcome.error);
    if (!m_loadedOrder.isEmpty())
        loadOrder(false);
    reloadRefunds();
    updateEnabled();
    retranslateUi();
}

void RefundsPanel::reloadRefunds()
{
    m_rows.clear();
    if (m_context) {
        auto rows = m_context->refunds.recent(m_context->profileId, kListedRefunds);
        if (rows)
            m_rows = std::move(rows).value();
        else
            m_listErrorBox->showError(rows.error());
    }
    renderRefunds();
}

void RefundsPanel::renderRefunds()
{
    m_model->removeRows(0, m_model->rowCount());
    for (const storage::RefundRecord& refund : std::as_const(m_rows)) {
        QList<QStandardItem*> row(ColumnCount);
        row[TimeColumn] = item(refund.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        row[OrderColumn] = item(refund.outTradeNo);
        row[RefundNoColumn] = item(refund.outRefundNo);
        row[AmountColumn] = item(formatMoney(refund.amount));
        row[AmountColumn]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row[StatusColumn] = item(refundStatusText(refund.status));
        row[StatusColumn]->setData(refundStatusName(refund.status), Qt::UserRole);
        if (!refund.lastError.isEmpty())
            row[StatusColumn]->setToolTip(refund.lastError);
        m_model->appendRow(row);
    }
    m_table->resizeColumnsToContents();
}

void RefundsPanel::updateEnabled()
{
    const bool ready = m_context.has_value();
    const RefundWorkflow* refund = m_refund.data();
    const bool refunding = refund && !refund->isFinished();
    const RefundCheck* check = m_check.data();
    const bool checking = check && check->isRunning();
    const bool idle = ready && !refunding && !m_confirming;
    m_status->setVisible(!ready);
    m_outTradeNo->setEnabled(ready && !m_confirming);
    m_load->setEnabled(ready && !m_confirming);
    m_amount->setEnabled(idle);
    m_reason->setEnabled(idle);
    m_refundButton->setEnabled(idle && m_refundable && !m_refundable->isZero());
    m_checkPending->setEnabled(ready && !checking);
    m_checkProgress->setVisible(checking);
}

void RefundsPanel::renderOrder()
{
    QString text;
    if (m_order && m_refundable) {
        const Money total = m_order->amount;
        const Money left = *m_refundable;
        const auto refunded = total.minus(left);
        text = tr("Order %1: %2, %3.").arg(m_order->outTradeNo, formatMoney(total), orderStateText(m_order->state));
        text += u'\n'
            + tr("Refunded or being refunded: %1. Can still be refunded: %2.")
                  .arg(refunded ? formatMoney(*refunded) : QString(), formatMoney(left));
    } else if (m_orderText) {
        text = m_orderText();
    }
    m_orderInfo->setText(text);
    m_orderInfo->setVisible(!text.isEmpty());
    m_amountProblemLabel->setText(m_amountProblem ? m_amountProblem() : QString());
    m_amountProblemLabel->setVisible(static_cast<bool>(m_amountProblem));
}

void RefundsPanel::renderStage()
{
    const RefundWorkflow* refund = m_refund.data();
    if (!refund || refund->stage() == Stage::Idle) {
        m_stage->clear();
        m_stage->setStyleSheet(QString());
        return;
    }
    const QString money = m_refundAmount ? formatMoney(*m_refundAmount) : QString();
    const auto& outcome = refund->outcome();
    QString text;
    QString color;
    switch (refund->stage()) {
    case Stage::Idle:
    case Stage::Sending:
        text = tr("Sending the refund of %1 to WeChat Pay…").arg(money);
        break;
    case Stage::Processing:
        text = tr("WeChat Pay accepted the refund and is paying %1 back to the customer…").arg(money);
        break;
    case Stage::Succeeded:
        text = tr("Refunded: %1 went back to the customer.").arg(money);
        color = QStringLiteral("#1b5e20");
        break;
    case Stage::Closed:
        text = tr("WeChat Pay closed the refund: nothing was paid back.");
        color = QStringLiteral("#b71c1c");
        break;
    case Stage::Abnormal:
        text = tr("The refund is abnormal (for example the customer's card was cancelled): handle it at the WeChat "
                  "Pay merchant platform.");
        color = QStringLiteral("#e65100");
        break;
    case Stage::Refused: {
        const std::optional<Error> error = outcome ? outcome->error : std::nullopt;
        const QString why = !error               ? QString()
            : error->kind == ErrorKind::Business ? error->message
                                                 : plainSentence(*error);
        text = why.isEmpty() ? tr("WeChat Pay refused the refund: nothing was paid back.")
                             : tr("WeChat Pay refused the refund: %1").arg(why);
        color = QStringLiteral("#b71c1c");
        break;
    }
    case Stage::NeedsAttention:
        text = tr("The refund is not settled yet. It is kept: use “Check all pending refunds” later.");
        color = QStringLiteral("#e65100");
        break;
    }
    m_stage->setText(text);
    m_stage->setStyleSheet(color.isEmpty() ? QString() : u"color: " + color + u';');
}

void RefundsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RefundsPanel::retranslateUi()
{
    m_title->setText(tr("Refunds"));
    m_status->setText(tr("Opening the merchant profile…"));
    m_orderLabel->setText(tr("Merchant order number (out_trade_no):"));
    m_outTradeNo->setPlaceholderText(tr("Scan or type the order number, then Enter"));
    m_load->setText(tr("Show order"));
    m_amountLabel->setText(tr("Refund amount (%1):").arg(m_amount->currency()));
    m_reasonLabel->setText(tr("Reason (optional, shown to the customer):"));
    m_refundButton->setText(tr("Refund…"));
    m_listTitle->setText(tr("Latest refunds"));
    m_model->setHorizontalHeaderLabels(
        { tr("Time"), tr("Order (out_trade_no)"), tr("Amount"), tr("Status"), tr("Refund (out_refund_no)") });
    m_checkPending->setText(tr("Check all pending refunds"));
    m_checkResult->setText(m_checkText ? m_checkText() : QString());
    m_checkResult->setVisible(static_cast<bool>(m_checkText));
    renderOrder();
    renderStage();
    renderRefunds();
}

} // namespace wxpay::ui
