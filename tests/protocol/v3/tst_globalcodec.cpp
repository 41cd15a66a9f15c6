#include "protocol/v3/globalcodec.h"
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
const QByteArray kRequestId = "0A1B2C3D4E5F-HK";

using Variant = GlobalCodec::Variant;

Money money(qint64 minor, const char* currency = "HKD")
{
    return Money::fromMinor(minor, QString::fromLatin1(currency)).valueOr(Money());
}

MerchantIds directIds()
{
    return { QStringLiteral("1900000109"), QStringLiteral("wx8888888888888888"), {}, {} };
}

MerchantIds institutionIds()
{
    return { QStringLiteral("1900000100"), QStringLiteral("wx8888888888888888"), QStringLiteral("1900000109"), {} };
}

QByteArray expectedText(const QByteArray& path, const QByteArray& body, const QByteArray& mchid)
{
    const QByteArray signature = test::v3::base64Signature(
        test::v3::katKey(), "POST\n" + path + '\n' + QByteArray::number(kNow) + '\n' + kNonce + '\n' + body + '\n');
    return "POST " + path + '\n' + "Authorization: WECHATPAY2-SHA256-RSA2048 mchid=\"" + mchid + "\",nonce_str=\""
        + kNonce + "\",timestamp=\"1714564800\",serial_no=\"" + kMerchantSerial + "\",signature=\"" + signature
        + "\"\n"
          "Accept: application/json\n"
          "Content-Type: application/json\n"
          "User-Agent: wxpay-console/" WXPAY_VERSION "\n"
          "Wechatpay-Serial: PUB_KEY_ID_0000000000000024101100397200000006\n"
          "\n"
        + body;
}

// A Global Quick Pay / query reply: an order in HKD paid in CNY.
const QByteArray kPaidHkdInCny
    = R"({"amount":{"currency":"HKD","exchange_rate":{"rate":91500000,"type":"SETTLEMENT_RATE"},)"
      R"("payer_currency":"CNY","payer_total":915,"total":1000},"appid":"wx8888888888888888","bank_type":"CMC",)"
      R"("id":"4200000000002104083200000488","mchid":"1900000109","out_trade_no":"HK20240501-7",)"
      R"("payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},"success_time":"2024-05-01T19:59:30+08:00",)"
      R"("trade_state":"SUCCESS","trade_state_desc":"ok","trade_type":"MICROPAY"})";

} // namespace

class TestGlobalCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void familyFollowsVariant();
    void globalNativeByteForByte();
    void hkMicropayByteForByte();
    void requests_data();
    void requests();
    void refusesIncompleteRequests();
    void parsesNative();
    void keepsCrossBorderAmounts_data();
    void keepsCrossBorderAmounts();
    void parsesMicropayOutcomes_data();
    void parsesMicropayOutcomes();
    void parsesNoContent_data();
    void parsesNoContent();
    void parsesRefund();
    void parsesRefundList();
    void mapsErrors();
    void tradeBillIsUnsupported();

private:
    std::unique_ptr<GlobalCodec> codec(Variant variant, const MerchantIds& ids = directIds());
    WireResponse reply(int status, const QByteArray& body) const;

    crypto::PrivateKey m_platformKey;
    ManualClock m_clock { QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC) };
    FixedNonceSource m_nonces { { kNonce } };
};

void TestGlobalCodec::initTestCase()
{
    m_platformKey = test::v3::generatedKey();
    QVERIFY(!m_platformKey.isNull());
}

std::unique_ptr<GlobalCodec> TestGlobalCodec::codec(Variant variant, const MerchantIds& ids)
{
    ResponseVerifier verifier;
    if (const Status set = verifier.setPublicKey(kPublicKeyId, m_platformKey.publicKey()); !set)
        qWarning("%s", qPrintable(set.error().toString()));
    CodecOptions options;
    options.notifyUrl = QStringLiteral("https://merchant.example.hk/wxpay/notify");
    options.defaultCurrency = QStringLiteral("HKD");
    options.merchantCategoryCode = QStringLiteral("5812");
    return std::make_unique<GlobalCodec>(variant, ids,
        MerchantSigner(ids.mchid, QString::fromLatin1(kMerchantSerial), test::v3::katKey()), std::move(verifier),
        m_clock, m_nonces, options);
}

WireResponse TestGlobalCodec::reply(int status, const QByteArray& body) const
{
    return test::v3::signedReply(status, body, m_platformKey, kPublicKeyId, kNow, kRequestId);
}

void TestGlobalCodec::familyFollowsVariant()
{
    QCOMPARE(codec(Variant::Global)->family(), ApiFamily::Global);
    QCOMPARE(codec(Variant::HkV3)->family(), ApiFamily::HkV3);
}

void TestGlobalCodec::globalNativeByteForByte()
{
    NativeOrderRequest order;
    order.outTradeNo = QStringLiteral("HK20240501-1");
    order.description = QStringLiteral(u"奶茶 x2");
    order.amount = money(3800);
    order.clientIp = QStringLiteral("203.0.113.7");
    const auto request = codec(Variant::Global)->createNative(order);
    WXPAY_VERIFY_OK(request);
    const QByteArray body
        = QStringLiteral(u"{\"amount\":{\"currency\":\"HKD\",\"total\":3800},\"appid\":\"wx8888888888888888\","
                         u"\"description\":\"奶茶 x2\",\"mchid\":\"1900000109\",\"merchant_category_code\":"
                         u"\"5812\",\"notify_url\":\"https://merchant.example.hk/wxpay/notify\","
                         u"\"out_trade_no\":\"HK20240501-1\",\"scene_info\":{\"payer_client_ip\":"
                         u"\"203.0.113.7\"},\"trade_type\":\"NATIVE\"}")
              .toUtf8();
    QCOMPARE(request->toText(), expectedText("/v3/global/transactions/native", body, "1900000109"));
}

void TestGlobalCodec::hkMicropayByteForByte()
{
    MicropayRequest pay;
    pay.outTradeNo = QStringLiteral("HK20240501-7");
    pay.description = QStringLiteral("Dim sum");
    pay.amount = money(1000);
    pay.authCode = QStringLiteral("134567890123456789");
    pay.clientIp = QStringLiteral("192.168.1.20");
    pay.deviceId = QStringLiteral("POS-01");
    pay.operatorId = QStringLiteral("cashier-7");
    pay.merchantCategoryCode = QStringLiteral("5814");
    const auto request = codec(Variant::HkV3, institutionIds())->micropay(pay);
    WXPAY_VERIFY_OK(request);
    const QByteArray body
        = R"({"amount":{"currency":"HKD","total":1000},"description":"Dim sum","merchant_category_code":"5814",)"
          R"("out_trade_no":"HK20240501-7","payer":{"auth_code":"134567890123456789"},"scene_info":{"device_id":"POS-01",)"
          R"("device_ip":"192.168.1.20","operator_id":"cashier-7"},"sp_appid":"wx8888888888888888",)"
          R"("sp_mchid":"1900000100","sub_mchid":"1900000109","trade_type":"MICROPAY"})";
    QCOMPARE(request->toText(), expectedText("/hk/v3/transactions/micropay", body, "1900000100"));
}

void TestGlobalCodec::requests_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<bool>("institution");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");

    const int g = int(Variant::Global);
    const int hk = int(Variant::HkV3);
    QTest::newRow("global micropay") << g << false << "micropay" << QByteArray("POST")
                                     << "/v3/global/micropay/transactions/pay"
                                     << QByteArray(R"({"amount":{"currency":"HKD","total":1000},)"
                                                   R"("appid":"wx8888888888888888","description":"Dim sum",)"
                                                   R"("mchid":"1900000109","merchant_category_code":"5812",)"
                                                   R"("out_trade_no":"HK1","payer":{"auth_code":"134567890123456789"},)"
                                                   R"("trade_type":"MICROPAY"})");
    QTest::newRow("hk native") << hk << false << "native" << QByteArray("POST") << "/hk/v3/transactions/native"
                               << QByteArray(R"({"amount":{"currency":"HKD","total":1000},)"
                                             R"("appid":"wx8888888888888888","description":"Dim sum",)"
                                             R"("mchid":"1900000109","merchant_category_code":"5812",)"
                                             R"("notify_url":"https://merchant.example.hk/wxpay/notify",)"
                                             R"("out_trade_no":"HK1","trade_type":"NATIVE"})");
    QTest::newRow("global query by id") << g << false << "query id" << QByteArray("GET")
                                        << "/v3/global/transactions/id/4200000000002104083200000488?mchid=1900000109"
                                        << QByteArray();
    QTest::newRow("global query by out_trade_no, institution")
        << g << true << "query no" << QByteArray("GET")
        << "/v3/global/transactions/out-trade-no/HK1?sp_mchid=1900000100&sub_mchid=1900000109" << QByteArray();
    QTest::newRow("hk query by id") << hk << false << "query id" << QByteArray("GET")
                                    << "/hk/v3/transactions/id/4200000000002104083200000488?mchid=1900000109"
                                    << QByteArray();
    QTest::newRow("global close by out_trade_no")
        << g << false << "close no" << QByteArray("POST") << "/v3/global/transactions/out-trade-no/HK1/close"
        << QByteArray(R"({"mchid":"1900000109"})");
    QTest::newRow("hk close by id, institution")
        << hk << true << "close id" << QByteArray("POST") << "/hk/v3/transactions/id/4200000000002104083200000488/close"
        << QByteArray(R"({"sp_mchid":"1900000100","sub_mchid":"1900000109"})");
    QTest::newRow("global reverse by id") << g << false << "reverse id" << QByteArray("POST")
                                          << "/v3/global/micropay/transactions/id/4200000000002104083200000488/reverse"
                                          << QByteArray(R"({"mchid":"1900000109"})");
    QTest::newRow("hk reverse by out_trade_no")
        << hk << false << "reverse no" << QByteArray("POST") << "/hk/v3/transactions/out-trade-no/HK1/reverse"
        << QByteArray(R"({"mchid":"1900000109"})");
    QTest::newRow("global refund") << g << false << "refund" << QByteArray("POST") << "/v3/global/refunds"
                                   << QByteArray(R"({"amount":{"currency":"HKD","refund":500,"total":1000},)"
                                                 R"("appid":"wx8888888888888888","mchid":"1900000109",)"
                                                 R"("out_refund_no":"RHK1","out_trade_no":"HK1","reason":"cold"})");
    QTest::newRow("hk refund, institution")
        << hk << true << "refund" << QByteArray("POST") << "/hk/v3/refunds"
        << QByteArray(R"({"amount":{"currency":"HKD","refund":500,"total":1000},"out_refund_no":"RHK1",)"
                      R"("out_trade_no":"HK1","reason":"cold","sp_appid":"wx8888888888888888",)"
                      R"("sp_mchid":"1900000100","sub_mchid":"1900000109"})");
    QTest::newRow("global refund by out_refund_no")
        << g << false << "refund no" << QByteArray("GET") << "/v3/global/refunds/out-refund-no/RHK1?mchid=1900000109"
        << QByteArray();
    QTest::newRow("hk refund by id") << hk << false << "refund id" << QByteArray("GET")
                                     << "/hk/v3/refunds/id/50300603302021032411247500000?mchid=1900000109"
                                     << QByteArray();
    QTest::newRow("global refunds of an order, institution")
        << g << true << "refund list" << QByteArray("GET")
        << "/v3/global/refunds?out_trade_no=HK1&sp_mchid=1900000100&sub_mchid=1900000109&offset=0&count=10"
        << QByteArray();
}

void TestGlobalCodec::requests()
{
    QFETCH(int, variant);
    QFETCH(bool, institution);
    QFETCH(QString, operation);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);

    const MerchantIds ids = institution ? institutionIds() : directIds();
    const auto c = codec(Variant(variant), ids);
    const OrderRef byId = OrderRef::byTransactionId(QStringLiteral("4200000000002104083200000488"));
    const OrderRef byNo = OrderRef::byOutTradeNo(QStringLiteral("HK1"));
    Result<WireRequest> request = Error::input(QStringLiteral("TEST"), QStringLiteral("unknown operation"));
    if (operation == u"micropay") {
        MicropayRequest pay;
        pay.outTradeNo = QStringLiteral("HK1");
        pay.description = QStringLiteral("Dim sum");
        pay.amount = money(1000);
        pay.authCode = QStringLiteral("134567890123456789");
        request = c->micropay(pay);
    } else if (operation == u"native") {
        NativeOrderRequest order;
        order.outTradeNo = QStringLiteral("HK1");
        order.description = QStringLiteral("Dim sum");
        order.amount = money(1000);
        request = c->createNative(order);
    } else if (operation == u"query id") {
        request = c->queryOrder(byId);
    } else if (operation == u"query no") {
        request = c->queryOrder(byNo);
    } else if (operation == u"close no") {
        request = c->closeOrder(byNo);
    } else if (operation == u"close id") {
        request = c->closeOrder(byId);
    } else if (operation == u"reverse id") {
        request = c->reverse(byId);
    } else if (operation == u"reverse no") {
        request = c->reverse(byNo);
    } else if (operation == u"refund") {
        request = c->refund(
            RefundRequest { byNo, QStringLiteral("RHK1"), money(500), money(1000), QStringLiteral("cold"), {} });
    } else if (operation == u"refund no") {
        request = c->queryRefund(RefundRef { {}, QStringLiteral("RHK1"), {} });
    } else if (operation == u"refund id") {
        request = c->queryRefund(RefundRef { QStringLiteral("50300603302021032411247500000"), {}, {} });
    } else if (operation == u"refund list") {
        request = c->queryRefund(RefundRef { {}, {}, byNo });
    }
    WXPAY_VERIFY_OK(request);
    QCOMPARE(request->method, method);
    QCOMPARE(request->pathAndQuery, path);
    QCOMPARE(request->body, body);
    QCOMPARE(request->endpoint, Endpoint::Pay);
    const auto parts = parseAuthorization(request->header("Authorization"));
    WXPAY_VERIFY_OK(parts);
    QCOMPARE(parts->mchid, ids.mchid);
    WXPAY_VERIFY_OK(crypto::rsaSha256Verify(test::v3::katKey().publicKey(),
        signatureMessage(method, path.toUtf8(), kNow, kNonce, body), QByteArray::fromBase64(parts->signature)));
}

void TestGlobalCodec::refusesIncompleteRequests()
{
    const auto c = codec(Variant::Global);
    NativeOrderRequest order;
    order.outTradeNo = QStringLiteral("HK1");
    order.description = QStringLiteral("Tea");
    order.amount = money(100);
    WXPAY_VERIFY_OK(c->createNative(order));

    CodecOptions noMcc;
    noMcc.notifyUrl = QStringLiteral("https://merchant.example.hk/n");
    GlobalCodec withoutMcc(Variant::Global, directIds(),
        MerchantSigner(directIds().mchid, QString::fromLatin1(kMerchantSerial), test::v3::katKey()), ResponseVerifier(),
        m_clock, m_nonces, noMcc);
    WXPAY_VERIFY_ERROR(withoutMcc.createNative(order), ErrorKind::Input, QStringLiteral("INPUT_MISSING"));
    order.merchantCategoryCode = QStringLiteral("5812");
    WXPAY_VERIFY_OK(withoutMcc.createNative(order));

    WXPAY_VERIFY_ERROR(c->queryOrder(OrderRef {}), ErrorKind::Input, QStringLiteral("INPUT_MISSING"));
    WXPAY_VERIFY_ERROR(c->closeOrder(OrderRef {}), ErrorKind::Input, QStringLiteral("INPUT_MISSING"));
    WXPAY_VERIFY_ERROR(c->reverse(OrderRef {}), ErrorKind::Input, QStringLiteral("INPUT_MISSING"));
    WXPAY_VERIFY_ERROR(c->queryRefund(RefundRef {}), ErrorKind::Input, QStringLiteral("INPUT_MISSING"));
    WXPAY_VERIFY_ERROR(c->refund(RefundRequest { OrderRef::byOutTradeNo(QStringLiteral("HK1")), QStringLiteral("R"),
                           money(1), money(2, "CNY"), {}, {} }),
        ErrorKind::Input, QStringLiteral("CURRENCY_MISMATCH"));
}

void TestGlobalCodec::parsesNative()
{
    const auto order
        = codec(Variant::Global)->parseCreateNative(reply(200, R"({"code_url":"weixin://wxpay/s/An4baqw"})"));
    WXPAY_VERIFY_OK(order);
    QCOMPARE(order->codeUrl, QStringLiteral("weixin://wxpay/s/An4baqw"));
}

void TestGlobalCodec::keepsCrossBorderAmounts_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<bool>("micropay");
    QTest::newRow("global query") << int(Variant::Global) << false;
    QTest::newRow("global micropay") << int(Variant::Global) << true;
    QTest::newRow("hk query") << int(Variant::HkV3) << false;
    QTest::newRow("hk micropay") << int(Variant::HkV3) << true;
}

void TestGlobalCodec::keepsCrossBorderAmounts()
{
    QFETCH(int, variant);
    QFETCH(bool, micropay);
    const auto c = codec(Variant(variant));
    const WireResponse response = reply(200, kPaidHkdInCny);
    const auto t = micropay ? c->parseMicropay(response) : c->parseQueryOrder(response);
    WXPAY_VERIFY_OK(t);
    QCOMPARE(t->transactionId, QStringLiteral("4200000000002104083200000488"));
    QCOMPARE(t->outTradeNo, QStringLiteral("HK20240501-7"));
    QCOMPARE(t->state, TradeState::Success);
    QCOMPARE(t->tradeType, QStringLiteral("MICROPAY"));
    QCOMPARE(t->total, money(1000, "HKD"));
    QCOMPARE(t->payerTotal, std::optional<Money>(money(915, "CNY")));
    QVERIFY(t->exchangeRate.has_value());
    QCOMPARE(t->exchangeRate->type, QStringLiteral("SETTLEMENT_RATE"));
    QCOMPARE(t->exchangeRate->rate, qint64(91500000));
    QCOMPARE(t->openid, QStringLiteral("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
    QCOMPARE(t->successTime, QDateTime(QDate(2024, 5, 1), QTime(11, 59, 30), Qt::UTC));
}

void TestGlobalCodec::parsesMicropayOutcomes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("202") << 202 << QByteArray() << int(ErrorKind::Business) << "USERPAYING";
    QTest::newRow("200 USERPAYING") << 200
                                    << QByteArray(R"({"id":"42","mchid":"1900000109","out_trade_no":"HK1",)"
                                                  R"("trade_state":"USERPAYING"})")
                                    << int(ErrorKind::Business) << "USERPAYING";
    QTest::newRow("500 SYSTEM_ERROR") << 500 << QByteArray(R"({"code":"SYSTEM_ERROR","message":"retry"})")
                                      << int(ErrorKind::Business) << "SYSTEM_ERROR";
    QTest::newRow("400 PARAM_ERROR") << 400 << QByteArray(R"({"code":"PARAM_ERROR","message":"mcc"})")
                                     << int(ErrorKind::Business) << "PARAM_ERROR";
    QTest::newRow("200 malformed") << 200 << QByteArray("not json") << int(ErrorKind::Protocol) << "JSON_MALFORMED";
}

void TestGlobalCodec::parsesMicropayOutcomes()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, code);
    for (const Variant variant : { Variant::Global, Variant::HkV3 }) {
        const auto t = codec(variant)->parseMicropay(reply(status, body));
        WXPAY_VERIFY_ERROR(t, ErrorKind(kind), code);
        QCOMPARE(t.error().requestId, QString::fromLatin1(kRequestId));
    }
}

void TestGlobalCodec::parsesNoContent_data()
{
    QTest::addColumn<int>("variant");
    QTest::newRow("global") << int(Variant::Global);
    QTest::newRow("hk") << int(Variant::HkV3);
}

void TestGlobalCodec::parsesNoContent()
{
    QFETCH(int, variant);
    const auto c = codec(Variant(variant));
    WXPAY_VERIFY_OK(c->parseCloseOrder(reply(204, {})));
    const auto reversed = c->parseReverse(reply(204, {}));
    WXPAY_VERIFY_OK(reversed);
    QVERIFY(!reversed->recall);
    WXPAY_VERIFY_ERROR(c->parseCloseOrder(test::v3::unsignedReply(204, {})), ErrorKind::Verification,
        QStringLiteral("HEADERS_MISSING"));
    WXPAY_VERIFY_ERROR(
        c->parseReverse(test::v3::unsignedReply(204, {})), ErrorKind::Verification, QStringLiteral("HEADERS_MISSING"));
    WXPAY_VERIFY_ERROR(c->parseReverse(reply(400, R"({"code":"ORDER_PAID","message":"paid"})")), ErrorKind::Business,
        QStringLiteral("ORDER_PAID"));
}

void TestGlobalCodec::parsesRefund()
{
    // The refund-creation reply has neither status nor total.
    const QByteArray created
        = R"({"amount":{"currency":"HKD","exchange_rate":{"rate":91500000,"type":"USERPAYMENT_RATE"},)"
          R"("payer_currency":"CNY","payer_refund":458,"refund":500},"create_time":"2024-05-01T20:05:00+08:00",)"
          R"("id":"50300603302021032411247500000","out_refund_no":"RHK1"})";
    const auto c = codec(Variant::Global);
    const auto refund = c->parseRefund(reply(200, created));
    WXPAY_VERIFY_OK(refund);
    QCOMPARE(refund->refundId, QStringLiteral("50300603302021032411247500000"));
    QCOMPARE(refund->refund, money(500));
    QVERIFY(!refund->total.isValid());
    QCOMPARE(refund->payerRefund, std::optional<Money>(money(458, "CNY")));
    QCOMPARE(refund->exchangeRate->type, QStringLiteral("USERPAYMENT_RATE"));
    QCOMPARE(refund->status, RefundStatus::Unknown);
    QCOMPARE(refund->createTime, QDateTime(QDate(2024, 5, 1), QTime(12, 5), Qt::UTC));

    const QByteArray queried = QStringLiteral(
        u"{\"amount\":{\"currency\":\"HKD\",\"exchange_rate\":{\"rate\":91500000,\"type\":\"USERPAYMENT_RATE\"},"
        u"\"payer_currency\":\"CNY\",\"payer_refund\":458,\"refund\":500},\"channel\":\"ORIGINAL\","
        u"\"create_time\":\"2024-05-01T20:05:00+08:00\",\"id\":\"50300603302021032411247500000\","
        u"\"out_refund_no\":\"RHK1\",\"out_trade_no\":\"HK1\",\"recv_account\":\"招商银行信用卡\",\"status\":"
        u"\"REFUNDCLOSE\","
        u"\"transaction_id\":\"4200000000002104083200000488\"}")
                                   .toUtf8();
    const auto single = c->parseQueryRefund(reply(200, queried));
    WXPAY_VERIFY_OK(single);
    QCOMPARE(single->size(), 1);
    QCOMPARE(single->at(0).status, RefundStatus::Closed);
    QCOMPARE(single->at(0).receivedAccount, QStringLiteral(u"招商银行信用卡"));
    QCOMPARE(single->at(0).transactionId, QStringLiteral("4200000000002104083200000488"));
    QCOMPARE(single->at(0).outTradeNo, QStringLiteral("HK1"));
}

void TestGlobalCodec::parsesRefundList()
{
    const QByteArray list
        = R"({"amount":{"currency":"HKD","payer_currency":"CNY","payer_total":915,"total":1000},)"
          R"("current_total_num":2,"data":[)"
          R"({"amount":{"currency":"HKD","payer_currency":"CNY","payer_refund":92,"refund":100,)"
          R"("exchange_rate":{"rate":91500000,"type":"SETTLEMENT_RATE"}},"create_time":"2024-05-01T20:05:00+08:00",)"
          R"("id":"R-WX-1","out_refund_no":"RHK1","status":"SUCCESS","success_time":"2024-05-01T20:06:00+08:00"},)"
          R"({"amount":{"currency":"HKD","payer_currency":"CNY","payer_refund":183,"refund":200},)"
          R"("create_time":"2024-05-01T21:00:00+08:00","id":"R-WX-2","out_refund_no":"RHK2","status":"PROCESSING"}],)"
          R"("id":"4200000000002104083200000488","mchid":"1900000109","out_trade_no":"HK1","total_num":2})";
    const auto refunds = codec(Variant::HkV3)->parseQueryRefund(reply(200, list));
    WXPAY_VERIFY_OK(refunds);
    QCOMPARE(refunds->size(), 2);
    QCOMPARE(refunds->at(0).refundId, QStringLiteral("R-WX-1"));
    QCOMPARE(refunds->at(0).status, RefundStatus::Success);
    QCOMPARE(refunds->at(0).transactionId, QStringLiteral("4200000000002104083200000488"));
    QCOMPARE(refunds->at(0).outTradeNo, QStringLiteral("HK1"));
    QCOMPARE(refunds->at(0).successTime, QDateTime(QDate(2024, 5, 1), QTime(12, 6), Qt::UTC));
    QCOMPARE(refunds->at(1).refund, money(200));
    QCOMPARE(refunds->at(1).payerRefund, std::optional<Money>(money(183, "CNY")));
    QCOMPARE(refunds->at(1).status, RefundStatus::Processing);
    QVERIFY(!refunds->at(1).exchangeRate.has_value());

    WXPAY_VERIFY_ERROR(codec(Variant::HkV3)->parseQueryRefund(reply(200, R"({"data":{}})")), ErrorKind::Protocol,
        QStringLiteral("FIELD_INVALID"));
    WXPAY_VERIFY_ERROR(codec(Variant::HkV3)->parseQueryRefund(reply(200, R"({"data":[{"id":"R"}]})")),
        ErrorKind::Protocol, QStringLiteral("FIELD_MISSING"));
}

void TestGlobalCodec::mapsErrors()
{
    const auto c = codec(Variant::Global);
    const auto missing = c->parseQueryOrder(
        reply(404, QStringLiteral(u"{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}").toUtf8()));
    WXPAY_VERIFY_ERROR(missing, ErrorKind::Business, QStringLiteral("ORDER_NOT_EXIST"));
    QCOMPARE(missing.error().httpStatus, 404);
    QCOMPARE(missing.error().requestId, QString::fromLatin1(kRequestId));
    WXPAY_VERIFY_ERROR(
        c->parseQueryOrder(test::v3::unsignedReply(502, "<html/>")), ErrorKind::Http, QStringLiteral("HTTP_502"));
    WXPAY_VERIFY_ERROR(c->parseQueryOrder(test::v3::unsignedReply(200, kPaidHkdInCny)), ErrorKind::Verification,
        QStringLiteral("HEADERS_MISSING"));
    WXPAY_VERIFY_ERROR(c->parseRefund(reply(200, "{]")), ErrorKind::Protocol, QStringLiteral("JSON_MALFORMED"));
}

void TestGlobalCodec::tradeBillIsUnsupported()
{
    const auto c = codec(Variant::Global);
    WXPAY_VERIFY_ERROR(
        c->tradeBill(BillRequest { QDate(2024, 4, 30) }), ErrorKind::Input, QStringLiteral("UNSUPPORTED"));
    WXPAY_VERIFY_ERROR(c->parseTradeBill(reply(200, "{}")), ErrorKind::Input, QStringLiteral("UNSUPPORTED"));
}

QTEST_GUILESS_MAIN(TestGlobalCodec)
#include "tst_globalcodec.moc"
