#include "takepaymentpanel.h"

#include "amountedit.h"
#include "format.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace wxpay::ui {

TakePaymentPanel::TakePaymentPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("takePaymentPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(12);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("panelTitleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_amountLabel = new QLabel(this);
    QFont labelFont = m_amountLabel->font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 1.2);
    m_amountLabel->setFont(labelFont);
    layout->addWidget(m_amountLabel);

    m_amount = new AmountEdit(this);
    m_amount->setMaximumWidth(420);
    m_amountLabel->setBuddy(m_amount->lineEdit());
    layout->addWidget(m_amount);

    m_ready = new QLabel(this);
    m_ready->setObjectName(QStringLiteral("readyLabel"));
    m_ready->setFont(labelFont);
    layout->addWidget(m_ready);

    m_comingNext = new QLabel(this);
    m_comingNext->setObjectName(QStringLiteral("comingNextLabel"));
    m_comingNext->setWordWrap(true);
    m_comingNext->setFont(labelFont);
    m_comingNext->setStyleSheet(
        QStringLiteral("background: #fff8e1; border: 1px solid #ffcc80; border-radius: 4px; padding: 10px;"));
    layout->addWidget(m_comingNext);
    layout->addStretch(1);

    connect(m_amount, &AmountEdit::amountChanged, this, [this] { retranslateUi(); });
    connect(m_amount, &AmountEdit::acceptableChanged, this, [this] { retranslateUi(); });
    setFocusProxy(m_amount);
    retranslateUi();
}

void TakePaymentPanel::setCurrency(const QString& currency)
{
    m_amount->setCurrency(currency);
    retranslateUi();
}

void TakePaymentPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TakePaymentPanel::retranslateUi()
{
    m_title->setText(tr("Take payment"));
    m_amountLabel->setText(tr("Amount (%1):").arg(m_amount->currency()));
    const auto amount = m_amount->amount();
    m_ready->setText(amount ? tr("Amount to collect: %1").arg(formatMoney(*amount)) : QString());
    m_comingNext->setText(tr("Coming next: collect this amount with a QR code for the customer to scan, or scan the "
                             "customer's payment code. This arrives with the payment workflows in the next update."));
}

} // namespace wxpay::ui
