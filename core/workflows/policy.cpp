#include "workflows/policy.h"

#include "workflows/internal.h"

namespace wxpay::workflows::policy {

using namespace std::chrono_literals;

QList<std::chrono::milliseconds> quickPayQueryDelays(ApiFamily family)
{
    switch (family) {
    case ApiFamily::V2:
    case ApiFamily::V3:
    case ApiFamily::Global:
    case ApiFamily::HkV3:
        break;
    }
    return { 5s, 5s, 5s, 5s, 5s, 5s };
}

std::chrono::hours reverseWindow(ApiFamily family)
{
    switch (family) {
    case ApiFamily::V2:
    case ApiFamily::Global:
    case ApiFamily::HkV3:
        return std::chrono::hours(7 * 24);
    case ApiFamily::V3:
        break;
    }
    return std::chrono::hours(24);
}

bool canReverse(ApiFamily family, const QDateTime& orderCreated, const QDateTime& now)
{
    if (!orderCreated.isValid())
        return false;
    const auto window = std::chrono::duration_cast<std::chrono::seconds>(reverseWindow(family));
    return now < orderCreated.addSecs(window.count());
}

bool inFlightSettled(const QDateTime& lastSent, const QDateTime& now, std::chrono::milliseconds settle)
{
    return !lastSent.isValid() || now >= lastSent.addMSecs(settle.count());
}

QList<std::chrono::milliseconds> watchDelays()
{
    return { 30s, 60s, 120s, 300s, 600s, 900s };
}

bool isDefiniteDecline(const Error& error)
{
    if (error.kind != ErrorKind::Business || detail::outcomeUnknown(error))
        return false;
    return detail::hasCode(error,
        { u"AUTHCODEEXPIRE", u"NOTENOUGH", u"NOTSUPORTCARD", u"NOTSUPPORTCARD", u"ORDERCLOSED", u"ORDERREVERSED",
            u"AUTHCODEERROR", u"AUTHCODEINVALID", u"BUYERMISMATCH", u"TRADEERROR", u"NOAUTH", u"PARAMERROR",
            u"LACKPARAMS", u"SIGNERROR", u"APPIDMCHIDNOTMATCH", u"APPIDNOTEXIST", u"MCHIDNOTEXIST", u"XMLFORMATERROR",
            u"NOTUTF8", u"REQUIREPOSTMETHOD", u"POSTDATAEMPTY",
            // A trade_state in a verified micropay answer that is final and unpaid.
            u"PAYERROR", u"CLOSED", u"REVOKED" });
}

bool isNotFound(const Error& error)
{
    return error.kind == ErrorKind::Business && detail::hasCode(error, { u"ORDERNOTEXIST", u"RESOURCENOTEXISTS" });
}

bool isRefundNotFound(const Error& error)
{
    return error.kind == ErrorKind::Business && detail::hasCode(error, { u"REFUNDNOTEXIST", u"RESOURCENOTEXISTS" });
}

} // namespace wxpay::workflows::policy
