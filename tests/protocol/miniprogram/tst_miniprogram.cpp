#include "protocol/miniprogram/miniprogram.h"
#include "support/testsupport.h"

#include <QTest>

using namespace wxpay;
using namespace wxpay::protocol;
using namespace wxpay::protocol::miniprogram;

namespace {
WireResponse reply(QByteArray body, int status = 200)
{
    return WireResponse { status, { { "Content-Type", "application/json" } }, std::move(body) };
}
} // namespace

class TestMiniProgram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenRequestIsByteExact()
    {
        ManualClock clock(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
        const MiniProgramCodec codec(QStringLiteral("wx1234567890abcdef"), clock);
        QCOMPARE(codec.token("s3cr+t/").toText(),
            QByteArray("GET /cgi-bin/token?grant_type=client_credential&appid=wx1234567890abcdef&secret=s3cr%2Bt%2F\n"
                       "Accept: application/json\n\n"));
        const WireRequest stable = codec.stableToken("secret", true);
        QCOMPARE(stable.endpoint, Endpoint::MiniProgram);
        QCOMPARE(stable.toText(),
            QByteArray(
                "POST /cgi-bin/stable_token\nAccept: application/json\nContent-Type: application/json\n\n"
                R"({"appid":"wx1234567890abcdef","force_refresh":true,"grant_type":"client_credential","secret":"secret"})"));
    }

    void paidUnionIdRequestIsByteExact()
    {
        ManualClock clock(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
        const MiniProgramCodec codec(QStringLiteral("wx1234567890abcdef"), clock);
        const auto byId = codec.paidUnionId(QStringLiteral("TOKEN"),
            { QStringLiteral("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"), QStringLiteral("4200000263201902167700134902"), {}, {} });
        WXPAY_VERIFY_OK(byId);
        QCOMPARE(byId->toText(),
            QByteArray("GET /wxa/getpaidunionid?access_token=TOKEN&openid=oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"
                       "&transaction_id=4200000263201902167700134902\nAccept: application/json\n\n"));
        const auto byOutTradeNo = codec.paidUnionId(
            QStringLiteral("TOKEN"), { QStringLiteral("o1"), {}, QStringLiteral("1900009191"), QStringLiteral("A-1") });
        WXPAY_VERIFY_OK(byOutTradeNo);
        QCOMPARE(byOutTradeNo->pathAndQuery,
            QStringLiteral("/wxa/getpaidunionid?access_token=TOKEN&openid=o1&mch_id=1900009191&out_trade_no=A-1"));
    }

    void paidUnionIdRefusesIncompleteQueries_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("openid");
        QTest::addColumn<QString>("transactionId");
        QTest::addColumn<QString>("mchId");
        QTest::addColumn<QString>("outTradeNo");
        QTest::addColumn<QString>("code");
        QTest::newRow("no token") << ""
                                  << "o1"
                                  << "42"
                                  << ""
                                  << ""
                                  << "ACCESS_TOKEN_MISSING";
        QTest::newRow("no openid") << "T"
                                   << ""
                                   << "42"
                                   << ""
                                   << ""
                                   << "OPENID_MISSING";
        QTest::newRow("no order") << "T"
                                  << "o1"
                                  << ""
                                  << ""
                                  << ""
                                  << "ORDER_MISSING";
        QTest::newRow("mch_id without out_trade_no") << "T"
                                                     << "o1"
                                                     << ""
                                                     << "1900009191"
                                                     << ""
                                                     << "ORDER_MISSING";
    }

    void paidUnionIdRefusesIncompleteQueries()
    {
        QFETCH(QString, token);
        QFETCH(QString, openid);
        QFETCH(QString, transactionId);
        QFETCH(QString, mchId);
        QFETCH(QString, outTradeNo);
        QFETCH(QString, code);
        ManualClock clock(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
        const MiniProgramCodec codec(QStringLiteral("wx1"), clock);
        WXPAY_VERIFY_ERROR(
            codec.paidUnionId(token, { openid, transactionId, mchId, outTradeNo }), ErrorKind::Input, code);
    }

    void parsesToken()
    {
        ManualClock clock(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
        const MiniProgramCodec codec(QStringLiteral("wx1"), clock);
        const auto token = codec.parseToken(reply(R"({"access_token":"ACCESS_TOKEN","expires_in":7200})"));
        WXPAY_VERIFY_OK(token);
        QCOMPARE(token->token, QStringLiteral("ACCESS_TOKEN"));
        QCOMPARE(token->expiresAt, QDateTime::fromSecsSinceEpoch(1700000000 + 7200, Qt::UTC));
    }

    void mapsErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("staleToken");
        const int business = int(ErrorKind::Business);
        QTest::newRow("system busy") << QByteArray(R"({"errcode":-1,"errmsg":"system error"})") << 200 << business
                                     << "-1" << false;
        QTest::newRow("bad openid") << QByteArray(R"({"errcode":40003,"errmsg":"invalid openid"})") << 200 << business
                                    << "40003" << false;
        QTest::newRow("no binding") << QByteArray(R"({"errcode":89002,"errmsg":"open not exists"})") << 200 << business
                                    << "89002" << false;
        QTest::newRow("invalid trade") << QByteArray(R"({"errcode":89300,"errmsg":"invalid trade rid: 1"})") << 200
                                       << business << "89300" << false;
        QTest::newRow("expired token") << QByteArray(R"({"errcode":42001,"errmsg":"access_token expired"})") << 200
                                       << business << "42001" << true;
        QTest::newRow("invalid credential")
            << QByteArray(R"({"errcode":40001,"errmsg":"invalid credential"})") << 200 << business << "40001" << true;
        QTest::newRow("malformed") << QByteArray("{not json") << 200 << int(ErrorKind::Protocol) << "JSON_MALFORMED"
                                   << false;
        QTest::newRow("no unionid") << QByteArray(R"({"errcode":0,"errmsg":"ok"})") << 200 << int(ErrorKind::Protocol)
                                    << "UNIONID_MISSING" << false;
        QTest::newRow("http 502") << QByteArray("bad gateway") << 502 << int(ErrorKind::Http) << "HTTP_502" << false;
    }

    void mapsErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(int, kind);
        QFETCH(QString, code);
        QFETCH(bool, staleToken);
        ManualClock clock(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
        const MiniProgramCodec codec(QStringLiteral("wx1"), clock);
        const auto result = codec.parsePaidUnionId(reply(body, status));
        WXPAY_VERIFY_ERROR(result, ErrorKind(kind), code);
        QCOMPARE(isStaleTokenError(result.error()), staleToken);
    }

    void parsesUnionId()
    {
        ManualClock clock(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
        const MiniProgramCodec codec(QStringLiteral("wx1"), clock);
        const auto unionid
            = codec.parsePaidUnionId(reply(R"({"unionid":"oTmHYjg-tElZ68xxxxxxxxhy1Rgk","errcode":0,"errmsg":"ok"})"));
        WXPAY_VERIFY_OK(unionid);
        QCOMPARE(unionid.value(), QStringLiteral("oTmHYjg-tElZ68xxxxxxxxhy1Rgk"));
    }
};

QTEST_GUILESS_MAIN(TestMiniProgram)
#include "tst_miniprogram.moc"
