#include "protocol/v3/v3codec.h"
#include "support/testsupport.h"
#include "v3fixture.h"

#include <QTest>

#include <memory>

using namespace wxpay;
using namespace wxpay::protocol;
using namespace wxpay::protocol::v3;

namespace {

constexpr qint64 kNow = 1714564800; // 2024-05-01T12:00:00Z
constexpr char kNonce[] = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
constexpr char kMerchantSerial[] = "3775B6A45ACD588826D15E583A95F5DD66A3C1B8";
const QString kPublicKeyId = QStringLiteral("PUB_KEY_ID_0000000000000024101100397200000006");
const QByteArray kRequestId = "08F8B5D8B30610AD0118A1B1E6C50128E4B301-0";

Money money(qint64 minor, const char* currency = "CNY")
{
    return Money::fromMinor(minor, QString::fromLatin1(currency)).valueOr(Money());
}

MerchantIds directIds()
{
    return { QStringLiteral("1230000109"), QStringLiteral("wxd678efh567hg6787"), {}, {} };
}

MerchantIds partnerIds()
{
    return { QStringLiteral("1900000100"), QStringLiteral("wx8888888888888888"), QStringLiteral("1900000109"),
        QStringLiteral("wxd678efh567hg6787") };
}

// The text WireRequest::toText() must produce for a signed request, with the signature computed here.
QByteArray expectedText(
    const QByteArray& method, const QByteArray& pathAndQuery, const QByteArray& body, const QByteArray& mchid)
{
    const QByteArray signature = test::v3::base64Signature(test::v3::katKey(),
        method + '\n' + pathAndQuery + '\n' + QByteArray::number(kNow) + '\n' + kNonce + '\n' + body + '\n');
    QByteArray text = method + ' ' + pathAndQuery + '\n';
    text += "Authorization: WECHATPAY2-SHA256-RSA2048 mchid=\"" + mchid + "\",nonce_str=\"" + kNonce + "\",timestamp=\""
        + QByteArray::number(kNow) + "\",serial_no=\"" + kMerchantSerial + "\",signature=\"" + signature + "\"\n";
    text += "Accept: application/json\n";
    if (!body.isEmpty())
        text += "Content-Type: application/json\n";
    text += "User-Agent: wxpay-console/" WXPAY_VERSION "\n";
    text += "Wechatpay-Serial: PUB_KEY_ID_0000000000000024101100397200000006\n";
    text += '\n';
    text += body;
    return text;
}

} // namespace

class TestV3Codec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nativeRequestByteForByte();
    void codepayRequestByteForByte();
    void requests_data();
    void requests();
    void refusesIncompleteRequests_data();
    void refusesIncompleteRequests();
    void parsesNative();
    void parsesQueryPaid();
    void parsesQueryUnpaid();
    void parsesMicropay_data();
    void parsesMicropay();
    void parsesNoContent_data();
    void parsesNoContent();
    void parsesRefund();
    void parsesTradeBillAndFile();
    void mapsErrors_data();
    void mapsErrors();
    void neverMapsUnverifiedReplies_data();
    void neverMapsUnverifiedReplies();

private:
    std::unique_ptr<V3Codec> codec(const MerchantIds& ids = directIds());
    WireResponse reply(int status, const QByteArray& body) const;

    crypto::PrivateKey m_platformKey;
    ManualClock m_clock { QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC) };
    FixedNonceSource m_nonces { { kNonce } };
};

void TestV3Codec::initTestCase()
{
    m_platformKey = test::v3::generatedKey();
    QVERIFY(!m_platformKey.isNull());
    QVERIFY(!test::v3::katKey().isNull());
}

std::unique_ptr<V3Codec> TestV3Codec::codec(const MerchantIds& ids)
{
    ResponseVerifier verifier;
    if (const Status set = verifier.setPublicKey(kPublicKeyId, m_platformKey.publicKey()); !set)
        qWarning("%s", qPrintable(set.error().toString()));
    CodecOptions options;
    options.notifyUrl = QStringLiteral("https://www.weixin.qq.com/wxpay/pay.php");
    options.clientIp = QStringLiteral("14.23.150.211");
    options.storeId = QStringLiteral("A1111");
    return std::make_unique<V3Codec>(ids,
        MerchantSigner(ids.mchid, QString::fromLatin1(kMerchantSerial), test::v3::katKey()), std::move(verifier),
        m_clock, m_nonces, options);
}

WireResponse TestV3Codec::reply(int status, const QByteArray& body) const
{
    return test::v3::signedReply(status, body, m_platformKey, kPublicKeyId, kNow, kRequestId);
}

void TestV3Codec::nativeRequestByteForByte()
{
    NativeOrderRequest order;
    order.outTradeNo = QStringLiteral("1217752501201407033233368018");
    order.description = QStringLiteral(u"Image形象店-深圳腾大-QQ公仔");
    order.amount = money(100);
    order.timeExpire = QDateTime::fromSecsSinceEpoch(kNow + 1800, Qt::UTC);
    order.attach = QStringLiteral("a&b=\"c\"");
    const auto request = codec()->createNative(order);
    WXPAY_VERIFY_OK(request);

    const QByteArray body
        = QStringLiteral(u"{\"amount\":{\"currency\":\"CNY\",\"total\":100},\"appid\":\"wxd678efh567hg6787\","
                         u"\"attach\":\"a&b=\\\"c\\\"\",\"description\":\"Image形象店-深圳腾大-QQ公仔\","
                         u"\"mchid\":\"1230000109\",\"notify_url\":\"https://www.weixin.qq.com/wxpay/"
                         u"pay.php\",\"out_trade_no\":\"1217752501201407033233368018\",\"scene_info\":{"
                         u"\"payer_client_ip\":\"14.23.150.211\"},\"time_expire\":\"2024-05-01T20:30:"
                         u"00+08:00\"}")
              .toUtf8();
    QCOMPARE(request->toText(), expectedText("POST", "/v3/pay/transactions/native", body, "1230000109"));
    QCOMPARE(request->endpoint, Endpoint::Pay);
    QVERIFY(!request->needsClientCertificate);
}

void TestV3Codec::codepayRequestByteForByte()
{
    MicropayRequest pay;
    pay.outTradeNo = QStringLiteral("1217752501201407033233368018");
    pay.description = QStringLiteral("Coffee");
    pay.amount = money(1);
    pay.authCode = QStringLiteral("130061098828009406");
    pay.deviceId = QStringLiteral("013467007045764");
    const auto request = codec()->micropay(pay);
    WXPAY_VERIFY_OK(request);
    const QByteArray body
        = R"({"amount":{"currency":"CNY","total":1},"appid":"wxd678efh567hg6787",)"
          R"("description":"Coffee","mchid":"1230000109","out_trade_no":"1217752501201407033233368018",)"
          R"("payer":{"auth_code":"130061098828009406"},"scene_info":{"device_id":"013467007045764",)"
          R"("device_ip":"14.23.150.211","store_info":{"out_id":"A1111"}}})";
    QCOMPARE(request->toText(), expectedText("POST", "/v3/pay/transactions/codepay", body, "1230000109"));
}

void TestV3Codec::requests_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<bool>("partner");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("query by id") << "query id" << false << QByteArray("GET")
                                 << "/v3/pay/transactions/id/4200000985202103031441826014?mchid=1230000109"
                                 << QByteArray();
    QTest::newRow("query by out_trade_no")
        << "query no" << false << QByteArray("GET")
        << "/v3/pay/transactions/out-trade-no/T20240501%7C01?mchid=1230000109" << QByteArray();
    QTest::newRow("close") << "close" << false << QByteArray("POST")
                           << "/v3/pay/transactions/out-trade-no/T20240501%7C01/close"
                           << QByteArray(R"({"mchid":"1230000109"})");
    QTest::newRow("reverse") << "reverse" << false << QByteArray("POST")
                             << "/v3/pay/transactions/out-trade-no/T20240501%7C01/reverse"
                             << QByteArray(R"({"appid":"wxd678efh567hg6787","mchid":"1230000109"})");
    QTest::newRow("refund") << "refund" << false << QByteArray("POST") << "/v3/refund/domestic/refunds"
                            << QByteArray(R"({"amount":{"currency":"CNY","refund":50,"total":100},)"
                                          R"("notify_url":"https://example.com/refund","out_refund_no":"R1",)"
                                          R"("reason":"damaged","transaction_id":"4200000985202103031441826014"})");
    QTest::newRow("refund query") << "refund query" << false << QByteArray("GET") << "/v3/refund/domestic/refunds/R1"
                                  << QByteArray();
    QTest::newRow("trade bill") << "bill" << false << QByteArray("GET")
                                << "/v3/bill/tradebill?bill_date=2024-04-30&bill_type=ALL" << QByteArray();

    QTest::newRow("partner query by id")
        << "query id" << true << QByteArray("GET")
        << "/v3/pay/partner/transactions/id/4200000985202103031441826014?sp_mchid=1900000100&sub_mchid=1900000109"
        << QByteArray();
    QTest::newRow("partner close") << "close" << true << QByteArray("POST")
                                   << "/v3/pay/partner/transactions/out-trade-no/T20240501%7C01/close"
                                   << QByteArray(R"({"sp_mchid":"1900000100","sub_mchid":"1900000109"})");
    QTest::newRow("partner reverse")
        << "reverse" << true << QByteArray("POST") << "/v3/pay/partner/transactions/out-trade-no/T20240501%7C01/reverse"
        << QByteArray(R"({"sp_appid":"wx8888888888888888","sp_mchid":"1900000100","sub_appid":"wxd678efh567hg6787",)"
                      R"("sub_mchid":"1900000109"})");
    QTest::newRow("partner refund") << "refund" << true << QByteArray("POST") << "/v3/refund/domestic/refunds"
                                    << QByteArray(R"({"amount":{"currency":"CNY","refund":50,"total":100},)"
                                                  R"("notify_url":"https://example.com/refund","out_refund_no":"R1",)"
                                                  R"("reason":"damaged","sub_mchid":"1900000109",)"
                                                  R"("transaction_id":"4200000985202103031441826014"})");
    QTest::newRow("partner refund query") << "refund query" << true << QByteArray("GET")
                                          << "/v3/refund/domestic/refunds/R1?sub_mchid=1900000109" << QByteArray();
    QTest::newRow("partner trade bill") << "bill" << true << QByteArray("GET")
                                        << "/v3/bill/tradebill?bill_date=2024-04-30&bill_type=ALL&sub_mchid=1900000109"
                                        << QByteArray();
    QTest::newRow("partner native") << "native" << true << QByteArray("POST") << "/v3/pay/partner/transactions/native"
                                    << QByteArray(R"({"amount":{"currency":"CNY","total":100},"description":"Tea",)"
                                                  R"("notify_url":"https://www.weixin.qq.com/wxpay/pay.php",)"
                                                  R"("out_trade_no":"T20240501|01","scene_info":{"device_id":"POS-1",)"
                                                  R"("payer_client_ip":"10.0.0.8"},"sp_appid":"wx8888888888888888",)"
                                                  R"("sp_mchid":"1900000100","sub_appid":"wxd678efh567hg6787",)"
                                                  R"("sub_mchid":"1900000109"})");
}

void TestV3Codec::requests()
{
    QFETCH(QString, operation);
    QFETCH(bool, partner);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);

    const auto c = codec(partner ? partnerIds() : directIds());
    const OrderRef byId = OrderRef::byTransactionId(QStringLiteral("4200000985202103031441826014"));
    const OrderRef byNo = OrderRef::byOutTradeNo(QStringLiteral("T20240501|01"));
    Result<WireRequest> request = Error::input(QStringLiteral("TEST"), QStringLiteral("unknown operation"));
    if (operation == u"query id") {
        request = c->queryOrder(byId);
    } else if (operation == u"query no") {
        request = c->queryOrder(byNo);
    } else if (operation == u"close") {
        request = c->closeOrder(byNo);
    } else if (operation == u"reverse") {
        request = c->reverse(byNo);
    } else if (operation == u"refund") {
        RefundRequest refund { byId, QStringLiteral("R1"), money(50), money(100), QStringLiteral("damaged"),
            QStringLiteral("https://example.com/refund") };
        request = c->refund(refund);
    } else if (operation == u"refund query") {
        request = c->queryRefund(RefundRef { {}, QStringLiteral("R1"), {} });
    } else if (operation == u"bill") {
        request = c->tradeBill(BillRequest { QDate(2024, 4, 30) });
    } else if (operation == u"native") {
        NativeOrderRequest order;
        order.outTradeNo = QStringLiteral("T20240501|01");
        order.description = QStringLiteral("Tea");
        order.amount = money(100);
        order.clientIp = QStringLiteral("10.0.0.8");
        order.deviceId = QStringLiteral("POS-1");
        request = c->createNative(order);
    }
    WXPAY_VERIFY_OK(request);
    QCOMPARE(request->method, method);
    QCOMPARE(request->pathAndQuery, path);
    QCOMPARE(request->body, body);
    QCOMPARE(request->header("Content-Type"), body.isEmpty() ? QByteArray() : QByteArray("application/json"));
    QCOMPARE(request->header("Wechatpay-Serial"), kPublicKeyId.toUtf8());
    // The Authorization signs exactly what is sent.
    const auto parts = parseAuthorization(request->header("Authorization"));
    WXPAY_VERIFY_OK(parts);
    QCOMPARE(parts->mchid, partner ? partnerIds().mchid : directIds().mchid);
    WXPAY_VERIFY_OK(crypto::rsaSha256Verify(test::v3::katKey().publicKey(),
        signatureMessage(method, path.toUtf8(), kNow, kNonce, body), QByteArray::fromBase64(parts->signature)));
}

void TestV3Codec::refusesIncompleteRequests_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("code");
    QTest::newRow("query without ids") << "query"
                                       << "INPUT_MISSING";
    QTest::newRow("close by transaction id") << "close"
                                             << "UNSUPPORTED";
    QTest::newRow("reverse by transaction id") << "reverse"
                                               << "UNSUPPORTED";
    QTest::newRow("refund query by refund id") << "refund query"
                                               << "UNSUPPORTED";
    QTest::newRow("refund in two currencies") << "refund currencies"
                                              << "CURRENCY_MISMATCH";
    QTest::newRow("native without amount") << "native"
                                           << "INPUT_MISSING";
    QTest::newRow("codepay without auth code") << "codepay"
                                               << "INPUT_MISSING";
    QTest::newRow("bill without date") << "bill"
                                       << "INPUT_MISSING";
    QTest::newRow("bill file with a bad url") << "bill file"
                                              << "BILL_URL_INVALID";
}

void TestV3Codec::refusesIncompleteRequests()
{
    QFETCH(QString, operation);
    QFETCH(QString, code);
    const auto c = codec();
    const OrderRef byId = OrderRef::byTransactionId(QStringLiteral("4200000985202103031441826014"));
    Result<WireRequest> request = Error::protocol(QStringLiteral("TEST"), QStringLiteral("unknown operation"));
    if (operation == u"query") {
        request = c->queryOrder(OrderRef {});
    } else if (operation == u"close") {
        request = c->closeOrder(byId);
    } else if (operation == u"reverse") {
        request = c->reverse(byId);
    } else if (operation == u"refund query") {
        request = c->queryRefund(RefundRef { QStringLiteral("50000000382019052709732678859"), {}, {} });
    } else if (operation == u"refund currencies") {
        request = c->refund(RefundRequest { byId, QStringLiteral("R1"), money(1, "HKD"), money(2), {}, {} });
    } else if (operation == u"native") {
        NativeOrderRequest order;
        order.outTradeNo = QStringLiteral("T1");
        order.description = QStringLiteral("Tea");
        request = c->createNative(order);
    } else if (operation == u"codepay") {
        MicropayRequest pay;
        pay.outTradeNo = QStringLiteral("T1");
        pay.description = QStringLiteral("Tea");
        pay.amount = money(1);
        request = c->micropay(pay);
    } else if (operation == u"bill") {
        request = c->tradeBill(BillRequest { QDate() });
    } else if (operation == u"bill file") {
        request = c->billFile(BillDownload { {}, QStringLiteral("not a url"), QStringLiteral("SHA1"), {} });
    }
    WXPAY_VERIFY_ERROR(request, ErrorKind::Input, code);
}

void TestV3Codec::parsesNative()
{
    const auto c = codec();
    const auto order = c->parseCreateNative(reply(200, R"({"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"})"));
    WXPAY_VERIFY_OK(order);
    QCOMPARE(order->codeUrl, QStringLiteral("weixin://wxpay/bizpayurl?pr=p4lpSuKzz"));
    WXPAY_VERIFY_ERROR(
        c->parseCreateNative(reply(200, R"({"prepay_id":"x"})")), ErrorKind::Protocol, QStringLiteral("FIELD_MISSING"));
}

void TestV3Codec::parsesQueryPaid()
{
    const QByteArray body = QStringLiteral(
        u"{\"amount\":{\"currency\":\"CNY\",\"payer_currency\":\"CNY\",\"payer_total\":90,\"total\":100},"
        u"\"appid\":\"wxd678efh567hg6787\",\"attach\":\"desk 4\",\"bank_type\":\"CMC\",\"mchid\":\"1230000109\","
        u"\"out_trade_no\":\"1217752501201407033233368018\",\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},"
        u"\"promotion_detail\":[],\"success_time\":\"2018-06-08T10:34:56+08:00\",\"trade_state\":\"SUCCESS\","
        u"\"trade_state_desc\":\"支付成功\",\"trade_type\":\"NATIVE\",\"transaction_id\":"
        u"\"1217752501201407033233368018\"}")
                                .toUtf8();
    const auto t = codec()->parseQueryOrder(reply(200, body));
    WXPAY_VERIFY_OK(t);
    QCOMPARE(t->outTradeNo, QStringLiteral("1217752501201407033233368018"));
    QCOMPARE(t->transactionId, QStringLiteral("1217752501201407033233368018"));
    QCOMPARE(t->state, TradeState::Success);
    QCOMPARE(t->stateDescription, QStringLiteral(u"支付成功"));
    QCOMPARE(t->tradeType, QStringLiteral("NATIVE"));
    QCOMPARE(t->total, money(100));
    QVERIFY(t->payerTotal.has_value());
    QCOMPARE(*t->payerTotal, money(90));
    QVERIFY(!t->exchangeRate.has_value());
    QCOMPARE(t->openid, QStringLiteral("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
    QCOMPARE(t->bankType, QStringLiteral("CMC"));
    QCOMPARE(t->attach, QStringLiteral("desk 4"));
    QCOMPARE(t->successTime, QDateTime(QDate(2018, 6, 8), QTime(2, 34, 56), Qt::UTC));
    QCOMPARE(t->successTime.timeSpec(), Qt::UTC);
}

void TestV3Codec::parsesQueryUnpaid()
{
    const QByteArray body
        = QStringLiteral(u"{\"amount\":{\"payer_currency\":\"CNY\",\"total\":100},\"appid\":\"wxd678efh567hg6787\","
                         u"\"mchid\":\"1230000109\","
                         u"\"out_trade_no\":\"T1\",\"trade_state\":\"NOTPAY\",\"trade_state_desc\":\"订单未支付\"}")
              .toUtf8();
    const auto t = codec()->parseQueryOrder(reply(200, body));
    WXPAY_VERIFY_OK(t);
    QCOMPARE(t->state, TradeState::NotPay);
    QCOMPARE(t->total, money(100)); // currency left out: CNY by default
    QVERIFY(!t->payerTotal.has_value());
    QVERIFY(!t->successTime.isValid());
    QVERIFY(t->transactionId.isEmpty());

    WXPAY_VERIFY_ERROR(codec()->parseQueryOrder(reply(200, R"({"out_trade_no":"T1"})")), ErrorKind::Protocol,
        QStringLiteral("FIELD_MISSING"));
    WXPAY_VERIFY_ERROR(
        codec()->parseQueryOrder(reply(200, R"({"out_trade_no":"T1","trade_state":"NOTPAY","amount":{"total":1.5}})")),
        ErrorKind::Protocol, QStringLiteral("FIELD_INVALID"));
    WXPAY_VERIFY_ERROR(
        codec()->parseQueryOrder(reply(200, R"({"out_trade_no":"T1","trade_state":"NOTPAY","amount":{"total":-1}})")),
        ErrorKind::Protocol, QStringLiteral("FIELD_INVALID"));
    WXPAY_VERIFY_ERROR(codec()->parseQueryOrder(reply(200,
                           R"({"out_trade_no":"T1","trade_state":"SUCCESS","success_time":"2018-06-08 10:34:56"})")),
        ErrorKind::Protocol, QStringLiteral("FIELD_INVALID"));
}

void TestV3Codec::parsesMicropay_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind"); // -1: success
    QTest::addColumn<QString>("code");

    const QByteArray paid = R"({"amount":{"currency":"CNY","payer_currency":"CNY","payer_total":1,"total":1},)"
                            R"("appid":"wxd678efh567hg6787","bank_type":"OTHERS","mchid":"1230000109",)"
                            R"("out_trade_no":"T1","payer":{"openid":"o1"},"success_time":"2024-05-01T20:00:01+08:00",)"
                            R"("trade_state":"SUCCESS","trade_state_desc":"ok","trade_type":"MICROPAY",)"
                            R"("transaction_id":"4200000985202103031441826014"})";
    QTest::newRow("200 SUCCESS") << 200 << paid << -1 << "";
    QTest::newRow("202 accepted") << 202 << QByteArray() << int(ErrorKind::Business) << "USERPAYING";
    QTest::newRow("202 with a message") << 202 << QByteArray(R"({"code":"USERPAYING","message":"waiting"})")
                                        << int(ErrorKind::Business) << "USERPAYING";
    QTest::newRow("200 USERPAYING") << 200
                                    << QByteArray(R"({"mchid":"1230000109","out_trade_no":"T1",)"
                                                  R"("trade_state":"USERPAYING","trade_state_desc":"password"})")
                                    << int(ErrorKind::Business) << "USERPAYING";
    QTest::newRow("200 PAYERROR") << 200
                                  << QByteArray(
                                         R"({"mchid":"1230000109","out_trade_no":"T1","trade_state":"PAYERROR"})")
                                  << int(ErrorKind::Business) << "PAYERROR";
    QTest::newRow("403 USERPAYING") << 403 << QByteArray(R"({"code":"USERPAYING","message":"need password"})")
                                    << int(ErrorKind::Business) << "USERPAYING";
    QTest::newRow("500 SYSTEM_ERROR") << 500 << QByteArray(R"({"code":"SYSTEM_ERROR","message":"busy"})")
                                      << int(ErrorKind::Business) << "SYSTEM_ERROR";
    QTest::newRow("500 BANK_ERROR") << 500 << QByteArray(R"({"code":"BANK_ERROR","message":"bank"})")
                                    << int(ErrorKind::Business) << "BANK_ERROR";
    QTest::newRow("400 AUTH_CODE_INVALID") << 400 << QByteArray(R"({"code":"AUTH_CODE_INVALID","message":"expired"})")
                                           << int(ErrorKind::Business) << "AUTH_CODE_INVALID";
    QTest::newRow("200 not JSON") << 200 << QByteArray("{") << int(ErrorKind::Protocol) << "JSON_MALFORMED";
}

void TestV3Codec::parsesMicropay()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, code);
    const auto t = codec()->parseMicropay(reply(status, body));
    if (kind < 0) {
        WXPAY_VERIFY_OK(t);
        QCOMPARE(t->state, TradeState::Success);
        QCOMPARE(t->transactionId, QStringLiteral("4200000985202103031441826014"));
        QCOMPARE(t->payerTotal, std::optional<Money>(money(1)));
        QCOMPARE(t->successTime, QDateTime(QDate(2024, 5, 1), QTime(12, 0, 1), Qt::UTC));
        return;
    }
    WXPAY_VERIFY_ERROR(t, ErrorKind(kind), code);
    QCOMPARE(t.error().requestId, QString::fromLatin1(kRequestId));
    if (ErrorKind(kind) == ErrorKind::Business)
        QCOMPARE(t.error().httpStatus, status);
}

void TestV3Codec::parsesNoContent_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("close 204") << "close" << 204 << QByteArray();
    QTest::newRow("reverse 200") << "reverse" << 200
                                 << QByteArray(
                                        R"({"appid":"wxd678efh567hg6787","mchid":"1230000109","out_trade_no":"T1"})");
}

void TestV3Codec::parsesNoContent()
{
    QFETCH(QString, operation);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    const auto c = codec();
    const WireResponse signedReply = reply(status, body);
    const WireResponse unsignedReply = test::v3::unsignedReply(status, body);
    if (operation == u"close") {
        WXPAY_VERIFY_OK(c->parseCloseOrder(signedReply));
        WXPAY_VERIFY_ERROR(
            c->parseCloseOrder(unsignedReply), ErrorKind::Verification, QStringLiteral("HEADERS_MISSING"));
    } else {
        const auto result = c->parseReverse(signedReply);
        WXPAY_VERIFY_OK(result);
        QVERIFY(!result->recall);
        WXPAY_VERIFY_ERROR(c->parseReverse(unsignedReply), ErrorKind::Verification, QStringLiteral("HEADERS_MISSING"));
    }
}

void TestV3Codec::parsesRefund()
{
    const QByteArray body = QStringLiteral(
        u"{\"amount\":{\"currency\":\"CNY\",\"discount_refund\":0,\"from\":[],\"payer_refund\":45,\"payer_total\":90,"
        u"\"refund\":50,\"settlement_refund\":50,\"settlement_total\":100,\"total\":100},\"channel\":\"ORIGINAL\","
        u"\"create_time\":\"2020-12-01T16:18:12+08:00\",\"funds_account\":\"UNSETTLED\",\"out_refund_no\":\"R1\","
        u"\"out_trade_no\":\"T1\",\"promotion_detail\":[],\"refund_id\":\"50000000382019052709732678859\","
        u"\"status\":\"SUCCESS\",\"success_time\":\"2020-12-01T16:18:12+08:00\","
        u"\"transaction_id\":\"1217752501201407033233368018\",\"user_received_account\":\"招商银行信用卡0403\"}")
                                .toUtf8();
    const auto c = codec();
    const auto refund = c->parseRefund(reply(200, body));
    WXPAY_VERIFY_OK(refund);
    QCOMPARE(refund->refundId, QStringLiteral("50000000382019052709732678859"));
    QCOMPARE(refund->outRefundNo, QStringLiteral("R1"));
    QCOMPARE(refund->transactionId, QStringLiteral("1217752501201407033233368018"));
    QCOMPARE(refund->outTradeNo, QStringLiteral("T1"));
    QCOMPARE(refund->status, RefundStatus::Success);
    QCOMPARE(refund->refund, money(50));
    QCOMPARE(refund->total, money(100));
    QCOMPARE(refund->payerRefund, std::optional<Money>(money(45)));
    QCOMPARE(refund->channel, QStringLiteral("ORIGINAL"));
    QCOMPARE(refund->receivedAccount, QStringLiteral(u"招商银行信用卡0403"));
    QCOMPARE(refund->createTime, QDateTime(QDate(2020, 12, 1), QTime(8, 18, 12), Qt::UTC));

    const auto list = c->parseQueryRefund(reply(200, body));
    WXPAY_VERIFY_OK(list);
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->at(0).refundId, refund->refundId);

    // The OpenAPI enumeration spells the closed state CLOSE.
    QByteArray closed = body;
    closed.replace("\"status\":\"SUCCESS\"", "\"status\":\"CLOSE\"");
    const auto closedRefund = c->parseRefund(reply(200, closed));
    WXPAY_VERIFY_OK(closedRefund);
    QCOMPARE(closedRefund->status, RefundStatus::Closed);
}

void TestV3Codec::parsesTradeBillAndFile()
{
    const QByteArray content = "\xEF\xBB\xBF"
                               "交易时间,公众账号ID\r\n`2019-02-19 01:52:32,`wxab8acd895ab1638a\r\n";
    const QByteArray sha1 = crypto::sha1(content).toHex();
    const QByteArray body
        = R"({"download_url":"https://api.mch.weixin.qq.com/v3/billdownload/file?token=6XIv5TUPto7pByrTQKhd6kwvyKLG2uY2wMMR8cNXqaA_Cv_isgaUtBzp4QtiozLO","hash_type":"SHA1","hash_value":")"
        + sha1.toUpper() + R"("})";
    const auto c = codec();
    const auto bill = c->parseTradeBill(reply(200, body));
    WXPAY_VERIFY_OK(bill);
    QCOMPARE(bill->hashType, QStringLiteral("SHA1"));
    QCOMPARE(bill->hashValue, QString::fromLatin1(sha1.toUpper()));
    QVERIFY(bill->content.isEmpty());

    const auto download = c->billFile(*bill);
    WXPAY_VERIFY_OK(download);
    QCOMPARE(download->method, QByteArray("GET"));
    QCOMPARE(download->pathAndQuery,
        QStringLiteral("/v3/billdownload/file?token=6XIv5TUPto7pByrTQKhd6kwvyKLG2uY2wMMR8cNXqaA_Cv_isgaUtBzp4QtiozLO"));
    QVERIFY(download->header("Authorization").startsWith("WECHATPAY2-SHA256-RSA2048 "));

    WXPAY_VERIFY_OK(verifyBillHash(content, *bill));
    WXPAY_VERIFY_ERROR(verifyBillHash(QByteArray(content + "x"), *bill), ErrorKind::Verification,
        QStringLiteral("BILL_HASH_MISMATCH"));
    BillDownload md5Bill = *bill;
    md5Bill.hashType = QStringLiteral("MD5");
    WXPAY_VERIFY_ERROR(verifyBillHash(content, md5Bill), ErrorKind::Protocol, QStringLiteral("HASH_TYPE_UNSUPPORTED"));

    // The file reply is unsigned by design; its hash is what makes it trusted.
    const auto file = c->parseBillFile(test::v3::unsignedReply(200, content), *bill);
    WXPAY_VERIFY_OK(file);
    QCOMPARE(*file, content);
    const auto tampered = c->parseBillFile(test::v3::unsignedReply(200, content + "`1"), *bill);
    WXPAY_VERIFY_ERROR(tampered, ErrorKind::Verification, QStringLiteral("BILL_HASH_MISMATCH"));
    QCOMPARE(tampered.error().requestId, QStringLiteral("REQ-1"));
    WXPAY_VERIFY_ERROR(c->parseBillFile(reply(400, R"({"code":"INVALID_REQUEST","message":"expired"})"), *bill),
        ErrorKind::Business, QStringLiteral("INVALID_REQUEST"));
}

void TestV3Codec::mapsErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("detail");

    QTest::newRow("404 ORDER_NOT_EXIST")
        << 404 << QStringLiteral(u"{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}").toUtf8()
        << int(ErrorKind::Business) << "ORDER_NOT_EXIST" << QStringLiteral(u"订单不存在") << "";
    QTest::newRow("400 PARAM_ERROR")
        << 400
        << QByteArray(R"({"code":"PARAM_ERROR","message":"invalid amount",)"
                      R"("detail":{"field":"/amount/total","value":0,"issue":"must be positive","location":"body"}})")
        << int(ErrorKind::Business) << "PARAM_ERROR"
        << "invalid amount"
        << R"({"field":"/amount/total","issue":"must be positive","location":"body","value":0})";
    QTest::newRow("401 SIGN_ERROR")
        << 401
        << QStringLiteral(
               u"{\"code\":\"SIGN_ERROR\",\"detail\":{\"detail\":{\"issue\":\"sign not match\"},\"field\":"
               u"\"signature\",\"location\":\"authorization\",\"sign_information\":{\"method\":\"GET\","
               u"\"sign_message_length\":85,\"truncated_sign_message\":\"GET\\n/v3/certificates?algorithm_type="
               u"RSA\\n1680144553\\nvDit3y4Fmv45dem0CSmKbBK4tUHRR8Dj\\n\\n\",\"url\":\"/v3/certificates?"
               u"algorithm_type=RSA\"}},\"message\":\"错误的签名，验签失败\"}")
               .toUtf8()
        << int(ErrorKind::Business) << "SIGN_ERROR" << QStringLiteral(u"错误的签名，验签失败")
        << R"({"detail":{"issue":"sign not match"},"field":"signature","location":"authorization",)"
           R"("sign_information":{"method":"GET","sign_message_length":85,"truncated_sign_message":)"
           R"("GET\n/v3/certificates?algorithm_type=RSA\n1680144553\nvDit3y4Fmv45dem0CSmKbBK4tUHRR8Dj\n\n",)"
           R"("url":"/v3/certificates?algorithm_type=RSA"}})";
    QTest::newRow("429 FREQUENCY_LIMITED") << 429 << QByteArray(R"({"code":"FREQUENCY_LIMITED","message":"slow down"})")
                                           << int(ErrorKind::Business) << "FREQUENCY_LIMITED"
                                           << "slow down"
                                           << "";
    QTest::newRow("500 SYSTEM_ERROR") << 500 << QByteArray(R"({"code":"SYSTEM_ERROR","message":"busy"})")
                                      << int(ErrorKind::Business) << "SYSTEM_ERROR"
                                      << "busy"
                                      << "";
    QTest::newRow("502 HTML") << 502 << QByteArray("<html><body>Bad Gateway</body></html>") << int(ErrorKind::Http)
                              << "HTTP_502"
                              << ""
                              << "";
    QTest::newRow("503 empty") << 503 << QByteArray() << int(ErrorKind::Http) << "HTTP_503"
                               << ""
                               << "";
    QTest::newRow("400 JSON without code")
        << 400 << QByteArray(R"({"error":"x"})") << int(ErrorKind::Http) << "HTTP_400"
        << ""
        << "";
    QTest::newRow("200 malformed JSON") << 200 << QByteArray(R"({"code_url":)") << int(ErrorKind::Protocol)
                                        << "JSON_MALFORMED"
                                        << ""
                                        << "";
    QTest::newRow("200 JSON array") << 200 << QByteArray("[]") << int(ErrorKind::Protocol) << "JSON_MALFORMED"
                                    << ""
                                    << "";
}

void TestV3Codec::mapsErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, detail);

    // Every signed reply goes through the same mapping, whatever the operation.
    const auto c = codec();
    const WireResponse response = reply(status, body);
    const auto order = c->parseQueryOrder(response);
    WXPAY_VERIFY_ERROR(order, ErrorKind(kind), code);
    QCOMPARE(order.error().requestId, QString::fromLatin1(kRequestId));
    if (ErrorKind(kind) == ErrorKind::Business) {
        QCOMPARE(order.error().httpStatus, status);
        QCOMPARE(order.error().message, message);
        QCOMPARE(order.error().detail, detail);
    }
    if (ErrorKind(kind) == ErrorKind::Http)
        QCOMPARE(order.error().httpStatus, status);
    WXPAY_VERIFY_ERROR(c->parseRefund(response), ErrorKind(kind), code);
    WXPAY_VERIFY_ERROR(c->parseCreateNative(response), ErrorKind(kind), code);
    WXPAY_VERIFY_ERROR(c->parseTradeBill(response), ErrorKind(kind), code);
    if (status >= 300) {
        WXPAY_VERIFY_ERROR(c->parseCloseOrder(response), ErrorKind(kind), code);
        WXPAY_VERIFY_ERROR(c->parseReverse(response), ErrorKind(kind), code);
    }
}

void TestV3Codec::neverMapsUnverifiedReplies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("code");
    const QByteArray paid = R"({"out_trade_no":"T1","trade_state":"SUCCESS","transaction_id":"42"})";
    QTest::newRow("unsigned 200") << 200 << paid << "unsigned"
                                  << "HEADERS_MISSING";
    QTest::newRow("stale 200") << 200 << paid << "stale"
                               << "TIMESTAMP_STALE";
    QTest::newRow("probe 200") << 200 << paid << "probe"
                               << "SIGNATURE_PROBE";
    QTest::newRow("other signer 200") << 200 << paid << "other key"
                                      << "SIGNATURE_INVALID";
    QTest::newRow("tampered 200") << 200 << paid << "tampered"
                                  << "SIGNATURE_INVALID";
    QTest::newRow("unknown serial 200") << 200 << paid << "serial"
                                        << "SERIAL_UNKNOWN";
    QTest::newRow("unsigned 404 ORDER_NOT_EXIST")
        << 404 << QByteArray(R"({"code":"ORDER_NOT_EXIST","message":"x"})") << "unsigned"
        << "HEADERS_MISSING";
    QTest::newRow("unsigned 202") << 202 << QByteArray() << "unsigned"
                                  << "HEADERS_MISSING";
}

void TestV3Codec::neverMapsUnverifiedReplies()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, change);
    QFETCH(QString, code);
    WireResponse response;
    if (change == u"unsigned") {
        response = test::v3::unsignedReply(status, body, kRequestId);
    } else if (change == u"stale") {
        response = test::v3::signedReply(status, body, m_platformKey, kPublicKeyId, kNow - 600, kRequestId);
    } else if (change == u"probe") {
        response = reply(status, body);
        for (auto& [name, value] : response.headers) {
            if (name == "Wechatpay-Signature")
                value.prepend("WECHATPAY/SIGNTEST/");
        }
    } else if (change == u"other key") {
        response = test::v3::signedReply(status, body, test::v3::katKey(), kPublicKeyId, kNow, kRequestId);
    } else if (change == u"tampered") {
        response = reply(status, body);
        response.body.replace("SUCCESS", "SUCCESs");
    } else if (change == u"serial") {
        response = test::v3::signedReply(status, body, m_platformKey, QStringLiteral("PUB_KEY_ID_1"), kNow, kRequestId);
    }
    const auto c = codec();
    const auto order = c->parseQueryOrder(response);
    WXPAY_VERIFY_ERROR(order, ErrorKind::Verification, code);
    QCOMPARE(order.error().requestId, QString::fromLatin1(kRequestId));
    if (status >= 300)
        QCOMPARE(order.error().httpStatus, status);
    WXPAY_VERIFY_ERROR(c->parseMicropay(response), ErrorKind::Verification, code);
}

QTEST_GUILESS_MAIN(TestV3Codec)
#include "tst_v3codec.moc"
