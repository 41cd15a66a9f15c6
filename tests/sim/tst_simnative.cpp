#include "simtestutil.h"
#include "support/testsupport.h"

#include <QRegularExpression>
#include <QTest>

using namespace wxpay;
using namespace wxpay::sim;
using namespace wxpay::sim::test;

class TestSimNative : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createReturnsCodeUrl();
    void globalMerchantGetsShortCodeUrl();
    void customerPays();
    void customerPaysWithOwnOpenid();
    void closeUnpaid();
    void closeAfterPayAnswersOrderPaid();
    void expiresAfterTwoHours();
    void customTimeExpire();
    void reentryWithSameParametersIsIdempotent();
    void reentryWithOtherParametersIsRefused_data();
    void reentryWithOtherParametersIsRefused();
    void validatesFields_data();
    void validatesFields();
    void resolvesMerchants();
    void serviceProviderOrdersAreSeparate();
};

void TestSimNative::createReturnsCodeUrl()
{
    Sim sim;
    const auto order = sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0001"_s, 1));
    WXPAY_VERIFY_OK(order);
    QVERIFY2(QRegularExpression(u"^weixin://wxpay/bizpayurl\\?pr=[0-9A-Za-z]{7}$"_s).match(order->codeUrl).hasMatch(),
        qPrintable(order->codeUrl));
    QCOMPARE(order->codeUrl, u"weixin://wxpay/bizpayurl?pr=NwY5Mz9"_s); // the first nonce
    QVERIFY(order->prepayId.startsWith(u"wx20240520100000"_s));
    QVERIFY(order->prepayId.size() <= 64);

    const auto query = sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(u"NATIVE0001"_s));
    WXPAY_VERIFY_OK(query);
    QCOMPARE(query->state, TradeState::NotPay);
    QCOMPARE(query->tradeType, u"NATIVE"_s);
    QCOMPARE(query->total, money(1));
    QVERIFY(query->transactionId.isEmpty());
    QVERIFY(query->openid.isEmpty());
    QVERIFY(!query->payerTotal);
    QVERIFY(!query->successTime.isValid());
}

void TestSimNative::globalMerchantGetsShortCodeUrl()
{
    Sim sim;
    const auto order = sim.engine.createNative(hkIds(), nativeRequest(u"GLOBAL0001"_s, 10000, u"HKD"_s));
    WXPAY_VERIFY_OK(order);
    QVERIFY2(QRegularExpression(u"^weixin://wxpay/s/[0-9A-Za-z]{7}$"_s).match(order->codeUrl).hasMatch(),
        qPrintable(order->codeUrl));
    const auto paid = sim.engine.customerPays(hkIds(), u"GLOBAL0001"_s);
    WXPAY_VERIFY_OK(paid);
    QCOMPARE(paid->total, money(10000, u"HKD"_s));
    // The payer pays CNY at the settlement rate 0.91.
    QCOMPARE(paid->payerTotal.value(), money(9100));
    QCOMPARE(paid->exchangeRate->rate, qint64(91000000));
    // A CN merchant takes CNY only.
    SIM_VERIFY_BUSINESS(
        sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0002"_s, 100, u"HKD"_s)), u"PARAM_ERROR"_s);
    SIM_VERIFY_BUSINESS(
        sim.engine.createNative(hkIds(), nativeRequest(u"GLOBAL0002"_s, 100, u"XAF"_s)), u"PARAM_ERROR"_s);
}

void TestSimNative::customerPays()
{
    Sim sim;
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0003"_s, 301)));
    sim.advance(30);
    const auto paid = sim.engine.customerPays(cnIds(), u"NATIVE0003"_s);
    WXPAY_VERIFY_OK(paid);
    QCOMPARE(paid->state, TradeState::Success);
    QVERIFY2(
        QRegularExpression(u"^4200\\d{24}$"_s).match(paid->transactionId).hasMatch(), qPrintable(paid->transactionId));
    QVERIFY(paid->transactionId.contains(u"20240520"_s));
    QCOMPARE(paid->openid, SimEngine::sandboxOpenid(cnMerchant().appid));
    QCOMPARE(paid->openid.size(), 28);
    QCOMPARE(paid->successTime, startTime().addSecs(30));
    QCOMPARE(paid->bankType, u"OTHERS"_s);
    QCOMPARE(paid->stateDescription, u"支付成功"_s);

    const auto byId = sim.engine.queryOrder(cnIds(), OrderRef::byTransactionId(paid->transactionId));
    WXPAY_VERIFY_OK(byId);
    QCOMPARE(byId->outTradeNo, u"NATIVE0003"_s);
    // The customer cannot pay twice.
    SIM_VERIFY_BUSINESS(sim.engine.customerPays(cnIds(), u"NATIVE0003"_s), u"ORDERPAID"_s);
    SIM_VERIFY_BUSINESS(sim.engine.customerPays(cnIds(), u"NOSUCHORDER"_s), u"ORDERNOTEXIST"_s);
    const auto ledger = sim.engine.ledger();
    QCOMPARE(ledger.size(), 1);
    QCOMPARE(ledger.constFirst().charged, money(301));
    QCOMPARE(ledger.constFirst().transactionId, paid->transactionId);
}

void TestSimNative::customerPaysWithOwnOpenid()
{
    Sim sim;
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0004"_s, 1)));
    const auto paid = sim.engine.customerPays(cnIds(), u"NATIVE0004"_s, u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s);
    QCOMPARE(paid->openid, u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s);
    // Unpaid orders cannot be found by a transaction id.
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0005"_s, 1)));
    SIM_VERIFY_BUSINESS(sim.engine.queryOrder(cnIds(), OrderRef::byTransactionId(u"4200001000202405200000000099"_s)),
        u"ORDERNOTEXIST"_s);
}

void TestSimNative::closeUnpaid()
{
    Sim sim;
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0006"_s, 1)));
    sim.advance(60);
    WXPAY_VERIFY_OK(sim.engine.closeOrder(cnIds(), OrderRef::byOutTradeNo(u"NATIVE0006"_s)));
    QCOMPARE(sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(u"NATIVE0006"_s))->state, TradeState::Closed);
    SIM_VERIFY_BUSINESS(sim.engine.closeOrder(cnIds(), OrderRef::byOutTradeNo(u"NATIVE0006"_s)), u"ORDERCLOSED"_s);
    SIM_VERIFY_BUSINESS(sim.engine.customerPays(cnIds(), u"NATIVE0006"_s), u"ORDERCLOSED"_s);
    SIM_VERIFY_BUSINESS(sim.engine.closeOrder(cnIds(), OrderRef::byOutTradeNo(u"NOSUCHORDER"_s)), u"ORDERNOTEXIST"_s);
    QCOMPARE(sim.engine.ledger().constFirst().charged, money(0));
}

void TestSimNative::closeAfterPayAnswersOrderPaid()
{
    // The race: the customer pays just before the cashier cancels.
    Sim sim;
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0007"_s, 1)));
    sim.advance(59);
    WXPAY_VERIFY_OK(sim.engine.customerPays(cnIds(), u"NATIVE0007"_s));
    const auto close = sim.engine.closeOrder(cnIds(), OrderRef::byOutTradeNo(u"NATIVE0007"_s));
    SIM_VERIFY_BUSINESS(close, u"ORDERPAID"_s);
    QCOMPARE(sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(u"NATIVE0007"_s))->state, TradeState::Success);
    // Paid orders never expire.
    sim.advance(3 * 3600);
    QCOMPARE(sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(u"NATIVE0007"_s))->state, TradeState::Success);
}

void TestSimNative::expiresAfterTwoHours()
{
    Sim sim;
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0008"_s, 1)));
    sim.advance(7199);
    QCOMPARE(sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(u"NATIVE0008"_s))->state, TradeState::NotPay);
    sim.advance(1);
    QCOMPARE(sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(u"NATIVE0008"_s))->state, TradeState::Closed);
    SIM_VERIFY_BUSINESS(sim.engine.customerPays(cnIds(), u"NATIVE0008"_s), u"ORDERCLOSED"_s);
    SIM_VERIFY_BUSINESS(sim.engine.closeOrder(cnIds(), OrderRef::byOutTradeNo(u"NATIVE0008"_s)), u"ORDERCLOSED"_s);

    // An order nobody looked at is closed as of its expiry, whenever it is observed.
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0009"_s, 1)));
    sim.advance(86400);
    SIM_VERIFY_BUSINESS(sim.engine.customerPays(cnIds(), u"NATIVE0009"_s), u"ORDERCLOSED"_s);
}

void TestSimNative::customTimeExpire()
{
    Sim sim;
    NativeOrderRequest request = nativeRequest(u"NATIVE0010"_s, 1);
    request.timeExpire = startTime().addSecs(600);
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), request));
    sim.advance(599);
    WXPAY_VERIFY_OK(sim.engine.customerPays(cnIds(), u"NATIVE0010"_s));

    request = nativeRequest(u"NATIVE0011"_s, 1);
    request.timeExpire = sim.clock.now().addSecs(299);
    const auto tooShort = sim.engine.createNative(cnIds(), request);
    SIM_VERIFY_BUSINESS(tooShort, u"PARAM_ERROR"_s);
    QCOMPARE(tooShort.error().detail, u"time_expire"_s);
}

void TestSimNative::reentryWithSameParametersIsIdempotent()
{
    Sim sim;
    const auto first = sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0012"_s, 88));
    sim.advance(5);
    const auto again = sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0012"_s, 88));
    WXPAY_VERIFY_OK(again);
    QCOMPARE(again->codeUrl, first->codeUrl);
    QCOMPARE(again->prepayId, first->prepayId);
    QCOMPARE(sim.engine.ledger().size(), 1);
    WXPAY_VERIFY_OK(sim.engine.customerPays(cnIds(), u"NATIVE0012"_s));
    SIM_VERIFY_BUSINESS(sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0012"_s, 88)), u"ORDERPAID"_s);

    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0013"_s, 88)));
    WXPAY_VERIFY_OK(sim.engine.closeOrder(cnIds(), OrderRef::byOutTradeNo(u"NATIVE0013"_s)));
    SIM_VERIFY_BUSINESS(sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0013"_s, 88)), u"ORDERCLOSED"_s);
}

void TestSimNative::reentryWithOtherParametersIsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("amount") << u"amount"_s;
    QTest::newRow("description") << u"description"_s;
    QTest::newRow("attach") << u"attach"_s;
    QTest::newRow("notify_url") << u"notify_url"_s;
    QTest::newRow("time_expire") << u"time_expire"_s;
}

void TestSimNative::reentryWithOtherParametersIsRefused()
{
    QFETCH(QString, field);
    Sim sim;
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0014"_s, 88)));
    NativeOrderRequest changed = nativeRequest(u"NATIVE0014"_s, 88);
    if (field == u"amount")
        changed.amount = money(89);
    else if (field == u"description")
        changed.description = u"other"_s;
    else if (field == u"attach")
        changed.attach = u"x"_s;
    else if (field == u"notify_url")
        changed.notifyUrl = u"https://other.example.com/n"_s;
    else
        changed.timeExpire = startTime().addSecs(3600);
    const auto refused = sim.engine.createNative(cnIds(), changed);
    SIM_VERIFY_BUSINESS(refused, u"INVALID_REQUEST"_s);
    QCOMPARE(refused.error().message, u"订单重入时，要求参数值与原请求一致，请确认参数问题"_s);
    QCOMPARE(sim.engine.ledger().constFirst().total, money(88));
}

void TestSimNative::validatesFields_data()
{
    QTest::addColumn<QString>("outTradeNo");
    QTest::addColumn<QString>("description");
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("notifyUrl");
    QTest::addColumn<QString>("field");

    const QString url = u"https://www.example.com/n"_s;
    QTest::newRow("out_trade_no 5 chars") << u"A2345"_s << u"ok"_s << qint64(1) << url << u"out_trade_no"_s;
    QTest::newRow("out_trade_no 33 chars") << QString(33, u'A') << u"ok"_s << qint64(1) << url << u"out_trade_no"_s;
    QTest::newRow("out_trade_no space") << u"ABC 123"_s << u"ok"_s << qint64(1) << url << u"out_trade_no"_s;
    QTest::newRow("out_trade_no chinese") << u"订单123456"_s << u"ok"_s << qint64(1) << url << u"out_trade_no"_s;
    QTest::newRow("description empty") << u"ABC123"_s << QString() << qint64(1) << url << u"description"_s;
    // 43 Chinese characters are 129 UTF-8 bytes.
    QTest::newRow("description 129 bytes") << u"ABC123"_s << QString(43, u'单') << qint64(1) << url << u"description"_s;
    QTest::newRow("amount zero") << u"ABC123"_s << u"ok"_s << qint64(0) << url << u"total_fee"_s;
    QTest::newRow("no notify_url") << u"ABC123"_s << u"ok"_s << qint64(1) << QString() << u"notify_url"_s;
}

void TestSimNative::validatesFields()
{
    QFETCH(QString, outTradeNo);
    QFETCH(QString, description);
    QFETCH(qint64, fen);
    QFETCH(QString, notifyUrl);
    QFETCH(QString, field);
    Sim sim;
    NativeOrderRequest request = nativeRequest(outTradeNo, fen);
    request.description = description;
    request.notifyUrl = notifyUrl;
    const auto refused = sim.engine.createNative(cnIds(), request);
    SIM_VERIFY_BUSINESS(refused, u"PARAM_ERROR"_s);
    QCOMPARE(refused.error().detail, field);
    QVERIFY(sim.engine.ledger().isEmpty());

    // The limits themselves are accepted: 6 and 32 characters of every allowed kind, 127 bytes.
    request = nativeRequest(u"a-_|*9"_s, 1);
    request.description = QString(42, u'单') + u"x"_s;
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), request));
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(QString(32, u'Z'), 1)));
}

void TestSimNative::resolvesMerchants()
{
    Sim sim;
    SIM_VERIFY_BUSINESS(sim.engine.createNative({ u"1234567890"_s, {}, {}, {} }, nativeRequest(u"NATIVE0015"_s, 1)),
        u"MCHID_NOT_EXIST"_s);
    SIM_VERIFY_BUSINESS(sim.engine.createNative(
                            { u"1900000109"_s, u"wx0000000000000209"_s, {}, {} }, nativeRequest(u"NATIVE0015"_s, 1)),
        u"APPID_MCHID_NOT_MATCH"_s);
    // v3 queries carry only mchid.
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"NATIVE0015"_s, 1)));
    WXPAY_VERIFY_OK(sim.engine.queryOrder({ u"1900000109"_s, {}, {}, {} }, OrderRef::byOutTradeNo(u"NATIVE0015"_s)));
    QVERIFY(sim.engine.resolve(cnIds()).ok());
    QVERIFY(sim.engine.merchant(u"1900000109"_s));
    QVERIFY(!sim.engine.merchant(u"1900000109"_s, u"1"_s));
    // A merchant cannot be added twice.
    WXPAY_VERIFY_ERROR(sim.engine.addMerchant(cnMerchant()), ErrorKind::Input, u"SIM_MERCHANT_INVALID"_s);
}

void TestSimNative::serviceProviderOrdersAreSeparate()
{
    Sim sim;
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"SAMENO0001"_s, 1)));
    WXPAY_VERIFY_OK(sim.engine.createNative(spIds(), nativeRequest(u"SAMENO0001"_s, 2)));
    const auto paid = sim.engine.customerPays(spIds(), u"SAMENO0001"_s);
    WXPAY_VERIFY_OK(paid);
    QCOMPARE(paid->total, money(2));
    QCOMPARE(paid->openid, SimEngine::sandboxOpenid(u"wx0000000000000310"_s)); // paid under sub_appid
    QCOMPARE(sim.engine.queryOrder(cnIds(), OrderRef::byOutTradeNo(u"SAMENO0001"_s))->state, TradeState::NotPay);
    SIM_VERIFY_BUSINESS(
        sim.engine.queryOrder(cnIds(), OrderRef::byTransactionId(paid->transactionId)), u"ORDERNOTEXIST"_s);
    SIM_VERIFY_BUSINESS(sim.engine.queryOrder({ u"1900000109"_s, {}, u"1900000310"_s, u"wxd930ea5d5a258f4f"_s },
                            OrderRef::byOutTradeNo(u"SAMENO0001"_s)),
        u"APPID_MCHID_NOT_MATCH"_s);
    QCOMPARE(sim.engine.ledger().size(), 2);
}

QTEST_GUILESS_MAIN(TestSimNative)
#include "tst_simnative.moc"
