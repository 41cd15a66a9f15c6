#include "takepaymentpanel.h"

#include "amountedit.h"
#include "errorbox.h"
#include "format.h"
#include "log.h"
#include "qrview.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace wxpay::ui {

using workflows::NativeCheckout;
using workflows::QuickPay;

namespace {

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

} // namespace

TakePaymentPanel::TakePaymentPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("takePaymentPanel"));
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

    // The order: amount, description, method.
    auto* form = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    m_amountLabel = new QLabel(this);
    m_amountLabel->setFont(labelFont);
    left->addWidget(m_amountLabel);
    m_amount = new AmountEdit(this);
    m_amount->setMaximumWidth(420);
    m_amountLabel->setBuddy(m_amount->lineEdit());
    left->addWidget(m_amount);
    m_ready = new QLabel(this);
    m_ready->setObjectName(QStringLiteral("readyLabel"));
    m_ready->setFont(labelFont);
    left->addWidget(m_ready);
    m_descriptionLabel = new QLabel(this);
    left->addWidget(m_descriptionLabel);
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("descriptionLineEdit"));
    m_description->setMaximumWidth(420);
    m_description->setMaxLength(127);
    m_descriptionLabel->setBuddy(m_description);
    left->addWidget(m_description);

    auto* methods = new QHBoxLayout;
    m_methodGroup = new QButtonGroup(this);
    m_nativeRadio = new QRadioButton(this);
    m_nativeRadio->setObjectName(QStringLiteral("nativeRadioButton"));
    m_nativeRadio->setChecked(true);
    m_quickPayRadio = new QRadioButton(this);
    m_quickPayRadio->setObjectName(QStringLiteral("quickPayRadioButton"));
    m_methodGroup->addButton(m_nativeRadio, static_cast<int>(Method::Native));
    m_methodGroup->addButton(m_quickPayRadio, static_cast<int>(Method::QuickPay));
    methods->addWidget(m_nativeRadio);
    methods->addWidget(m_quickPayRadio);
    methods->addStretch(1);
    left->addLayout(methods);

    m_methodStack = new QStackedWidget(this);
    m_methodStack->setMaximumWidth(420);
    auto* nativePage = new QWidget(m_methodStack);
    auto* nativeLayout = new QVBoxLayout(nativePage);
    nativeLayout->setContentsMargins(0, 0, 0, 0);
    m_startNative = makeButton(QStringLiteral("showQrPushButton"), nativePage);
    m_startNative->setFont(labelFont);
    nativeLayout->addWidget(m_startNative);
    nativeLayout->addStretch(1);
    m_methodStack->addWidget(nativePage);
    auto* quickPage = new QWidget(m_methodStack);
    auto* quickLayout = new QVBoxLayout(quickPage);
    quickLayout->setContentsMargins(0, 0, 0, 0);
    m_codeLabel = new QLabel(quickPage);
    quickLayout->addWidget(m_codeLabel);
    m_code = new QLineEdit(quickPage);
    m_code->setObjectName(QStringLiteral("paymentCodeLineEdit"));
    m_code->setFont(labelFont);
    m_code->setMaxLength(32);
    m_codeLabel->setBuddy(m_code);
    quickLayout->addWidget(m_code);
    m_codeHint = new QLabel(quickPage);
    m_codeHint->setWordWrap(true);
    quickLayout->addWidget(m_codeHint);
    quickLayout->addStretch(1);
    m_methodStack->addWidget(quickPage);
    left->addWidget(m_methodStack);

    m_newPayment = makeButton(QStringLiteral("newPaymentPushButton"), this);
    m_newPayment->setFont(labelFont);
    m_newPayment->setMaximumWidth(420);
    left->addWidget(m_newPayment);
    left->addStretch(1);
    form->addLayout(left, 2);

    // The running payment.
    auto* right = new QVBoxLayout;
    m_nativeBox = new QWidget(this);
    m_nativeBox->setObjectName(QStringLiteral("nativeBox"));
    auto* nativeBox = new QVBoxLayout(m_nativeBox);
    nativeBox->setContentsMargins(0, 0, 0, 0);
    m_qr = new QrView(m_nativeBox);
    m_qr->setObjectName(QStringLiteral("qrView"));
    nativeBox->addWidget(m_qr, 1);
    m_nativeStatus = new QLabel(m_nativeBox);
    m_nativeStatus->setObjectName(QStringLiteral("nativeStatusLabel"));
    m_nativeStatus->setFont(labelFont);
    m_nativeStatus->setWordWrap(true);
    nativeBox->addWidget(m_nativeStatus);
    auto* nativeButtons = new QHBoxLayout;
    m_closeOrder = makeButton(QStringLiteral("closeOrderPushButton"), m_nativeBox);
    m_customerPays = makeButton(QStringLiteral("customerPaysPushButton"), m_nativeBox);
    nativeButtons->addWidget(m_closeOrder);
    nativeButtons->addWidget(m_customerPays);
    nativeButtons->addStretch(1);
    nativeBox->addLayout(nativeButtons);
    right->addWidget(m_nativeBox, 1);

    m_quickPayBox = new QWidget(this);
    m_quickPayBox->setObjectName(QStringLiteral("quickPayBox"));
    auto* quickBox = new QVBoxLayout(m_quickPayBox);
    m_progress = new QLabel(m_quickPayBox);
    m_progress->setObjectName(QStringLiteral("quickPayProgressLabel"));
    m_progress->setFont(scaled(font(), 1.4));
    m_progress->setWordWrap(true);
    quickBox->addWidget(m_progress);
    m_result = new QLabel(m_quickPayBox);
    m_result->setObjectName(QStringLiteral("quickPayResultLabel"));
    m_result->setFont(scaled(font(), 4.0, true));
    m_result->setAlignment(Qt::AlignCenter);
    quickBox->addWidget(m_result);
    m_reason = new QLabel(m_quickPayBox);
    m_reason->setObjectName(QStringLiteral("quickPayReasonLabel"));
    m_reason->setFont(scaled(font(), 1.3));
    m_reason->setAlignment(Qt::AlignCenter);
    m_reason->setWordWrap(true);
    quickBox->addWidget(m_reason);
    m_cancel = makeButton(QStringLiteral("cancelPushButton"), m_quickPayBox);
    m_cancel->setFont(labelFont);
    quickBox->addWidget(m_cancel, 0, Qt::AlignLeft);
    quickBox->addStretch(1);
    right->addWidget(m_quickPayBox, 1);
    form->addLayout(right, 3);
    layout->addLayout(form, 1);

    // Errors, where the action was: one sentence, details on request.
    m_errorBox = new ErrorBox(this);
    layout->addWidget(m_errorBox);

    connect(m_amount, &AmountEdit::amountChanged, this, [this] { retranslateUi(); });
    connect(m_amount, &AmountEdit::acceptableChanged, this, [this] { retranslateUi(); });
    connect(m_methodGroup, &QButtonGroup::idClicked, this, [this](int id) { setMethod(static_cast<Method>(id)); });
    connect(m_startNative, &QPushButton::clicked, this, &TakePaymentPanel::startNative);
    connect(m_code, &QLineEdit::returnPressed, this, &TakePaymentPanel::startQuickPay);
    connect(m_closeOrder, &QPushButton::clicked, this, [this] {
        if (m_native)
            m_native->close();
    });
    connect(m_customerPays, &QPushButton::clicked, this, &TakePaymentPanel::customerPays);
    connect(m_qr, &QrView::expired, this, [this] {
        if (workflows::NativeCheckout* native = m_native.data(); native && !native->isFinished())
            native->close();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        QuickPay* quickPay = m_quickPay.data();
        if (!quickPay || quickPay->isFinished())
            return;
        m_cancelRequested = true;
        quickPay->cancel();
        renderQuickPay();
    });
    connect(m_newPayment, &QPushButton::clicked, this, &TakePaymentPanel::newPayment);

    setFocusProxy(m_amount);
    m_nativeBox->hide();
    m_quickPayBox->hide();
    setMethod(Method::Native);
    updateEnabled();
    retranslateUi();
}

TakePaymentPanel::~TakePaymentPanel() = default;

void TakePaymentPanel::setCurrency(const QString& currency)
{
    m_amount->setCurrency(currency);
    retranslateUi();
}

void TakePaymentPanel::setPaymentSetup(const PaymentSetup& setup)
{
    m_setup.reset();
    m_setup.emplace(setup);
    m_notReady.reset();
    m_qr->setClock(&m_setup->context.clock);
    m_errorBox->clear();
    updateEnabled();
    retranslateUi();
}

void TakePaymentPanel::setNotReady(NotReady reason)
{
    m_setup.reset();
    m_notReady = reason;
    updateEnabled();
    retranslateUi();
}

void TakePaymentPanel::showSetupError(const Error& error)
{
    setNotReady(NotReady::Failed);
    m_errorBox->showError(error);
}

bool TakePaymentPanel::isBusy() const
{
    // Each QPointer is read once: the workflow may be deleted between two reads.
    const workflows::NativeCheckout* native = m_native.data();
    const workflows::QuickPay* quickPay = m_quickPay.data();
    return (native && !native->isFinished()) || (quickPay && !quickPay->isFinished());
}

void TakePaymentPanel::setMethod(Method method)
{
    m_methodGroup->button(static_cast<int>(method))->setChecked(true);
    m_methodStack->setCurrentIndex(static_cast<int>(method));
    // A scanner types the 18 digits and Enter into whatever has the focus: make that the payment code field.
    if (method == Method::QuickPay)
        m_code->setFocus();
}

TakePaymentPanel::Method TakePaymentPanel::method() const
{
    return static_cast<Method>(m_methodGroup->checkedId());
}

void TakePaymentPanel::updateEnabled()
{
    const bool running = m_native || m_quickPay;
    const bool ready = m_setup.has_value() && !running;
    m_amount->setEnabled(!running);
    m_description->setEnabled(!running);
    m_nativeRadio->setEnabled(!running);
    m_quickPayRadio->setEnabled(!running);
    m_startNative->setEnabled(ready);
    m_code->setEnabled(ready);
    m_status->setVisible(m_notReady && *m_notReady != NotReady::Failed);
    m_newPayment->setVisible(running && !isBusy());
    const NativeCheckout* native = m_native.data();
    const bool nativeOpen = native && !native->isFinished();
    const bool nativeWaiting = native && native->stage() == NativeCheckout::Stage::WaitingForPayment;
    m_closeOrder->setVisible(nativeOpen);
    m_closeOrder->setEnabled(nativeWaiting);
    m_customerPays->setVisible(nativeOpen && m_setup && m_setup->customerPays);
    m_customerPays->setEnabled(nativeWaiting);
    const QuickPay* quickPay = m_quickPay.data();
    const bool quickPayOpen = quickPay && !quickPay->isFinished();
    m_cancel->setVisible(quickPayOpen);
    m_cancel->setEnabled(quickPayOpen && !m_cancelRequested);
}

void TakePaymentPanel::startNative()
{
    if (!m_setup || isBusy())
        return;
    m_errorBox->clear();
    workflows::NativeCheckoutRequest request;
    request.amount = m_amount->amount().value_or(Money());
    request.description = m_description->text().trimmed();
    request.deviceId = m_setup->deviceId;
    auto* native = new NativeCheckout(m_setup->context, m_setup->nativeOptions, this);
    connect(native, &NativeCheckout::stageChanged, this, &TakePaymentPanel::onNativeStage);
    connect(native, &NativeCheckout::finished, this, &TakePaymentPanel::onNativeFinished);
    if (const Status started = native->start(request); !started) {
        delete native;
        m_errorBox->showError(started.error());
        return;
    }
    m_native = native;
    m_qr->clear();
    m_nativeBox->show();
    m_quickPayBox->hide();
    renderNative();
    updateEnabled();
}

void TakePaymentPanel::startQuickPay()
{
    if (!m_setup || isBusy())
        return;
    m_errorBox->clear();
    workflows::QuickPayRequest request;
    request.authCode = m_code->text().trimmed();
    request.amount = m_amount->amount().value_or(Money());
    request.description = m_description->text().trimmed();
    request.deviceId = m_setup->deviceId;
    auto* quickPay = new QuickPay(m_setup->context, m_setup->quickPayOptions, this);
    connect(quickPay, &QuickPay::stageChanged, this, &TakePaymentPanel::onQuickPayStage);
    connect(quickPay, &QuickPay::finished, this, &TakePaymentPanel::onQuickPayFinished);
    m_quickPay = quickPay;
    m_quickPayStage.reset();
    m_cancelRequested = false;
    if (const Status started = quickPay->start(request); !started) {
        delete quickPay;
        m_code->selectAll();
        m_errorBox->showError(started.error());
        updateEnabled();
        return;
    }
    m_code->clear();
    m_nativeBox->hide();
    m_quickPayBox->show();
    renderQuickPay();
    updateEnabled();
}

void TakePaymentPanel::customerPays()
{
    const NativeCheckout* native = m_native.data();
    if (!native || !m_setup || !m_setup->customerPays)
        return;
    if (const Status paid = m_setup->customerPays(native->outTradeNo()); !paid) {
        m_errorBox->showError(paid.error());
    }
}

void TakePaymentPanel::onNativeStage(NativeCheckout::Stage stage)
{
    const NativeCheckout* native = m_native.data();
    if (stage == NativeCheckout::Stage::WaitingForPayment && native && m_setup) {
        const Status shown = m_qr->showOrder(
            native->codeUrl(), m_amount->amount().value_or(Money()), m_setup->merchantName, native->expiresAt());
        if (!shown) {
            m_errorBox->showError(shown.error());
        }
    }
    m_nativeStage = stage;
    renderNative();
    updateEnabled();
}

void TakePaymentPanel::onNativeFinished(const NativeCheckout::Outcome& outcome)
{
    m_nativeStage = outcome.stage;
    switch (outcome.stage) {
    case NativeCheckout::Stage::Paid:
        m_qr->setState(QrState::Paid);
        break;
    case NativeCheckout::Stage::Expired:
        m_qr->setState(QrState::Expired);
        break;
    case NativeCheckout::Stage::Closed:
        m_qr->setState(QrState::Closed);
        break;
    default:
        break;
    }
    if (outcome.error && outcome.stage != NativeCheckout::Stage::Paid)
        m_errorBox->showError(*outcome.error);
    renderNative();
    updateEnabled();
}

void TakePaymentPanel::onQuickPayStage(QuickPay::Stage stage, int /*attempt*/)
{
    m_quickPayStage = stage;
    renderQuickPay();
    updateEnabled();
}

void TakePaymentPanel::onQuickPayFinished(const QuickPay::Outcome& outcome)
{
    m_quickPayStage = outcome.stage;
    if (outcome.stage == QuickPay::Stage::NeedsAttention && outcome.error) {
        m_errorBox->showError(*outcome.error);
    } else if (outcome.error) {
        // The reason is on the result screen; the details stay at hand.
        m_errorBox->showError([] { return tr("What WeChat Pay said about this payment:"); }, outcome.error);
    }
    renderQuickPay();
    updateEnabled();
}

void TakePaymentPanel::renderNative()
{
    if (!m_native || !m_nativeStage) {
        m_nativeStatus->clear();
        return;
    }
    QString text;
    switch (*m_nativeStage) {
    case NativeCheckout::Stage::Idle:
    case NativeCheckout::Stage::Creating:
        text = tr("Creating the order…");
        break;
    case NativeCheckout::Stage::WaitingForPayment:
        text = tr("Waiting for the customer to scan and pay…");
        break;
    case NativeCheckout::Stage::Closing:
        text = tr("Closing the order…");
        break;
    case NativeCheckout::Stage::Paid:
        text = tr("Paid.");
        break;
    case NativeCheckout::Stage::Closed:
        text = tr("The order is closed: nothing was charged.");
        break;
    case NativeCheckout::Stage::Expired:
        text = tr("The QR code expired before the customer paid: nothing was charged.");
        break;
    case NativeCheckout::Stage::Refused:
        text = tr("WeChat Pay did not create the order.");
        break;
    case NativeCheckout::Stage::NeedsAttention:
        text = tr("The order's outcome is unclear: look it up in Orders before taking the payment again.");
        break;
    }
    m_nativeStatus->setText(text);
}

void TakePaymentPanel::renderQuickPay()
{
    const QuickPay* quickPay = m_quickPay.data();
    if (!quickPay)
        return;
    const auto& outcome = quickPay->outcome();
    if (!outcome) {
        QString text;
        switch (m_quickPayStage.value_or(QuickPay::Stage::Submitting)) {
        case QuickPay::Stage::WaitingForPassword:
            text = tr("Waiting for the customer to enter their password…");
            break;
        case QuickPay::Stage::Checking:
            text = tr("Checking with WeChat Pay whether the customer paid…");
            break;
        case QuickPay::Stage::Cancelling:
            text = tr("Cancelling the payment…");
            break;
        default:
            text = m_cancelRequested ? tr("Cancelling the payment…") : tr("Sending the payment…");
            break;
        }
        m_progress->setText(text);
        m_result->clear();
        m_reason->clear();
        return;
    }
    m_progress->clear();
    const QString money = m_amount->amount() ? formatMoney(*m_amount->amount()) : QString();
    QString reason;
    switch (outcome->stage) {
    case QuickPay::Stage::Paid:
        m_result->setText(tr("PAID"));
        m_result->setStyleSheet(QStringLiteral("color: #1b5e20;"));
        m_reason->setText(outcome->refundSuggested
                ? tr("%1 received. It could no longer be reversed: refund it in Refunds if the sale is cancelled.")
                      .arg(money)
                : tr("%1 received.").arg(money));
        return;
    case QuickPay::Stage::NeedsAttention:
        m_result->setText(tr("CHECK NEEDED"));
        m_result->setStyleSheet(QStringLiteral("color: #e65100;"));
        m_reason->setText(tr("The outcome is unclear: look it up in Orders before taking the payment again. The "
                             "console keeps asking WeChat Pay by itself."));
        return;
    default:
        break;
    }
    switch (outcome->reason) {
    case QuickPay::NotPaidReason::Declined:
        reason = outcome->error ? plainSentence(*outcome->error) : tr("WeChat Pay declined the payment.");
        break;
    case QuickPay::NotPaidReason::Failed:
        reason = tr("The payment failed on the customer's side: ask them to try again.");
        break;
    case QuickPay::NotPaidReason::NotCreated:
        reason = tr("WeChat Pay did not create the payment: nothing was charged.");
        break;
    case QuickPay::NotPaidReason::Reversed:
        reason = m_cancelRequested ? tr("Cancelled: the payment was reversed, nothing was charged.")
                                   : tr("The customer did not confirm in time: the payment was reversed, nothing "
                                        "was charged.");
        break;
    case QuickPay::NotPaidReason::NotSent:
    case QuickPay::NotPaidReason::None:
        reason = tr("The payment was not sent.");
        break;
    }
    m_result->setText(tr("NOT PAID"));
    m_result->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_reason->setText(reason);
}

void TakePaymentPanel::newPayment()
{
    if (isBusy())
        return;
    if (NativeCheckout* native = m_native.data())
        native->deleteLater();
    if (QuickPay* quickPay = m_quickPay.data())
        quickPay->deleteLater();
    m_native = nullptr;
    m_quickPay = nullptr;
    m_nativeStage.reset();
    m_quickPayStage.reset();
    m_cancelRequested = false;
    m_qr->clear();
    m_nativeBox->hide();
    m_quickPayBox->hide();
    m_errorBox->clear();
    m_amount->lineEdit()->clear();
    updateEnabled();
    retranslateUi();
    m_amount->setFocus();
}

void TakePaymentPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TakePaymentPanel::retranslateUi()
{
    m_title->setText(tr("Take payment"));
    m_status->setText(m_notReady == NotReady::PreparingSandbox ? tr("Preparing the sandbox…")
            : m_notReady == NotReady::OpeningProfile           ? tr("Opening the merchant profile…")
                                                               : QString());
    m_amountLabel->setText(tr("Amount (%1):").arg(m_amount->currency()));
    const auto amount = m_amount->amount();
    m_ready->setText(amount ? tr("Amount to collect: %1").arg(formatMoney(*amount)) : QString());
    m_descriptionLabel->setText(tr("Description:"));
    if (!m_description->isModified())
        m_description->setText(tr("Goods"));
    m_nativeRadio->setText(tr("QR code (customer scans)"));
    m_quickPayRadio->setText(tr("Payment code (scan the customer)"));
    m_startNative->setText(tr("Show QR code"));
    m_codeLabel->setText(tr("Customer's payment code:"));
    m_codeHint->setText(tr("Scan the code in the customer's WeChat; the payment starts when the scanner sends Enter."));
    m_closeOrder->setText(tr("Close order"));
    m_customerPays->setText(tr("Customer scans and pays (sandbox)"));
    m_cancel->setText(tr("Cancel payment"));
    m_newPayment->setText(tr("New payment"));
    renderNative();
    renderQuickPay();
}

} // namespace wxpay::ui
