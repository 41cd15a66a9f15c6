// The amount field as a cashier uses it: typing (keys, or a Chinese input method's commit), Enter, the inline message.
#include "amountedit.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace wxpay;
using namespace wxpay::ui;

namespace {

// ASCII goes in as key presses; anything else the way an input method delivers it, as a commit.
void type(QLineEdit* edit, const QString& text)
{
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii) {
        QTest::keyClicks(edit, text);
        return;
    }
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QApplication::sendEvent(edit, &commit);
}

bool hasRedBorder(const QLineEdit* edit)
{
    return edit->styleSheet().contains(u"#c62828");
}

} // namespace

class TestAmountEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_edit = std::make_unique<AmountEdit>();
        m_edit->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_edit.get()));
        m_line = m_edit->findChild<QLineEdit*>(QStringLiteral("amountLineEdit"));
        m_message = m_edit->findChild<QLabel*>(QStringLiteral("amountMessageLabel"));
        QVERIFY(m_line);
        QVERIFY(m_message);
        m_line->setFocus();
    }

    void cleanup() { m_edit.reset(); }

    void shouldHaveDefaultValues()
    {
        QCOMPARE(m_edit->currency(), QStringLiteral("CNY"));
        QVERIFY(m_line->text().isEmpty());
        QVERIFY(!m_line->placeholderText().isEmpty());
        QVERIFY(!m_edit->amount().has_value());
        QVERIFY(m_message->isHidden());
        QVERIFY(m_edit->problemText().isEmpty());
        QVERIFY(!hasRedBorder(m_line));
    }

    void accepted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("minor");
        QTest::newRow("12") << "12" << qint64(1200);
        QTest::newRow("12.5") << "12.5" << qint64(1250);
        QTest::newRow("12.50") << "12.50" << qint64(1250);
        QTest::newRow("yen sign") << QString::fromUtf8("¥12.50") << qint64(1250);
        QTest::newRow("full-width yen sign and space") << QString::fromUtf8("￥ 12.5") << qint64(1250);
        QTest::newRow("full-width digits") << QString::fromUtf8("１２.５") << qint64(1250);
        QTest::newRow("surrounding spaces") << " 12.50 " << qint64(1250);
        QTest::newRow("ideographic full stop") << QString::fromUtf8("8。8") << qint64(880);
    }

    void accepted()
    {
        QFETCH(QString, text);
        QFETCH(qint64, minor);
        QSignalSpy submitted(m_edit.get(), &AmountEdit::submitted);
        QSignalSpy acceptable(m_edit.get(), &AmountEdit::acceptableChanged);
        type(m_line, text);
        QVERIFY(m_edit->amount().has_value());
        QCOMPARE(m_edit->amount()->minorUnits(), minor);
        QCOMPARE(acceptable.count(), 1);
        QCOMPARE(acceptable.last().at(0).toBool(), true);

        QTest::keyClick(m_line, Qt::Key_Return);
        QCOMPARE(submitted.count(), 1);
        const auto money = submitted.at(0).at(0).value<Money>();
        QCOMPARE(money.minorUnits(), minor);
        QCOMPARE(money.currency(), QStringLiteral("CNY"));
        QVERIFY(m_message->isHidden());
        QVERIFY(!hasRedBorder(m_line));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << ""
                                 << "Enter an amount like 12.50";
        QTest::newRow("letters") << "abc"
                                 << "Enter an amount like 12.50";
        QTest::newRow("decimal comma") << "12,5"
                                       << "Enter an amount like 12.50";
        QTest::newRow("three decimals") << "12.345"
                                        << "At most 2 decimal places";
        QTest::newRow("zero") << "0"
                              << "Amount must be more than 0";
        QTest::newRow("negative") << "-3"
                                  << "Amount must be more than 0";
        QTest::newRow("too large") << "30000000"
                                   << "Amount is too large";
        QTest::newRow("full-width letters") << QString::fromUtf8("１２ａ") << "Enter an amount like 12.50";
    }

    void refused()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QSignalSpy submitted(m_edit.get(), &AmountEdit::submitted);
        type(m_line, text);
        QTest::keyClick(m_line, Qt::Key_Return);
        QCOMPARE(submitted.count(), 0);
        QVERIFY(!m_edit->amount().has_value());
        QVERIFY(m_message->isVisible());
        QCOMPARE(m_message->text(), message);
        QCOMPARE(m_edit->problemText(), message);
        QVERIFY(hasRedBorder(m_line));
        // Inline only: nothing modal, nothing in a separate window.
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(QApplication::topLevelWidgets().size(), 1);
    }

    void keypadEnterSubmitsToo()
    {
        QSignalSpy submitted(m_edit.get(), &AmountEdit::submitted);
        type(m_line, QStringLiteral("5"));
        QTest::keyClick(m_line, Qt::Key_Enter, Qt::KeypadModifier);
        QCOMPARE(submitted.count(), 1);
    }

    void zeroWaitsForEnterWhileTyping()
    {
        // "0" is on the way to "0.50": no red while typing it.
        type(m_line, QStringLiteral("0"));
        QVERIFY(m_message->isHidden());
        QVERIFY(!hasRedBorder(m_line));
        QTest::keyClick(m_line, Qt::Key_Return);
        QCOMPARE(m_message->text(), QStringLiteral("Amount must be more than 0"));
        type(m_line, QStringLiteral(".5"));
        QVERIFY(m_message->isHidden());
        QCOMPARE(m_edit->amount()->minorUnits(), qint64(50));
    }

    void hopelessTextIsFlaggedWhileTyping()
    {
        type(m_line, QStringLiteral("12.345"));
        QVERIFY(m_message->isVisible());
        QCOMPARE(m_message->text(), QStringLiteral("At most 2 decimal places"));
        QTest::keyClick(m_line, Qt::Key_Backspace);
        QVERIFY(m_message->isHidden());
        QVERIFY(!hasRedBorder(m_line));
        QCOMPARE(m_edit->amount()->minorUnits(), qint64(1234));
    }

    void amountChangedOnlyForValidAmounts()
    {
        QSignalSpy changed(m_edit.get(), &AmountEdit::amountChanged);
        type(m_line, QStringLiteral("1"));
        type(m_line, QStringLiteral("2"));
        type(m_line, QStringLiteral("x"));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(1).at(0).value<Money>().minorUnits(), qint64(1200));
    }

    void currencyDecidesTheDecimals()
    {
        m_edit->setCurrency(QStringLiteral("JPY"));
        type(m_line, QStringLiteral("100.5"));
        QCOMPARE(m_message->text(), QStringLiteral("Whole amounts only, no decimals"));
        m_edit->clear();
        QVERIFY(m_message->isHidden());
        type(m_line, QStringLiteral("100"));
        QCOMPARE(m_edit->amount()->currency(), QStringLiteral("JPY"));
    }

private:
    std::unique_ptr<AmountEdit> m_edit;
    QLineEdit* m_line = nullptr;
    QLabel* m_message = nullptr;
};

QTEST_MAIN(TestAmountEdit)
#include "tst_amountedit.moc"
