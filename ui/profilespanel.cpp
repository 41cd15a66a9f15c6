#include "profilespanel.h"

#include "credentialerrors.h"
#include "errorbox.h"
#include "keyimportdialog.h"
#include "log.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace wxpay::ui {

using credentials::MerchantProfile;

namespace {

constexpr int kIdRole = Qt::UserRole;
const QString kInvalidStyle = QStringLiteral("QLineEdit { border: 2px solid #c62828; border-radius: 3px; }");

// Order of the family combo box; the data of each item is apiFamilyName().
constexpr std::array kFamilies { ApiFamily::V3, ApiFamily::V2, ApiFamily::Global, ApiFamily::HkV3 };
constexpr std::array kRegions { credentials::Region::CN, credentials::Region::HK };
constexpr std::array kTokenSources { credentials::TokenSource::StableToken, credentials::TokenSource::CgiBinToken,
    credentials::TokenSource::OperatorSupplied };
const QStringList kCurrencies { QStringLiteral("CNY"), QStringLiteral("HKD"), QStringLiteral("USD"),
    QStringLiteral("EUR"), QStringLiteral("GBP"), QStringLiteral("JPY"), QStringLiteral("SGD"), QStringLiteral("AUD"),
    QStringLiteral("MOP") };

QString familyText(ApiFamily family)
{
    switch (family) {
    case ApiFamily::V3:
        return ProfilesPanel::tr("APIv3 (China mainland)");
    case ApiFamily::V2:
        return ProfilesPanel::tr("APIv2 (XML)");
    case ApiFamily::Global:
        return ProfilesPanel::tr("APIv3 Global (cross-border)");
    case ApiFamily::HkV3:
        return ProfilesPanel::tr("Hong Kong wallet (/hk/v3)");
    }
    return {};
}

QString regionText(credentials::Region region)
{
    return region == credentials::Region::HK ? ProfilesPanel::tr("Hong Kong") : ProfilesPanel::tr("China mainland");
}

QString tokenSourceText(credentials::TokenSource source)
{
    switch (source) {
    case credentials::TokenSource::StableToken:
        return ProfilesPanel::tr("stable_token (recommended)");
    case credentials::TokenSource::CgiBinToken:
        return ProfilesPanel::tr("cgi-bin/token (replaces other holders' token)");
    case credentials::TokenSource::OperatorSupplied:
        return ProfilesPanel::tr("Pasted by the operator");
    }
    return {};
}

QString trimmedText(const QLineEdit* edit)
{
    return edit->text().trimmed();
}

QUrl urlFrom(const QLineEdit* edit)
{
    const QString text = trimmedText(edit);
    return text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode);
}

void selectData(QComboBox* combo, const QString& data)
{
    const int index = combo->findData(data);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace

ProfilesPanel::ProfilesPanel(credentials::ProfileStore* profiles, credentials::KeyImport* import, QWidget* parent)
    : QWidget(parent), m_profiles(profiles), m_import(import)
{
    setObjectName(QStringLiteral("profilesPanel"));
    auto* layout = new QHBoxLayout(this);
    layout->setSpacing(16);

    // The list of profiles.
    auto* listColumn = new QVBoxLayout;
    m_listTitle = new QLabel(this);
    QFont titleFont = m_listTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_listTitle->setFont(titleFont);
    listColumn->addWidget(m_listTitle);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profilesListWidget"));
    m_list->setMinimumWidth(240);
    m_list->setMaximumWidth(300);
    m_list->setSpacing(2);
    m_list->setWordWrap(true);
    listColumn->addWidget(m_list, 1);
    m_emptyHint = new QLabel(this);
    m_emptyHint->setObjectName(QStringLiteral("emptyHintLabel"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setMaximumWidth(300);
    listColumn->addWidget(m_emptyHint);
    auto* listButtons = new QGridLayout;
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("addProfilePushButton"));
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("removeProfilePushButton"));
    m_use = new QPushButton(this);
    m_use->setObjectName(QStringLiteral("useProfilePushButton"));
    listButtons->addWidget(m_add, 0, 0);
    listButtons->addWidget(m_remove, 0, 1);
    listButtons->addWidget(m_use, 1, 0, 1, 2);
    listColumn->addLayout(listButtons);
    layout->addLayout(listColumn);

    // The form.
    auto* formColumn = new QVBoxLayout;
    m_formTitle = new QLabel(this);
    m_formTitle->setObjectName(QStringLiteral("formTitleLabel"));
    m_formTitle->setFont(titleFont);
    formColumn->addWidget(m_formTitle);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("formScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* formWidget = new QWidget(scroll);
    auto* grid = new QGridLayout(formWidget);
    grid->setContentsMargins(0, 0, 8, 0);
    grid->setHorizontalSpacing(16);

    const auto group = [formWidget](const QString& name) {
        auto* box = new QGroupBox(formWidget);
        box->setObjectName(name);
        return box;
    };
    const auto formOf = [](QGroupBox* box) {
        auto* form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::DontWrapRows);
        return form;
    };

    m_merchantGroup = group(QStringLiteral("merchantGroupBox"));
    QFormLayout* merchantForm = formOf(m_merchantGroup);
    m_displayName = addLineEdit(merchantForm, ProfileField::DisplayName, QStringLiteral("displayNameLineEdit"));
    m_id = addLineEdit(merchantForm, ProfileField::Id, QStringLiteral("profileIdLineEdit"));
    m_family = addComboBox(merchantForm, QStringLiteral("familyComboBox"), &m_familyLabel);
    for (const ApiFamily family : kFamilies)
        m_family->addItem(QString(), apiFamilyName(family));
    m_region = addComboBox(merchantForm, QStringLiteral("regionComboBox"), &m_regionLabel);
    for (const auto region : kRegions)
        m_region->addItem(QString(), credentials::regionName(region));
    m_mchid = addLineEdit(merchantForm, ProfileField::Mchid, QStringLiteral("mchidLineEdit"));
    m_appid = addLineEdit(merchantForm, ProfileField::Appid, QStringLiteral("appidLineEdit"));

    m_subMerchantGroup = group(QStringLiteral("subMerchantGroupBox"));
    QFormLayout* subForm = formOf(m_subMerchantGroup);
    m_subMchid = addLineEdit(subForm, ProfileField::SubMchid, QStringLiteral("subMchidLineEdit"));
    m_subAppid = addLineEdit(subForm, ProfileField::SubAppid, QStringLiteral("subAppidLineEdit"));

    m_miniProgramGroup = group(QStringLiteral("miniProgramGroupBox"));
    QFormLayout* miniForm = formOf(m_miniProgramGroup);
    m_miniProgramAppid
        = addLineEdit(miniForm, ProfileField::MiniProgramAppid, QStringLiteral("miniProgramAppidLineEdit"));
    m_tokenSource = addComboBox(miniForm, QStringLiteral("tokenSourceComboBox"), &m_tokenSourceLabel);
    for (const auto source : kTokenSources)
        m_tokenSource->addItem(QString(), credentials::tokenSourceName(source));

    m_certificatesGroup = group(QStringLiteral("certificatesGroupBox"));
    QFormLayout* certificatesForm = formOf(m_certificatesGroup);
    m_merchantSerial
        = addLineEdit(certificatesForm, ProfileField::MerchantSerial, QStringLiteral("merchantSerialLineEdit"));
    m_platformSerials
        = addLineEdit(certificatesForm, ProfileField::PlatformSerials, QStringLiteral("platformSerialsLineEdit"));
    m_publicKeyId = addLineEdit(certificatesForm, ProfileField::PublicKeyId, QStringLiteral("publicKeyIdLineEdit"));

    m_paymentsGroup = group(QStringLiteral("paymentsGroupBox"));
    QFormLayout* paymentsForm = formOf(m_paymentsGroup);
    m_notifyUrl = addLineEdit(paymentsForm, ProfileField::NotifyUrl, QStringLiteral("notifyUrlLineEdit"));
    m_currency = new QComboBox(m_paymentsGroup);
    m_currency->setObjectName(QStringLiteral("currencyComboBox"));
    m_currency->setEditable(true);
    m_currency->setInsertPolicy(QComboBox::NoInsert);
    m_currency->addItems(kCurrencies);
    addRow(paymentsForm, ProfileField::Currency, m_currency);
    m_deviceId = addLineEdit(paymentsForm, ProfileField::DeviceId, QStringLiteral("deviceIdLineEdit"));
    m_storeId = addLineEdit(paymentsForm, ProfileField::StoreId, QStringLiteral("storeIdLineEdit"));
    m_signType = addComboBox(paymentsForm, QStringLiteral("signTypeComboBox"), &m_signTypeLabel);
    for (const auto type : { credentials::V2SignType::Md5, credentials::V2SignType::HmacSha256 })
        m_signType->addItem(credentials::v2SignTypeName(type), credentials::v2SignTypeName(type));

    m_advancedGroup = group(QStringLiteral("advancedGroupBox"));
    QFormLayout* advancedForm = formOf(m_advancedGroup);
    m_baseUrl = addLineEdit(advancedForm, ProfileField::BaseUrl, QStringLiteral("baseUrlLineEdit"));

    // Certificates and the API address span both columns: serials are 40 characters long.
    grid->addWidget(m_merchantGroup, 0, 0);
    grid->addWidget(m_paymentsGroup, 0, 1);
    grid->addWidget(m_certificatesGroup, 1, 0, 1, 2);
    grid->addWidget(m_subMerchantGroup, 2, 0);
    grid->addWidget(m_miniProgramGroup, 2, 1);
    grid->addWidget(m_advancedGroup, 3, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(4, 1);
    scroll->setWidget(formWidget);
    formColumn->addWidget(scroll, 1);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("profilesProgressBar"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_progress->hide();
    formColumn->addWidget(m_progress);

    auto* actions = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("profileStatusLabel"));
    m_status->setWordWrap(true);
    actions->addWidget(m_status, 1);
    m_importKeys = new QPushButton(this);
    m_importKeys->setObjectName(QStringLiteral("importKeysPushButton"));
    actions->addWidget(m_importKeys);
    m_revert = new QPushButton(this);
    m_revert->setObjectName(QStringLiteral("revertProfilePushButton"));
    actions->addWidget(m_revert);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveProfilePushButton"));
    m_save->setDefault(true);
    actions->addWidget(m_save);
    formColumn->addLayout(actions);

    // What WeChat Pay says to the saved profile's keys.
    auto* connection = new QHBoxLayout;
    m_testConnection = new QPushButton(this);
    m_testConnection->setObjectName(QStringLiteral("testConnectionPushButton"));
    connection->addWidget(m_testConnection, 0, Qt::AlignTop);
    m_connectionResult = new QLabel(this);
    m_connectionResult->setObjectName(QStringLiteral("connectionResultLabel"));
    m_connectionResult->setWordWrap(true);
    m_connectionResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connection->addWidget(m_connectionResult, 1);
    formColumn->addLayout(connection);
    m_connectionError = new ErrorBox(this);
    formColumn->addWidget(m_connectionError);
    layout->addLayout(formColumn, 1);

    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (!item)
            return;
        const auto profile = m_profiles->get(item->data(kIdRole).toString());
        if (profile)
            loadProfile(*profile);
    });
    connect(m_add, &QPushButton::clicked, this, &ProfilesPanel::startNewProfile);
    connect(m_remove, &QPushButton::clicked, this, &ProfilesPanel::askToRemoveProfile);
    connect(m_use, &QPushButton::clicked, this, &ProfilesPanel::useForPayments);
    connect(m_save, &QPushButton::clicked, this, &ProfilesPanel::saveProfile);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        if (m_editingId.isEmpty())
            startNewProfile();
        else
            selectProfile(m_editingId);
    });
    connect(m_importKeys, &QPushButton::clicked, this, &ProfilesPanel::openKeyImport);
    connect(m_testConnection, &QPushButton::clicked, this, &ProfilesPanel::testConnection);
    connect(m_family, &QComboBox::currentIndexChanged, this, &ProfilesPanel::updateFamilyFields);

    retranslateUi();
    refreshList();
    const QString current = m_profiles->currentProfileId();
    if (!current.isEmpty())
        selectProfile(current);
    else if (m_list->count() > 0)
        selectProfile(m_list->item(0)->data(kIdRole).toString());
    else
        startNewProfile();
}

QLineEdit* ProfilesPanel::addLineEdit(QFormLayout* form, ProfileField field, const QString& name)
{
    auto* edit = new QLineEdit(form->parentWidget());
    edit->setObjectName(name);
    addRow(form, field, edit);
    // An error is about what was typed: it goes as soon as the field is edited again.
    connect(edit, &QLineEdit::textEdited, this, [this, field] {
        m_problems.removeIf([field](const FieldProblem& p) { return p.field == field; });
        m_fields[field].error->hide();
        m_fields[field].editor->setStyleSheet(QString());
    });
    return edit;
}

void ProfilesPanel::addRow(QFormLayout* form, ProfileField field, QWidget* editor)
{
    QWidget* parent = form->parentWidget();
    auto* cell = new QWidget(parent);
    auto* cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    editor->setParent(cell);
    cellLayout->addWidget(editor);
    auto* error = new QLabel(cell);
    // "mchidLineEdit" -> "mchidErrorLabel".
    QString base = editor->objectName();
    for (const QStringView suffix : { QStringView(u"LineEdit"), QStringView(u"ComboBox") }) {
        if (base.endsWith(suffix))
            base.chop(suffix.size());
    }
    error->setObjectName(base + u"ErrorLabel");
    error->setStyleSheet(QStringLiteral("color: #c62828;"));
    error->setWordWrap(true);
    error->hide();
    cellLayout->addWidget(error);
    auto* label = new QLabel(parent);
    label->setBuddy(editor);
    form->addRow(label, cell);
    m_fields.insert(field, Field { label, editor, error });
}

QComboBox* ProfilesPanel::addComboBox(QFormLayout* form, const QString& name, QLabel** label)
{
    auto* combo = new QComboBox(form->parentWidget());
    combo->setObjectName(name);
    *label = new QLabel(form->parentWidget());
    (*label)->setBuddy(combo);
    form->addRow(*label, combo);
    return combo;
}

void ProfilesPanel::refreshList()
{
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    const QString current = m_profiles->currentProfileId();
    for (const MerchantProfile& p : m_profiles->list()) {
        QStringList facts { p.mchid, familyText(p.family) };
        if (p.sandbox)
            facts << tr("sandbox");
        if (p.id == current)
            facts << tr("in use");
        auto* item = new QListWidgetItem(p.displayName + u'\n' + facts.join(QStringLiteral(" · ")), m_list);
        item->setData(kIdRole, p.id);
        item->setToolTip(p.id);
        if (p.id == current) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
        if (p.id == m_editingId)
            m_list->setCurrentItem(item);
    }
    m_emptyHint->setVisible(m_list->count() == 0);
    updateButtons();
}

void ProfilesPanel::selectProfile(const QString& id)
{
    const auto profile = m_profiles->get(id);
    if (!profile)
        return;
    loadProfile(*profile);
    const QSignalBlocker quiet(m_list);
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(kIdRole).toString() == id)
            m_list->setCurrentRow(i);
    }
}

void ProfilesPanel::startNewProfile()
{
    MerchantProfile blank;
    loadProfile(blank);
    {
        const QSignalBlocker quiet(m_list);
        m_list->clearSelection();
        m_list->setCurrentItem(nullptr);
    }
    m_displayName->setFocus();
    updateButtons();
}

void ProfilesPanel::loadProfile(const MerchantProfile& p)
{
    m_editingId = p.id;
    clearProblems();
    clearConnectionResult();
    setStatus({}, false);
    m_displayName->setText(p.displayName);
    m_id->setText(p.id);
    // An id names keychain entries: it is chosen once.
    m_id->setReadOnly(!p.id.isEmpty());
    selectData(m_family, apiFamilyName(p.family));
    selectData(m_region, credentials::regionName(p.region));
    m_mchid->setText(p.mchid);
    m_appid->setText(p.appid);
    m_subMchid->setText(p.subMchid);
    m_subAppid->setText(p.subAppid);
    m_merchantSerial->setText(p.merchantCertificateSerial);
    m_platformSerials->setText(p.platformSerials.join(QStringLiteral(", ")));
    m_publicKeyId->setText(p.publicKeyId);
    m_notifyUrl->setText(p.notifyUrl.toString());
    m_currency->setCurrentText(p.defaultCurrency);
    m_deviceId->setText(p.deviceId);
    m_storeId->setText(p.storeId);
    selectData(m_signType, credentials::v2SignTypeName(p.v2SignType));
    m_miniProgramAppid->setText(p.miniProgramAppid);
    selectData(m_tokenSource, credentials::tokenSourceName(p.tokenSource));
    m_baseUrl->setText(p.baseUrlOverride.toString());
    // Long values (serials, URLs) read from their start.
    for (QLineEdit* edit : findChildren<QLineEdit*>())
        edit->setCursorPosition(0);
    updateFamilyFields();
    retranslateUi();
    updateButtons();
}

MerchantProfile ProfilesPanel::profileFromForm() const
{
    MerchantProfile p;
    if (!m_editingId.isEmpty()) {
        // Start from the stored profile, so what the form does not show (the sandbox mark) is kept.
        if (const auto stored = m_profiles->get(m_editingId))
            p = *stored;
    }
    p.id = m_editingId.isEmpty() ? trimmedText(m_id) : m_editingId;
    p.displayName = trimmedText(m_displayName);
    p.family = apiFamilyFromName(m_family->currentData().toString()).value_or(ApiFamily::V3);
    p.region = credentials::regionFromName(m_region->currentData().toString()).value_or(credentials::Region::CN);
    p.mchid = trimmedText(m_mchid);
    p.appid = trimmedText(m_appid);
    p.subMchid = trimmedText(m_subMchid);
    p.subAppid = trimmedText(m_subAppid);
    p.merchantCertificateSerial = trimmedText(m_merchantSerial).toUpper();
    p.platformSerials = splitSerials(m_platformSerials->text());
    p.publicKeyId = trimmedText(m_publicKeyId);
    p.notifyUrl = urlFrom(m_notifyUrl);
    p.defaultCurrency = m_currency->currentText().trimmed().toUpper();
    p.deviceId = trimmedText(m_deviceId);
    p.storeId = trimmedText(m_storeId);
    p.v2SignType
        = credentials::v2SignTypeFromName(m_signType->currentData().toString()).value_or(credentials::V2SignType::Md5);
    p.miniProgramAppid = trimmedText(m_miniProgramAppid);
    p.tokenSource = credentials::tokenSourceFromName(m_tokenSource->currentData().toString())
                        .value_or(credentials::TokenSource::StableToken);
    p.baseUrlOverride = urlFrom(m_baseUrl);
    return p;
}

bool ProfilesPanel::saveProfile()
{
    if (m_busy)
        return false;
    const bool adding = m_editingId.isEmpty();
    MerchantProfile p = profileFromForm();
    if (adding && p.id.isEmpty()) {
        QStringList ids;
        for (const MerchantProfile& existing : m_profiles->list())
            ids << existing.id;
        p.id = suggestProfileId(p.mchid, ids);
    }
    QList<FieldProblem> problems = profileProblems(p);
    if (adding && m_profiles->contains(p.id))
        problems.prepend(FieldProblem { ProfileField::Id, QStringLiteral("PROFILE_EXISTS"), {} });
    if (!problems.isEmpty()) {
        showProblems(problems);
        setStatus([] { return tr("Nothing was saved: correct the fields marked in red."); }, true);
        return false;
    }
    if (const Status saved = m_profiles->save(p); !saved) {
        qCWarning(lcUi) << "profile" << p.id << "not saved:" << saved.error().code;
        const Error error = saved.error();
        setStatus([error] { return tr("Nothing was saved. %1").arg(explainCredentialsError(error)); }, true);
        return false;
    }
    qCInfo(lcUi) << "saved profile" << p.id;
    loadProfile(p);
    refreshList();
    const QString name = p.displayName;
    setStatus([name] { return tr("Saved “%1”.").arg(name); }, false);
    if (p.id == m_profiles->currentProfileId())
        Q_EMIT currentProfileChanged();
    return true;
}

void ProfilesPanel::showProblems(const QList<FieldProblem>& problems)
{
    clearProblems();
    m_problems = problems;
    QWidget* first = nullptr;
    for (const FieldProblem& problem : problems) {
        if (!problem.field || !m_fields.contains(*problem.field))
            continue;
        const Field& f = m_fields[*problem.field];
        f.error->setText(fieldProblemText(problem));
        f.error->show();
        if (qobject_cast<QLineEdit*>(f.editor))
            f.editor->setStyleSheet(kInvalidStyle);
        if (!first)
            first = f.editor;
    }
    if (first)
        first->setFocus();
}

void ProfilesPanel::clearProblems()
{
    m_problems.clear();
    for (const Field& f : std::as_const(m_fields)) {
        f.error->clear();
        f.error->hide();
        f.editor->setStyleSheet(QString());
    }
}

QString ProfilesPanel::fieldErrorText(ProfileField field) const
{
    const auto it = m_fields.constFind(field);
    return it != m_fields.cend() && !it->error->isHidden() ? it->error->text() : QString();
}

void ProfilesPanel::askToRemoveProfile()
{
    if (m_busy || m_editingId.isEmpty())
        return;
    const QString id = m_editingId;
    const QString name = m_displayName->text();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Remove profile"),
        tr("Remove the profile “%1”? Its keys and certificates are deleted from this computer's keychain too. "
           "Orders already taken stay in the history.")
            .arg(name),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("removeProfileMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* removeButton = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    removeButton->setObjectName(QStringLiteral("confirmRemovePushButton"));
    QPushButton* keepButton = box->addButton(tr("Keep"), QMessageBox::RejectRole);
    keepButton->setObjectName(QStringLiteral("keepProfilePushButton"));
    box->setDefaultButton(keepButton);
    connect(box, &QMessageBox::buttonClicked, this, [this, id, removeButton](QAbstractButton* clicked) {
        if (clicked == removeButton)
            removeProfile(id);
    });
    box->open();
}

void ProfilesPanel::removeProfile(const QString& id)
{
    const bool wasCurrent = id == m_profiles->currentProfileId();
    const QString name = m_displayName->text();
    setBusy(true);
    setStatus([] { return tr("Removing the profile and its keys…"); }, false);
    m_profiles->remove(id, this, [this, id, name, wasCurrent](Status removed) {
        setBusy(false);
        if (!removed) {
            const Error error = removed.error();
            setStatus(
                [error] { return tr("The profile was not removed. %1").arg(explainCredentialsError(error)); }, true);
            return;
        }
        qCInfo(lcUi) << "removed profile" << id;
        Q_EMIT profileRemoved(id);
        refreshList();
        if (m_list->count() > 0)
            selectProfile(m_list->item(0)->data(kIdRole).toString());
        else
            startNewProfile();
        setStatus([name] { return tr("Removed “%1”.").arg(name); }, false);
        if (wasCurrent)
            Q_EMIT currentProfileChanged();
    });
}

void ProfilesPanel::useForPayments()
{
    if (m_busy || m_editingId.isEmpty())
        return;
    if (const Status set = m_profiles->setCurrentProfileId(m_editingId); !set) {
        const Error error = set.error();
        setStatus([error] { return explainCredentialsError(error); }, true);
        return;
    }
    refreshList();
    const QString name = m_displayName->text();
    setStatus([name] { return tr("Payments now use “%1”.").arg(name); }, false);
    Q_EMIT currentProfileChanged();
}

void ProfilesPanel::openKeyImport()
{
    if (m_busy || m_editingId.isEmpty())
        return;
    const auto profile = m_profiles->get(m_editingId);
    if (!profile)
        return;
    if (m_importDialog)
        m_importDialog->close();
    m_importDialog = new KeyImportDialog(m_import, *profile, this);
    m_importDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_importDialog, &KeyImportDialog::imported, this, [this, id = profile->id] {
        // A merchant certificate import writes its serial into the profile; show it without losing other edits.
        if (const auto updated = m_profiles->get(id); updated && id == m_editingId)
            m_merchantSerial->setText(updated->merchantCertificateSerial);
        if (id == m_profiles->currentProfileId())
            Q_EMIT currentProfileChanged();
    });
    m_importDialog->open();
}

void ProfilesPanel::setConnectionTester(ConnectionTester tester)
{
    m_tester = std::move(tester);
    updateButtons();
}

void ProfilesPanel::testConnection()
{
    if (m_busy || m_editingId.isEmpty() || !m_tester)
        return;
    // The saved profile: its keys are the ones in the keychain.
    const auto profile = m_profiles->get(m_editingId);
    if (!profile)
        return;
    clearConnectionResult();
    setBusy(true);
    m_connectionText = [] { return tr("Asking WeChat Pay with this profile's keys…"); };
    m_connectionResult->setText(m_connectionText());
    qCInfo(lcUi) << "testing the connection of profile" << profile->id;
    m_tester(*profile, this, [this](const workflows::ConnectionTest::Outcome& outcome) {
        setBusy(false);
        showConnectionOutcome(outcome);
    });
}

void ProfilesPanel::showConnectionOutcome(const workflows::ConnectionTest::Outcome& outcome)
{
    clearConnectionResult();
    if (outcome.ok) {
        // An explicit QString: a QStringBuilder returned from the lambda would outlive its parts.
        m_connectionText = []() -> QString {
            return QStringLiteral("\u2713 ")
                + tr("Connected: WeChat Pay accepted this profile's keys, and its answer was verified.");
        };
        m_connectionResult->setStyleSheet(QStringLiteral("color: #1b5e20;"));
        m_connectionResult->setText(m_connectionText());
        return;
    }
    const std::optional<Error> error = outcome.error;
    const QString explanation = outcome.explanation;
    m_connectionError->showError(
        [error, explanation] { return error ? workflows::explainConnectionError(*error) : explanation; }, error);
}

void ProfilesPanel::clearConnectionResult()
{
    m_connectionText = nullptr;
    m_connectionResult->clear();
    m_connectionResult->setStyleSheet(QString());
    m_connectionError->clear();
}

void ProfilesPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    updateButtons();
}

void ProfilesPanel::setStatus(std::function<QString()> text, bool error)
{
    m_statusText = std::move(text);
    m_statusIsError = error;
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_status->setText(m_statusText ? m_statusText() : QString());
}

QString ProfilesPanel::statusText() const
{
    return m_status->text();
}

void ProfilesPanel::updateFamilyFields()
{
    const auto family = apiFamilyFromName(m_family->currentData().toString()).value_or(ApiFamily::V3);
    const bool v2 = family == ApiFamily::V2;
    m_signType->setEnabled(v2);
    m_platformSerials->setEnabled(!v2);
    m_publicKeyId->setEnabled(!v2);
}

void ProfilesPanel::updateButtons()
{
    const bool saved = !m_editingId.isEmpty();
    m_list->setEnabled(!m_busy);
    m_add->setEnabled(!m_busy);
    m_remove->setEnabled(!m_busy && saved);
    m_use->setEnabled(!m_busy && saved && m_editingId != m_profiles->currentProfileId());
    m_importKeys->setEnabled(!m_busy && saved);
    m_testConnection->setEnabled(!m_busy && saved && m_tester);
    m_revert->setEnabled(!m_busy);
    m_save->setEnabled(!m_busy);
}

void ProfilesPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        refreshList();
    }
    QWidget::changeEvent(event);
}

void ProfilesPanel::retranslateUi()
{
    m_listTitle->setText(tr("Merchant profiles"));
    m_emptyHint->setText(tr("No merchant profile yet. Fill in the form with the merchant ID and AppID from the WeChat "
                            "Pay merchant platform, save it, then import its keys."));
    m_add->setText(tr("Add profile"));
    m_remove->setText(tr("Remove…"));
    m_use->setText(tr("Use for payments"));
    m_formTitle->setText(m_editingId.isEmpty() ? tr("New profile") : tr("Edit profile"));
    m_merchantGroup->setTitle(tr("Merchant"));
    m_subMerchantGroup->setTitle(tr("Sub-merchant (service providers only)"));
    m_miniProgramGroup->setTitle(tr("Mini-program (UnionID look-up)"));
    m_certificatesGroup->setTitle(tr("Certificates"));
    m_paymentsGroup->setTitle(tr("Payments"));
    m_advancedGroup->setTitle(tr("Advanced"));

    const auto label = [this](ProfileField field, const QString& text) { m_fields[field].label->setText(text); };
    label(ProfileField::DisplayName, tr("Name:"));
    label(ProfileField::Id, tr("Profile ID:"));
    label(ProfileField::Mchid, tr("Merchant ID (mchid):"));
    label(ProfileField::Appid, tr("AppID:"));
    label(ProfileField::SubMchid, tr("Sub-merchant ID:"));
    label(ProfileField::SubAppid, tr("Sub-merchant AppID:"));
    label(ProfileField::MerchantSerial, tr("Merchant certificate serial:"));
    label(ProfileField::PlatformSerials, tr("Platform certificate serials:"));
    label(ProfileField::PublicKeyId, tr("WeChat Pay public key ID:"));
    label(ProfileField::NotifyUrl, tr("Notify URL:"));
    label(ProfileField::Currency, tr("Currency:"));
    label(ProfileField::DeviceId, tr("Device ID:"));
    label(ProfileField::StoreId, tr("Store ID:"));
    label(ProfileField::MiniProgramAppid, tr("Mini-program AppID:"));
    label(ProfileField::BaseUrl, tr("API address:"));
    m_familyLabel->setText(tr("API:"));
    m_regionLabel->setText(tr("Region:"));
    m_signTypeLabel->setText(tr("APIv2 sign type:"));
    m_tokenSourceLabel->setText(tr("Access token from:"));

    m_displayName->setPlaceholderText(tr("e.g. the shop's name"));
    m_id->setPlaceholderText(tr("Made from the merchant ID if left empty"));
    m_mchid->setPlaceholderText(QStringLiteral("1900009191"));
    m_appid->setPlaceholderText(QStringLiteral("wxd678efh567hg6787"));
    m_subMchid->setPlaceholderText(tr("Leave empty for a direct merchant"));
    m_subAppid->setPlaceholderText(tr("Optional"));
    m_merchantSerial->setPlaceholderText(tr("Filled in by “Import keys…”"));
    m_platformSerials->setPlaceholderText(tr("Several: separate with commas"));
    m_publicKeyId->setPlaceholderText(QStringLiteral("PUB_KEY_ID_0112345678"));
    m_notifyUrl->setPlaceholderText(QStringLiteral("https://"));
    m_deviceId->setPlaceholderText(tr("Optional, e.g. the till number"));
    m_storeId->setPlaceholderText(tr("Optional"));
    m_miniProgramAppid->setPlaceholderText(tr("Optional"));
    m_baseUrl->setPlaceholderText(tr("Leave empty to use WeChat Pay's own address"));

    for (int i = 0; i < m_family->count(); ++i)
        m_family->setItemText(i, familyText(kFamilies[static_cast<size_t>(i)]));
    for (int i = 0; i < m_region->count(); ++i)
        m_region->setItemText(i, regionText(kRegions[static_cast<size_t>(i)]));
    for (int i = 0; i < m_tokenSource->count(); ++i)
        m_tokenSource->setItemText(i, tokenSourceText(kTokenSources[static_cast<size_t>(i)]));

    m_importKeys->setText(tr("Import keys…"));
    m_importKeys->setToolTip(m_editingId.isEmpty() ? tr("Save the profile first") : QString());
    m_revert->setText(tr("Discard changes"));
    m_save->setText(tr("Save profile"));
    m_testConnection->setText(tr("Test connection"));
    m_testConnection->setToolTip(
        m_editingId.isEmpty() ? tr("Save the profile first") : tr("Checks the saved profile's keys with WeChat Pay"));
    if (m_connectionText)
        m_connectionResult->setText(m_connectionText());

    for (const FieldProblem& problem : std::as_const(m_problems)) {
        if (problem.field && m_fields.contains(*problem.field))
            m_fields[*problem.field].error->setText(fieldProblemText(problem));
    }
    if (m_statusText)
        m_status->setText(m_statusText());
}

} // namespace wxpay::ui
