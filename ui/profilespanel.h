#pragma once

#include "credentials/keyimport.h"
#include "credentials/merchantprofile.h"
#include "credentials/profilestore.h"
#include "keyimportdialog.h"
#include "profileform.h"
#include "workflows/connectiontest.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace wxpay::ui {

class ErrorBox;

// Settings → merchant profiles: the list of profiles (ProfileStore), a form with every field, errors shown at the
// field they are about, removal after a confirmation, "Use for payments", and "Import keys…" (KeyImportDialog).
// Keychain work runs asynchronously: a busy bar shows and the buttons are disabled until it ends.
// "Test connection" asks WeChat Pay a harmless question with the saved profile's keys (ConnectionTest) and shows
// whether the keys, the signature and the verification of WeChat's answer work.
class ProfilesPanel : public QWidget
{
    Q_OBJECT

public:
    // Tests `profile`: opens its session and runs a ConnectionTest; `done` runs once, later, unless `context` is
    // destroyed first. Errors before the request (e.g. a key missing) come as an Outcome that is not ok, explained
    // by workflows::explainConnectionError().
    using ConnectionTester = std::function<void(const credentials::MerchantProfile& profile,
        QObject* context,
        std::function<void(const workflows::ConnectionTest::Outcome&)> done)>;

    // Both must outlive the panel.
    ProfilesPanel(credentials::ProfileStore* profiles, credentials::KeyImport* import, QWidget* parent = nullptr);

    QString editedProfileId() const { return m_editingId; } // empty while a new profile is being added
    void selectProfile(const QString& id);
    void startNewProfile();
    // What "Save profile" does: false when a field was refused (its error is shown) or the settings failed.
    bool saveProfile();
    // What "Remove…" does: asks, then removes the edited profile and its keys.
    void askToRemoveProfile();
    void openKeyImport();
    // The panel does not open sessions itself; "Test connection" stays disabled until a tester is set.
    void setConnectionTester(ConnectionTester tester);
    // What "Test connection" does, for the saved profile being edited.
    void testConnection();
    bool isBusy() const { return m_busy; }
    KeyImportDialog* keyImportDialog() const { return m_importDialog; }
    QString statusText() const;
    QString fieldErrorText(ProfileField field) const;
    // Reads the profiles again (they were changed behind the panel's back, e.g. the sandbox's were installed).
    void refreshList();

Q_SIGNALS:
    // The profile used for payments changed: another one was chosen, or it was edited or removed.
    void currentProfileChanged();
    // A profile and its secrets were removed: what the application keeps for it goes too.
    void profileRemoved(const QString& profileId);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Field
    {
        QLabel* label = nullptr;
        QWidget* editor = nullptr;
        QLabel* error = nullptr;
    };

    QLineEdit* addLineEdit(QFormLayout* form, ProfileField field, const QString& name);
    void addRow(QFormLayout* form, ProfileField field, QWidget* editor);
    QComboBox* addComboBox(QFormLayout* form, const QString& name, QLabel** label);
    void loadProfile(const credentials::MerchantProfile& profile);
    credentials::MerchantProfile profileFromForm() const;
    void showProblems(const QList<FieldProblem>& problems);
    void clearProblems();
    void removeProfile(const QString& id);
    void useForPayments();
    void setBusy(bool busy);
    void setStatus(std::function<QString()> text, bool error);
    void updateFamilyFields();
    void updateButtons();
    void showConnectionOutcome(const workflows::ConnectionTest::Outcome& outcome);
    void clearConnectionResult();
    void retranslateUi();

    credentials::ProfileStore* m_profiles;
    credentials::KeyImport* m_import;
    QString m_editingId;
    bool m_busy = false;
    QList<FieldProblem> m_problems;
    std::function<QString()> m_statusText; // re-evaluated when the language changes
    bool m_statusIsError = false;
    QPointer<KeyImportDialog> m_importDialog;
    ConnectionTester m_tester;
    std::function<QString()> m_connectionText; // re-evaluated when the language changes

    QLabel* m_listTitle = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_emptyHint = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_use = nullptr;
    QLabel* m_formTitle = nullptr;
    QGroupBox* m_merchantGroup = nullptr;
    QGroupBox* m_subMerchantGroup = nullptr;
    QGroupBox* m_certificatesGroup = nullptr;
    QGroupBox* m_paymentsGroup = nullptr;
    QGroupBox* m_miniProgramGroup = nullptr;
    QGroupBox* m_advancedGroup = nullptr;
    QHash<ProfileField, Field> m_fields;
    QLineEdit* m_displayName = nullptr;
    QLineEdit* m_id = nullptr;
    QLabel* m_familyLabel = nullptr;
    QComboBox* m_family = nullptr;
    QLabel* m_regionLabel = nullptr;
    QComboBox* m_region = nullptr;
    QLineEdit* m_mchid = nullptr;
    QLineEdit* m_appid = nullptr;
    QLineEdit* m_subMchid = nullptr;
    QLineEdit* m_subAppid = nullptr;
    QLineEdit* m_merchantSerial = nullptr;
    QLineEdit* m_platformSerials = nullptr;
    QLineEdit* m_publicKeyId = nullptr;
    QLineEdit* m_notifyUrl = nullptr;
    QComboBox* m_currency = nullptr;
    QLineEdit* m_deviceId = nullptr;
    QLineEdit* m_storeId = nullptr;
    QLabel* m_signTypeLabel = nullptr;
    QComboBox* m_signType = nullptr;
    QLineEdit* m_miniProgramAppid = nullptr;
    QLabel* m_tokenSourceLabel = nullptr;
    QComboBox* m_tokenSource = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_importKeys = nullptr;
    QPushButton* m_revert = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_testConnection = nullptr;
    QLabel* m_connectionResult = nullptr;
    ErrorBox* m_connectionError = nullptr;
};

} // namespace wxpay::ui
