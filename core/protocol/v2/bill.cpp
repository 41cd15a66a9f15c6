#include "protocol/v2/bill.h"

#include "protocol/v2/chinatime.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <initializer_list>
#include <optional>

namespace wxpay::protocol {

namespace {

using Names = std::initializer_list<QStringView>;

constexpr QStringView kSummaryFirstColumn = u"总交易单数";

Error malformed(const QString& message)
{
    return Error::protocol(QStringLiteral("BILL_MALFORMED"), message);
}

// Values are split on ",`" rather than ",": every value starts with a backtick, and product names may
// contain commas.
std::optional<QStringList> splitValues(QStringView line)
{
    if (!line.startsWith(u'`'))
        return std::nullopt;
    QStringList values;
    for (const QStringView value : line.mid(1).split(u",`"))
        values.append(value.toString());
    return values;
}

QStringList splitHeader(QStringView line)
{
    QStringList names;
    for (const QStringView name : line.split(u','))
        names.append(name.trimmed().toString());
    return names;
}

// Columns every detail layout has: a name and, where older bills call it differently, that name.
struct RequiredColumn
{
    QStringView name;
    QStringView olderName;
};
constexpr RequiredColumn kRequiredColumns[] = {
    { u"交易时间", {} },
    { u"微信订单号", {} },
    { u"商户订单号", {} },
    { u"交易状态", {} },
    { u"货币种类", {} },
    { u"应结订单金额", u"总金额" },
};

// Reads one line's values by header name, recording the first problem.
class LineReader
{
public:
    LineReader(const QMap<QString, QString>& columns, int lineNumber) : m_columns(columns), m_line(lineNumber) { }

    QString text(Names names) const
    {
        for (const QStringView name : names) {
            const auto it = m_columns.constFind(name.toString());
            if (it != m_columns.cend())
                return *it;
        }
        return {};
    }

    Money money(Names names, const QString& currency)
    {
        const QString value = text(names);
        if (value.isEmpty())
            return {};
        auto money = Money::parse(value, currency);
        if (!money.ok()) {
            fail(QStringLiteral("%1 \"%2\" is not an amount: %3")
                     .arg(names.begin()->toString(), value, money.error().message));
            return {};
        }
        return money.value();
    }

    void fail(const QString& problem)
    {
        if (!m_error)
            m_error = malformed(QStringLiteral("line %1: %2").arg(m_line).arg(problem));
    }

    const std::optional<Error>& error() const { return m_error; }

private:
    const QMap<QString, QString>& m_columns;
    int m_line;
    std::optional<Error> m_error;
};

Result<BillRow> parseRow(const QStringList& header, QStringView line, int lineNumber)
{
    const auto values = splitValues(line);
    if (!values)
        return malformed(QStringLiteral("line %1: values do not start with a backtick").arg(lineNumber));
    if (values->size() != header.size())
        return malformed(QStringLiteral("line %1 has %2 values for %3 columns")
                             .arg(lineNumber)
                             .arg(values->size())
                             .arg(header.size()));
    BillRow row;
    for (qsizetype i = 0; i < header.size(); ++i)
        row.columns.insert(header.at(i), values->at(i));

    LineReader r(row.columns, lineNumber);
    const QString time = r.text({ u"交易时间" });
    row.time = parseChinaTime(time);
    if (time.size() != 19 || !row.time.isValid())
        r.fail(QStringLiteral("time \"%1\" is not yyyy-MM-dd HH:mm:ss").arg(time));
    row.appid = r.text({ u"公众账号ID" });
    row.mchid = r.text({ u"商户号" });
    row.subMchid = r.text({ u"特约商户号", u"子商户号" });
    row.deviceInfo = r.text({ u"设备号" });
    row.transactionId = r.text({ u"微信订单号" });
    row.outTradeNo = r.text({ u"商户订单号" });
    row.openid = r.text({ u"用户标识" });
    row.tradeType = r.text({ u"交易类型" });
    row.tradeState = r.text({ u"交易状态" });
    row.bankType = r.text({ u"付款银行" });
    row.currency = r.text({ u"货币种类" });
    if (!Money::isValidCurrency(row.currency))
        r.fail(QStringLiteral("currency \"%1\" is not an ISO 4217 code").arg(row.currency));
    row.settlementAmount = r.money({ u"应结订单金额", u"总金额" }, row.currency);
    if (!row.settlementAmount.isValid())
        r.fail(QStringLiteral("the trade amount is empty"));
    row.couponAmount = r.money({ u"代金券金额", u"代金券或立减优惠金额" }, row.currency);
    row.refundId = r.text({ u"微信退款单号" });
    row.outRefundNo = r.text({ u"商户退款单号" });
    row.refundAmount = r.money({ u"退款金额" }, row.currency);
    row.couponRefundAmount = r.money({ u"充值券退款金额", u"代金券或立减优惠退款金额" }, row.currency);
    row.refundType = r.text({ u"退款类型" });
    row.refundStatus = r.text({ u"退款状态" });
    row.description = r.text({ u"商品名称" });
    row.attach = r.text({ u"商户数据包" });
    row.fee = r.text({ u"手续费" });
    row.feeRate = r.text({ u"费率" });
    row.orderAmount = r.money({ u"订单金额" }, row.currency);
    row.refundRequestAmount = r.money({ u"申请退款金额" }, row.currency);
    if (r.error())
        return *r.error();
    return row;
}

Result<BillSummary> parseSummary(const QStringList& header, QStringView line, int lineNumber, const QString& currency)
{
    const auto values = splitValues(line);
    if (!values || values->size() != header.size())
        return malformed(QStringLiteral("line %1: the summary does not match its header").arg(lineNumber));
    BillSummary summary;
    for (qsizetype i = 0; i < header.size(); ++i)
        summary.columns.insert(header.at(i), values->at(i));

    LineReader r(summary.columns, lineNumber);
    // The count is printed as "45" or, in some bills, "45.0".
    static const QRegularExpression countPattern(QStringLiteral("^(\\d{1,15})(\\.0+)?$"));
    const QString count = r.text({ kSummaryFirstColumn });
    const auto match = countPattern.match(count);
    if (match.hasMatch())
        summary.tradeCount = match.capturedView(1).toLongLong();
    else
        r.fail(QStringLiteral("trade count \"%1\" is not a whole number").arg(count));
    summary.settlementTotal = r.money({ u"应结订单总金额", u"总交易额" }, currency);
    summary.refundTotal = r.money({ u"退款总金额", u"总退款金额" }, currency);
    summary.couponRefundTotal = r.money({ u"充值券退款总金额", u"总代金券或立减优惠退款金额" }, currency);
    summary.feeTotal = r.text({ u"手续费总金额" });
    summary.orderTotal = r.money({ u"订单总金额" }, currency);
    summary.refundRequestTotal = r.money({ u"申请退款总金额" }, currency);
    if (!summary.settlementTotal.isValid() || !summary.refundTotal.isValid())
        r.fail(QStringLiteral("the summary lacks its trade or refund total"));
    if (r.error())
        return *r.error();
    return summary;
}

} // namespace

Result<Bill> parseBill(QByteArrayView text, const QString& fallbackCurrency)
{
    QByteArrayView bytes = text;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    if (decoder.hasError())
        return malformed(QStringLiteral("the bill is not valid UTF-8"));

    // Line numbers count every line of the file, so an error points at the right place.
    QList<std::pair<int, QStringView>> lines;
    int number = 0;
    for (QStringView line : QStringView(decoded).split(u'\n')) {
        ++number;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (!line.trimmed().isEmpty())
            lines.append({ number, line });
    }
    if (lines.size() < 3)
        return malformed(QStringLiteral("a bill needs a header, a summary header and a summary line"));

    Bill bill;
    bill.header = splitHeader(lines.first().second);
    for (const auto& column : kRequiredColumns) {
        if (!bill.header.contains(column.name)
            && (column.olderName.isEmpty() || !bill.header.contains(column.olderName)))
            return malformed(QStringLiteral("the header lacks the column %1").arg(column.name));
    }

    const auto& [summaryHeaderLine, summaryHeaderText] = lines.at(lines.size() - 2);
    bill.summaryHeader = splitHeader(summaryHeaderText);
    if (bill.summaryHeader.value(0) != kSummaryFirstColumn)
        return malformed(QStringLiteral("line %1: expected the summary header").arg(summaryHeaderLine));

    QString currency;
    bool oneCurrency = true;
    for (qsizetype i = 1; i < lines.size() - 2; ++i) {
        auto row = parseRow(bill.header, lines.at(i).second, lines.at(i).first);
        if (!row.ok())
            return row.error();
        if (currency.isEmpty())
            currency = row->currency;
        else if (currency != row->currency)
            oneCurrency = false;
        bill.rows.append(std::move(row).value());
    }
    if (currency.isEmpty() || !oneCurrency)
        currency = fallbackCurrency;

    auto summary = parseSummary(bill.summaryHeader, lines.last().second, lines.last().first, currency);
    if (!summary.ok())
        return summary.error();
    bill.summary = std::move(summary).value();
    return bill;
}

} // namespace wxpay::protocol
