#pragma once

#include "common/error.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QToolButton;

namespace wxpay::ui {

// One plain sentence for the cashier about a failed action, saying what happened and what to do next. Codes a
// cashier meets at the till have their own sentence; the rest are described by their kind.
QString plainSentence(const Error& error);

// Where an action failed, shown next to it: one plain sentence, and the details (code, Request-ID, HTTP status,
// WeChat's message) behind a "Details" button. Hidden while there is nothing to say. The sentence is a function so
// that it can be asked again when the language changes.
class ErrorBox : public QWidget
{
    Q_OBJECT

public:
    explicit ErrorBox(QWidget* parent = nullptr);

    void showError(std::function<QString()> sentence, const std::optional<Error>& error);
    // The plain sentence of `error`, with its details.
    void showError(const Error& error);
    void clear();

    QString sentence() const;
    const std::optional<Error>& error() const { return m_error; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    QLabel* m_label = nullptr;
    QToolButton* m_detailsButton = nullptr;
    QLabel* m_details = nullptr;
    std::optional<Error> m_error;
    std::function<QString()> m_sentence;
};

} // namespace wxpay::ui
