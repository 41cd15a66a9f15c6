#include "protocol/miniprogram/miniprogram.h"
#include "protocol/v2/v2codec.h"
#include "protocol/v3/v3codec.h"
#include "sim/frontfiles.h"
#include "tst_simserverutil.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace wxpay;
using namespace wxpay::sim;
using namespace wxpay::sim::test;
using namespace Qt::Literals::StringLiterals;
namespace v3 = wxpay::protocol::v3;

// wxpay-sim's faults as a client sees them over HTTP, the sandbox controls, the request log and listening rules.
class TestSimServerFaults : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_f;
    QList<QJsonObject> m_entries; // requestHandled

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

    static NativeOrderRequest nativeOrder(const QString& outTradeNo)
    {
        NativeOrderRequest request;
        request.outTradeNo = outTradeNo;
        request.description = u"Sandbox 测试商品"_s;
        request.amount = Money::fromMinor(1234, u"CNY"_s).value();
        return request;
    }

    bool inLedger(const QString& outTradeNo) const
    {
        const QList<LedgerEntry> ledger = m_f.engine->ledger();
        return std::any_of(
            ledger.cbegin(), ledger.cend(), [&](const LedgerEntry& e) { return e.outTradeNo == outTradeNo; });
    }

    void addFault(const QString& rule)
    {
        auto parsed = FaultRule::parse(rule);
        QVERIFY2(parsed.ok(), qPrintable(rule));
        m_f.engine->faults().add(parsed.value());
    }

    // POST to a sandbox control; the status and the JSON answer.
    std::pair<int, QJsonObject> control(const QString& path, const QJsonObject& body)
    {
        QUrl url = m_f.server->baseUrl();
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply* reply = m_f.nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(10000))
            return { -1, {} };
        reply->deleteLater();
        return { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object() };
    }

private Q_SLOTS:
    void initTestCase();
    void init();
    void v3Faults_data();
    void v3Faults();
    void v2Faults_data();
    void v2Faults();
    void appliedFaultsChangeTheState();
    void miniProgram();
    void sandboxControlPaysNativeOrder();
    void clockAdvanceNeedsManualClock();
    void listenRules();
    void requestLogHasNoSecrets();
    void merchantsFileReadsPemFiles();
    void clientProfileLeavesOutServerKeys();
};

void TestSimServerFaults::initTestCase()
{
    QVERIFY(m_f.start());
    connect(m_f.server.get(), &SimServer::requestHandled, this, [this](const QJsonObject& e) { m_entries.append(e); });
    auto c = v3Codec();
    auto transport = m_f.transport();
    WXPAY_VERIFY_OK(
        c.parseCreateNative(exchange(*transport, c.createNative(nativeOrder(u"FAULT00001"_s)).value()).value()));
    auto v2 = v2Codec();
    WXPAY_VERIFY_OK(
        v2.parseCreateNative(exchange(*transport, v2.createNative(nativeOrder(u"FAULTV2001"_s)).value()).value()));
}

void TestSimServerFaults::init()
{
    m_f.engine->faults().clear();
    m_entries.clear();
}

void TestSimServerFaults::v3Faults_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<ErrorKind>("kind"); // ErrorKind::Cancelled: no error expected
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("status"); // in the log; 0 = nothing answered
    QTest::newRow("delay") << u"delay=400"_s << ErrorKind::Cancelled << QString() << 200;
    QTest::newRow("timeout") << u"timeout"_s << ErrorKind::Network << u"TIMEOUT"_s << 0;
    QTest::newRow("drop") << u"drop"_s << ErrorKind::Network << QString() << 0;
    QTest::newRow("http500") << u"http500"_s << ErrorKind::Business << u"SYSTEM_ERROR"_s << 500;
    QTest::newRow("http503") << u"http503"_s << ErrorKind::Http << QString() << 503;
    QTest::newRow("http429") << u"http429"_s << ErrorKind::Business << u"FREQUENCY_LIMITED"_s << 429;
    QTest::newRow("busy") << u"busy"_s << ErrorKind::Business << u"SYSTEM_ERROR"_s << 500;
    QTest::newRow("malformed") << u"malformed"_s << ErrorKind::Protocol << u"JSON_MALFORMED"_s << 200;
    QTest::newRow("oversized") << u"oversized"_s << ErrorKind::Protocol << u"BODY_TOO_LARGE"_s << 200;
    QTest::newRow("nosign") << u"nosign"_s << ErrorKind::Verification << u"HEADERS_MISSING"_s << 200;
    QTest::newRow("badsign") << u"badsign"_s << ErrorKind::Verification << u"SIGNATURE_INVALID"_s << 200;
    QTest::newRow("stale") << u"stale"_s << ErrorKind::Verification << u"TIMESTAMP_STALE"_s << 200;
    QTest::newRow("unknownserial") << u"unknownserial"_s << ErrorKind::Verification << u"SERIAL_UNKNOWN"_s << 200;
    QTest::newRow("signtest") << u"signtest"_s << ErrorKind::Verification << u"SIGNATURE_PROBE"_s << 200;
    // v2-only faults leave a v3 reply as it is.
    QTest::newRow("dtd on v3") << u"dtd"_s << ErrorKind::Cancelled << QString() << 200;
    // Hostile but documented: a reset, a proxy's HTML, business errors signed as any reply, an unsigned error.
    QTest::newRow("reset") << u"reset"_s << ErrorKind::Network << QString() << 0;
    QTest::newRow("proxy403") << u"proxy403"_s << ErrorKind::Http << QString() << 403;
    QTest::newRow("proxy502") << u"proxy502"_s << ErrorKind::Http << QString() << 502;
    QTest::newRow("proxy502after") << u"proxy502after"_s << ErrorKind::Http << QString() << 502;
    QTest::newRow("business v2 spelling")
        << u"business=ORDERNOTEXIST"_s << ErrorKind::Business << u"ORDER_NOT_EXIST"_s << 404;
    QTest::newRow("business NOT_ENOUGH") << u"business=NOT_ENOUGH"_s << ErrorKind::Business << u"NOT_ENOUGH"_s << 403;
    QTest::newRow("business FREQUENCY_LIMITED")
        << u"business=FREQUENCY_LIMITED"_s << ErrorKind::Business << u"FREQUENCY_LIMITED"_s << 429;
    QTest::newRow("business SYSTEMERROR")
        << u"business=SYSTEMERROR"_s << ErrorKind::Business << u"SYSTEM_ERROR"_s << 500;
    QTest::newRow("business PARAM_ERROR")
        << u"business=PARAM_ERROR"_s << ErrorKind::Business << u"PARAM_ERROR"_s << 400;
    QTest::newRow("unsignederror") << u"unsignederror"_s << ErrorKind::Verification << QString() << 403;
}

void TestSimServerFaults::v3Faults()
{
    QFETCH(QString, rule);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, code);
    QFETCH(int, status);
    addFault(u"query:"_s + rule);
    auto c = v3Codec();
    auto transport = m_f.transport(nullptr, std::chrono::milliseconds(1500));
    QElapsedTimer timer;
    timer.start();
    auto response = exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(u"FAULT00001"_s)).value());
    Result<Transaction> result = response ? c.parseQueryOrder(response.value()) : Result<Transaction>(response.error());
    if (kind == ErrorKind::Cancelled) {
        WXPAY_VERIFY_OK(result);
        QCOMPARE(result->outTradeNo, u"FAULT00001"_s);
    } else {
        WXPAY_VERIFY_ERROR(result, kind, code);
    }
    if (rule.startsWith(u"delay"))
        QVERIFY(timer.elapsed() >= 400);
    if (rule == u"http503")
        QCOMPARE(result.error().httpStatus, 503);
    if (rule == u"reset")
        QVERIFY2(timer.elapsed() < 1000, "a reset must not cost the client its transport timeout");
    if (rule.startsWith(u"proxy") || rule.startsWith(u"business") || rule == u"unsignederror")
        QCOMPARE(result.error().httpStatus, status);

    if (rule == u"reset") {
        // The transport's silent re-sends of the same bytes were reset too, and logged as such.
        QTRY_VERIFY(!m_entries.isEmpty());
        for (qsizetype i = 1; i < m_entries.size(); ++i)
            QCOMPARE(m_entries.at(i).value(u"code"_s).toString(), u"RESEND"_s);
    } else {
        QTRY_COMPARE(m_entries.size(), 1);
    }
    const QJsonObject entry = m_entries.constFirst();
    QCOMPARE(entry.value(u"fault"_s).toString(), rule);
    QCOMPARE(entry.value(u"status"_s).toInt(), status);
    QCOMPARE(entry.value(u"operation"_s).toString(), u"query"_s);
    QVERIFY(m_f.engine->faults().isEmpty()); // one use
}

void TestSimServerFaults::v2Faults_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("wrongv2sign") << u"wrongv2sign"_s << ErrorKind::Verification << u"SIGN_MISMATCH"_s;
    QTest::newRow("badsign") << u"badsign"_s << ErrorKind::Verification << u"SIGN_MISMATCH"_s;
    QTest::newRow("nosign") << u"nosign"_s << ErrorKind::Verification << u"SIGN_MISSING"_s;
    QTest::newRow("dtd") << u"dtd"_s << ErrorKind::Protocol << u"XML_DTD_FORBIDDEN"_s;
    QTest::newRow("malformed") << u"malformed"_s << ErrorKind::Protocol << u"XML_MALFORMED"_s;
    QTest::newRow("oversized") << u"oversized"_s << ErrorKind::Protocol << u"BODY_TOO_LARGE"_s;
    QTest::newRow("busy") << u"busy"_s << ErrorKind::Business << u"SYSTEMERROR"_s;
    QTest::newRow("http500") << u"http500"_s << ErrorKind::Http << QString();
    QTest::newRow("http429") << u"http429"_s << ErrorKind::Http << QString();
    // v3-only faults leave a v2 reply as it is.
    QTest::newRow("stale on v2") << u"stale"_s << ErrorKind::Cancelled << QString();
    QTest::newRow("reset") << u"reset"_s << ErrorKind::Network << QString();
    QTest::newRow("proxy403") << u"proxy403"_s << ErrorKind::Http << QString();
    QTest::newRow("proxy502") << u"proxy502"_s << ErrorKind::Http << QString();
    QTest::newRow("proxy502after") << u"proxy502after"_s << ErrorKind::Http << QString();
    QTest::newRow("business v3 spelling") << u"business=ORDER_NOT_EXIST"_s << ErrorKind::Business << u"ORDERNOTEXIST"_s;
    QTest::newRow("business NOTENOUGH") << u"business=NOTENOUGH"_s << ErrorKind::Business << u"NOTENOUGH"_s;
    QTest::newRow("unsignederror") << u"unsignederror"_s << ErrorKind::Verification << u"SIGN_MISSING"_s;
}

void TestSimServerFaults::v2Faults()
{
    QFETCH(QString, rule);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, code);
    addFault(u"query:"_s + rule);
    auto c = v2Codec();
    auto transport = m_f.transport();
    auto response = exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(u"FAULTV2001"_s)).value());
    Result<Transaction> result = response ? c.parseQueryOrder(response.value()) : Result<Transaction>(response.error());
    if (kind == ErrorKind::Cancelled)
        WXPAY_VERIFY_OK(result);
    else
        WXPAY_VERIFY_ERROR(result, kind, code);
    QTRY_COMPARE(m_entries.size(), 1);
    QCOMPARE(m_entries.constFirst().value(u"fault"_s).toString(), rule);
}

void TestSimServerFaults::appliedFaultsChangeTheState()
{
    auto c = v3Codec();
    auto transport = m_f.transport();
    // drop: the order is created, the client never hears of it.
    addFault(u"native:drop"_s);
    auto dropped = exchange(*transport, c.createNative(nativeOrder(u"FAULTDROP1"_s)).value());
    WXPAY_VERIFY_ERROR(dropped, ErrorKind::Network, QString());
    QVERIFY(inLedger(u"FAULTDROP1"_s));
    // http500: nothing happened.
    addFault(u"native:http500"_s);
    auto failed = exchange(*transport, c.createNative(nativeOrder(u"FAULT50001"_s)).value());
    WXPAY_VERIFY_OK(failed);
    QCOMPARE(failed->status, 500);
    QVERIFY(!inLedger(u"FAULT50001"_s));
    // A rule for two requests of any operation.
    addFault(u"http503@2"_s);
    QCOMPARE(exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(u"FAULTDROP1"_s)).value())->status, 503);
    QCOMPARE(exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(u"FAULTDROP1"_s)).value())->status, 503);
    QCOMPARE(exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(u"FAULTDROP1"_s)).value())->status, 200);

    // proxy502after: WeChat created the order, the gateway lost its reply.
    addFault(u"native:proxy502after"_s);
    auto lost = exchange(*transport, c.createNative(nativeOrder(u"FAULTPROXY1"_s)).value());
    WXPAY_VERIFY_OK(lost);
    QCOMPARE(lost->status, 502);
    QVERIFY(lost->header("Content-Type").startsWith("text/html"));
    QVERIFY(lost->header("Wechatpay-Signature").isEmpty());
    QVERIFY(inLedger(u"FAULTPROXY1"_s));
    // reset, proxy403, proxy502, business and unsignederror: nothing happened.
    const QStringList unapplied { u"reset"_s, u"proxy403"_s, u"proxy502"_s, u"business=SYSTEMERROR"_s,
        u"unsignederror"_s };
    for (qsizetype i = 0; i < unapplied.size(); ++i) {
        const QString no = u"FAULTNONE"_s + QString::number(i);
        addFault(u"native:"_s + unapplied.at(i));
        auto refused = exchange(*transport, c.createNative(nativeOrder(no)).value());
        QVERIFY2(!refused.ok() || refused->status >= 400, qPrintable(unapplied.at(i)));
        QVERIFY2(!inLedger(no), qPrintable(unapplied.at(i)));
    }
    QVERIFY(m_f.engine->faults().isEmpty());
}

void TestSimServerFaults::miniProgram()
{
    const SimMerchant& m = m_f.merchant(ApiFamily::V3);
    protocol::miniprogram::MiniProgramCodec mini(m.miniAppid, m_f.clock);
    auto transport = m_f.transport();
    auto token = mini.parseToken(exchange(*transport, mini.stableToken(m.miniAppSecret.toUtf8())).value());
    WXPAY_VERIFY_OK(token);
    QVERIFY(!token->token.isEmpty());
    WXPAY_VERIFY_ERROR(
        mini.parseToken(exchange(*transport, mini.token("wrong-secret")).value()), ErrorKind::Business, u"40001"_s);

    auto c = v3Codec();
    WXPAY_VERIFY_OK(
        c.parseCreateNative(exchange(*transport, c.createNative(nativeOrder(u"FAULTMINI1"_s)).value()).value()));
    auto paid = m_f.engine->customerPays(m_f.ids(ApiFamily::V3), u"FAULTMINI1"_s);
    WXPAY_VERIFY_OK(paid);
    PaidUnionIdQuery query;
    query.openid = paid->openid;
    query.transactionId = paid->transactionId;
    auto unionid = mini.parsePaidUnionId(exchange(*transport, mini.paidUnionId(token->token, query).value()).value());
    WXPAY_VERIFY_OK(unionid);
    QCOMPARE(unionid.value(), SimEngine::unionIdFor(paid->openid));

    addFault(u"getpaidunionid:busy"_s);
    WXPAY_VERIFY_ERROR(
        mini.parsePaidUnionId(exchange(*transport, mini.paidUnionId(token->token, query).value()).value()),
        ErrorKind::Business, u"-1"_s);
}

void TestSimServerFaults::sandboxControlPaysNativeOrder()
{
    auto c = v3Codec();
    auto transport = m_f.transport();
    WXPAY_VERIFY_OK(
        c.parseCreateNative(exchange(*transport, c.createNative(nativeOrder(u"FAULTSCAN1"_s)).value()).value()));
    const QString mchid = m_f.merchant(ApiFamily::V3).mchid;
    auto [status, answer]
        = control(u"/sandbox/pay"_s, { { u"mchid"_s, mchid }, { u"out_trade_no"_s, u"FAULTSCAN1"_s } });
    QCOMPARE(status, 200);
    QCOMPARE(answer.value(u"trade_state"_s).toString(), u"SUCCESS"_s);
    auto transaction = c.parseQueryOrder(
        exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(u"FAULTSCAN1"_s)).value()).value());
    WXPAY_VERIFY_OK(transaction);
    QCOMPARE(transaction->state, TradeState::Success);
    QCOMPARE(transaction->transactionId, answer.value(u"transaction_id"_s).toString());

    auto [again, paidTwice]
        = control(u"/sandbox/pay"_s, { { u"mchid"_s, mchid }, { u"out_trade_no"_s, u"FAULTSCAN1"_s } });
    QCOMPARE(again, 400);
    QCOMPARE(paidTwice.value(u"code"_s).toString(), u"ORDERPAID"_s);
    auto [missing, none]
        = control(u"/sandbox/pay"_s, { { u"mchid"_s, mchid }, { u"out_trade_no"_s, u"NOSUCHORDER"_s } });
    QCOMPARE(missing, 404);

    // Faults over HTTP.
    auto [added, rules] = control(u"/sandbox/faults"_s, { { u"rule"_s, u"query:http429"_s } });
    QCOMPARE(added, 200);
    QCOMPARE(rules.value(u"rules"_s).toArray().size(), 1);
    QCOMPARE(exchange(*transport, c.queryOrder(OrderRef::byOutTradeNo(u"FAULTSCAN1"_s)).value())->status, 429);
    auto [bad, refused] = control(u"/sandbox/faults"_s, { { u"rule"_s, u"query:explode"_s } });
    QCOMPARE(bad, 400);
    QCOMPARE(refused.value(u"code"_s).toString(), u"FAULT_RULE_INVALID"_s);

    // The manual clock.
    const QDateTime before = m_f.clock.now();
    auto [advanced, now] = control(u"/sandbox/clock/advance"_s, { { u"seconds"_s, 90 } });
    QCOMPARE(advanced, 200);
    QCOMPARE(before.secsTo(m_f.clock.now()), 90);
    QCOMPARE(v3::parseWireTime(now.value(u"now"_s).toString()), m_f.clock.now());
}

void TestSimServerFaults::clockAdvanceNeedsManualClock()
{
    m_f.server->setManualClock(nullptr);
    const QDateTime before = m_f.clock.now();
    auto [status, answer] = control(u"/sandbox/clock/advance"_s, { { u"seconds"_s, 60 } });
    m_f.server->setManualClock(&m_f.clock);
    QCOMPARE(status, 404);
    QCOMPARE(answer.value(u"code"_s).toString(), u"NO_MANUAL_CLOCK"_s);
    QCOMPARE(m_f.clock.now(), before);
}

void TestSimServerFaults::listenRules()
{
    SimServer other(*m_f.engine);
    ListenOptions options;
    options.address = QHostAddress::Any;
    WXPAY_VERIFY_ERROR(other.listen(options), ErrorKind::Input, u"SIM_LISTEN_REFUSED"_s);
    options.address = QHostAddress(u"192.0.2.1"_s); // TEST-NET-1: never this machine's
    WXPAY_VERIFY_ERROR(other.listen(options), ErrorKind::Input, u"SIM_LISTEN_REFUSED"_s);
    QVERIFY(!other.isListening());
    // Allowed, the address is tried (and cannot be bound here).
    options.allowNonLoopback = true;
    WXPAY_VERIFY_ERROR(other.listen(options), ErrorKind::Network, u"SIM_LISTEN_FAILED"_s);

    // A port in use.
    options = {};
    options.port = m_f.server->port();
    WXPAY_VERIFY_ERROR(other.listen(options), ErrorKind::Network, u"SIM_LISTEN_FAILED"_s);

    // HTTPS needs the authority.
    SimEngine bare(m_f.clock, m_f.nonce);
    SimServer plain(bare);
    options = {};
    options.tls = true;
    WXPAY_VERIFY_ERROR(plain.listen(options), ErrorKind::Input, u"SIM_NO_AUTHORITY"_s);
    options.tls = false;
    WXPAY_VERIFY_OK(plain.listen(options));
    QVERIFY(plain.isListening());
    QCOMPARE(plain.baseUrl().scheme(), u"http"_s);
    plain.close();
    QVERIFY(!plain.isListening());
}

void TestSimServerFaults::requestLogHasNoSecrets()
{
    QBuffer log;
    log.open(QIODevice::WriteOnly);
    m_f.server->setRequestLog(&log);
    auto transport = m_f.transport();

    auto v2 = v2Codec();
    auto v2Request = v2.createNative(nativeOrder(u"FAULTLOG01"_s)).value();
    auto v2Reply = exchange(*transport, v2Request).value();
    auto v3c = v3Codec();
    auto v3Request = v3c.createNative(nativeOrder(u"FAULTLOG02"_s)).value();
    auto v3Reply = exchange(*transport, v3Request).value();
    const SimMerchant& m = m_f.merchant(ApiFamily::V3);
    protocol::miniprogram::MiniProgramCodec mini(m.miniAppid, m_f.clock);
    auto token = mini.parseToken(exchange(*transport, mini.token(m.miniAppSecret.toUtf8())).value());
    WXPAY_VERIFY_OK(token);
    PaidUnionIdQuery query;
    query.openid = u"o-not-a-payer"_s;
    query.transactionId = u"4200000000000000000000000000"_s;
    exchange(*transport, mini.paidUnionId(token->token, query).value()).value();
    m_f.server->setRequestLog(nullptr);

    const QList<QByteArray> lines = log.data().split('\n');
    QCOMPARE(lines.size(), 5); // four requests, then the empty rest after the last newline
    for (qsizetype i = 0; i < 4; ++i) {
        const QJsonObject entry = QJsonDocument::fromJson(lines.at(i)).object();
        QVERIFY(!entry.value(u"request_id"_s).toString().isEmpty());
        QCOMPARE(entry.value(u"status"_s).toInt(), 200);
        QVERIFY(entry.contains(u"path"_s) && entry.contains(u"method"_s) && entry.contains(u"time"_s));
    }
    QCOMPARE(
        QJsonDocument::fromJson(lines.at(0)).object().value(u"mchid"_s).toString(), m_f.merchant(ApiFamily::V2).mchid);
    QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(u"operation"_s).toString(), u"native"_s);
    QCOMPARE(QJsonDocument::fromJson(lines.at(2)).object().value(u"path"_s).toString(), u"/cgi-bin/token"_s);

    const QByteArray text = log.data();
    const QByteArray v2Sign = protocol::v2::parseXml(v2Request.body).value().value(u"sign"_s).toUtf8();
    const QByteArray v3Signature = v3::parseAuthorization(v3Request.header("Authorization")).value().signature;
    const QList<QByteArray> secrets { m_f.merchant(ApiFamily::V2).apiV2Key, m.apiV3Key, m.miniAppSecret.toUtf8(),
        token->token.toUtf8(), v2Sign, v3Signature, v3Reply.header("Wechatpay-Signature"), u"测试商品"_s.toUtf8(),
        "weixin://", "secret=", "access_token" };
    for (const QByteArray& secret : secrets)
        QVERIFY2(!text.contains(secret), secret.constData());
}

void TestSimServerFaults::merchantsFileReadsPemFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const SimMerchant& m = m_f.merchant(ApiFamily::V2);
    const auto write = [&](const QString& name, const QByteArray& content) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    write(u"ca.pem"_s, m_f.sandbox.authority->certificate.toPem());
    write(u"ca.key"_s, m_f.sandbox.authority->key->toPem());
    QVERIFY(QDir(dir.path()).mkdir(u"certs"_s));
    write(u"certs/apiclient_cert.pem"_s, m.merchantCertificate.toPem());
    write(u"certs/apiclient_key.pem"_s, m.merchantKey->toPem());
    QJsonObject merchant = m.toJson();
    merchant.remove(u"merchant_certificate"_s);
    merchant.remove(u"merchant_key"_s);
    merchant.remove(u"merchant_certificate_serial"_s);
    merchant.insert(u"merchant_certificate_file"_s, u"certs/apiclient_cert.pem"_s);
    merchant.insert(u"merchant_key_file"_s, u"certs/apiclient_key.pem"_s);
    QJsonObject json { { u"authority"_s,
                           QJsonObject { { u"certificate_file"_s, u"ca.pem"_s }, { u"key_file"_s, u"ca.key"_s } } },
        { u"merchants"_s, QJsonArray { merchant } } };
    write(u"merchants.json"_s, QJsonDocument(json).toJson());

    auto set = readMerchantsFile(dir.filePath(u"merchants.json"_s));
    WXPAY_VERIFY_OK(set);
    QVERIFY(set->authority);
    QCOMPARE(set->authority->certificate.toDer(), m_f.sandbox.authority->certificate.toDer());
    QCOMPARE(set->merchants.size(), 1);
    QCOMPARE(set->merchants.constFirst().merchantCertificate.toDer(), m.merchantCertificate.toDer());
    QCOMPARE(set->merchants.constFirst().merchantCertificateSerial, m.merchantCertificateSerial);
    QVERIFY(set->merchants.constFirst().merchantCertificate.matches(*set->merchants.constFirst().merchantKey));

    // A field given twice, and a file that is not there.
    merchant.insert(u"merchant_key"_s, QString::fromLatin1(m.merchantKey->toPem()));
    json.insert(u"merchants"_s, QJsonArray { merchant });
    write(u"twice.json"_s, QJsonDocument(json).toJson());
    WXPAY_VERIFY_ERROR(readMerchantsFile(dir.filePath(u"twice.json"_s)), ErrorKind::Input, u"SIM_MERCHANT_FILE"_s);
    json.insert(u"authority"_s, QJsonObject { { u"certificate_file"_s, u"missing.pem"_s } });
    write(u"missing.json"_s, QJsonDocument(json).toJson());
    WXPAY_VERIFY_ERROR(readMerchantsFile(dir.filePath(u"missing.json"_s)), ErrorKind::Input, u"SIM_MERCHANT_FILE"_s);
}

void TestSimServerFaults::clientProfileLeavesOutServerKeys()
{
    const QJsonObject profile
        = clientProfile(m_f.server->baseUrl(), m_f.server->caCertificate(), m_f.engine->merchants());
    QCOMPARE(profile.value(u"base_url"_s).toString(), m_f.server->baseUrl().toString());
    QVERIFY(profile.value(u"ca_certificate"_s).toString().startsWith(u"-----BEGIN CERTIFICATE-----"));
    const QJsonArray merchants = profile.value(u"merchants"_s).toArray();
    QCOMPARE(merchants.size(), m_f.engine->merchants().size());
    for (const QJsonValue& value : merchants) {
        const QJsonObject merchant = value.toObject();
        QVERIFY(!merchant.value(u"merchant_key"_s).toString().isEmpty()); // the client signs with it
        QVERIFY(!merchant.contains(u"platform_key"_s)); // only the server signs replies
        QVERIFY(!merchant.contains(u"public_key_id_key"_s));
    }
}

QTEST_GUILESS_MAIN(TestSimServerFaults)
#include "tst_simserverfaults.moc"
