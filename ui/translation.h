#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace wxpay::ui {

// The language the console speaks for `locale`: "zh_CN" for any Chinese locale, "en" otherwise.
QString languageForLocale(const QLocale& locale);

// What a stored language choice means: "zh_CN" and "en" are themselves; "system" (or anything else) follows
// `system`.
QLocale localeForChoice(const QString& choice, const QLocale& system = QLocale::system());

// Installs the console's translation for `locale` (and Qt's own, for its dialogs, where the system has it),
// replacing what an earlier call installed; every widget then gets a LanguageChange event. Returns the language
// actually installed: "zh_CN" or "en".
QString installTranslation(QCoreApplication& app, const QLocale& locale);

} // namespace wxpay::ui
