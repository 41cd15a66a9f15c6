#pragma once

#include "credentials/credentialstore.h"

#include <QDialog>
#include <QGroupBox>
#include <QPointer>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace wxpay::ui {

// Sets or changes the manager PIN of a profile: the new PIN twice and, when one is set, the current one first
// (workflows::ManagerPin). Accepts only once the new PIN is stored. Open it with open().
class SetPinDialog : public QDialog
{
    Q_OBJECT

public:
    // `store` must outlive the dialog. `changing`: a PIN is set, so the current one is asked for.
    SetPinDialog(
        credentials::CredentialStore* store, const QString& profileId, bool changing, QWidget* parent = nullptr);

    QString problemText() const;
    bool isBusy() const { return m_busy; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void save();
    void storePin(const QString& pin);
    void showProblem(std::function<QString()> text, QLineEdit* field);
    void setBusy(bool busy);
    void retranslateUi();

    credentials::CredentialStore* m_store;
    QString m_profileId;
    bool m_changing;
    bool m_busy = false;
    std::function<QString()> m_problem;

    QLabel* m_currentLabel = nullptr;
    QLineEdit* m_current = nullptr;
    QLabel* m_newLabel = nullptr;
    QLineEdit* m_new = nullptr;
    QLabel* m_confirmLabel = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_problemLabel = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_cancel = nullptr;
};

// Settings → the manager PIN that guards refunds and unlocks the console: says whether one is set, sets, changes
// or removes it (the current PIN is needed to change or remove it), and offers "Lock console" once a PIN is set.
class ManagerPinBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit ManagerPinBox(QWidget* parent = nullptr);

    // The profile whose PIN is shown; `store` must outlive the box. Reads the PIN's state at once.
    void setCredentials(credentials::CredentialStore* store, const QString& profileId);
    // Whether a PIN is set; nothing while it is being read or could not be read.
    std::optional<bool> hasPin() const { return m_hasPin; }
    QString statusText() const;
    // What "Set PIN…" / "Change PIN…" and "Remove PIN…" do.
    void openSetPin();
    void askToRemovePin();

Q_SIGNALS:
    void lockRequested();
    // A PIN was set or removed (also after the first read of a profile).
    void pinStateChanged(bool set);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void removePin();
    void setMessage(std::function<QString()> text, bool error);
    void updateButtons();
    void retranslateUi();

    credentials::CredentialStore* m_store = nullptr;
    QString m_profileId;
    std::optional<bool> m_hasPin;
    std::optional<Error> m_readError;
    bool m_busy = false;
    quint64 m_generation = 0; // ignores answers about a profile that is no longer shown
    std::function<QString()> m_message;
    bool m_messageIsError = false;
    QPointer<QDialog> m_dialog;

    QLabel* m_state = nullptr;
    QLabel* m_messageLabel = nullptr;
    QPushButton* m_setPin = nullptr;
    QPushButton* m_removePin = nullptr;
    QPushButton* m_lock = nullptr;
};

} // namespace wxpay::ui
