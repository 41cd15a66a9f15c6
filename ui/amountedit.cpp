#include "amountedit.h"

#include "amountinput.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace wxpay::ui {

namespace {

const QString kInvalidStyle = QStringLiteral("QLineEdit { border: 2px solid #c62828; border-radius: 3px; }");

} // namespace

AmountEdit::AmountEdit(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("amountEdit"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_lineEdit = new QLineEdit(this);
    m_lineEdit->setObjectName(QStringLiteral("amountLineEdit"));
    m_lineEdit->setMaxLength(32);
    m_lineEdit->setClearButtonEnabled(true);
    QFont big = m_lineEdit->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    m_lineEdit->setFont(big);
    layout->addWidget(m_lineEdit);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("amountMessageLabel"));
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    m_lineEdit->installEventFilter(this);
    connect(m_lineEdit, &QLineEdit::textChanged, this, [this] { revalidate(false); });
    connect(m_lineEdit, &QLineEdit::returnPressed, this, [this] {
        revalidate(true);
        if (m_amount)
            Q_EMIT submitted(*m_amount);
    });
    setFocusProxy(m_lineEdit);
    retranslateUi();
}

void AmountEdit::setCurrency(const QString& currency)
{
    if (currency == m_currency)
        return;
    m_currency = currency;
    revalidate(false);
}

std::optional<Money> AmountEdit::amount() const
{
    return m_amount;
}

QString AmountEdit::problemText() const
{
    return m_problem ? m_message->text() : QString();
}

void AmountEdit::clear()
{
    m_lineEdit->clear();
}

void AmountEdit::revalidate(bool submitting)
{
    const auto parsed = parseAmountInput(m_lineEdit->text(), m_currency);
    const std::optional<Money> previous = m_amount;
    if (parsed) {
        m_amount = *parsed;
        m_problem.reset();
    } else {
        m_amount.reset();
        // Keep a message on show while the cashier corrects it; only add intermediate ones on submit.
        if (submitting || !isIntermediateAmountProblem(parsed.error()) || m_problem)
            m_problem = parsed.error();
        if (!submitting && parsed.error().code == u"AMOUNT_EMPTY")
            m_problem.reset();
    }
    showProblem(m_problem.has_value());
    if (previous.has_value() != m_amount.has_value())
        Q_EMIT acceptableChanged(m_amount.has_value());
    if (m_amount && m_amount != previous)
        Q_EMIT amountChanged(*m_amount);
}

void AmountEdit::showProblem(bool visible)
{
    m_message->setText(visible ? amountProblemText(*m_problem, m_currency) : QString());
    m_message->setVisible(visible);
    m_lineEdit->setStyleSheet(visible ? kInvalidStyle : QString());
}

bool AmountEdit::eventFilter(QObject* watched, QEvent* event)
{
    // Leaving a field that holds "0" is as final as pressing Enter.
    if (watched == m_lineEdit && event->type() == QEvent::FocusOut && !m_lineEdit->text().trimmed().isEmpty())
        revalidate(true);
    return QWidget::eventFilter(watched, event);
}

void AmountEdit::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AmountEdit::retranslateUi()
{
    m_lineEdit->setPlaceholderText(tr("Amount, e.g. 12.50"));
    m_lineEdit->setAccessibleName(tr("Amount"));
    if (m_problem)
        showProblem(true);
}

} // namespace wxpay::ui
