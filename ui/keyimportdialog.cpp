#include "keyimportdialog.h"

#include "credentialerrors.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace wxpay::ui {

using credentials::CertificateInfo;

namespace {

// A UI-level refusal: the Import button was pressed before a file was chosen.
const QString kPathMissing = QStringLiteral("PATH_MISSING");

QLabel* helpLabel(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    return label;
}

QLineEdit* secretEdit(QWidget* parent, const QString& name)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

} // namespace

KeyImportDialog::KeyImportDialog(
    credentials::KeyImport* import, const credentials::MerchantProfile& profile, QWidget* parent)
    : QDialog(parent), m_import(import), m_profileId(profile.id), m_profileName(profile.displayName)
{
    setObjectName(QStringLiteral("keyImportDialog"));
    setMinimumWidth(620);
    auto* layout = new QVBoxLayout(this);

    m_intro = helpLabel(this, QStringLiteral("keyImportIntroLabel"));
    layout->addWidget(m_intro);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("keyKindTabWidget"));
    layout->addWidget(m_tabs);

    // Merchant certificate: apiclient_key.pem + apiclient_cert.pem.
    auto* merchantPage = new QWidget(m_tabs);
    auto* merchantLayout = new QVBoxLayout(merchantPage);
    m_merchantHelp = helpLabel(merchantPage, QStringLiteral("merchantCertificateHelpLabel"));
    merchantLayout->addWidget(m_merchantHelp);
    auto* merchantForm = new QFormLayout;
    m_keyPathLabel = new QLabel(merchantPage);
    m_keyPath = addPathRow(merchantPage, QStringLiteral("privateKey"), &m_chooseKey);
    merchantForm->addRow(m_keyPathLabel, m_keyPath->parentWidget());
    m_certificatePathLabel = new QLabel(merchantPage);
    m_certificatePath = addPathRow(merchantPage, QStringLiteral("certificate"), &m_chooseCertificate);
    merchantForm->addRow(m_certificatePathLabel, m_certificatePath->parentWidget());
    merchantLayout->addLayout(merchantForm);
    merchantLayout->addStretch(1);
    m_tabs->addTab(merchantPage, QString());
    connect(m_chooseKey, &QPushButton::clicked, this,
        [this] { choosePath(m_keyPath, tr("Private key (*.pem *.key);;All files (*)")); });
    connect(m_chooseCertificate, &QPushButton::clicked, this,
        [this] { choosePath(m_certificatePath, tr("Certificate (*.pem *.crt *.cer);;All files (*)")); });

    // Client certificate: apiclient_cert.p12 (APIv2 refunds and reversals).
    auto* clientPage = new QWidget(m_tabs);
    auto* clientLayout = new QVBoxLayout(clientPage);
    m_clientHelp = helpLabel(clientPage, QStringLiteral("clientCertificateHelpLabel"));
    clientLayout->addWidget(m_clientHelp);
    auto* clientForm = new QFormLayout;
    m_pkcs12PathLabel = new QLabel(clientPage);
    m_pkcs12Path = addPathRow(clientPage, QStringLiteral("pkcs12"), &m_choosePkcs12);
    clientForm->addRow(m_pkcs12PathLabel, m_pkcs12Path->parentWidget());
    m_pkcs12PasswordLabel = new QLabel(clientPage);
    m_pkcs12Password = secretEdit(clientPage, QStringLiteral("pkcs12PasswordLineEdit"));
    clientForm->addRow(m_pkcs12PasswordLabel, m_pkcs12Password);
    clientLayout->addLayout(clientForm);
    clientLayout->addStretch(1);
    m_tabs->addTab(clientPage, QString());
    connect(m_choosePkcs12, &QPushButton::clicked, this,
        [this] { choosePath(m_pkcs12Path, tr("PKCS#12 certificate (*.p12 *.pfx);;All files (*)")); });

    const auto secretPage = [this](const QString& helpName, const QString& editName, QLabel** help) {
        auto* page = new QWidget(m_tabs);
        auto* pageLayout = new QVBoxLayout(page);
        *help = helpLabel(page, helpName);
        pageLayout->addWidget(*help);
        QLineEdit* edit = secretEdit(page, editName);
        pageLayout->addWidget(edit);
        pageLayout->addStretch(1);
        m_tabs->addTab(page, QString());
        return edit;
    };
    m_apiV2Key = secretPage(QStringLiteral("apiV2KeyHelpLabel"), QStringLiteral("apiV2KeyLineEdit"), &m_apiV2Help);
    m_apiV3Key = secretPage(QStringLiteral("apiV3KeyHelpLabel"), QStringLiteral("apiV3KeyLineEdit"), &m_apiV3Help);
    m_appSecret
        = secretPage(QStringLiteral("appSecretHelpLabel"), QStringLiteral("appSecretLineEdit"), &m_appSecretHelp);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("keyImportProgressBar"));
    m_progress->setRange(0, 0); // busy: the keychain gives no progress figures
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_progress->hide();
    layout->addWidget(m_progress);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("keyImportResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_importButton = new QPushButton(this);
    m_importButton->setObjectName(QStringLiteral("importPushButton"));
    m_importButton->setDefault(true);
    connect(m_importButton, &QPushButton::clicked, this, &KeyImportDialog::startImport);
    buttons->addWidget(m_importButton);
    m_closeButton = new QPushButton(this);
    m_closeButton->setObjectName(QStringLiteral("closePushButton"));
    connect(m_closeButton, &QPushButton::clicked, this, &KeyImportDialog::reject);
    buttons->addWidget(m_closeButton);
    layout->addLayout(buttons);

    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_outcome.reset();
        showOutcome();
    });
    // APIv2 merchants use the .p12 client certificate; every other family the PEM pair.
    setKind(profile.family == ApiFamily::V2 ? Kind::ClientCertificate : Kind::MerchantCertificate);
    retranslateUi();
}

QLineEdit* KeyImportDialog::addPathRow(QWidget* page, const QString& objectPrefix, QPushButton** chooser)
{
    auto* row = new QWidget(page);
    auto* rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit(row);
    edit->setObjectName(objectPrefix + u"PathLineEdit");
    rowLayout->addWidget(edit, 1);
    *chooser = new QPushButton(row);
    (*chooser)->setObjectName(u"choose" + objectPrefix.left(1).toUpper() + objectPrefix.mid(1) + u"PushButton");
    rowLayout->addWidget(*chooser);
    return edit;
}

void KeyImportDialog::choosePath(QLineEdit* target, const QString& filter)
{
    const QString start = target->text().isEmpty() ? QDir::homePath() : target->text();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a file"), start, filter);
    if (!path.isEmpty())
        target->setText(QDir::toNativeSeparators(path));
}

void KeyImportDialog::setKind(Kind kind)
{
    m_tabs->setCurrentIndex(static_cast<int>(kind));
}

KeyImportDialog::Kind KeyImportDialog::kind() const
{
    return static_cast<Kind>(m_tabs->currentIndex());
}

QString KeyImportDialog::resultText() const
{
    return m_result->text();
}

void KeyImportDialog::startImport()
{
    if (m_busy)
        return;
    const Kind current = kind();
    const auto refuse = [this, current](const QString& code) {
        m_outcome = Outcome { current, std::nullopt, Error::input(code, QStringLiteral("nothing to import")) };
        showOutcome();
    };
    const auto onInfo = [this, current](Result<CertificateInfo> result) {
        finish(result ? Outcome { current, *result, std::nullopt } : Outcome { current, std::nullopt, result.error() });
    };
    const auto onStatus = [this, current](Status status) {
        finish(Outcome { current, std::nullopt, status ? std::nullopt : std::optional<Error>(status.error()) });
    };

    switch (current) {
    case Kind::MerchantCertificate:
        if (m_keyPath->text().trimmed().isEmpty() || m_certificatePath->text().trimmed().isEmpty())
            return refuse(kPathMissing);
        setBusy(true);
        m_import->importPemFiles(m_profileId, QDir::fromNativeSeparators(m_keyPath->text().trimmed()),
            QDir::fromNativeSeparators(m_certificatePath->text().trimmed()), this, onInfo);
        return;
    case Kind::ClientCertificate: {
        if (m_pkcs12Path->text().trimmed().isEmpty())
            return refuse(kPathMissing);
        const auto der = credentials::readImportFile(QDir::fromNativeSeparators(m_pkcs12Path->text().trimmed()));
        if (!der) {
            m_outcome = Outcome { current, std::nullopt, der.error() };
            showOutcome();
            return;
        }
        const QString password = m_pkcs12Password->text();
        setBusy(true);
        m_import->importPkcs12(m_profileId, *der,
            password.isEmpty() ? std::nullopt : std::optional<QByteArray>(password.toUtf8()), this, onInfo);
        return;
    }
    case Kind::ApiV2Key:
        setBusy(true);
        m_import->storeApiV2Key(m_profileId, m_apiV2Key->text(), this, onStatus);
        return;
    case Kind::ApiV3Key:
        setBusy(true);
        m_import->storeApiV3Key(m_profileId, m_apiV3Key->text().toUtf8(), this, onStatus);
        return;
    case Kind::AppSecret:
        setBusy(true);
        m_import->storeAppSecret(m_profileId, m_appSecret->text(), this, onStatus);
        return;
    }
}

void KeyImportDialog::finish(Outcome outcome)
{
    setBusy(false);
    const bool stored = !outcome.error.has_value();
    m_outcome = std::move(outcome);
    if (stored) {
        // Secrets stay on screen no longer than needed.
        m_pkcs12Password->clear();
        m_apiV2Key->clear();
        m_apiV3Key->clear();
        m_appSecret->clear();
    }
    showOutcome();
    if (stored)
        Q_EMIT imported();
}

void KeyImportDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_tabs->setEnabled(!busy);
    m_importButton->setEnabled(!busy);
    m_closeButton->setEnabled(!busy);
    if (busy) {
        m_outcome.reset();
        m_result->setStyleSheet(QString());
        m_result->setText(tr("Checking and storing in the system keychain…"));
    }
}

void KeyImportDialog::reject()
{
    // A keychain job cannot be called back; the dialog stays until it ends.
    if (!m_busy)
        QDialog::reject();
}

void KeyImportDialog::showOutcome()
{
    if (m_busy)
        return;
    if (!m_outcome) {
        m_result->clear();
        return;
    }
    const Outcome& o = *m_outcome;
    m_result->setStyleSheet(o.error ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #06a150;"));
    if (o.error && o.error->code == kPathMissing) {
        m_result->setText(o.kind == Kind::MerchantCertificate ? tr("Choose both the private key file and the "
                                                                   "certificate file.")
                                                              : tr("Choose the .p12 file."));
        return;
    }
    if (o.error) {
        m_result->setText(explainCredentialsError(*o.error));
        return;
    }
    if (o.certificate) {
        m_result->setText(
            tr("Imported. Certificate serial %1, valid until %2.")
                .arg(o.certificate->serialHex, o.certificate->notAfter.toLocalTime().date().toString(Qt::ISODate)));
        return;
    }
    switch (o.kind) {
    case Kind::ApiV2Key:
        m_result->setText(tr("The APIv2 key is stored in the system keychain."));
        break;
    case Kind::ApiV3Key:
        m_result->setText(tr("The APIv3 key is stored in the system keychain."));
        break;
    case Kind::AppSecret:
        m_result->setText(tr("The AppSecret is stored in the system keychain."));
        break;
    case Kind::MerchantCertificate:
    case Kind::ClientCertificate:
        break;
    }
}

void KeyImportDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void KeyImportDialog::retranslateUi()
{
    setWindowTitle(tr("Import keys — %1").arg(m_profileName));
    m_intro->setText(tr("Keys and certificates go only into this computer's system keychain. Choose what to "
                        "import:"));
    m_tabs->setTabText(static_cast<int>(Kind::MerchantCertificate), tr("Merchant certificate"));
    m_tabs->setTabText(static_cast<int>(Kind::ClientCertificate), tr("Client certificate (.p12)"));
    m_tabs->setTabText(static_cast<int>(Kind::ApiV2Key), tr("APIv2 key"));
    m_tabs->setTabText(static_cast<int>(Kind::ApiV3Key), tr("APIv3 key"));
    m_tabs->setTabText(static_cast<int>(Kind::AppSecret), tr("AppSecret"));
    m_merchantHelp->setText(tr("For APIv3: apiclient_key.pem and apiclient_cert.pem, downloaded together from the "
                               "WeChat Pay merchant platform (Account centre → API security)."));
    m_keyPathLabel->setText(tr("Private key:"));
    m_certificatePathLabel->setText(tr("Certificate:"));
    m_keyPath->setPlaceholderText(QStringLiteral("apiclient_key.pem"));
    m_certificatePath->setPlaceholderText(QStringLiteral("apiclient_cert.pem"));
    m_clientHelp->setText(tr("For APIv2 refunds and reversals: apiclient_cert.p12 from the merchant platform."));
    m_pkcs12PathLabel->setText(tr("Certificate file:"));
    m_pkcs12Path->setPlaceholderText(QStringLiteral("apiclient_cert.p12"));
    m_pkcs12PasswordLabel->setText(tr("Password:"));
    m_pkcs12Password->setPlaceholderText(tr("Leave empty for the default (the merchant ID)"));
    for (QPushButton* chooser : { m_chooseKey, m_chooseCertificate, m_choosePkcs12 })
        chooser->setText(tr("Choose…"));
    m_apiV2Help->setText(tr("The 32-character APIv2 key set on the merchant platform (API security)."));
    m_apiV3Help->setText(tr("The 32-character APIv3 key set on the merchant platform (API security)."));
    m_appSecretHelp->setText(tr("The mini-program's AppSecret, for looking up a payer's UnionID (32 letters or "
                                "digits)."));
    m_importButton->setText(tr("Import"));
    m_closeButton->setText(tr("Close"));
    if (m_busy)
        m_result->setText(tr("Checking and storing in the system keychain…"));
    else
        showOutcome();
}

} // namespace wxpay::ui
