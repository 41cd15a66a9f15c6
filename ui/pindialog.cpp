#include "pindialog.h"

#include "credentialerrors.h"
#include "log.h"
#include "workflows/managerpin.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wxpay::ui {

void readManagerPinState(credentials::CredentialStore& store,
    const QString& profileId,
    QObject* context,
    std::function<void(Result<bool>)> done)
{
    store.read(profileId, credentials::SecretKind::ManagerPinHash, context,
        [done = std::move(done)](Result<QByteArray> stored) {
            if (stored) {
                done(!stored.value().isEmpty());
            } else if (stored.error().kind == ErrorKind::Credentials && stored.error().code == u"NOT_FOUND") {
                done(false);
            } else {
                done(stored.error());
            }
        });
}

QString explainPinError(const Error& error)
{
    if (error.code == u"PIN_INVALID")
        return PinDialog::tr("The manager PIN is 4 to 12 digits.");
    if (error.kind == ErrorKind::Credentials && error.code == u"NOT_FOUND")
        return PinDialog::tr("No manager PIN is set for this merchant profile.");
    return explainCredentialsError(error);
}

PinDialog::PinDialog(credentials::CredentialStore* store, const QString& profileId, QWidget* parent)
    : QDialog(parent), m_store(store), m_profileId(profileId)
{
    setObjectName(QStringLiteral("pinDialog"));
    auto* layout = new QVBoxLayout(this);
    m_promptLabel = new QLabel(this);
    m_promptLabel->setObjectName(QStringLiteral("pinPromptLabel"));
    m_promptLabel->setWordWrap(true);
    layout->addWidget(m_promptLabel);
    m_pinLabel = new QLabel(this);
    layout->addWidget(m_pinLabel);
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("pinLineEdit"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(12);
    m_pin->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_pinLabel->setBuddy(m_pin);
    layout->addWidget(m_pin);
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("pinProblemLabel"));
    m_problemLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->hide();
    layout->addWidget(m_problemLabel);
    m_buttons = new QDialogButtonBox(this);
    m_ok = m_buttons->addButton(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("pinOkPushButton"));
    m_ok->setDefault(true);
    m_cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("pinCancelPushButton"));
    layout->addWidget(m_buttons);

    // OK checks first; only a matching PIN accepts.
    connect(m_ok, &QPushButton::clicked, this, &PinDialog::check);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setFocusProxy(m_pin);
    setMinimumWidth(360);
    retranslateUi();
}

void PinDialog::setPrompt(std::function<QString()> prompt)
{
    m_prompt = std::move(prompt);
    retranslateUi();
}

QString PinDialog::problemText() const
{
    return m_problem ? m_problemLabel->text() : QString();
}

void PinDialog::check()
{
    if (m_checking)
        return;
    const QString pin = m_pin->text();
    if (pin.isEmpty()) {
        showProblem([] { return tr("Enter the manager PIN."); });
        return;
    }
    m_checking = true;
    m_ok->setEnabled(false);
    // The store drops the answer if the dialog is gone by then.
    workflows::ManagerPin::check(*m_store, m_profileId, pin, this, [this](Result<bool> matches) {
        m_checking = false;
        m_ok->setEnabled(true);
        if (!matches) {
            const Error error = matches.error();
            showProblem([error] { return explainPinError(error); });
            return;
        }
        if (!matches.value()) {
            qCInfo(lcUi) << "wrong manager PIN entered";
            showProblem([] { return tr("Wrong PIN. Try again."); });
            return;
        }
        accept();
    });
}

void PinDialog::showProblem(std::function<QString()> text)
{
    m_problem = std::move(text);
    m_pin->clear();
    m_pin->setFocus();
    retranslateUi();
}

void PinDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PinDialog::retranslateUi()
{
    setWindowTitle(tr("Manager PIN"));
    m_promptLabel->setText(m_prompt ? m_prompt() : tr("A manager PIN is needed for this."));
    m_pinLabel->setText(tr("Manager PIN:"));
    m_problemLabel->setText(m_problem ? m_problem() : QString());
    m_problemLabel->setVisible(static_cast<bool>(m_problem));
    m_ok->setText(tr("OK"));
    m_cancel->setText(tr("Cancel"));
}

} // namespace wxpay::ui
