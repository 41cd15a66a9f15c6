// bench_history: the order history at a million orders, beside the sqlite3 shell running the same SQL.
//
//   bench_history [database] [--rows N] [--explain]
//
// Fills `database` (default: a temporary file, removed afterwards) with N orders (default 1,000,000: a year of two
// shops, realistic ids, states, amounts and Chinese descriptions), in transactions of 10,000, then times the
// history's main operations through OrderStore and the same statements through the sqlite3 command-line shell
// (".timer on", "Run Time: real"). A file that already holds N orders is reused without filling. Prints figures
// only: medians of several warm runs, milliseconds. --explain also prints each search's query plan.

#include "common/clock.h"
#include "storage/database.h"
#include "storage/orderquery.h"
#include "storage/orderstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <optional>

using namespace wxpay;
using namespace wxpay::storage;

namespace {

constexpr int kBatch = 10000;
constexpr int kRuns = 21; // runs of each operation through OrderStore (median)
constexpr int kShellRepeats = 21; // runs of each statement in the shell (mean)
constexpr int kOpenRuns = 9; // fresh opens, each in a new shell too
constexpr int kPage = 50;
constexpr qint64 kExportRows = 100000;

const QDateTime kStart(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
const QString kMainShop = QStringLiteral("store-sh");
const QString kHkShop = QStringLiteral("store-hk");

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

[[noreturn]] void die(const QString& what, const Error& error)
{
    QTextStream(stderr) << what << ": " << error.toString() << Qt::endl;
    std::exit(1);
}

// Stateless pseudo-randomness: the same order index always gives the same order, so a reused file's sample ids
// can be recomputed.
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

quint64 rnd(qint64 index, int field)
{
    return mix(static_cast<quint64>(index) * 16 + static_cast<quint64>(field));
}

int pick(qint64 index, int field, int bound)
{
    return static_cast<int>(rnd(index, field) % static_cast<quint64>(bound));
}

OrderRecord makeOrder(qint64 index, qint64 total)
{
    static const QStringList items = {
        QStringLiteral("拿铁咖啡"),
        QStringLiteral("美式咖啡"),
        QStringLiteral("卡布奇诺"),
        QStringLiteral("抹茶拿铁"),
        QStringLiteral("焦糖玛奇朵"),
        QStringLiteral("牛角面包"),
        QStringLiteral("火腿三明治"),
        QStringLiteral("芝士蛋糕"),
        QStringLiteral("鲜榨橙汁"),
        QStringLiteral("会员充值"),
        QStringLiteral("手冲咖啡豆 250g"),
        QStringLiteral("Espresso"),
    };
    static const QStringList sizes
        = { QStringLiteral("大杯"), QStringLiteral("中杯"), QStringLiteral("小杯"), QString(), QStringLiteral("×2") };

    OrderRecord order;
    const qint64 spanMs = qint64(365) * 24 * 3600 * 1000;
    order.createdAt = kStart.addMSecs(spanMs / total * index + pick(index, 0, 1000));
    const bool hk = pick(index, 1, 100) < 15;
    order.profileId = hk ? kHkShop : kMainShop;
    order.family = hk ? ApiFamily::Global : (pick(index, 9, 10) < 3 ? ApiFamily::V2 : ApiFamily::V3);
    const QString currency = hk ? QStringLiteral("HKD") : QStringLiteral("CNY");
    order.outTradeNo = (hk ? QStringLiteral("HK") : QStringLiteral("SH"))
        + order.createdAt.toString(QStringLiteral("yyyyMMddHHmmss"))
        + QStringLiteral("%1").arg(index % 100000, 5, 10, QLatin1Char('0'));

    const int s = pick(index, 2, 1000);
    order.state = s < 820 ? TradeState::Success
        : s < 870         ? TradeState::Refund
        : s < 940         ? TradeState::Closed
        : s < 970         ? TradeState::NotPay
        : s < 990         ? TradeState::Revoked
        : s < 995         ? TradeState::PayError
                          : TradeState::UserPaying;
    const bool paid = order.state == TradeState::Success || order.state == TradeState::Refund;
    if (paid || order.state == TradeState::Revoked || order.state == TradeState::PayError) {
        order.transactionId = QStringLiteral("42000") + (hk ? QStringLiteral("05678") : QStringLiteral("01234"))
            + order.createdAt.toString(QStringLiteral("yyyyMMdd"))
            + QStringLiteral("%1%2")
                  .arg(pick(index, 3, 100000), 5, 10, QLatin1Char('0'))
                  .arg(index % 100000, 5, 10, QLatin1Char('0'));
    }
    const int band = pick(index, 4, 100);
    const qint64 minor = band < 60 ? 500 + pick(index, 5, 4500)
        : band < 90                ? 5000 + pick(index, 5, 25000)
                                   : 30000 + pick(index, 5, 170000);
    order.amount = Money::fromMinor(minor, currency).value();
    if (hk && paid)
        order.payerTotal = Money::fromMinor(minor * 92 / 100, QStringLiteral("CNY")).value();
    order.tradeType = pick(index, 6, 10) < 6 ? QStringLiteral("MICROPAY") : QStringLiteral("NATIVE");
    order.stateDescription = paid ? QStringLiteral("支付成功") : QString();
    if (paid) {
        order.paidAt = order.createdAt.addSecs(3 + pick(index, 7, 57));
        order.payerOpenid = QStringLiteral("oUpF8u") + QString::number(rnd(index, 8), 36).left(22);
    }
    order.lastConfirmedAt = (paid ? order.paidAt : order.createdAt).addSecs(2);
    const QString size = sizes.at(pick(index, 10, static_cast<int>(sizes.size())));
    const QString item = items.at(pick(index, 11, static_cast<int>(items.size())));
    order.description = size.isEmpty() ? item : item + u' ' + size;
    order.cashier = QStringLiteral("收银员%1").arg(1 + pick(index, 12, 12), 2, 10, QLatin1Char('0'));
    order.deviceId = QStringLiteral("POS-%1").arg(1 + pick(index, 13, 6), 2, 10, QLatin1Char('0'));
    return order;
}

// An order of the history with a transaction_id, near the middle.
OrderRecord sampleOrder(qint64 total)
{
    for (qint64 i = total / 2;; ++i) {
        OrderRecord order = makeOrder(i, total);
        if (!order.transactionId.isEmpty())
            return order;
    }
}

QString literal(const QVariant& value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (value.typeId() == QMetaType::QString)
        return u'\'' + value.toString().replace(u'\'', QStringLiteral("''")) + u'\'';
    return value.toString();
}

// The statement with its values written in, for the shell.
QString inlined(const SqlStatement& statement)
{
    QString sql;
    qsizetype next = 0;
    for (QChar c : statement.sql) {
        if (c == u'?')
            sql += literal(statement.values.value(next++));
        else
            sql += c;
    }
    return sql;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

struct Measurement
{
    double ms = -1;
    qint64 rows = 0;
};

// Runs `operation` `runs` times; it returns the number of rows it produced.
Measurement measure(int runs, const std::function<Result<qint64>()>& operation)
{
    QList<double> times;
    Measurement result;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto rows = operation();
        times << double(timer.nsecsElapsed()) / 1e6;
        if (!rows)
            die(QStringLiteral("operation"), rows.error());
        result.rows = *rows;
    }
    result.ms = median(times);
    return result;
}

// The mean "Run Time: real" of the statements after ".timer on" in `script`, over `processes` fresh sqlite3
// shells. The shell's clock counts whole milliseconds; averaging many runs resolves shorter times.
double measureShell(const QString& shell, const QString& database, const QString& script, int processes)
{
    if (shell.isEmpty())
        return -1;
    static const QRegularExpression runTime(QStringLiteral(R"(Run Time: real ([0-9.]+))"));
    double sum = 0;
    int count = 0;
    for (int i = 0; i < processes; ++i) {
        QProcess process;
        process.start(shell, { QStringLiteral("-batch"), QStringLiteral("-bail"), database });
        if (!process.waitForStarted())
            return -1;
        process.write(script.toUtf8());
        process.closeWriteChannel();
        if (!process.waitForFinished(600000) || process.exitCode() != 0) {
            QTextStream(stderr) << "sqlite3 failed: " << process.readAllStandardError() << Qt::endl;
            return -1;
        }
        auto matches = runTime.globalMatch(QString::fromUtf8(process.readAllStandardOutput()));
        while (matches.hasNext()) {
            sum += matches.next().captured(1).toDouble() * 1000.0;
            ++count;
        }
    }
    return count == 0 ? -1 : sum / count;
}

// A shell script that loads the schema first, then runs `sql` `repeats` times with its rows discarded.
QString repeatedScript(const QString& sql, int repeats)
{
    QString script = QStringLiteral("SELECT count(*) FROM sqlite_master;\n.timer on\n.output /dev/null\n");
    for (int i = 0; i < repeats; ++i)
        script += sql + QStringLiteral(";\n");
    return script;
}

void printRow(const QString& operation, const Measurement& ours, double shell)
{
    const QString shellText = shell < 0 ? QStringLiteral("n/a") : QString::number(shell, 'f', 1);
    out() << operation.leftJustified(46) << QString::number(ours.rows).rightJustified(9)
          << QString::number(ours.ms, 'f', 1).rightJustified(13) << shellText.rightJustified(17) << Qt::endl;
}

QString scalar(const Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    return query.exec(sql) && query.next() ? query.value(0).toString() : QString();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("wxpay.storage.info=false")); // one line per open otherwise
    QStringList args = QCoreApplication::arguments().mid(1);
    qint64 total = 1000000;
    bool explain = false;
    QString path;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--rows" && i + 1 < args.size())
            total = args.at(++i).toLongLong();
        else if (args.at(i) == u"--explain")
            explain = true;
        else if (args.at(i).startsWith(u'-')) {
            QTextStream(stderr) << "usage: bench_history [database] [--rows N] [--explain]" << Qt::endl;
            return 2;
        } else
            path = args.at(i);
    }
    if (total < 1000) {
        QTextStream(stderr) << "--rows must be at least 1000" << Qt::endl;
        return 2;
    }
    QTemporaryDir scratch;
    if (path.isEmpty())
        path = scratch.filePath(QStringLiteral("history.sqlite"));
    const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    SystemClock clock;

    // Fill.
    {
        Database db(path);
        if (auto status = db.open(); !status)
            die(QStringLiteral("open"), status.error());
        OrderStore store(db, clock);
        auto existing = store.count({});
        if (!existing)
            die(QStringLiteral("count"), existing.error());
        if (*existing >= total) {
            out() << "reusing " << path << " with " << *existing << " orders" << Qt::endl;
        } else {
            QElapsedTimer timer;
            timer.start();
            for (qint64 i = *existing; i < total;) {
                TransactionGuard transaction(db);
                if (auto status = transaction.begin(); !status)
                    die(QStringLiteral("begin"), status.error());
                for (const qint64 end = std::min(total, i + kBatch); i < end; ++i) {
                    if (auto id = store.insert(makeOrder(i, total)); !id)
                        die(QStringLiteral("insert"), id.error());
                }
                if (auto status = transaction.commit(); !status)
                    die(QStringLiteral("commit"), status.error());
                if (i % 100000 == 0)
                    QTextStream(stderr) << "  " << i << " orders" << Qt::endl;
            }
            const double seconds = double(timer.elapsed()) / 1000.0;
            out() << "fill: " << (total - *existing) << " orders in " << QString::number(seconds, 'f', 1) << " s ("
                  << QString::number(double(total - *existing) / seconds, 'f', 0) << " orders/s, transactions of "
                  << kBatch << ")" << Qt::endl;
        }
    } // closing runs PRAGMA optimize, as the application does

    Database db(path);
    if (auto status = db.open(); !status)
        die(QStringLiteral("open"), status.error());
    OrderStore store(db, clock);
    const bool fts = db.hasFullTextSearch();
    out() << "database: " << path << ", " << QString::number(double(QFileInfo(path).size()) / 1048576.0, 'f', 1)
          << " MiB, SQLite " << scalar(db, QStringLiteral("SELECT sqlite_version()"))
          << ", FTS5 trigram: " << (fts ? "yes" : "no") << ", planner statistics: "
          << (scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")) == u"1"
                     ? "yes"
                     : "no")
          << Qt::endl;
    out() << "sqlite3 shell: " << (shell.isEmpty() ? QStringLiteral("not found") : shell) << Qt::endl << Qt::endl;

    const OrderRecord sample = sampleOrder(total);
    const QString columns = storage::detail::orderColumns();
    auto firstPage = [](OrderQuery query) {
        query.pageSize = kPage;
        return query;
    };
    auto pageRows = [&](const OrderQuery& query) -> Result<qint64> {
        auto page = store.search(query);
        if (!page)
            return page.error();
        return qint64(page->rows.size());
    };
    auto shellRun
        = [&](const QString& sql) { return measureShell(shell, path, repeatedScript(sql, kShellRepeats), 1); };
    auto shellSearch
        = [&](const OrderQuery& query) { return shellRun(inlined(buildOrderSearch(query, std::nullopt, fts))); };
    auto shellCount = [&](const OrderQuery& query) { return shellRun(inlined(buildOrderCount(query, fts))); };

    out() << QStringLiteral("operation").leftJustified(46) << QStringLiteral("rows").rightJustified(9)
          << QStringLiteral("wxpay (ms)").rightJustified(13) << QStringLiteral("sqlite3 (ms)").rightJustified(17)
          << Qt::endl;

    const OrderQuery newest = firstPage({});
    // Opening is timed up to the first page on screen; closing (PRAGMA optimize) is not.
    Measurement opened;
    QList<double> openTimes;
    for (int i = 0; i < kOpenRuns; ++i) {
        std::optional<Database> fresh;
        QElapsedTimer timer;
        timer.start();
        fresh.emplace(path);
        if (auto status = fresh->open(); !status)
            die(QStringLiteral("open"), status.error());
        auto page = OrderStore(*fresh, clock).search(newest);
        if (!page)
            die(QStringLiteral("first page"), page.error());
        openTimes << double(timer.nsecsElapsed()) / 1e6;
        opened.rows = page->rows.size();
    }
    opened.ms = median(openTimes);
    printRow(QStringLiteral("open + first page (50 newest)"), opened,
        measureShell(shell, path,
            u".timer on\n.output /dev/null\n" + inlined(buildOrderSearch(newest, std::nullopt, fts)) + u";\n",
            kOpenRuns));
    printRow(QStringLiteral("count all orders"), measure(kRuns, [&] { return store.count({}); }), shellCount({}));

    printRow(QStringLiteral("find by transaction_id"),
        measure(kRuns,
            [&]() -> Result<qint64> {
                auto found = store.findByTransactionId(sample.transactionId);
                if (!found)
                    return found.error();
                return qint64(found->has_value() ? 1 : 0);
            }),
        shellRun(u"SELECT " + columns + u" FROM orders AS o WHERE o.transaction_id = '" + sample.transactionId
            + u"' ORDER BY o.id LIMIT 1"));
    printRow(QStringLiteral("find by out_trade_no"),
        measure(kRuns,
            [&]() -> Result<qint64> {
                auto found = store.findByOutTradeNo(sample.profileId, sample.outTradeNo);
                if (!found)
                    return found.error();
                return qint64(found->has_value() ? 1 : 0);
            }),
        shellRun(u"SELECT " + columns + u" FROM orders AS o WHERE o.profile_id = '" + sample.profileId
            + u"' AND o.out_trade_no = '" + sample.outTradeNo + u"' ORDER BY o.id LIMIT 1"));

    OrderQuery prefix = firstPage({});
    prefix.idPrefix = sample.transactionId.left(20);
    printRow(QStringLiteral("id prefix (20 of 28 digits), first page"),
        measure(kRuns, [&] { return pageRows(prefix); }), shellSearch(prefix));
    OrderQuery shortPrefix = firstPage({});
    shortPrefix.idPrefix = sample.outTradeNo.left(10);
    printRow(QStringLiteral("id prefix (out_trade_no, a day), first page"),
        measure(kRuns, [&] { return pageRows(shortPrefix); }), shellSearch(shortPrefix));

    OrderQuery range = firstPage({});
    range.createdFrom = kStart.addDays(180);
    range.createdBefore = kStart.addDays(210);
    range.states = { TradeState::Success, TradeState::Refund };
    printRow(QStringLiteral("30 days + SUCCESS/REFUND, first page"), measure(kRuns, [&] { return pageRows(range); }),
        shellSearch(range));
    printRow(QStringLiteral("30 days + SUCCESS/REFUND, count"), measure(kRuns, [&] { return store.count(range); }),
        shellCount(range));
    OrderQuery rare = range;
    rare.states = { TradeState::UserPaying };
    printRow(QStringLiteral("30 days + USERPAYING (rare), first page"), measure(kRuns, [&] { return pageRows(rare); }),
        shellSearch(rare));
    OrderQuery shop = range;
    shop.profileId = kHkShop;
    printRow(QStringLiteral("30 days + state + profile, first page"), measure(kRuns, [&] { return pageRows(shop); }),
        shellSearch(shop));

    OrderQuery text = firstPage({});
    text.text = QStringLiteral("焦糖玛奇朵");
    printRow(QStringLiteral("free text 焦糖玛奇朵 (FTS), first page"), measure(kRuns, [&] { return pageRows(text); }),
        shellSearch(text));
    OrderQuery textRange = text;
    textRange.createdFrom = range.createdFrom;
    textRange.createdBefore = range.createdBefore;
    printRow(QStringLiteral("free text + 30 days, count"), measure(kRuns, [&] { return store.count(textRange); }),
        shellCount(textRange));
    OrderQuery shortText = firstPage({});
    shortText.text = QStringLiteral("蛋糕");
    printRow(QStringLiteral("free text 蛋糕 (2 chars: LIKE), first page"),
        measure(kRuns, [&] { return pageRows(shortText); }), shellSearch(shortText));

    // The newest 100,000 orders: from the created_at of the 100,000th newest on.
    OrderQuery exportQuery;
    exportQuery.createdFrom = QDateTime::fromMSecsSinceEpoch(
        scalar(db,
            QStringLiteral("SELECT created_at FROM orders ORDER BY created_at DESC LIMIT 1 OFFSET %1")
                .arg(kExportRows - 1))
            .toLongLong(),
        Qt::UTC);
    const QString csvPath = scratch.filePath(QStringLiteral("export.csv"));
    const Measurement exported = measure(1, [&]() -> Result<qint64> {
        QFile file(csvPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error::storage(QStringLiteral("EXPORT_FAILED"), file.errorString());
        return store.exportCsv(exportQuery, file);
    });
    OrderQuery shellExport = exportQuery;
    shellExport.pageSize = int(kExportRows * 2);
    printRow(QStringLiteral("export 100,000 orders to CSV"), exported,
        measureShell(shell, path,
            QStringLiteral(".mode csv\n.headers on\n.timer on\n.once ") + scratch.filePath(QStringLiteral("shell.csv"))
                + u'\n' + inlined(buildOrderSearch(shellExport, std::nullopt, fts)) + u";\n",
            1));
    out() << Qt::endl
          << "wxpay: through OrderStore and QtSql, median of " << kRuns << " runs (open: " << kOpenRuns
          << ", export: 1)." << Qt::endl
          << "sqlite3: the same SQL in the shell, mean \"Run Time: real\" of " << kShellRepeats
          << " runs after the schema is loaded (open: " << kOpenRuns << " fresh shells; export: 1 run, plain CSV)."
          << Qt::endl
          << "Warm OS cache; rows are read but not shown." << Qt::endl;

    if (explain) {
        out() << Qt::endl << "query plans:" << Qt::endl;
        const QList<std::pair<const char*, OrderQuery>> plans = {
            { "first page", newest },
            { "id prefix", prefix },
            { "out_trade_no prefix", shortPrefix },
            { "range + states", range },
            { "range + rare state", rare },
            { "range + state + profile", shop },
            { "free text", text },
            { "short free text", shortText },
        };
        for (const auto& [name, query] : plans) {
            auto plan = store.explainSearch(query);
            out() << "  " << name << ":" << Qt::endl;
            for (const QString& line : plan.valueOr(QStringList { QStringLiteral("(failed)") }))
                out() << "    " << line << Qt::endl;
        }
    }
    return 0;
}
