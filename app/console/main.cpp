#include "common/clock.h"
#include "consolebackend.h"
#include "credentials/keychaincredentialstore.h"
#include "credentials/keyimport.h"
#include "credentials/profilestore.h"
#include "mainwindow.h"
#include "screenshots.h"
#include "translation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

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
    const QCommandLineOption languageOption(QStringLiteral("language"),
        QCoreApplication::translate("main", "User interface language: zh_CN or en."), QStringLiteral("language"));
    const QCommandLineOption quitAfterOption(QStringLiteral("quit-after"),
        QCoreApplication::translate("main", "Close the window after the given number of milliseconds."),
        QStringLiteral("ms"));
    const QCommandLineOption screenshotsOption(QStringLiteral("screenshots"),
        QCoreApplication::translate(
            "main", "Render every panel at 1280x800 as PNG files into the folder, with sample data, then exit."),
        QStringLiteral("folder"));
    parser.addOptions({ languageOption, quitAfterOption, screenshotsOption });
    parser.process(app);

    QTextStream err(stderr);
    const QString language = parser.value(languageOption);
    if (parser.isSet(languageOption) && language != u"zh_CN" && language != u"en") {
        err << QCoreApplication::translate("main", "Unknown language \"%1\": use zh_CN or en.").arg(language) << '\n';
        return 2;
    }

    if (parser.isSet(screenshotsOption)) {
        const auto written = wxpay::console::renderScreenshots(parser.value(screenshotsOption),
            parser.isSet(languageOption) ? language : wxpay::ui::languageForLocale(QLocale::system()));
        if (!written) {
            err << written.error().toString() << '\n';
            return 1;
        }
        QTextStream out(stdout);
        for (const QString& path : *written)
            out << path << '\n';
        return 0;
    }

    QSettings settings;
    wxpay::credentials::KeychainCredentialStore keychain(&settings);
    wxpay::credentials::ProfileStore profiles(&settings, &keychain);
    const wxpay::SystemClock clock;
    wxpay::credentials::KeyImport keyImport(&profiles, &clock);

    // --language wins over the choice made in the Language menu.
    const QString choice
        = parser.isSet(languageOption) ? language : settings.value(wxpay::ui::MainWindow::languageKey()).toString();
    wxpay::ui::installTranslation(app, wxpay::ui::localeForChoice(choice));

    auto window = std::make_unique<wxpay::ui::MainWindow>(&profiles, &keyImport, &settings);
    window->show();
    // After show(): the sandbox's keys are made while the window is already on screen.
    wxpay::console::ConsoleBackend backend(settings, keychain, profiles, *window);
    backend.start();

    if (parser.isSet(quitAfterOption))
        QTimer::singleShot(parser.value(quitAfterOption).toInt(), window.get(), &QWidget::close);
    const int code = QApplication::exec();
    // The panel's workflows talk through the backend's sessions and stores: they go first.
    window.reset();
    return code;
}
