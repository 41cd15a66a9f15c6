#include "crypto/crypto.h"
#include "protocol/v2/sign.h"
#include "protocol/v2/v2codec.h"
#include "support/testsupport.h"

#include <QTest>

using namespace wxpay;
using namespace wxpay::protocol::v2;

Q_DECLARE_METATYPE(wxpay::protocol::v2::SignType)

namespace {

Fields fieldsOf(std::initializer_list<std::pair<const char*, const char*>> pairs)
{
    Fields fields;
    for (const auto& [name, value] : pairs)
        fields.insert(QString::fromUtf8(name), QString::fromUtf8(value));
    return fields;
}

// protocol.md §7, KAT-V2-1 and KAT-V2-4.
const QByteArray kKatKey = "192006250b4c09247ec02edce69f6a2d";

Fields katV21()
{
    return fieldsOf({ { "appid", "wxd930ea5d5a258f4f" }, { "mch_id", "10000100" }, { "device_info", "1000" },
        { "body", "test" }, { "nonce_str", "ibuaiVcKdpRxkhJA" } });
}

Fields katV24()
{
    return fieldsOf({ { "return_code", "SUCCESS" }, { "return_msg", "OK" }, { "appid", "wxd930ea5d5a258f4f" },
        { "mch_id", "10000100" }, { "device_info", "" }, { "nonce_str", "ibuaiVcKdpRxkhJA" }, { "result_code", "FAIL" },
        { "err_code", "USERPAYING" }, { "err_code_des", "需要用户输入支付密码" } });
}

Fields signedWith(Fields fields, SignType type, QByteArrayView key = kKatKey)
{
    fields.insert(QStringLiteral("sign"), sign(fields, key, type));
    return fields;
}

} // namespace

class TestV2Sign : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownAnswers_data();
    void knownAnswers();
    void hmacWithoutKeySuffixDoesNotVerify();
    void signingStringOrdersByUtf8Bytes();
    void signingStringKeepsValuesRaw();
    void verifyCoversEveryField_data();
    void verifyCoversEveryField();
    void signTypeOf_data();
    void signTypeOf();
    void decryptsRefundReqInfo();
    void rejectsBadReqInfo_data();
    void rejectsBadReqInfo();
};

void TestV2Sign::knownAnswers_data()
{
    QTest::addColumn<Fields>("fields");
    QTest::addColumn<SignType>("type");
    QTest::addColumn<QByteArray>("stringA");
    QTest::addColumn<QString>("expected");

    const QByteArray stringA1 = "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100"
                                "&nonce_str=ibuaiVcKdpRxkhJA";
    const QByteArray stringA4 = "appid=wxd930ea5d5a258f4f&err_code=USERPAYING&err_code_des=需要用户输入支付密码"
                                "&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA&result_code=FAIL"
                                "&return_code=SUCCESS&return_msg=OK";
    QTest::newRow("KAT-V2-1 MD5") << katV21() << SignType::Md5 << stringA1 << "9A0A8659F005D6984697E2CA0A9CF3B7";
    QTest::newRow("KAT-V2-1 HMAC-SHA256") << katV21() << SignType::HmacSha256 << stringA1
                                          << "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6";
    QTest::newRow("KAT-V2-4 MD5") << katV24() << SignType::Md5 << stringA4 << "8CA1E89952CDCC9BEA5B8663203C15C2";
    QTest::newRow("KAT-V2-4 HMAC-SHA256") << katV24() << SignType::HmacSha256 << stringA4
                                          << "DD3771403A3EA857221C664FD0F665D7A367EE92EB5BED4918CD11A376841822";
}

void TestV2Sign::knownAnswers()
{
    QFETCH(Fields, fields);
    QFETCH(SignType, type);
    QFETCH(QByteArray, stringA);
    QFETCH(QString, expected);

    QCOMPARE(signingString(fields), stringA);
    QCOMPARE(sign(fields, kKatKey, type), expected);
    // A sign already present is not signed over.
    fields.insert(QStringLiteral("sign"), expected);
    QCOMPARE(signingString(fields), stringA);
    WXPAY_VERIFY_OK(verify(fields, kKatKey, type));
    QCOMPARE(wxpay::protocol::v2::signTypeOf(fields), type);
}

void TestV2Sign::hmacWithoutKeySuffixDoesNotVerify()
{
    const QByteArray wrong = crypto::hmacSha256(kKatKey, signingString(katV21())).toHex().toUpper();
    QCOMPARE(wrong, QByteArray("F734F0E6B3509F9701F4A27CA72985EE10313DD0F96B71CAB42985D0F4F56376"));
    Fields fields = katV21();
    fields.insert(QStringLiteral("sign"), QString::fromLatin1(wrong));
    WXPAY_VERIFY_ERROR(
        verify(fields, kKatKey, SignType::HmacSha256), ErrorKind::Verification, QStringLiteral("SIGN_MISMATCH"));
}

void TestV2Sign::signingStringOrdersByUtf8Bytes()
{
    // 'B' (0x42) < '_' (0x5F) < 'a' (0x61); U+FF21 (EF BC A1) sorts before U+1F600 (F0 9F 98 80) by bytes,
    // although its UTF-16 unit FF21 sorts after the surrogate D83D.
    Fields fields;
    fields.insert(QStringLiteral("a"), QStringLiteral("1"));
    fields.insert(QStringLiteral("_x"), QStringLiteral("2"));
    fields.insert(QStringLiteral("B"), QStringLiteral("3"));
    fields.insert(QString::fromUtf8("\xF0\x9F\x98\x80"), QStringLiteral("4"));
    fields.insert(QString::fromUtf8("\xEF\xBC\xA1"), QStringLiteral("5"));
    QCOMPARE(signingString(fields), QByteArray("B=3&_x=2&a=1&\xEF\xBC\xA1=5&\xF0\x9F\x98\x80=4"));
}

void TestV2Sign::signingStringKeepsValuesRaw()
{
    const Fields fields = fieldsOf({ { "detail", "{\"goods\":[{\"id\":\"1 2\"}]}" }, { "body", " a+b&c=d " },
        { "attach", "" }, { "sign", "IGNORED" }, { "sign_type", "MD5" } });
    QCOMPARE(signingString(fields), QByteArray("body= a+b&c=d &detail={\"goods\":[{\"id\":\"1 2\"}]}&sign_type=MD5"));
}

void TestV2Sign::verifyCoversEveryField_data()
{
    QTest::addColumn<Fields>("fields");
    QTest::addColumn<SignType>("type");
    QTest::addColumn<QString>("code"); // empty = verifies

    Fields reply = katV24();
    reply.insert(QStringLiteral("result_code"), QStringLiteral("SUCCESS"));
    reply.remove(QStringLiteral("err_code"));
    reply.remove(QStringLiteral("err_code_des"));

    for (const SignType type : { SignType::Md5, SignType::HmacSha256 }) {
        const QString tag = u' ' + signTypeName(type);
        const auto row = [&tag](const char* name) -> QTestData& {
            return QTest::newRow(qPrintable(QString::fromLatin1(name) + tag));
        };
        const Fields good = signedWith(reply, type);

        Fields withSignedCoupon = reply;
        withSignedCoupon.insert(QStringLiteral("coupon_fee_0"), QStringLiteral("100"));
        row("signed unknown field") << signedWith(withSignedCoupon, type) << type << "";

        Fields withUnsignedCoupon = good;
        withUnsignedCoupon.insert(QStringLiteral("coupon_fee_0"), QStringLiteral("100"));
        row("unsigned extra field") << withUnsignedCoupon << type << "SIGN_MISMATCH";

        Fields withEmptyExtra = good;
        withEmptyExtra.insert(QStringLiteral("coupon_fee_1"), QString());
        row("empty extra field") << withEmptyExtra << type << "";

        Fields dropped = good;
        dropped.remove(QStringLiteral("return_msg"));
        row("dropped field") << dropped << type << "SIGN_MISMATCH";

        Fields changedValue = good;
        changedValue.insert(QStringLiteral("mch_id"), QStringLiteral("10000101"));
        row("one byte changed in a value") << changedValue << type << "SIGN_MISMATCH";

        Fields changedSign = good;
        QString signText = changedSign.value(QStringLiteral("sign"));
        signText[5] = signText.at(5) == u'0' ? u'1' : u'0';
        changedSign.insert(QStringLiteral("sign"), signText);
        row("one byte changed in the sign") << changedSign << type << "SIGN_MISMATCH";

        Fields lowerSign = good;
        lowerSign.insert(QStringLiteral("sign"), lowerSign.value(QStringLiteral("sign")).toLower());
        row("lower-case sign") << lowerSign << type << "SIGN_MISMATCH";

        Fields noSign = good;
        noSign.remove(QStringLiteral("sign"));
        row("no sign") << noSign << type << "SIGN_MISSING";

        Fields emptySign = good;
        emptySign.insert(QStringLiteral("sign"), QString());
        row("empty sign") << emptySign << type << "SIGN_MISSING";

        row("other key") << signedWith(reply, type, "00000000000000000000000000000000") << type << "SIGN_MISMATCH";
        const SignType other = type == SignType::Md5 ? SignType::HmacSha256 : SignType::Md5;
        row("other sign type") << signedWith(reply, other) << type << "SIGN_MISMATCH";
        row("plain") << good << type << "";
    }
}

void TestV2Sign::verifyCoversEveryField()
{
    QFETCH(Fields, fields);
    QFETCH(SignType, type);
    QFETCH(QString, code);
    const Status status = verify(fields, kKatKey, type);
    if (code.isEmpty())
        WXPAY_VERIFY_OK(status);
    else
        WXPAY_VERIFY_ERROR(status, ErrorKind::Verification, code);
}

void TestV2Sign::signTypeOf_data()
{
    QTest::addColumn<Fields>("fields");
    QTest::addColumn<SignType>("type");

    const QString md5Sign(32, u'A');
    const QString hmacSign(64, u'A');
    QTest::newRow("sign_type HMAC-SHA256")
        << fieldsOf({ { "sign_type", "HMAC-SHA256" }, { "sign", "X" } }) << SignType::HmacSha256;
    QTest::newRow("sign_type MD5 beats length") << Fields { { QStringLiteral("sign_type"), QStringLiteral("MD5") },
        { QStringLiteral("sign"), hmacSign } } << SignType::Md5;
    QTest::newRow("64 characters") << Fields { { QStringLiteral("sign"), hmacSign } } << SignType::HmacSha256;
    QTest::newRow("32 characters") << Fields { { QStringLiteral("sign"), md5Sign } } << SignType::Md5;
    QTest::newRow("nothing") << Fields() << SignType::Md5;
}

void TestV2Sign::signTypeOf()
{
    QFETCH(Fields, fields);
    QFETCH(SignType, type);
    QCOMPARE(wxpay::protocol::v2::signTypeOf(fields), type);
    QCOMPARE(signTypeName(SignType::Md5), QStringLiteral("MD5"));
    QCOMPARE(signTypeName(SignType::HmacSha256), QStringLiteral("HMAC-SHA256"));
}

// protocol.md §7, KAT-V2-5.
namespace {
const QByteArray kReqInfoKey = "OF4Ne3znh8KqL0V4NqmALQa0uXMYKcEk";
const QByteArray kReqInfo
    = "51A27s9LxbaEv52nBOrqa0FCs3HVIM31Wc3BpNqSCP5MQlS8HL1Vl7mZ21043B7PZy7adtOZGtZv44lGl0U8JXlVFL4Ltxsw6+"
      "pACjZBB0Qi1LUDj"
      "FlP2IyTxYX4eC57kxnCphDdIyRkU67kOWW/HN/efggTUlaPJkoL5kVe9Y1MZF55IHR4lwGI7WtVLtxATX1tkAVZF+/ri0WlPXo9+GkqeB2/"
      "id6Ozw"
      "09Tqp8C/TKbmKBpRhTCRU2TzfQoLa6fjbgETFHJ795aEMyUZPQYbbsz6U9Rj9lUzEh8+Oc8KYTXa9zVk+nnFr82+yjffb3d36ylTe0y/"
      "VmYf90rf9c"
      "biJQdM00zZ8Qa99SlMTs2wjOO4Mi4Btlg1PebsLF8TkqbSZkRJDGs61UunUB8Km1b/VeBxXuv4D3H7DiVZ9Fj7lq2j07zFDpxxlhhen7kZvMWWO3"
      "lrfFpA9c4eFOqfF9SxcU9nBmHfDD1g/dsrMl6+a71xQHJ/gn80fZOefUBv92ggqutsuJ4gd4OqkmO0XUs8e4XQyLpra+LvpmahsU5lBIZuQcMq3F"
      "Hrqe8hXTfp3+3qym2wGfvPI75jx41VZwmBQy9izB1Id+A5lUeXC5QJy+ryDu/dWkhB+aMjkElaI/Epmcc/"
      "IEPaI73W6Hc58hNednOM536rPnn+GDc9"
      "8PdGszpLTjmaZSu8dtqwPaym66yRqFQowzFoBbooik57iHUFBCeWya7XcXYL9WKhRF3uIZM+Kfv9/Zs2pF+w9/"
      "EJpltuzPpT1GP2VTMSHz45zwphFl"
      "S2lX8wHyZ+k9n2dptzQqpOCPedt5iQAmAe1oNQMxNdPDH9g68x9UzWD1kfK/"
      "dPO+3NPAh0XG+io4x15fIknNf7JLjpAuWicMMzCdwC4hhqeYOzQ+pC"
      "9f2xJXi5YViNKIZY69oO8eoHYRitLZrHLgx3oB2zimmqX6BI+DMklKAzAqqgGmbFxcVTvxZB6cMCx+H7TTWXnjAG+6A3SrCcxg0l5+"
      "UB93pkAYR7SV"
      "J+VaZoiBqlqnZvb7IM17n9XaaFntlzvbbFCIa7OnOQb5Lvw=";
} // namespace

void TestV2Sign::decryptsRefundReqInfo()
{
    QCOMPARE(crypto::md5(kReqInfoKey).toHex(), QByteArray("63dfc0c1f53d9bc83a8fdc365b8141da"));
    const auto fields = decryptRefundReqInfo(kReqInfo, kReqInfoKey);
    WXPAY_VERIFY_OK(fields);
    const Fields expected = fieldsOf({ { "out_refund_no", "1234" }, { "out_trade_no", "2020010418301551404339261814" },
        { "refund_account", "REFUND_SOURCE_RECHARGE_FUNDS" }, { "refund_fee", "1" },
        { "refund_id", "50300103182020010413419046597" }, { "refund_recv_accout", "招商银行信用卡8915" },
        { "refund_request_source", "API" }, { "refund_status", "SUCCESS" }, { "settlement_refund_fee", "1" },
        { "settlement_total_fee", "1" }, { "success_time", "2020-01-04 18:34:24" }, { "total_fee", "1" },
        { "transaction_id", "4200000483202001042069747825" } });
    QCOMPARE(fields.value(), expected);
}

void TestV2Sign::rejectsBadReqInfo_data()
{
    QTest::addColumn<QByteArray>("reqInfo");
    QTest::addColumn<QByteArray>("apiKey");
    QTest::addColumn<QString>("code"); // empty: any error

    const QByteArray aesKey = crypto::md5(kReqInfoKey).toHex();
    const auto encrypt
        = [&aesKey](QByteArrayView plain) { return crypto::aes256EcbEncrypt(aesKey, plain).value().toBase64(); };
    QTest::newRow("not base64") << QByteArray("not*base64!") << kReqInfoKey << "REQ_INFO_BASE64";
    QTest::newRow("wrong key") << kReqInfo << QByteArray("00000000000000000000000000000000") << "";
    QTest::newRow("truncated") << kReqInfo.left(64) << kReqInfoKey << "";
    QTest::newRow("xml root instead of root") << encrypt("<xml><a>1</a></xml>") << kReqInfoKey << "XML_ROOT";
    QTest::newRow("dtd inside") << encrypt(
        "<!DOCTYPE root [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><root>&x;</root>")
                                << kReqInfoKey << "XML_DTD_FORBIDDEN";
}

void TestV2Sign::rejectsBadReqInfo()
{
    QFETCH(QByteArray, reqInfo);
    QFETCH(QByteArray, apiKey);
    QFETCH(QString, code);
    const auto fields = decryptRefundReqInfo(reqInfo, apiKey);
    QVERIFY(!fields.ok());
    if (!code.isEmpty())
        QCOMPARE(fields.error().code, code);
}

QTEST_GUILESS_MAIN(TestV2Sign)
#include "tst_v2sign.moc"
