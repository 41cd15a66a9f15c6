#pragma once

#include <QWidget>

class QLabel;

namespace wxpay::ui {

// A panel whose workflow is not in the console yet: it says what the panel will do and that it comes next.
class PlaceholderPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Kind
    {
        Orders,
        Refunds,
        UnionId,
    };

    explicit PlaceholderPanel(Kind kind, QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    Kind m_kind;
    QLabel* m_title = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_comingNext = nullptr;
};

} // namespace wxpay::ui
