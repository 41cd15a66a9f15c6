#include "screenshots.h"

#include "amountedit.h"
#include "consolebackend.h"
#include "credentials/inmemorycredentialstore.h"
#include "credentials/keyimport.h"
#include "credentials/profilestore.h"
#include "customerview.h"
#include "keyimportdialog.h"
#include "lockscreen.h"
#include "mainwindow.h"
#include "orderspanel.h"
#include "profilespanel.h"
#include "qrview.h"
#include "refundspanel.h"
#include "sim/scenario.h"
#include "takepaymentpanel.h"
#include "translation.h"
#include "unionidpanel.h"
#include "workflows/managerpin.h"
#include "workflows/scheduler.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>

namespace wxpay::console {

namespace {

const QSize kShotSize(1280, 800);
const QString kPin = QStringLiteral("2580");

QString sample(const char* text)
{
    return QCoreApplication::translate("wxpay::ui::Screenshots", text);
}

void settle()
{
    // Layouts and paint requests are posted events; two rounds let nested layouts finish.
    for (int i = 0; i < 2; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

// Lets the in-process sandbox answer: the renderer is a one-shot tool, not library code.
bool waitUntil(const std::function<bool()>& done)
{
    QDeadlineTimer deadline(30000);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    settle();
    return done();
}

template<typename T> T* child(QObject* parent, const char* name)
{
    return parent->findChild<T*>(QString::fromLatin1(name));
}

class Shooter
{
public:
    explicit Shooter(QString directory) : m_directory(std::move(directory)) { }

    void save(const QString& name, const QImage& image)
    {
        if (!m_status)
            return;
        const QString path = QDir(m_directory).filePath(name + u".png");
        if (!image.save(path, "PNG")) {
            m_status = Error::storage(QStringLiteral("SCREENSHOT_FAILED"), u"cannot write " + path);
            return;
        }
        m_written << path;
    }

    void shoot(const QString& name, QWidget* widget)
    {
        settle();
        save(name, widget->grab().toImage());
    }

    // A dialog drawn over its window, centred, as the user sees it.
    void shootOver(const QString& name, QWidget* window, QWidget* dialog)
    {
        if (!dialog) {
            fail(name);
            return;
        }
        dialog->adjustSize();
        settle();
        QImage image = window->grab().toImage();
        const QImage top = dialog->grab().toImage();
        QPainter painter(&image);
        painter.fillRect(image.rect(), QColor(0, 0, 0, 60));
        const QSizeF size = top.deviceIndependentSize();
        const QSizeF base = image.deviceIndependentSize();
        painter.drawImage(QPointF((base.width() - size.width()) / 2, (base.height() - size.height()) / 2), top);
        painter.end();
        save(name, image);
    }

    void fail(const QString& what)
    {
        if (m_status)
            m_status = Error::protocol(QStringLiteral("SCREENSHOT_NOT_READY"), u"not shown: " + what);
    }
    void require(bool ready, const QString& what)
    {
        if (!ready)
            fail(what);
    }

    const Status& status() const { return m_status; }
    QStringList written() const { return m_written; }

private:
    QString m_directory;
    QStringList m_written;
    Status m_status;
};

QList<credentials::MerchantProfile> sampleProfiles()
{
    using credentials::MerchantProfile;
    MerchantProfile flagship;
    flagship.id = QStringLiteral("mch-1900009191");
    flagship.displayName = sample(QT_TRANSLATE_NOOP("wxpay::ui::Screenshots", "Flagship store, Nanjing Road"));
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
    hongKong.displayName = sample(QT_TRANSLATE_NOOP("wxpay::ui::Screenshots", "Hong Kong branch"));
    hongKong.family = ApiFamily::Global;
    hongKong.region = credentials::Region::HK;
    hongKong.mchid = QStringLiteral("1900000109");
    hongKong.appid = QStringLiteral("wxdace645e0bc2c111");
    hongKong.defaultCurrency = QStringLiteral("HKD");
    return { flagship, hongKong };
}

// The QR view as it sits in the Take payment panel, and the customer's full-screen view.
void shootQrViews(Shooter& shooter, const Clock& clock)
{
    ui::QrView qr;
    qr.setClock(&clock);
    qr.resize(kShotSize);
    const Money amount = Money::fromMinor(1250, QStringLiteral("CNY")).valueOr(Money());
    shooter.require(qr.showOrder(QStringLiteral("weixin://wxpay/bizpayurl?pr=NwY5Mz9"), amount,
                          sample(QT_TRANSLATE_NOOP("wxpay::ui::Screenshots", "Sandbox shop")), clock.now().addSecs(272))
                        .ok(),
        QStringLiteral("QR view"));
    qr.show();
    shooter.shoot(QStringLiteral("03-qr-view"), &qr);
    qr.setState(ui::QrState::Paid);
    shooter.shoot(QStringLiteral("04-qr-view-paid"), &qr);

    ui::CustomerView customer;
    const auto code = qr::QrCode::encode(qr.codeUrl());
    customer.setOrder(code ? std::optional<qr::QrCode>(*code) : std::nullopt, amount,
        sample(QT_TRANSLATE_NOOP("wxpay::ui::Screenshots", "Sandbox shop")));
    customer.resize(kShotSize);
    customer.show();
    shooter.shoot(QStringLiteral("05-customer-view"), &customer);
}

// Payments on the sandbox: the QR code waiting and paid, Quick Pay waiting for the password, cancelled, PAID and
// NOT PAID. Returns the out_trade_no of the paid Native order.
QString shootPayments(Shooter& shooter, ui::MainWindow& window, workflows::ManualScheduler& scheduler)
{
    ui::TakePaymentPanel* panel = window.takePaymentPanel();
    window.showPanel(ui::MainWindow::Panel::TakePayment);
    QLineEdit* amount = panel->amountEdit()->lineEdit();
    auto* newPayment = child<QPushButton>(panel, "newPaymentPushButton");

    scheduler.setAutomatic(false);
    newPayment->click();
    amount->setText(QStringLiteral("12.50"));
    panel->setMethod(ui::TakePaymentPanel::Method::Native);
    child<QPushButton>(panel, "showQrPushButton")->click();
    shooter.require(waitUntil([panel] { return !panel->qrView()->codeUrl().isEmpty(); }), QStringLiteral("QR"));
    shooter.shoot(QStringLiteral("06-take-payment-qr"), &window);
    const workflows::NativeCheckout* native = panel->nativeCheckout();
    const QString paidOrder = native ? native->outTradeNo() : QString();
    child<QPushButton>(panel, "customerPaysPushButton")->click();
    scheduler.runNext();
    shooter.require(
        waitUntil([panel] { return panel->qrView()->state() == ui::QrState::Paid; }), QStringLiteral("paid"));
    shooter.shoot(QStringLiteral("07-take-payment-qr-paid"), &window);

    const quint64 serial = static_cast<quint64>(QDateTime::currentMSecsSinceEpoch());
    const auto quickPay = [&](sim::QuickPayScenario scenario, quint64 offset, bool automatic) {
        newPayment->click();
        amount->setText(QStringLiteral("12.50"));
        panel->setMethod(ui::TakePaymentPanel::Method::QuickPay);
        scheduler.setAutomatic(automatic);
        auto* code = child<QLineEdit>(panel, "paymentCodeLineEdit");
        code->setText(sim::makeAuthCode(scenario, 0, serial + offset));
        Q_EMIT code->returnPressed();
    };
    quickPay(sim::QuickPayScenario::PayingForeverReversible, 0, false);
    shooter.require(waitUntil([panel] {
        const workflows::QuickPay* running = panel->quickPay();
        return running && running->stage() == workflows::QuickPay::Stage::WaitingForPassword;
    }),
        QStringLiteral("Quick Pay waiting"));
    shooter.shoot(QStringLiteral("08-quick-pay-waiting"), &window);
    child<QPushButton>(panel, "cancelPushButton")->click();
    scheduler.setAutomatic(true);
    waitUntil([panel] { return !panel->isBusy(); });
    shooter.shoot(QStringLiteral("09-quick-pay-cancelled"), &window);
    quickPay(sim::QuickPayScenario::Success, 1, true);
    waitUntil([panel] { return !panel->isBusy(); });
    shooter.shoot(QStringLiteral("10-quick-pay-paid"), &window);
    quickPay(sim::QuickPayScenario::NotEnough, 2, true);
    waitUntil([panel] { return !panel->isBusy(); });
    shooter.shoot(QStringLiteral("11-quick-pay-not-paid"), &window);
    newPayment->click();
    return paidOrder;
}

// The history with those payments, the paid order's detail, a partial refund through confirmation and manager PIN,
// and the payer's unionid.
void shootAfterSales(Shooter& shooter, ui::MainWindow& window, const QString& profileId, const QString& paidOrder)
{
    ui::OrdersPanel* orders = window.ordersPanel();
    window.showPanel(ui::MainWindow::Panel::Orders);
    shooter.shoot(QStringLiteral("12-orders"), &window);
    orders->showOrder(profileId, paidOrder);
    shooter.require(orders->isShowingOrder(), QStringLiteral("order detail"));
    shooter.shoot(QStringLiteral("13-order-detail"), &window);
    const std::optional<storage::OrderRecord> paid = orders->shownOrder();
    orders->showList();

    ui::RefundsPanel* refunds = window.refundsPanel();
    window.showPanel(ui::MainWindow::Panel::Refunds);
    refunds->setOrder(paidOrder);
    shooter.require(waitUntil([refunds] { return refunds->refundable().has_value(); }), QStringLiteral("refundable"));
    child<QLineEdit>(refunds, "amountLineEdit")->setText(QStringLiteral("3.00"));
    child<QLineEdit>(refunds, "reasonLineEdit")
        ->setText(sample(QT_TRANSLATE_NOOP("wxpay::ui::Screenshots", "Returned one cup")));
    shooter.shoot(QStringLiteral("14-refunds"), &window);
    refunds->requestRefund();
    auto* confirm = child<QWidget>(&window, "refundConfirmMessageBox");
    shooter.shootOver(QStringLiteral("15-refund-confirm"), &window, confirm);
    if (auto* yes = child<QPushButton>(&window, "confirmRefundPushButton"))
        yes->click();
    QWidget* pin = nullptr;
    waitUntil([&window, &pin] { return (pin = child<QWidget>(&window, "pinDialog")) && pin->isVisible(); });
    shooter.shootOver(QStringLiteral("16-refund-pin"), &window, pin);
    if (pin) {
        child<QLineEdit>(pin, "pinLineEdit")->setText(kPin);
        child<QPushButton>(pin, "pinOkPushButton")->click();
    }
    shooter.require(waitUntil([refunds] {
        const workflows::RefundWorkflow* refund = refunds->refundWorkflow();
        return refund && refund->isFinished();
    }),
        QStringLiteral("refund"));
    shooter.shoot(QStringLiteral("17-refund-done"), &window);

    ui::UnionIdPanel* unionId = window.unionIdPanel();
    window.showPanel(ui::MainWindow::Panel::UnionId);
    if (paid)
        unionId->prefill(*paid);
    shooter.shoot(QStringLiteral("18-unionid"), &window);
    unionId->lookUp();
    waitUntil([unionId] { return !unionId->isBusy(); });
    shooter.shoot(QStringLiteral("19-unionid-result"), &window);
}

void shootSettings(Shooter& shooter, ui::MainWindow& window, const QString& sandboxId)
{
    window.showPanel(ui::MainWindow::Panel::Settings);
    ui::ProfilesPanel* panel = window.profilesPanel();
    panel->selectProfile(QStringLiteral("mch-1900009191"));
    shooter.shoot(QStringLiteral("20-settings"), &window);

    panel->startNewProfile();
    child<QLineEdit>(panel, "displayNameLineEdit")
        ->setText(sample(QT_TRANSLATE_NOOP("wxpay::ui::Screenshots", "Airport kiosk")));
    child<QLineEdit>(panel, "mchidLineEdit")->setText(QStringLiteral("19000x"));
    child<QLineEdit>(panel, "appidLineEdit")->setText(QStringLiteral("wx123"));
    child<QLineEdit>(panel, "notifyUrlLineEdit")->setText(QStringLiteral("http://pay.example.com/notify"));
    panel->saveProfile();
    shooter.shoot(QStringLiteral("21-settings-field-errors"), &window);

    panel->selectProfile(QStringLiteral("mch-1900009191"));
    panel->openKeyImport();
    settle();
    ui::KeyImportDialog* dialog = panel->keyImportDialog();
    shooter.shootOver(QStringLiteral("22-import-keys"), &window, dialog);
    if (dialog)
        dialog->close();

    panel->selectProfile(sandboxId);
    panel->testConnection();
    // The button comes back when the answer is in.
    auto* test = child<QPushButton>(panel, "testConnectionPushButton");
    shooter.require(waitUntil([test] { return test && test->isEnabled(); }), QStringLiteral("connection test"));
    shooter.shoot(QStringLiteral("23-settings-connection"), &window);

    child<QTabWidget>(&window, "settingsPanel")->setCurrentIndex(1);
    shooter.shoot(QStringLiteral("24-settings-pin"), &window);
    shooter.require(window.lockConsole(), QStringLiteral("lock"));
    shooter.shoot(QStringLiteral("25-locked"), &window);
}

} // namespace

Result<QStringList> renderScreenshots(const QString& directory, const QString& language)
{
    if (!QDir().mkpath(directory))
        return Error::storage(QStringLiteral("SCREENSHOT_FAILED"), u"cannot create " + directory);
    ui::installTranslation(*qApp, ui::localeForChoice(language));

    // Secrets never reach a keychain here, and the history is a temporary file.
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
    // No profile chosen: the console starts on its built-in sandbox, as on a first run.
    if (const Status cleared = profiles.setCurrentProfileId({}); !cleared)
        return cleared.error();
    settings.setValue(ui::MainWindow::languageKey(), language);
    ManualClock clock(QDateTime::currentDateTimeUtc());
    workflows::ManualScheduler scheduler(clock);
    credentials::KeyImport import(&profiles, &clock);

    Shooter shooter(directory);
    ui::MainWindow window(&profiles, &import, &settings);
    window.resize(kShotSize);
    window.show();
    ConsoleBackend backend(settings, secrets, profiles, window, scratch.filePath(QStringLiteral("history.sqlite")),
        { &clock, &scheduler });
    backend.start();
    if (!waitUntil([&window] { return window.takePaymentPanel()->hasPaymentSetup(); }))
        return Error::protocol(QStringLiteral("SCREENSHOT_NOT_READY"), QStringLiteral("the sandbox did not start"));
    const QString sandboxId = profiles.currentProfileId();
    bool pinSet = false;
    workflows::ManagerPin::set(secrets, sandboxId, kPin, &window, [&pinSet](Status set) { pinSet = set.ok(); });
    waitUntil([&pinSet] { return pinSet; });
    window.setManagerPinStore(&secrets, sandboxId);

    ui::AmountEdit* amount = window.takePaymentPanel()->amountEdit();
    amount->lineEdit()->setText(QStringLiteral("¥12.5"));
    Q_EMIT amount->lineEdit()->returnPressed();
    shooter.shoot(QStringLiteral("01-take-payment"), &window);
    amount->lineEdit()->setText(QStringLiteral("12.345"));
    shooter.shoot(QStringLiteral("02-take-payment-amount-error"), &window);

    shootQrViews(shooter, clock);
    const QString paidOrder = shootPayments(shooter, window, scheduler);
    shootAfterSales(shooter, window, sandboxId, paidOrder);
    shootSettings(shooter, window, sandboxId);
    window.close();
    if (!shooter.status())
        return shooter.status().error();
    return shooter.written();
}

} // namespace wxpay::console
