#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

namespace wxpay::console {

// Renders every panel of the console at 1280×800 as PNG files in `directory` (created if missing), in `language`
// ("zh_CN" or "en"): the real console on its built-in sandbox, with payments, a refund behind the manager PIN and a
// unionid lookup made there, on a manual clock. Sample profiles in a throw-away settings file, secrets in memory and
// a temporary history: the user's own settings, keychain and history are never touched. Works on the offscreen
// platform. Returns the paths written; Storage SCREENSHOT_FAILED when a file cannot be written, Protocol
// SCREENSHOT_NOT_READY when the sandbox did not get ready.
Result<QStringList> renderScreenshots(const QString& directory, const QString& language);

} // namespace wxpay::console
