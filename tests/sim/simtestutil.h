#pragma once

// Shared set-up for the simulator engine tests: a ManualClock, a FixedNonceSource and three key-less
// merchants (CN direct, HK global, CN service provider).

#include "common/clock.h"
#include "common/nonce.h"
#include "sim/engine.h"

#include <QTest>

namespace wxpay::sim::test {

using namespace Qt::Literals::StringLiterals;

// 2024-05-20 10:00:00 China time.
inline QDateTime startTime()
{
    return QDateTime(QDate(2024, 5, 20), QTime(2, 0), Qt::UTC);
}

inline SimMerchant cnMerchant()
{
    SimMerchant m;
    m.name = u"CN test"_s;
    m.mchid = u"1900000109"_s;
    m.appid = u"wxd930ea5d5a258f4f"_s;
    m.families = { ApiFamily::V2, ApiFamily::V3 };
    m.apiV2Key = "192006250b4c09247ec02edce69f6a2d";
    m.apiV3Key = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
    m.miniAppid = m.appid;
    m.miniAppSecret = u"secret-of-the-cn-mini-program"_s;
    return m;
}

inline SimMerchant hkMerchant()
{
    SimMerchant m = cnMerchant();
    m.name = u"HK test"_s;
    m.mchid = u"1900000209"_s;
    m.appid = u"wx0000000000000209"_s;
    m.region = Region::HK;
    m.families = { ApiFamily::Global };
    m.miniAppid = m.appid;
    m.openPlatformBound = false;
    return m;
}

inline SimMerchant spMerchant()
{
    SimMerchant m = cnMerchant();
    m.name = u"SP test"_s;
    m.subMchid = u"1900000310"_s;
    m.subAppid = u"wx0000000000000310"_s;
    m.families = { ApiFamily::V3 };
    m.miniAppid = u"wx0000000000000310"_s;
    return m;
}

inline MerchantIds cnIds()
{
    return { u"1900000109"_s, u"wxd930ea5d5a258f4f"_s, {}, {} };
}

inline MerchantIds hkIds()
{
    return { u"1900000209"_s, u"wx0000000000000209"_s, {}, {} };
}

inline MerchantIds spIds()
{
    return { u"1900000109"_s, u"wxd930ea5d5a258f4f"_s, u"1900000310"_s, u"wx0000000000000310"_s };
}

inline Money money(qint64 minor, const QString& currency = u"CNY"_s)
{
    return Money::fromMinor(minor, currency).value();
}

inline NativeOrderRequest nativeRequest(const QString& outTradeNo, qint64 fen, const QString& currency = u"CNY"_s)
{
    NativeOrderRequest r;
    r.outTradeNo = outTradeNo;
    r.description = u"Image形象店-深圳腾大-QQ公仔"_s;
    r.amount = money(fen, currency);
    r.notifyUrl = u"https://www.example.com/wxpay/notify"_s;
    r.clientIp = u"127.0.0.1"_s;
    r.productId = u"12235413214070356458058"_s;
    return r;
}

inline MicropayRequest micropayRequest(const QString& outTradeNo, qint64 fen, const QString& authCode)
{
    MicropayRequest r;
    r.outTradeNo = outTradeNo;
    r.description = u"Quick Pay test"_s;
    r.amount = money(fen);
    r.authCode = authCode;
    r.clientIp = u"127.0.0.1"_s;
    r.deviceId = u"POS-1"_s;
    return r;
}

inline RefundRequest refundRequest(const QString& outTradeNo, const QString& outRefundNo, qint64 fen, qint64 totalFen)
{
    RefundRequest r;
    r.order = OrderRef::byOutTradeNo(outTradeNo);
    r.outRefundNo = outRefundNo;
    r.refund = money(fen);
    r.total = money(totalFen);
    return r;
}

// An engine with the three test merchants.
struct Sim
{
    explicit Sim(SimSettings settings = {}) : engine(clock, nonce, settings)
    {
        for (const SimMerchant& m : { cnMerchant(), hkMerchant(), spMerchant() }) {
            if (auto status = engine.addMerchant(m); !status)
                qFatal("cannot add test merchant: %s", qPrintable(status.error().toString()));
        }
    }

    void advance(qint64 seconds) { clock.advance(std::chrono::seconds(seconds)); }

    ManualClock clock { startTime() };
    FixedNonceSource nonce { { "NwY5Mz9k2bQ7xLp3", "Tr8Vd1Hs6Gf4Jc0a", "Ue2Wq5Zo9Yi3Rn7m" } };
    SimEngine engine;
};

} // namespace wxpay::sim::test

// Fails the test unless `result` is a Business error with this code.
#define SIM_VERIFY_BUSINESS(result, expectedCode)                                                                      \
    do {                                                                                                               \
        const auto& sim_r_ = (result);                                                                                 \
        QVERIFY2(!sim_r_.ok(), "expected a business error, got success");                                              \
        QCOMPARE(sim_r_.error().code, QString(expectedCode));                                                          \
        QCOMPARE(sim_r_.error().kind, wxpay::ErrorKind::Business);                                                     \
    } while (false)
