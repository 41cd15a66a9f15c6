#include "storage/records.h"

#include <array>
#include <utility>

namespace wxpay::storage {

namespace {

constexpr std::array kJournalKinds {
    std::pair { JournalKind::NativeCreate, u"native_create" },
    std::pair { JournalKind::Micropay, u"micropay" },
    std::pair { JournalKind::Query, u"query" },
    std::pair { JournalKind::Reverse, u"reverse" },
    std::pair { JournalKind::Close, u"close" },
    std::pair { JournalKind::Refund, u"refund" },
    std::pair { JournalKind::RefundQuery, u"refund_query" },
};

} // namespace

QString journalKindName(JournalKind kind)
{
    for (const auto& [value, name] : kJournalKinds) {
        if (value == kind)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<JournalKind> journalKindFromName(QStringView name)
{
    for (const auto& [value, text] : kJournalKinds) {
        if (name == QStringView(text))
            return value;
    }
    return std::nullopt;
}

} // namespace wxpay::storage
