#pragma once

// wxpay-sim's engine: a protocol-faithful model of the WeChat Pay servers (merchants, orders, Quick Pay
// scenarios, refunds, bills, mini-program tokens and getpaidunionid), in domain terms only — no HTTP, no XML
// or JSON wire format. The HTTP front (server*/front*) parses a request, calls one method here and renders
// the Result in the family's wire format; it also asks takeFault() before each request.
//
// Not thread-safe: the front calls it from one thread (QHttpServer's). Merchant pointers stay valid until
// the merchants change; fromJson() replaces everything, including the FaultPlan that faults() returned.
//
// Deterministic: time comes only from the injected Clock, randomness only from the NonceSource; ids are
// numbered. Nothing happens by itself: every time-driven transition (Native expiry after 2 h, Quick Pay
// auto-revoke after 45 s, a customer typing the password, a refund finishing) is evaluated when the order is
// next looked at, and stamped with the time it was due, so tests advance a ManualClock instead of sleeping.
//
// Errors are Business errors whose code is WeChat's APIv2 err_code (the v3 front maps them to HTTP status +
// code): PARAM_ERROR (Error::detail = the field), MCHID_NOT_EXIST, APPID_MCHID_NOT_MATCH, ORDERNOTEXIST,
// OUT_TRADE_NO_USED, INVALID_REQUEST, ORDERPAID, ORDERCLOSED, ORDERREVERSED, TRADE_STATE_ERROR,
// AUTH_CODE_INVALID, USERPAYING, SYSTEMERROR, BANKERROR, AUTHCODEEXPIRE, NOTENOUGH, REVERSE_EXPIRE,
// TRADE_OVERDUE, REFUNDNOTEXIST, and for bills NO_BILL_EXIST / BILL_CREATING / INVALID_BILL_TYPE whose
// message is the v2 return_msg ("No Bill Exist", ...). Mini-program calls use the errcode as the code
// ("40013", "40001", "42001", "40003", "89002", "89300", "45009", "45011").
//
// Decisions where WeChat's behaviour is not documented (see also scenario.h):
// - Native: re-entry with the same out_trade_no and identical description, amount, attach, notify_url,
//   product_id and time_expire returns the same code_url (ORDERPAID / ORDERCLOSED once paid / closed);
//   other parameters: INVALID_REQUEST "订单重入时，要求参数值与原请求一致，请确认参数问题"; an out_trade_no
//   already used by a Quick Pay order: OUT_TRADE_NO_USED. Close: NOTPAY -> CLOSED; paid -> ORDERPAID;
//   closed -> ORDERCLOSED (the v3 front answers 204); USERPAYING / REVOKED / PAYERROR -> TRADE_STATE_ERROR.
//   No 5-minute minimum before closing.
// - code_url is weixin://wxpay/bizpayurl?pr=XXXXXXX for CN merchants, weixin://wxpay/s/XXXXXXX for HK ones.
// - Refunds: only paid orders (ORDERNOTEXIST otherwise, as WeChat), total must equal the order amount,
//   cumulative refunds (PROCESSING + SUCCESS + ABNORMAL) <= the amount, <= 50 refunds per order, both
//   INVALID_REQUEST; same out_refund_no with identical order and amounts returns the existing refund,
//   otherwise INVALID_REQUEST. A refund is PROCESSING for SimSettings::refundDelay, then SUCCESS — or
//   ABNORMAL if its reason contains "SIM_ABNORMAL", CLOSED if it contains "SIM_CLOSED" (closed refunds free
//   their amount). The order reads REFUND while it has a refund that is not CLOSED.
// - A reversed (REVOKED) order that had been paid appears in the bill as a REVOKED line on the day of the
//   reversal, shaped like a refund line; its refund id is generated and used as 商户退款单号 too.
// - Quick Pay reverse windows (reversewindows.h): v2, Global and HK have a documented 7 days; for APIv3
//   domestic no window was found, so 1 day is used without a source. Past the window the v3 families answer
//   400 INVALID_REQUEST: the official codepay reverse page lists only 400 PARAM_ERROR / INVALID_REQUEST,
//   401 SIGN_ERROR and 500 SYSTEM_ERROR, and of those only INVALID_REQUEST fits a well-formed request that a
//   business rule refuses.
// - Quick Pay ACCEPT / NOTPAY orders (scenarios 12-14) and the hidden order of 15 are not auto-revoked after
//   45 s; reverse revokes an ACCEPT / NOTPAY order, answers ORDERNOTEXIST for a hidden one; close refuses a
//   Quick Pay NOTPAY order with TRADE_STATE_ERROR (scenario.h).
// - Bills (China dates) exist from 10:00 China time the next day (earlier: BILL_CREATING; today or later,
//   older than 3 months, or no line that day: NO_BILL_EXIST), unless SimSettings::billsImmediately.
//   bill_type SUCCESS / REFUND keep the 27-column layout and filter the lines; RECHARGE_REFUND has none.

#include "common/clock.h"
#include "common/domain.h"
#include "common/nonce.h"
#include "common/result.h"
#include "sim/bill.h"
#include "sim/fault.h"
#include "sim/merchant.h"
#include "sim/reversewindows.h"
#include "sim/scenario.h"

#include <QJsonObject>
#include <QList>

#include <chrono>
#include <memory>
#include <optional>

namespace wxpay::sim {

struct SimSettings
{
    std::chrono::seconds nativeExpiry { 7200 }; // code_url validity when time_expire is not given
    std::chrono::seconds quickPayAutoRevoke { 45 }; // USERPAYING orders are revoked after this
    std::chrono::seconds refundDelay { 5 }; // PROCESSING -> final
    std::chrono::seconds unionIdWindow { 300 }; // getpaidunionid works this long after payment
    int maxRefundsPerOrder = 50;
    ReverseWindows reverseWindows; // per API family, with their sources (reversewindows.h)
    int refundWindowDays = 365;
    int feeRateBasisPoints = 60; // 0.60 %, the bill's 费率 and 手续费
    bool billsImmediately = false; // the sandbox console may want today's bill at once

    QJsonObject toJson() const;
    static Result<SimSettings> fromJson(const QJsonObject& json);
};

// What the simulator thinks happened to one order, for tests to compare with the client's history.
struct LedgerEntry
{
    QString mchid;
    QString subMchid;
    QString outTradeNo;
    QString transactionId; // empty until paid
    QString tradeType; // NATIVE, MICROPAY
    TradeState state = TradeState::Unknown;
    QString authCode; // Quick Pay only
    QString payerOpenid; // empty until paid
    Money total;
    Money charged; // taken from the customer: the total once paid, else zero (never more: one charge per order)
    Money refunded; // refunds in SUCCESS
    Money refundPending; // refunds in PROCESSING
    Money reversed; // given back by a reversal of a paid order
    int refundCount = 0;
    QDateTime createTime;
    QDateTime successTime;
    QList<Refund> refunds;
};

class SimEngine
{
public:
    SimEngine(const Clock& clock, NonceSource& nonce, SimSettings settings = {});
    ~SimEngine();
    SimEngine(const SimEngine&) = delete;
    SimEngine& operator=(const SimEngine&) = delete;

    const Clock& clock() const;
    const SimSettings& settings() const;
    void setSettings(const SimSettings& settings);

    // ---- merchants ----
    // Input SIM_MERCHANT_INVALID for an invalid or duplicate (mchid, sub_mchid).
    Status addMerchant(const SimMerchant& merchant);
    Status addMerchants(const MerchantSet& set); // also sets the authority when the set has one
    QList<SimMerchant> merchants() const;
    const SimMerchant* merchant(const QString& mchid, const QString& subMchid = {}) const;
    const SimMerchant* merchantByMiniAppid(const QString& miniAppid) const;
    // The merchant a request names: MCHID_NOT_EXIST, or APPID_MCHID_NOT_MATCH when an appid / sub_appid is
    // given and is not the merchant's. An empty appid is not checked (v3 queries carry only mchid).
    Result<SimMerchant> resolve(const MerchantIds& ids) const;
    const std::optional<SimAuthority>& authority() const;
    void setAuthority(const SimAuthority& authority);

    // ---- payments ----
    Result<NativeOrder> createNative(const MerchantIds& ids, const NativeOrderRequest& request);
    // The sandbox's "customer scans and pays" (also "enters the password" for a USERPAYING Quick Pay order).
    // Without an openid the merchant's sandbox customer pays (sandboxOpenid()).
    Result<Transaction> customerPays(const MerchantIds& ids, const QString& outTradeNo, const QString& openid = {});
    // Success when paid at once, and for scenarios 12-14 the order in its non-final state (ACCEPT / NOTPAY:
    // v3 answers 200 with that trade_state, the v2 front SYSTEMERROR); otherwise the scenario's Business error
    // (USERPAYING, SYSTEMERROR, ...).
    Result<Transaction> micropay(const MerchantIds& ids, const MicropayRequest& request);
    // By transaction_id when given (paid orders only), else by out_trade_no. Counts as a query for the
    // Quick Pay scenarios that change after N queries.
    Result<Transaction> queryOrder(const MerchantIds& ids, const OrderRef& order);
    Status closeOrder(const MerchantIds& ids, const OrderRef& order);
    // Success: the order is REVOKED (recall is always false then). SYSTEMERROR and USERPAYING errors mean
    // "call reverse again" (v2 recall=Y); see shouldRecall(). `family` is the API the reverse came through:
    // it chooses the window (SimSettings::reverseWindows); past it REVERSE_EXPIRE and nothing changes.
    Result<ReverseResult> reverse(const MerchantIds& ids, const OrderRef& order, ApiFamily family = ApiFamily::V2);
    static bool shouldRecall(const Error& reverseError);

    // ---- refunds ----
    Result<Refund> refund(const MerchantIds& ids, const RefundRequest& request);
    // By refund_id, else out_refund_no, else every refund of the order (oldest first). REFUNDNOTEXIST.
    Result<QList<Refund>> queryRefunds(const MerchantIds& ids, const RefundRef& ref);

    // ---- bills ----
    Result<BillFile> tradeBill(const MerchantIds& ids, const BillRequest& request);

    // ---- mini-program (api.weixin.qq.com) ----
    // /cgi-bin/token: 40013 unknown appid, 40001 wrong secret.
    Result<AccessToken> issueAccessToken(const QString& appid, const QString& secret);
    // /cgi-bin/stable_token: as above, plus 45009 / 45011 for force_refresh quotas.
    Result<AccessToken> stableAccessToken(const QString& appid, const QString& secret, bool forceRefresh);
    // The unionid of the payer: 41001/40001/42001 token, 89002 not bound, 89300 no such paid order of this
    // app or more than 5 minutes after payment, 40003 not the payer's openid.
    Result<QString> getPaidUnionId(const QString& accessToken, const PaidUnionIdQuery& query);
    // The sandbox customer's openid under an appid, and the unionid of any openid (stable, derived).
    static QString sandboxOpenid(const QString& appid);
    static QString unionIdFor(const QString& openid);

    // ---- faults ----
    FaultPlan& faults();
    std::optional<Fault> takeFault(Operation operation);

    // ---- tests and persistence ----
    // Every order (settled to now), oldest first.
    QList<LedgerEntry> ledger();
    // The whole state: settings, authority, merchants, orders, refunds, used codes, tokens, faults.
    QJsonObject toJson() const;
    // Replaces the whole state; on error nothing changes.
    Status fromJson(const QJsonObject& json);

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace wxpay::sim
