#include "protocol/v2/bill.h"
#include "support/testsupport.h"

#include <QTest>

using namespace wxpay;
using namespace wxpay::protocol;

namespace {

Money cny(qint64 fen)
{
    return Money::fromMinor(fen, QStringLiteral("CNY")).value();
}

Money hkd(qint64 cents)
{
    return Money::fromMinor(cents, QStringLiteral("HKD")).value();
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

const QByteArray kHeader27
    = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
      "付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,"
      "退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
const QByteArray kRow27 = "`2019-02-19 01:52:32,`wxab8acd895ab1638a,`1921000401,`0,`,`4200000263201902167700134902,"
                          "`autotest_20190219015232_89201,`wxab8acb865bb1637e,`NATIVE,`SUCCESS,`OTHERS,`CNY,`0.03,"
                          "`0.00,`0,`0,`0.00,`0.00,`,`,`autotest,`,`0.01000,`39.00%,`0.03,`0.00,`";
const QByteArray kSummaryHeader27
    = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";
const QByteArray kSummary27 = "`45.0,`0.47,`0.14,`0.0,`0.08,`0.47,`0.14";

QByteArray bill(const QList<QByteArray>& lines)
{
    QByteArray text;
    for (const QByteArray& line : lines)
        text += line + "\r\n";
    return text;
}

} // namespace

class TestBill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesCurrentLayout();
    void parsesOlderLayout();
    void bomAndLineEndingsDoNotMatter();
    void parsesDocumentedSampleLine();
    void rejectsMalformed_data();
    void rejectsMalformed();
};

void TestBill::parsesCurrentLayout()
{
    const QByteArray text = test::readTestData(QStringLiteral("protocol/v2/bill_all.csv"));
    QVERIFY(text.startsWith("\xEF\xBB\xBF"));
    QVERIFY(text.contains("\r\n"));
    const auto parsed = parseBill(text);
    WXPAY_VERIFY_OK(parsed);
    const Bill& b = parsed.value();
    QCOMPARE(b.header.size(), 27);
    QCOMPARE(b.header.first(), QString::fromUtf8("交易时间"));
    QCOMPARE(b.rows.size(), 4);

    const BillRow& first = b.rows.at(0);
    QCOMPARE(first.time, utc(2024, 4, 30, 1, 15, 2));
    QCOMPARE(first.appid, QStringLiteral("wxd930ea5d5a258f4f"));
    QCOMPARE(first.mchid, QStringLiteral("10000100"));
    QCOMPARE(first.subMchid, QStringLiteral("0"));
    QCOMPARE(first.deviceInfo, QStringLiteral("POS-01"));
    QCOMPARE(first.transactionId, QStringLiteral("4200002024043000000001"));
    QCOMPARE(first.outTradeNo, QStringLiteral("20240430091500001"));
    QCOMPARE(first.openid, QStringLiteral("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
    QCOMPARE(first.tradeType, QStringLiteral("NATIVE"));
    QCOMPARE(first.tradeState, QStringLiteral("SUCCESS"));
    QCOMPARE(first.bankType, QStringLiteral("CMB_CREDIT"));
    QCOMPARE(first.currency, QStringLiteral("CNY"));
    QCOMPARE(first.settlementAmount, cny(1234));
    QCOMPARE(first.couponAmount, cny(0));
    QCOMPARE(first.description, QString::fromUtf8("Coffee 咖啡"));
    QCOMPARE(first.attach, QStringLiteral("table=7"));
    QCOMPARE(first.fee, QStringLiteral("0.07000"));
    QCOMPARE(first.feeRate, QStringLiteral("0.60%"));
    QCOMPARE(first.orderAmount, cny(1234));
    QCOMPARE(first.refundRequestAmount, cny(0));
    QCOMPARE(first.columns.size(), 27);
    QCOMPARE(first.columns.value(QString::fromUtf8("费率备注")), QString());

    // A comma inside a value does not split it: values are separated by ",`".
    const BillRow& micropay = b.rows.at(1);
    QCOMPARE(micropay.description, QStringLiteral("Tea, large"));
    QCOMPARE(micropay.tradeType, QStringLiteral("MICROPAY"));
    QCOMPARE(micropay.couponAmount, cny(100));
    QCOMPARE(micropay.orderAmount, cny(2600));
    QCOMPARE(micropay.attach, QString());

    QCOMPARE(b.rows.at(2).tradeState, QStringLiteral("REVOKED"));

    const BillRow& refund = b.rows.at(3);
    QCOMPARE(refund.tradeState, QStringLiteral("REFUND"));
    QCOMPARE(refund.transactionId, first.transactionId);
    QCOMPARE(refund.refundId, QStringLiteral("50300002024043000000001"));
    QCOMPARE(refund.outRefundNo, QStringLiteral("R20240430182000001"));
    QCOMPARE(refund.refundAmount, cny(500));
    QCOMPARE(refund.refundRequestAmount, cny(500));
    QCOMPARE(refund.couponRefundAmount, cny(0));
    QCOMPARE(refund.refundType, QStringLiteral("ORIGINAL"));
    QCOMPARE(refund.refundStatus, QStringLiteral("SUCCESS"));
    QCOMPARE(refund.fee, QStringLiteral("-0.03000"));
    QCOMPARE(refund.time, utc(2024, 4, 30, 10, 20, 11));

    QCOMPARE(b.summaryHeader.size(), 7);
    QCOMPARE(b.summary.tradeCount, 4);
    QCOMPARE(b.summary.settlementTotal, cny(4534));
    QCOMPARE(b.summary.refundTotal, cny(500));
    QCOMPARE(b.summary.couponRefundTotal, cny(0));
    QCOMPARE(b.summary.feeTotal, QStringLiteral("0.24000"));
    QCOMPARE(b.summary.orderTotal, cny(4634));
    QCOMPARE(b.summary.refundRequestTotal, cny(500));
    QCOMPARE(b.summary.columns.value(QString::fromUtf8("总交易单数")), QStringLiteral("4"));
}

void TestBill::parsesOlderLayout()
{
    const QByteArray text = test::readTestData(QStringLiteral("protocol/v2/bill_old.csv"));
    QVERIFY(!text.startsWith("\xEF\xBB\xBF"));
    QVERIFY(!text.contains('\r'));
    const auto parsed = parseBill(text);
    WXPAY_VERIFY_OK(parsed);
    const Bill& b = parsed.value();
    QCOMPARE(b.header.size(), 24);
    QCOMPARE(b.rows.size(), 2);

    const BillRow& sale = b.rows.at(0);
    QCOMPARE(sale.time, utc(2017, 6, 1, 2, 0, 0));
    QCOMPARE(sale.subMchid, QStringLiteral("0")); // 子商户号 in this layout
    QCOMPARE(sale.currency, QStringLiteral("HKD"));
    QCOMPARE(sale.settlementAmount, hkd(10000)); // 总金额 in this layout
    QCOMPARE(sale.couponAmount, hkd(1000)); // 代金券或立减优惠金额
    QCOMPARE(sale.fee, QStringLiteral("0.60"));
    QVERIFY(!sale.orderAmount.isValid()); // 27-column only
    QVERIFY(!sale.refundRequestAmount.isValid());

    const BillRow& refund = b.rows.at(1);
    QCOMPARE(refund.refundAmount, hkd(2000));
    QCOMPARE(refund.couponRefundAmount, hkd(200)); // 代金券或立减优惠退款金额
    QCOMPARE(refund.outRefundNo, QStringLiteral("OLDR0000000000001"));

    // The summary takes the rows' currency.
    QCOMPARE(b.summary.tradeCount, 2);
    QCOMPARE(b.summary.settlementTotal, hkd(10000)); // 总交易额
    QCOMPARE(b.summary.refundTotal, hkd(2000)); // 总退款金额
    QCOMPARE(b.summary.couponRefundTotal, hkd(200));
    QCOMPARE(b.summary.feeTotal, QStringLiteral("0.48"));
    QVERIFY(!b.summary.orderTotal.isValid());
}

void TestBill::bomAndLineEndingsDoNotMatter()
{
    const QByteArray original = test::readTestData(QStringLiteral("protocol/v2/bill_all.csv"));
    QByteArray plain = original.mid(3);
    plain.replace("\r\n", "\n");
    plain.chop(1); // no final line end either
    const auto a = parseBill(original);
    const auto b = parseBill(plain);
    WXPAY_VERIFY_OK(a);
    WXPAY_VERIFY_OK(b);
    QCOMPARE(b->rows.size(), a->rows.size());
    for (qsizetype i = 0; i < a->rows.size(); ++i)
        QCOMPARE(b->rows.at(i).columns, a->rows.at(i).columns);
    QCOMPARE(b->summary.columns, a->summary.columns);
}

void TestBill::parsesDocumentedSampleLine()
{
    // The sample line and summary quoted in protocol.md §2.2; no rows would default the summary to CNY too.
    const auto parsed = parseBill(bill({ kHeader27, kRow27, kSummaryHeader27, kSummary27 }), QStringLiteral("HKD"));
    WXPAY_VERIFY_OK(parsed);
    QCOMPARE(parsed->rows.size(), 1);
    const BillRow& row = parsed->rows.first();
    QCOMPARE(row.time, utc(2019, 2, 18, 17, 52, 32));
    QCOMPARE(row.deviceInfo, QString());
    QCOMPARE(row.settlementAmount, cny(3));
    QCOMPARE(row.refundId, QStringLiteral("0"));
    QCOMPARE(row.feeRate, QStringLiteral("39.00%"));
    QCOMPARE(parsed->summary.tradeCount, 45);
    QCOMPARE(parsed->summary.settlementTotal, cny(47));
    QCOMPARE(parsed->summary.couponRefundTotal, cny(0));

    const auto empty = parseBill(bill({ kHeader27, kSummaryHeader27, kSummary27 }), QStringLiteral("HKD"));
    WXPAY_VERIFY_OK(empty);
    QVERIFY(empty->rows.isEmpty());
    QCOMPARE(empty->summary.settlementTotal, hkd(47));
}

void TestBill::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("text");

    QByteArray wrongCount = kRow27;
    wrongCount.chop(2); // drop the last (empty) value
    QByteArray noBacktick = kRow27.mid(1);
    QByteArray badAmount = kRow27;
    badAmount.replace("`0.03,`0.00,`0,", "`0.0x,`0.00,`0,");
    QByteArray tooPrecise = kRow27;
    tooPrecise.replace("`0.03,`0.00,`0,", "`0.031,`0.00,`0,");
    QByteArray badTime = kRow27;
    badTime.replace("2019-02-19 01:52:32", "2019-02-30 01:52:32");
    QByteArray badCurrency = kRow27;
    badCurrency.replace("`CNY,", "`RMB1,");
    QByteArray noTotal = kRow27;
    noTotal.replace("`CNY,`0.03,", "`CNY,`,");
    QByteArray headerWithoutState = kHeader27;
    headerWithoutState.replace("交易状态", "状态");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("only a header") << bill({ kHeader27 });
    QTest::newRow("no summary") << bill({ kHeader27, kRow27, kRow27 });
    QTest::newRow("summary header not second to last") << bill({ kHeader27, kSummaryHeader27, kSummary27, kRow27 });
    QTest::newRow("wrong value count") << bill({ kHeader27, wrongCount, kSummaryHeader27, kSummary27 });
    QTest::newRow("value without backtick") << bill({ kHeader27, noBacktick, kSummaryHeader27, kSummary27 });
    QTest::newRow("bad amount") << bill({ kHeader27, badAmount, kSummaryHeader27, kSummary27 });
    QTest::newRow("too many decimals") << bill({ kHeader27, tooPrecise, kSummaryHeader27, kSummary27 });
    QTest::newRow("bad time") << bill({ kHeader27, badTime, kSummaryHeader27, kSummary27 });
    QTest::newRow("bad currency") << bill({ kHeader27, badCurrency, kSummaryHeader27, kSummary27 });
    QTest::newRow("empty trade amount") << bill({ kHeader27, noTotal, kSummaryHeader27, kSummary27 });
    QTest::newRow("missing required column") << bill({ headerWithoutState, kRow27, kSummaryHeader27, kSummary27 });
    QTest::newRow("bad trade count") << bill(
        { kHeader27, kRow27, kSummaryHeader27, "`4.5,`0.47,`0.14,`0.0,`0.08,`0.47,`0.14" });
    QTest::newRow("summary value count") << bill({ kHeader27, kRow27, kSummaryHeader27, "`45,`0.47" });
    QTest::newRow("summary without totals") << bill({ kHeader27, kRow27, "总交易单数,手续费总金额", "`45,`0.08" });
    QTest::newRow("invalid utf-8") << bill({ kHeader27, kRow27 + "\xFF", kSummaryHeader27, kSummary27 });
    QTest::newRow("xml refusal") << QByteArray("<xml><return_code>FAIL</return_code></xml>");
}

void TestBill::rejectsMalformed()
{
    QFETCH(QByteArray, text);
    const auto parsed = parseBill(text);
    WXPAY_VERIFY_ERROR(parsed, ErrorKind::Protocol, QStringLiteral("BILL_MALFORMED"));
    QVERIFY(!parsed.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestBill)
#include "tst_bill.moc"
