#include "common/result.h"
#include "support/testsupport.h"

#include <QTest>

using namespace wxpay;

namespace {
Result<int> half(int value)
{
    if (value % 2 != 0)
        return Error::input(QStringLiteral("ODD"), QStringLiteral("odd number"));
    return value / 2;
}

Status check(bool good)
{
    if (!good)
        return Error::business(QStringLiteral("NOTENOUGH"), QStringLiteral("余额不足"), QStringLiteral("rid-1"), 403);
    return {};
}
} // namespace

class TestResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void carriesValueOrError()
    {
        const auto good = half(4);
        QVERIFY(good.ok());
        QCOMPARE(good.value(), 2);
        const auto bad = half(3);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, QStringLiteral("ODD"));
        QCOMPARE(bad.valueOr(-1), -1);
    }

    void statusCarriesError()
    {
        QVERIFY(check(true).ok());
        const Status failed = check(false);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().kind, ErrorKind::Business);
        QCOMPARE(failed.error().httpStatus, 403);
    }

    void errorDescribesItself()
    {
        const Error e = Error::business(
            QStringLiteral("USERPAYING"), QStringLiteral("需要用户输入支付密码"), QStringLiteral("08F8B1"), 202);
        QCOMPARE(
            e.toString(), QStringLiteral("business USERPAYING (HTTP 202, Request-ID 08F8B1): 需要用户输入支付密码"));
        QCOMPARE(Error::http(503, QStringLiteral("unavailable")).code, QStringLiteral("HTTP_503"));
        QCOMPARE(Error::network(QStringLiteral("TIMEOUT"), {}).toString(), QStringLiteral("network TIMEOUT"));
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
