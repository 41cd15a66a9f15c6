#include "errorbox.h"

#include "log.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace wxpay::ui {

QString plainSentence(const Error& error)
{
    const QString& code = error.code;
    if (code == u"AMOUNT_INVALID")
        return ErrorBox::tr("Enter an amount greater than zero.");
    if (code == u"DESCRIPTION_EMPTY")
        return ErrorBox::tr("Enter a description of what the customer buys.");
    if (code == u"AUTH_CODE_INVALID")
        return ErrorBox::tr("This is not a valid WeChat payment code: scan the code shown in the customer's WeChat.");
    if (code == u"AUTH_CODE_USED")
        return ErrorBox::tr("This payment code was already used: ask the customer to refresh it.");
    if (code == u"AUTHCODEEXPIRE" || code == u"AUTHCODE_EXPIRE" || code == u"AUTH_CODE_EXPIRE")
        return ErrorBox::tr("The customer's payment code has expired: ask them to refresh it.");
    if (code == u"NOTENOUGH" || code == u"NOT_ENOUGH")
        return ErrorBox::tr("The customer's balance is not enough: ask them to pay with another card.");
    if (code == u"HISTORY_BUSY")
        return ErrorBox::tr("Another copy of the console or wxpay-cli is using the order history: close it, then "
                            "start the console again.");
    if (code == u"BUSY")
        return ErrorBox::tr("A payment is already running.");
    switch (error.kind) {
    case ErrorKind::Network:
        return ErrorBox::tr("WeChat Pay could not be reached: check the network connection.");
    case ErrorKind::Http:
    case ErrorKind::Protocol:
        return ErrorBox::tr("WeChat Pay answered in an unexpected way.");
    case ErrorKind::Verification:
        return ErrorBox::tr("WeChat Pay's answer could not be verified.");
    case ErrorKind::Business:
        return ErrorBox::tr("WeChat Pay refused: %1").arg(error.message);
    case ErrorKind::Storage:
        return ErrorBox::tr("The local payment history could not be written.");
    case ErrorKind::Credentials:
        return ErrorBox::tr("The merchant's keys could not be used: check the profile in Settings.");
    case ErrorKind::Cancelled:
        return ErrorBox::tr("Cancelled.");
    case ErrorKind::Input:
        break;
    }
    return ErrorBox::tr("This cannot be sent: %1").arg(error.message);
}

ErrorBox::ErrorBox(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("errorBox"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#errorBox { background: #fdecea; border: 1px solid #e57373; }"));
    auto* layout = new QVBoxLayout(this);
    auto* line = new QHBoxLayout;
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("errorLabel"));
    m_label->setWordWrap(true);
    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 1.2);
    m_label->setFont(labelFont);
    line->addWidget(m_label, 1);
    m_detailsButton = new QToolButton(this);
    m_detailsButton->setObjectName(QStringLiteral("errorDetailsToolButton"));
    m_detailsButton->setCheckable(true);
    line->addWidget(m_detailsButton);
    layout->addLayout(line);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("errorDetailsLabel"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);
    m_details->hide();
    layout->addWidget(m_details);
    connect(m_detailsButton, &QToolButton::toggled, m_details, &QWidget::setVisible);
    hide();
}

void ErrorBox::showError(std::function<QString()> sentence, const std::optional<Error>& error)
{
    m_sentence = std::move(sentence);
    m_error = error;
    if (error)
        qCInfo(lcUi) << "shown error" << error->code << error->requestId;
    render();
}

void ErrorBox::showError(const Error& error)
{
    showError([error] { return plainSentence(error); }, error);
}

void ErrorBox::clear()
{
    m_sentence = nullptr;
    m_error.reset();
    m_detailsButton->setChecked(false);
    hide();
}

QString ErrorBox::sentence() const
{
    return m_sentence ? m_label->text() : QString();
}

void ErrorBox::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QWidget::changeEvent(event);
}

void ErrorBox::render()
{
    m_detailsButton->setText(tr("Details"));
    if (!m_sentence) {
        hide();
        return;
    }
    m_label->setText(m_sentence());
    QStringList details;
    if (m_error) {
        details << tr("Code: %1").arg(m_error->code.isEmpty() ? errorKindName(m_error->kind) : m_error->code);
        if (!m_error->requestId.isEmpty())
            details << tr("Request-ID: %1").arg(m_error->requestId);
        if (m_error->httpStatus != 0)
            details << tr("HTTP status: %1").arg(m_error->httpStatus);
        if (!m_error->message.isEmpty())
            details << tr("Message: %1").arg(m_error->message);
    }
    m_details->setText(details.join(u'\n'));
    m_detailsButton->setVisible(!details.isEmpty());
    show();
}

} // namespace wxpay::ui
