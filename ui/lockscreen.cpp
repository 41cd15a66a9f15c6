#include "lockscreen.h"

#include "log.h"
#include "pindialog.h"
#include "workflows/managerpin.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wxpay::ui {

LockScreen::LockScreen(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("lockScreen"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#lockScreen { background: #eceff1; }"));
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("lockTitleLabel"));
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_title);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("lockHintLabel"));
    QFont hintFont = font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 1.3);
    m_hint->setFont(hintFont);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);

    auto* row = new QHBoxLayout;
    row->addStretch(1);
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("unlockPinLineEdit"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(12);
    m_pin->setFont(hintFont);
    m_pin->setFixedWidth(260);
    m_pin->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    row->addWidget(m_pin);
    m_unlock = new QPushButton(this);
    m_unlock->setObjectName(QStringLiteral("unlockPushButton"));
    m_unlock->setFont(hintFont);
    m_unlock->setAutoDefault(false);
    row->addWidget(m_unlock);
    row->addStretch(1);
    layout->addLayout(row);

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("lockMessageLabel"));
    m_messageLabel->setFont(hintFont);
    m_messageLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_messageLabel->setAlignment(Qt::AlignCenter);
    m_messageLabel->setWordWrap(true);
    layout->addWidget(m_messageLabel);
    layout->addStretch(2);

    connect(m_pin, &QLineEdit::returnPressed, this, &LockScreen::unlock);
    connect(m_unlock, &QPushButton::clicked, this, &LockScreen::unlock);
    if (parent)
        parent->installEventFilter(this);
    setFocusProxy(m_pin);
    hide();
    retranslateUi();
}

void LockScreen::setCredentials(credentials::CredentialStore* store, const QString& profileId)
{
    m_store = store;
    m_profileId = profileId;
}

void LockScreen::lock()
{
    m_locked = true;
    m_pin->clear();
    m_message = nullptr;
    retranslateUi();
    if (QWidget* parent = parentWidget())
        setGeometry(parent->rect());
    show();
    raise();
    m_pin->setFocus();
    qCInfo(lcUi) << "console locked";
}

QString LockScreen::messageText() const
{
    return m_message ? m_messageLabel->text() : QString();
}

void LockScreen::unlock()
{
    if (!m_locked || m_checking)
        return;
    if (!m_store) {
        // Nothing to check against: lock() is only offered once a PIN is set.
        finishUnlock();
        return;
    }
    const QString pin = m_pin->text();
    if (pin.isEmpty()) {
        showMessage([] { return tr("Enter the manager PIN."); });
        return;
    }
    m_checking = true;
    m_unlock->setEnabled(false);
    workflows::ManagerPin::check(*m_store, m_profileId, pin, this, [this](Result<bool> matches) {
        m_checking = false;
        m_unlock->setEnabled(true);
        if (!matches) {
            const Error error = matches.error();
            if (error.kind == ErrorKind::Credentials && error.code == u"NOT_FOUND") {
                // The PIN was removed (or never set): there is nothing left to guard the console with.
                finishUnlock();
                return;
            }
            showMessage([error] { return explainPinError(error); });
            return;
        }
        if (!matches.value()) {
            qCInfo(lcUi) << "wrong manager PIN at the lock screen";
            showMessage([] { return tr("Wrong PIN. Try again."); });
            return;
        }
        finishUnlock();
    });
}

void LockScreen::finishUnlock()
{
    m_locked = false;
    m_pin->clear();
    m_message = nullptr;
    retranslateUi();
    hide();
    qCInfo(lcUi) << "console unlocked";
    Q_EMIT unlocked();
}

void LockScreen::showMessage(std::function<QString()> text)
{
    m_message = std::move(text);
    m_pin->clear();
    m_pin->setFocus();
    retranslateUi();
}

void LockScreen::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

bool LockScreen::eventFilter(QObject* watched, QEvent* event)
{
    if (m_locked && watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

bool LockScreen::focusNextPrevChild(bool next)
{
    if (!m_locked)
        return QWidget::focusNextPrevChild(next);
    if (m_pin->hasFocus())
        m_unlock->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
    else
        m_pin->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
    return true;
}

void LockScreen::retranslateUi()
{
    m_title->setText(tr("Console locked"));
    m_hint->setText(tr("Enter the manager PIN to unlock the console."));
    m_pin->setPlaceholderText(tr("Manager PIN"));
    m_unlock->setText(tr("Unlock"));
    m_messageLabel->setText(m_message ? m_message() : QString());
}

} // namespace wxpay::ui
