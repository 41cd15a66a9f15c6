#pragma once

#include "common/error.h"
#include "credentials/keyimport.h"
#include "credentials/profilestore.h"

#include <QDateTime>
#include <QMainWindow>

#include <array>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QSettings;
class QStackedWidget;
class QTabWidget;

namespace wxpay::ui {

class LockScreen;
class ManagerPinBox;
class OrdersPanel;
class ProfilesPanel;
class RefundsPanel;
class TakePaymentPanel;
class UnionIdPanel;

// The console's main window: navigation on the left (Ctrl+1..5), the panels, the red sandbox banner while the
// active profile is the sandbox (or none is configured, which means the built-in sandbox), a language menu that
// switches at once, the console lock (Ctrl+L, opened only with the manager PIN), and the About box. An order's
// "Refund" and "Look up UnionID" open those panels with the order filled in. The window's geometry is kept in the
// settings.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Panel
    {
        TakePayment,
        Orders,
        Refunds,
        UnionId,
        Settings,
    };
    static constexpr int kPanelCount = 5;

    // All three must outlive the window.
    MainWindow(credentials::ProfileStore* profiles,
        credentials::KeyImport* import,
        QSettings* settings,
        QWidget* parent = nullptr);

    Panel currentPanel() const;
    void showPanel(Panel panel);
    bool isSandbox() const { return m_sandbox; }

    // "zh_CN", "en" or "system": stored in the settings and applied at once.
    void setLanguage(const QString& choice);
    QString languageChoice() const;
    void showAbout();

    TakePaymentPanel* takePaymentPanel() const { return m_takePayment; }
    OrdersPanel* ordersPanel() const { return m_orders; }
    RefundsPanel* refundsPanel() const { return m_refunds; }
    UnionIdPanel* unionIdPanel() const { return m_unionId; }
    ProfilesPanel* profilesPanel() const { return m_profilesPanel; }
    ManagerPinBox* managerPinBox() const { return m_pinBox; }
    LockScreen* lockScreen() const { return m_lockScreen; }

    // The manager PIN of the active profile guards refunds and the lock.
    void setManagerPinStore(credentials::CredentialStore* store, const QString& profileId);
    // Locks the console when a manager PIN is set; otherwise says to set one first. True when locked.
    bool lockConsole();

    // The profiles changed outside the window (the built-in sandbox installed its own): show them again.
    void reloadProfiles();

    // The console could not get ready to take payments (history busy or unreadable, keys unusable): said where
    // payments are taken and in the status bar.
    void showSetupError(const Error& error);
    // Start-up recovery ended: `settled` operations of the last run were finished, `pending` still need attention.
    void showRecovery(int settled, int pending);
    // Money-moving operations still open (unsettled) for the active profile, and when they are checked again.
    void showOpenOperations(int open, const QDateTime& nextCheck);

    static QString geometryKey(); // "ui/geometry"
    static QString languageKey(); // "ui/language"

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void refreshProfile();
    void setLocked(bool locked);
    void retranslateUi();

    credentials::ProfileStore* m_profiles;
    QSettings* m_settings;
    bool m_sandbox = true;

    QLabel* m_banner = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_stack = nullptr;
    TakePaymentPanel* m_takePayment = nullptr;
    OrdersPanel* m_orders = nullptr;
    RefundsPanel* m_refunds = nullptr;
    UnionIdPanel* m_unionId = nullptr;
    QTabWidget* m_settingsTabs = nullptr;
    ProfilesPanel* m_profilesPanel = nullptr;
    ManagerPinBox* m_pinBox = nullptr;
    LockScreen* m_lockScreen = nullptr;
    QAction* m_lockAction = nullptr;
    QLabel* m_activeProfile = nullptr;
    QLabel* m_openOperations = nullptr;
    int m_openCount = 0;
    QDateTime m_nextCheck;
    QMenu* m_goMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    std::array<QAction*, kPanelCount> m_panelActions {};
    QActionGroup* m_languageGroup = nullptr;
    QAction* m_chinese = nullptr;
    QAction* m_english = nullptr;
    QAction* m_system = nullptr;
    QAction* m_about = nullptr;
};

} // namespace wxpay::ui
