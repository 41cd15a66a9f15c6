#include "translation.h"

#include "log.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace wxpay::ui {

namespace {

const QString kConsoleTranslator = QStringLiteral("wxpayConsoleTranslator");
const QString kQtTranslator = QStringLiteral("wxpayQtTranslator");

} // namespace

QString languageForLocale(const QLocale& locale)
{
    return locale.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QLocale localeForChoice(const QString& choice, const QLocale& system)
{
    if (choice == u"zh_CN")
        return QLocale(QLocale::Chinese, QLocale::China);
    if (choice == u"en")
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return system;
}

QString installTranslation(QCoreApplication& app, const QLocale& locale)
{
    const auto previous = app.findChildren<QTranslator*>(Qt::FindDirectChildrenOnly);
    for (QTranslator* translator : previous) {
        if (translator->objectName() == kConsoleTranslator || translator->objectName() == kQtTranslator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

    QString language = languageForLocale(locale);
    auto* console = new QTranslator(&app);
    console->setObjectName(kConsoleTranslator);
    if (!console->load(QStringLiteral(":/i18n/wxpay_") + language)) {
        qCWarning(lcUi) << "translation" << language << "is missing from the resources";
        delete console;
        language = QStringLiteral("en");
    } else {
        QCoreApplication::installTranslator(console);
    }

    // Qt's own strings (file dialogs, context menus) come from the system's qtbase translations, when installed.
    if (language != u"en") {
        auto* qt = new QTranslator(&app);
        qt->setObjectName(kQtTranslator);
        if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        else
            delete qt;
    }
    // Dates and numbers follow the language shown (the system's own variant of it where it is the same language).
    QLocale::setDefault(languageForLocale(locale) == language ? locale : localeForChoice(language));
    return language;
}

} // namespace wxpay::ui
