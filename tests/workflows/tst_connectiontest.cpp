// ConnectionTest against the real simulator over HTTPS: the right keys are confirmed for every API family; a wrong
// APIv2 key, a wrong merchant private key, a reply that does not verify, a skewed clock and a server that does not
// listen are each explained in their own words.

#include "crypto/crypto.h"
#include "sim/fault.h"
#include "sim/sandboxclient.h"
#include "support/testsupport.h"
#include "workflows/connectiontest.h"
#include "workflowtest.h"

#include <QSignalSpy>
#include <QTcpServer>

#include <memory>

using namespace wxpay;
using namespace wxpay::workflowtest;
using workflows::ConnectionTest;

Q_DECLARE_METATYPE(wxpay::ApiFamily)
Q_DECLARE_METATYPE(wxpay::Error)

namespace {

// The client side of one profile, built from a (possibly altered) copy of a simulator merchant.
struct Client
{
    QNetworkAccessManager nam;
    std::unique_ptr<gateway::HttpTransport> transport;
    std::unique_ptr<gateway::PaymentGateway> gateway;
};

} // namespace

class TestConnectionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void rightKeysAreConfirmed_data();
    void rightKeysAreConfirmed();
    void wrongApiV2KeyIsASignatureProblem();
    void wrongPrivateKeyIsASignatureProblem_data();
    void wrongPrivateKeyIsASignatureProblem();
    void unverifiableReplyIsExplained_data();
    void unverifiableReplyIsExplained();
    void skewedClockIsExplained();
    void serverNotListeningIsANetworkProblem();
    void refusesASecondStartWhileRunning();
    void explainsErrorsBeforeTheRequest_data();
    void explainsErrorsBeforeTheRequest();

private:
    std::unique_ptr<Client> client(
        const sim::SimMerchant& merchant, ApiFamily family, const Clock& clock, const QUrl& baseUrl = {});
    std::optional<ConnectionTest::Outcome> run(Client& c, const Clock& clock);

    SimWorld m_world;
    RandomNonceSource m_nonces;
};

void TestConnectionTest::initTestCase()
{
    WXPAY_VERIFY_OK(m_world.start(allFamilies()));
}

void TestConnectionTest::init()
{
    m_world.engine.faults().clear();
    m_world.resetCounts();
}

std::unique_ptr<Client> TestConnectionTest::client(
    const sim::SimMerchant& merchant, ApiFamily family, const Clock& clock, const QUrl& baseUrl)
{
    auto config = sim::makeTransportConfig(merchant, m_world.server());
    auto codec = sim::makePaymentCodec(merchant, family, clock, m_nonces);
    if (!config || !codec) {
        qWarning("cannot build the client: %s", qPrintable((config ? codec.error() : config.error()).toString()));
        return nullptr;
    }
    if (!baseUrl.isEmpty())
        config->payBaseUrl = baseUrl;
    auto c = std::make_unique<Client>();
    c->transport = std::make_unique<gateway::HttpTransport>(c->nam, std::move(config).value());
    c->gateway = std::make_unique<gateway::PaymentGateway>(std::move(codec).value(), *c->transport);
    return c;
}

std::optional<ConnectionTest::Outcome> TestConnectionTest::run(Client& c, const Clock& clock)
{
    ConnectionTest test(*c.gateway, clock, m_nonces);
    QSignalSpy finished(&test, &ConnectionTest::finished);
    if (const Status started = test.start(); !started) {
        qWarning("connection test refused: %s", qPrintable(started.error().toString()));
        return std::nullopt;
    }
    if (!test.isRunning() || !test.probeOutTradeNo().startsWith(u"CONNTEST") || test.probeOutTradeNo().size() > 32)
        return std::nullopt;
    if (!finished.wait(kWaitMs))
        return std::nullopt;
    if (test.isRunning())
        return std::nullopt;
    return finished.first().first().value<ConnectionTest::Outcome>();
}

void TestConnectionTest::rightKeysAreConfirmed_data()
{
    QTest::addColumn<ApiFamily>("family");
    for (const ApiFamily family : allFamilies())
        QTest::newRow(qPrintable(apiFamilyName(family))) << family;
}

void TestConnectionTest::rightKeysAreConfirmed()
{
    QFETCH(ApiFamily, family);
    auto c = client(m_world.merchant(family), family, m_world.clock);
    QVERIFY(c);
    const auto outcome = run(*c, m_world.clock);
    QVERIFY(outcome);
    QVERIFY2(outcome->ok, qPrintable(outcome->explanation));
    QVERIFY(!outcome->error);
    QVERIFY(outcome->explanation.isEmpty());
    // It asked WeChat once, and WeChat answered.
    QCOMPARE(m_world.count(QStringLiteral("query")), 1);
    if (family != ApiFamily::V2)
        QVERIFY(!outcome->requestId.isEmpty());
}

void TestConnectionTest::wrongApiV2KeyIsASignatureProblem()
{
    sim::SimMerchant wrong = m_world.merchant(ApiFamily::V2);
    wrong.apiV2Key = QByteArray(32, 'x');
    auto c = client(wrong, ApiFamily::V2, m_world.clock);
    QVERIFY(c);
    const auto outcome = run(*c, m_world.clock);
    QVERIFY(outcome);
    QVERIFY(!outcome->ok);
    QVERIFY(outcome->error);
    QCOMPARE(outcome->error->kind, ErrorKind::Business);
    QCOMPARE(outcome->explanation, workflows::explainConnectionError(*outcome->error));
    QVERIFY2(outcome->explanation.startsWith(u"WeChat Pay refused the request's signature"),
        qPrintable(outcome->explanation));
    QVERIFY(outcome->explanation.contains(u"API key"));
}

void TestConnectionTest::wrongPrivateKeyIsASignatureProblem_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::newRow("v3") << ApiFamily::V3;
    QTest::newRow("global") << ApiFamily::Global;
    QTest::newRow("hk") << ApiFamily::HkV3;
}

void TestConnectionTest::wrongPrivateKeyIsASignatureProblem()
{
    QFETCH(ApiFamily, family);
    auto otherKey = crypto::PrivateKey::generateRsa();
    WXPAY_VERIFY_OK(otherKey);
    sim::SimMerchant wrong = m_world.merchant(family);
    wrong.merchantKey = std::make_shared<const crypto::PrivateKey>(std::move(otherKey).value());
    auto c = client(wrong, family, m_world.clock);
    QVERIFY(c);
    const auto outcome = run(*c, m_world.clock);
    QVERIFY(outcome);
    QVERIFY(!outcome->ok);
    QVERIFY(outcome->error);
    QCOMPARE(outcome->error->kind, ErrorKind::Business);
    QCOMPARE(outcome->error->code, QStringLiteral("SIGN_ERROR"));
    QCOMPARE(outcome->error->httpStatus, 401);
    QVERIFY(!outcome->requestId.isEmpty());
    QVERIFY2(outcome->explanation.startsWith(u"WeChat Pay refused the request's signature"),
        qPrintable(outcome->explanation));
    QVERIFY(outcome->explanation.contains(u"private key"));
}

void TestConnectionTest::unverifiableReplyIsExplained_data()
{
    QTest::addColumn<ApiFamily>("family");
    QTest::newRow("v2") << ApiFamily::V2;
    QTest::newRow("v3") << ApiFamily::V3;
}

void TestConnectionTest::unverifiableReplyIsExplained()
{
    QFETCH(ApiFamily, family);
    m_world.engine.faults().add({ sim::Operation::QueryOrder, 1, { sim::FaultKind::BadSignature, {} } });
    auto c = client(m_world.merchant(family), family, m_world.clock);
    QVERIFY(c);
    const auto outcome = run(*c, m_world.clock);
    QVERIFY(outcome);
    QVERIFY(m_world.engine.faults().isEmpty()); // the fault hit this request
    QVERIFY(!outcome->ok);
    QVERIFY(outcome->error);
    QCOMPARE(outcome->error->kind, ErrorKind::Verification);
    QVERIFY2(outcome->explanation.startsWith(u"WeChat Pay's answer could not be verified"),
        qPrintable(outcome->explanation));
}

void TestConnectionTest::skewedClockIsExplained()
{
    // The till's clock is 10 minutes ahead of WeChat's.
    ManualClock skewed(m_world.clock.now().addSecs(600));
    auto c = client(m_world.merchant(ApiFamily::V3), ApiFamily::V3, skewed);
    QVERIFY(c);
    const auto outcome = run(*c, skewed);
    QVERIFY(outcome);
    QVERIFY(!outcome->ok);
    QVERIFY(outcome->error);
    QVERIFY2(outcome->explanation.contains(u"clock"), qPrintable(outcome->explanation));
}

void TestConnectionTest::serverNotListeningIsANetworkProblem()
{
    // A port that was free a moment ago: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    const QUrl nowhere(QStringLiteral("http://127.0.0.1:%1").arg(port));
    auto c = client(m_world.merchant(ApiFamily::V3), ApiFamily::V3, m_world.clock, nowhere);
    QVERIFY(c);
    const auto outcome = run(*c, m_world.clock);
    QVERIFY(outcome);
    QVERIFY(!outcome->ok);
    QVERIFY(outcome->error);
    QCOMPARE(outcome->error->kind, ErrorKind::Network);
    QVERIFY(outcome->requestId.isEmpty());
    QVERIFY2(outcome->explanation.startsWith(u"WeChat Pay could not be reached"), qPrintable(outcome->explanation));
    QVERIFY(outcome->explanation.contains(u"proxy"));
    QCOMPARE(m_world.count(QStringLiteral("query")), 0);
}

void TestConnectionTest::refusesASecondStartWhileRunning()
{
    auto c = client(m_world.merchant(ApiFamily::V3), ApiFamily::V3, m_world.clock);
    QVERIFY(c);
    ConnectionTest test(*c->gateway, m_world.clock, m_nonces);
    QSignalSpy finished(&test, &ConnectionTest::finished);
    WXPAY_VERIFY_OK(test.start());
    WXPAY_VERIFY_ERROR(test.start(), ErrorKind::Input, QStringLiteral("BUSY"));
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.count(), 1);
    QVERIFY(finished.first().first().value<ConnectionTest::Outcome>().ok);
    QCOMPARE(m_world.count(QStringLiteral("query")), 1);
    // Once finished, it can run again, with a new out_trade_no.
    const QString first = test.probeOutTradeNo();
    WXPAY_VERIFY_OK(test.start());
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(test.probeOutTradeNo() != first);
}

void TestConnectionTest::explainsErrorsBeforeTheRequest_data()
{
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("expected");
    QTest::newRow("secret missing") << Error::credentials(QStringLiteral("SECRET_MISSING"), QStringLiteral("x"))
                                    << QStringLiteral("missing from the system keychain");
    QTest::newRow("keychain locked") << Error::credentials(QStringLiteral("LOCKED_OR_UNAVAILABLE"), QStringLiteral("x"))
                                     << QStringLiteral("locked");
    QTest::newRow("key invalid") << Error::credentials(QStringLiteral("KEY_INVALID"), QStringLiteral("x"))
                                 << QStringLiteral("cannot be used");
    QTest::newRow("no verification key") << Error::credentials(QStringLiteral("NO_VERIFICATION_KEY"),
        QStringLiteral("x")) << QStringLiteral("public key ID");
    QTest::newRow("serial missing") << Error::input(QStringLiteral("SERIAL_MISSING"), QStringLiteral("x"))
                                    << QStringLiteral("certificate serial is missing");
    QTest::newRow("insecure url") << Error::input(QStringLiteral("URL_INSECURE"), QStringLiteral("x"))
                                  << QStringLiteral("https://");
    QTest::newRow("wrong apiv3 key") << Error::protocol(QStringLiteral("AEAD_TAG_MISMATCH"), QStringLiteral("x"))
                                     << QStringLiteral("APIv3 key");
    QTest::newRow("tls") << Error::network(QStringLiteral("TLS_FAILED"), QStringLiteral("x"))
                         << QStringLiteral("secure connection");
    QTest::newRow("timestamp refused") << Error::business(QStringLiteral("SIGN_ERROR"),
        QStringLiteral("Http头Authorization中的timestamp与发起请求的时间不得超过5分钟"), {}, 401)
                                       << QStringLiteral("clock is wrong");
    QTest::newRow("unknown mchid") << Error::business(QStringLiteral("MCH_NOT_EXISTS"), QStringLiteral("x"), {}, 400)
                                   << QStringLiteral("merchant ID");
    QTest::newRow("v2 signerror") << Error::business(QStringLiteral("RETURN_CODE_FAIL"), QString::fromUtf8("签名错误"))
                                  << QStringLiteral("signature");
    QTest::newRow("bad gateway") << Error::http(502, QStringLiteral("x")) << QStringLiteral("HTTP 502");
    QTest::newRow("not wechat") << Error::http(404, QStringLiteral("x")) << QStringLiteral("API address");
}

void TestConnectionTest::explainsErrorsBeforeTheRequest()
{
    QFETCH(Error, error);
    QFETCH(QString, expected);
    const QString explanation = workflows::explainConnectionError(error);
    QVERIFY2(explanation.contains(expected), qPrintable(explanation));
}

QTEST_GUILESS_MAIN(TestConnectionTest)
#include "tst_connectiontest.moc"
