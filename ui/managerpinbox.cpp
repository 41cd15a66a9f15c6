#include "managerpinbox.h"

#include "log.h"
#include "pindialog.h"
#include "workflows/managerpin.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wxpay::ui {

using workflows::ManagerPin;

namespace {

QLineEdit* makePinEdit(const QString& name, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(12);
    edit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    return edit;
}

const QString kErrorStyle = QStringLiteral("color: #c62828;");

} // namespace

// ---- SetPinDialog ----

SetPinDialog::SetPinDialog(
    credentials::CredentialStore* store, const QString& profileId, bool changing, QWidget* parent)
    : QDialog(parent), m_store(store), m_profileId(profileId), m_changing(changing)
{
    setObjectName(QStringLiteral("setPinDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_currentLabel = new QLabel(this);
    m_current = makePinEdit(QStringLiteral("currentPinLineEdit"), this);
    m_currentLabel->setBuddy(m_current);
    if (m_changing) {
        form->addRow(m_currentLabel, m_current);
    } else {
        m_currentLabel->hide();
        m_current->hide();
    }
    m_newLabel = new QLabel(this);
    m_new = makePinEdit(QStringLiteral("newPinLineEdit"), this);
    m_newLabel->setBuddy(m_new);
    form->addRow(m_newLabel, m_new);
    m_confirmLabel = new QLabel(this);
    m_confirm = makePinEdit(QStringLiteral("confirmPinLineEdit"), this);
    m_confirmLabel->setBuddy(m_confirm);
    form->addRow(m_confirmLabel, m_confirm);
    layout->addLayout(form);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("setPinProblemLabel"));
    m_problemLabel->setStyleSheet(kErrorStyle);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->hide();
    layout->addWidget(m_problemLabel);
    auto* buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(QDialogButtonBox::Ok);
    m_save->setObjectName(QStringLiteral("savePinPushButton"));
    m_save->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelPinPushButton"));
    layout->addWidget(buttons);

    connect(m_save, &QPushButton::clicked, this, &SetPinDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setFocusProxy(m_changing ? m_current : m_new);
    setMinimumWidth(420);
    retranslateUi();
}

QString SetPinDialog::problemText() const
{
    return m_problem ? m_problemLabel->text() : QString();
}

void SetPinDialog::save()
{
    if (m_busy)
        return;
    const QString pin = m_new->text();
    if (const Status valid = ManagerPin::validate(pin); !valid) {
        showProblem([] { return tr("The new PIN must be 4 to 12 digits."); }, m_new);
        m_confirm->clear();
        return;
    }
    if (m_confirm->text() != pin) {
        showProblem([] { return tr("The two new PINs are not the same: type them again."); }, m_new);
        m_confirm->clear();
        return;
    }
    if (!m_changing) {
        storePin(pin);
        return;
    }
    if (m_current->text().isEmpty()) {
        showProblem([] { return tr("Enter the current PIN."); }, m_current);
        return;
    }
    setBusy(true);
    ManagerPin::check(*m_store, m_profileId, m_current->text(), this, [this, pin](Result<bool> matches) {
        setBusy(false);
        if (!matches) {
            const Error error = matches.error();
            showProblem([error] { return explainPinError(error); }, m_current);
            return;
        }
        if (!matches.value()) {
            qCInfo(lcUi) << "wrong current manager PIN while changing it";
            showProblem([] { return tr("The current PIN is wrong."); }, m_current);
            return;
        }
        storePin(pin);
    });
}

void SetPinDialog::storePin(const QString& pin)
{
    setBusy(true);
    ManagerPin::set(*m_store, m_profileId, pin, this, [this](Status stored) {
        setBusy(false);
        if (!stored) {
            const Error error = stored.error();
            showProblem([error] { return explainPinError(error); }, m_new);
            return;
        }
        qCInfo(lcUi) << "manager PIN stored for profile" << m_profileId;
        accept();
    });
}

void SetPinDialog::showProblem(std::function<QString()> text, QLineEdit* field)
{
    m_problem = std::move(text);
    field->clear();
    field->setFocus();
    retranslateUi();
}

void SetPinDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_save->setEnabled(!busy);
}

void SetPinDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SetPinDialog::retranslateUi()
{
    setWindowTitle(m_changing ? tr("Change the manager PIN") : tr("Set a manager PIN"));
    m_currentLabel->setText(tr("Current PIN:"));
    m_newLabel->setText(tr("New PIN:"));
    m_confirmLabel->setText(tr("New PIN again:"));
    m_hint->setText(tr("4 to 12 digits. Refunds ask for it, and it unlocks a locked console."));
    m_problemLabel->setText(m_problem ? m_problem() : QString());
    m_problemLabel->setVisible(static_cast<bool>(m_problem));
    m_save->setText(tr("Save PIN"));
    m_cancel->setText(tr("Cancel"));
}

// ---- ManagerPinBox ----

ManagerPinBox::ManagerPinBox(QWidget* parent) : QGroupBox(parent)
{
    setObjectName(QStringLiteral("managerPinBox"));
    auto* layout = new QVBoxLayout(this);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("pinStateLabel"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("pinMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->hide();
    layout->addWidget(m_messageLabel);
    auto* buttons = new QHBoxLayout;
    m_setPin = new QPushButton(this);
    m_setPin->setObjectName(QStringLiteral("setPinPushButton"));
    m_removePin = new QPushButton(this);
    m_removePin->setObjectName(QStringLiteral("removePinPushButton"));
    m_lock = new QPushButton(this);
    m_lock->setObjectName(QStringLiteral("lockConsolePushButton"));
    for (QPushButton* button : { m_setPin, m_removePin, m_lock }) {
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_setPin, &QPushButton::clicked, this, &ManagerPinBox::openSetPin);
    connect(m_removePin, &QPushButton::clicked, this, &ManagerPinBox::askToRemovePin);
    connect(m_lock, &QPushButton::clicked, this, [this] {
        if (m_hasPin.value_or(false))
            Q_EMIT lockRequested();
    });
    updateButtons();
    retranslateUi();
}

void ManagerPinBox::setCredentials(credentials::CredentialStore* store, const QString& profileId)
{
    // The QPointer is read once: the dialog may be deleted between two reads.
    if (QDialog* dialog = m_dialog.data())
        dialog->reject();
    m_store = store;
    m_profileId = profileId;
    m_message = nullptr;
    refresh();
}

QString ManagerPinBox::statusText() const
{
    return m_state->text();
}

void ManagerPinBox::refresh()
{
    const quint64 generation = ++m_generation;
    m_hasPin.reset();
    m_readError.reset();
    if (!m_store) {
        updateButtons();
        retranslateUi();
        return;
    }
    m_busy = true;
    updateButtons();
    retranslateUi();
    readManagerPinState(*m_store, m_profileId, this, [this, generation](Result<bool> state) {
        if (generation != m_generation)
            return;
        m_busy = false;
        if (state) {
            m_hasPin = state.value();
            Q_EMIT pinStateChanged(state.value());
        } else {
            m_readError = state.error();
        }
        updateButtons();
        retranslateUi();
    });
}

void ManagerPinBox::openSetPin()
{
    if (!m_store || m_busy || !m_hasPin || m_dialog)
        return;
    const bool changing = *m_hasPin;
    auto* dialog = new SetPinDialog(m_store, m_profileId, changing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, changing] {
        setMessage(changing ? std::function<QString()>([] { return tr("The manager PIN was changed."); })
                            : std::function<QString()>([] { return tr("The manager PIN was set."); }),
            false);
        refresh();
    });
    m_dialog = dialog;
    dialog->open();
}

void ManagerPinBox::askToRemovePin()
{
    if (!m_store || m_busy || !m_hasPin.value_or(false) || m_dialog)
        return;
    auto* dialog = new PinDialog(m_store, m_profileId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPrompt(
        [] { return tr("Enter the current manager PIN to remove it. Refunds will then no longer ask for a PIN."); });
    connect(dialog, &QDialog::accepted, this, &ManagerPinBox::removePin);
    m_dialog = dialog;
    dialog->open();
}

void ManagerPinBox::removePin()
{
    if (!m_store)
        return;
    m_busy = true;
    updateButtons();
    const quint64 generation = m_generation;
    m_store->remove(m_profileId, credentials::SecretKind::ManagerPinHash, this, [this, generation](Status removed) {
        if (generation != m_generation)
            return;
        m_busy = false;
        if (!removed) {
            const Error error = removed.error();
            setMessage([error] { return tr("The PIN was not removed. %1").arg(explainPinError(error)); }, true);
            updateButtons();
            return;
        }
        qCInfo(lcUi) << "manager PIN removed for profile" << m_profileId;
        setMessage([] { return tr("The manager PIN was removed."); }, false);
        refresh();
    });
}

void ManagerPinBox::setMessage(std::function<QString()> text, bool error)
{
    m_message = std::move(text);
    m_messageIsError = error;
    retranslateUi();
}

void ManagerPinBox::updateButtons()
{
    const bool known = m_store && !m_busy && m_hasPin.has_value();
    const bool set = m_hasPin.value_or(false);
    m_setPin->setEnabled(known);
    m_removePin->setEnabled(known && set);
    m_lock->setEnabled(known && set);
}

void ManagerPinBox::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void ManagerPinBox::retranslateUi()
{
    setTitle(tr("Manager PIN"));
    const bool set = m_hasPin.value_or(false);
    QString state;
    if (!m_store)
        state = tr("Choose a merchant profile first.");
    else if (m_readError)
        state = tr("Whether a PIN is set cannot be read. %1").arg(explainPinError(*m_readError));
    else if (!m_hasPin)
        state = tr("Reading the PIN settings…");
    else if (set)
        state = tr("A manager PIN is set: refunds ask for it, and it unlocks a locked console.");
    else
        state = tr("No manager PIN is set: anyone at this till can refund. Set one to guard refunds and to lock the "
                   "console.");
    m_state->setText(state);
    m_state->setStyleSheet(m_readError ? kErrorStyle : QString());
    m_messageLabel->setText(m_message ? m_message() : QString());
    m_messageLabel->setStyleSheet(m_messageIsError ? kErrorStyle : QString());
    m_messageLabel->setVisible(static_cast<bool>(m_message));
    m_setPin->setText(set ? tr("Change PIN…") : tr("Set PIN…"));
    m_removePin->setText(tr("Remove PIN…"));
    m_lock->setText(tr("Lock console"));
    m_lock->setToolTip(set ? tr("Lock the console until the manager PIN is entered.")
                           : tr("Set a manager PIN first: it is what unlocks the console."));
}

} // namespace wxpay::ui
