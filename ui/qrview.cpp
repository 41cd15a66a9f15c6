#include "qrview.h"

#include "format.h"
#include "log.h"
#include "qrcodewidget.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

namespace wxpay::ui {

namespace {

// The module size of a saved PNG: 16 px modules print sharp on a counter stand.
constexpr int kSavedModuleSize = 16;

QFont scaled(QFont font, qreal factor, bool bold = false)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

QrView::QrView(QWidget* parent) : QWidget(parent), m_clock(&m_systemClock)
{
    setObjectName(QStringLiteral("qrView"));
    auto* layout = new QHBoxLayout(this);
    layout->setSpacing(24);

    m_qr = new QrCodeWidget(this);
    m_qr->setObjectName(QStringLiteral("qrCodeWidget"));
    layout->addWidget(m_qr, 3);

    auto* side = new QVBoxLayout;
    side->setSpacing(10);
    m_merchant = new QLabel(this);
    m_merchant->setObjectName(QStringLiteral("merchantNameLabel"));
    m_merchant->setFont(scaled(font(), 1.4));
    m_merchant->setWordWrap(true);
    side->addWidget(m_merchant);

    m_amount = new QLabel(this);
    m_amount->setObjectName(QStringLiteral("amountLabel"));
    m_amount->setFont(scaled(font(), 3.0, true));
    side->addWidget(m_amount);

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_stateLabel->setFont(scaled(font(), 1.5, true));
    m_stateLabel->setWordWrap(true);
    side->addWidget(m_stateLabel);

    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("countdownLabel"));
    m_countdown->setFont(scaled(font(), 1.3));
    side->addWidget(m_countdown);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("scanHintLabel"));
    m_hint->setWordWrap(true);
    side->addWidget(m_hint);
    side->addStretch(1);

    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveQrPushButton"));
    connect(m_save, &QPushButton::clicked, this, &QrView::chooseFileAndSave);
    side->addWidget(m_save);

    m_customer = new QPushButton(this);
    m_customer->setObjectName(QStringLiteral("customerViewPushButton"));
    m_customer->setCheckable(true);
    connect(m_customer, &QPushButton::toggled, this, [this](bool on) {
        if (on)
            showCustomerView();
        else
            closeCustomerView();
    });
    side->addWidget(m_customer);

    m_saveStatus = new QLabel(this);
    m_saveStatus->setObjectName(QStringLiteral("saveStatusLabel"));
    m_saveStatus->setWordWrap(true);
    m_saveStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    side->addWidget(m_saveStatus);
    layout->addLayout(side, 2);

    m_timer = new QTimer(this);
    m_timer->setObjectName(QStringLiteral("countdownTimer"));
    // Twice a second, so the shown second never lags the real one by a whole second.
    m_timer->setInterval(500);
    connect(m_timer, &QTimer::timeout, this, &QrView::updateCountdown);

    clear();
}

QrView::~QrView()
{
    // The customer view is a separate window: it goes with the view, without calling back into it.
    if (m_customerView) {
        m_customerView->disconnect(this);
        delete m_customerView;
    }
}

void QrView::setClock(const Clock* clock)
{
    m_clock = clock ? clock : &m_systemClock;
    updateCountdown();
}

Status QrView::showOrder(
    const QString& codeUrl, const Money& amount, const QString& merchantName, const QDateTime& expiresAt)
{
    auto code = qr::QrCode::encode(codeUrl);
    if (!code) {
        clear();
        return code.error();
    }
    m_code = std::move(code).value();
    m_codeUrl = codeUrl;
    m_money = amount;
    m_merchantName = merchantName;
    m_expiresAt = expiresAt;
    m_state = QrState::Waiting;
    m_expiredSignalled = false;
    m_qr->setCode(m_code);
    m_amount->setText(formatMoney(amount));
    m_merchant->setText(merchantName);
    m_saveStatus->clear();
    m_save->setEnabled(true);
    m_customer->setEnabled(true);
    retranslateUi();
    m_timer->start();
    updateCountdown();
    syncCustomerView();
    return {};
}

void QrView::clear()
{
    m_code.reset();
    m_codeUrl.clear();
    m_money = Money();
    m_merchantName.clear();
    m_expiresAt = QDateTime();
    m_state = QrState::Waiting;
    m_timer->stop();
    m_qr->setCode(std::nullopt);
    m_amount->clear();
    m_merchant->clear();
    m_countdown->clear();
    m_saveStatus->clear();
    m_save->setEnabled(false);
    m_customer->setChecked(false);
    m_customer->setEnabled(false);
    retranslateUi();
}

void QrView::setState(QrState state)
{
    m_state = state;
    if (state != QrState::Waiting)
        m_timer->stop();
    retranslateUi();
    updateCountdown();
    syncCustomerView();
}

QString QrView::countdownText() const
{
    return m_countdown->text();
}

void QrView::updateCountdown()
{
    if (!m_code || m_state != QrState::Waiting || !m_expiresAt.isValid()) {
        m_countdown->clear();
        return;
    }
    const qint64 left = m_clock->now().secsTo(m_expiresAt);
    if (left > 0) {
        m_countdown->setText(tr("Expires in %1").arg(formatCountdown(left)));
        return;
    }
    m_countdown->setText(tr("Time is up"));
    m_timer->stop();
    if (!m_expiredSignalled) {
        m_expiredSignalled = true;
        Q_EMIT expired();
    }
}

Status QrView::saveQr(const QString& path) const
{
    if (!m_code)
        return Error::input(QStringLiteral("QR_NONE"), QStringLiteral("no QR code is on show"));
    const bool svg = path.endsWith(u".svg", Qt::CaseInsensitive);
    QSaveFile file(path);
    bool written = file.open(QIODevice::WriteOnly);
    if (written && svg) {
        const QByteArray svgText = m_code->toSvg();
        written = file.write(svgText) == svgText.size();
    } else if (written) {
        written = m_code->toImage(kSavedModuleSize).save(&file, "PNG");
    }
    if (!written || !file.commit()) {
        return Error::storage(QStringLiteral("QR_SAVE_FAILED"), u"cannot write " + path + u": " + file.errorString());
    }
    qCInfo(lcUi) << "saved the QR code as" << (svg ? "SVG" : "PNG");
    return {};
}

void QrView::chooseFileAndSave()
{
    const QString png = tr("PNG image (*.png)");
    const QString svg = tr("SVG image (*.svg)");
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    QString selected = png;
    QString path = QFileDialog::getSaveFileName(this, tr("Save QR code"),
        folder + u"/wechat-pay-qr-" + m_money.toString() + u".png", png + u";;" + svg, &selected);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += selected == svg ? u".svg" : u".png";
    const Status saved = saveQr(path);
    m_saveStatus->setStyleSheet(saved ? QString() : QStringLiteral("color: #c62828;"));
    m_saveStatus->setText(saved
            ? tr("Saved to %1").arg(QDir::toNativeSeparators(path))
            : tr("Could not save the QR code to %1. Choose another folder.").arg(QDir::toNativeSeparators(path)));
}

void QrView::showCustomerView()
{
    if (!m_customerView) {
        m_customerView = new CustomerView(this);
        connect(m_customerView, &QObject::destroyed, this, [this] {
            const QSignalBlocker quiet(m_customer);
            m_customer->setChecked(false);
        });
        m_customerView->setAttribute(Qt::WA_DeleteOnClose);
    }
    syncCustomerView();
    m_customerView->showOnCustomerScreen(window());
    const QSignalBlocker quiet(m_customer);
    m_customer->setChecked(true);
}

void QrView::closeCustomerView()
{
    if (m_customerView)
        m_customerView->close();
    const QSignalBlocker quiet(m_customer);
    m_customer->setChecked(false);
}

void QrView::syncCustomerView()
{
    if (!m_customerView)
        return;
    m_customerView->setOrder(m_code, m_money, m_merchantName);
    m_customerView->setState(m_state);
}

void QrView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updateCountdown();
    }
    QWidget::changeEvent(event);
}

void QrView::retranslateUi()
{
    m_save->setText(tr("Save QR…"));
    m_customer->setText(tr("Customer view"));
    m_customer->setToolTip(tr("Show the QR code full screen to the customer (on the second screen when there is one)"));
    m_qr->setCoverText(m_code ? qrCoverText(m_state) : tr("No QR code yet"), qrStateColor(m_state));
    m_hint->setText(
        m_code && m_state == QrState::Waiting ? tr("Ask the customer to scan the code with WeChat.") : QString());
    QString state;
    if (m_code) {
        switch (m_state) {
        case QrState::Waiting:
            state = tr("Waiting for the customer to pay…");
            break;
        case QrState::Paid:
            state = tr("Paid");
            break;
        case QrState::Closed:
            state = tr("Order closed — do not take this payment");
            break;
        case QrState::Expired:
            state = tr("QR code expired — create a new order");
            break;
        }
    }
    m_stateLabel->setText(state);
    m_stateLabel->setStyleSheet(QStringLiteral("color: %1;").arg(qrStateColor(m_state).name()));
}

} // namespace wxpay::ui
