#include "sim/businesscodes.h"

#include <array>

namespace wxpay::sim {

namespace {

struct Row
{
    const char16_t* v2;
    const char16_t* v3;
    int status;
    const char16_t* message;
};

// v2 names: protocol.md section 2 (WxJava WxPayErrorCode); v3 names and statuses: protocol.md 3.5.
constexpr std::array kRows {
    Row { u"SYSTEMERROR", u"SYSTEM_ERROR", 500, u"系统繁忙，请稍后重试" },
    Row { u"BANKERROR", u"BANK_ERROR", 500, u"银行系统异常" },
    Row { u"NOTENOUGH", u"NOT_ENOUGH", 403, u"余额不足" },
    Row { u"NOAUTH", u"NO_AUTH", 403, u"商户号该产品权限未开通，请前往商户平台>产品中心检查后重试" },
    Row { u"TRADE_ERROR", u"TRADE_ERROR", 403, u"交易错误" },
    Row { u"USER_ACCOUNT_ABNORMAL", u"USER_ACCOUNT_ABNORMAL", 403, u"退款请求失败，用户帐号异常" },
    Row { u"AUTHCODEEXPIRE", u"AUTHCODE_EXPIRE", 403, u"二维码已过期，请用户在微信上刷新后再试" },
    Row { u"USERPAYING", u"USERPAYING", 403, u"需要用户输入支付密码" },
    Row { u"ORDERNOTEXIST", u"ORDER_NOT_EXIST", 404, u"订单不存在" },
    Row { u"REFUNDNOTEXIST", u"RESOURCE_NOT_EXISTS", 404, u"退款单不存在" },
    Row { u"ORDERPAID", u"ORDER_PAID", 400, u"订单已支付" },
    Row { u"ORDERCLOSED", u"ORDER_CLOSED", 400, u"订单已关闭" },
    Row { u"ORDERREVERSED", u"ORDER_REVERSED", 400, u"订单已撤销" },
    Row { u"INVALID_REQUEST", u"INVALID_REQUEST", 400, u"请求不符合业务规则" },
    Row { u"PARAM_ERROR", u"PARAM_ERROR", 400, u"参数错误" },
    Row { u"INVALID_TRANSACTIONID", u"INVALID_TRANSACTIONID", 400, u"无效的transaction_id" },
    Row { u"MCHID_NOT_EXIST", u"MCH_NOT_EXISTS", 400, u"商户号不存在" },
    Row { u"SIGNERROR", u"SIGN_ERROR", 401, u"签名错误" },
    Row { u"FREQUENCY_LIMITED", u"FREQUENCY_LIMITED", 429, u"请求频率超过限制，请稍后重试" },
};

} // namespace

BusinessCode businessCode(QStringView code)
{
    for (const Row& row : kRows) {
        if (code == QStringView(row.v2) || code == QStringView(row.v3)) {
            return { QString::fromUtf16(row.v2), QString::fromUtf16(row.v3), row.status,
                QString::fromUtf16(row.message) };
        }
    }
    const QString same = code.toString();
    return { same, same, 400, QStringLiteral("业务错误") };
}

} // namespace wxpay::sim
