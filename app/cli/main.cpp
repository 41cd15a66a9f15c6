// wxpay-cli: the wxpay-console core from a terminal and scripts. See `wxpay-cli --help`.

#include "cli.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // The same names as wxpay-console: one set of profiles, one keychain service, one history per user.
    QCoreApplication::setOrganizationName(QStringLiteral("wxpay-console"));
    QCoreApplication::setApplicationName(QStringLiteral("wxpay-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WXPAY_VERSION));
    wxpay::cli::Cli cli;
    return cli.run(QCoreApplication::arguments());
}
