#include "storage/csvwriter.h"
#include "support/testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wxpay;
using namespace wxpay::storage;

class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotesFields_data();
    void quotesFields();
    void writesBomHeaderAndCrlf();
    void flushesLargeOutputInChunks();
    void reportsWriteFailure();
};

void TestCsvWriter::quotesFields_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << "abc"
                           << "abc";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("decimal amount") << "12.34"
                                    << "12.34";
    QTest::newRow("chinese") << QString::fromUtf8("拿铁咖啡") << QString::fromUtf8("拿铁咖啡");
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "line1\nline2"
                             << "\"line1\nline2\"";
    QTest::newRow("crlf") << "line1\r\nline2"
                          << "\"line1\r\nline2\"";
    QTest::newRow("space kept") << " padded "
                                << " padded ";
    // Formula injection: a leading apostrophe keeps the cell as text.
    QTest::newRow("equals") << "=1+1"
                            << "'=1+1";
    QTest::newRow("plus") << "+86 123"
                          << "'+86 123";
    QTest::newRow("minus") << "-2"
                           << "'-2";
    QTest::newRow("at") << "@SUM(A1)"
                        << "'@SUM(A1)";
    QTest::newRow("tab") << "\t=1"
                         << "'\t=1";
    QTest::newRow("carriage return") << "\r=1"
                                     << "\"'\r=1\"";
    QTest::newRow("formula with comma") << "=HYPERLINK(\"http://x\",\"y\")"
                                        << "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
    QTest::newRow("equals later is fine") << "a=b"
                                          << "a=b";
}

void TestCsvWriter::quotesFields()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(CsvWriter::field(value), expected);
}

void TestCsvWriter::writesBomHeaderAndCrlf()
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer(buffer);
    WXPAY_VERIFY_OK(writer.writeRow({ QStringLiteral("a"), QStringLiteral("b") }));
    WXPAY_VERIFY_OK(writer.writeRow({ QString::fromUtf8("咖啡"), QStringLiteral("x,y") }));
    WXPAY_VERIFY_OK(writer.flush());
    QCOMPARE(buffer.data(),
        QByteArray("\xEF\xBB\xBF"
                   "a,b\r\n"
                   "\xE5\x92\x96\xE5\x95\xA1,\"x,y\"\r\n"));
}

void TestCsvWriter::flushesLargeOutputInChunks()
{
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer(buffer);
    const QString cell(1000, u'x');
    for (int i = 0; i < 1000; ++i)
        WXPAY_VERIFY_OK(writer.writeRow({ cell }));
    // Most rows have already reached the device before the final flush.
    QVERIFY(buffer.size() > 500 * 1000);
    WXPAY_VERIFY_OK(writer.flush());
    QCOMPARE(buffer.size(), qint64(3 + 1000 * 1002));
}

void TestCsvWriter::reportsWriteFailure()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("readonly.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    CsvWriter writer(file);
    WXPAY_VERIFY_OK(writer.writeRow({ QStringLiteral("a") }));
    WXPAY_VERIFY_ERROR(writer.flush(), ErrorKind::Storage, QStringLiteral("EXPORT_FAILED"));
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
