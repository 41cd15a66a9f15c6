#include "mainwindow.h"
#include "translation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("wxpay-console"));
    QApplication::setApplicationName(QStringLiteral("wxpay-console"));
    QApplication::setApplicationVersion(QStringLiteral(WXPAY_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/wxpay-console.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Desktop merchant console for WeChat Pay"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption languageOption(
        QStringLiteral("language"), QCoreApplication::translate("main", "User interface language: zh_CN or en."),
        QStringLiteral("language"));
    const QCommandLineOption quitAfterOption(
        QStringLiteral("quit-after"),
        QCoreApplication::translate("main", "Close the window after the given number of milliseconds."),
        QStringLiteral("ms"));
    parser.addOptions({languageOption, quitAfterOption});
    parser.process(app);

    const QLocale locale = parser.isSet(languageOption) ? QLocale(parser.value(languageOption)) : QLocale::system();
    wxpay::ui::installTranslation(app, locale);

    wxpay::ui::MainWindow window;
    window.show();

    if (parser.isSet(quitAfterOption))
        QTimer::singleShot(parser.value(quitAfterOption).toInt(), &app, &QApplication::quit);
    return QApplication::exec();
}
