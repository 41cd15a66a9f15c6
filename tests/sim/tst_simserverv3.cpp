#include "crypto/crypto.h"
#include "protocol/v3/certificates.h"
#include "protocol/v3/exchange.h"
#include "protocol/v3/globalcodec.h"
#include "protocol/v3/v3codec.h"
#include "tst_simserverutil.h"

#include <QJsonObject>

using namespace wxpay;
using namespace wxpay::sim;
using namespace wxpay::sim::test;
using namespace Qt::Literals::StringLiterals;
namespace v3 = wxpay::protocol::v3;

// wxpay-sim's APIv3 fronts (domestic, partner, Global, Hong Kong) over real HTTP: the Authorization checks,
// signed replies, the error mapping and the certificates download.
class TestSimServerV3 : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_f;

    const SimMerchant& merchant() const { return m_f.merchant(ApiFamily::V3); }

    v3::V3Codec codec(const MerchantIds& ids, const SimMerchant& m)
    {
        v3::CodecOptions options;
        options.notifyUrl = u"https://merchant.example/notify"_s;
        options.clientIp = u"127.0.0.1"_s;
        return v3::V3Codec(ids, ServerFixture::signer(m), ServerFixture::verifier(m), m_f.clock, m_f.nonce, options);
    }

    v3::V3Codec codec() { return codec(m_f.ids(ApiFamily::V3), merchant()); }

    v3::GlobalCodec globalCodec(ApiFamily family)
    {
        const SimMerchant& m = m_f.merchant(family);
        v3::CodecOptions options;
        options.notifyUrl = u"https://merchant.example/notify"_s;
        options.defaultCurrency = u"HKD"_s;
        options.merchantCategoryCode = u"5812"_s;
        return v3::GlobalCodec(
            family == ApiFamily::Global ? v3::GlobalCodec::Variant::Global : v3::GlobalCodec::Variant::HkV3,
            m_f.ids(family), ServerFixture::signer(m), ServerFixture::verifier(m), m_f.clock, m_f.nonce, options);
    }

    static NativeOrderRequest nativeOrder(const QString& outTradeNo, const QString& currency = u"CNY"_s)
    {
        NativeOrderRequest request;
        request.outTradeNo = outTradeNo;
        request.description = u"Sandbox 测试商品"_s;
        request.amount = Money::fromMinor(888, currency).value();
        return request;
    }

    // A native order request whose Authorization is rebuilt from parts (any order, any timestamp, any key).
    protocol::WireRequest nativeRequest(const QString& outTradeNo)
    {
        auto c = codec();
        return c.createNative(nativeOrder(outTradeNo)).value();
    }

    static QByteArray authorizationInOrder(const v3::AuthorizationParts& p, const QList<const char*>& order)
    {
        QByteArrayList items;
        for (const char* name : order) {
            const QByteArray key(name);
            const QByteArray value = key == "mchid" ? p.mchid.toUtf8()
                : key == "nonce_str"                ? p.nonce
                : key == "timestamp"                ? QByteArray::number(p.timestamp)
                : key == "serial_no"                ? p.serialNo.toUtf8()
                                                    : p.signature;
            items << key + "=\"" + value + '"';
        }
        return "WECHATPAY2-SHA256-RSA2048 " + items.join(',');
    }

    static void setHeader(protocol::WireRequest& request, const QByteArray& name, const QByteArray& value)
    {
        for (auto& [key, current] : request.headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0) {
                current = value;
                return;
            }
        }
        request.headers.append({ name, value });
    }

    // Signs `request` again with `key`, `serial`, `timestamp`, as `mchid`.
    static void resign(protocol::WireRequest& request,
        const crypto::PrivateKey& key,
        const QString& mchid,
        const QString& serial,
        qint64 timestamp)
    {
        const QByteArray nonce = "SIMTESTNONCE0123456789ABCDEFGHIJ";
        const QByteArray message
            = v3::signatureMessage(request.method, request.pathAndQuery.toUtf8(), timestamp, nonce, request.body);
        const QByteArray signature = crypto::rsaSha256Sign(key, message).value().toBase64();
        setHeader(request, "Authorization", v3::formatAuthorization({ mchid, nonce, timestamp, serial, signature }));
    }

private Q_SLOTS:
    void initTestCase();
    void goodAuthorizationSignedReply();
    void authorizationRejected_data();
    void authorizationRejected();
    void wrongSignatureCarriesTheSignMessage();
    void timestampWindow_data();
    void timestampWindow();
    void parametersInAnyOrder_data();
    void parametersInAnyOrder();
    void certificatesDecryptWithTheApiV3Key();
    void quickPayErrorsAndReverse();
    void closeRefundAndQueries();
    void pathSegmentsKeepTheirEncoding();
    void tradeBillAndDownload();
    void partnerPaths();
    void globalAndHongKong();
    void otherFamilyIsNoAuth();
};

void TestSimServerV3::initTestCase()
{
    QVERIFY(m_f.start());
}

void TestSimServerV3::goodAuthorizationSignedReply()
{
    auto c = codec();
    auto transport = m_f.transport();
    auto response = exchange(*transport, nativeRequest(u"V3GOOD0001"_s));
    WXPAY_VERIFY_OK(response);
    QCOMPARE(response->status, 200);
    QVERIFY(!response->requestId().isEmpty());
    // Public key mode: the reply names the PUB_KEY_ID_ key and verifies with it.
    QCOMPARE(QString::fromUtf8(response->header("Wechatpay-Serial")), merchant().publicKeyId);
    WXPAY_VERIFY_OK(ServerFixture::verifier(merchant()).verify(response.value(), m_f.clock));
    auto order = c.parseCreateNative(response.value());
    WXPAY_VERIFY_OK(order);
    QVERIFY(order->codeUrl.startsWith(u"weixin://wxpay/bizpayurl?pr="));

    auto query = c.queryOrder(OrderRef::byOutTradeNo(u"V3GOOD0001"_s));
    auto transaction = c.parseQueryOrder(exchange(*transport, query.value()).value());
    WXPAY_VERIFY_OK(transaction);
    QCOMPARE(transaction->state, TradeState::NotPay);
    QCOMPARE(transaction->total.minorUnits(), 888);
}

void TestSimServerV3::authorizationRejected_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing header") << u"missing"_s << u"Http头缺少Authorization"_s;
    QTest::newRow("other schema") << u"schema"_s << u"Http头Authorization值格式错误"_s;
    QTest::newRow("signed by the wrong key") << u"key"_s << u"错误的签名，验签失败"_s;
    QTest::newRow("tampered body") << u"body"_s << u"错误的签名，验签失败"_s;
    QTest::newRow("wrong merchant serial") << u"serial"_s << u"serial_no"_s;
    QTest::newRow("mchid other than the body's") << u"mchid"_s << u"mchid"_s;
    QTest::newRow("unknown mchid") << u"unknown"_s << u"商户号"_s;
}

void TestSimServerV3::authorizationRejected()
{
    QFETCH(QString, tamper);
    QFETCH(QString, message);
    const SimMerchant& m = merchant();
    const QString outTradeNo = u"V3REJ"_s + QString::number(QTest::currentDataTag()[0]) + u"X"_s;
    protocol::WireRequest request = nativeRequest(outTradeNo);
    const qint64 now = m_f.clock.nowSecs();
    const crypto::PrivateKey& own = *m.merchantKey;
    bool signedReply = true;
    if (tamper == u"missing") {
        request.headers.removeIf([](const auto& h) { return h.first == "Authorization"; });
        signedReply = false;
    } else if (tamper == u"schema") {
        setHeader(request, "Authorization", "Bearer token");
        signedReply = false;
    } else if (tamper == u"key") {
        resign(request, *m_f.merchant(ApiFamily::Global).merchantKey, m.mchid, m.merchantCertificateSerial, now);
    } else if (tamper == u"body") {
        request.body.replace("888", "889");
    } else if (tamper == u"serial") {
        resign(request, own, m.mchid, m_f.merchant(ApiFamily::Global).merchantCertificateSerial, now);
    } else if (tamper == u"mchid") {
        const SimMerchant& other = m_f.merchant(ApiFamily::Global);
        resign(request, *other.merchantKey, other.mchid, other.merchantCertificateSerial, now);
    } else if (tamper == u"unknown") {
        resign(request, own, u"1999999999"_s, m.merchantCertificateSerial, now);
        signedReply = false;
    }
    auto transport = m_f.transport();
    auto response = exchange(*transport, request);
    WXPAY_VERIFY_OK(response);
    QCOMPARE(response->status, 401);
    const QJsonObject body = jsonOf(response.value());
    QCOMPARE(body.value(u"code"_s).toString(), u"SIGN_ERROR"_s);
    QVERIFY2(body.value(u"message"_s).toString().contains(message), qPrintable(body.value(u"message"_s).toString()));
    if (signedReply) {
        // Signed like every reply, by the merchant the Authorization names, so a client trusts the code.
        const SimMerchant& authenticated = tamper == u"mchid" ? m_f.merchant(ApiFamily::Global) : m;
        WXPAY_VERIFY_OK(ServerFixture::verifier(authenticated).verify(response.value(), m_f.clock));
        QCOMPARE(v3::errorFromReply(response.value()).code, u"SIGN_ERROR"_s);
        if (&authenticated == &m) {
            auto c = codec();
            auto parsed = c.parseCreateNative(response.value());
            WXPAY_VERIFY_ERROR(parsed, ErrorKind::Business, u"SIGN_ERROR"_s);
            QCOMPARE(parsed.error().httpStatus, 401);
        }
    } else {
        QVERIFY(response->header("Wechatpay-Signature").isEmpty());
    }
    // Nothing was created.
    for (const LedgerEntry& entry : m_f.engine->ledger())
        QVERIFY(entry.outTradeNo != outTradeNo);
}

void TestSimServerV3::wrongSignatureCarriesTheSignMessage()
{
    protocol::WireRequest request = nativeRequest(u"V3DETAIL01"_s);
    request.body.replace("888", "887");
    auto transport = m_f.transport();
    auto response = exchange(*transport, request);
    WXPAY_VERIFY_OK(response);
    QCOMPARE(response->status, 401);
    // protocol.md §3.1: {"code":"SIGN_ERROR","detail":{"detail":{"issue":"sign not match"},"field":"signature",
    // "location":"authorization","sign_information":{...}},"message":"错误的签名，验签失败"}
    const QJsonObject detail = jsonOf(response.value()).value(u"detail"_s).toObject();
    QCOMPARE(detail.value(u"field"_s).toString(), u"signature"_s);
    QCOMPARE(detail.value(u"location"_s).toString(), u"authorization"_s);
    QCOMPARE(detail.value(u"detail"_s).toObject().value(u"issue"_s).toString(), u"sign not match"_s);
    const QJsonObject information = detail.value(u"sign_information"_s).toObject();
    QCOMPARE(information.value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(information.value(u"url"_s).toString(), u"/v3/pay/transactions/native"_s);
    const auto parts = v3::parseAuthorization(request.header("Authorization")).value();
    const QByteArray expected
        = v3::signatureMessage("POST", "/v3/pay/transactions/native", parts.timestamp, parts.nonce, request.body);
    QCOMPARE(information.value(u"sign_message_length"_s).toInteger(), expected.size());
    QCOMPARE(information.value(u"truncated_sign_message"_s).toString(), QString::fromUtf8(expected));
}

void TestSimServerV3::timestampWindow_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<int>("status");
    QTest::newRow("5 min + 1 s old") << qint64(-301) << 401;
    QTest::newRow("5 min + 1 s ahead") << qint64(301) << 401;
    QTest::newRow("4 min 59 s old") << qint64(-299) << 200;
    QTest::newRow("4 min 59 s ahead") << qint64(299) << 200;
}

void TestSimServerV3::timestampWindow()
{
    QFETCH(qint64, offset);
    QFETCH(int, status);
    const SimMerchant& m = merchant();
    const QString outTradeNo = u"V3TIME"_s + QString::number(offset + 1000);
    protocol::WireRequest request = nativeRequest(outTradeNo);
    resign(request, *m.merchantKey, m.mchid, m.merchantCertificateSerial, m_f.clock.nowSecs() + offset);
    auto transport = m_f.transport();
    auto response = exchange(*transport, request);
    WXPAY_VERIFY_OK(response);
    QCOMPARE(response->status, status);
    if (status == 401) {
        QCOMPARE(jsonOf(response.value()).value(u"message"_s).toString(),
            u"Http头Authorization中的timestamp与发起请求的时间不得超过5分钟"_s);
    }
}

void TestSimServerV3::parametersInAnyOrder_data()
{
    QTest::addColumn<QList<const char*>>("order");
    QTest::newRow("go") << QList<const char*> { "mchid", "nonce_str", "timestamp", "serial_no", "signature" };
    QTest::newRow("php") << QList<const char*> { "mchid", "serial_no", "timestamp", "nonce_str", "signature" };
    QTest::newRow("bill example") << QList<const char*> { "mchid", "nonce_str", "signature", "timestamp", "serial_no" };
}

void TestSimServerV3::parametersInAnyOrder()
{
    QFETCH(QList<const char*>, order);
    auto c = codec();
    auto request = c.queryOrder(OrderRef::byOutTradeNo(u"V3GOOD0001"_s)).value();
    const auto parts = v3::parseAuthorization(request.header("Authorization")).value();
    setHeader(request, "Authorization", authorizationInOrder(parts, order));
    auto transport = m_f.transport();
    auto response = exchange(*transport, request);
    WXPAY_VERIFY_OK(response);
    QCOMPARE(response->status, 200);
    WXPAY_VERIFY_OK(c.parseQueryOrder(response.value()));
}

void TestSimServerV3::certificatesDecryptWithTheApiV3Key()
{
    const SimMerchant& m = merchant();
    v3::Exchange exchanger(ServerFixture::signer(m), {}, m_f.clock, m_f.nonce);
    auto request = v3::certificatesRequest(exchanger, ApiFamily::V3);
    WXPAY_VERIFY_OK(request);
    auto transport = m_f.transport();
    auto response = exchange(*transport, request.value());
    WXPAY_VERIFY_OK(response);
    QCOMPARE(response->status, 200);
    // Signed by the platform certificate it carries: a first download verifies against what it decrypts to.
    QCOMPARE(QString::fromUtf8(response->header("Wechatpay-Serial")), m.platformSerial);
    auto certificates = v3::parseCertificates(response.value(), m.apiV3Key, m_f.clock, nullptr);
    WXPAY_VERIFY_OK(certificates);
    QCOMPARE(certificates->size(), 1);
    QCOMPARE(certificates->constFirst().serialNo, m.platformSerial);
    QCOMPARE(certificates->constFirst().certificate.toDer(), m.platformCertificate.toDer());
    // Another merchant's APIv3 key cannot open them.
    WXPAY_VERIFY_ERROR(v3::parseCertificates(response.value(), m_f.merchant(ApiFamily::Global).apiV3Key, m_f.clock),
        ErrorKind::Verification, u"AEAD_TAG_MISMATCH"_s);
}

void TestSimServerV3::quickPayErrorsAndReverse()
{
    auto c = codec();
    auto transport = m_f.transport();
    MicropayRequest pay;
    pay.outTradeNo = u"V3QUICK001"_s;
    pay.description = u"Quick Pay"_s;
    pay.amount = Money::fromMinor(300, u"CNY"_s).value();
    pay.authCode = makeAuthCode(QuickPayScenario::PayingForeverReversible, 0, 31);
    auto response = exchange(*transport, c.micropay(pay).value());
    WXPAY_VERIFY_OK(response);
    QCOMPARE(response->status, 202); // the payer types the password: accepted, poll
    WXPAY_VERIFY_ERROR(c.parseMicropay(response.value()), ErrorKind::Business, u"USERPAYING"_s);

    auto reverse = exchange(*transport, c.reverse(OrderRef::byOutTradeNo(u"V3QUICK001"_s)).value());
    WXPAY_VERIFY_OK(reverse);
    QCOMPARE(reverse->status, 200);
    QCOMPARE(jsonOf(reverse.value()).value(u"out_trade_no"_s).toString(), u"V3QUICK001"_s);
    WXPAY_VERIFY_OK(c.parseReverse(reverse.value()));

    // A code scanned twice and an unknown order.
    pay.outTradeNo = u"V3QUICK002"_s;
    auto reused = exchange(*transport, c.micropay(pay).value());
    QCOMPARE(reused->status, 400);
    WXPAY_VERIFY_ERROR(c.parseMicropay(reused.value()), ErrorKind::Business, u"AUTH_CODE_INVALID"_s);
    auto missing = exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(u"V3MISSING1"_s)).value());
    QCOMPARE(missing->status, 404);
    WXPAY_VERIFY_ERROR(c.parseQueryOrder(missing.value()), ErrorKind::Business, u"ORDER_NOT_EXIST"_s);

    // Paid at once.
    pay.outTradeNo = u"V3QUICK003"_s;
    pay.authCode = makeAuthCode(QuickPayScenario::Success, 0, 32);
    auto paid = c.parseMicropay(exchange(*transport, c.micropay(pay).value()).value());
    WXPAY_VERIFY_OK(paid);
    QCOMPARE(paid->state, TradeState::Success);
    QVERIFY(!paid->openid.isEmpty());
}

void TestSimServerV3::closeRefundAndQueries()
{
    auto c = codec();
    auto transport = m_f.transport();
    WXPAY_VERIFY_OK(
        c.parseCreateNative(exchange(*transport, c.createNative(nativeOrder(u"V3CLOSE001"_s)).value()).value()));
    auto closed = exchange(*transport, c.closeOrder(OrderRef::byOutTradeNo(u"V3CLOSE001"_s)).value());
    QCOMPARE(closed->status, 204);
    WXPAY_VERIFY_OK(c.parseCloseOrder(closed.value()));
    auto again = exchange(*transport, c.closeOrder(OrderRef::byOutTradeNo(u"V3CLOSE001"_s)).value());
    QCOMPARE(again->status, 204);

    WXPAY_VERIFY_OK(
        c.parseCreateNative(exchange(*transport, c.createNative(nativeOrder(u"V3REFUND01"_s)).value()).value()));
    WXPAY_VERIFY_OK(m_f.engine->customerPays(m_f.ids(ApiFamily::V3), u"V3REFUND01"_s));
    RefundRequest refund;
    refund.order = OrderRef::byOutTradeNo(u"V3REFUND01"_s);
    refund.outRefundNo = u"V3R0001"_s;
    refund.refund = Money::fromMinor(100, u"CNY"_s).value();
    refund.total = Money::fromMinor(888, u"CNY"_s).value();
    auto accepted = c.parseRefund(exchange(*transport, c.refund(refund).value()).value());
    WXPAY_VERIFY_OK(accepted);
    QCOMPARE(accepted->status, RefundStatus::Processing);
    m_f.clock.advance(std::chrono::seconds(10));
    RefundRef ref;
    ref.outRefundNo = u"V3R0001"_s;
    auto refunds = c.parseQueryRefund(exchange(*transport, c.queryRefund(ref).value()).value());
    WXPAY_VERIFY_OK(refunds);
    QCOMPARE(refunds->constFirst().status, RefundStatus::Success);

    // Refunding more than is left: 400 INVALID_REQUEST.
    refund.outRefundNo = u"V3R0002"_s;
    refund.refund = Money::fromMinor(800, u"CNY"_s).value();
    auto tooMuch = exchange(*transport, c.refund(refund).value());
    QCOMPARE(tooMuch->status, 400);
    WXPAY_VERIFY_ERROR(c.parseRefund(tooMuch.value()), ErrorKind::Business, u"INVALID_REQUEST"_s);
}

void TestSimServerV3::pathSegmentsKeepTheirEncoding()
{
    // out_trade_no may contain | and *, which the codec percent-encodes in query paths: signed as sent.
    auto c = codec();
    auto transport = m_f.transport();
    WXPAY_VERIFY_OK(
        c.parseCreateNative(exchange(*transport, c.createNative(nativeOrder(u"V3|A*B-1_2"_s)).value()).value()));
    auto query = c.queryOrder(OrderRef::byOutTradeNo(u"V3|A*B-1_2"_s));
    WXPAY_VERIFY_OK(query);
    QVERIFY(query->pathAndQuery.contains(u"%7C"));
    auto transaction = c.parseQueryOrder(exchange(*transport, query.value()).value());
    WXPAY_VERIFY_OK(transaction);
    QCOMPARE(transaction->outTradeNo, u"V3|A*B-1_2"_s);
}

void TestSimServerV3::tradeBillAndDownload()
{
    SimSettings settings = m_f.engine->settings();
    settings.billsImmediately = true;
    m_f.engine->setSettings(settings);
    auto c = codec();
    auto transport = m_f.transport();
    WXPAY_VERIFY_OK(
        c.parseCreateNative(exchange(*transport, c.createNative(nativeOrder(u"V3BILL0001"_s)).value()).value()));
    WXPAY_VERIFY_OK(m_f.engine->customerPays(m_f.ids(ApiFamily::V3), u"V3BILL0001"_s));

    BillRequest request;
    request.date = m_f.clock.now().toOffsetFromUtc(8 * 3600).date();
    auto bill = c.parseTradeBill(exchange(*transport, c.tradeBill(request).value()).value());
    WXPAY_VERIFY_OK(bill);
    QVERIFY(bill->downloadUrl.startsWith(m_f.server->baseUrl().toString() + u"/v3/billdownload/file?token="));
    auto file = exchange(*transport, c.billFile(bill.value()).value());
    WXPAY_VERIFY_OK(file);
    QVERIFY(file->header("Wechatpay-Signature").isEmpty()); // unsigned by design
    auto content = c.parseBillFile(file.value(), bill.value());
    WXPAY_VERIFY_OK(content);
    QVERIFY(content->contains("`V3BILL0001"));

    // The link lives 30 s.
    m_f.clock.advance(std::chrono::seconds(31));
    auto expired = exchange(*transport, c.billFile(bill.value()).value());
    QCOMPARE(expired->status, 400);
    WXPAY_VERIFY_ERROR(c.parseBillFile(expired.value(), bill.value()), ErrorKind::Business, u"INVALID_REQUEST"_s);
}

void TestSimServerV3::partnerPaths()
{
    SimMerchant partner = merchant();
    partner.name = u"Sandbox partner"_s;
    partner.subMchid = u"1900000199"_s;
    partner.subAppid = u"wx0000001900000199"_s;
    partner.miniAppid = u"wx0000001900000199"_s;
    WXPAY_VERIFY_OK(m_f.engine->addMerchant(partner));
    const MerchantIds ids { partner.mchid, partner.appid, partner.subMchid, partner.subAppid };
    auto c = codec(ids, partner);
    auto transport = m_f.transport();
    auto request = c.createNative(nativeOrder(u"V3SP000001"_s));
    QVERIFY(request->pathAndQuery.startsWith(u"/v3/pay/partner/transactions/"));
    WXPAY_VERIFY_OK(c.parseCreateNative(exchange(*transport, request.value()).value()));
    WXPAY_VERIFY_OK(m_f.engine->customerPays(ids, u"V3SP000001"_s));
    auto transaction = c.parseQueryOrder(
        exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(u"V3SP000001"_s)).value()).value());
    WXPAY_VERIFY_OK(transaction);
    QCOMPARE(transaction->state, TradeState::Success);
    QCOMPARE(transaction->openid, SimEngine::sandboxOpenid(partner.subAppid));

    RefundRequest refund;
    refund.order = OrderRef::byOutTradeNo(u"V3SP000001"_s);
    refund.outRefundNo = u"V3SPR01"_s;
    refund.refund = Money::fromMinor(88, u"CNY"_s).value();
    refund.total = Money::fromMinor(888, u"CNY"_s).value();
    WXPAY_VERIFY_OK(c.parseRefund(exchange(*transport, c.refund(refund).value()).value()));
    RefundRef ref;
    ref.outRefundNo = u"V3SPR01"_s;
    WXPAY_VERIFY_OK(c.parseQueryRefund(exchange(*transport, c.queryRefund(ref).value()).value()));
}

void TestSimServerV3::globalAndHongKong()
{
    auto transport = m_f.transport();
    for (ApiFamily family : { ApiFamily::Global, ApiFamily::HkV3 }) {
        auto c = globalCodec(family);
        const QString outTradeNo = u"GL"_s + apiFamilyName(family).toUpper() + u"0001"_s;
        auto created = exchange(*transport, c.createNative(nativeOrder(outTradeNo, u"HKD"_s)).value());
        auto order = c.parseCreateNative(created.value());
        WXPAY_VERIFY_OK(order);
        QVERIFY(order->codeUrl.startsWith(u"weixin://wxpay/s/"));
        // Platform certificate mode: the reply names the platform serial.
        QCOMPARE(QString::fromUtf8(created->header("Wechatpay-Serial")), m_f.merchant(family).platformSerial);

        WXPAY_VERIFY_OK(m_f.engine->customerPays(m_f.ids(family), outTradeNo));
        auto transaction
            = c.parseQueryOrder(exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(outTradeNo)).value()).value());
        WXPAY_VERIFY_OK(transaction);
        QCOMPARE(transaction->state, TradeState::Success);
        QCOMPARE(transaction->total.currency(), u"HKD"_s);
        QVERIFY(transaction->payerTotal);
        QCOMPARE(transaction->payerTotal->currency(), u"CNY"_s);
        QVERIFY(transaction->exchangeRate);

        // By WeChat's id too, then refunds listed by order.
        auto byId = c.parseQueryOrder(
            exchange(*transport, c.queryOrder(OrderRef::byTransactionId(transaction->transactionId)).value()).value());
        WXPAY_VERIFY_OK(byId);
        RefundRequest refund;
        refund.order = OrderRef::byOutTradeNo(outTradeNo);
        refund.outRefundNo = outTradeNo + u"R"_s;
        refund.refund = Money::fromMinor(88, u"HKD"_s).value();
        refund.total = Money::fromMinor(888, u"HKD"_s).value();
        WXPAY_VERIFY_OK(c.parseRefund(exchange(*transport, c.refund(refund).value()).value()));
        RefundRef ref;
        ref.order = OrderRef::byOutTradeNo(outTradeNo);
        auto refunds = c.parseQueryRefund(exchange(*transport, c.queryRefund(ref).value()).value());
        WXPAY_VERIFY_OK(refunds);
        QCOMPARE(refunds->size(), 1);
        QCOMPARE(refunds->constFirst().outRefundNo, outTradeNo + u"R"_s);

        // Each family's certificates path.
        const SimMerchant& m = m_f.merchant(family);
        v3::Exchange exchanger(ServerFixture::signer(m), {}, m_f.clock, m_f.nonce);
        auto certificates = v3::parseCertificates(
            exchange(*transport, v3::certificatesRequest(exchanger, family).value()).value(), m.apiV3Key, m_f.clock);
        WXPAY_VERIFY_OK(certificates);
        QCOMPARE(certificates->constFirst().serialNo, m.platformSerial);
    }
}

void TestSimServerV3::otherFamilyIsNoAuth()
{
    // The Global merchant calling the domestic API: authenticated, then refused.
    const SimMerchant& global = m_f.merchant(ApiFamily::Global);
    auto c = codec(m_f.ids(ApiFamily::Global), global);
    auto transport = m_f.transport();
    auto response = exchange(*transport, c.createNative(nativeOrder(u"V3NOAUTH01"_s)).value());
    WXPAY_VERIFY_OK(response);
    QCOMPARE(response->status, 403);
    WXPAY_VERIFY_ERROR(c.parseCreateNative(response.value()), ErrorKind::Business, u"NO_AUTH"_s);
}

QTEST_GUILESS_MAIN(TestSimServerV3)
#include "tst_simserverv3.moc"
