#include "screenshots.h"

#include "amountedit.h"
#include "common/clock.h"
#include "credentials/inmemorycredentialstore.h"
#include "credentials/keyimport.h"
#include "credentials/profilestore.h"
#include "keyimportdialog.h"
#include "mainwindow.h"
#include "profilespanel.h"
#include "qrview.h"
#include "takepaymentpanel.h"
#include "translation.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPainter>
#include <QSettings>
#include <QTemporaryDir>

namespace wxpay::ui {

namespace {

const QSize kShotSize(1280, 800);

void settle()
{
    // Layouts and paint requests are posted events; two rounds let nested layouts finish.
    for (int i = 0; i < 2; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

class Shooter
{
public:
    explicit Shooter(QString directory) : m_directory(std::move(directory)) { }

    Status save(const QString& name, const QImage& image)
    {
        const QString path = QDir(m_directory).filePath(name + u".png");
        if (!image.save(path, "PNG"))
            return Error::storage(QStringLiteral("SCREENSHOT_FAILED"), u"cannot write " + path);
        m_written << path;
        return {};
    }

    Status shoot(const QString& name, QWidget* widget) { return save(name, widget->grab().toImage()); }

    // A dialog drawn over its window, centred, as the user sees it.
    Status shootOver(const QString& name, QWidget* window, QWidget* dialog)
    {
        QImage image = window->grab().toImage();
        const QImage top = dialog->grab().toImage();
        QPainter painter(&image);
        painter.fillRect(image.rect(), QColor(0, 0, 0, 60));
        const QSizeF size = top.deviceIndependentSize();
        const QSizeF base = image.deviceIndependentSize();
        painter.drawImage(QPointF((base.width() - size.width()) / 2, (base.height() - size.height()) / 2), top);
        painter.end();
        return save(name, image);
    }

    QStringList written() const { return m_written; }

private:
    QString m_directory;
    QStringList m_written;
};

QList<credentials::MerchantProfile> sampleProfiles()
{
    using credentials::MerchantProfile;
    MerchantProfile sandbox;
    sandbox.id = QStringLiteral("sandbox");
    sandbox.displayName = QCoreApplication::translate("wxpay::ui::Screenshots", "Sandbox shop");
    sandbox.mchid = QStringLiteral("1900000102");
    sandbox.appid = QStringLiteral("wx8888888888888888");
    sandbox.baseUrlOverride = QUrl(QStringLiteral("http://127.0.0.1:8443"));
    sandbox.sandbox = true;

    MerchantProfile flagship;
    flagship.id = QStringLiteral("mch-1900009191");
    flagship.displayName = QCoreApplication::translate("wxpay::ui::Screenshots", "Flagship store, Nanjing Road");
    flagship.mchid = QStringLiteral("1900009191");
    flagship.appid = QStringLiteral("wxd678efh567hg6787");
    flagship.merchantCertificateSerial = QStringLiteral("5157F09EFDC096DE15EBE81A47057A7232F1B8E1");
    flagship.publicKeyId = QStringLiteral("PUB_KEY_ID_0119000091912025061800000000");
    flagship.notifyUrl = QUrl(QStringLiteral("https://pay.example.com/wxpay/notify"));
    flagship.deviceId = QStringLiteral("POS-01");
    flagship.storeId = QStringLiteral("SH-001");
    flagship.miniProgramAppid = QStringLiteral("wx1234567890abcdef");

    MerchantProfile hongKong;
    hongKong.id = QStringLiteral("mch-1900000109");
    hongKong.displayName = QCoreApplication::translate("wxpay::ui::Screenshots", "Hong Kong branch");
    hongKong.family = ApiFamily::Global;
    hongKong.region = credentials::Region::HK;
    hongKong.mchid = QStringLiteral("1900000109");
    hongKong.appid = QStringLiteral("wxdace645e0bc2c111");
    hongKong.defaultCurrency = QStringLiteral("HKD");
    return { sandbox, flagship, hongKong };
}

} // namespace

Result<QStringList> renderScreenshots(const QString& directory, const QString& language)
{
    if (!QDir().mkpath(directory))
        return Error::storage(QStringLiteral("SCREENSHOT_FAILED"), u"cannot create " + directory);
    installTranslation(*qApp, localeForChoice(language));

    // Secrets never reach a keychain here: nothing is imported, and the store dies with this call.
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return Error::storage(QStringLiteral("SCREENSHOT_FAILED"), QStringLiteral("no temporary folder"));
    QSettings settings(scratch.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    credentials::InMemoryCredentialStore secrets;
    credentials::ProfileStore profiles(&settings, &secrets);
    for (const auto& profile : sampleProfiles()) {
        if (const Status saved = profiles.save(profile); !saved)
            return saved.error();
    }
    if (const Status current = profiles.setCurrentProfileId(QStringLiteral("sandbox")); !current)
        return current.error();
    settings.setValue(MainWindow::languageKey(), language);
    const ManualClock clock(QDateTime(QDate(2025, 6, 18), QTime(10, 30), Qt::UTC));
    credentials::KeyImport import(&profiles, &clock);

    Shooter shooter(directory);
    MainWindow window(&profiles, &import, &settings);
    window.resize(kShotSize);
    window.show();
    settle();

    AmountEdit* amount = window.takePaymentPanel()->amountEdit();
    amount->lineEdit()->setText(QStringLiteral("¥12.5"));
    Q_EMIT amount->lineEdit()->returnPressed();
    settle();
    Status s = shooter.shoot(QStringLiteral("01-take-payment"), &window);
    amount->lineEdit()->setText(QStringLiteral("12.345"));
    settle();
    if (s)
        s = shooter.shoot(QStringLiteral("02-take-payment-amount-error"), &window);

    const std::array<std::pair<MainWindow::Panel, QString>, 3> placeholders {
        std::pair { MainWindow::Panel::Orders, QStringLiteral("03-orders") },
        std::pair { MainWindow::Panel::Refunds, QStringLiteral("04-refunds") },
        std::pair { MainWindow::Panel::UnionId, QStringLiteral("05-unionid") },
    };
    for (const auto& [panel, name] : placeholders) {
        window.showPanel(panel);
        settle();
        if (s)
            s = shooter.shoot(name, &window);
    }

    window.showPanel(MainWindow::Panel::Settings);
    ProfilesPanel* panel = window.profilesPanel();
    panel->selectProfile(QStringLiteral("mch-1900009191"));
    settle();
    if (s)
        s = shooter.shoot(QStringLiteral("06-settings"), &window);

    panel->startNewProfile();
    panel->findChild<QLineEdit*>(QStringLiteral("displayNameLineEdit"))
        ->setText(QCoreApplication::translate("wxpay::ui::Screenshots", "Airport kiosk"));
    panel->findChild<QLineEdit*>(QStringLiteral("mchidLineEdit"))->setText(QStringLiteral("19000x"));
    panel->findChild<QLineEdit*>(QStringLiteral("appidLineEdit"))->setText(QStringLiteral("wx123"));
    panel->findChild<QLineEdit*>(QStringLiteral("notifyUrlLineEdit"))
        ->setText(QStringLiteral("http://pay.example.com/notify"));
    panel->saveProfile();
    settle();
    if (s)
        s = shooter.shoot(QStringLiteral("07-settings-field-errors"), &window);

    panel->selectProfile(QStringLiteral("mch-1900009191"));
    panel->openKeyImport();
    settle();
    if (KeyImportDialog* dialog = panel->keyImportDialog(); dialog && s) {
        dialog->adjustSize();
        settle();
        s = shooter.shootOver(QStringLiteral("08-import-keys"), &window, dialog);
        dialog->close();
    }

    // The QR view as it will sit in the Take payment panel, and the customer's full-screen view.
    QrView qr;
    qr.setClock(&clock);
    qr.resize(kShotSize);
    const Status shown = qr.showOrder(QStringLiteral("weixin://wxpay/bizpayurl?pr=NwY5Mz9"),
        Money::fromMinor(1250, QStringLiteral("CNY")).valueOr(Money()),
        QCoreApplication::translate("wxpay::ui::Screenshots", "Sandbox shop"), clock.now().addSecs(272));
    if (!shown)
        return shown.error();
    qr.show();
    settle();
    if (s)
        s = shooter.shoot(QStringLiteral("09-qr-view"), &qr);
    qr.setState(QrState::Paid);
    settle();
    if (s)
        s = shooter.shoot(QStringLiteral("10-qr-view-paid"), &qr);
    qr.setState(QrState::Waiting);

    CustomerView customer;
    const auto code = qr::QrCode::encode(qr.codeUrl());
    customer.setOrder(code ? std::optional<qr::QrCode>(*code) : std::nullopt,
        Money::fromMinor(1250, QStringLiteral("CNY")).valueOr(Money()),
        QCoreApplication::translate("wxpay::ui::Screenshots", "Sandbox shop"));
    customer.resize(kShotSize);
    customer.show();
    settle();
    if (s)
        s = shooter.shoot(QStringLiteral("11-customer-view"), &customer);

    qr.close();
    customer.close();
    window.close();
    if (!s)
        return s.error();
    return shooter.written();
}

} // namespace wxpay::ui
