#include "common/clock.h"
#include "common/nonce.h"
#include "sim/engine.h"
#include "sim/sandbox.h"
#include "support/testsupport.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace wxpay;
using namespace wxpay::sim;
using namespace Qt::Literals::StringLiterals;

// The sandbox factory: real keys and certificates, and their JSON form for --merchants / --state files.
class TestSimSandbox : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock { QDateTime(QDate(2024, 5, 20), QTime(2, 0), Qt::UTC) };
    RandomNonceSource m_nonce;
    MerchantSet m_sandbox;

    const SimMerchant& merchant(ApiFamily family) const
    {
        for (const SimMerchant& m : m_sandbox.merchants) {
            if (m.supports(family))
                return m;
        }
        qFatal("no sandbox merchant for %s", qPrintable(apiFamilyName(family)));
    }

private Q_SLOTS:
    void initTestCase();
    void oneMerchantPerFamily();
    void certificatesChainToTheAuthority();
    void responseSigningKeys();
    void jsonRoundTripKeepsKeys();
    void validationCatchesMismatchedKeys();
    void engineTakesTheSandbox();
};

void TestSimSandbox::initTestCase()
{
    SandboxFactory factory(m_clock, m_nonce);
    auto sandbox = factory.createSandbox();
    WXPAY_VERIFY_OK(sandbox);
    m_sandbox = std::move(sandbox).value();
}

void TestSimSandbox::oneMerchantPerFamily()
{
    QCOMPARE(m_sandbox.merchants.size(), 4);
    QVERIFY(m_sandbox.authority);
    const QList<ApiFamily> families { ApiFamily::V2, ApiFamily::V3, ApiFamily::Global, ApiFamily::HkV3 };
    for (qsizetype i = 0; i < families.size(); ++i) {
        const SimMerchant& m = m_sandbox.merchants.at(i);
        QCOMPARE(m.families, QList<ApiFamily> { families.at(i) });
        QCOMPARE(m.mchid, SandboxFactory::sandboxMchid(families.at(i)));
        QCOMPARE(m.mchid, QStringLiteral("19000001%1").arg(i + 1, 2, 10, QChar(u'0')));
        QCOMPARE(m.appid, SandboxFactory::sandboxAppid(families.at(i)));
        QCOMPARE(m.appid.size(), 18);
        QCOMPARE(m.apiV2Key.size(), 32);
        QCOMPARE(m.apiV3Key.size(), 32);
        QCOMPARE(m.miniAppid, m.appid);
        QVERIFY(!m.miniAppSecret.isEmpty());
        QVERIFY(m.openPlatformBound);
        QVERIFY(!m.isServiceProvider());
        WXPAY_VERIFY_OK(m.validate());
    }
    QCOMPARE(merchant(ApiFamily::V2).region, Region::CN);
    QCOMPARE(merchant(ApiFamily::V3).defaultCurrency(), u"CNY"_s);
    QCOMPARE(merchant(ApiFamily::Global).region, Region::HK);
    QCOMPARE(merchant(ApiFamily::HkV3).defaultCurrency(), u"HKD"_s);
    // Keys are fresh: no two merchants share one.
    QVERIFY(merchant(ApiFamily::V2).apiV2Key != merchant(ApiFamily::V3).apiV2Key);
    QVERIFY(merchant(ApiFamily::V2).merchantKey->toPem() != merchant(ApiFamily::V3).merchantKey->toPem());
}

void TestSimSandbox::certificatesChainToTheAuthority()
{
    const crypto::Certificate& ca = m_sandbox.authority->certificate;
    QVERIFY(ca.matches(*m_sandbox.authority->key));
    QVERIFY(ca.isIssuedBy(ca));
    for (const SimMerchant& m : m_sandbox.merchants) {
        QVERIFY(m.merchantCertificate.isIssuedBy(ca));
        QVERIFY(m.merchantCertificate.matches(*m.merchantKey));
        QCOMPARE(m.merchantCertificate.subjectCommonName(), m.mchid);
        QCOMPARE(m.merchantCertificateSerial, m.merchantCertificate.serialNumberHex());
        QVERIFY2(QRegularExpression(u"^[0-9A-F]{40}$"_s).match(m.merchantCertificateSerial).hasMatch(),
            qPrintable(m.merchantCertificateSerial));
        QVERIFY(m.merchantCertificate.notBefore() <= m_clock.now());
        QVERIFY(m.merchantCertificate.notAfter() > m_clock.now().addYears(4));
        if (m.supports(ApiFamily::V2)) {
            QVERIFY(m.platformCertificate.isNull());
            continue;
        }
        QVERIFY(m.platformCertificate.isIssuedBy(ca));
        QVERIFY(m.platformCertificate.matches(*m.platformKey));
        QCOMPARE(m.platformSerial, m.platformCertificate.serialNumberHex());
        QVERIFY(m.platformSerial != m.merchantCertificateSerial);
    }
}

void TestSimSandbox::responseSigningKeys()
{
    const SimMerchant& v3 = merchant(ApiFamily::V3);
    QVERIFY2(
        QRegularExpression(u"^PUB_KEY_ID_\\d{34}$"_s).match(v3.publicKeyId).hasMatch(), qPrintable(v3.publicKeyId));
    QCOMPARE(v3.responseSerial(), v3.publicKeyId);
    QCOMPARE(v3.responseKey(), v3.publicKeyIdKey.get());
    QVERIFY(!v3.platformSerial.isEmpty()); // /v3/certificates still has something to list

    const SimMerchant& global = merchant(ApiFamily::Global);
    QVERIFY(global.publicKeyId.isEmpty());
    QCOMPARE(global.responseSerial(), global.platformSerial);
    QCOMPARE(global.responseKey(), global.platformKey.get());
    // The key really signs what the client will verify.
    const auto signature = crypto::rsaSha256Sign(*global.responseKey(), "1624523846\nnonce\n{}\n");
    WXPAY_VERIFY_OK(signature);
    WXPAY_VERIFY_OK(
        crypto::rsaSha256Verify(global.platformCertificate.publicKey(), "1624523846\nnonce\n{}\n", signature.value()));
    QCOMPARE(merchant(ApiFamily::V2).responseKey(), nullptr);
}

void TestSimSandbox::jsonRoundTripKeepsKeys()
{
    const QByteArray file = QJsonDocument(m_sandbox.toJson()).toJson();
    const auto restored = MerchantSet::fromJson(QJsonDocument::fromJson(file).object());
    WXPAY_VERIFY_OK(restored);
    QCOMPARE(restored->merchants.size(), 4);
    QCOMPARE(restored->authority->certificate.toDer(), m_sandbox.authority->certificate.toDer());
    QCOMPARE(restored->authority->key->toPem(), m_sandbox.authority->key->toPem());
    for (qsizetype i = 0; i < 4; ++i) {
        const SimMerchant& a = m_sandbox.merchants.at(i);
        const SimMerchant& b = restored->merchants.at(i);
        QCOMPARE(b.toJson(), a.toJson());
        QCOMPARE(b.merchantKey->toPem(), a.merchantKey->toPem());
        QCOMPARE(b.merchantCertificate.toDer(), a.merchantCertificate.toDer());
        QCOMPARE(b.platformSerial, a.platformSerial);
        QCOMPARE(b.publicKeyId, a.publicKeyId);
    }
    // The client side of a profile gets the PUB_KEY_ID_ public key.
    const QJsonObject v3 = m_sandbox.merchants.at(1).toJson();
    QVERIFY(v3.value(u"public_key"_s).toString().startsWith(u"-----BEGIN PUBLIC KEY-----"_s));
    // Serials may be left out of a hand-written file: they are read from the certificates.
    QJsonObject handWritten = v3;
    handWritten.remove(u"merchant_certificate_serial"_s);
    handWritten.remove(u"platform_serial"_s);
    const auto fromHand = SimMerchant::fromJson(handWritten);
    WXPAY_VERIFY_OK(fromHand);
    QCOMPARE(fromHand->merchantCertificateSerial, m_sandbox.merchants.at(1).merchantCertificateSerial);
    QCOMPARE(fromHand->platformSerial, m_sandbox.merchants.at(1).platformSerial);
}

void TestSimSandbox::validationCatchesMismatchedKeys()
{
    SimMerchant swapped = merchant(ApiFamily::Global);
    swapped.merchantKey = merchant(ApiFamily::HkV3).merchantKey;
    WXPAY_VERIFY_ERROR(swapped.validate(), ErrorKind::Input, u"SIM_MERCHANT_INVALID"_s);

    SimMerchant wrongSerial = merchant(ApiFamily::Global);
    wrongSerial.platformSerial = merchant(ApiFamily::HkV3).platformSerial;
    WXPAY_VERIFY_ERROR(wrongSerial.validate(), ErrorKind::Input, u"SIM_MERCHANT_INVALID"_s);

    QJsonObject json = merchant(ApiFamily::V3).toJson();
    json.insert(u"merchant_certificate_serial"_s, u"0123456789ABCDEF"_s);
    WXPAY_VERIFY_ERROR(SimMerchant::fromJson(json), ErrorKind::Input, u"SIM_MERCHANT_INVALID"_s);

    QJsonObject authority = m_sandbox.authority->toJson();
    authority.insert(u"key"_s, QString::fromLatin1(merchant(ApiFamily::V2).merchantKey->toPem()));
    WXPAY_VERIFY_ERROR(SimAuthority::fromJson(authority), ErrorKind::Input, u"SIM_MERCHANT_INVALID"_s);
}

void TestSimSandbox::engineTakesTheSandbox()
{
    FixedNonceSource nonce({ "NwY5Mz9k2bQ7xLp3" });
    SimEngine engine(m_clock, nonce);
    WXPAY_VERIFY_OK(engine.addMerchants(m_sandbox));
    QCOMPARE(engine.merchants().size(), 4);
    QVERIFY(engine.authority());
    const SimMerchant& v3 = merchant(ApiFamily::V3);
    NativeOrderRequest request;
    request.outTradeNo = u"SANDBOX0001"_s;
    request.description = u"sandbox"_s;
    request.amount = Money::fromMinor(1, u"CNY"_s).value();
    request.notifyUrl = u"https://127.0.0.1/notify"_s;
    WXPAY_VERIFY_OK(engine.createNative({ v3.mchid, v3.appid, {}, {} }, request));
    WXPAY_VERIFY_OK(engine.customerPays({ v3.mchid, {}, {}, {} }, request.outTradeNo));
    // The whole state, keys included, survives a state file.
    SimEngine restored(m_clock, nonce);
    WXPAY_VERIFY_OK(restored.fromJson(QJsonDocument::fromJson(QJsonDocument(engine.toJson()).toJson()).object()));
    QCOMPARE(restored.toJson(), engine.toJson());
    QCOMPARE(restored.merchant(v3.mchid)->publicKeyIdKey->toPem(), v3.publicKeyIdKey->toPem());
    QCOMPARE(restored.authority()->certificate.toDer(), m_sandbox.authority->certificate.toDer());
    // Adding the same merchants twice is refused.
    WXPAY_VERIFY_ERROR(engine.addMerchants(m_sandbox), ErrorKind::Input, u"SIM_MERCHANT_INVALID"_s);
}

QTEST_GUILESS_MAIN(TestSimSandbox)
#include "tst_simsandbox.moc"
