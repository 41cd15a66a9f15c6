#include "crypto/crypto.h"
#include "support/testsupport.h"

#include <QSet>
#include <QTest>

using namespace wxpay;

class TestHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void v2Signatures_data();
    void v2Signatures();
    void hmacWithoutKeySuffixIsNotTheOfficialValue();
    void digests_data();
    void digests();
    void constantTimeEquals_data();
    void constantTimeEquals();
    void randomBytes();
};

// KAT-V2-1 and KAT-V2-4 (protocol.md §7): APIv2 sign = hex-upper(MD5 or HMAC-SHA256 of stringA + "&key=" + key).
void TestHash::v2Signatures_data()
{
    QTest::addColumn<QByteArray>("stringA");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("md5");
    QTest::addColumn<QByteArray>("hmacSha256");

    QTest::newRow("KAT-V2-1") << QByteArray(
        "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA")
                              << QByteArray("192006250b4c09247ec02edce69f6a2d")
                              << QByteArray("9A0A8659F005D6984697E2CA0A9CF3B7")
                              << QByteArray("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    QTest::newRow("KAT-V2-4 UTF-8") << QStringLiteral(
        u"appid=wxd930ea5d5a258f4f&err_code=USERPAYING&err_code_des=需要用户输入支付密码&mch_id=10000100&"
        u"nonce_str=ibuaiVcKdpRxkhJA&result_code=FAIL&return_code=SUCCESS&return_msg=OK")
                                           .toUtf8()
                                    << QByteArray("192006250b4c09247ec02edce69f6a2d")
                                    << QByteArray("8CA1E89952CDCC9BEA5B8663203C15C2")
                                    << QByteArray("DD3771403A3EA857221C664FD0F665D7A367EE92EB5BED4918CD11A376841822");
}

void TestHash::v2Signatures()
{
    QFETCH(QByteArray, stringA);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, md5);
    QFETCH(QByteArray, hmacSha256);

    const QByteArray stringSignTemp = stringA + "&key=" + key;
    QCOMPARE(crypto::md5(stringSignTemp).toHex().toUpper(), md5);
    QCOMPARE(crypto::hmacSha256(key, stringSignTemp).toHex().toUpper(), hmacSha256);
}

// The common mistake of MACing stringA alone gives a different value (KAT-V2-1 negative).
void TestHash::hmacWithoutKeySuffixIsNotTheOfficialValue()
{
    const QByteArray key("192006250b4c09247ec02edce69f6a2d");
    const QByteArray stringA(
        "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA");
    const QByteArray mac = crypto::hmacSha256(key, stringA).toHex().toUpper();
    QCOMPARE(mac, QByteArray("F734F0E6B3509F9701F4A27CA72985EE10313DD0F96B71CAB42985D0F4F56376"));
    QVERIFY(mac != QByteArray("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6"));
}

// FIPS 180 "abc" examples, to pin sha1/sha256 beyond the KATs that use them indirectly.
void TestHash::digests_data()
{
    QTest::addColumn<QByteArray>("algorithm");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("hex");

    QTest::newRow("sha1 abc") << QByteArray("sha1") << QByteArray("abc")
                              << QByteArray("a9993e364706816aba3e25717850c26c9cd0d89d");
    QTest::newRow("sha256 abc") << QByteArray("sha256") << QByteArray("abc")
                                << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("sha256 empty") << QByteArray("sha256") << QByteArray()
                                  << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("md5 empty") << QByteArray("md5") << QByteArray() << QByteArray("d41d8cd98f00b204e9800998ecf8427e");
}

void TestHash::digests()
{
    QFETCH(QByteArray, algorithm);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, hex);

    QByteArray digest;
    if (algorithm == "sha1")
        digest = crypto::sha1(input);
    else if (algorithm == "sha256")
        digest = crypto::sha256(input);
    else
        digest = crypto::md5(input);
    QCOMPARE(digest.toHex(), hex);
}

void TestHash::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");

    QTest::newRow("equal") << QByteArray("9A0A8659F005D698") << QByteArray("9A0A8659F005D698") << true;
    QTest::newRow("last byte differs") << QByteArray("9A0A8659F005D698") << QByteArray("9A0A8659F005D699") << false;
    QTest::newRow("first byte differs") << QByteArray("9A0A8659F005D698") << QByteArray("8A0A8659F005D698") << false;
    QTest::newRow("prefix") << QByteArray("9A0A8659F005D698") << QByteArray("9A0A8659F005D6") << false;
    QTest::newRow("empty vs non-empty") << QByteArray() << QByteArray("a") << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
}

void TestHash::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);

    QCOMPARE(crypto::constantTimeEquals(a, b), equal);
    QCOMPARE(crypto::constantTimeEquals(b, a), equal);
}

void TestHash::randomBytes()
{
    QCOMPARE(crypto::randomBytes(0).size(), 0);
    QCOMPARE(crypto::randomBytes(1).size(), 1);
    QCOMPARE(crypto::randomBytes(32).size(), 32);

    // 100 draws of 16 bytes: any repetition would mean a broken generator.
    QSet<QByteArray> seen;
    for (int i = 0; i < 100; ++i)
        seen.insert(crypto::randomBytes(16));
    QCOMPARE(seen.size(), 100);
}

QTEST_GUILESS_MAIN(TestHash)
#include "tst_hash.moc"
