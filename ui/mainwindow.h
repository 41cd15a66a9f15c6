#pragma once

#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace wxpay::ui {

// The console's main window: a banner that says which merchant profile is active, and the panels.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    void setSandbox(bool sandbox);

private:
    QLabel* m_banner = nullptr;
    QTabWidget* m_panels = nullptr;
};

} // namespace wxpay::ui
