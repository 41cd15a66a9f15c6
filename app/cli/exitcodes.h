#pragma once

// wxpay-cli's exit codes: one per way a command can end, so that scripts can tell "fix the command line" from
// "try again later" from "WeChat said no" without parsing messages.

#include "common/error.h"

#include <QString>

#include <optional>

namespace wxpay::cli {

enum ExitCode : int
{
    kExitOk = 0, // done: paid, refunded or accepted, answered, saved
    kExitInternal = 1, // a bug in wxpay-cli
    kExitUsage = 2, // bad command line or input, refused before any request was sent
    kExitNetwork = 3, // no usable answer from WeChat Pay (connection, TLS, timeout, HTTP error without an answer)
    kExitVerification = 4, // an answer that could not be trusted (signature, timestamp, serial) or was malformed
    kExitBusiness = 5, // WeChat Pay answered with a refusal (err_code / code)
    kExitCredentials = 6, // the keychain is locked or unavailable, a secret is missing or unusable, wrong PIN
    kExitStorage = 7, // the history database or the settings file cannot be used
    kExitNotCompleted = 8, // the payment or refund did not complete, or needs a person to look at it
};

// The exit code of a command that ended with `error`.
int exitCodeFor(const Error& error);

// The exit code of a payment or refund that ended unsettled: what kept it from settling when that was no answer, an
// untrusted answer or a local problem (3, 4, 6, 7); otherwise kExitNotCompleted.
int unsettledExitCode(const std::optional<Error>& error);

// The table above for --help.
QString exitCodeHelp();

} // namespace wxpay::cli
