#include "screenshots.h"

#include "amountedit.h"
#include "common/clock.h"
#include "credentials/inmemorycredentialstore.h"
#include "credentials/keyimport.h"
#include "credentials/profilestore.h"
#include "gateway/httptransport.h"
#include "gateway/paymentgateway.h"
#include "keyimportdialog.h"
#include "mainwindow.h"
#include "profilespanel.h"
#include "qrview.h"
#include "sim/engine.h"
#include "sim/sandbox.h"
#include "sim/sandboxclient.h"
#include "sim/scenario.h"
#include "sim/server.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/journal.h"
#include "storage/orderstore.h"
#include "storage/refundstore.h"
#include "takepaymentpanel.h"
#include "translation.h"
#include "workflows/scheduler.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
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

// Lets the in-process simulator answer: the renderer is a one-shot tool, not library code.
bool waitUntil(const std::function<bool()>& done)
{
    QDeadlineTimer deadline(20000);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    settle();
    return done();
}

// Real payments on a simulator merchant (its keys made here, so this takes a few seconds), shown in the Take
// payment panel: the QR code waiting and paid, Quick Pay waiting for the password, PAID and NOT PAID.
Status shootPayments(Shooter& shooter, MainWindow& window, const QString& scratch)
{
    ManualClock clock(QDateTime::currentDateTimeUtc());
    RandomNonceSource nonces;
    const sim::SandboxFactory factory(clock, nonces);
    auto authority = factory.createAuthority();
    if (!authority)
        return authority.error();
    auto merchant = factory.createMerchant(ApiFamily::V3, authority.value());
    if (!merchant)
        return merchant.error();
    sim::SimEngine engine(clock, nonces);
    if (const Status added = engine.addMerchants(sim::MerchantSet { authority.value(), { merchant.value() } }); !added)
        return added.error();
    sim::SimServer server(engine);
    sim::ListenOptions listen;
    listen.tls = true;
    if (auto listening = server.listen(listen); !listening)
        return listening.error();
    auto config = sim::makeTransportConfig(merchant.value(), server);
    if (!config)
        return config.error();
    auto codec = sim::makePaymentCodec(merchant.value(), ApiFamily::V3, clock, nonces);
    if (!codec)
        return codec.error();
    QNetworkAccessManager nam;
    gateway::HttpTransport transport(nam, config.value());
    gateway::PaymentGateway gateway(std::move(codec).value(), transport);
    storage::Database database(scratch + QStringLiteral("/history.sqlite"));
    if (const Status opened = database.open(); !opened)
        return opened;
    storage::OrderStore orders(database, clock);
    storage::RefundStore refunds(database, clock);
    storage::AuditLog audit(database, clock);
    storage::Journal journal(database, clock);
    workflows::ManualScheduler scheduler(clock);
    scheduler.setAutomatic(false);

    TakePaymentPanel* panel = window.takePaymentPanel();
    PaymentSetup setup { workflows::WorkflowContext { QStringLiteral("sandbox"), {}, gateway, database, orders, refunds,
                             audit, journal, clock, scheduler, nonces },
        QCoreApplication::translate("wxpay::ui::Screenshots", "Sandbox shop"), {}, {}, {}, {} };
    const MerchantIds ids { merchant->mchid, merchant->appid, merchant->subMchid, merchant->subAppid };
    setup.customerPays = [&engine, ids](const QString& outTradeNo) -> Status {
        auto paid = engine.customerPays(ids, outTradeNo);
        return paid ? Status() : Status(paid.error());
    };
    panel->setPaymentSetup(setup);
    window.showPanel(MainWindow::Panel::TakePayment);
    auto* amount = panel->amountEdit()->lineEdit();
    auto* newPayment = panel->findChild<QPushButton*>(QStringLiteral("newPaymentPushButton"));

    amount->setText(QStringLiteral("12.50"));
    panel->setMethod(TakePaymentPanel::Method::Native);
    panel->findChild<QPushButton*>(QStringLiteral("showQrPushButton"))->click();
    if (!waitUntil([panel] { return !panel->qrView()->codeUrl().isEmpty(); }))
        return Error::protocol(QStringLiteral("SCREENSHOT_NO_QR"), QStringLiteral("the sandbox made no QR code"));
    Status s = shooter.shoot(QStringLiteral("12-take-payment-qr"), &window);
    panel->findChild<QPushButton*>(QStringLiteral("customerPaysPushButton"))->click();
    scheduler.runNext();
    waitUntil([panel] { return panel->qrView()->state() == QrState::Paid; });
    if (s)
        s = shooter.shoot(QStringLiteral("13-take-payment-qr-paid"), &window);

    const auto quickPay = [&](sim::QuickPayScenario scenario, quint64 serial, bool automatic) {
        newPayment->click();
        amount->setText(QStringLiteral("12.50"));
        panel->setMethod(TakePaymentPanel::Method::QuickPay);
        scheduler.setAutomatic(automatic);
        auto* code = panel->findChild<QLineEdit*>(QStringLiteral("paymentCodeLineEdit"));
        code->setText(sim::makeAuthCode(scenario, 0, serial));
        Q_EMIT code->returnPressed();
    };
    const quint64 serial = static_cast<quint64>(QDateTime::currentMSecsSinceEpoch());
    quickPay(sim::QuickPayScenario::PayingForeverReversible, serial, false);
    waitUntil([panel] {
        const workflows::QuickPay* running = panel->quickPay();
        return running && running->stage() == workflows::QuickPay::Stage::WaitingForPassword;
    });
    if (s)
        s = shooter.shoot(QStringLiteral("14-quick-pay-waiting"), &window);
    panel->findChild<QPushButton*>(QStringLiteral("cancelPushButton"))->click();
    scheduler.setAutomatic(true);
    waitUntil([panel] { return !panel->isBusy(); });
    if (s)
        s = shooter.shoot(QStringLiteral("15-quick-pay-cancelled"), &window);
    quickPay(sim::QuickPayScenario::Success, serial + 1, true);
    waitUntil([panel] { return !panel->isBusy(); });
    if (s)
        s = shooter.shoot(QStringLiteral("16-quick-pay-paid"), &window);
    quickPay(sim::QuickPayScenario::NotEnough, serial + 2, true);
    waitUntil([panel] { return !panel->isBusy(); });
    if (s)
        s = shooter.shoot(QStringLiteral("17-quick-pay-not-paid"), &window);
    newPayment->click();
    panel->setNotReady(TakePaymentPanel::NotReady::PreparingSandbox);
    settle();
    return s;
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
    if (s)
        s = shootPayments(shooter, window, scratch.path());
    window.close();
    if (!s)
        return s.error();
    return shooter.written();
}

} // namespace wxpay::ui
