#pragma once

// What every workflow works with: one merchant profile's gateway, the history stores, time and randomness.
// Nothing here is owned; all of it must outlive the workflows built on it.

#include "common/clock.h"
#include "common/nonce.h"
#include "gateway/paymentgateway.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/orderstore.h"
#include "storage/refundstore.h"
#include "workflows/scheduler.h"

#include <QString>

namespace wxpay::workflows {

struct WorkflowContext
{
    QString profileId;
    QString actor; // the cashier named in the history and the audit log; "system" when empty
    gateway::PaymentGateway& gateway;
    storage::Database& database;
    storage::OrderStore& orders;
    storage::RefundStore& refunds;
    storage::AuditLog& audit;
    storage::Journal& journal;
    const Clock& clock;
    Scheduler& scheduler;
    NonceSource& nonces; // generated out_trade_no / out_refund_no

    QString actorName() const { return actor.isEmpty() ? QStringLiteral("system") : actor; }
};

// A fresh merchant number: prefix + China time yyyyMMddHHmmss + 8 random characters of [0-9A-Za-z]
// (e.g. "N20250101103000a1B2c3D4", 23 characters with a one-letter prefix; out_trade_no allows 6-32).
QString generateMerchantNo(QStringView prefix, const Clock& clock, NonceSource& nonces);

} // namespace wxpay::workflows
