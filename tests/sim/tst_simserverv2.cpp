#include "protocol/v2/sign.h"
#include "protocol/v2/v2codec.h"
#include "protocol/v2/xml.h"
#include "tst_simserverutil.h"

using namespace wxpay;
using namespace wxpay::sim;
using namespace wxpay::sim::test;
using namespace Qt::Literals::StringLiterals;
using protocol::v2::Fields;
using protocol::v2::SignType;

// wxpay-sim's APIv2 front over real HTTP and HTTPS: what it accepts, what it refuses and how it signs.
class TestSimServerV2 : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_http; // plain HTTP
    ServerFixture m_https; // HTTPS, same sandbox keys

    const SimMerchant& v2() const { return m_http.merchant(ApiFamily::V2); }

    protocol::v2::V2Codec codec(SignType type, ServerFixture& fixture)
    {
        protocol::v2::V2CodecOptions options;
        options.defaultClientIp = u"127.0.0.1"_s;
        options.defaultNotifyUrl = u"https://merchant.example/notify"_s;
        return protocol::v2::V2Codec(
            fixture.ids(ApiFamily::V2), v2().apiV2Key, type, fixture.clock, fixture.nonce, options);
    }

    // A signed request built by hand: `fields` plus appid, mch_id, nonce_str and sign.
    protocol::WireRequest handMade(const QString& path, Fields fields, QByteArrayView key, SignType type) const
    {
        fields.insert(u"appid"_s, v2().appid);
        fields.insert(u"mch_id"_s, v2().mchid);
        fields.insert(u"nonce_str"_s, u"5K8264ILTKCH16CQ2502SI8ZNMTM67VS"_s);
        fields.insert(u"sign"_s, protocol::v2::sign(fields, key, type));
        protocol::WireRequest request;
        request.method = "POST";
        request.pathAndQuery = path;
        request.headers = { { "Content-Type", "text/xml; charset=utf-8" } };
        request.body = protocol::v2::toXml(fields);
        return request;
    }

    static Fields replyFields(const protocol::WireResponse& response)
    {
        auto parsed = protocol::v2::parseXml(response.body);
        return parsed ? parsed.value() : Fields {};
    }

    static NativeOrderRequest nativeOrder(const QString& outTradeNo)
    {
        NativeOrderRequest request;
        request.outTradeNo = outTradeNo;
        request.description = u"Sandbox 测试商品"_s;
        request.amount = Money::fromMinor(101, u"CNY"_s).value();
        return request;
    }

    static MicropayRequest quickPay(const QString& outTradeNo, QuickPayScenario scenario, quint64 serial)
    {
        MicropayRequest request;
        request.outTradeNo = outTradeNo;
        request.description = u"Quick Pay"_s;
        request.amount = Money::fromMinor(500, u"CNY"_s).value();
        request.authCode = makeAuthCode(scenario, 0, serial);
        return request;
    }

private Q_SLOTS:
    void initTestCase();
    void nativeOrderWithGoodSign_data();
    void nativeOrderWithGoodSign();
    void wrongSignIsRefused();
    void wrongSignTypeIsRefused_data();
    void wrongSignTypeIsRefused();
    void dtdPayloadIsRefused();
    void businessErrorsAreSignedFailures();
    void secapiOverPlainHttpIsRefused();
    void secapiOverHttpsNeedsTheMerchantCertificate();
    void refundOverHttpsThenQuery();
    void downloadBill();
};

void TestSimServerV2::initTestCase()
{
    QVERIFY(m_http.start(false));
    m_https.sandbox = m_http.sandbox;
    QVERIFY(m_https.restart(true));
    QCOMPARE(m_https.server->baseUrl().scheme(), u"https"_s);
    QCOMPARE(m_http.server->baseUrl().host(), u"127.0.0.1"_s);
}

void TestSimServerV2::nativeOrderWithGoodSign_data()
{
    QTest::addColumn<SignType>("type");
    QTest::newRow("MD5") << SignType::Md5;
    QTest::newRow("HMAC-SHA256") << SignType::HmacSha256;
}

void TestSimServerV2::nativeOrderWithGoodSign()
{
    QFETCH(SignType, type);
    auto c = codec(type, m_http);
    auto transport = m_http.transport();
    const QString outTradeNo = u"V2NATIVE"_s + QString::number(int(type));

    auto request = c.createNative(nativeOrder(outTradeNo));
    WXPAY_VERIFY_OK(request);
    auto response = exchange(*transport, request.value());
    WXPAY_VERIFY_OK(response);
    QVERIFY(!response->requestId().isEmpty());
    auto order = c.parseCreateNative(response.value()); // checks the sign and the echoed ids
    WXPAY_VERIFY_OK(order);
    QVERIFY(order->codeUrl.startsWith(u"weixin://wxpay/bizpayurl?pr="));

    // The reply is signed with the request's type and carries a fresh nonce.
    const Fields fields = replyFields(response.value());
    QCOMPARE(fields.value(u"sign"_s).size(), type == SignType::Md5 ? 32 : 64);
    const Fields sent = protocol::v2::parseXml(request->body).value();
    QVERIFY(fields.value(u"nonce_str"_s) != sent.value(u"nonce_str"_s));
    QCOMPARE(fields.value(u"mch_id"_s), v2().mchid);

    auto query = c.queryOrder(OrderRef::byOutTradeNo(outTradeNo));
    WXPAY_VERIFY_OK(query);
    auto queried = c.parseQueryOrder(exchange(*transport, query.value()).value());
    WXPAY_VERIFY_OK(queried);
    QCOMPARE(queried->state, TradeState::NotPay);
}

void TestSimServerV2::wrongSignIsRefused()
{
    auto transport = m_http.transport();
    Fields fields { { u"out_trade_no"_s, u"V2NOSUCHORDER"_s } };
    const QByteArray wrongKey = QByteArray(v2().apiV2Key).replace(0, 1, "#");
    auto response = exchange(*transport, handMade(u"/pay/orderquery"_s, fields, wrongKey, SignType::Md5));
    WXPAY_VERIFY_OK(response);
    QCOMPARE(response->status, 200);
    const Fields reply = replyFields(response.value());
    QCOMPARE(reply.value(u"return_code"_s), u"FAIL"_s);
    QCOMPARE(reply.value(u"return_msg"_s), u"签名错误"_s);
    QVERIFY(!reply.contains(u"sign"_s));
    QVERIFY(!reply.contains(u"result_code"_s));

    // The client codec reads it as the server's refusal.
    auto c = codec(SignType::Md5, m_http);
    auto parsed = c.parseQueryOrder(response.value());
    WXPAY_VERIFY_ERROR(parsed, ErrorKind::Business, u"RETURN_CODE_FAIL"_s);
    QCOMPARE(parsed.error().message, u"签名错误"_s);

    // Sanity: the same request with the right key is answered (ORDERNOTEXIST, signed).
    auto good = exchange(*transport, handMade(u"/pay/orderquery"_s, fields, v2().apiV2Key, SignType::Md5));
    QCOMPARE(replyFields(good.value()).value(u"err_code"_s), u"ORDERNOTEXIST"_s);
}

void TestSimServerV2::wrongSignTypeIsRefused_data()
{
    QTest::addColumn<QString>("claimed"); // sign_type sent ("" = none)
    QTest::addColumn<SignType>("signedWith");
    QTest::addColumn<QString>("returnMsg");
    QTest::newRow("MD5 sign claimed HMAC") << u"HMAC-SHA256"_s << SignType::Md5 << u"签名错误"_s;
    QTest::newRow("HMAC sign claimed MD5") << u"MD5"_s << SignType::HmacSha256 << u"签名错误"_s;
    // Without sign_type the server uses MD5: it does not guess HMAC from the sign's length.
    QTest::newRow("HMAC sign without sign_type") << QString() << SignType::HmacSha256 << u"签名错误"_s;
    QTest::newRow("unknown sign_type") << u"SHA1"_s << SignType::Md5 << u"sign_type参数错误"_s;
}

void TestSimServerV2::wrongSignTypeIsRefused()
{
    QFETCH(QString, claimed);
    QFETCH(SignType, signedWith);
    QFETCH(QString, returnMsg);
    Fields fields { { u"out_trade_no"_s, u"V2NOSUCHORDER"_s } };
    if (!claimed.isEmpty())
        fields.insert(u"sign_type"_s, claimed);
    auto transport = m_http.transport();
    auto response = exchange(*transport, handMade(u"/pay/orderquery"_s, fields, v2().apiV2Key, signedWith));
    WXPAY_VERIFY_OK(response);
    const Fields reply = replyFields(response.value());
    QCOMPARE(reply.value(u"return_code"_s), u"FAIL"_s);
    QCOMPARE(reply.value(u"return_msg"_s), returnMsg);
}

void TestSimServerV2::dtdPayloadIsRefused()
{
    auto c = codec(SignType::Md5, m_http);
    auto request = c.createNative(nativeOrder(u"V2XXE00001"_s));
    WXPAY_VERIFY_OK(request);
    // A well-signed order behind an internal DTD with an external entity.
    request->body
        = "<?xml version=\"1.0\"?>\n<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + request->body;
    auto transport = m_http.transport();
    auto response = exchange(*transport, request.value());
    WXPAY_VERIFY_OK(response);
    const Fields reply = replyFields(response.value());
    QCOMPARE(reply.value(u"return_code"_s), u"FAIL"_s);
    QVERIFY2(reply.value(u"return_msg"_s).startsWith(u"XML格式错误"), qPrintable(reply.value(u"return_msg"_s)));
    for (const LedgerEntry& entry : m_http.engine->ledger())
        QVERIFY(entry.outTradeNo != u"V2XXE00001");
}

void TestSimServerV2::businessErrorsAreSignedFailures()
{
    auto c = codec(SignType::HmacSha256, m_http);
    auto transport = m_http.transport();
    // Quick Pay whose payer must type the password: result_code=FAIL err_code=USERPAYING, signed.
    auto request = c.micropay(quickPay(u"V2QUICK001"_s, QuickPayScenario::PayingForever, 1));
    WXPAY_VERIFY_OK(request);
    auto response = exchange(*transport, request.value());
    WXPAY_VERIFY_OK(response);
    const Fields reply = replyFields(response.value());
    QCOMPARE(reply.value(u"return_code"_s), u"SUCCESS"_s);
    QCOMPARE(reply.value(u"result_code"_s), u"FAIL"_s);
    QCOMPARE(reply.value(u"err_code_des"_s), u"需要用户输入支付密码"_s);
    WXPAY_VERIFY_OK(protocol::v2::verify(reply, v2().apiV2Key, SignType::HmacSha256));
    WXPAY_VERIFY_ERROR(c.parseMicropay(response.value()), ErrorKind::Business, u"USERPAYING"_s);

    // Unknown order: ORDERNOTEXIST through the codec.
    auto query = c.queryOrder(OrderRef::byOutTradeNo(u"V2MISSING01"_s));
    WXPAY_VERIFY_ERROR(
        c.parseQueryOrder(exchange(*transport, query.value()).value()), ErrorKind::Business, u"ORDERNOTEXIST"_s);
}

void TestSimServerV2::secapiOverPlainHttpIsRefused()
{
    auto c = codec(SignType::Md5, m_http);
    auto transport = m_http.transport(&v2()); // the certificate is configured, but http cannot carry it
    auto paid = c.micropay(quickPay(u"V2PLAIN001"_s, QuickPayScenario::Success, 2));
    WXPAY_VERIFY_OK(c.parseMicropay(exchange(*transport, paid.value()).value()));

    auto reverse = c.reverse(OrderRef::byOutTradeNo(u"V2PLAIN001"_s));
    WXPAY_VERIFY_OK(reverse);
    QVERIFY(reverse->needsClientCertificate);
    auto response = exchange(*transport, reverse.value());
    WXPAY_VERIFY_OK(response);
    const Fields reply = replyFields(response.value());
    QCOMPARE(reply.value(u"return_code"_s), u"FAIL"_s);
    QVERIFY2(reply.value(u"return_msg"_s).contains(u"证书"), qPrintable(reply.value(u"return_msg"_s)));
    // Nothing was reversed.
    for (const LedgerEntry& entry : m_http.engine->ledger()) {
        if (entry.outTradeNo == u"V2PLAIN001")
            QCOMPARE(entry.state, TradeState::Success);
    }
}

void TestSimServerV2::secapiOverHttpsNeedsTheMerchantCertificate()
{
    auto c = codec(SignType::Md5, m_https);
    auto withCertificate = m_https.transport(&v2());
    auto paid = c.micropay(quickPay(u"V2TLS00001"_s, QuickPayScenario::Success, 3));
    WXPAY_VERIFY_OK(c.parseMicropay(exchange(*withCertificate, paid.value()).value()));
    auto reverse = c.reverse(OrderRef::byOutTradeNo(u"V2TLS00001"_s));
    WXPAY_VERIFY_OK(reverse);

    // No client certificate at all (a fresh QNAM: TLS sessions are cached per manager).
    {
        ServerFixture other;
        gateway::TransportConfig config;
        config.payBaseUrl = m_https.server->baseUrl();
        config.trustedCaCertificates = { m_https.server->caCertificate() };
        gateway::HttpTransport bare(other.nam, config);
        protocol::WireRequest unauthenticated = reverse.value();
        unauthenticated.needsClientCertificate = false;
        auto response = exchange(bare, unauthenticated);
        WXPAY_VERIFY_OK(response);
        const Fields reply = replyFields(response.value());
        QCOMPARE(reply.value(u"return_code"_s), u"FAIL"_s);
        QVERIFY(reply.value(u"return_msg"_s).contains(u"证书"));
    }
    // Another merchant's certificate, from the same authority.
    {
        ServerFixture other;
        gateway::TransportConfig config;
        config.payBaseUrl = m_https.server->baseUrl();
        config.trustedCaCertificates = { m_https.server->caCertificate() };
        const SimMerchant& stranger = m_https.merchant(ApiFamily::V3);
        config.clientCertificate = QSslCertificate(stranger.merchantCertificate.toPem(), QSsl::Pem);
        config.clientKey = QSslKey(stranger.merchantKey->toPem(), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
        gateway::HttpTransport wrong(other.nam, config);
        auto response = exchange(wrong, reverse.value());
        WXPAY_VERIFY_OK(response);
        const Fields reply = replyFields(response.value());
        QCOMPARE(reply.value(u"return_code"_s), u"FAIL"_s);
        QCOMPARE(reply.value(u"return_msg"_s), u"证书错误：客户端证书不是该商户的API证书"_s);
    }
    // The merchant's own certificate: reversed.
    ServerFixture own;
    gateway::TransportConfig config = withCertificate->config();
    gateway::HttpTransport right(own.nam, config);
    auto reversed = c.parseReverse(exchange(right, reverse.value()).value());
    WXPAY_VERIFY_OK(reversed);
    QVERIFY(!reversed->recall);
    auto query = c.queryOrder(OrderRef::byOutTradeNo(u"V2TLS00001"_s));
    auto state = c.parseQueryOrder(exchange(right, query.value()).value());
    WXPAY_VERIFY_OK(state);
    QCOMPARE(state->state, TradeState::Revoked);
}

void TestSimServerV2::refundOverHttpsThenQuery()
{
    auto c = codec(SignType::HmacSha256, m_https);
    // The payment goes through another manager: QNAM would reuse its TLS connection, opened without a client
    // certificate, for the refund (its connection cache ignores the SSL configuration).
    auto payments = m_https.transport();
    auto paid = c.micropay(quickPay(u"V2REFUND01"_s, QuickPayScenario::Success, 4));
    auto transaction = c.parseMicropay(exchange(*payments, paid.value()).value());
    ServerFixture own;
    gateway::HttpTransport transport(own.nam, m_https.transport(&v2())->config());
    WXPAY_VERIFY_OK(transaction);

    RefundRequest refund;
    refund.order = OrderRef::byTransactionId(transaction->transactionId);
    refund.outRefundNo = u"V2R0001"_s;
    refund.refund = Money::fromMinor(200, u"CNY"_s).value();
    refund.total = Money::fromMinor(500, u"CNY"_s).value();
    auto request = c.refund(refund);
    WXPAY_VERIFY_OK(request);
    auto accepted = c.parseRefund(exchange(transport, request.value()).value());
    WXPAY_VERIFY_OK(accepted);
    QCOMPARE(accepted->outRefundNo, u"V2R0001"_s);
    QCOMPARE(accepted->refund.minorUnits(), 200);

    m_https.clock.advance(std::chrono::seconds(10)); // past SimSettings::refundDelay
    RefundRef ref;
    ref.outRefundNo = u"V2R0001"_s;
    auto query = c.queryRefund(ref);
    auto refunds = c.parseQueryRefund(exchange(transport, query.value()).value());
    WXPAY_VERIFY_OK(refunds);
    QCOMPARE(refunds->size(), 1);
    QCOMPARE(refunds->constFirst().status, RefundStatus::Success);
    QVERIFY(refunds->constFirst().successTime.isValid());
}

void TestSimServerV2::downloadBill()
{
    SimSettings settings = m_http.engine->settings();
    settings.billsImmediately = true;
    m_http.engine->setSettings(settings);
    auto c = codec(SignType::Md5, m_http);
    auto transport = m_http.transport();
    auto paid = c.micropay(quickPay(u"V2BILL0001"_s, QuickPayScenario::Success, 5));
    WXPAY_VERIFY_OK(c.parseMicropay(exchange(*transport, paid.value()).value()));

    BillRequest bill;
    bill.date = m_http.clock.now().toOffsetFromUtc(8 * 3600).date();
    auto request = c.tradeBill(bill);
    WXPAY_VERIFY_OK(request);
    auto response = exchange(*transport, request.value());
    WXPAY_VERIFY_OK(response);
    auto download = c.parseTradeBill(response.value());
    WXPAY_VERIFY_OK(download);
    QVERIFY(download->content.contains("`V2BILL0001"));

    // No bill for a day without trades: the refusal XML with error_code 20002.
    bill.date = bill.date.addDays(-20);
    auto none = c.parseTradeBill(exchange(*transport, c.tradeBill(bill).value()).value());
    WXPAY_VERIFY_ERROR(none, ErrorKind::Business, u"RETURN_CODE_FAIL"_s);
    QCOMPARE(none.error().message, u"No Bill Exist"_s);
    QCOMPARE(none.error().detail, u"20002"_s);
}

QTEST_GUILESS_MAIN(TestSimServerV2)
#include "tst_simserverv2.moc"
