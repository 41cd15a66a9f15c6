#include "translation.h"

#include "log.h"

#include <QCoreApplication>
#include <QTranslator>

namespace wxpay::ui {

QString installTranslation(QCoreApplication& app, const QLocale& locale)
{
    const QString language = locale.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
    auto* translator = new QTranslator(&app);
    if (!translator->load(QStringLiteral(":/i18n/wxpay_") + language)) {
        qCWarning(lcUi) << "translation" << language << "is missing from the resources";
        delete translator;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(translator);
    return language;
}

} // namespace wxpay::ui
