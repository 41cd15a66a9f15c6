#pragma once

#include <QLocale>

class QCoreApplication;

namespace wxpay::ui {

// Installs the console's translation for `locale` (Simplified Chinese for any zh locale, otherwise
// English). Returns the language actually installed: "zh_CN" or "en".
QString installTranslation(QCoreApplication& app, const QLocale& locale);

} // namespace wxpay::ui
