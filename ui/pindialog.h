#pragma once

#include "common/result.h"
#include "credentials/credentialstore.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace wxpay::ui {

// Whether the profile has a manager PIN: true / false, or the store's error (a locked keychain). The stored hash
// never leaves the store's callback.
void readManagerPinState(credentials::CredentialStore& store,
    const QString& profileId,
    QObject* context,
    std::function<void(Result<bool>)> done);

// One plain sentence for a failed manager PIN operation (ManagerPin::set / check, a keychain failure).
QString explainPinError(const Error& error);

// Asks for the manager PIN of a profile and checks it (workflows::ManagerPin::check) before it accepts: a wrong PIN
// says so, clears the field and keeps the dialog open; Cancel or Esc rejects. Open it with open().
class PinDialog : public QDialog
{
    Q_OBJECT

public:
    // `store` must outlive the dialog.
    PinDialog(credentials::CredentialStore* store, const QString& profileId, QWidget* parent = nullptr);

    // The sentence above the field, e.g. what the PIN is asked for; a function so that it follows the language.
    void setPrompt(std::function<QString()> prompt);
    QString problemText() const;
    bool isChecking() const { return m_checking; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void check();
    void showProblem(std::function<QString()> text);
    void retranslateUi();

    credentials::CredentialStore* m_store;
    QString m_profileId;
    bool m_checking = false;
    std::function<QString()> m_prompt;
    std::function<QString()> m_problem;

    QLabel* m_promptLabel = nullptr;
    QLabel* m_pinLabel = nullptr;
    QLineEdit* m_pin = nullptr;
    QLabel* m_problemLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_ok = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace wxpay::ui
