#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

namespace wxpay::ui {

// Renders every panel, the key import dialog, the QR view and the customer view at 1280×800 as PNG files in
// `directory` (created if missing), in `language` ("zh_CN" or "en"). Sample profiles only, in a throw-away settings
// file and an in-memory secret store: the user's own settings and keychain are never touched. Works on the
// offscreen platform. Returns the paths written; Storage SCREENSHOT_FAILED when a file cannot be written.
Result<QStringList> renderScreenshots(const QString& directory, const QString& language);

} // namespace wxpay::ui
