#pragma once

#include "common/clock.h"
#include "common/domain.h"
#include "common/result.h"
#include "storage/records.h"

#include <QList>

#include <optional>

namespace wxpay::storage {

class Database;

// Refunds, each linked to its order (same profile and out_trade_no). A refund is inserted before its request
// is sent; a retry reuses the stored out_refund_no.
class RefundStore
{
public:
    RefundStore(Database& db, const Clock& clock);

    // Writes a new refund and returns its id; createdAt defaults to the clock's now. Input REFUND_INVALID for a
    // row without profile, ids or a positive amount, CURRENCY_MISMATCH when it is not in the order's currency;
    // Storage NOT_FOUND when the order is not in the history, DUPLICATE when the profile already has this
    // out_refund_no.
    Result<qint64> insert(const RefundRecord& refund);

    // Records what WeChat reported about a refund, found by out_refund_no: refund_id, status, success time;
    // stamps lastConfirmedAt and clears lastError. Storage NOT_FOUND for an unknown refund,
    // REFUND_ID_CONFLICT when the refund already has a different refund_id.
    Status applyRefund(const QString& profileId, const Refund& refund);
    Status recordError(const QString& profileId, const QString& outRefundNo, const Error& error);

    Result<std::optional<RefundRecord>> findByOutRefundNo(const QString& profileId, const QString& outRefundNo) const;
    Result<std::optional<RefundRecord>> findByRefundId(const QString& refundId) const;
    // The order's refunds, oldest first.
    Result<QList<RefundRecord>> forOrder(const QString& profileId, const QString& outTradeNo) const;
    // The sum of the order's refunds except closed ones (processing and abnormal refunds may still pay out), in
    // the order's currency: what a new refund must be added to before it is checked against the order amount.
    // Storage NOT_FOUND when the order is not in the history.
    Result<Money> refundedTotal(const QString& profileId, const QString& outTradeNo) const;
    // The profile's latest refunds, newest first, at most `limit` (1 or more; Input LIMIT_INVALID otherwise).
    Result<QList<RefundRecord>> recent(const QString& profileId, int limit) const;
    // The profile's refunds whose outcome WeChat has not settled yet (UNKNOWN or PROCESSING), oldest first.
    Result<QList<RefundRecord>> pending(const QString& profileId) const;

private:
    enum class Order
    {
        OldestFirst,
        NewestFirst
    };
    Result<QList<RefundRecord>> select(
        const QString& condition, const QVariantList& values, int limit, Order order = Order::OldestFirst) const;

    Database& m_db;
    const Clock& m_clock;
};

} // namespace wxpay::storage
