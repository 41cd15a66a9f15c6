#pragma once

#include "credentials/credentialstore.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace wxpay::ui {

// Covers the main window's central area while the cashier is away: "Console locked" and a field for the manager
// PIN (workflows::ManagerPin::check). A wrong PIN says so and clears the field. With a parent it follows the
// parent's size; the main window is expected to disable its own actions while isLocked().
class LockScreen : public QWidget
{
    Q_OBJECT

public:
    explicit LockScreen(QWidget* parent = nullptr);

    // The profile whose PIN unlocks; `store` must outlive the screen.
    void setCredentials(credentials::CredentialStore* store, const QString& profileId);
    // Shows the screen over its parent, raises it and takes the focus.
    void lock();
    bool isLocked() const { return m_locked; }
    QString messageText() const;

Q_SIGNALS:
    void unlocked();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    // Tab stays on the lock screen: the widgets it covers must not get the focus.
    bool focusNextPrevChild(bool next) override;

private:
    void unlock();
    void finishUnlock();
    void showMessage(std::function<QString()> text);
    void retranslateUi();

    credentials::CredentialStore* m_store = nullptr;
    QString m_profileId;
    bool m_locked = false;
    bool m_checking = false;
    std::function<QString()> m_message;

    QLabel* m_title = nullptr;
    QLabel* m_hint = nullptr;
    QLineEdit* m_pin = nullptr;
    QPushButton* m_unlock = nullptr;
    QLabel* m_messageLabel = nullptr;
};

} // namespace wxpay::ui
