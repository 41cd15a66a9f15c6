// The console lock: covers its parent, keeps the focus, refuses a wrong PIN and opens with the right one.

#include "credentials/inmemorycredentialstore.h"
#include "lockscreen.h"
#include "support/testsupport.h"
#include "workflows/managerpin.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace wxpay;
using ui::LockScreen;

namespace {

const QString kProfile = QStringLiteral("shop-1");
const QString kPin = QStringLiteral("2468");

template<typename T> T* child(QWidget& parent, const char* name)
{
    auto* widget = parent.findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no widget %s", name);
    return widget;
}

} // namespace

class TestLockScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void startsUnlocked();
    void coversItsParentAndTakesTheFocus();
    void wrongPinKeepsItLocked();
    void rightPinUnlocks();
    void tabStaysOnTheLockScreen();
    void lockedKeychainKeepsItLocked();

private:
    void typePin(const QString& pin, bool pressEnter);

    credentials::InMemoryCredentialStore m_store;
    QObject m_context;
    std::unique_ptr<QWidget> m_window;
    LockScreen* m_lock = nullptr;
    QWidget* m_underneath = nullptr;
};

void TestLockScreen::initTestCase()
{
    std::optional<Status> stored;
    workflows::ManagerPin::set(m_store, kProfile, kPin, &m_context, [&stored](Status status) { stored = status; });
    QTRY_VERIFY(stored.has_value());
    WXPAY_VERIFY_OK(*stored);
}

void TestLockScreen::init()
{
    m_store.setLocked(false);
    m_window = std::make_unique<QWidget>();
    m_window->resize(900, 600);
    m_underneath = new QLineEdit(m_window.get());
    m_underneath->setObjectName(QStringLiteral("underneathLineEdit"));
    m_lock = new LockScreen(m_window.get());
    m_lock->setCredentials(&m_store, kProfile);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_underneath->setFocus();
}

void TestLockScreen::cleanup()
{
    m_window.reset();
}

void TestLockScreen::typePin(const QString& pin, bool pressEnter)
{
    auto* field = child<QLineEdit>(*m_lock, "unlockPinLineEdit");
    QTest::keyClicks(field, pin);
    if (pressEnter)
        QTest::keyClick(field, Qt::Key_Return);
    else
        QTest::mouseClick(child<QPushButton>(*m_lock, "unlockPushButton"), Qt::LeftButton);
}

void TestLockScreen::startsUnlocked()
{
    QVERIFY(!m_lock->isLocked());
    QVERIFY(!m_lock->isVisible());
    QCOMPARE(m_lock->objectName(), QStringLiteral("lockScreen"));
}

void TestLockScreen::coversItsParentAndTakesTheFocus()
{
    m_lock->lock();
    QVERIFY(m_lock->isLocked());
    QVERIFY(m_lock->isVisible());
    QCOMPARE(m_lock->geometry(), m_window->rect());
    QCOMPARE(child<QLabel>(*m_lock, "lockTitleLabel")->text(), QStringLiteral("Console locked"));
    QTRY_VERIFY(child<QLineEdit>(*m_lock, "unlockPinLineEdit")->hasFocus());
    QCOMPARE(child<QLineEdit>(*m_lock, "unlockPinLineEdit")->echoMode(), QLineEdit::Password);
    // On top of what it covers, and it follows the window's size.
    QWidget* top = m_window->childAt(QPoint(20, 10));
    QVERIFY(top == m_lock || m_lock->isAncestorOf(top));
    m_window->resize(1000, 700);
    QTRY_COMPARE(m_lock->geometry(), m_window->rect());
}

void TestLockScreen::wrongPinKeepsItLocked()
{
    QSignalSpy unlocked(m_lock, &LockScreen::unlocked);
    m_lock->lock();
    typePin(QString(), true);
    QCOMPARE(m_lock->messageText(), QStringLiteral("Enter the manager PIN."));

    typePin(QStringLiteral("1357"), true);
    QTRY_VERIFY2(m_lock->messageText().contains(QStringLiteral("Wrong PIN")), qPrintable(m_lock->messageText()));
    QVERIFY(child<QLineEdit>(*m_lock, "unlockPinLineEdit")->text().isEmpty());
    QVERIFY(m_lock->isLocked());
    QVERIFY(m_lock->isVisible());
    QCOMPARE(unlocked.count(), 0);
}

void TestLockScreen::rightPinUnlocks()
{
    QSignalSpy unlocked(m_lock, &LockScreen::unlocked);
    m_lock->lock();
    typePin(QStringLiteral("1111"), false);
    QTRY_VERIFY(!m_lock->messageText().isEmpty());
    typePin(kPin, false);
    QTRY_COMPARE(unlocked.count(), 1);
    QVERIFY(!m_lock->isLocked());
    QVERIFY(!m_lock->isVisible());
    QVERIFY(m_lock->messageText().isEmpty());
    QVERIFY(child<QLineEdit>(*m_lock, "unlockPinLineEdit")->text().isEmpty());

    // Locks again, empty, and Enter opens it.
    m_lock->lock();
    QVERIFY(m_lock->isVisible());
    QVERIFY(m_lock->messageText().isEmpty());
    typePin(kPin, true);
    QTRY_COMPARE(unlocked.count(), 2);
    QVERIFY(!m_lock->isLocked());
}

void TestLockScreen::tabStaysOnTheLockScreen()
{
    m_lock->lock();
    auto* field = child<QLineEdit>(*m_lock, "unlockPinLineEdit");
    auto* button = child<QPushButton>(*m_lock, "unlockPushButton");
    QTRY_VERIFY(field->hasFocus());
    for (int i = 0; i < 4; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(field->hasFocus() || button->hasFocus());
        QVERIFY(!m_underneath->hasFocus());
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QVERIFY(!m_underneath->hasFocus());
}

void TestLockScreen::lockedKeychainKeepsItLocked()
{
    QSignalSpy unlocked(m_lock, &LockScreen::unlocked);
    m_lock->lock();
    m_store.setLocked(true);
    typePin(kPin, true);
    QTRY_VERIFY2(m_lock->messageText().contains(QStringLiteral("keychain")), qPrintable(m_lock->messageText()));
    QVERIFY(m_lock->isLocked());
    QCOMPARE(unlocked.count(), 0);
    m_store.setLocked(false);
    typePin(kPin, true);
    QTRY_COMPARE(unlocked.count(), 1);
}

QTEST_MAIN(TestLockScreen)
#include "tst_lockscreen.moc"
