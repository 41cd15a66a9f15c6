#include "customerview.h"

#include "format.h"
#include "qrcodewidget.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QScreen>
#include <QVBoxLayout>

namespace wxpay::ui {

QString qrCoverText(QrState state)
{
    switch (state) {
    case QrState::Waiting:
        return {};
    case QrState::Paid:
        return QCoreApplication::translate("wxpay::ui::QrState", "Paid ✓");
    case QrState::Closed:
        return QCoreApplication::translate("wxpay::ui::QrState", "Order closed");
    case QrState::Expired:
        return QCoreApplication::translate("wxpay::ui::QrState", "QR code expired");
    }
    return {};
}

QColor qrStateColor(QrState state)
{
    switch (state) {
    case QrState::Waiting:
        return QColor(0x33, 0x33, 0x33);
    case QrState::Paid:
        return QColor(0x06, 0xa1, 0x50);
    case QrState::Closed:
        return QColor(0x61, 0x61, 0x61);
    case QrState::Expired:
        return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

int customerScreenIndex(int screenCount, int consoleScreenIndex)
{
    if (screenCount <= 1)
        return 0;
    return consoleScreenIndex == 0 ? 1 : 0;
}

CustomerView::CustomerView(QWidget* parent) : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("customerView"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#customerView { background: white; } QLabel { color: #222; }"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 16);
    layout->setSpacing(12);

    m_merchant = new QLabel(this);
    m_merchant->setObjectName(QStringLiteral("customerMerchantLabel"));
    m_merchant->setAlignment(Qt::AlignCenter);
    QFont merchantFont = m_merchant->font();
    merchantFont.setPointSizeF(merchantFont.pointSizeF() * 2.0);
    m_merchant->setFont(merchantFont);
    layout->addWidget(m_merchant);

    m_amount = new QLabel(this);
    m_amount->setObjectName(QStringLiteral("customerAmountLabel"));
    m_amount->setAlignment(Qt::AlignCenter);
    QFont amountFont = m_amount->font();
    amountFont.setPointSizeF(amountFont.pointSizeF() * 4.0);
    amountFont.setBold(true);
    m_amount->setFont(amountFont);
    layout->addWidget(m_amount);

    m_qr = new QrCodeWidget(this);
    m_qr->setObjectName(QStringLiteral("customerQrCodeWidget"));
    layout->addWidget(m_qr, 1);

    m_instruction = new QLabel(this);
    m_instruction->setObjectName(QStringLiteral("customerInstructionLabel"));
    m_instruction->setAlignment(Qt::AlignCenter);
    m_instruction->setFont(merchantFont);
    layout->addWidget(m_instruction);

    m_closeHint = new QLabel(this);
    m_closeHint->setObjectName(QStringLiteral("customerCloseHintLabel"));
    m_closeHint->setAlignment(Qt::AlignRight);
    m_closeHint->setStyleSheet(QStringLiteral("color: #9e9e9e;"));
    layout->addWidget(m_closeHint);

    retranslateUi();
}

void CustomerView::setOrder(const std::optional<qr::QrCode>& code, const Money& amount, const QString& merchantName)
{
    m_qr->setCode(code);
    m_amount->setText(formatMoney(amount));
    m_merchant->setText(merchantName);
}

void CustomerView::setState(QrState state)
{
    m_state = state;
    retranslateUi();
}

void CustomerView::showOnCustomerScreen(const QWidget* console)
{
    const QList<QScreen*> screens = QGuiApplication::screens();
    QScreen* consoleScreen = console ? console->screen() : QGuiApplication::primaryScreen();
    const int consoleIndex = static_cast<int>(screens.indexOf(consoleScreen));
    const int index = customerScreenIndex(static_cast<int>(screens.size()), consoleIndex);
    if (index >= 0 && index < screens.size()) {
        QScreen* target = screens.at(index);
        setScreen(target);
        setGeometry(target->geometry());
    }
    // On a screen of its own the view must not take the keyboard: the barcode scanner types into the console.
    // Covering the console's only screen, it takes the keyboard so that Esc brings the console back.
    m_ownScreen = index != consoleIndex;
    setAttribute(Qt::WA_ShowWithoutActivating, m_ownScreen);
    m_closeHint->setVisible(!m_ownScreen);
    showFullScreen();
    if (!m_ownScreen) {
        raise();
        activateWindow();
    }
}

void CustomerView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void CustomerView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CustomerView::retranslateUi()
{
    setWindowTitle(tr("Customer view"));
    m_qr->setCoverText(qrCoverText(m_state), qrStateColor(m_state));
    switch (m_state) {
    case QrState::Waiting:
        m_instruction->setText(tr("Scan with WeChat to pay"));
        break;
    case QrState::Paid:
        m_instruction->setText(tr("Payment received — thank you"));
        break;
    case QrState::Closed:
    case QrState::Expired:
        m_instruction->setText(tr("This QR code can no longer be used"));
        break;
    }
    m_instruction->setStyleSheet(QStringLiteral("color: %1;").arg(qrStateColor(m_state).name()));
    m_closeHint->setText(tr("Press Esc to return to the console"));
}

} // namespace wxpay::ui
