#include "mainwindow.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace wxpay::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("WeChat Pay Console"));
    setMinimumSize(960, 640);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);

    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("sandboxBannerLabel"));
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setStyleSheet(QStringLiteral("background:#b71c1c;color:white;font-weight:bold;padding:6px;"));
    layout->addWidget(m_banner);

    m_panels = new QTabWidget(central);
    m_panels->setObjectName(QStringLiteral("panelsTabWidget"));
    auto* placeholder = new QLabel(tr("Take payment, orders, refunds and UnionID panels appear here."), m_panels);
    placeholder->setAlignment(Qt::AlignCenter);
    m_panels->addTab(placeholder, tr("Take payment"));
    layout->addWidget(m_panels, 1);

    setCentralWidget(central);
    setSandbox(true);
}

void MainWindow::setSandbox(bool sandbox)
{
    m_banner->setText(tr("Sandbox — no real money"));
    m_banner->setVisible(sandbox);
}

} // namespace wxpay::ui
