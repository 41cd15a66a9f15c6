#include "protocol/v2/v2codec.h"
#include "protocol/v3/v3codec.h"
#include "tst_simserverutil.h"

using namespace wxpay;
using namespace wxpay::sim;
using namespace wxpay::sim::test;
using namespace Qt::Literals::StringLiterals;
namespace v3 = wxpay::protocol::v3;

// A hostile but documented WeChat over HTTP, as the console's own codecs see it: non-final Quick Pay answers in
// both wire forms, a lost refund reply followed by a definite error, and the per-family reverse window.
class TestSimServerHostile : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_f;

    v3::V3Codec v3Codec()
    {
        const SimMerchant& m = m_f.merchant(ApiFamily::V3);
        v3::CodecOptions options;
        options.notifyUrl = u"https://merchant.example/notify"_s;
        return v3::V3Codec(m_f.ids(ApiFamily::V3), ServerFixture::signer(m), ServerFixture::verifier(m), m_f.clock,
            m_f.nonce, options);
    }

    protocol::v2::V2Codec v2Codec()
    {
        protocol::v2::V2CodecOptions options;
        options.defaultClientIp = u"127.0.0.1"_s;
        options.defaultNotifyUrl = u"https://merchant.example/notify"_s;
        return protocol::v2::V2Codec(m_f.ids(ApiFamily::V2), m_f.merchant(ApiFamily::V2).apiV2Key,
            protocol::v2::SignType::Md5, m_f.clock, m_f.nonce, options);
    }

    static MicropayRequest quickPay(const QString& outTradeNo, QuickPayScenario scenario, int n, quint64 serial)
    {
        MicropayRequest request;
        request.outTradeNo = outTradeNo;
        request.description = u"Quick Pay"_s;
        request.amount = Money::fromMinor(600, u"CNY"_s).value();
        request.authCode = makeAuthCode(scenario, n, serial);
        return request;
    }

    LedgerEntry ledgerOf(const QString& outTradeNo) const
    {
        for (const LedgerEntry& e : m_f.engine->ledger()) {
            if (e.outTradeNo == outTradeNo)
                return e;
        }
        return {};
    }

    void addFault(const QString& rule)
    {
        auto parsed = FaultRule::parse(rule);
        QVERIFY2(parsed.ok(), qPrintable(rule));
        m_f.engine->faults().add(parsed.value());
    }

private Q_SLOTS:
    void initTestCase();
    void init();
    void v3AnswersAcceptedCodePay_data();
    void v3AnswersAcceptedCodePay();
    void v2AnswersSystemErrorAndQueryShowsState();
    void orderNotExistRaceOverTheWire();
    void lostRefundReplyThenDefiniteError();
    void resetHitsTheTransportResendsToo();
    void v3ReverseWindowIsOneDay();
};

void TestSimServerHostile::initTestCase()
{
    QVERIFY(m_f.start());
}

void TestSimServerHostile::init()
{
    m_f.engine->faults().clear();
}

void TestSimServerHostile::v3AnswersAcceptedCodePay_data()
{
    QTest::addColumn<QuickPayScenario>("scenario");
    QTest::addColumn<QString>("waiting");
    QTest::addColumn<TradeState>("final");
    QTest::newRow("12 ACCEPT then SUCCESS")
        << QuickPayScenario::AcceptPaysAfterQueries << u"ACCEPT"_s << TradeState::Success;
    QTest::newRow("13 NOTPAY then SUCCESS")
        << QuickPayScenario::NotPayPaysAfterQueries << u"NOTPAY"_s << TradeState::Success;
    QTest::newRow("14 ACCEPT then PAYERROR")
        << QuickPayScenario::AcceptFailsAfterQueries << u"ACCEPT"_s << TradeState::PayError;
}

void TestSimServerHostile::v3AnswersAcceptedCodePay()
{
    QFETCH(QuickPayScenario, scenario);
    QFETCH(QString, waiting);
    QFETCH(TradeState, final);
    const QString no = u"HOSTILE3"_s + scenarioDigits(scenario);
    auto c = v3Codec();
    auto transport = m_f.transport();

    auto response = exchange(*transport, c.micropay(quickPay(no, scenario, 2, 300 + quint64(scenario))).value());
    WXPAY_VERIFY_OK(response);
    // A verified 200 whose trade_state is not final: the codec passes the verification and refuses to call it paid.
    QCOMPARE(response->status, 200);
    QCOMPARE(jsonOf(response.value()).value(u"trade_state"_s).toString(), waiting);
    QVERIFY(!jsonOf(response.value()).contains(u"transaction_id"_s));
    WXPAY_VERIFY_ERROR(c.parseMicropay(response.value()), ErrorKind::Business, waiting);
    QCOMPARE(c.parseMicropay(response.value()).error().httpStatus, 200);

    for (int i = 0; i < 2; ++i) {
        m_f.clock.advance(std::chrono::seconds(30)); // slower than the 45 s USERPAYING rule: not revoked
        auto query = c.parseQueryOrder(exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(no)).value()).value());
        WXPAY_VERIFY_OK(query);
        QCOMPARE(tradeStateName(query->state), waiting);
        QCOMPARE(ledgerOf(no).charged.minorUnits(), 0);
    }
    auto decided = c.parseQueryOrder(exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(no)).value()).value());
    WXPAY_VERIFY_OK(decided);
    QCOMPARE(decided->state, final);
    const LedgerEntry entry = ledgerOf(no);
    QCOMPARE(entry.charged.minorUnits(), final == TradeState::Success ? 600 : 0);
    QCOMPARE(decided->transactionId, entry.transactionId);
}

void TestSimServerHostile::v2AnswersSystemErrorAndQueryShowsState()
{
    const QString no = u"HOSTILEV213"_s;
    auto c = v2Codec();
    auto transport = m_f.transport();
    auto paid = c.parseMicropay(
        exchange(*transport, c.micropay(quickPay(no, QuickPayScenario::NotPayPaysAfterQueries, 1, 401)).value())
            .value());
    // APIv2's micropay reply has no trade_state: the non-final answer is a signed SYSTEMERROR.
    WXPAY_VERIFY_ERROR(paid, ErrorKind::Business, u"SYSTEMERROR"_s);
    auto first = c.parseQueryOrder(exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(no)).value()).value());
    WXPAY_VERIFY_OK(first);
    QCOMPARE(first->state, TradeState::NotPay);
    auto second = c.parseQueryOrder(exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(no)).value()).value());
    WXPAY_VERIFY_OK(second);
    QCOMPARE(second->state, TradeState::Success);
    QCOMPARE(ledgerOf(no).charged.minorUnits(), 600);
}

void TestSimServerHostile::orderNotExistRaceOverTheWire()
{
    const QString no = u"HOSTILE315"_s;
    auto c = v3Codec();
    auto transport = m_f.transport();
    auto paid = exchange(*transport, c.micropay(quickPay(no, QuickPayScenario::OrderNotExistThenPaid, 2, 501)).value());
    WXPAY_VERIFY_OK(paid);
    QCOMPARE(paid->status, 500);
    WXPAY_VERIFY_ERROR(c.parseMicropay(paid.value()), ErrorKind::Business, u"SYSTEM_ERROR"_s);
    for (int i = 0; i < 2; ++i) {
        auto query = exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(no)).value());
        WXPAY_VERIFY_OK(query);
        QCOMPARE(query->status, 404);
        WXPAY_VERIFY_ERROR(c.parseQueryOrder(query.value()), ErrorKind::Business, u"ORDER_NOT_EXIST"_s);
    }
    auto found = c.parseQueryOrder(exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(no)).value()).value());
    WXPAY_VERIFY_OK(found);
    QCOMPARE(found->state, TradeState::Success);
    QCOMPARE(ledgerOf(no).charged.minorUnits(), 600);
}

void TestSimServerHostile::lostRefundReplyThenDefiniteError()
{
    const QString no = u"HOSTILEREF1"_s;
    WXPAY_VERIFY_OK(m_f.engine->micropay(m_f.ids(ApiFamily::V3), quickPay(no, QuickPayScenario::Success, 0, 601)));
    // Rules are used in order: the first refund is applied and its reply lost, the re-send meets NOT_ENOUGH.
    addFault(u"refund:drop@1"_s);
    addFault(u"refund:business=NOTENOUGH@1"_s);
    auto c = v3Codec();
    auto transport = m_f.transport();
    RefundRequest refund;
    refund.order = OrderRef::byOutTradeNo(no);
    refund.outRefundNo = u"HOSTILERF1"_s;
    refund.refund = Money::fromMinor(250, u"CNY"_s).value();
    refund.total = Money::fromMinor(600, u"CNY"_s).value();

    WXPAY_VERIFY_ERROR(exchange(*transport, c.refund(refund).value()), ErrorKind::Network, QString());
    auto again = exchange(*transport, c.refund(refund).value());
    WXPAY_VERIFY_OK(again);
    QCOMPARE(again->status, 403);
    QVERIFY(!again->header("Wechatpay-Signature").isEmpty()); // a definite, signed business error
    WXPAY_VERIFY_ERROR(c.parseRefund(again.value()), ErrorKind::Business, u"NOT_ENOUGH"_s);
    QVERIFY(m_f.engine->faults().isEmpty());

    // WeChat has the refund exactly once, whatever the client concluded from the error.
    const LedgerEntry entry = ledgerOf(no);
    QCOMPARE(entry.refundCount, 1);
    QCOMPARE(entry.refunds.constFirst().outRefundNo, u"HOSTILERF1"_s);
    QCOMPARE(entry.refundPending.minorUnits() + entry.refunded.minorUnits(), 250);
    // And a third send (no fault left) finds that same refund.
    auto third = c.parseRefund(exchange(*transport, c.refund(refund).value()).value());
    WXPAY_VERIFY_OK(third);
    QCOMPARE(third->refundId, entry.refunds.constFirst().refundId);
    QCOMPARE(ledgerOf(no).refundCount, 1);
}

void TestSimServerHostile::resetHitsTheTransportResendsToo()
{
    // One reset rule, one request from the console's point of view: its transport may re-send a request whose
    // connection closed before any byte of reply, and that re-send must meet the same broken path.
    addFault(u"query:reset"_s);
    addFault(u"query:http503"_s); // would be taken by a re-send the server mistook for a new request
    auto c = v3Codec();
    auto transport = m_f.transport();
    auto result = exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(u"HOSTILEREF1"_s)).value());
    WXPAY_VERIFY_ERROR(result, ErrorKind::Network, QString());
    QCOMPARE(m_f.engine->faults().rules().size(), 1); // the 503 is still there
}

void TestSimServerHostile::v3ReverseWindowIsOneDay()
{
    const QString no = u"HOSTILEREV1"_s;
    WXPAY_VERIFY_OK(m_f.engine->micropay(m_f.ids(ApiFamily::V3), quickPay(no, QuickPayScenario::Success, 0, 701)));
    const QDateTime start = m_f.clock.now();
    m_f.clock.advance(std::chrono::seconds(86400 + 1));
    auto c = v3Codec();
    auto transport = m_f.transport();
    auto late = exchange(*transport, c.reverse(OrderRef::byOutTradeNo(no)).value());
    WXPAY_VERIFY_OK(late);
    const auto parsed = c.parseReverse(late.value()); // verified against the clock that signed it
    m_f.clock.set(start); // the certificates and later tests expect real time
    QCOMPARE(late->status, 400);
    WXPAY_VERIFY_ERROR(parsed, ErrorKind::Business, u"INVALID_REQUEST"_s);
    const LedgerEntry entry = ledgerOf(no);
    QCOMPARE(entry.state, TradeState::Success);
    QCOMPARE(entry.reversed.minorUnits(), 0);
}

QTEST_GUILESS_MAIN(TestSimServerHostile)
#include "tst_simserverhostile.moc"
