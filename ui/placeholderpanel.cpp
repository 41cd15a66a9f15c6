#include "placeholderpanel.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace wxpay::ui {

PlaceholderPanel::PlaceholderPanel(Kind kind, QWidget* parent) : QWidget(parent), m_kind(kind)
{
    const char16_t* names[] = { u"ordersPanel", u"refundsPanel", u"unionIdPanel" };
    setObjectName(QString::fromUtf16(names[static_cast<int>(kind)]));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("panelTitleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("panelDescriptionLabel"));
    m_description->setWordWrap(true);
    QFont bodyFont = m_description->font();
    bodyFont.setPointSizeF(bodyFont.pointSizeF() * 1.15);
    m_description->setFont(bodyFont);
    layout->addWidget(m_description);

    m_comingNext = new QLabel(this);
    m_comingNext->setObjectName(QStringLiteral("comingNextLabel"));
    m_comingNext->setWordWrap(true);
    m_comingNext->setFont(bodyFont);
    m_comingNext->setStyleSheet(
        QStringLiteral("background: #fff8e1; border: 1px solid #ffcc80; border-radius: 4px; padding: 10px;"));
    layout->addWidget(m_comingNext);
    layout->addStretch(1);
    retranslateUi();
}

void PlaceholderPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PlaceholderPanel::retranslateUi()
{
    switch (m_kind) {
    case Kind::Orders:
        m_title->setText(tr("Orders"));
        m_description->setText(tr("Find an order by its WeChat Pay transaction ID or your order number "
                                  "(out_trade_no), see whether it is paid, close it or reverse it. Past orders come "
                                  "from the history on this computer, even offline, and can be exported."));
        break;
    case Kind::Refunds:
        m_title->setText(tr("Refunds"));
        m_description->setText(tr("Refund all or part of a paid order, with the manager PIN when one is set, and "
                                  "follow each refund until the money is back with the customer."));
        break;
    case Kind::UnionId:
        m_title->setText(tr("UnionID"));
        m_description->setText(tr("Look up the payer's UnionID after a payment, through the merchant's "
                                  "mini-program (getpaidunionid)."));
        break;
    }
    m_comingNext->setText(tr("Coming next: this panel arrives with the payment workflows in the next update."));
}

} // namespace wxpay::ui
