#include "mainwindow.h"

#include "errorbox.h"
#include "lockscreen.h"
#include "log.h"
#include "managerpinbox.h"
#include "orderspanel.h"
#include "profilespanel.h"
#include "refundspanel.h"
#include "takepaymentpanel.h"
#include "translation.h"
#include "unionidpanel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace wxpay::ui {

namespace {

const std::array<QString, MainWindow::kPanelCount> kIcons { QStringLiteral(":/icons/nav-take-payment.svg"),
    QStringLiteral(":/icons/nav-orders.svg"), QStringLiteral(":/icons/nav-refunds.svg"),
    QStringLiteral(":/icons/nav-unionid.svg"), QStringLiteral(":/icons/nav-settings.svg") };
const std::array<QString, MainWindow::kPanelCount> kActionNames { QStringLiteral("takePaymentAction"),
    QStringLiteral("ordersAction"), QStringLiteral("refundsAction"), QStringLiteral("unionIdAction"),
    QStringLiteral("settingsAction") };

} // namespace

QString MainWindow::geometryKey()
{
    return QStringLiteral("ui/geometry");
}

QString MainWindow::languageKey()
{
    return QStringLiteral("ui/language");
}

MainWindow::MainWindow(
    credentials::ProfileStore* profiles, credentials::KeyImport* import, QSettings* settings, QWidget* parent)
    : QMainWindow(parent), m_profiles(profiles), m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setMinimumSize(960, 640);

    auto* central = new QWidget(this);
    auto* outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("sandboxBannerLabel"));
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setStyleSheet(
        QStringLiteral("background: #b71c1c; color: white; font-weight: bold; font-size: 15pt; padding: 8px;"));
    outer->addWidget(m_banner);

    auto* body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigationListWidget"));
    m_navigation->setIconSize(QSize(28, 28));
    m_navigation->setFixedWidth(200);
    m_navigation->setSpacing(4);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setStyleSheet(QStringLiteral("QListWidget { background: #f3f4f6; padding-top: 8px; }"
                                               "QListWidget::item { padding: 10px 8px; border-radius: 4px; }"
                                               "QListWidget::item:selected { background: #dcefe3; color: #111; }"));
    QFont navFont = m_navigation->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.2);
    m_navigation->setFont(navFont);
    for (const QString& icon : kIcons)
        new QListWidgetItem(QIcon(icon), QString(), m_navigation);
    body->addWidget(m_navigation);

    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("panelsStackedWidget"));
    m_takePayment = new TakePaymentPanel(m_stack);
    m_stack->addWidget(m_takePayment);
    m_orders = new OrdersPanel(profiles, m_stack);
    m_stack->addWidget(m_orders);
    m_refunds = new RefundsPanel(m_stack);
    m_stack->addWidget(m_refunds);
    m_unionId = new UnionIdPanel(m_stack);
    m_stack->addWidget(m_unionId);
    // Settings: the merchant profiles, and the manager PIN with the lock.
    m_settingsTabs = new QTabWidget(m_stack);
    m_settingsTabs->setObjectName(QStringLiteral("settingsPanel"));
    m_settingsTabs->setDocumentMode(true);
    m_profilesPanel = new ProfilesPanel(profiles, import, m_settingsTabs);
    m_settingsTabs->addTab(m_profilesPanel, QString());
    auto* security = new QWidget(m_settingsTabs);
    security->setObjectName(QStringLiteral("securityPage"));
    auto* securityLayout = new QVBoxLayout(security);
    securityLayout->setContentsMargins(24, 24, 24, 24);
    m_pinBox = new ManagerPinBox(security);
    securityLayout->addWidget(m_pinBox);
    securityLayout->addStretch(1);
    m_settingsTabs->addTab(security, QString());
    m_stack->addWidget(m_settingsTabs);
    body->addWidget(m_stack, 1);
    outer->addLayout(body, 1);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    // Payments and refunds happen on other panels: the lists show what the history holds when they come into view.
    connect(m_stack, &QStackedWidget::currentChanged, this, [this](int index) {
        if (index == static_cast<int>(Panel::Orders))
            m_orders->reload();
        else if (index == static_cast<int>(Panel::Refunds))
            m_refunds->reloadRefunds();
    });
    connect(m_profilesPanel, &ProfilesPanel::currentProfileChanged, this, &MainWindow::refreshProfile);
    connect(m_orders, &OrdersPanel::refundRequested, this, [this](const QString& outTradeNo) {
        m_refunds->setOrder(outTradeNo);
        showPanel(Panel::Refunds);
    });
    connect(m_orders, &OrdersPanel::unionIdRequested, this, [this](const storage::OrderRecord& order) {
        m_unionId->prefill(order);
        showPanel(Panel::UnionId);
    });

    // The lock covers everything below the menu bar; the menus are off while it is up.
    m_lockScreen = new LockScreen(central);
    m_lockScreen->hide();
    connect(m_lockScreen, &LockScreen::unlocked, this, [this] { setLocked(false); });
    connect(m_pinBox, &ManagerPinBox::lockRequested, this, &MainWindow::lockConsole);

    m_openOperations = new QLabel(this);
    m_openOperations->setObjectName(QStringLiteral("openOperationsLabel"));
    m_openOperations->hide();
    statusBar()->addPermanentWidget(m_openOperations);
    m_activeProfile = new QLabel(this);
    m_activeProfile->setObjectName(QStringLiteral("activeProfileLabel"));
    statusBar()->addPermanentWidget(m_activeProfile);

    // Menus: the panels with their shortcuts, the language, help.
    m_goMenu = menuBar()->addMenu(QString());
    m_goMenu->setObjectName(QStringLiteral("goMenu"));
    for (int i = 0; i < kPanelCount; ++i) {
        auto* action = new QAction(QIcon(kIcons[static_cast<size_t>(i)]), QString(), this);
        action->setObjectName(kActionNames[static_cast<size_t>(i)]);
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { showPanel(static_cast<Panel>(i)); });
        m_goMenu->addAction(action);
        addAction(action);
        m_panelActions[static_cast<size_t>(i)] = action;
    }

    m_goMenu->addSeparator();
    m_lockAction = new QAction(QIcon(QStringLiteral(":/icons/lock.svg")), QString(), this);
    m_lockAction->setObjectName(QStringLiteral("lockConsoleAction"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_lockAction, &QAction::triggered, this, &MainWindow::lockConsole);
    m_goMenu->addAction(m_lockAction);
    addAction(m_lockAction);

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageGroup = new QActionGroup(this);
    m_chinese = new QAction(QStringLiteral("简体中文"), m_languageGroup);
    m_chinese->setObjectName(QStringLiteral("languageChineseAction"));
    m_chinese->setData(QStringLiteral("zh_CN"));
    m_english = new QAction(QStringLiteral("English"), m_languageGroup);
    m_english->setObjectName(QStringLiteral("languageEnglishAction"));
    m_english->setData(QStringLiteral("en"));
    m_system = new QAction(m_languageGroup);
    m_system->setObjectName(QStringLiteral("languageSystemAction"));
    m_system->setData(QStringLiteral("system"));
    for (QAction* action : m_languageGroup->actions()) {
        action->setCheckable(true);
        m_languageMenu->addAction(action);
    }
    connect(m_languageGroup, &QActionGroup::triggered, this,
        [this](QAction* action) { setLanguage(action->data().toString()); });

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_about = m_helpMenu->addAction(QString());
    m_about->setObjectName(QStringLiteral("aboutAction"));
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);

    const QString choice = languageChoice();
    for (QAction* action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == choice);

    if (!restoreGeometry(m_settings->value(geometryKey()).toByteArray())) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(QSize(1280, 800).boundedTo(available.size()));
    }
    m_navigation->setCurrentRow(0);
    refreshProfile();
    retranslateUi();
    m_takePayment->setFocus();
}

MainWindow::Panel MainWindow::currentPanel() const
{
    return static_cast<Panel>(m_stack->currentIndex());
}

void MainWindow::showPanel(Panel panel)
{
    m_navigation->setCurrentRow(static_cast<int>(panel));
    m_stack->currentWidget()->setFocus();
}

QString MainWindow::languageChoice() const
{
    const QString choice = m_settings->value(languageKey()).toString();
    return choice == u"zh_CN" || choice == u"en" ? choice : QStringLiteral("system");
}

void MainWindow::setLanguage(const QString& choice)
{
    m_settings->setValue(languageKey(), choice);
    for (QAction* action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == choice);
    const QString installed = installTranslation(*qApp, localeForChoice(choice));
    qCInfo(lcUi) << "language" << choice << "->" << installed;
}

void MainWindow::showAbout()
{
    auto* box = new QMessageBox(QMessageBox::Information, tr("About WeChat Pay Console"),
        tr("<p><b>WeChat Pay Console</b> %1</p>"
           "<p>Take WeChat Pay payments by QR code or payment code, look orders up, refund them and find a payer's "
           "UnionID, for one or several merchants.</p>"
           "<p>Keys and certificates are kept only in this computer's system keychain. Orders are kept in a local "
           "history that works offline.</p>")
            .arg(QApplication::applicationVersion().toHtmlEscaped()),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("aboutMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIconPixmap(QIcon(QStringLiteral(":/icons/wxpay-console.svg")).pixmap(64, 64));
    box->addButton(tr("Close"), QMessageBox::AcceptRole)->setObjectName(QStringLiteral("closeAboutPushButton"));
    box->open();
}

void MainWindow::reloadProfiles()
{
    m_profilesPanel->refreshList();
    refreshProfile();
}

void MainWindow::setManagerPinStore(credentials::CredentialStore* store, const QString& profileId)
{
    m_pinBox->setCredentials(store, profileId);
    m_lockScreen->setCredentials(store, profileId);
}

bool MainWindow::lockConsole()
{
    if (m_lockScreen->isLocked())
        return true;
    if (m_pinBox->hasPin() != true) {
        statusBar()->showMessage(tr("Set a manager PIN in Settings first: only the PIN opens a locked console."));
        return false;
    }
    setLocked(true);
    m_lockScreen->lock();
    return true;
}

void MainWindow::setLocked(bool locked)
{
    menuBar()->setEnabled(!locked);
    for (QAction* action : m_panelActions)
        action->setEnabled(!locked);
    m_lockAction->setEnabled(!locked);
    if (!locked)
        m_stack->currentWidget()->setFocus();
}

void MainWindow::showSetupError(const Error& error)
{
    m_takePayment->showSetupError(error);
    statusBar()->showMessage(plainSentence(error));
}

void MainWindow::showRecovery(int settled, int pending)
{
    QString message = tr("%n unfinished operation(s) of the last session were completed.", nullptr, settled);
    if (pending > 0)
        message += u' ' + tr("%n still need attention: look them up in Orders.", nullptr, pending);
    statusBar()->showMessage(message);
}

void MainWindow::showOpenOperations(int open, const QDateTime& nextCheck)
{
    m_openCount = open;
    m_nextCheck = nextCheck;
    m_openOperations->setVisible(open > 0);
    if (open <= 0) {
        m_openOperations->clear();
        return;
    }
    QString text = tr("%n operation(s) not settled yet", nullptr, open);
    if (nextCheck.isValid())
        text += u' '
            + tr("(checked again at %1)").arg(QLocale().toString(nextCheck.toLocalTime().time(), QLocale::ShortFormat));
    m_openOperations->setText(text);
    m_openOperations->setToolTip(tr("Payments, refunds, closes or reverses whose outcome WeChat Pay has not "
                                    "confirmed yet. The console asks again by itself; look them up in Orders."));
}

void MainWindow::refreshProfile()
{
    const auto profile = m_profiles->currentProfile();
    // No profile means the built-in sandbox.
    m_sandbox = !profile || profile->sandbox;
    m_banner->setVisible(m_sandbox);
    if (profile)
        m_takePayment->setCurrency(profile->defaultCurrency);
    retranslateUi();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_settings->setValue(geometryKey(), saveGeometry());
    m_settings->sync();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    showOpenOperations(m_openCount, m_nextCheck);
    setWindowTitle(m_sandbox ? tr("WeChat Pay Console — Sandbox") : tr("WeChat Pay Console"));
    m_banner->setText(tr("Sandbox — no real money"));
    const std::array<QString, kPanelCount> names { tr("Take payment"), tr("Orders"), tr("Refunds"), tr("UnionID"),
        tr("Settings") };
    for (int i = 0; i < kPanelCount; ++i) {
        const auto index = static_cast<size_t>(i);
        const QString shortcut = m_panelActions[index]->shortcut().toString(QKeySequence::NativeText);
        m_navigation->item(i)->setText(names[index]);
        m_navigation->item(i)->setToolTip(names[index] + u" (" + shortcut + u')');
        m_panelActions[index]->setText(names[index]);
    }
    m_goMenu->setTitle(tr("&Go"));
    m_lockAction->setText(tr("&Lock console"));
    m_settingsTabs->setTabText(0, tr("Merchant profiles"));
    m_settingsTabs->setTabText(1, tr("Manager PIN and lock"));
    m_languageMenu->setTitle(tr("&Language"));
    m_system->setText(tr("Follow system"));
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("&About WeChat Pay Console"));

    const auto profile = m_profiles->currentProfile();
    m_activeProfile->setText(profile ? tr("Merchant: %1 (%2)").arg(profile->displayName, profile->mchid)
                                     : tr("No merchant profile: using the built-in sandbox"));
}

} // namespace wxpay::ui
