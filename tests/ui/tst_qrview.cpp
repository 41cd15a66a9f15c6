// The cashier's QR view: the code decodes to exactly the code_url at any size, stays crisp, counts down on an
// injected clock, hides once the order is over, and saves as PNG and SVG that decode too.
#include "customerview.h"
#include "qrdecode.h"
#include "qrview.h"
#include "support/testsupport.h"

#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using namespace wxpay;
using namespace wxpay::ui;

namespace {

const QString kCodeUrl = QStringLiteral("weixin://wxpay/bizpayurl?pr=NwY5Mz9");
const QDateTime kNow(QDate(2025, 6, 1), QTime(10, 0), Qt::UTC);

Money yuan(qint64 fen)
{
    return Money::fromMinor(fen, QStringLiteral("CNY")).valueOr(Money());
}

} // namespace

class TestQrView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<ManualClock>(kNow);
        m_view = std::make_unique<QrView>();
        m_view->setClock(m_clock.get());
    }

    void cleanup()
    {
        m_view.reset();
        m_clock.reset();
    }

    void shouldHaveDefaultValues()
    {
        QVERIFY(m_view->codeUrl().isEmpty());
        QCOMPARE(m_view->state(), QrState::Waiting);
        QVERIFY(m_view->countdownText().isEmpty());
        QVERIFY(!m_view->customerView());
        auto* save = m_view->findChild<QPushButton*>(QStringLiteral("saveQrPushButton"));
        auto* customer = m_view->findChild<QPushButton*>(QStringLiteral("customerViewPushButton"));
        QVERIFY(save);
        QVERIFY(customer);
        QVERIFY(!save->isEnabled());
        QVERIFY(!customer->isEnabled());
        QVERIFY(label(QStringLiteral("amountLabel"))->text().isEmpty());
        QVERIFY(label(QStringLiteral("stateLabel"))->text().isEmpty());
        WXPAY_VERIFY_ERROR(m_view->saveQr(QStringLiteral("never.png")), ErrorKind::Input, QStringLiteral("QR_NONE"));
    }

    void showsTheOrder()
    {
        WXPAY_VERIFY_OK(showSample());
        QCOMPARE(m_view->codeUrl(), kCodeUrl);
        QCOMPARE(label(QStringLiteral("amountLabel"))->text(), QString::fromUtf8("¥12.50"));
        QCOMPARE(label(QStringLiteral("merchantNameLabel"))->text(), QStringLiteral("Shop 1"));
        QCOMPARE(label(QStringLiteral("stateLabel"))->text(), QStringLiteral("Waiting for the customer to pay…"));
        QVERIFY(m_view->findChild<QPushButton*>(QStringLiteral("saveQrPushButton"))->isEnabled());
    }

    void decodesAtEverySize_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("small") << QSize(360, 240);
        QTest::newRow("medium") << QSize(640, 480);
        QTest::newRow("screenshot") << QSize(1280, 800);
        QTest::newRow("portrait") << QSize(500, 900);
        QTest::newRow("odd") << QSize(777, 555);
    }

    void decodesAtEverySize()
    {
        QFETCH(QSize, size);
        WXPAY_VERIFY_OK(showSample());
        m_view->resize(size);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QCOMPARE(wxpay::test::decodeQr(m_view->grab().toImage()), kCodeUrl);

        // Crisp: whole-pixel modules, so the code holds pure black and white only, and it fills most of its space.
        QWidget* code = m_view->findChild<QWidget*>(QStringLiteral("qrCodeWidget"));
        QVERIFY(code);
        const QImage pixels = code->grab().toImage().convertToFormat(QImage::Format_Grayscale8);
        const int side = std::min(code->width(), code->height());
        QVERIFY2(side >= 150, qPrintable(QString::number(side)));
        // Outside its white square the widget shows the window background: look inside only.
        const QImage square = pixels.copy((pixels.width() - side) / 2, (pixels.height() - side) / 2, side, side);
        int grey = 0;
        int dark = 0;
        for (int y = 0; y < square.height(); ++y) {
            const uchar* line = square.constScanLine(y);
            for (int x = 0; x < square.width(); ++x) {
                grey += line[x] != 0 && line[x] != 255 ? 1 : 0;
                dark += line[x] == 0 ? 1 : 0;
            }
        }
        QCOMPARE(grey, 0);
        QVERIFY(dark > side * side / 10);
    }

    void countdownFollowsTheInjectedClock()
    {
        QSignalSpy expired(m_view.get(), &QrView::expired);
        WXPAY_VERIFY_OK(showSample());
        QCOMPARE(m_view->countdownText(), QStringLiteral("Expires in 5:00"));
        m_clock->advance(std::chrono::seconds(61));
        QTRY_COMPARE(m_view->countdownText(), QStringLiteral("Expires in 3:59"));
        m_clock->advance(std::chrono::seconds(238));
        QTRY_COMPARE(m_view->countdownText(), QStringLiteral("Expires in 0:01"));
        QCOMPARE(expired.count(), 0);
        m_clock->advance(std::chrono::seconds(1));
        QTRY_COMPARE(m_view->countdownText(), QStringLiteral("Time is up"));
        QCOMPARE(expired.count(), 1);
        m_clock->advance(std::chrono::seconds(30));
        QTest::qWait(600);
        QCOMPARE(expired.count(), 1);
    }

    void longValidityShowsHours()
    {
        WXPAY_VERIFY_OK(m_view->showOrder(kCodeUrl, yuan(100), QStringLiteral("Shop 1"), kNow.addSecs(2 * 3600)));
        QCOMPARE(m_view->countdownText(), QStringLiteral("Expires in 2:00:00"));
    }

    void stateLine_data()
    {
        QTest::addColumn<QrState>("state");
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("scannable");
        QTest::newRow("waiting") << QrState::Waiting << "Waiting for the customer to pay…" << true;
        QTest::newRow("paid") << QrState::Paid << "Paid" << false;
        QTest::newRow("closed") << QrState::Closed << "Order closed — do not take this payment" << false;
        QTest::newRow("expired") << QrState::Expired << "QR code expired — create a new order" << false;
    }

    void stateLine()
    {
        QFETCH(QrState, state);
        QFETCH(QString, line);
        QFETCH(bool, scannable);
        WXPAY_VERIFY_OK(showSample());
        m_view->resize(800, 500);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->setState(state);
        QCOMPARE(m_view->state(), state);
        QCOMPARE(label(QStringLiteral("stateLabel"))->text(), line);
        // A code whose order is over must not be scanned again.
        QCOMPARE(wxpay::test::decodeQr(m_view->grab().toImage()) == kCodeUrl, scannable);
        QCOMPARE(m_view->countdownText().isEmpty(), !scannable);
    }

    void savesPngAndSvg()
    {
        WXPAY_VERIFY_OK(showSample());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath(QStringLiteral("qr.png"));
        WXPAY_VERIFY_OK(m_view->saveQr(png));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(wxpay::test::decodeQr(image), kCodeUrl);

        const QString svg = dir.filePath(QStringLiteral("qr.SVG"));
        WXPAY_VERIFY_OK(m_view->saveQr(svg));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QImage rendered(600, 600, QImage::Format_RGB32);
        rendered.fill(Qt::white);
        QPainter painter(&rendered);
        renderer.render(&painter);
        painter.end();
        QCOMPARE(wxpay::test::decodeQr(rendered), kCodeUrl);
    }

    void saveReportsAnUnwritablePlace()
    {
        WXPAY_VERIFY_OK(showSample());
        WXPAY_VERIFY_ERROR(m_view->saveQr(QStringLiteral("/nonexistent-folder/qr.png")), ErrorKind::Storage,
            QStringLiteral("QR_SAVE_FAILED"));
    }

    void refusesWhatCannotBeAQrCode()
    {
        WXPAY_VERIFY_OK(showSample());
        WXPAY_VERIFY_ERROR(m_view->showOrder(QString(5000, u'x'), yuan(100), QStringLiteral("Shop 1"), kNow),
            ErrorKind::Input, QStringLiteral("QR_TOO_LONG"));
        QVERIFY(m_view->codeUrl().isEmpty());
        QVERIFY(!m_view->findChild<QPushButton*>(QStringLiteral("saveQrPushButton"))->isEnabled());
    }

    void customerViewMirrorsTheOrder()
    {
        WXPAY_VERIFY_OK(showSample());
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        auto* button = m_view->findChild<QPushButton*>(QStringLiteral("customerViewPushButton"));
        button->click();
        CustomerView* customer = m_view->customerView();
        QVERIFY(customer);
        QVERIFY(QTest::qWaitForWindowExposed(customer));
        QVERIFY(customer->windowState() & Qt::WindowFullScreen);
        QVERIFY(button->isChecked());
        QCOMPARE(
            customer->findChild<QLabel*>(QStringLiteral("customerAmountLabel"))->text(), QString::fromUtf8("¥12.50"));
        QCOMPARE(wxpay::test::decodeQr(customer->grab().toImage()), kCodeUrl);
        m_view->setState(QrState::Paid);
        QCOMPARE(customer->state(), QrState::Paid);
        button->click();
        QTRY_VERIFY(!m_view->customerView());
        QVERIFY(!button->isChecked());
    }

private:
    Status showSample() { return m_view->showOrder(kCodeUrl, yuan(1250), QStringLiteral("Shop 1"), kNow.addSecs(300)); }

    QLabel* label(const QString& name) const
    {
        auto* found = m_view->findChild<QLabel*>(name);
        if (!found)
            qFatal("no label %s", qPrintable(name));
        return found;
    }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QrView> m_view;
};

QTEST_MAIN(TestQrView)
#include "tst_qrview.moc"
