#include "common/domain.h"

#include <array>
#include <utility>

namespace wxpay {

namespace {

constexpr std::array kTradeStates {
    std::pair { TradeState::NotPay, u"NOTPAY" },
    std::pair { TradeState::UserPaying, u"USERPAYING" },
    std::pair { TradeState::Success, u"SUCCESS" },
    std::pair { TradeState::Refund, u"REFUND" },
    std::pair { TradeState::Closed, u"CLOSED" },
    std::pair { TradeState::Revoked, u"REVOKED" },
    std::pair { TradeState::PayError, u"PAYERROR" },
    std::pair { TradeState::Accept, u"ACCEPT" },
};

constexpr std::array kRefundStatuses {
    std::pair { RefundStatus::Processing, u"PROCESSING" },
    std::pair { RefundStatus::Success, u"SUCCESS" },
    std::pair { RefundStatus::Closed, u"CLOSED" },
    std::pair { RefundStatus::Abnormal, u"ABNORMAL" },
    std::pair { RefundStatus::Change, u"CHANGE" },
};

constexpr std::array kFamilies {
    std::pair { ApiFamily::V2, u"v2" },
    std::pair { ApiFamily::V3, u"v3" },
    std::pair { ApiFamily::Global, u"global" },
    std::pair { ApiFamily::HkV3, u"hk" },
};

} // namespace

QString apiFamilyName(ApiFamily family)
{
    for (const auto& [value, name] : kFamilies) {
        if (value == family)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<ApiFamily> apiFamilyFromName(QStringView name)
{
    for (const auto& [value, text] : kFamilies) {
        if (name == QStringView(text))
            return value;
    }
    return std::nullopt;
}

QString tradeStateName(TradeState state)
{
    for (const auto& [value, name] : kTradeStates) {
        if (value == state)
            return QString::fromUtf16(name);
    }
    return QStringLiteral("UNKNOWN");
}

TradeState tradeStateFromName(QStringView name)
{
    for (const auto& [value, text] : kTradeStates) {
        if (name == QStringView(text))
            return value;
    }
    return TradeState::Unknown;
}

bool isFinal(TradeState state)
{
    switch (state) {
    case TradeState::Success:
    case TradeState::Refund:
    case TradeState::Closed:
    case TradeState::Revoked:
    case TradeState::PayError:
        return true;
    case TradeState::Unknown:
    case TradeState::NotPay:
    case TradeState::UserPaying:
    case TradeState::Accept:
        return false;
    }
    return false;
}

QString refundStatusName(RefundStatus status)
{
    for (const auto& [value, name] : kRefundStatuses) {
        if (value == status)
            return QString::fromUtf16(name);
    }
    return QStringLiteral("UNKNOWN");
}

RefundStatus refundStatusFromName(QStringView name)
{
    if (name == u"CLOSE" || name == u"REFUNDCLOSE")
        return RefundStatus::Closed;
    for (const auto& [value, text] : kRefundStatuses) {
        if (name == QStringView(text))
            return value;
    }
    return RefundStatus::Unknown;
}

} // namespace wxpay
