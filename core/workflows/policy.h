#pragma once

// The numbers behind the money rules (../docs: architecture.md, "Rules that protect money"), in one place so
// that every workflow, the recovery and the re-drive follow the same table. Each value names its source; where
// WeChat documents nothing, the value is the conservative choice and says so.

#include "common/domain.h"
#include "common/error.h"

#include <QDateTime>
#include <QList>

#include <chrono>

namespace wxpay::workflows::policy {

// Quick Pay after an unclear answer: the waits before each order query, until the first reverse.
// Source: the APIv2 micropay guide (protocol.md §2.1): "wait 5 seconds, then query" after SYSTEMERROR /
// USERPAYING, and about 30 s in all before reversing (older pages say 30 s, the 2025 text 45 s); HK / Global
// recommend a query every 3-5 s and WeChat revokes an unpaid Quick Pay order itself after 45 s there. Six
// queries 5 s apart reach the reverse 30 s after the unclear answer on every family, inside the 45 s.
QList<std::chrono::milliseconds> quickPayQueryDelays(ApiFamily family);

// How long after an order was created WeChat still accepts a reverse (撤销) of a Quick Pay order.
// APIv2: 7 days (protocol.md §2, reverse: "only within 7 days", pay.weixin.qq.com/doc/v2/merchant/4011937361).
// Global: 7 days (pay.weixin.qq.com/wiki/doc/api_external/ch/apis/chapter3_1_7.shtml, "7天以内的交易单可调用撤销").
// HK: 7 days (the fusion-wallet Quick Pay reverse page, .../fusion_wallet_ch/QuickPay/chapter3_4.shtml, the same
// sentence). APIv3 domestic: the codepay reverse page names no window; one day, so that a reverse is never sent
// where WeChat may refuse it. Past the window the order is followed by queries only.
std::chrono::hours reverseWindow(ApiFamily family);
bool canReverse(ApiFamily family, const QDateTime& orderCreated, const QDateTime& now);

// How long a request that got no usable answer may still be running inside WeChat: the transport's timeout
// (15 s) plus a margin. Until then "order / refund does not exist" is not a definite answer: the request we
// could not see the end of may still create it.
inline constexpr std::chrono::seconds kInFlightSettle { 45 };
bool inFlightSettled(const QDateTime& lastSent, const QDateTime& now, std::chrono::milliseconds settle);

// Past the query schedule (or past the reverse window), an unsettled operation is queried again on this
// backoff while the workflow runs, and then by the re-drive; the last value repeats.
QList<std::chrono::milliseconds> watchDelays();
inline constexpr int kWatchQueries = 6;

// Quick Pay answers that say the payment definitely did not happen (protocol.md §2.1 "definite failure", seed
// 004's table): the payment code was refused, the balance was short, the request itself was refused. Codes
// compared without underscores, upper case. ORDERPAID and OUT_TRADE_NO_USED are not here: they say an order
// exists, which a query settles.
bool isDefiniteDecline(const Error& error);

// WeChat said, in a reply we verified, that the order is not there (v2 ORDERNOTEXIST, v3 ORDER_NOT_EXIST /
// RESOURCE_NOT_EXISTS) — or, for isRefundNotFound, that the refund is not there (v2 REFUNDNOTEXIST, v3
// RESOURCE_NOT_EXISTS). An "order not found" answer to a refund query says nothing about the refund.
bool isNotFound(const Error& error);
bool isRefundNotFound(const Error& error);

} // namespace wxpay::workflows::policy
