#include "crypto/crypto.h"
#include "support/testsupport.h"

#include <QTest>

using namespace wxpay;

namespace {

// KAT-V2-5 (protocol.md §7): refund notification req_info and its plaintext.
const char kRefundReqInfo[]
    = "51A27s9LxbaEv52nBOrqa0FCs3HVIM31Wc3BpNqSCP5MQlS8HL1Vl7mZ21043B7PZy7adtOZGtZv44lGl0U8JXlVFL4Ltxsw6+pA"
      "CjZBB0Qi1LUDjFlP2IyTxYX4eC57kxnCphDdIyRkU67kOWW/HN/efggTUlaPJkoL5kVe9Y1MZF55IHR4lwGI7WtVLtxATX1tkAVZ"
      "F+/ri0WlPXo9+GkqeB2/id6Ozw09Tqp8C/TKbmKBpRhTCRU2TzfQoLa6fjbgETFHJ795aEMyUZPQYbbsz6U9Rj9lUzEh8+Oc8KYT"
      "Xa9zVk+nnFr82+yjffb3d36ylTe0y/VmYf90rf9cbiJQdM00zZ8Qa99SlMTs2wjOO4Mi4Btlg1PebsLF8TkqbSZkRJDGs61UunUB"
      "8Km1b/VeBxXuv4D3H7DiVZ9Fj7lq2j07zFDpxxlhhen7kZvMWWO3lrfFpA9c4eFOqfF9SxcU9nBmHfDD1g/dsrMl6+a71xQHJ/gn"
      "80fZOefUBv92ggqutsuJ4gd4OqkmO0XUs8e4XQyLpra+LvpmahsU5lBIZuQcMq3FHrqe8hXTfp3+3qym2wGfvPI75jx41VZwmBQy"
      "9izB1Id+A5lUeXC5QJy+ryDu/dWkhB+aMjkElaI/Epmcc/IEPaI73W6Hc58hNednOM536rPnn+GDc98PdGszpLTjmaZSu8dtqwPa"
      "ym66yRqFQowzFoBbooik57iHUFBCeWya7XcXYL9WKhRF3uIZM+Kfv9/Zs2pF+w9/EJpltuzPpT1GP2VTMSHz45zwphFlS2lX8wHy"
      "Z+k9n2dptzQqpOCPedt5iQAmAe1oNQMxNdPDH9g68x9UzWD1kfK/dPO+3NPAh0XG+io4x15fIknNf7JLjpAuWicMMzCdwC4hhqeY"
      "OzQ+pC9f2xJXi5YViNKIZY69oO8eoHYRitLZrHLgx3oB2zimmqX6BI+DMklKAzAqqgGmbFxcVTvxZB6cMCx+H7TTWXnjAG+6A3Sr"
      "Ccxg0l5+UB93pkAYR7SVJ+VaZoiBqlqnZvb7IM17n9XaaFntlzvbbFCIa7OnOQb5Lvw=";
const char kRefundPlaintext[] = "<root>\n"
                                "<out_refund_no><![CDATA[1234]]></out_refund_no>\n"
                                "<out_trade_no><![CDATA[2020010418301551404339261814]]></out_trade_no>\n"
                                "<refund_account><![CDATA[REFUND_SOURCE_RECHARGE_FUNDS]]></refund_account>\n"
                                "<refund_fee><![CDATA[1]]></refund_fee>\n"
                                "<refund_id><![CDATA[50300103182020010413419046597]]></refund_id>\n"
                                "<refund_recv_accout><![CDATA[招商银行信用卡8915]]></refund_recv_accout>\n"
                                "<refund_request_source><![CDATA[API]]></refund_request_source>\n"
                                "<refund_status><![CDATA[SUCCESS]]></refund_status>\n"
                                "<settlement_refund_fee><![CDATA[1]]></settlement_refund_fee>\n"
                                "<settlement_total_fee><![CDATA[1]]></settlement_total_fee>\n"
                                "<success_time><![CDATA[2020-01-04 18:34:24]]></success_time>\n"
                                "<total_fee><![CDATA[1]]></total_fee>\n"
                                "<transaction_id><![CDATA[4200000483202001042069747825]]></transaction_id>\n"
                                "</root>";

QByteArray flipped(QByteArray data, qsizetype index)
{
    data[index] = static_cast<char>(data.at(index) ^ 0x01);
    return data;
}

} // namespace

class TestAes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gcmKnownAnswers_data();
    void gcmKnownAnswers();
    void gcmRejectsTampering_data();
    void gcmRejectsTampering();
    void gcmRejectsBadParameters();
    void gcmRoundTripsLongInput();
    void ecbKnownAnswer();
    void ecbRefundNotification();
    void ecbRejectsBadInput_data();
    void ecbRejectsBadInput();
};

// KAT-GCM-1 (12-byte nonce) and KAT-GCM-3 (16-byte IV), protocol.md §7.
void TestAes::gcmKnownAnswers_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("iv");
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QByteArray>("ciphertextBase64");

    QTest::newRow("KAT-GCM-1") << QByteArray("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb") << QByteArray("uluk4a9R25RW")
                               << QByteArray("associatedData") << QByteArray("message")
                               << QByteArray("ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=");
    QTest::newRow("KAT-GCM-3 empty") << QByteArray("0123456789abcdef0123456789abcdef") << QByteArray("0123456789abcdef")
                                     << QByteArray() << QByteArray() << QByteArray("GvpmmdtYwexXIPhySs9Tlg==");
    QTest::newRow("KAT-GCM-3 hello") << QByteArray("0123456789abcdef0123456789abcdef") << QByteArray("0123456789abcdef")
                                     << QByteArray("world") << QByteArray("hello")
                                     << QByteArray("APoZlYpivU3HjbAiB4CvW1rAFr8J");
}

void TestAes::gcmKnownAnswers()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, iv);
    QFETCH(QByteArray, aad);
    QFETCH(QByteArray, plaintext);
    QFETCH(QByteArray, ciphertextBase64);

    const auto encrypted = crypto::aes256GcmEncrypt(key, iv, aad, plaintext);
    WXPAY_VERIFY_OK(encrypted);
    QCOMPARE(encrypted->size(), plaintext.size() + 16);
    QCOMPARE(encrypted->toBase64(), ciphertextBase64);

    const auto decrypted = crypto::aes256GcmDecrypt(key, iv, aad, QByteArray::fromBase64(ciphertextBase64));
    WXPAY_VERIFY_OK(decrypted);
    QCOMPARE(*decrypted, plaintext);
}

void TestAes::gcmRejectsTampering_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("iv");
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<QByteArray>("ciphertext");

    const QByteArray key("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb");
    const QByteArray iv("uluk4a9R25RW");
    const QByteArray aad("associatedData");
    const QByteArray ciphertext = QByteArray::fromBase64("ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=");

    QTest::newRow("flipped tag first byte") << key << iv << aad << flipped(ciphertext, ciphertext.size() - 16);
    QTest::newRow("flipped tag last byte") << key << iv << aad << flipped(ciphertext, ciphertext.size() - 1);
    QTest::newRow("flipped ciphertext byte") << key << iv << aad << flipped(ciphertext, 0);
    QTest::newRow("wrong aad") << key << iv << QByteArray("associatedDatb") << ciphertext;
    QTest::newRow("missing aad") << key << iv << QByteArray() << ciphertext;
    QTest::newRow("wrong nonce") << key << QByteArray("uluk4a9R25RX") << aad << ciphertext;
    QTest::newRow("wrong key") << flipped(key, 5) << iv << aad << ciphertext;
    QTest::newRow("truncated ciphertext") << key << iv << aad << ciphertext.mid(1);
}

void TestAes::gcmRejectsTampering()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, iv);
    QFETCH(QByteArray, aad);
    QFETCH(QByteArray, ciphertext);

    WXPAY_VERIFY_ERROR(crypto::aes256GcmDecrypt(key, iv, aad, ciphertext), ErrorKind::Verification,
        QStringLiteral("AEAD_TAG_MISMATCH"));
}

void TestAes::gcmRejectsBadParameters()
{
    const QByteArray key31("a7cde1ZJB1kG2e7VfTs3jQzaWizur8G");
    QCOMPARE(key31.size(), 31);
    const QByteArray iv("uluk4a9R25RW");
    WXPAY_VERIFY_ERROR(crypto::aes256GcmEncrypt(key31, iv, "associatedData", "message"), ErrorKind::Protocol,
        QStringLiteral("AEAD_KEY_LENGTH"));
    WXPAY_VERIFY_ERROR(crypto::aes256GcmDecrypt(
                           key31, iv, "associatedData", QByteArray::fromBase64("ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=")),
        ErrorKind::Protocol, QStringLiteral("AEAD_KEY_LENGTH"));
    const QByteArray key33 = key31 + "bb";
    WXPAY_VERIFY_ERROR(
        crypto::aes256GcmEncrypt(key33, iv, {}, "message"), ErrorKind::Protocol, QStringLiteral("AEAD_KEY_LENGTH"));

    const QByteArray key("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb");
    WXPAY_VERIFY_ERROR(
        crypto::aes256GcmEncrypt(key, {}, {}, "message"), ErrorKind::Protocol, QStringLiteral("AES_FAILED"));
    // Shorter than the tag: malformed, not a verification failure.
    WXPAY_VERIFY_ERROR(
        crypto::aes256GcmDecrypt(key, iv, {}, QByteArray(15, 'x')), ErrorKind::Protocol, QStringLiteral("AES_FAILED"));
}

void TestAes::gcmRoundTripsLongInput()
{
    const QByteArray key = crypto::randomBytes(32);
    const QByteArray iv = crypto::randomBytes(12);
    const QByteArray aad("certificate");
    const QByteArray plaintext = crypto::randomBytes(100000);

    const auto encrypted = crypto::aes256GcmEncrypt(key, iv, aad, plaintext);
    WXPAY_VERIFY_OK(encrypted);
    QVERIFY(encrypted->left(plaintext.size()) != plaintext);
    const auto decrypted = crypto::aes256GcmDecrypt(key, iv, aad, *encrypted);
    WXPAY_VERIFY_OK(decrypted);
    QCOMPARE(*decrypted, plaintext);
}

// KAT-AES-ECB (protocol.md §7).
void TestAes::ecbKnownAnswer()
{
    const QByteArray key("0123456789abcdef0123456789abcdef");
    const auto encrypted = crypto::aes256EcbEncrypt(key, "hello");
    WXPAY_VERIFY_OK(encrypted);
    QCOMPARE(encrypted->toBase64(), QByteArray("pZwJZBLuy3mDACEQT4YTBw=="));

    const auto decrypted = crypto::aes256EcbDecrypt(key, QByteArray::fromBase64("pZwJZBLuy3mDACEQT4YTBw=="));
    WXPAY_VERIFY_OK(decrypted);
    QCOMPARE(*decrypted, QByteArray("hello"));

    // PKCS#7 adds a whole block when the input is block-aligned.
    const auto aligned = crypto::aes256EcbEncrypt(key, QByteArray(16, 'a'));
    WXPAY_VERIFY_OK(aligned);
    QCOMPARE(aligned->size(), 32);
    const auto empty = crypto::aes256EcbEncrypt(key, {});
    WXPAY_VERIFY_OK(empty);
    QCOMPARE(empty->size(), 16);
    const auto emptyBack = crypto::aes256EcbDecrypt(key, *empty);
    WXPAY_VERIFY_OK(emptyBack);
    QVERIFY(emptyBack->isEmpty());
}

// KAT-V2-5 (protocol.md §7): the AES key is the 32 ASCII bytes of the lower-case MD5 hex of the API key.
void TestAes::ecbRefundNotification()
{
    const QByteArray key = crypto::md5("OF4Ne3znh8KqL0V4NqmALQa0uXMYKcEk").toHex();
    QCOMPARE(key, QByteArray("63dfc0c1f53d9bc83a8fdc365b8141da"));

    const auto decrypted = crypto::aes256EcbDecrypt(key, QByteArray::fromBase64(kRefundReqInfo));
    WXPAY_VERIFY_OK(decrypted);
    QCOMPARE(*decrypted, QByteArray(kRefundPlaintext));
    QVERIFY(QString::fromUtf8(*decrypted).contains(QStringLiteral(u"招商银行信用卡8915")));

    const auto encrypted = crypto::aes256EcbEncrypt(key, kRefundPlaintext);
    WXPAY_VERIFY_OK(encrypted);
    QCOMPARE(encrypted->toBase64(), QByteArray(kRefundReqInfo));
}

void TestAes::ecbRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("ciphertext");

    const QByteArray key("0123456789abcdef0123456789abcdef");
    const QByteArray ciphertext = QByteArray::fromBase64("pZwJZBLuy3mDACEQT4YTBw==");
    QTest::newRow("31-byte key") << key.left(31) << ciphertext;
    QTest::newRow("16-byte key") << key.left(16) << ciphertext;
    QTest::newRow("not a block multiple") << key << ciphertext.left(15);
    QTest::newRow("empty") << key << QByteArray();
    // The wrong key almost surely produces invalid padding (checked with this fixed key).
    QTest::newRow("wrong key") << QByteArray("63dfc0c1f53d9bc83a8fdc365b8141da") << ciphertext;
}

void TestAes::ecbRejectsBadInput()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, ciphertext);

    WXPAY_VERIFY_ERROR(crypto::aes256EcbDecrypt(key, ciphertext), ErrorKind::Protocol, QStringLiteral("AES_FAILED"));
}

QTEST_GUILESS_MAIN(TestAes)
#include "tst_aes.moc"
