// Settings → manager PIN: set, change and remove it (the current PIN guards both), and "Lock console" only with a
// PIN set.

#include "credentials/inmemorycredentialstore.h"
#include "managerpinbox.h"
#include "pindialog.h"
#include "support/testsupport.h"
#include "workflows/managerpin.h"

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace wxpay;
using ui::ManagerPinBox;

namespace {

const QString kProfile = QStringLiteral("shop-1");

template<typename T> T* child(QWidget& parent, const char* name)
{
    auto* widget = parent.findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no widget %s", name);
    return widget;
}

} // namespace

class TestManagerPinBox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void withoutAPinOnlySettingIsOffered();
    void setsAPin();
    void refusesBadNewPins_data();
    void refusesBadNewPins();
    void changesThePinWithTheCurrentOne();
    void removesThePinWithTheCurrentOne();
    void lockedKeychainIsSaid();

private:
    QDialog* openDialog(const char* name);
    void type(QWidget& dialog, const char* field, const QString& text);
    std::optional<bool> pinMatches(const QString& pin);
    void setPinDirectly(const QString& pin);

    std::unique_ptr<credentials::InMemoryCredentialStore> m_store;
    std::unique_ptr<ManagerPinBox> m_box;
    QObject m_context;
};

void TestManagerPinBox::init()
{
    m_store = std::make_unique<credentials::InMemoryCredentialStore>();
    m_box = std::make_unique<ManagerPinBox>();
    m_box->resize(700, 200);
    m_box->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_box.get()));
}

void TestManagerPinBox::cleanup()
{
    m_box.reset();
    m_store.reset();
}

QDialog* TestManagerPinBox::openDialog(const char* name)
{
    QDialog* dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        dialog = m_box->findChild<QDialog*>(QString::fromLatin1(name));
        return dialog && dialog->isVisible();
    });
    return shown ? dialog : nullptr;
}

void TestManagerPinBox::type(QWidget& dialog, const char* field, const QString& text)
{
    auto* edit = child<QLineEdit>(dialog, field);
    edit->clear();
    QTest::keyClicks(edit, text);
}

std::optional<bool> TestManagerPinBox::pinMatches(const QString& pin)
{
    std::optional<Result<bool>> answer;
    workflows::ManagerPin::check(*m_store, kProfile, pin, &m_context, [&answer](Result<bool> r) { answer = r; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }) || !*answer)
        return std::nullopt;
    return answer->value();
}

void TestManagerPinBox::setPinDirectly(const QString& pin)
{
    std::optional<Status> stored;
    workflows::ManagerPin::set(*m_store, kProfile, pin, &m_context, [&stored](Status s) { stored = s; });
    QTRY_VERIFY(stored.has_value());
    WXPAY_VERIFY_OK(*stored);
}

void TestManagerPinBox::withoutAPinOnlySettingIsOffered()
{
    // No profile yet.
    QVERIFY(!child<QPushButton>(*m_box, "setPinPushButton")->isEnabled());
    QVERIFY(!child<QPushButton>(*m_box, "lockConsolePushButton")->isEnabled());

    QSignalSpy state(m_box.get(), &ManagerPinBox::pinStateChanged);
    m_box->setCredentials(m_store.get(), kProfile);
    QTRY_COMPARE(state.count(), 1);
    QCOMPARE(state.first().first().toBool(), false);
    QCOMPARE(m_box->hasPin(), std::optional<bool>(false));
    QVERIFY2(m_box->statusText().contains(QStringLiteral("No manager PIN")), qPrintable(m_box->statusText()));
    auto* set = child<QPushButton>(*m_box, "setPinPushButton");
    QVERIFY(set->isEnabled());
    QCOMPARE(set->text(), QStringLiteral("Set PIN…"));
    QVERIFY(!child<QPushButton>(*m_box, "removePinPushButton")->isEnabled());
    auto* lock = child<QPushButton>(*m_box, "lockConsolePushButton");
    QVERIFY(!lock->isEnabled());
    QVERIFY2(lock->toolTip().contains(QStringLiteral("Set a manager PIN first")), qPrintable(lock->toolTip()));
}

void TestManagerPinBox::setsAPin()
{
    m_box->setCredentials(m_store.get(), kProfile);
    QTRY_VERIFY(m_box->hasPin().has_value());
    QSignalSpy state(m_box.get(), &ManagerPinBox::pinStateChanged);
    QTest::mouseClick(child<QPushButton>(*m_box, "setPinPushButton"), Qt::LeftButton);
    QPointer<QDialog> dialog = openDialog("setPinDialog");
    QVERIFY(dialog);
    // Nothing to prove yet: no current PIN is asked for.
    QVERIFY(!child<QLineEdit>(*dialog, "currentPinLineEdit")->isVisible());
    type(*dialog, "newPinLineEdit", QStringLiteral("123456"));
    type(*dialog, "confirmPinLineEdit", QStringLiteral("123456"));
    QTest::keyClick(child<QLineEdit>(*dialog, "confirmPinLineEdit"), Qt::Key_Return);
    QTRY_VERIFY(!dialog);

    QTRY_COMPARE(m_box->hasPin(), std::optional<bool>(true));
    QCOMPARE(state.count(), 1);
    QCOMPARE(state.first().first().toBool(), true);
    QVERIFY(m_store->contains(credentials::secretKey(kProfile, credentials::SecretKind::ManagerPinHash)));
    QCOMPARE(pinMatches(QStringLiteral("123456")), std::optional<bool>(true));
    QVERIFY2(m_box->statusText().contains(QStringLiteral("A manager PIN is set")), qPrintable(m_box->statusText()));
    QCOMPARE(child<QLabel>(*m_box, "pinMessageLabel")->text(), QStringLiteral("The manager PIN was set."));
    QCOMPARE(child<QPushButton>(*m_box, "setPinPushButton")->text(), QStringLiteral("Change PIN…"));
    QVERIFY(child<QPushButton>(*m_box, "removePinPushButton")->isEnabled());

    auto* lock = child<QPushButton>(*m_box, "lockConsolePushButton");
    QVERIFY(lock->isEnabled());
    QSignalSpy lockRequested(m_box.get(), &ManagerPinBox::lockRequested);
    QTest::mouseClick(lock, Qt::LeftButton);
    QCOMPARE(lockRequested.count(), 1);
}

void TestManagerPinBox::refusesBadNewPins_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<QString>("again");
    QTest::addColumn<QString>("problem");
    QTest::newRow("too short") << "123"
                               << "123"
                               << "4 to 12 digits";
    QTest::newRow("letters") << "12ab"
                             << "12ab"
                             << "4 to 12 digits";
    QTest::newRow("not the same") << "1234"
                                  << "1243"
                                  << "not the same";
}

void TestManagerPinBox::refusesBadNewPins()
{
    QFETCH(QString, pin);
    QFETCH(QString, again);
    QFETCH(QString, problem);
    m_box->setCredentials(m_store.get(), kProfile);
    QTRY_VERIFY(m_box->hasPin().has_value());
    m_box->openSetPin();
    QPointer<QDialog> dialog = openDialog("setPinDialog");
    QVERIFY(dialog);
    type(*dialog, "newPinLineEdit", pin);
    type(*dialog, "confirmPinLineEdit", again);
    QTest::mouseClick(child<QPushButton>(*dialog, "savePinPushButton"), Qt::LeftButton);
    auto* setDialog = qobject_cast<ui::SetPinDialog*>(dialog.data());
    QVERIFY(setDialog);
    QVERIFY2(setDialog->problemText().contains(problem), qPrintable(setDialog->problemText()));
    QVERIFY(dialog->isVisible());
    QTest::qWait(50);
    QCOMPARE(m_store->operationCount(credentials::InMemoryCredentialStore::Operation::Write), 0);
    QTest::mouseClick(child<QPushButton>(*dialog, "cancelPinPushButton"), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(m_box->hasPin(), std::optional<bool>(false));
}

void TestManagerPinBox::changesThePinWithTheCurrentOne()
{
    setPinDirectly(QStringLiteral("1234"));
    m_box->setCredentials(m_store.get(), kProfile);
    QTRY_COMPARE(m_box->hasPin(), std::optional<bool>(true));
    QTest::mouseClick(child<QPushButton>(*m_box, "setPinPushButton"), Qt::LeftButton);
    QPointer<QDialog> dialog = openDialog("setPinDialog");
    QVERIFY(dialog);
    QVERIFY(child<QLineEdit>(*dialog, "currentPinLineEdit")->isVisible());
    const QByteArray before = m_store->value(credentials::secretKey(kProfile, credentials::SecretKind::ManagerPinHash));

    // A wrong current PIN changes nothing.
    type(*dialog, "currentPinLineEdit", QStringLiteral("9999"));
    type(*dialog, "newPinLineEdit", QStringLiteral("5678"));
    type(*dialog, "confirmPinLineEdit", QStringLiteral("5678"));
    QTest::mouseClick(child<QPushButton>(*dialog, "savePinPushButton"), Qt::LeftButton);
    auto* setDialog = qobject_cast<ui::SetPinDialog*>(dialog.data());
    QTRY_VERIFY2(setDialog->problemText().contains(QStringLiteral("current PIN is wrong")),
        qPrintable(setDialog->problemText()));
    QVERIFY(dialog->isVisible());
    QVERIFY(child<QLineEdit>(*dialog, "currentPinLineEdit")->text().isEmpty());
    QCOMPARE(m_store->value(credentials::secretKey(kProfile, credentials::SecretKind::ManagerPinHash)), before);

    type(*dialog, "currentPinLineEdit", QStringLiteral("1234"));
    type(*dialog, "newPinLineEdit", QStringLiteral("5678"));
    type(*dialog, "confirmPinLineEdit", QStringLiteral("5678"));
    QTest::mouseClick(child<QPushButton>(*dialog, "savePinPushButton"), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QTRY_COMPARE(child<QLabel>(*m_box, "pinMessageLabel")->text(), QStringLiteral("The manager PIN was changed."));
    QCOMPARE(pinMatches(QStringLiteral("5678")), std::optional<bool>(true));
    QCOMPARE(pinMatches(QStringLiteral("1234")), std::optional<bool>(false));
}

void TestManagerPinBox::removesThePinWithTheCurrentOne()
{
    setPinDirectly(QStringLiteral("24680"));
    m_box->setCredentials(m_store.get(), kProfile);
    QTRY_COMPARE(m_box->hasPin(), std::optional<bool>(true));
    QTest::mouseClick(child<QPushButton>(*m_box, "removePinPushButton"), Qt::LeftButton);
    QPointer<QDialog> dialog = openDialog("pinDialog");
    QVERIFY(dialog);
    auto* pinDialog = qobject_cast<ui::PinDialog*>(dialog.data());
    QVERIFY(pinDialog);

    type(*dialog, "pinLineEdit", QStringLiteral("13579"));
    QTest::keyClick(child<QLineEdit>(*dialog, "pinLineEdit"), Qt::Key_Return);
    QTRY_VERIFY2(pinDialog->problemText().contains(QStringLiteral("Wrong PIN")), qPrintable(pinDialog->problemText()));
    QVERIFY(dialog->isVisible());
    QVERIFY(m_store->contains(credentials::secretKey(kProfile, credentials::SecretKind::ManagerPinHash)));

    type(*dialog, "pinLineEdit", QStringLiteral("24680"));
    QTest::mouseClick(child<QPushButton>(*dialog, "pinOkPushButton"), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QTRY_COMPARE(m_box->hasPin(), std::optional<bool>(false));
    QVERIFY(!m_store->contains(credentials::secretKey(kProfile, credentials::SecretKind::ManagerPinHash)));
    QCOMPARE(child<QLabel>(*m_box, "pinMessageLabel")->text(), QStringLiteral("The manager PIN was removed."));
    QVERIFY(!child<QPushButton>(*m_box, "lockConsolePushButton")->isEnabled());
    QCOMPARE(child<QPushButton>(*m_box, "setPinPushButton")->text(), QStringLiteral("Set PIN…"));
}

void TestManagerPinBox::lockedKeychainIsSaid()
{
    setPinDirectly(QStringLiteral("1234"));
    m_store->setLocked(true);
    m_box->setCredentials(m_store.get(), kProfile);
    QTRY_VERIFY2(m_box->statusText().contains(QStringLiteral("locked")), qPrintable(m_box->statusText()));
    QVERIFY(!m_box->hasPin().has_value());
    QVERIFY(!child<QPushButton>(*m_box, "setPinPushButton")->isEnabled());
    QVERIFY(!child<QPushButton>(*m_box, "removePinPushButton")->isEnabled());
    QVERIFY(!child<QPushButton>(*m_box, "lockConsolePushButton")->isEnabled());
}

QTEST_MAIN(TestManagerPinBox)
#include "tst_managerpinbox.moc"
