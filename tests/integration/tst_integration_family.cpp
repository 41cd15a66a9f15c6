// One API family end to end: the real client (codec + HttpTransport + PaymentGateway) against the real simulator
// (SimEngine + SimServer) over loopback HTTP and HTTPS. Built once per family (WXPAY_INTEGRATION_FAMILY is
// "v2", "v3", "global" or "hk"); every test runs over both transports (initTestCase_data).
#include "integrationsupport.h"
#include "protocol/v2/bill.h"
#include "sim/scenario.h"
#include "support/testsupport.h"

#include <QTest>

using namespace wxpay;
using namespace wxpay::integration;
using namespace wxpay::sim;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using gateway::PaymentGateway;

Q_DECLARE_METATYPE(wxpay::sim::QuickPayScenario)

class TestIntegrationFamily : public QObject
{
    Q_OBJECT

private:
    const ApiFamily m_family = apiFamilyFromName(QStringLiteral(WXPAY_INTEGRATION_FAMILY)).value();
    SimHarness m_sim;
    std::unique_ptr<Client> m_plain;
    std::unique_ptr<Client> m_tls;

    bool isV2() const { return m_family == ApiFamily::V2; }
    const SimMerchant& merchant() const { return m_sim.merchant(m_family); }
    QString currency() const { return merchant().defaultCurrency(); }
    Money money(qint64 minor) const { return amount(minor, currency()); }

    PaymentGateway& gateway()
    {
        QFETCH_GLOBAL(bool, tls);
        return *(tls ? m_tls : m_plain)->gateway;
    }
    // Refund and reverse: APIv2 sends them to /secapi, which WeChat serves over mutual TLS only, so a v2 profile
    // uses HTTPS for them (tst_integration_tls checks that plain HTTP is refused).
    PaymentGateway& secapi() { return isV2() ? *m_tls->gateway : gateway(); }
    Client& client()
    {
        QFETCH_GLOBAL(bool, tls);
        return *(tls ? m_tls : m_plain);
    }

    // The code a Business error carries in this family for the engine's (APIv2) error code.
    QString wireCode(const QString& v2Code) const;

    NativeOrderRequest nativeRequest(qint64 minor)
    {
        NativeOrderRequest request;
        request.outTradeNo = nextNo(apiFamilyName(m_family) + u'N');
        request.description = u"集成测试 native"_s;
        request.amount = money(minor);
        return request;
    }
    MicropayRequest micropayRequest(const QString& authCode, qint64 minor = 88)
    {
        MicropayRequest request;
        request.outTradeNo = nextNo(apiFamilyName(m_family) + u'M');
        request.description = u"集成测试 quick pay"_s;
        request.amount = money(minor);
        request.authCode = authCode;
        request.deviceId = u"POS-1"_s;
        return request;
    }
    // A paid order (Native, paid by the sandbox customer); empty transaction id on failure (the caller fails).
    Transaction paidNativeOrder(qint64 minor);

    Outcome<Transaction> query(const OrderRef& ref) { return call(gateway(), &PaymentGateway::queryOrder, ref); }
    TradeState stateOf(const QString& outTradeNo) { return m_sim.ledgerEntry(merchant().mchid, outTradeNo).state; }

private Q_SLOTS:
    void initTestCase();
    void initTestCase_data();

    void nativeOrderIsPaidAndQueried();
    void nativeReentryReturnsTheSameCodeUrl();
    void closeBeforePayment();
    void closeAfterPaymentIsOrderPaid();
    void queryOfAnUnknownOrder();
    void micropayScenarios_data();
    void micropayScenarios();
    void authCodeIsUsedOnlyOnce();
    void reverseOfAPaidOrderGivesTheMoneyBack();
    void refundLifecycle();
    void refundRetryAndOverRefund();
    void tradeBill(); // last: it moves the clock a day on
};

QString TestIntegrationFamily::wireCode(const QString& v2Code) const
{
    if (isV2())
        return v2Code;
    // The APIv3 spelling of the engine's codes, as the simulator's v3 front documents it (frontv3.cpp).
    static const QHash<QString, QString> v3 {
        { u"SYSTEMERROR"_s, u"SYSTEM_ERROR"_s },
        { u"BANKERROR"_s, u"BANK_ERROR"_s },
        { u"ORDERNOTEXIST"_s, u"ORDER_NOT_EXIST"_s },
        { u"REFUNDNOTEXIST"_s, u"RESOURCE_NOT_EXISTS"_s },
        { u"NOTENOUGH"_s, u"NOT_ENOUGH"_s },
        { u"ORDERPAID"_s, u"ORDER_PAID"_s },
        { u"ORDERCLOSED"_s, u"ORDER_CLOSED"_s },
        { u"AUTHCODEEXPIRE"_s, u"AUTHCODE_EXPIRE"_s },
        { u"NO_BILL_EXIST"_s, u"NO_STATEMENT_EXIST"_s },
    };
    return v3.value(v2Code, v2Code);
}

void TestIntegrationFamily::initTestCase()
{
    WXPAY_VERIFY_OK(m_sim.start({ m_family }));
    auto plain = makeClient(m_sim, m_family);
    WXPAY_VERIFY_OK(plain);
    m_plain = std::move(plain).value();
    ClientSetup tls;
    tls.tls = true;
    auto secure = makeClient(m_sim, m_family, tls);
    WXPAY_VERIFY_OK(secure);
    m_tls = std::move(secure).value();
    QCOMPARE(m_sim.server(false).baseUrl().scheme(), u"http"_s);
    QCOMPARE(m_sim.server(true).baseUrl().scheme(), u"https"_s);
}

void TestIntegrationFamily::initTestCase_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("http") << false;
    QTest::newRow("https") << true;
}

Transaction TestIntegrationFamily::paidNativeOrder(qint64 minor)
{
    const NativeOrderRequest request = nativeRequest(minor);
    const auto created = call(gateway(), &PaymentGateway::createNative, request);
    if (!created.ok())
        return {};
    const auto paid = m_sim.engine.customerPays(m_sim.ids(m_family), request.outTradeNo);
    return paid.ok() ? paid.value() : Transaction {};
}

void TestIntegrationFamily::nativeOrderIsPaidAndQueried()
{
    const NativeOrderRequest request = nativeRequest(1234);
    const auto created = call(gateway(), &PaymentGateway::createNative, request);
    INTEG_VERIFY_OK(created);
    const QString codeUrl = created.result->value().codeUrl;
    QVERIFY2(codeUrl.startsWith(
                 merchant().region == Region::HK ? u"weixin://wxpay/s/"_s : u"weixin://wxpay/bizpayurl?pr="_s),
        qPrintable(codeUrl));
    QCOMPARE(created.info.httpStatus, 200);
    if (!isV2())
        QVERIFY(!created.info.requestId.isEmpty());

    const auto unpaid = query(OrderRef::byOutTradeNo(request.outTradeNo));
    INTEG_VERIFY_OK(unpaid);
    QCOMPARE(unpaid.result->value().state, TradeState::NotPay);

    const auto paid = m_sim.engine.customerPays(m_sim.ids(m_family), request.outTradeNo);
    WXPAY_VERIFY_OK(paid);

    const auto byOutTradeNo = query(OrderRef::byOutTradeNo(request.outTradeNo));
    INTEG_VERIFY_OK(byOutTradeNo);
    const Transaction& t = byOutTradeNo.result->value();
    QCOMPARE(t.state, TradeState::Success);
    QCOMPARE(t.outTradeNo, request.outTradeNo);
    QCOMPARE(t.transactionId, paid->transactionId);
    QCOMPARE(t.total, request.amount);
    QCOMPARE(t.tradeType, u"NATIVE"_s);
    QVERIFY(!t.openid.isEmpty());
    QVERIFY(t.successTime.isValid());

    const auto byTransactionId = query(OrderRef::byTransactionId(paid->transactionId));
    INTEG_VERIFY_OK(byTransactionId);
    QCOMPARE(byTransactionId.result->value().state, TradeState::Success);
    QCOMPARE(byTransactionId.result->value().outTradeNo, request.outTradeNo);
    QCOMPARE(byTransactionId.result->value().total, request.amount);

    const LedgerEntry entry = m_sim.ledgerEntry(merchant().mchid, request.outTradeNo);
    QCOMPARE(entry.state, TradeState::Success);
    QCOMPARE(entry.charged, request.amount);
}

void TestIntegrationFamily::nativeReentryReturnsTheSameCodeUrl()
{
    NativeOrderRequest request = nativeRequest(500);
    const auto first = call(gateway(), &PaymentGateway::createNative, request);
    INTEG_VERIFY_OK(first);
    const auto again = call(gateway(), &PaymentGateway::createNative, request);
    INTEG_VERIFY_OK(again);
    QCOMPARE(again.result->value().codeUrl, first.result->value().codeUrl);

    request.amount = money(501);
    INTEG_VERIFY_ERROR(
        call(gateway(), &PaymentGateway::createNative, request), ErrorKind::Business, wireCode(u"INVALID_REQUEST"_s));
}

void TestIntegrationFamily::closeBeforePayment()
{
    const NativeOrderRequest request = nativeRequest(300);
    INTEG_VERIFY_OK(call(gateway(), &PaymentGateway::createNative, request));
    const auto closed = call(gateway(), &PaymentGateway::closeOrder, OrderRef::byOutTradeNo(request.outTradeNo));
    INTEG_VERIFY_OK(closed);
    QCOMPARE(closed.info.httpStatus, isV2() ? 200 : 204);
    QCOMPARE(stateOf(request.outTradeNo), TradeState::Closed);

    const auto queried = query(OrderRef::byOutTradeNo(request.outTradeNo));
    INTEG_VERIFY_OK(queried);
    QCOMPARE(queried.result->value().state, TradeState::Closed);

    // The customer can no longer pay it.
    WXPAY_VERIFY_ERROR(
        m_sim.engine.customerPays(m_sim.ids(m_family), request.outTradeNo), ErrorKind::Business, u"ORDERCLOSED"_s);
}

void TestIntegrationFamily::closeAfterPaymentIsOrderPaid()
{
    const Transaction paid = paidNativeOrder(301);
    QVERIFY(!paid.transactionId.isEmpty());
    const auto closed = call(gateway(), &PaymentGateway::closeOrder, OrderRef::byOutTradeNo(paid.outTradeNo));
    INTEG_VERIFY_ERROR(closed, ErrorKind::Business, wireCode(u"ORDERPAID"_s));
    QCOMPARE(stateOf(paid.outTradeNo), TradeState::Success);
}

void TestIntegrationFamily::queryOfAnUnknownOrder()
{
    INTEG_VERIFY_ERROR(
        query(OrderRef::byOutTradeNo(nextNo(u"none"_s))), ErrorKind::Business, wireCode(u"ORDERNOTEXIST"_s));
}

void TestIntegrationFamily::micropayScenarios_data()
{
    QTest::addColumn<QuickPayScenario>("scenario");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("micropayCode"); // empty: paid at once
    for (QuickPayScenario s :
        { QuickPayScenario::Success, QuickPayScenario::PaysAfterQueries, QuickPayScenario::FailsAfterQueries,
            QuickPayScenario::PayingForever, QuickPayScenario::PayingForeverReversible,
            QuickPayScenario::SystemErrorPaid, QuickPayScenario::BankErrorPaid, QuickPayScenario::SystemErrorNotCreated,
            QuickPayScenario::AuthCodeExpired, QuickPayScenario::NotEnough, QuickPayScenario::ReverseRecall,
            QuickPayScenario::PaysAfterSeconds, QuickPayScenario::AcceptPaysAfterQueries,
            QuickPayScenario::NotPayPaysAfterQueries, QuickPayScenario::AcceptFailsAfterQueries,
            QuickPayScenario::OrderNotExistThenPaid }) {
        QString code = u"USERPAYING"_s;
        int n = 0;
        switch (s) {
        case QuickPayScenario::Success:
            code.clear();
            break;
        case QuickPayScenario::PaysAfterQueries:
        case QuickPayScenario::FailsAfterQueries:
        case QuickPayScenario::ReverseRecall:
            n = 1;
            break;
        case QuickPayScenario::PaysAfterSeconds:
            n = 5;
            break;
        case QuickPayScenario::SystemErrorPaid:
        case QuickPayScenario::SystemErrorNotCreated:
            code = u"SYSTEMERROR"_s;
            break;
        case QuickPayScenario::BankErrorPaid:
            code = u"BANKERROR"_s;
            break;
        case QuickPayScenario::AuthCodeExpired:
            code = u"AUTHCODEEXPIRE"_s;
            break;
        case QuickPayScenario::NotEnough:
            code = u"NOTENOUGH"_s;
            break;
        // A non-final state in a verified reply: v3 answers 200 with that trade_state (the client calls it by the
        // state's name), APIv2 has no trade_state in the micropay reply and answers SYSTEMERROR.
        case QuickPayScenario::AcceptPaysAfterQueries:
        case QuickPayScenario::AcceptFailsAfterQueries:
            code = isV2() ? u"SYSTEMERROR"_s : u"ACCEPT"_s;
            n = 1;
            break;
        case QuickPayScenario::NotPayPaysAfterQueries:
            code = isV2() ? u"SYSTEMERROR"_s : u"NOTPAY"_s;
            n = 1;
            break;
        case QuickPayScenario::OrderNotExistThenPaid:
            code = u"SYSTEMERROR"_s;
            n = 1;
            break;
        default:
            break;
        }
        QTest::newRow(qPrintable(scenarioDigits(s) + u' ' + scenarioName(s))) << s << n << code;
    }
}

void TestIntegrationFamily::micropayScenarios()
{
    QFETCH(QuickPayScenario, scenario);
    QFETCH(int, n);
    QFETCH(QString, micropayCode);
    const MicropayRequest request = micropayRequest(nextAuthCode(scenario, n));
    const OrderRef ref = OrderRef::byOutTradeNo(request.outTradeNo);
    const auto paid = call(gateway(), &PaymentGateway::micropay, request);
    if (micropayCode.isEmpty()) {
        INTEG_VERIFY_OK(paid);
        QCOMPARE(paid.result->value().state, TradeState::Success);
        QCOMPARE(paid.result->value().total, request.amount);
        QCOMPARE(paid.result->value().outTradeNo, request.outTradeNo);
        QVERIFY(!paid.result->value().transactionId.isEmpty());
    } else {
        INTEG_VERIFY_ERROR(paid, ErrorKind::Business, wireCode(micropayCode));
    }

    auto expectState = [&](TradeState expected) {
        const auto queried = query(ref);
        if (!queried.ok())
            return QByteArray("query failed: " + describe(queried.result));
        if (queried.result->value().state != expected) {
            return QByteArray("query answered " + tradeStateName(queried.result->value().state).toUtf8() + ", expected "
                + tradeStateName(expected).toUtf8());
        }
        return QByteArray();
    };
#define EXPECT_STATE(state)                                                                                            \
    do {                                                                                                               \
        const QByteArray problem = expectState(state);                                                                 \
        QVERIFY2(problem.isEmpty(), problem.constData());                                                              \
    } while (false)

    switch (scenario) {
    case QuickPayScenario::Success:
    case QuickPayScenario::SystemErrorPaid:
    case QuickPayScenario::BankErrorPaid:
        EXPECT_STATE(TradeState::Success);
        QCOMPARE(m_sim.ledgerEntry(merchant().mchid, request.outTradeNo).charged, request.amount);
        break;
    case QuickPayScenario::PaysAfterQueries:
        EXPECT_STATE(TradeState::UserPaying);
        EXPECT_STATE(TradeState::Success);
        break;
    case QuickPayScenario::FailsAfterQueries:
        EXPECT_STATE(TradeState::UserPaying);
        EXPECT_STATE(TradeState::PayError);
        break;
    case QuickPayScenario::PayingForever: {
        // Reverse is refused while the customer is paying: v2 says "call again" (recall=Y), APIv3 USERPAYING.
        const auto reversed = call(secapi(), &PaymentGateway::reverse, ref);
        if (isV2()) {
            INTEG_VERIFY_OK(reversed);
            QVERIFY(reversed.result->value().recall);
        } else {
            INTEG_VERIFY_ERROR(reversed, ErrorKind::Business, wireCode(u"USERPAYING"_s));
        }
        QCOMPARE(stateOf(request.outTradeNo), TradeState::UserPaying);
        m_sim.advance(46s); // auto-revoked after 45 s
        EXPECT_STATE(TradeState::Revoked);
        break;
    }
    case QuickPayScenario::PayingForeverReversible: {
        const auto reversed = call(secapi(), &PaymentGateway::reverse, ref);
        INTEG_VERIFY_OK(reversed);
        QVERIFY(!reversed.result->value().recall);
        EXPECT_STATE(TradeState::Revoked);
        QVERIFY(m_sim.ledgerEntry(merchant().mchid, request.outTradeNo).charged.isZero());
        break;
    }
    case QuickPayScenario::SystemErrorNotCreated:
        INTEG_VERIFY_ERROR(query(ref), ErrorKind::Business, wireCode(u"ORDERNOTEXIST"_s));
        break;
    case QuickPayScenario::AuthCodeExpired:
    case QuickPayScenario::NotEnough:
        EXPECT_STATE(TradeState::PayError);
        break;
    case QuickPayScenario::ReverseRecall: {
        // The first reverse asks to be called again (recall=Y once), the second one revokes.
        const auto first = call(secapi(), &PaymentGateway::reverse, ref);
        if (isV2()) {
            INTEG_VERIFY_OK(first);
            QVERIFY(first.result->value().recall);
        } else {
            INTEG_VERIFY_ERROR(first, ErrorKind::Business, wireCode(u"SYSTEMERROR"_s));
        }
        QCOMPARE(stateOf(request.outTradeNo), TradeState::UserPaying);
        const auto second = call(secapi(), &PaymentGateway::reverse, ref);
        INTEG_VERIFY_OK(second);
        QVERIFY(!second.result->value().recall);
        EXPECT_STATE(TradeState::Revoked);
        break;
    }
    case QuickPayScenario::PaysAfterSeconds:
        EXPECT_STATE(TradeState::UserPaying);
        m_sim.advance(5s);
        EXPECT_STATE(TradeState::Success);
        break;
    case QuickPayScenario::AcceptPaysAfterQueries:
        EXPECT_STATE(TradeState::Accept);
        m_sim.advance(46s); // not auto-revoked like a USERPAYING order
        EXPECT_STATE(TradeState::Success);
        QCOMPARE(m_sim.ledgerEntry(merchant().mchid, request.outTradeNo).charged, request.amount);
        break;
    case QuickPayScenario::NotPayPaysAfterQueries:
        EXPECT_STATE(TradeState::NotPay);
        EXPECT_STATE(TradeState::Success);
        QCOMPARE(m_sim.ledgerEntry(merchant().mchid, request.outTradeNo).charged, request.amount);
        break;
    case QuickPayScenario::AcceptFailsAfterQueries:
        EXPECT_STATE(TradeState::Accept);
        EXPECT_STATE(TradeState::PayError);
        QVERIFY(m_sim.ledgerEntry(merchant().mchid, request.outTradeNo).charged.isZero());
        break;
    case QuickPayScenario::OrderNotExistThenPaid:
        // "Not found" right after a timeout is not definite: the order appears, paid.
        INTEG_VERIFY_ERROR(query(ref), ErrorKind::Business, wireCode(u"ORDERNOTEXIST"_s));
        EXPECT_STATE(TradeState::Success);
        QCOMPARE(m_sim.ledgerEntry(merchant().mchid, request.outTradeNo).charged, request.amount);
        break;
    }
#undef EXPECT_STATE
}

void TestIntegrationFamily::authCodeIsUsedOnlyOnce()
{
    const QString code = nextAuthCode(QuickPayScenario::Success);
    INTEG_VERIFY_OK(call(gateway(), &PaymentGateway::micropay, micropayRequest(code)));
    INTEG_VERIFY_ERROR(call(gateway(), &PaymentGateway::micropay, micropayRequest(code)), ErrorKind::Business,
        wireCode(u"AUTH_CODE_INVALID"_s));
}

void TestIntegrationFamily::reverseOfAPaidOrderGivesTheMoneyBack()
{
    const MicropayRequest request = micropayRequest(nextAuthCode(QuickPayScenario::Success), 777);
    INTEG_VERIFY_OK(call(gateway(), &PaymentGateway::micropay, request));
    const auto reversed = call(secapi(), &PaymentGateway::reverse, OrderRef::byOutTradeNo(request.outTradeNo));
    INTEG_VERIFY_OK(reversed);
    QVERIFY(!reversed.result->value().recall);
    const LedgerEntry entry = m_sim.ledgerEntry(merchant().mchid, request.outTradeNo);
    QCOMPARE(entry.state, TradeState::Revoked);
    QCOMPARE(entry.reversed, request.amount);
    const auto queried = query(OrderRef::byOutTradeNo(request.outTradeNo));
    INTEG_VERIFY_OK(queried);
    QCOMPARE(queried.result->value().state, TradeState::Revoked);
}

void TestIntegrationFamily::refundLifecycle()
{
    const Transaction paid = paidNativeOrder(1000);
    QVERIFY(!paid.transactionId.isEmpty());

    RefundRequest request;
    request.order = OrderRef::byOutTradeNo(paid.outTradeNo);
    request.outRefundNo = nextNo(u"R"_s);
    request.refund = money(400);
    request.total = money(1000);
    request.reason = u"集成测试退款"_s;
    const auto refunded = call(secapi(), &PaymentGateway::refund, request);
    INTEG_VERIFY_OK(refunded);
    const Refund& refund = refunded.result->value();
    QCOMPARE(refund.status, RefundStatus::Processing);
    QCOMPARE(refund.outRefundNo, request.outRefundNo);
    QCOMPARE(refund.refund, request.refund);
    QVERIFY(!refund.refundId.isEmpty());

    RefundRef ref;
    ref.outRefundNo = request.outRefundNo;
    const auto processing = call(gateway(), &PaymentGateway::queryRefund, ref);
    INTEG_VERIFY_OK(processing);
    QCOMPARE(processing.result->value().size(), 1);
    QCOMPARE(processing.result->value().first().status, RefundStatus::Processing);
    QCOMPARE(m_sim.ledgerEntry(merchant().mchid, paid.outTradeNo).refundPending, request.refund);

    m_sim.advance(m_sim.engine.settings().refundDelay);
    const auto done = call(gateway(), &PaymentGateway::queryRefund, ref);
    INTEG_VERIFY_OK(done);
    QCOMPARE(done.result->value().size(), 1);
    const Refund& final = done.result->value().first();
    QCOMPARE(final.status, RefundStatus::Success);
    QCOMPARE(final.refundId, refund.refundId);
    QCOMPARE(final.refund, request.refund);
    QVERIFY(final.successTime.isValid());

    const LedgerEntry entry = m_sim.ledgerEntry(merchant().mchid, paid.outTradeNo);
    QCOMPARE(entry.refunded, request.refund);
    QVERIFY(entry.refundPending.isZero());
    QCOMPARE(entry.state, TradeState::Refund);

    const auto order = query(OrderRef::byOutTradeNo(paid.outTradeNo));
    INTEG_VERIFY_OK(order);
    QCOMPARE(order.result->value().state, TradeState::Refund);

    RefundRef unknown;
    unknown.outRefundNo = nextNo(u"RX"_s);
    INTEG_VERIFY_ERROR(
        call(gateway(), &PaymentGateway::queryRefund, unknown), ErrorKind::Business, wireCode(u"REFUNDNOTEXIST"_s));
}

void TestIntegrationFamily::refundRetryAndOverRefund()
{
    const Transaction paid = paidNativeOrder(1000);
    QVERIFY(!paid.transactionId.isEmpty());
    RefundRequest request;
    request.order = OrderRef::byTransactionId(paid.transactionId);
    request.outRefundNo = nextNo(u"R"_s);
    request.refund = money(600);
    request.total = money(1000);
    const auto first = call(secapi(), &PaymentGateway::refund, request);
    INTEG_VERIFY_OK(first);

    // A retry with the same out_refund_no is the same refund: no second refund, no double money.
    const auto retry = call(secapi(), &PaymentGateway::refund, request);
    INTEG_VERIFY_OK(retry);
    QCOMPARE(retry.result->value().refundId, first.result->value().refundId);
    LedgerEntry entry = m_sim.ledgerEntry(merchant().mchid, paid.outTradeNo);
    QCOMPARE(entry.refundCount, 1);
    QCOMPARE(entry.refundPending, request.refund);

    // The same out_refund_no with another amount is refused.
    RefundRequest changed = request;
    changed.refund = money(500);
    INTEG_VERIFY_ERROR(
        call(secapi(), &PaymentGateway::refund, changed), ErrorKind::Business, wireCode(u"INVALID_REQUEST"_s));

    // More than what is left of the order is refused; what is left is accepted.
    RefundRequest tooMuch = request;
    tooMuch.outRefundNo = nextNo(u"R"_s);
    tooMuch.refund = money(401);
    INTEG_VERIFY_ERROR(
        call(secapi(), &PaymentGateway::refund, tooMuch), ErrorKind::Business, wireCode(u"INVALID_REQUEST"_s));
    RefundRequest rest = tooMuch;
    rest.outRefundNo = nextNo(u"R"_s);
    rest.refund = money(400);
    INTEG_VERIFY_OK(call(secapi(), &PaymentGateway::refund, rest));

    m_sim.advance(m_sim.engine.settings().refundDelay);
    entry = m_sim.ledgerEntry(merchant().mchid, paid.outTradeNo);
    QCOMPARE(entry.refundCount, 2);
    QCOMPARE(entry.refunded, money(1000));
    QVERIFY(entry.refundPending.isZero());

    // Every refund of the order, where the family can list them (APIv3 domestic queries one out_refund_no).
    if (m_family != ApiFamily::V3) {
        RefundRef byOrder;
        byOrder.order = OrderRef::byOutTradeNo(paid.outTradeNo);
        const auto all = call(gateway(), &PaymentGateway::queryRefund, byOrder);
        INTEG_VERIFY_OK(all);
        QCOMPARE(all.result->value().size(), 2);
        QStringList numbers;
        for (const Refund& r : all.result->value()) {
            QCOMPARE(r.status, RefundStatus::Success);
            numbers.append(r.outRefundNo);
        }
        numbers.sort();
        QStringList expected { request.outRefundNo, rest.outRefundNo };
        expected.sort();
        QCOMPARE(numbers, expected);
    }
    if (m_family == ApiFamily::Global || m_family == ApiFamily::HkV3) {
        RefundRef byId;
        byId.refundId = first.result->value().refundId;
        const auto one = call(gateway(), &PaymentGateway::queryRefund, byId);
        INTEG_VERIFY_OK(one);
        QCOMPARE(one.result->value().size(), 1);
        QCOMPARE(one.result->value().first().outRefundNo, request.outRefundNo);
    }
}

void TestIntegrationFamily::tradeBill()
{
    const QDate today = m_sim.clock.now().toOffsetFromUtc(8 * 3600).date();
    BillRequest request;
    request.date = today;
    if (m_family == ApiFamily::Global || m_family == ApiFamily::HkV3) {
        // Statements of cross-border merchants are another API the client does not implement: refused unsent.
        INTEG_VERIFY_ERROR(call(gateway(), &PaymentGateway::tradeBill, request), ErrorKind::Input, u"UNSUPPORTED"_s);
        return;
    }
    const Transaction paid = paidNativeOrder(2500);
    QVERIFY(!paid.transactionId.isEmpty());

    // Today's bill does not exist yet.
    const auto early = call(gateway(), &PaymentGateway::tradeBill, request);
    if (isV2()) {
        INTEG_VERIFY_ERROR(early, ErrorKind::Business, u"RETURN_CODE_FAIL"_s);
        QCOMPARE(early.result->error().message, u"No Bill Exist"_s);
    } else {
        INTEG_VERIFY_ERROR(early, ErrorKind::Business, wireCode(u"NO_BILL_EXIST"_s));
    }

    m_sim.advance(24h); // 10:00 China time the next day: yesterday's bill is ready
    const auto bill = call(gateway(), &PaymentGateway::tradeBill, request);
    INTEG_VERIFY_OK(bill);
    QByteArray content = bill.result->value().content;
    if (!isV2()) {
        const BillDownload& download = bill.result->value();
        QVERIFY(content.isEmpty());
        QCOMPARE(download.hashType, u"SHA1"_s);
        QVERIFY(!download.hashValue.isEmpty());
        // The download URL points at the server the client talks to.
        const QString base = client().transport->config().payBaseUrl.toString();
        QVERIFY2(download.downloadUrl.startsWith(base + u'/'), qPrintable(download.downloadUrl));
        auto fileRequest = client().v3Codec->billFile(download);
        WXPAY_VERIFY_OK(fileRequest);
        const auto reply = send(*client().transport, *fileRequest);
        QVERIFY(reply.has_value());
        WXPAY_VERIFY_OK(*reply);
        const auto file = client().v3Codec->parseBillFile(reply->value(), download);
        WXPAY_VERIFY_OK(file);
        content = file.value();

        // A file that does not match its hash is refused.
        protocol::WireResponse tampered = reply->value();
        tampered.body.append(' ');
        WXPAY_VERIFY_ERROR(
            client().v3Codec->parseBillFile(tampered, download), ErrorKind::Verification, u"BILL_HASH_MISMATCH"_s);
    }
    const auto parsed = protocol::parseBill(content, currency());
    WXPAY_VERIFY_OK(parsed);
    bool found = false;
    for (const protocol::BillRow& row : parsed->rows) {
        if (row.outTradeNo == paid.outTradeNo) {
            found = true;
            QCOMPARE(row.transactionId, paid.transactionId);
            QCOMPARE(row.tradeState, u"SUCCESS"_s);
            QCOMPARE(row.settlementAmount, money(2500));
            QCOMPARE(row.mchid, merchant().mchid);
        }
    }
    QVERIFY2(found, "the paid order is not in the bill");
    QVERIFY(parsed->summary.tradeCount >= 1);
}

QTEST_GUILESS_MAIN(TestIntegrationFamily)
#include "tst_integration_family.moc"
