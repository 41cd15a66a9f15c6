#pragma once

// The engine's own records of orders and refunds, and their JSON form in the state file. Internal to
// core/sim: the front and the tests see them only through SimEngine.

#include "common/domain.h"
#include "common/result.h"
#include "sim/scenario.h"

#include <QJsonObject>
#include <QStringBuilder>

#include <algorithm>
#include <optional>

namespace wxpay::sim::detail {

inline constexpr QStringView kNative = u"NATIVE";
inline constexpr QStringView kMicropay = u"MICROPAY";

struct RefundRecord
{
    QString refundId;
    QString outRefundNo;
    QString reason;
    QString notifyUrl;
    Money amount;
    Money total;
    QDateTime createTime;
    QDateTime finishTime; // when PROCESSING ends
    RefundStatus status = RefundStatus::Processing;
    RefundStatus outcome = RefundStatus::Success;
};

struct OrderRecord
{
    QString mchid;
    QString subMchid;
    QString appid; // the appid paid under
    QString outTradeNo;
    QString transactionId;
    QString tradeType;
    QString description;
    QString attach;
    QString notifyUrl;
    QString productId;
    QString clientIp;
    QString deviceId;
    QString operatorId;
    QString merchantCategoryCode;
    Money total;
    QDateTime requestedExpire; // time_expire as sent (re-entry must match)
    QDateTime createTime;
    QDateTime expireTime;
    QDateTime successTime;
    QDateTime endTime; // closed / revoked / failed
    TradeState state = TradeState::NotPay; // NotPay, UserPaying, Success, Closed, Revoked or PayError
    QString openid;
    Money payerTotal;
    std::optional<ExchangeRate> exchangeRate;
    QString codeUrl;
    QString prepayId;
    // Quick Pay
    QString authCode;
    QuickPayScenario scenario = QuickPayScenario::Success;
    int scenarioN = 0;
    int queries = 0;
    int recallsLeft = 0;
    bool reversibleWhilePaying = false;
    QString failCode;
    QString failMessage;
    bool paidBeforeRevoke = false;
    QString revokeRefundId;
    QList<RefundRecord> refunds;

    QString merchantKey() const { return mchid % u'/' % subMchid; }
    bool hasActiveRefund() const
    {
        return std::any_of(
            refunds.cbegin(), refunds.cend(), [](const RefundRecord& r) { return r.status != RefundStatus::Closed; });
    }
    TradeState effectiveState() const
    {
        return state == TradeState::Success && hasActiveRefund() ? TradeState::Refund : state;
    }
};

QJsonObject toJson(const RefundRecord& refund);
Result<RefundRecord> refundFromJson(const QJsonObject& json);
QJsonObject toJson(const OrderRecord& order);
Result<OrderRecord> orderFromJson(const QJsonObject& json);

} // namespace wxpay::sim::detail
