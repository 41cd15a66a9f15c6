#include "common/clock.h"
#include "common/nonce.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace wxpay;
using namespace std::chrono_literals;

class TestClockNonce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manualClockMovesOnlyWhenTold()
    {
        const QDateTime start = QDateTime::fromSecsSinceEpoch(1624523846, Qt::UTC);
        ManualClock clock(start);
        QCOMPARE(clock.nowSecs(), 1624523846);
        clock.advance(301s);
        QCOMPARE(clock.nowSecs(), 1624523846 + 301);
        clock.set(start);
        QCOMPARE(clock.now(), start);
        QCOMPARE(clock.now().timeSpec(), Qt::UTC);
    }

    void systemClockIsUtcAndCurrent()
    {
        SystemClock clock;
        QCOMPARE(clock.now().timeSpec(), Qt::UTC);
        QVERIFY(qAbs(clock.nowSecs() - QDateTime::currentSecsSinceEpoch()) <= 1);
    }

    void randomNoncesAreAlphanumericAndDistinct()
    {
        RandomNonceSource source;
        const QRegularExpression alnum(QStringLiteral("^[0-9A-Za-z]{32}$"));
        QSet<QByteArray> seen;
        for (int i = 0; i < 200; ++i) {
            const QByteArray nonce = source.next();
            QVERIFY2(alnum.match(QString::fromLatin1(nonce)).hasMatch(), nonce.constData());
            seen.insert(nonce);
        }
        QCOMPARE(seen.size(), 200);
        QCOMPARE(source.next(12).size(), 12);
    }

    void fixedNoncesCycle()
    {
        FixedNonceSource source({ "A1B2C3D4E5F6G7", "second" });
        QCOMPARE(source.next(), QByteArray("A1B2C3D4E5F6G7"));
        QCOMPARE(source.next(), QByteArray("second"));
        QCOMPARE(source.next(4), QByteArray("A1B2"));
    }
};

QTEST_GUILESS_MAIN(TestClockNonce)
#include "tst_clocknonce.moc"
