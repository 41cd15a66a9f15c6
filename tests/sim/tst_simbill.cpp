#include "simtestutil.h"
#include "support/testsupport.h"

#include <QCryptographicHash>
#include <QTest>

using namespace wxpay;
using namespace wxpay::sim;
using namespace wxpay::sim::test;

namespace {

const QDate kDay(2024, 5, 20);

QDateTime chinaTime(const QDate& date, int hour, int minute)
{
    return QDateTime(date, QTime(hour, minute), Qt::OffsetFromUTC, 8 * 3600).toUTC();
}

struct ParsedBill
{
    QStringList header;
    QList<QStringList> rows; // backticks removed
    QStringList summaryHeader;
    QStringList summary;
};

// Parses the bill strictly: BOM, CRLF only, every detail and summary value backtick-prefixed.
ParsedBill parse(const QByteArray& content)
{
    ParsedBill bill;
    if (!content.startsWith("\xEF\xBB\xBF")) {
        qWarning("no BOM");
        return bill;
    }
    const QString text = QString::fromUtf8(content.mid(3));
    QStringList lines = text.split(u"\r\n"_s);
    if (lines.size() < 4 || !lines.constLast().isEmpty()) {
        qWarning("not CRLF-terminated");
        return bill;
    }
    lines.removeLast();
    for (const QString& line : lines) {
        if (line.contains(u'\n') || line.contains(u'\r')) {
            qWarning("stray line break");
            return {};
        }
    }
    auto values = [](const QString& line) {
        QStringList fields = line.split(u',');
        for (QString& field : fields) {
            if (!field.startsWith(u'`'))
                return QStringList();
            field.remove(0, 1);
        }
        return fields;
    };
    bill.header = lines.takeFirst().split(u',');
    bill.summary = values(lines.takeLast());
    bill.summaryHeader = lines.takeLast().split(u',');
    for (const QString& line : std::as_const(lines))
        bill.rows.append(values(line));
    return bill;
}

qint64 fen(const QString& yuan)
{
    const auto money = Money::parse(yuan.startsWith(u'-') ? yuan.mid(1) : yuan, u"CNY"_s);
    if (!money)
        return -999999999;
    return yuan.startsWith(u'-') ? -money->minorUnits() : money->minorUnits();
}

// 手续费 has 5 decimals: only whole fen are expected here.
qint64 feeFen(const QString& yuan)
{
    if (!yuan.endsWith(u"000"_s))
        return -999999999;
    return fen(yuan.chopped(3));
}

} // namespace

class TestSimBill : public QObject
{
    Q_OBJECT

private:
    // The day's trades: see the expectations in layoutAndTotals().
    static void trade(Sim& sim)
    {
        auto pay = [&](const QString& no, qint64 amount) {
            QVERIFY(sim.engine.createNative(cnIds(), nativeRequest(no, amount)).ok());
            QVERIFY(sim.engine.customerPays(cnIds(), no).ok());
        };
        pay(u"BILLA00001"_s, 1000); // 10:00
        QVERIFY(
            sim.engine
                .micropay(cnIds(), micropayRequest(u"BILLB00001"_s, 100, makeAuthCode(QuickPayScenario::Success, 0, 1)))
                .ok());
        pay(u"BILLC00001"_s, 2000);
        sim.clock.set(chinaTime(kDay, 11, 0));
        QVERIFY(sim.engine.refund(cnIds(), refundRequest(u"BILLC00001"_s, u"RFC00001"_s, 500, 2000)).ok());
        QVERIFY(
            sim.engine
                .micropay(cnIds(), micropayRequest(u"BILLD00001"_s, 300, makeAuthCode(QuickPayScenario::Success, 0, 2)))
                .ok());
        sim.clock.set(chinaTime(kDay, 12, 0));
        QVERIFY(sim.engine.reverse(cnIds(), OrderRef::byOutTradeNo(u"BILLD00001"_s)).ok());
        QVERIFY(sim.engine.createNative(cnIds(), nativeRequest(u"BILLE00001"_s, 700)).ok()); // never paid
        sim.clock.set(chinaTime(kDay, 23, 30));
        NativeOrderRequest withComma = nativeRequest(u"BILLF00001"_s, 1234);
        withComma.description = u"tea, cake`and\nmore"_s;
        QVERIFY(sim.engine.createNative(cnIds(), withComma).ok());
        QVERIFY(sim.engine.customerPays(cnIds(), u"BILLF00001"_s).ok());
        sim.clock.set(chinaTime(kDay.addDays(1), 0, 30));
        pay(u"BILLG00001"_s, 5000); // the next day's bill
        // Another merchant's trade never shows.
        QVERIFY(sim.engine.createNative(spIds(), nativeRequest(u"BILLH00001"_s, 1)).ok());
        QVERIFY(sim.engine.customerPays(spIds(), u"BILLH00001"_s).ok());
    }

private Q_SLOTS:
    void layoutAndTotals();
    void billTypesFilterLines();
    void availability();
    void immediateBillsForTheSandbox();
    void serviceProviderColumn();
};

void TestSimBill::layoutAndTotals()
{
    Sim sim;
    trade(sim);
    sim.clock.set(chinaTime(kDay.addDays(1), 10, 0));
    const auto file = sim.engine.tradeBill(cnIds(), { kDay, u"ALL"_s });
    WXPAY_VERIFY_OK(file);
    QCOMPARE(
        file->sha1Hex, QString::fromLatin1(QCryptographicHash::hash(file->content, QCryptographicHash::Sha1).toHex()));

    const ParsedBill bill = parse(file->content);
    const QString expectedHeader = QString::fromUtf8("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,"
                                                     "商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,"
                                                     "应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,"
                                                     "充值券退款金额,退款类型,退款状态,商品名称,商户数据包,"
                                                     "手续费,费率,订单金额,申请退款金额,费率备注");
    QCOMPARE(bill.header.join(u','), expectedHeader);
    QCOMPARE(bill.header.size(), 27);
    QCOMPARE(bill.summaryHeader.join(u','),
        QString::fromUtf8(
            "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"));
    QCOMPARE(bill.rows.size(), 7);
    for (const QStringList& row : bill.rows) {
        QCOMPARE(row.size(), 27);
        QCOMPARE(row.at(2), u"1900000109"_s);
        QCOMPARE(row.at(3), u"0"_s);
        QVERIFY(row.at(0).startsWith(u"2024-05-20 "_s));
        QCOMPARE(row.at(11), u"CNY"_s);
        QCOMPARE(row.at(23), u"0.60%"_s);
        QCOMPARE(row.at(26), QString()); // the lone trailing backtick
    }

    // Lines are in time order (China time).
    QCOMPARE(bill.rows.at(0).at(0), u"2024-05-20 10:00:00"_s);
    QCOMPARE(bill.rows.constLast().at(0), u"2024-05-20 23:30:00"_s);
    QStringList states;
    for (const QStringList& row : bill.rows)
        states << row.at(6) + u':' + row.at(9);
    QCOMPARE(states,
        (QStringList { u"BILLA00001:SUCCESS"_s, u"BILLB00001:SUCCESS"_s, u"BILLC00001:SUCCESS"_s,
            u"BILLD00001:SUCCESS"_s, u"BILLC00001:REFUND"_s, u"BILLD00001:REVOKED"_s, u"BILLF00001:SUCCESS"_s }));

    // A payment line, a refund line and a reversal line, column by column.
    const QStringList& payment = bill.rows.at(0);
    QCOMPARE(payment.at(1), u"wxd930ea5d5a258f4f"_s);
    QVERIFY(payment.at(5).startsWith(u"4200"_s));
    QCOMPARE(payment.at(7), SimEngine::sandboxOpenid(u"wxd930ea5d5a258f4f"_s));
    QCOMPARE(payment.at(8), u"NATIVE"_s);
    QCOMPARE(payment.at(12), u"10.00"_s);
    QCOMPARE(payment.at(14), u"0"_s);
    QCOMPARE(payment.at(15), u"0"_s);
    QCOMPARE(payment.at(16), u"0.00"_s);
    QCOMPARE(payment.at(18), QString());
    QCOMPARE(payment.at(22), u"0.06000"_s);
    QCOMPARE(payment.at(24), u"10.00"_s);
    QCOMPARE(payment.at(25), u"0.00"_s);
    QCOMPARE(bill.rows.at(1).at(8), u"MICROPAY"_s);
    QCOMPARE(bill.rows.at(1).at(4), u"POS-1"_s);

    const QStringList& refund = bill.rows.at(4);
    QCOMPARE(refund.at(0), u"2024-05-20 11:00:05"_s); // when the refund succeeded
    QCOMPARE(refund.at(12), u"0.00"_s);
    QCOMPARE(refund.at(15), u"RFC00001"_s);
    QVERIFY(refund.at(14).startsWith(u"503"_s));
    QCOMPARE(refund.at(16), u"5.00"_s);
    QCOMPARE(refund.at(18), u"ORIGINAL"_s);
    QCOMPARE(refund.at(19), u"SUCCESS"_s);
    QCOMPARE(refund.at(22), u"-0.03000"_s);
    QCOMPARE(refund.at(24), u"0.00"_s);
    QCOMPARE(refund.at(25), u"5.00"_s);

    const QStringList& reversal = bill.rows.at(5);
    QCOMPARE(reversal.at(0), u"2024-05-20 12:00:00"_s);
    QCOMPARE(reversal.at(16), u"3.00"_s);
    QCOMPARE(reversal.at(14), reversal.at(15));

    QCOMPARE(bill.rows.constLast().at(20), QString::fromUtf8("tea， cake'and more"));

    // The summary agrees with the lines.
    qint64 settlement = 0, refunds = 0, fees = 0, orders = 0, requested = 0;
    for (const QStringList& row : bill.rows) {
        settlement += fen(row.at(12));
        refunds += fen(row.at(16));
        fees += feeFen(row.at(22));
        orders += fen(row.at(24));
        requested += fen(row.at(25));
    }
    QCOMPARE(bill.summary.size(), 7);
    QCOMPARE(bill.summary.at(0), u"7"_s);
    QCOMPARE(fen(bill.summary.at(1)), settlement);
    QCOMPARE(fen(bill.summary.at(2)), refunds);
    QCOMPARE(bill.summary.at(3), u"0.00"_s);
    QCOMPARE(fen(bill.summary.at(4)), fees);
    QCOMPARE(fen(bill.summary.at(5)), orders);
    QCOMPARE(fen(bill.summary.at(6)), requested);
    // And with what was traded: 10.00 + 1.00 + 20.00 + 3.00 + 12.34; 5.00 refunded and 3.00 reversed.
    QCOMPARE(bill.summary.at(1), u"46.34"_s);
    QCOMPARE(bill.summary.at(2), u"8.00"_s);
    QCOMPARE(bill.summary.at(4), u"0.23"_s); // 6 + 1 + 12 - 3 + 2 - 2 + 7 fen
    QCOMPARE(bill.summary.at(5), u"46.34"_s);
    QCOMPARE(bill.summary.at(6), u"8.00"_s);

    // The next day's bill holds the order paid after midnight, China time.
    sim.clock.set(chinaTime(kDay.addDays(2), 10, 0));
    const ParsedBill next = parse(sim.engine.tradeBill(cnIds(), { kDay.addDays(1), u"ALL"_s })->content);
    QCOMPARE(next.rows.size(), 1);
    QCOMPARE(next.rows.constFirst().at(6), u"BILLG00001"_s);
}

void TestSimBill::billTypesFilterLines()
{
    Sim sim;
    trade(sim);
    sim.clock.set(chinaTime(kDay.addDays(1), 12, 0));
    const ParsedBill success = parse(sim.engine.tradeBill(cnIds(), { kDay, u"SUCCESS"_s })->content);
    QCOMPARE(success.rows.size(), 5);
    for (const QStringList& row : success.rows)
        QCOMPARE(row.at(9), u"SUCCESS"_s);
    QCOMPARE(success.summary.at(0), u"5"_s);
    QCOMPARE(success.summary.at(2), u"0.00"_s);

    const ParsedBill refunds = parse(sim.engine.tradeBill(cnIds(), { kDay, u"REFUND"_s })->content);
    QCOMPARE(refunds.rows.size(), 2);
    QCOMPARE(refunds.rows.at(0).at(9), u"REFUND"_s);
    QCOMPARE(refunds.rows.at(1).at(9), u"REVOKED"_s);
    QCOMPARE(refunds.summary.at(1), u"0.00"_s);

    const auto recharge = sim.engine.tradeBill(cnIds(), { kDay, u"RECHARGE_REFUND"_s });
    SIM_VERIFY_BUSINESS(recharge, u"NO_BILL_EXIST"_s);
    QCOMPARE(recharge.error().message, u"No Bill Exist"_s);
    const auto invalid = sim.engine.tradeBill(cnIds(), { kDay, u"EVERYTHING"_s });
    SIM_VERIFY_BUSINESS(invalid, u"INVALID_BILL_TYPE"_s);
    QCOMPARE(invalid.error().message, u"invalid bill_type"_s);
    SIM_VERIFY_BUSINESS(sim.engine.tradeBill(cnIds(), { QDate(), u"ALL"_s }), u"DATA_FORMAT_ERROR"_s);
    // An empty type is ALL.
    QCOMPARE(parse(sim.engine.tradeBill(cnIds(), { kDay, QString() })->content).rows.size(), 7);
}

void TestSimBill::availability()
{
    Sim sim;
    trade(sim); // ends at 00:30 China on the next day
    SIM_VERIFY_BUSINESS(sim.engine.tradeBill(cnIds(), { kDay.addDays(1), u"ALL"_s }), u"NO_BILL_EXIST"_s); // today
    SIM_VERIFY_BUSINESS(sim.engine.tradeBill(cnIds(), { kDay.addDays(2), u"ALL"_s }), u"NO_BILL_EXIST"_s); // future
    const auto creating = sim.engine.tradeBill(cnIds(), { kDay, u"ALL"_s });
    SIM_VERIFY_BUSINESS(creating, u"BILL_CREATING"_s);
    QCOMPARE(creating.error().message, u"Bill Creating"_s);
    sim.clock.set(chinaTime(kDay.addDays(1), 9, 59));
    SIM_VERIFY_BUSINESS(sim.engine.tradeBill(cnIds(), { kDay, u"ALL"_s }), u"BILL_CREATING"_s);
    sim.clock.set(chinaTime(kDay.addDays(1), 10, 0));
    WXPAY_VERIFY_OK(sim.engine.tradeBill(cnIds(), { kDay, u"ALL"_s }));
    // A day without trades has no bill.
    SIM_VERIFY_BUSINESS(sim.engine.tradeBill(cnIds(), { kDay.addDays(-1), u"ALL"_s }), u"NO_BILL_EXIST"_s);
    // Three months back at most.
    sim.clock.set(chinaTime(kDay.addMonths(3), 10, 0));
    WXPAY_VERIFY_OK(sim.engine.tradeBill(cnIds(), { kDay, u"ALL"_s }));
    sim.clock.set(chinaTime(kDay.addMonths(3).addDays(1), 10, 0));
    SIM_VERIFY_BUSINESS(sim.engine.tradeBill(cnIds(), { kDay, u"ALL"_s }), u"NO_BILL_EXIST"_s);
}

void TestSimBill::immediateBillsForTheSandbox()
{
    SimSettings settings;
    settings.billsImmediately = true;
    Sim sim(settings);
    WXPAY_VERIFY_OK(sim.engine.createNative(cnIds(), nativeRequest(u"NOW0000001"_s, 100)));
    WXPAY_VERIFY_OK(sim.engine.customerPays(cnIds(), u"NOW0000001"_s));
    const auto today = sim.engine.tradeBill(cnIds(), { kDay, u"ALL"_s });
    WXPAY_VERIFY_OK(today);
    QCOMPARE(parse(today->content).rows.size(), 1);
    SIM_VERIFY_BUSINESS(sim.engine.tradeBill(cnIds(), { kDay.addDays(1), u"ALL"_s }), u"NO_BILL_EXIST"_s);
}

void TestSimBill::serviceProviderColumn()
{
    SimSettings settings;
    settings.billsImmediately = true;
    Sim sim(settings);
    WXPAY_VERIFY_OK(sim.engine.createNative(spIds(), nativeRequest(u"SPBILL0001"_s, 100)));
    WXPAY_VERIFY_OK(sim.engine.customerPays(spIds(), u"SPBILL0001"_s));
    const ParsedBill bill = parse(sim.engine.tradeBill(spIds(), { kDay, u"ALL"_s })->content);
    QCOMPARE(bill.rows.size(), 1);
    QCOMPARE(bill.rows.constFirst().at(2), u"1900000109"_s);
    QCOMPARE(bill.rows.constFirst().at(3), u"1900000310"_s);
    QCOMPARE(bill.rows.constFirst().at(1), u"wx0000000000000310"_s);
    SIM_VERIFY_BUSINESS(sim.engine.tradeBill(cnIds(), { kDay, u"ALL"_s }), u"NO_BILL_EXIST"_s);
}

QTEST_GUILESS_MAIN(TestSimBill)
#include "tst_simbill.moc"
