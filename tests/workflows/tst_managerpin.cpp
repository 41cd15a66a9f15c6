#include "credentials/inmemorycredentialstore.h"
#include "support/testsupport.h"
#include "workflows/managerpin.h"

#include <QTest>

using namespace wxpay;
using workflows::ManagerPin;

class TestManagerPin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validates_data();
    void validates();
    void hashesWithAFreshSalt();
    void verifies();
    void rejectsMalformedHashes_data();
    void rejectsMalformedHashes();
    void storesOnlyTheHash();
};

void TestManagerPin::validates_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<bool>("valid");
    QTest::newRow("4 digits") << "1234" << true;
    QTest::newRow("12 digits") << "123456789012" << true;
    QTest::newRow("3 digits") << "123" << false;
    QTest::newRow("13 digits") << "1234567890123" << false;
    QTest::newRow("letters") << "12a4" << false;
    QTest::newRow("space") << "1234 " << false;
    QTest::newRow("full-width digits") << QString::fromUtf8("１２３４") << false;
}

void TestManagerPin::validates()
{
    QFETCH(QString, pin);
    QFETCH(bool, valid);
    QCOMPARE(ManagerPin::validate(pin).ok(), valid);
    QCOMPARE(ManagerPin::hash(pin, 10).ok(), valid);
}

void TestManagerPin::hashesWithAFreshSalt()
{
    const auto a = ManagerPin::hash(QStringLiteral("2468"), 1000);
    const auto b = ManagerPin::hash(QStringLiteral("2468"), 1000);
    WXPAY_VERIFY_OK(a);
    WXPAY_VERIFY_OK(b);
    QVERIFY(a.value() != b.value());
    QVERIFY(a->startsWith("pbkdf2-sha256$1000$"));
    QVERIFY(!a->contains("2468"));
    QCOMPARE(a->split('$').size(), 4);
    QCOMPARE(QByteArray::fromBase64(a->split('$').at(3)).size(), 32);
}

void TestManagerPin::verifies()
{
    const auto stored = ManagerPin::hash(QStringLiteral("2468"), 1000);
    WXPAY_VERIFY_OK(stored);
    QVERIFY(ManagerPin::verify(QStringLiteral("2468"), stored.value()));
    QVERIFY(!ManagerPin::verify(QStringLiteral("2469"), stored.value()));
    QVERIFY(!ManagerPin::verify(QStringLiteral("24680"), stored.value()));
    QVERIFY(!ManagerPin::verify(QString(), stored.value()));
}

void TestManagerPin::rejectsMalformedHashes_data()
{
    QTest::addColumn<QByteArray>("stored");
    const QByteArray good = ManagerPin::hash(QStringLiteral("2468"), 1000).value();
    const QList<QByteArray> parts = good.split('$');
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("other scheme") << QByteArray("bcrypt$" + parts.at(1) + '$' + parts.at(2) + '$' + parts.at(3));
    QTest::newRow("zero iterations") << QByteArray(parts.at(0) + "$0$" + parts.at(2) + '$' + parts.at(3));
    QTest::newRow("huge iterations") << QByteArray(parts.at(0) + "$999999999$" + parts.at(2) + '$' + parts.at(3));
    QTest::newRow("bad base64") << QByteArray(parts.at(0) + '$' + parts.at(1) + "$!!$" + parts.at(3));
    QTest::newRow("short hash") << QByteArray(parts.at(0) + '$' + parts.at(1) + '$' + parts.at(2) + "$AAAA");
    QTest::newRow("missing part") << QByteArray(parts.at(0) + '$' + parts.at(1) + '$' + parts.at(2));
}

void TestManagerPin::rejectsMalformedHashes()
{
    QFETCH(QByteArray, stored);
    QVERIFY(!ManagerPin::verify(QStringLiteral("2468"), stored));
}

void TestManagerPin::storesOnlyTheHash()
{
    credentials::InMemoryCredentialStore store;
    QObject context;
    std::optional<Result<bool>> checked;
    ManagerPin::check(store, QStringLiteral("shop"), QStringLiteral("1357"), &context,
        [&checked](Result<bool> result) { checked.emplace(std::move(result)); });
    QTRY_VERIFY(checked.has_value());
    WXPAY_VERIFY_ERROR(checked.value(), ErrorKind::Credentials, QStringLiteral("NOT_FOUND"));

    std::optional<Status> set;
    ManagerPin::set(store, QStringLiteral("shop"), QStringLiteral("12"), &context,
        [&set](Status status) { set.emplace(std::move(status)); });
    QTRY_VERIFY(set.has_value());
    WXPAY_VERIFY_ERROR(set.value(), ErrorKind::Input, QStringLiteral("PIN_INVALID"));
    QVERIFY(store.keys().isEmpty());

    set.reset();
    ManagerPin::set(store, QStringLiteral("shop"), QStringLiteral("1357"), &context,
        [&set](Status status) { set.emplace(std::move(status)); });
    QTRY_VERIFY(set.has_value());
    WXPAY_VERIFY_OK(set.value());
    const QString key = credentials::secretKey(QStringLiteral("shop"), credentials::SecretKind::ManagerPinHash);
    QVERIFY(store.value(key).startsWith("pbkdf2-sha256$"));
    QVERIFY(!store.value(key).contains("1357"));

    for (const auto& [pin, expected] :
        { std::pair { QStringLiteral("1357"), true }, { QStringLiteral("7531"), false } }) {
        checked.reset();
        ManagerPin::check(store, QStringLiteral("shop"), pin, &context,
            [&checked](Result<bool> result) { checked.emplace(std::move(result)); });
        QTRY_VERIFY(checked.has_value());
        WXPAY_VERIFY_OK(checked.value());
        QCOMPARE(checked->value(), expected);
    }
}

QTEST_GUILESS_MAIN(TestManagerPin)
#include "tst_managerpin.moc"
