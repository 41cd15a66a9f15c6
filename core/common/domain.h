#pragma once

// Domain types shared by every API family: what the console means, independent of wire format.

#include "common/money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace wxpay {

// The API families a merchant profile can speak.
enum class ApiFamily
{
    V2, // APIv2 XML (api.mch.weixin.qq.com, or apihk for cross-border merchants)
    V3, // APIv3 domestic (/v3/pay/transactions/..., /v3/refund/domestic/...)
    Global, // APIv3 Global / cross-border (/v3/global/...)
    HkV3, // the older Hong Kong wallet family (/hk/v3/...)
};
QString apiFamilyName(ApiFamily family); // "v2", "v3", "global", "hk"
std::optional<ApiFamily> apiFamilyFromName(QStringView name);

enum class TradeState
{
    Unknown,
    NotPay,
    UserPaying,
    Success,
    Refund,
    Closed,
    Revoked,
    PayError,
    Accept
};
QString tradeStateName(TradeState state); // the wire spelling: "SUCCESS", "NOTPAY", ...
TradeState tradeStateFromName(QStringView name);
bool isFinal(TradeState state); // Success, Refund, Closed, Revoked, PayError

enum class RefundStatus
{
    Unknown,
    Processing,
    Success,
    Closed,
    Abnormal,
    Change
};
QString refundStatusName(RefundStatus status); // "PROCESSING", "SUCCESS", "CLOSED", "ABNORMAL", "CHANGE"
RefundStatus refundStatusFromName(QStringView name); // accepts CLOSE / REFUNDCLOSE / CLOSED as Closed

// Who the request is for. In service-provider / institution mode `mchid`/`appid` are the sp ids.
struct MerchantIds
{
    QString mchid;
    QString appid;
    QString subMchid;
    QString subAppid;
    bool isServiceProvider() const { return !subMchid.isEmpty(); }
};

// An order is named by WeChat's id (transaction_id; `id` in Global) or by the merchant's out_trade_no.
struct OrderRef
{
    QString transactionId;
    QString outTradeNo;
    static OrderRef byTransactionId(QString id) { return { std::move(id), {} }; }
    static OrderRef byOutTradeNo(QString no) { return { {}, std::move(no) }; }
};

struct ExchangeRate
{
    QString type; // e.g. SETTLEMENT_RATE
    qint64 rate = 0; // the rate times 10^8, as Global sends it
};

struct NativeOrderRequest
{
    QString outTradeNo;
    QString description;
    Money amount;
    QString notifyUrl;
    QString attach;
    QDateTime timeExpire; // optional
    QString clientIp; // spbill_create_ip / payer_client_ip
    QString deviceId;
    QString productId; // v2 NATIVE product_id
    QString merchantCategoryCode; // Global / HK only
};

struct NativeOrder
{
    QString codeUrl;
    QString prepayId; // v2 only
};

struct MicropayRequest
{
    QString outTradeNo;
    QString description;
    Money amount;
    QString authCode;
    QString clientIp;
    QString deviceId;
    QString operatorId;
    QString attach;
    QString merchantCategoryCode; // Global / HK only
};

// An order as WeChat reports it (query, micropay success).
struct Transaction
{
    QString outTradeNo;
    QString transactionId;
    TradeState state = TradeState::Unknown;
    QString stateDescription;
    QString tradeType; // NATIVE, MICROPAY, ...
    Money total; // order amount in the order currency
    std::optional<Money> payerTotal; // what the payer paid, in the payer's currency (Global: may differ)
    std::optional<ExchangeRate> exchangeRate;
    QString openid;
    QString bankType;
    QString attach;
    QDateTime successTime; // UTC; invalid while unpaid
};

struct ReverseResult
{
    bool recall = false; // v2 recall=Y: call reverse again
};

struct RefundRequest
{
    OrderRef order;
    QString outRefundNo;
    Money refund;
    Money total;
    QString reason;
    QString notifyUrl;
};

// A refund is named by WeChat's refund_id or the merchant's out_refund_no; v2 may also list all
// refunds of an order.
struct RefundRef
{
    QString refundId;
    QString outRefundNo;
    OrderRef order;
};

struct Refund
{
    QString refundId;
    QString outRefundNo;
    QString transactionId;
    QString outTradeNo;
    RefundStatus status = RefundStatus::Unknown;
    Money refund;
    Money total;
    std::optional<Money> payerRefund;
    std::optional<ExchangeRate> exchangeRate;
    QString channel;
    QString receivedAccount;
    QDateTime createTime; // UTC
    QDateTime successTime; // UTC
};

struct BillRequest
{
    QDate date;
    QString type = QStringLiteral("ALL"); // ALL, SUCCESS, REFUND
};

// v2 returns the bill text at once; v3 returns where to download it and the hash to check.
struct BillDownload
{
    QByteArray content;
    QString downloadUrl;
    QString hashType;
    QString hashValue;
};

// Mini-program server API (getpaidunionid).
struct AccessToken
{
    QString token;
    QDateTime expiresAt; // UTC
};

struct PaidUnionIdQuery
{
    QString openid;
    QString transactionId; // either this ...
    QString mchId; // ... or mch_id + out_trade_no
    QString outTradeNo;
};

} // namespace wxpay
