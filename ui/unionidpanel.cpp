#include "unionidpanel.h"

#include "errorbox.h"
#include "log.h"

#include <QButtonGroup>
#include <QClipboard>
#include <QEvent>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace wxpay::ui {

using workflows::UnionIdLookup;

namespace {

const QString kInvalidStyle = QStringLiteral("QLineEdit { border: 2px solid #c62828; border-radius: 3px; }");

QFont scaled(QFont font, qreal factor, bool bold = false)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

QLineEdit* makeLineEdit(const QString& name, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setMaxLength(128);
    return edit;
}

QLabel* makeSentence(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    return label;
}

} // namespace

UnionIdPanel::UnionIdPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("unionIdPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(10);
    const QFont labelFont = scaled(font(), 1.2);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("panelTitleLabel"));
    m_title->setFont(scaled(font(), 1.6, true));
    layout->addWidget(m_title);

    m_status = makeSentence(QStringLiteral("statusLabel"), this);
    m_status->setFont(labelFont);
    m_status->setStyleSheet(
        QStringLiteral("background: #fff8e1; border: 1px solid #ffcc80; border-radius: 4px; padding: 8px;"));
    layout->addWidget(m_status);

    m_intro = makeSentence(QStringLiteral("introLabel"), this);
    layout->addWidget(m_intro);
    m_window = makeSentence(QStringLiteral("windowHintLabel"), this);
    m_window->setFont(scaled(font(), 1.0, true));
    layout->addWidget(m_window);

    // The query.
    auto* formWidget = new QWidget(this);
    formWidget->setMaximumWidth(760);
    m_form = new QFormLayout(formWidget);
    m_form->setContentsMargins(0, 8, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    m_openidLabel = new QLabel(formWidget);
    m_openid = makeLineEdit(QStringLiteral("openidLineEdit"), formWidget);
    m_openidLabel->setBuddy(m_openid);
    m_form->addRow(m_openidLabel, m_openid);

    m_orderLabel = new QLabel(formWidget);
    auto* byWidget = new QWidget(formWidget);
    auto* byLayout = new QHBoxLayout(byWidget);
    byLayout->setContentsMargins(0, 0, 0, 0);
    m_byGroup = new QButtonGroup(this);
    m_byTransactionId = new QRadioButton(byWidget);
    m_byTransactionId->setObjectName(QStringLiteral("byTransactionIdRadioButton"));
    m_byOutTradeNo = new QRadioButton(byWidget);
    m_byOutTradeNo->setObjectName(QStringLiteral("byOutTradeNoRadioButton"));
    m_byGroup->addButton(m_byTransactionId, static_cast<int>(By::TransactionId));
    m_byGroup->addButton(m_byOutTradeNo, static_cast<int>(By::OutTradeNo));
    byLayout->addWidget(m_byTransactionId);
    byLayout->addWidget(m_byOutTradeNo);
    byLayout->addStretch(1);
    m_form->addRow(m_orderLabel, byWidget);

    m_transactionIdLabel = new QLabel(formWidget);
    m_transactionId = makeLineEdit(QStringLiteral("transactionIdLineEdit"), formWidget);
    m_transactionIdLabel->setBuddy(m_transactionId);
    m_form->addRow(m_transactionIdLabel, m_transactionId);
    m_mchIdLabel = new QLabel(formWidget);
    m_mchId = makeLineEdit(QStringLiteral("mchIdLineEdit"), formWidget);
    m_mchIdLabel->setBuddy(m_mchId);
    m_form->addRow(m_mchIdLabel, m_mchId);
    m_outTradeNoLabel = new QLabel(formWidget);
    m_outTradeNo = makeLineEdit(QStringLiteral("outTradeNoLineEdit"), formWidget);
    m_outTradeNoLabel->setBuddy(m_outTradeNo);
    m_form->addRow(m_outTradeNoLabel, m_outTradeNo);

    m_accessTokenLabel = new QLabel(formWidget);
    m_accessToken = makeLineEdit(QStringLiteral("accessTokenLineEdit"), formWidget);
    m_accessToken->setMaxLength(1024);
    // A credential: shown while it is pasted, hidden afterwards.
    m_accessToken->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_accessTokenLabel->setBuddy(m_accessToken);
    m_form->addRow(m_accessTokenLabel, m_accessToken);
    m_accessTokenHint = makeSentence(QStringLiteral("accessTokenHintLabel"), formWidget);
    m_form->addRow(QString(), m_accessTokenHint);
    layout->addWidget(formWidget);

    m_inputError = makeSentence(QStringLiteral("inputErrorLabel"), this);
    m_inputError->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_inputError->setMaximumWidth(760);
    layout->addWidget(m_inputError);

    auto* actions = new QHBoxLayout;
    m_lookUp = new QPushButton(this);
    m_lookUp->setObjectName(QStringLiteral("lookUpPushButton"));
    m_lookUp->setFont(labelFont);
    actions->addWidget(m_lookUp);
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("progressLabel"));
    actions->addWidget(m_progress);
    actions->addStretch(1);
    layout->addLayout(actions);

    // The answer.
    m_resultBox = new QWidget(this);
    m_resultBox->setObjectName(QStringLiteral("resultBox"));
    m_resultBox->setAttribute(Qt::WA_StyledBackground);
    m_resultBox->setStyleSheet(QStringLiteral("#resultBox { background: #e8f5e9; border: 1px solid #81c784; }"));
    m_resultBox->setMaximumWidth(760);
    auto* resultLayout = new QVBoxLayout(m_resultBox);
    m_resultTitle = new QLabel(m_resultBox);
    m_resultTitle->setFont(labelFont);
    resultLayout->addWidget(m_resultTitle);
    auto* unionIdLine = new QHBoxLayout;
    m_unionId = new QLabel(m_resultBox);
    m_unionId->setObjectName(QStringLiteral("unionIdResultLabel"));
    m_unionId->setFont(scaled(font(), 2.0, true));
    m_unionId->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    unionIdLine->addWidget(m_unionId, 1);
    m_copy = new QPushButton(m_resultBox);
    m_copy->setObjectName(QStringLiteral("copyUnionIdPushButton"));
    unionIdLine->addWidget(m_copy, 0, Qt::AlignVCenter);
    resultLayout->addLayout(unionIdLine);
    m_stored = makeSentence(QStringLiteral("storedOnOrderLabel"), m_resultBox);
    resultLayout->addWidget(m_stored);
    layout->addWidget(m_resultBox);

    m_errorBox = new ErrorBox(this);
    m_errorBox->setMaximumWidth(760);
    layout->addWidget(m_errorBox);
    layout->addStretch(1);

    connect(m_byGroup, &QButtonGroup::idClicked, this, [this](int id) {
        setBy(static_cast<By>(id));
        clearInputError();
    });
    for (QLineEdit* edit : { m_openid, m_transactionId, m_mchId, m_outTradeNo, m_accessToken }) {
        connect(edit, &QLineEdit::returnPressed, this, &UnionIdPanel::lookUp);
        connect(edit, &QLineEdit::textEdited, this, [this, edit] {
            if (!edit->styleSheet().isEmpty())
                clearInputError();
        });
    }
    connect(m_lookUp, &QPushButton::clicked, this, &UnionIdPanel::lookUp);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_unionId->text());
        m_copied = true;
        retranslateUi();
    });

    setFocusProxy(m_openid);
    setTabOrder(m_openid, m_byTransactionId);
    setTabOrder(m_byTransactionId, m_byOutTradeNo);
    setTabOrder(m_byOutTradeNo, m_transactionId);
    setTabOrder(m_transactionId, m_mchId);
    setTabOrder(m_mchId, m_outTradeNo);
    setTabOrder(m_outTradeNo, m_accessToken);
    setTabOrder(m_accessToken, m_lookUp);
    setTabOrder(m_lookUp, m_copy);

    m_resultBox->hide();
    m_inputError->hide();
    setBy(By::TransactionId);
    updateEnabled();
    retranslateUi();
}

UnionIdPanel::~UnionIdPanel() = default;

void UnionIdPanel::setContext(const workflows::UnionIdContext& context)
{
    // The lookup holds the earlier context's references: it goes with it, its answer unseen.
    delete m_lookup.data();
    m_context.reset();
    m_context.emplace(context);
    if (m_mchId->text().isEmpty())
        m_mchId->setText(merchantIdOfProfile());
    m_errorBox->clear();
    updateEnabled();
    retranslateUi();
}

void UnionIdPanel::clearContext()
{
    delete m_lookup.data();
    m_context.reset();
    updateEnabled();
    retranslateUi();
}

void UnionIdPanel::prefill(const storage::OrderRecord& order)
{
    clearInputError();
    clearResult();
    m_openid->setText(order.payerOpenid);
    m_transactionId->setText(order.transactionId);
    m_outTradeNo->setText(order.outTradeNo);
    if (const QString mchId = merchantIdOfProfile(); !mchId.isEmpty())
        m_mchId->setText(mchId);
    setBy(order.transactionId.isEmpty() ? By::OutTradeNo : By::TransactionId);
    for (QLineEdit* edit : { m_openid, m_transactionId, m_mchId, m_outTradeNo })
        edit->setCursorPosition(0);
    if (m_openid->text().isEmpty())
        m_openid->setFocus();
    else if (m_lookUp->isEnabled())
        m_lookUp->setFocus();
}

bool UnionIdPanel::isBusy() const
{
    const UnionIdLookup* lookup = m_lookup.data();
    return lookup && lookup->isRunning();
}

void UnionIdPanel::setBy(By by)
{
    m_byGroup->button(static_cast<int>(by))->setChecked(true);
    const bool byTransactionId = by == By::TransactionId;
    m_form->setRowVisible(m_transactionId, byTransactionId);
    m_form->setRowVisible(m_mchId, !byTransactionId);
    m_form->setRowVisible(m_outTradeNo, !byTransactionId);
}

UnionIdPanel::By UnionIdPanel::by() const
{
    return static_cast<By>(m_byGroup->checkedId());
}

QString UnionIdPanel::merchantIdOfProfile() const
{
    if (!m_context)
        return {};
    // The merchant that took the payment: the sub-merchant under a service provider.
    const credentials::MerchantProfile& profile = m_context->profile;
    return profile.subMchid.isEmpty() ? profile.mchid : profile.subMchid;
}

void UnionIdPanel::lookUp()
{
    if (!m_context || isBusy() || !m_lookUp->isEnabled())
        return;
    clearInputError();
    clearResult();

    UnionIdLookup::Query query;
    query.openid = m_openid->text().trimmed();
    if (by() == By::TransactionId) {
        query.transactionId = m_transactionId->text().trimmed();
    } else {
        query.mchId = m_mchId->text().trimmed();
        query.outTradeNo = m_outTradeNo->text().trimmed();
    }
    if (m_context->profile.tokenSource == credentials::TokenSource::OperatorSupplied)
        query.operatorToken = m_accessToken->text().trimmed();

    auto* lookup = new UnionIdLookup(*m_context, this);
    connect(lookup, &UnionIdLookup::finished, this, [this, lookup](const UnionIdLookup::Outcome& outcome) {
        lookup->deleteLater();
        onFinished(outcome);
    });
    if (const Status started = lookup->lookup(query); !started) {
        delete lookup;
        const Error error = started.error();
        if (error.code == u"OPENID_MISSING") {
            showInputError(m_openid, [] { return tr("Enter the payer's openid."); });
        } else if (error.code == u"ORDER_REF_MISSING" && by() == By::TransactionId) {
            showInputError(m_transactionId,
                [] { return tr("Enter the WeChat Pay order number (transaction_id) of the payment."); });
        } else if (error.code == u"ORDER_REF_MISSING") {
            showInputError(query.mchId.isEmpty() ? m_mchId : m_outTradeNo,
                [] { return tr("Enter both the merchant ID and the merchant order number (out_trade_no)."); });
        } else if (error.code == u"TOKEN_REQUIRED") {
            showInputError(m_accessToken, [] { return tr("Paste an access token of the mini-program."); });
        } else {
            m_errorBox->showError([error] { return workflows::explainUnionIdError(error); }, error);
        }
        return;
    }
    qCInfo(lcUi) << "unionid lookup started";
    m_lookup = lookup;
    updateEnabled();
    retranslateUi();
}

void UnionIdPanel::onFinished(const UnionIdLookup::Outcome& outcome)
{
    if (outcome.error) {
        const Error error = *outcome.error;
        m_errorBox->showError([error] { return workflows::explainUnionIdError(error); }, error);
    } else {
        m_unionId->setText(outcome.unionid);
        m_storedOnOrder = outcome.storedOnOrder;
        m_copied = false;
        m_resultBox->show();
    }
    updateEnabled();
    retranslateUi();
}

void UnionIdPanel::showInputError(QLineEdit* field, std::function<QString()> text)
{
    m_inputErrorText = std::move(text);
    m_inputError->setText(m_inputErrorText());
    m_inputError->show();
    field->setStyleSheet(kInvalidStyle);
    field->setFocus();
}

void UnionIdPanel::clearInputError()
{
    m_inputErrorText = nullptr;
    m_inputError->clear();
    m_inputError->hide();
    for (QLineEdit* edit : { m_openid, m_transactionId, m_mchId, m_outTradeNo, m_accessToken })
        edit->setStyleSheet(QString());
}

void UnionIdPanel::clearResult()
{
    m_unionId->clear();
    m_storedOnOrder.reset();
    m_copied = false;
    m_resultBox->hide();
    m_errorBox->clear();
}

void UnionIdPanel::updateEnabled()
{
    const bool ready = m_context && !m_context->profile.miniProgramAppid.isEmpty();
    const bool running = isBusy();
    for (QWidget* w : std::initializer_list<QWidget*> {
             m_openid, m_byTransactionId, m_byOutTradeNo, m_transactionId, m_mchId, m_outTradeNo, m_accessToken })
        w->setEnabled(ready && !running);
    m_lookUp->setEnabled(ready && !running);
    const bool operatorToken
        = m_context && m_context->profile.tokenSource == credentials::TokenSource::OperatorSupplied;
    m_form->setRowVisible(m_accessToken, operatorToken);
    m_form->setRowVisible(m_accessTokenHint, operatorToken);
    m_status->setVisible(!ready);
    m_progress->setVisible(running);
}

void UnionIdPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void UnionIdPanel::retranslateUi()
{
    m_title->setText(tr("UnionID look-up"));
    if (!m_context) {
        m_status->setText(tr("Opening the merchant profile…"));
    } else if (m_context->profile.miniProgramAppid.isEmpty()) {
        m_status->setText(tr("This merchant profile has no mini-program AppID, so UnionIDs cannot be looked up "
                             "here. Add the mini-program's AppID and AppSecret to the profile in Settings."));
    } else {
        m_status->clear();
    }
    m_intro->setText(tr("Find the UnionID of a customer who paid in your mini-program: enter the payer's openid and "
                        "the payment."));
    m_window->setText(tr("WeChat answers only within 5 minutes after the payment: look the UnionID up right after "
                         "the customer has paid."));
    m_openidLabel->setText(tr("Payer's openid:"));
    m_orderLabel->setText(tr("Find the payment by:"));
    m_byTransactionId->setText(tr("WeChat Pay order number"));
    m_byOutTradeNo->setText(tr("Merchant ID and merchant order number"));
    m_transactionIdLabel->setText(tr("WeChat Pay order number (transaction_id):"));
    m_mchIdLabel->setText(tr("Merchant ID (mch_id):"));
    m_outTradeNoLabel->setText(tr("Merchant order number (out_trade_no):"));
    m_accessTokenLabel->setText(tr("Access token:"));
    m_accessTokenHint->setText(tr("This profile takes the mini-program's access token from you: paste a current "
                                  "one. It is used for this look-up only and is not stored."));
    m_lookUp->setText(tr("Look up"));
    m_progress->setText(tr("Asking WeChat…"));
    m_resultTitle->setText(tr("The payer's UnionID:"));
    m_copy->setText(m_copied ? tr("Copied") : tr("Copy"));
    if (m_storedOnOrder) {
        m_stored->setText(*m_storedOnOrder
                ? tr("Saved with the order in the history.")
                : tr("This order is not in this computer's history, so the UnionID was not saved with it."));
    } else {
        m_stored->clear();
    }
    if (m_inputErrorText)
        m_inputError->setText(m_inputErrorText());
}

} // namespace wxpay::ui
