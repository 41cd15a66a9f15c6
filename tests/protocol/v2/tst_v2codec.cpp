#include "common/clock.h"
#include "common/nonce.h"
#include "crypto/crypto.h"
#include "protocol/v2/sign.h"
#include "protocol/v2/v2codec.h"
#include "protocol/v2/xml.h"
#include "support/testsupport.h"

#include <QTest>

#include <functional>
#include <optional>

using namespace wxpay;
using namespace wxpay::protocol;
using namespace wxpay::protocol::v2;

namespace {

const QByteArray kKey = "192006250b4c09247ec02edce69f6a2d";
const QByteArray kNonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
const char* const kAppid = "wxd930ea5d5a258f4f";
const char* const kMchid = "10000100";

Fields fieldsOf(std::initializer_list<std::pair<const char*, const char*>> pairs)
{
    Fields fields;
    for (const auto& [name, value] : pairs)
        fields.insert(QString::fromUtf8(name), QString::fromUtf8(value));
    return fields;
}

Fields with(Fields fields, std::initializer_list<std::pair<const char*, const char*>> more)
{
    for (const auto& [name, value] : more)
        fields.insert(QString::fromUtf8(name), QString::fromUtf8(value));
    return fields;
}

QStringList namesOf(std::initializer_list<const char*> names)
{
    QStringList list;
    for (const char* name : names)
        list.append(QString::fromLatin1(name));
    return list;
}

Money cny(qint64 fen)
{
    return Money::fromMinor(fen, QStringLiteral("CNY")).value();
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

MerchantIds merchant()
{
    MerchantIds ids;
    ids.appid = QString::fromLatin1(kAppid);
    ids.mchid = QString::fromLatin1(kMchid);
    return ids;
}

V2CodecOptions options()
{
    V2CodecOptions o;
    o.defaultClientIp = QStringLiteral("203.0.113.7");
    o.defaultNotifyUrl = QStringLiteral("https://pay.example.com/notify/v2");
    return o;
}

// What every signed SUCCESS reply carries.
Fields replyBase()
{
    return fieldsOf({ { "return_code", "SUCCESS" }, { "return_msg", "OK" }, { "appid", kAppid }, { "mch_id", kMchid },
        { "nonce_str", "IITRi8Iabbblz1Jc" }, { "result_code", "SUCCESS" } });
}

Fields businessFail(const char* code, const char* description)
{
    return with(replyBase(), { { "result_code", "FAIL" }, { "err_code", code }, { "err_code_des", description } });
}

QByteArray signedXml(Fields fields, SignType type = SignType::Md5, QByteArrayView key = kKey)
{
    fields.insert(QStringLiteral("sign"), sign(fields, key, type));
    return toXml(fields);
}

WireResponse reply(QByteArray body, int status = 200)
{
    WireResponse response;
    response.status = status;
    response.headers = { { "Content-Type", "text/xml" } };
    response.body = std::move(body);
    return response;
}

WireResponse signedReply(const Fields& fields, SignType type = SignType::Md5)
{
    return reply(signedXml(fields, type));
}

// A realistic successful reply for each signed operation.
Fields successFields(const QString& op)
{
    const Fields paid = with(replyBase(),
        { { "openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" }, { "is_subscribe", "N" }, { "bank_type", "CMB_CREDIT" },
            { "fee_type", "CNY" }, { "time_end", "20240501100501" }, { "attach", "table=7" } });
    if (op == u"unifiedorder")
        return with(replyBase(),
            { { "trade_type", "NATIVE" }, { "prepay_id", "wx201410272009395522657a690389285100" },
                { "code_url", "weixin://wxpay/bizpayurl?pr=NwY5Mz9" } });
    if (op == u"micropay")
        return with(paid,
            { { "trade_type", "MICROPAY" }, { "total_fee", "2500" }, { "cash_fee", "2400" }, { "coupon_fee", "100" },
                { "coupon_fee_0", "100" }, { "coupon_count", "1" }, { "transaction_id", "4200002024050100000002" },
                { "out_trade_no", "20240501100500002" } });
    if (op == u"orderquery")
        return with(paid,
            { { "trade_type", "NATIVE" }, { "trade_state", "SUCCESS" }, { "trade_state_desc", "支付成功" },
                { "total_fee", "1234" }, { "cash_fee", "1234" }, { "transaction_id", "4200002024050100000001" },
                { "out_trade_no", "20240501100000001" } });
    if (op == u"closeorder")
        return with(replyBase(), { { "result_msg", "OK" } });
    if (op == u"reverse")
        return with(replyBase(), { { "recall", "N" } });
    if (op == u"refund")
        return with(replyBase(),
            { { "transaction_id", "4200002024050100000001" }, { "out_trade_no", "20240501100000001" },
                { "out_refund_no", "R20240501120000001" }, { "refund_id", "50300002024050100000001" },
                { "refund_fee", "500" }, { "total_fee", "1234" }, { "cash_fee", "1234" }, { "cash_refund_fee", "500" },
                { "refund_channel", "" } });
    if (op == u"refundquery")
        return with(replyBase(),
            { { "transaction_id", "4200002024050100000001" }, { "out_trade_no", "20240501100000001" },
                { "total_fee", "1234" }, { "cash_fee", "1234" }, { "refund_count", "2" },
                { "out_refund_no_0", "R20240501120000001" }, { "refund_id_0", "50300002024050100000001" },
                { "refund_channel_0", "ORIGINAL" }, { "refund_fee_0", "500" }, { "refund_status_0", "SUCCESS" },
                { "refund_account_0", "REFUND_SOURCE_UNSETTLED_FUNDS" },
                { "refund_recv_accout_0", "招商银行信用卡8915" }, { "refund_success_time_0", "2024-05-01 20:00:05" },
                { "out_refund_no_1", "R20240501130000002" }, { "refund_id_1", "50300002024050100000002" },
                { "refund_fee_1", "200" }, { "refund_status_1", "PROCESSING" },
                { "refund_recv_accout_1", "支付用户的零钱" } });
    return {};
}

// Parses `response` as the reply of `op`; nullopt when it maps.
std::optional<Error> parseAs(const V2Codec& codec, const QString& op, const WireResponse& response)
{
    const auto errorOf = [](const auto& result) -> std::optional<Error> {
        return result.ok() ? std::nullopt : std::optional<Error>(result.error());
    };
    if (op == u"unifiedorder")
        return errorOf(codec.parseCreateNative(response));
    if (op == u"micropay")
        return errorOf(codec.parseMicropay(response));
    if (op == u"orderquery")
        return errorOf(codec.parseQueryOrder(response));
    if (op == u"closeorder")
        return errorOf(codec.parseCloseOrder(response));
    if (op == u"reverse")
        return errorOf(codec.parseReverse(response));
    if (op == u"refund")
        return errorOf(codec.parseRefund(response));
    if (op == u"refundquery")
        return errorOf(codec.parseQueryRefund(response));
    return Error::input(QStringLiteral("TEST"), QStringLiteral("unknown operation in the test"));
}

const QStringList kSignedOps { QStringLiteral("unifiedorder"), QStringLiteral("micropay"), QStringLiteral("orderquery"),
    QStringLiteral("closeorder"), QStringLiteral("reverse"), QStringLiteral("refund"), QStringLiteral("refundquery") };

} // namespace

using RequestBuilder = std::function<Result<WireRequest>(V2Codec&)>;
Q_DECLARE_METATYPE(RequestBuilder)
Q_DECLARE_METATYPE(wxpay::protocol::v2::SignType)
Q_DECLARE_METATYPE(wxpay::protocol::WireResponse)
Q_DECLARE_METATYPE(wxpay::Money)

class TestV2Codec : public QObject
{
    Q_OBJECT

public:
    TestV2Codec() : m_clock(utc(2024, 5, 1, 2, 0, 0)), m_nonces({ kNonce }) { }

private Q_SLOTS:
    void unifiedOrderByteForByte();
    void micropayHmacByteForByte();
    void serviceProviderRequest();
    void requestShapes_data();
    void requestShapes();
    void rejectsBadInput_data();
    void rejectsBadInput();

    void repliesAreCheckedBeforeMapping_data();
    void repliesAreCheckedBeforeMapping();
    void businessFailures_data();
    void businessFailures();

    void mapsNativeOrder();
    void mapsMicropay();
    void mapsLiteralReplyWithBareIntegers();
    void mapsQueryOrder_data();
    void mapsQueryOrder();
    void closeOrder();
    void reverseRecall_data();
    void reverseRecall();
    void mapsRefund();
    void mapsRefundQuery();
    void rejectsBadFields_data();
    void rejectsBadFields();
    void hmacRepliesFollowTheRequest();
    void serviceProviderReplies();
    void downloadsBill();
    void billFailures_data();
    void billFailures();

private:
    V2Codec codec(SignType type = SignType::Md5, MerchantIds ids = merchant(), V2CodecOptions o = options())
    {
        return V2Codec(std::move(ids), kKey, type, m_clock, m_nonces, std::move(o));
    }

    ManualClock m_clock;
    FixedNonceSource m_nonces;
};

void TestV2Codec::unifiedOrderByteForByte()
{
    NativeOrderRequest order;
    order.outTradeNo = QStringLiteral("20240501100000001");
    order.description = QString::fromUtf8("Coffee 咖啡");
    order.amount = cny(1234);
    order.attach = QStringLiteral("table=7");
    order.timeExpire = utc(2024, 5, 1, 2, 30, 0);
    auto c = codec();
    const auto request = c.createNative(order);
    WXPAY_VERIFY_OK(request);

    const QByteArray stringA
        = "appid=wxd930ea5d5a258f4f&attach=table=7&body=Coffee 咖啡&mch_id=10000100"
          "&nonce_str=5K8264ILTKCH16CQ2502SI8ZNMTM67VS&notify_url=https://pay.example.com/notify/v2"
          "&out_trade_no=20240501100000001&product_id=20240501100000001"
          "&spbill_create_ip=203.0.113.7&time_expire=20240501103000&total_fee=1234"
          "&trade_type=NATIVE";
    const QByteArray expectedSign = crypto::md5(QByteArray(stringA + "&key=" + kKey)).toHex().toUpper();
    const QByteArray expected = "POST /pay/unifiedorder\n"
                                "Content-Type: text/xml; charset=utf-8\n"
                                "\n"
                                "<xml><appid><![CDATA[wxd930ea5d5a258f4f]]></appid>"
                                "<attach><![CDATA[table=7]]></attach>"
                                "<body><![CDATA[Coffee 咖啡]]></body>"
                                "<mch_id><![CDATA[10000100]]></mch_id>"
                                "<nonce_str><![CDATA[5K8264ILTKCH16CQ2502SI8ZNMTM67VS]]></nonce_str>"
                                "<notify_url><![CDATA[https://pay.example.com/notify/v2]]></notify_url>"
                                "<out_trade_no><![CDATA[20240501100000001]]></out_trade_no>"
                                "<product_id><![CDATA[20240501100000001]]></product_id>"
                                "<sign><![CDATA["
        + expectedSign
        + "]]></sign>"
          "<spbill_create_ip><![CDATA[203.0.113.7]]></spbill_create_ip>"
          "<time_expire><![CDATA[20240501103000]]></time_expire>"
          "<total_fee><![CDATA[1234]]></total_fee>"
          "<trade_type><![CDATA[NATIVE]]></trade_type></xml>";
    QCOMPARE(request->toText(), expected);
    QCOMPARE(signingString(parseXml(request->body).value()), stringA);
    QVERIFY(!request->needsClientCertificate);
    QCOMPARE(request->endpoint, Endpoint::Pay);
    QCOMPARE(c.family(), ApiFamily::V2);
}

void TestV2Codec::micropayHmacByteForByte()
{
    MicropayRequest pay;
    pay.outTradeNo = QStringLiteral("20240501100500002");
    pay.description = QStringLiteral("Tea");
    pay.amount = cny(2500);
    pay.authCode = QStringLiteral("134567890123456789");
    pay.clientIp = QStringLiteral("192.0.2.10");
    pay.deviceId = QStringLiteral("POS-02");
    auto c = codec(SignType::HmacSha256);
    const auto request = c.micropay(pay);
    WXPAY_VERIFY_OK(request);

    const QByteArray stringA = "appid=wxd930ea5d5a258f4f&auth_code=134567890123456789&body=Tea&device_info=POS-02"
                               "&mch_id=10000100&nonce_str=5K8264ILTKCH16CQ2502SI8ZNMTM67VS"
                               "&out_trade_no=20240501100500002&sign_type=HMAC-SHA256&spbill_create_ip=192.0.2.10"
                               "&total_fee=2500";
    const QByteArray expectedSign = crypto::hmacSha256(kKey, QByteArray(stringA + "&key=" + kKey)).toHex().toUpper();
    QCOMPARE(expectedSign.size(), 64);
    const QByteArray expected = "POST /pay/micropay\n"
                                "Content-Type: text/xml; charset=utf-8\n"
                                "\n"
                                "<xml><appid><![CDATA[wxd930ea5d5a258f4f]]></appid>"
                                "<auth_code><![CDATA[134567890123456789]]></auth_code>"
                                "<body><![CDATA[Tea]]></body>"
                                "<device_info><![CDATA[POS-02]]></device_info>"
                                "<mch_id><![CDATA[10000100]]></mch_id>"
                                "<nonce_str><![CDATA[5K8264ILTKCH16CQ2502SI8ZNMTM67VS]]></nonce_str>"
                                "<out_trade_no><![CDATA[20240501100500002]]></out_trade_no>"
                                "<sign><![CDATA["
        + expectedSign
        + "]]></sign>"
          "<sign_type><![CDATA[HMAC-SHA256]]></sign_type>"
          "<spbill_create_ip><![CDATA[192.0.2.10]]></spbill_create_ip>"
          "<total_fee><![CDATA[2500]]></total_fee></xml>";
    QCOMPARE(request->toText(), expected);
}

void TestV2Codec::serviceProviderRequest()
{
    MerchantIds ids = merchant();
    ids.subMchid = QStringLiteral("1900000109");
    ids.subAppid = QStringLiteral("wx8888888888888888");
    auto c = codec(SignType::Md5, ids);
    const auto request = c.queryOrder(OrderRef::byOutTradeNo(QStringLiteral("20240501100000001")));
    WXPAY_VERIFY_OK(request);
    const auto fields = parseXml(request->body);
    WXPAY_VERIFY_OK(fields);
    QCOMPARE(fields->value(QStringLiteral("appid")), QString::fromLatin1(kAppid));
    QCOMPARE(fields->value(QStringLiteral("mch_id")), QString::fromLatin1(kMchid));
    QCOMPARE(fields->value(QStringLiteral("sub_mch_id")), QStringLiteral("1900000109"));
    QCOMPARE(fields->value(QStringLiteral("sub_appid")), QStringLiteral("wx8888888888888888"));
    WXPAY_VERIFY_OK(verify(fields.value(), kKey, SignType::Md5));

    // Without a sub appid only sub_mch_id is added.
    ids.subAppid.clear();
    auto c2 = codec(SignType::Md5, ids);
    const auto request2 = c2.queryOrder(OrderRef::byOutTradeNo(QStringLiteral("20240501100000001")));
    WXPAY_VERIFY_OK(request2);
    QVERIFY(!parseXml(request2->body)->contains(QStringLiteral("sub_appid")));
}

void TestV2Codec::requestShapes_data()
{
    QTest::addColumn<RequestBuilder>("build");
    QTest::addColumn<SignType>("type");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("clientCertificate");
    QTest::addColumn<Fields>("expected"); // must be present with these values
    QTest::addColumn<QStringList>("absent");
    QTest::addColumn<QString>("currency"); // the merchant's

    const OrderRef both { QStringLiteral("4200002024050100000001"), QStringLiteral("20240501100000001") };
    QTest::newRow("orderquery: transaction_id wins")
        << RequestBuilder([both](V2Codec& c) { return c.queryOrder(both); }) << SignType::Md5 << "/pay/orderquery"
        << false << fieldsOf({ { "transaction_id", "4200002024050100000001" } })
        << namesOf({ "out_trade_no", "sign_type" }) << "CNY";
    QTest::newRow("orderquery by out_trade_no, HMAC")
        << RequestBuilder(
               [](V2Codec& c) { return c.queryOrder(OrderRef::byOutTradeNo(QStringLiteral("20240501100000001"))); })
        << SignType::HmacSha256 << "/pay/orderquery" << false
        << fieldsOf({ { "out_trade_no", "20240501100000001" }, { "sign_type", "HMAC-SHA256" } })
        << namesOf({ "transaction_id" }) << "CNY";
    QTest::newRow("closeorder") << RequestBuilder([both](V2Codec& c) { return c.closeOrder(both); }) << SignType::Md5
                                << "/pay/closeorder" << false << fieldsOf({ { "out_trade_no", "20240501100000001" } })
                                << namesOf({ "transaction_id" }) << "CNY";
    QTest::newRow("reverse") << RequestBuilder([both](V2Codec& c) { return c.reverse(both); }) << SignType::Md5
                             << "/secapi/pay/reverse" << true
                             << fieldsOf({ { "transaction_id", "4200002024050100000001" } })
                             << namesOf({ "out_trade_no" }) << "CNY";
    QTest::newRow("refund") << RequestBuilder([](V2Codec& c) {
        RefundRequest r;
        r.order = OrderRef::byOutTradeNo(QStringLiteral("20240501100000001"));
        r.outRefundNo = QStringLiteral("R20240501120000001");
        r.refund = cny(500);
        r.total = cny(1234);
        r.reason = QString::fromUtf8("顾客退货");
        r.notifyUrl = QStringLiteral("https://pay.example.com/notify/refund");
        return c.refund(r);
    }) << SignType::Md5 << "/secapi/pay/refund"
                            << true
                            << fieldsOf(
                                   { { "out_trade_no", "20240501100000001" }, { "out_refund_no", "R20240501120000001" },
                                       { "total_fee", "1234" }, { "refund_fee", "500" }, { "refund_desc", "顾客退货" },
                                       { "notify_url", "https://pay.example.com/notify/refund" } })
                            << namesOf({ "refund_fee_type", "transaction_id" }) << "CNY";
    QTest::newRow("refundquery by refund_id")
        << RequestBuilder([both](V2Codec& c) {
               return c.queryRefund({ QStringLiteral("50300002024050100000001"), QStringLiteral("R1"), both });
           })
        << SignType::Md5 << "/pay/refundquery" << false << fieldsOf({ { "refund_id", "50300002024050100000001" } })
        << namesOf({ "out_refund_no", "transaction_id", "out_trade_no" }) << "CNY";
    QTest::newRow("refundquery by out_refund_no")
        << RequestBuilder([both](V2Codec& c) {
               return c.queryRefund({ {}, QStringLiteral("R1"), both });
           })
        << SignType::Md5 << "/pay/refundquery" << false << fieldsOf({ { "out_refund_no", "R1" } })
        << namesOf({ "refund_id", "transaction_id", "out_trade_no" }) << "CNY";
    QTest::newRow("refundquery by transaction_id")
        << RequestBuilder([both](V2Codec& c) {
               return c.queryRefund({ {}, {}, both });
           })
        << SignType::Md5 << "/pay/refundquery" << false << fieldsOf({ { "transaction_id", "4200002024050100000001" } })
        << namesOf({ "refund_id", "out_refund_no", "out_trade_no" }) << "CNY";
    QTest::newRow("refundquery by out_trade_no")
        << RequestBuilder([](V2Codec& c) {
               return c.queryRefund({ {}, {}, OrderRef::byOutTradeNo(QStringLiteral("20240501100000001")) });
           })
        << SignType::Md5 << "/pay/refundquery" << false << fieldsOf({ { "out_trade_no", "20240501100000001" } })
        << namesOf({ "refund_id", "out_refund_no", "transaction_id" }) << "CNY";
    QTest::newRow("downloadbill") << RequestBuilder([](V2Codec& c) {
        return c.tradeBill({ QDate(2024, 4, 30), QStringLiteral("REFUND") });
    }) << SignType::Md5 << "/pay/downloadbill"
                                  << false << fieldsOf({ { "bill_date", "20240430" }, { "bill_type", "REFUND" } })
                                  << namesOf({ "tar_type" }) << "CNY";
    QTest::newRow("native with product_id, no expiry")
        << RequestBuilder([](V2Codec& c) {
               NativeOrderRequest o;
               o.outTradeNo = QStringLiteral("20240501100000001");
               o.description = QStringLiteral("Coffee");
               o.amount = cny(1);
               o.productId = QStringLiteral("SKU-1");
               o.clientIp = QStringLiteral("198.51.100.1");
               o.notifyUrl = QStringLiteral("https://shop.example.com/n");
               o.deviceId = QStringLiteral("POS-01");
               return c.createNative(o);
           })
        << SignType::Md5 << "/pay/unifiedorder" << false
        << fieldsOf({ { "product_id", "SKU-1" }, { "spbill_create_ip", "198.51.100.1" },
               { "notify_url", "https://shop.example.com/n" }, { "device_info", "POS-01" }, { "total_fee", "1" },
               { "trade_type", "NATIVE" } })
        << namesOf({ "time_expire", "attach", "fee_type", "sign_type", "sub_mch_id" }) << "CNY";
    QTest::newRow("HKD merchant sends fee_type")
        << RequestBuilder([](V2Codec& c) {
               MicropayRequest p;
               p.outTradeNo = QStringLiteral("HK2024050100001");
               p.description = QStringLiteral("Dim sum");
               p.amount = Money::fromMinor(8800, QStringLiteral("HKD")).value();
               p.authCode = QStringLiteral("104567890123456789");
               return c.micropay(p);
           })
        << SignType::Md5 << "/pay/micropay" << false
        << fieldsOf({ { "fee_type", "HKD" }, { "total_fee", "8800" }, { "spbill_create_ip", "203.0.113.7" } })
        << namesOf({ "device_info" }) << "HKD";
}

void TestV2Codec::requestShapes()
{
    QFETCH(RequestBuilder, build);
    QFETCH(SignType, type);
    QFETCH(QString, path);
    QFETCH(bool, clientCertificate);
    QFETCH(Fields, expected);
    QFETCH(QStringList, absent);

    QFETCH(QString, currency);
    V2CodecOptions o = options();
    o.currency = currency;
    auto c = codec(type, merchant(), o);
    const auto request = build(c);
    WXPAY_VERIFY_OK(request);
    QCOMPARE(request->method, QByteArray("POST"));
    QCOMPARE(request->pathAndQuery, path);
    QCOMPARE(request->needsClientCertificate, clientCertificate);
    QCOMPARE(request->header("content-type"), QByteArray("text/xml; charset=utf-8"));
    QVERIFY(!request->body.startsWith("<?xml"));

    const auto fields = parseXml(request->body);
    WXPAY_VERIFY_OK(fields);
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(fields->value(it.key()), it.value());
    for (const QString& name : absent)
        QVERIFY2(!fields->contains(name), qPrintable(name));
    QCOMPARE(fields->value(QStringLiteral("appid")), QString::fromLatin1(kAppid));
    QCOMPARE(fields->value(QStringLiteral("mch_id")), QString::fromLatin1(kMchid));
    QCOMPARE(fields->value(QStringLiteral("nonce_str")).size(), 32);
    WXPAY_VERIFY_OK(verify(fields.value(), kKey, type));
}

void TestV2Codec::rejectsBadInput_data()
{
    QTest::addColumn<RequestBuilder>("build");
    QTest::addColumn<QString>("code");

    const auto native = [] {
        NativeOrderRequest o;
        o.outTradeNo = QStringLiteral("20240501100000001");
        o.description = QStringLiteral("Coffee");
        o.amount = cny(100);
        return o;
    };
    const auto quick = [] {
        MicropayRequest p;
        p.outTradeNo = QStringLiteral("20240501100500002");
        p.description = QStringLiteral("Tea");
        p.amount = cny(100);
        p.authCode = QStringLiteral("134567890123456789");
        return p;
    };
    const auto refund = [] {
        RefundRequest r;
        r.order = OrderRef::byOutTradeNo(QStringLiteral("20240501100000001"));
        r.outRefundNo = QStringLiteral("R1");
        r.refund = cny(100);
        r.total = cny(100);
        return r;
    };
    const auto nativeWith = [native](auto change) {
        return RequestBuilder([native, change](V2Codec& c) {
            NativeOrderRequest o = native();
            change(o);
            return c.createNative(o);
        });
    };
    const auto quickWith = [quick](auto change) {
        return RequestBuilder([quick, change](V2Codec& c) {
            MicropayRequest p = quick();
            change(p);
            return c.micropay(p);
        });
    };
    const auto refundWith = [refund](auto change) {
        return RequestBuilder([refund, change](V2Codec& c) {
            RefundRequest r = refund();
            change(r);
            return c.refund(r);
        });
    };

    QTest::newRow("short out_trade_no") << nativeWith([](auto& o) { o.outTradeNo = QStringLiteral("12345"); })
                                        << "OUT_TRADE_NO_INVALID";
    QTest::newRow("out_trade_no with space")
        << nativeWith([](auto& o) { o.outTradeNo = QStringLiteral("2024 0501"); }) << "OUT_TRADE_NO_INVALID";
    QTest::newRow("out_trade_no too long")
        << quickWith([](auto& p) { p.outTradeNo = QString(33, u'1'); }) << "OUT_TRADE_NO_INVALID";
    QTest::newRow("control character in description")
        << nativeWith([](auto& o) { o.description = QStringLiteral("Tea\u0001"); }) << "TEXT_INVALID";
    QTest::newRow("lone surrogate in attach")
        << quickWith([](auto& p) { p.attach = QString(1, QChar(0xD800)); }) << "TEXT_INVALID";
    QTest::newRow("no description") << nativeWith([](auto& o) { o.description.clear(); }) << "DESCRIPTION_EMPTY";
    QTest::newRow("zero amount") << nativeWith([](auto& o) { o.amount = cny(0); }) << "AMOUNT_INVALID";
    QTest::newRow("no amount") << quickWith([](auto& p) { p.amount = Money(); }) << "AMOUNT_INVALID";
    QTest::newRow("other currency") << nativeWith([](auto& o) {
        o.amount = Money::fromMinor(100, QStringLiteral("HKD")).value();
    }) << "CURRENCY_MISMATCH";
    QTest::newRow("expiry too soon") << nativeWith([](auto& o) { o.timeExpire = utc(2024, 5, 1, 2, 0, 59); })
                                     << "TIME_EXPIRE_TOO_SOON";
    QTest::newRow("expiry in the past") << nativeWith([](auto& o) { o.timeExpire = utc(2024, 5, 1, 1, 0, 0); })
                                        << "TIME_EXPIRE_TOO_SOON";
    QTest::newRow("auth code 17 digits") << quickWith([](auto& p) { p.authCode = QStringLiteral("13456789012345678"); })
                                         << "AUTH_CODE_INVALID";
    QTest::newRow("auth code prefix 16") << quickWith([](auto& p) {
        p.authCode = QStringLiteral("164567890123456789");
    }) << "AUTH_CODE_INVALID";
    QTest::newRow("auth code with letter")
        << quickWith([](auto& p) { p.authCode = QStringLiteral("13456789012345678a"); }) << "AUTH_CODE_INVALID";
    QTest::newRow("no order ref") << RequestBuilder([](V2Codec& c) { return c.queryOrder({}); }) << "ORDER_REF_MISSING";
    QTest::newRow("close by transaction_id only") << RequestBuilder([](V2Codec& c) {
        return c.closeOrder(OrderRef::byTransactionId(QStringLiteral("4200002024050100000001")));
    }) << "ORDER_REF_MISSING";
    QTest::newRow("reverse without ref") << RequestBuilder([](V2Codec& c) { return c.reverse({}); })
                                         << "ORDER_REF_MISSING";
    QTest::newRow("refund above total") << refundWith([](auto& r) { r.refund = cny(101); }) << "AMOUNT_INVALID";
    QTest::newRow("refund zero") << refundWith([](auto& r) { r.refund = cny(0); }) << "AMOUNT_INVALID";
    QTest::newRow("refund without out_refund_no")
        << refundWith([](auto& r) { r.outRefundNo.clear(); }) << "OUT_REFUND_NO_INVALID";
    QTest::newRow("refund without order") << refundWith([](auto& r) { r.order = {}; }) << "ORDER_REF_MISSING";
    QTest::newRow("refundquery without ref")
        << RequestBuilder([](V2Codec& c) { return c.queryRefund({}); }) << "REFUND_REF_MISSING";
    QTest::newRow("bill without date") << RequestBuilder([](V2Codec& c) { return c.tradeBill({}); })
                                       << "BILL_DATE_INVALID";
    QTest::newRow("bill type") << RequestBuilder([](V2Codec& c) {
        return c.tradeBill({ QDate(2024, 4, 30), QStringLiteral("all") });
    }) << "BILL_TYPE_INVALID";
    QTest::newRow("no client ip") << RequestBuilder([native](V2Codec&) {
        V2CodecOptions none;
        ManualClock clock(utc(2024, 5, 1, 2, 0, 0));
        FixedNonceSource nonces({ kNonce });
        V2Codec bare(merchant(), kKey, SignType::Md5, clock, nonces, none);
        NativeOrderRequest o = native();
        o.notifyUrl = QStringLiteral("https://shop.example.com/n");
        return bare.createNative(o);
    }) << "CLIENT_IP_MISSING";
    QTest::newRow("no notify url") << RequestBuilder([native](V2Codec&) {
        V2CodecOptions none;
        ManualClock clock(utc(2024, 5, 1, 2, 0, 0));
        FixedNonceSource nonces({ kNonce });
        V2Codec bare(merchant(), kKey, SignType::Md5, clock, nonces, none);
        NativeOrderRequest o = native();
        o.clientIp = QStringLiteral("198.51.100.1");
        return bare.createNative(o);
    }) << "NOTIFY_URL_MISSING";
}

void TestV2Codec::rejectsBadInput()
{
    QFETCH(RequestBuilder, build);
    QFETCH(QString, code);
    auto c = codec();
    WXPAY_VERIFY_ERROR(build(c), ErrorKind::Input, code);
}

void TestV2Codec::repliesAreCheckedBeforeMapping_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<WireResponse>("response");
    QTest::addColumn<QString>("kind"); // empty: maps
    QTest::addColumn<QString>("code");

    const QByteArray returnFail = "<xml><return_code><![CDATA[FAIL]]></return_code>"
                                  "<return_msg><![CDATA[签名错误]]></return_msg></xml>";
    for (const QString& op : kSignedOps) {
        const Fields good = successFields(op);
        const auto row = [&op](const char* name) -> QTestData& {
            return QTest::newRow(qPrintable(op + u": " + QString::fromLatin1(name)));
        };
        QByteArray extra = signedXml(good);
        extra.replace("</xml>", "<coupon_fee_9>100</coupon_fee_9></xml>");
        Fields noReturnCode = good;
        noReturnCode.remove(QStringLiteral("return_code"));
        Fields noResultCode = good;
        noResultCode.remove(QStringLiteral("result_code"));

        row("signed success") << op << signedReply(good) << ""
                              << "";
        row("return_code FAIL") << op << reply(returnFail) << "business"
                                << "RETURN_CODE_FAIL";
        row("unsigned SUCCESS") << op << reply(toXml(good)) << "verification"
                                << "SIGN_MISSING";
        row("signed with another key") << op
                                       << reply(signedXml(good, SignType::Md5, "0123456789abcdef0123456789abcdef"))
                                       << "verification"
                                       << "SIGN_MISMATCH";
        row("HMAC sign on an MD5 request") << op << signedReply(good, SignType::HmacSha256) << "verification"
                                           << "SIGN_MISMATCH";
        row("unsigned extra field") << op << reply(extra) << "verification"
                                    << "SIGN_MISMATCH";
        row("wrong appid") << op << signedReply(with(good, { { "appid", "wx0000000000000000" } })) << "verification"
                           << "APPID_MISMATCH";
        row("no appid") << op << signedReply(with(good, { { "appid", "" } })) << "verification"
                        << "APPID_MISMATCH";
        row("wrong mch_id") << op << signedReply(with(good, { { "mch_id", "10000101" } })) << "verification"
                            << "MCHID_MISMATCH";
        row("HTTP 500") << op << reply(signedXml(good), 500) << "http"
                        << "HTTP_500";
        row("malformed") << op << reply("<xml><return_code>SUCCESS</return_code>") << "protocol"
                         << "XML_MALFORMED";
        row("html error page") << op << reply("<html><body>502</body></html>") << "protocol"
                               << "XML_ROOT";
        row("doctype") << op << reply("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><a>&x;</a></xml>")
                       << "protocol"
                       << "XML_DTD_FORBIDDEN";
        row("no return_code") << op << signedReply(noReturnCode) << "protocol"
                              << "RETURN_CODE_MISSING";
        row("no result_code") << op << signedReply(noResultCode) << "protocol"
                              << "RESULT_CODE_MISSING";
    }
}

void TestV2Codec::repliesAreCheckedBeforeMapping()
{
    QFETCH(QString, op);
    QFETCH(WireResponse, response);
    QFETCH(QString, kind);
    QFETCH(QString, code);
    const auto error = parseAs(codec(), op, response);
    if (kind.isEmpty()) {
        QVERIFY2(!error, error ? qPrintable(error->toString()) : "");
        return;
    }
    QVERIFY2(error, "expected an error, the reply was mapped");
    QCOMPARE(errorKindName(error->kind), kind);
    QCOMPARE(error->code, code);
    if (code == u"RETURN_CODE_FAIL")
        QCOMPARE(error->message, QString::fromUtf8("签名错误"));
}

void TestV2Codec::businessFailures_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<Fields>("fields");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("micropay USERPAYING") << "micropay" << businessFail("USERPAYING", "需要用户输入支付密码")
                                         << "USERPAYING" << QString::fromUtf8("需要用户输入支付密码");
    QTest::newRow("micropay SYSTEMERROR")
        << "micropay" << businessFail("SYSTEMERROR", "系统超时") << "SYSTEMERROR" << QString::fromUtf8("系统超时");
    QTest::newRow("micropay AUTH_CODE_INVALID")
        << "micropay" << businessFail("AUTH_CODE_INVALID", "101 付款码已过期,请退出重试") << "AUTH_CODE_INVALID"
        << QString::fromUtf8("101 付款码已过期,请退出重试");
    QTest::newRow("unifiedorder OUT_TRADE_NO_USED")
        << "unifiedorder" << businessFail("OUT_TRADE_NO_USED", "商户订单号重复") << "OUT_TRADE_NO_USED"
        << QString::fromUtf8("商户订单号重复");
    QTest::newRow("orderquery ORDERNOTEXIST") << "orderquery" << businessFail("ORDERNOTEXIST", "订单不存在")
                                              << "ORDERNOTEXIST" << QString::fromUtf8("订单不存在");
    QTest::newRow("closeorder ORDERPAID")
        << "closeorder" << businessFail("ORDERPAID", "订单已支付") << "ORDERPAID" << QString::fromUtf8("订单已支付");
    QTest::newRow("closeorder with result_msg only")
        << "closeorder"
        << with(replyBase(),
               { { "result_code", "FAIL" }, { "err_code", "ORDERCLOSED" }, { "result_msg", "订单已关闭" } })
        << "ORDERCLOSED" << QString::fromUtf8("订单已关闭");
    QTest::newRow("reverse USERPAYING without recall")
        << "reverse" << with(businessFail("USERPAYING", "正在支付中不能发起撤销"), { { "recall", "N" } })
        << "USERPAYING" << QString::fromUtf8("正在支付中不能发起撤销");
    QTest::newRow("refund NOTENOUGH") << "refund" << businessFail("NOTENOUGH", "基本账户余额不足") << "NOTENOUGH"
                                      << QString::fromUtf8("基本账户余额不足");
    QTest::newRow("refundquery REFUNDNOTEXIST") << "refundquery" << businessFail("REFUNDNOTEXIST", "退款订单查询失败")
                                                << "REFUNDNOTEXIST" << QString::fromUtf8("退款订单查询失败");
    QTest::newRow("FAIL without err_code")
        << "orderquery" << with(replyBase(), { { "result_code", "FAIL" } }) << "RESULT_CODE_FAIL" << QString();
}

void TestV2Codec::businessFailures()
{
    QFETCH(QString, op);
    QFETCH(Fields, fields);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const auto error = parseAs(codec(), op, signedReply(fields));
    QVERIFY(error);
    QCOMPARE(errorKindName(error->kind), errorKindName(ErrorKind::Business));
    QCOMPARE(error->code, code);
    QCOMPARE(error->message, message);
}

void TestV2Codec::mapsNativeOrder()
{
    const auto order = codec().parseCreateNative(signedReply(successFields(QStringLiteral("unifiedorder"))));
    WXPAY_VERIFY_OK(order);
    QCOMPARE(order->codeUrl, QStringLiteral("weixin://wxpay/bizpayurl?pr=NwY5Mz9"));
    QCOMPARE(order->prepayId, QStringLiteral("wx201410272009395522657a690389285100"));

    Fields noCode = successFields(QStringLiteral("unifiedorder"));
    noCode.remove(QStringLiteral("code_url"));
    WXPAY_VERIFY_ERROR(
        codec().parseCreateNative(signedReply(noCode)), ErrorKind::Protocol, QStringLiteral("FIELD_MISSING"));
}

void TestV2Codec::mapsMicropay()
{
    const auto t = codec().parseMicropay(signedReply(successFields(QStringLiteral("micropay"))));
    WXPAY_VERIFY_OK(t);
    QCOMPARE(t->state, TradeState::Success);
    QCOMPARE(t->outTradeNo, QStringLiteral("20240501100500002"));
    QCOMPARE(t->transactionId, QStringLiteral("4200002024050100000002"));
    QCOMPARE(t->tradeType, QStringLiteral("MICROPAY"));
    QCOMPARE(t->total, cny(2500));
    QVERIFY(t->payerTotal);
    QCOMPARE(*t->payerTotal, cny(2400));
    QCOMPARE(t->openid, QStringLiteral("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
    QCOMPARE(t->bankType, QStringLiteral("CMB_CREDIT"));
    QCOMPARE(t->attach, QStringLiteral("table=7"));
    QCOMPARE(t->successTime, utc(2024, 5, 1, 2, 5, 1));
    QCOMPARE(t->successTime.timeSpec(), Qt::UTC);
}

void TestV2Codec::mapsLiteralReplyWithBareIntegers()
{
    // WeChat's own style: strings in CDATA, integers bare, line breaks between fields.
    Fields fields = successFields(QStringLiteral("micropay"));
    fields.remove(QStringLiteral("fee_type")); // defaults to the merchant currency
    const QString signText = sign(fields, kKey, SignType::Md5);
    QByteArray body = "<xml>\n";
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        const QByteArray name = it.key().toUtf8();
        const bool numeric = !it.value().isEmpty() && it.value().toLongLong() > 0 && !name.contains("id");
        const QByteArray value = numeric ? it.value().toUtf8() : QByteArray("<![CDATA[" + it.value().toUtf8() + "]]>");
        body += '<' + name + '>' + value + "</" + name + ">\n";
    }
    body += "<sign><![CDATA[" + signText.toLatin1() + "]]></sign>\n</xml>";
    QVERIFY(body.contains("<total_fee>2500</total_fee>"));
    const auto t = codec().parseMicropay(reply(body));
    WXPAY_VERIFY_OK(t);
    QCOMPARE(t->total, cny(2500));
}

void TestV2Codec::mapsQueryOrder_data()
{
    QTest::addColumn<Fields>("fields");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("transactionId");
    QTest::addColumn<Money>("total");
    QTest::addColumn<QDateTime>("successTime");

    const Fields paid = successFields(QStringLiteral("orderquery"));
    const Fields notPaid = with(replyBase(),
        { { "out_trade_no", "20240501100000001" }, { "trade_state", "NOTPAY" }, { "trade_state_desc", "订单未支付" } });
    QTest::newRow("SUCCESS") << paid << int(TradeState::Success) << "4200002024050100000001" << cny(1234)
                             << utc(2024, 5, 1, 2, 5, 1);
    QTest::newRow("REFUND") << with(paid, { { "trade_state", "REFUND" } }) << int(TradeState::Refund)
                            << "4200002024050100000001" << cny(1234) << utc(2024, 5, 1, 2, 5, 1);
    QTest::newRow("NOTPAY without payment fields")
        << notPaid << int(TradeState::NotPay) << "" << Money() << QDateTime();
    QTest::newRow("NOTPAY with total") << with(notPaid, { { "total_fee", "1234" } }) << int(TradeState::NotPay) << ""
                                       << cny(1234) << QDateTime();
    QTest::newRow("USERPAYING") << with(notPaid, { { "trade_state", "USERPAYING" } }) << int(TradeState::UserPaying)
                                << "" << Money() << QDateTime();
    QTest::newRow("CLOSED") << with(notPaid, { { "trade_state", "CLOSED" } }) << int(TradeState::Closed) << ""
                            << Money() << QDateTime();
    QTest::newRow("REVOKED") << with(notPaid, { { "trade_state", "REVOKED" } }) << int(TradeState::Revoked) << ""
                             << Money() << QDateTime();
    QTest::newRow("PAYERROR") << with(notPaid, { { "trade_state", "PAYERROR" } }) << int(TradeState::PayError) << ""
                              << Money() << QDateTime();
    QTest::newRow("unknown state is not an error") << with(notPaid, { { "trade_state", "SOMETHING_NEW" } })
                                                   << int(TradeState::Unknown) << "" << Money() << QDateTime();
    QTest::newRow("HKD fee_type") << with(paid, { { "fee_type", "HKD" } }) << int(TradeState::Success)
                                  << "4200002024050100000001" << Money::fromMinor(1234, QStringLiteral("HKD")).value()
                                  << utc(2024, 5, 1, 2, 5, 1);
}

void TestV2Codec::mapsQueryOrder()
{
    QFETCH(Fields, fields);
    QFETCH(int, state);
    QFETCH(QString, transactionId);
    QFETCH(Money, total);
    QFETCH(QDateTime, successTime);
    const auto t = codec().parseQueryOrder(signedReply(fields));
    WXPAY_VERIFY_OK(t);
    QCOMPARE(int(t->state), state);
    QCOMPARE(t->outTradeNo, QStringLiteral("20240501100000001"));
    QCOMPARE(t->transactionId, transactionId);
    QCOMPARE(t->total, total);
    QCOMPARE(t->successTime, successTime);
    QCOMPARE(t->stateDescription, fields.value(QStringLiteral("trade_state_desc")));
}

void TestV2Codec::closeOrder()
{
    WXPAY_VERIFY_OK(codec().parseCloseOrder(signedReply(successFields(QStringLiteral("closeorder")))));
}

void TestV2Codec::reverseRecall_data()
{
    QTest::addColumn<Fields>("fields");
    QTest::addColumn<bool>("recall");

    QTest::newRow("revoked") << successFields(QStringLiteral("reverse")) << false;
    QTest::newRow("revoked without recall field") << replyBase() << false;
    QTest::newRow("FAIL with recall=Y") << with(businessFail("SYSTEMERROR", "系统错误"), { { "recall", "Y" } }) << true;
    QTest::newRow("SUCCESS with recall=Y") << with(replyBase(), { { "recall", "Y" } }) << true;
}

void TestV2Codec::reverseRecall()
{
    QFETCH(Fields, fields);
    QFETCH(bool, recall);
    const auto result = codec().parseReverse(signedReply(fields));
    WXPAY_VERIFY_OK(result);
    QCOMPARE(result->recall, recall);

    // recall=Y in an unverified reply is not believed.
    QVERIFY(!codec().parseReverse(reply(toXml(fields))).ok());
}

void TestV2Codec::mapsRefund()
{
    const auto refund = codec().parseRefund(signedReply(successFields(QStringLiteral("refund"))));
    WXPAY_VERIFY_OK(refund);
    QCOMPARE(refund->refundId, QStringLiteral("50300002024050100000001"));
    QCOMPARE(refund->outRefundNo, QStringLiteral("R20240501120000001"));
    QCOMPARE(refund->transactionId, QStringLiteral("4200002024050100000001"));
    QCOMPARE(refund->outTradeNo, QStringLiteral("20240501100000001"));
    QCOMPARE(refund->refund, cny(500));
    QCOMPARE(refund->total, cny(1234));
    QVERIFY(refund->payerRefund);
    QCOMPARE(*refund->payerRefund, cny(500));
    QCOMPARE(refund->status, RefundStatus::Processing);
}

void TestV2Codec::mapsRefundQuery()
{
    const auto refunds = codec().parseQueryRefund(signedReply(successFields(QStringLiteral("refundquery"))));
    WXPAY_VERIFY_OK(refunds);
    QCOMPARE(refunds->size(), 2);
    const Refund& first = refunds->at(0);
    QCOMPARE(first.outRefundNo, QStringLiteral("R20240501120000001"));
    QCOMPARE(first.refundId, QStringLiteral("50300002024050100000001"));
    QCOMPARE(first.transactionId, QStringLiteral("4200002024050100000001"));
    QCOMPARE(first.outTradeNo, QStringLiteral("20240501100000001"));
    QCOMPARE(first.refund, cny(500));
    QCOMPARE(first.total, cny(1234));
    QCOMPARE(first.status, RefundStatus::Success);
    QCOMPARE(first.channel, QStringLiteral("ORIGINAL"));
    QCOMPARE(first.receivedAccount, QString::fromUtf8("招商银行信用卡8915"));
    QCOMPARE(first.successTime, utc(2024, 5, 1, 12, 0, 5));
    const Refund& second = refunds->at(1);
    QCOMPARE(second.outRefundNo, QStringLiteral("R20240501130000002"));
    QCOMPARE(second.refund, cny(200));
    QCOMPARE(second.status, RefundStatus::Processing);
    QVERIFY(!second.successTime.isValid());

    // Zero refunds is an empty list, not an error.
    const auto none = codec().parseQueryRefund(signedReply(with(replyBase(),
        { { "transaction_id", "4200002024050100000001" }, { "out_trade_no", "20240501100000001" },
            { "total_fee", "1234" }, { "refund_count", "0" } })));
    WXPAY_VERIFY_OK(none);
    QVERIFY(none->isEmpty());
}

void TestV2Codec::rejectsBadFields_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<Fields>("fields");
    QTest::addColumn<QString>("code");

    const Fields query = successFields(QStringLiteral("orderquery"));
    const Fields refunds = successFields(QStringLiteral("refundquery"));
    QTest::newRow("negative total") << "orderquery" << with(query, { { "total_fee", "-1" } }) << "FIELD_INVALID";
    QTest::newRow("decimal total") << "orderquery" << with(query, { { "total_fee", "12.34" } }) << "FIELD_INVALID";
    QTest::newRow("huge total") << "orderquery" << with(query, { { "total_fee", "99999999999" } }) << "FIELD_INVALID";
    QTest::newRow("bad fee_type") << "orderquery" << with(query, { { "fee_type", "rmb" } }) << "FIELD_INVALID";
    QTest::newRow("bad time_end") << "orderquery" << with(query, { { "time_end", "2024-05-01" } }) << "FIELD_INVALID";
    QTest::newRow("paid without time_end") << "orderquery" << with(query, { { "time_end", "" } }) << "FIELD_MISSING";
    QTest::newRow("paid without transaction_id")
        << "orderquery" << with(query, { { "transaction_id", "" } }) << "FIELD_MISSING";
    QTest::newRow("no trade_state") << "orderquery" << with(query, { { "trade_state", "" } }) << "FIELD_MISSING";
    QTest::newRow("micropay without total")
        << "micropay" << with(successFields(QStringLiteral("micropay")), { { "total_fee", "" } }) << "FIELD_MISSING";
    QTest::newRow("refund without refund_id")
        << "refund" << with(successFields(QStringLiteral("refund")), { { "refund_id", "" } }) << "FIELD_MISSING";
    QTest::newRow("refund count beyond the fields")
        << "refundquery" << with(refunds, { { "refund_count", "3" } }) << "FIELD_MISSING";
    QTest::newRow("implausible refund count")
        << "refundquery" << with(refunds, { { "refund_count", "100000" } }) << "FIELD_INVALID";
    QTest::newRow("refund count not a number")
        << "refundquery" << with(refunds, { { "refund_count", "two" } }) << "FIELD_INVALID";
    QTest::newRow("bad refund time") << "refundquery" << with(refunds, { { "refund_success_time_0", "yesterday" } })
                                     << "FIELD_INVALID";
}

void TestV2Codec::rejectsBadFields()
{
    QFETCH(QString, op);
    QFETCH(Fields, fields);
    QFETCH(QString, code);
    const auto error = parseAs(codec(), op, signedReply(fields));
    QVERIFY(error);
    QCOMPARE(errorKindName(error->kind), errorKindName(ErrorKind::Protocol));
    QCOMPARE(error->code, code);
}

void TestV2Codec::hmacRepliesFollowTheRequest()
{
    const Fields fields = successFields(QStringLiteral("orderquery"));
    WXPAY_VERIFY_OK(codec(SignType::HmacSha256).parseQueryOrder(signedReply(fields, SignType::HmacSha256)));
    WXPAY_VERIFY_ERROR(codec(SignType::HmacSha256).parseQueryOrder(signedReply(fields, SignType::Md5)),
        ErrorKind::Verification, QStringLiteral("SIGN_MISMATCH"));
    // A reply claiming MD5 in sign_type is still checked with the request's HMAC-SHA256.
    WXPAY_VERIFY_ERROR(codec(SignType::HmacSha256)
                           .parseQueryOrder(signedReply(with(fields, { { "sign_type", "MD5" } }), SignType::Md5)),
        ErrorKind::Verification, QStringLiteral("SIGN_MISMATCH"));
}

void TestV2Codec::serviceProviderReplies()
{
    MerchantIds ids = merchant();
    ids.subMchid = QStringLiteral("1900000109");
    const Fields fields = successFields(QStringLiteral("orderquery"));
    WXPAY_VERIFY_OK(
        codec(SignType::Md5, ids).parseQueryOrder(signedReply(with(fields, { { "sub_mch_id", "1900000109" } }))));
    WXPAY_VERIFY_ERROR(
        codec(SignType::Md5, ids).parseQueryOrder(signedReply(with(fields, { { "sub_mch_id", "1900000110" } }))),
        ErrorKind::Verification, QStringLiteral("MCHID_MISMATCH"));
}

void TestV2Codec::downloadsBill()
{
    const QByteArray text = test::readTestData(QStringLiteral("protocol/v2/bill_all.csv"));
    QVERIFY(!text.isEmpty());
    WireResponse response = reply(text);
    response.headers = { { "Content-Type", "text/plain;charset=utf-8" } };
    const auto bill = codec().parseTradeBill(response);
    WXPAY_VERIFY_OK(bill);
    QCOMPARE(bill->content, text);
}

void TestV2Codec::billFailures_data()
{
    QTest::addColumn<WireResponse>("response");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("No Bill Exist") << reply("<xml><return_code>FAIL</return_code><return_msg>No Bill Exist</return_msg>"
                                            "<error_code>20002</error_code></xml>")
                                   << "business"
                                   << "RETURN_CODE_FAIL"
                                   << "No Bill Exist";
    QTest::newRow("Bill Creating, CDATA") << reply(
        "<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[Bill Creating]]></return_msg>"
        "</xml>") << "business"
                                          << "RETURN_CODE_FAIL"
                                          << "Bill Creating";
    QTest::newRow("XML that is no refusal") << reply("<xml><return_code>SUCCESS</return_code></xml>") << "protocol"
                                            << "BILL_UNEXPECTED_XML"
                                            << "";
    QTest::newRow("XML with DTD") << reply("<!DOCTYPE xml><xml><return_code>FAIL</return_code></xml>") << "protocol"
                                  << "XML_DTD_FORBIDDEN"
                                  << "";
    QTest::newRow("not a bill") << reply("hello") << "protocol"
                                << "BILL_MALFORMED"
                                << "";
    QTest::newRow("empty") << reply("") << "protocol"
                           << "BILL_MALFORMED"
                           << "";
    QTest::newRow("HTTP 500") << reply(test::readTestData(QStringLiteral("protocol/v2/bill_all.csv")), 500) << "http"
                              << "HTTP_500"
                              << "";
}

void TestV2Codec::billFailures()
{
    QFETCH(WireResponse, response);
    QFETCH(QString, kind);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const auto bill = codec().parseTradeBill(response);
    QVERIFY(!bill.ok());
    QCOMPARE(errorKindName(bill.error().kind), kind);
    QCOMPARE(bill.error().code, code);
    if (!message.isEmpty())
        QCOMPARE(bill.error().message, message);
    if (QByteArray(QTest::currentDataTag()) == "No Bill Exist")
        QCOMPARE(bill.error().detail, QStringLiteral("20002"));
}

QTEST_GUILESS_MAIN(TestV2Codec)
#include "tst_v2codec.moc"
