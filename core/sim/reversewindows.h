#pragma once

// How long after an order was created WeChat still accepts a Quick Pay reverse, per API family. Past it the
// reverse is refused (v2 REVERSE_EXPIRE; v3 / Global / HK 400 INVALID_REQUEST, see frontv3.cpp) and the
// order is left as it is: a paid order is then a refund decision for a person.

#include "common/domain.h"
#include "common/result.h"

#include <QJsonValue>

namespace wxpay::sim {

struct ReverseWindows
{
    // APIv2 /secapi/pay/reverse: "7天以内的交易单可调用撤销" (protocol.md 2.1,
    // https://pay.weixin.qq.com/doc/v2/merchant/4011937361; the same for apihk,
    // https://pay.weixin.qq.com/doc/global/v2/zh/4013634900).
    int v2 = 7;
    // APIv3 domestic POST /v3/pay/transactions/out-trade-no/{out_trade_no}/reverse: its official page
    // (https://pay.weixin.qq.com/docs/merchant/apis/code-payment-v3/direct/reverse.html) names no window and
    // none was found elsewhere. 1 day is a decision without a source (engine.h): short enough that a client
    // which assumes v2's 7 days meets the refusal in tests.
    int v3 = 1;
    // Global POST /v3/global/micropay/transactions/.../reverse: "7天以内的交易单可调用撤销"
    // (https://pay.weixin.qq.com/wiki/doc/api_external/ch/apis/chapter3_1_7.shtml).
    int global = 7;
    // Hong Kong POST /hk/v3/transactions/.../reverse: the same sentence
    // (https://pay.weixin.qq.com/wiki/doc/api/wxpay/external_v3/ch/fusion_wallet_ch/QuickPay/chapter3_4.shtml).
    int hk = 7;

    int days(ApiFamily family) const;

    friend bool operator==(const ReverseWindows&, const ReverseWindows&) = default;

    // {"v2": 7, "v3": 1, "global": 7, "hk": 7}. fromJson also takes a single number (older state files had
    // one window for every family) and keeps the default for a family it does not name.
    QJsonValue toJson() const;
    static Result<ReverseWindows> fromJson(const QJsonValue& json);
};

} // namespace wxpay::sim
