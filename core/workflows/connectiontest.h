#pragma once

// "Test connection" of a merchant profile: one harmless, signed request — a query of an out_trade_no that cannot
// exist — through the profile's own gateway. WeChat's "no such order" (v2 ORDERNOTEXIST, v3 404 ORDER_NOT_EXIST) is
// an answer that reached WeChat, was accepted as signed with the merchant's keys, and came back verified: the keys,
// the signature and the verification of WeChat's replies all work. Anything else is explained in one sentence.
// Nothing is written to the history: the query changes nothing at WeChat or here.

#include "common/clock.h"
#include "common/nonce.h"
#include "common/result.h"
#include "gateway/paymentgateway.h"

#include <QObject>

#include <optional>

namespace wxpay::workflows {

class ConnectionTest : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        bool ok = false;
        std::optional<Error> error; // set when not ok
        QString explanation; // explainConnectionError(*error) when not ok
        QString requestId; // of WeChat's reply, when there was one (APIv3)
    };

    // The gateway, clock and nonces must outlive the test.
    ConnectionTest(
        gateway::PaymentGateway& gateway, const Clock& clock, NonceSource& nonces, QObject* parent = nullptr);

    // Input BUSY while a test runs; otherwise `finished` follows, later.
    Status start();
    bool isRunning() const { return m_running; }
    // The out_trade_no the last start() asked about ("CONNTEST" + China time + 8 random characters).
    QString probeOutTradeNo() const { return m_probe; }

Q_SIGNALS:
    void finished(const wxpay::workflows::ConnectionTest::Outcome& outcome);

private:
    void onAnswer(const Result<Transaction>& result, const gateway::CallInfo& info);

    gateway::PaymentGateway& m_gateway;
    const Clock& m_clock;
    NonceSource& m_nonces;
    QString m_probe;
    bool m_running = false;
};

// One sentence for the store manager about why a merchant profile cannot talk to WeChat Pay, with what to check:
// the network, the keys, the signature, the verification of replies, the clock, the profile's settings. Also for
// errors met before any request (opening the profile's session). Translated with the context "wxpay::workflows".
QString explainConnectionError(const Error& error);

} // namespace wxpay::workflows

Q_DECLARE_METATYPE(wxpay::workflows::ConnectionTest::Outcome)
