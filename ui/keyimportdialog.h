#pragma once

#include "credentials/keyimport.h"
#include "credentials/merchantprofile.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace wxpay::ui {

// Imports one kind of secret into a saved profile through credentials::KeyImport: the merchant key and
// certificate (PEM files), the v2 client certificate (.p12 and its password), the APIv2 key, the APIv3 key or the
// mini-program AppSecret. The keychain works asynchronously: while it does, a busy bar shows and every button is
// disabled. Success shows the certificate's serial and expiry; failure one plain sentence.
class KeyImportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind
    {
        MerchantCertificate,
        ClientCertificate,
        ApiV2Key,
        ApiV3Key,
        AppSecret,
    };

    // `import` must outlive the dialog.
    KeyImportDialog(
        credentials::KeyImport* import, const credentials::MerchantProfile& profile, QWidget* parent = nullptr);

    void setKind(Kind kind);
    Kind kind() const;
    bool isBusy() const { return m_busy; }
    QString resultText() const;

    // Starts the import of the current kind (what the Import button does).
    void startImport();

Q_SIGNALS:
    // A secret was stored; for a merchant certificate the profile's serial changed too.
    void imported();

public Q_SLOTS:
    void reject() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Outcome
    {
        Kind kind;
        std::optional<credentials::CertificateInfo> certificate;
        std::optional<Error> error;
    };

    QLineEdit* addPathRow(QWidget* page, const QString& objectPrefix, QPushButton** chooser);
    void choosePath(QLineEdit* target, const QString& filter);
    void setBusy(bool busy);
    void finish(Outcome outcome);
    void showOutcome();
    void retranslateUi();

    credentials::KeyImport* m_import;
    QString m_profileId;
    QString m_profileName;
    bool m_busy = false;
    std::optional<Outcome> m_outcome;

    QLabel* m_intro = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_merchantHelp = nullptr;
    QLabel* m_keyPathLabel = nullptr;
    QLineEdit* m_keyPath = nullptr;
    QPushButton* m_chooseKey = nullptr;
    QLabel* m_certificatePathLabel = nullptr;
    QLineEdit* m_certificatePath = nullptr;
    QPushButton* m_chooseCertificate = nullptr;
    QLabel* m_clientHelp = nullptr;
    QLabel* m_pkcs12PathLabel = nullptr;
    QLineEdit* m_pkcs12Path = nullptr;
    QPushButton* m_choosePkcs12 = nullptr;
    QLabel* m_pkcs12PasswordLabel = nullptr;
    QLineEdit* m_pkcs12Password = nullptr;
    QLabel* m_apiV2Help = nullptr;
    QLineEdit* m_apiV2Key = nullptr;
    QLabel* m_apiV3Help = nullptr;
    QLineEdit* m_apiV3Key = nullptr;
    QLabel* m_appSecretHelp = nullptr;
    QLineEdit* m_appSecret = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_importButton = nullptr;
    QPushButton* m_closeButton = nullptr;
};

} // namespace wxpay::ui
