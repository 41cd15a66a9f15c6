#include "exitcodes.h"

#include <QCoreApplication>

namespace wxpay::cli {

int exitCodeFor(const Error& error)
{
    switch (error.kind) {
    case ErrorKind::Input:
        return kExitUsage;
    case ErrorKind::Network:
    case ErrorKind::Http:
        return kExitNetwork;
    case ErrorKind::Verification:
    case ErrorKind::Protocol:
        return kExitVerification;
    case ErrorKind::Business:
        return kExitBusiness;
    case ErrorKind::Credentials:
        return kExitCredentials;
    case ErrorKind::Storage:
        return kExitStorage;
    case ErrorKind::Cancelled:
        return kExitNotCompleted;
    }
    return kExitInternal;
}

int unsettledExitCode(const std::optional<Error>& error)
{
    if (!error)
        return kExitNotCompleted;
    switch (error->kind) {
    case ErrorKind::Network:
    case ErrorKind::Http:
    case ErrorKind::Verification:
    case ErrorKind::Protocol:
    case ErrorKind::Credentials:
    case ErrorKind::Storage:
        return exitCodeFor(*error);
    case ErrorKind::Input:
    case ErrorKind::Business:
    case ErrorKind::Cancelled:
        break;
    }
    return kExitNotCompleted;
}

QString exitCodeHelp()
{
    return QCoreApplication::translate("wxpay::cli",
        "Exit codes:\n"
        "  0  done: paid, refunded or refund accepted, answered, saved\n"
        "  1  internal error (a bug in wxpay-cli)\n"
        "  2  bad command line or input (amount, id, payment code, unknown profile, unreadable file, order not in\n"
        "     the history, refund above what is refundable): refused before any request was sent\n"
        "  3  network: no usable answer from WeChat Pay (connection, TLS, timeout, HTTP error without an answer)\n"
        "  4  verification: an answer that could not be trusted (signature, timestamp, serial) or was malformed;\n"
        "     nothing in it was believed\n"
        "  5  business: WeChat Pay refused (e.g. NOTENOUGH, AUTHCODEEXPIRE, ORDERNOTEXIST, ORDERPAID, refund refused)\n"
        "  6  credentials: keychain locked or unavailable, a secret missing or unusable, wrong manager PIN\n"
        "  7  storage: the history database or the settings file cannot be used, or another wxpay-cli holds the\n"
        "     history for a payment in progress\n"
        "  8  not completed: the payment was not made (reversed, closed, expired, failed) or the refund did not pay\n"
        "     out (closed, abnormal), or the outcome is not settled yet (the journal keeps it: run `wxpay-cli "
        "resume`)\n");
}

} // namespace wxpay::cli
