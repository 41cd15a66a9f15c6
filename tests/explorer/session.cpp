#include "session.h"

#include "sim/fault.h"
#include "workflows/nativecheckout.h"
#include "workflows/orderaction.h"
#include "workflows/quickpay.h"
#include "workflows/recovery.h"
#include "workflows/refunds.h"

#include <QCoreApplication>
#include <QFile>
#include <QMetaEnum>
#include <QNetworkReply>
#include <QPointer>

namespace wxpay::explorer {

using workflows::NativeCheckout;
using workflows::OrderAction;
using workflows::QuickPay;
using workflows::Recovery;
using workflows::RefundWorkflow;
using namespace std::chrono_literals;

namespace {

// A session that needs more scheduler steps than this is stuck (a Native order polled to its 6-minute expiry
// takes about 80).
constexpr int kStepCap = 800;
constexpr int kSettleRounds = 6;
// Short, so that a "timeout" fault costs little real time.
constexpr auto kTransportTimeout = 200ms;

template<typename E> QString enumKey(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(static_cast<int>(value)));
}

// A payment code for any SS digits the simulator knows ("PP SS NN" + 12 free digits); serial keeps it fresh.
QString authCode(int scenario, int n, quint64 serial)
{
    return QStringLiteral("13%1%2%3")
        .arg(scenario, 2, 10, QLatin1Char('0'))
        .arg(n, 2, 10, QLatin1Char('0'))
        .arg(serial % 1000000000000ULL, 12, 10, QLatin1Char('0'));
}

// Whether a workflow, possibly destroyed by a crash, has finished (the pointer is read once).
template<typename W> bool finished(W* workflow)
{
    return workflow && workflow->isFinished();
}

template<typename W> QString stageOf(W* workflow)
{
    return workflow && workflow->outcome() ? enumKey(workflow->outcome()->stage) : QStringLiteral("Gone");
}

} // namespace

World::World() = default;

Status World::start()
{
    if (Status started = sim.start(workflowtest::allFamilies()); !started)
        return started;
    m_snapshot = sim.engine.toJson();
    return {};
}

void World::reset(const QDateTime& start)
{
    sim.clock.set(start);
    if (Status restored = sim.engine.fromJson(m_snapshot); !restored)
        qFatal("cannot reset the simulator: %s", qPrintable(restored.error().toString()));
}

Session::Session(World& world, const Schedule& schedule, const QString& databasePath, quint64 serial)
    : m_world(world), m_schedule(schedule), m_databasePath(databasePath), m_serial(serial)
{
    m_jumped.fill(false, schedule.jumps.size());
    m_handledConnection
        = connect(&m_world.sim.server(), &sim::SimServer::requestHandled, this, [this] { onRequestHandled(); });
}

Session::~Session()
{
    disconnect(m_handledConnection);
    m_workflows.clear();
    m_till.reset();
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(m_databasePath + suffix);
}

template<typename T> T* Session::keep(std::unique_ptr<T> object)
{
    T* raw = object.get();
    m_workflows.push_back(std::move(object));
    return raw;
}

std::unique_ptr<workflowtest::Till> Session::makeTill()
{
    auto till = std::make_unique<workflowtest::Till>(m_world.sim, m_schedule.family, m_databasePath,
        [](gateway::TransportConfig& config) { config.timeout = kTransportTimeout; });
    if (Status opened = till->open(); !opened)
        qFatal("cannot open the till: %s", qPrintable(opened.error().toString()));
    till->scheduler.setAutomatic(false);
    return till;
}

QList<Violation> Session::run()
{
    const QDate today = workflowtest::startTime().date();
    m_world.reset(QDateTime(today, m_schedule.start, Qt::UTC));
    m_till = makeTill();
    m_sale.amount = m_schedule.amount;

    const auto addFaults = [this] {
        for (const QString& spec : std::as_const(m_schedule.faults))
            m_world.sim.engine.faults().add(sim::FaultRule::parse(spec).value());
        m_counting = true;
        m_steps = 0; // kills and events count from here, not from the setup
    };

    switch (m_schedule.story) {
    case Story::QuickPay: {
        addFaults();
        const QString first = runQuickPay(authCode(m_schedule.scenario, m_schedule.n, m_serial * 4 + 1));
        // The cashier model: an unpaid sale is paid with a second code.
        if (first == u"NotPaid")
            runQuickPay(authCode(0, 0, m_serial * 4 + 2));
        break;
    }
    case Story::Refund: {
        const QString paid = runQuickPay(authCode(0, 0, m_serial * 4 + 1));
        if (paid != u"Paid") {
            m_violations << Violation { QStringLiteral("setup"), m_sale.orders.value(0), u"the sale ended " + paid };
            break;
        }
        addFaults();
        m_sale.refundOrder = m_sale.orders.first();
        m_sale.intendedRefund = m_schedule.part;
        const QString first = runRefund(m_sale.refundOrder, m_schedule.part, 1);
        // The cashier model: a refused or closed refund is made again with a new out_refund_no.
        if (first == u"Refused" || first == u"Closed")
            runRefund(m_sale.refundOrder, m_schedule.part, 2);
        break;
    }
    case Story::Native:
        addFaults();
        runNative();
        break;
    case Story::Close:
    case Story::Reverse:
        runOrderAction(m_schedule.story == Story::Reverse);
        break;
    }

    settle();
    QList<Violation> found = m_violations;
    found << checkInvariants(m_world.sim, *m_till, m_sale);
    return found;
}

QString Session::runQuickPay(const QString& code)
{
    workflows::QuickPayRequest request;
    request.authCode = code;
    request.amount = m_till->amount(m_schedule.amount);
    request.description = QStringLiteral("Explorer sale");
    request.clientIp = QStringLiteral("127.0.0.1");
    request.merchantCategoryCode = QStringLiteral("5812");
    const QString outTradeNo = QuickPay::outTradeNoFor(m_till->profileId(), code);
    m_sale.orders << outTradeNo;

    QPointer<QuickPay> quickPay = keep(std::make_unique<QuickPay>(m_till->context()));
    if (Status started = quickPay->start(request); !started)
        return u"NotStarted " + started.error().code;
    if (drive([quickPay] { return finished(quickPay.data()); })) {
        const QString stage = stageOf(quickPay.data());
        m_workflows.clear();
        return stage;
    }
    if (m_crashed) {
        restart();
        return m_recovered.value(outTradeNo);
    }
    return QStringLiteral("Stuck");
}

QString Session::runRefund(const QString& outTradeNo, qint64 amount, int attempt)
{
    const QString outRefundNo = QStringLiteral("R%1x%2").arg(m_serial).arg(attempt);
    workflows::RefundStartRequest request { outTradeNo, m_till->amount(amount), QStringLiteral("Explorer refund"),
        outRefundNo, {} };
    QPointer<RefundWorkflow> refund = keep(std::make_unique<RefundWorkflow>(m_till->context()));
    if (Status started = refund->start(request); !started)
        return u"NotStarted " + started.error().code;
    if (drive([refund] { return finished(refund.data()); })) {
        const QString stage = stageOf(refund.data());
        m_workflows.clear();
        return stage;
    }
    if (m_crashed) {
        restart();
        return m_recovered.value(outRefundNo);
    }
    return QStringLiteral("Stuck");
}

void Session::runNative()
{
    workflows::NativeCheckoutOptions options;
    options.expiry = 6min; // the shortest WeChat allows: an unpaid order expires within the step cap
    workflows::NativeCheckoutRequest request;
    request.outTradeNo = QStringLiteral("NX%1").arg(m_serial, 10, 10, QLatin1Char('0'));
    request.description = QStringLiteral("Explorer QR sale");
    request.amount = m_till->amount(m_schedule.amount);
    request.clientIp = QStringLiteral("127.0.0.1");
    request.merchantCategoryCode = QStringLiteral("5812");
    m_sale.orders << request.outTradeNo;

    QPointer<NativeCheckout> checkout = keep(std::make_unique<NativeCheckout>(m_till->context(), options));
    bool fired = false;
    m_onStep = [this, checkout, &fired, outTradeNo = request.outTradeNo](int step) {
        if (fired || step < m_schedule.at)
            return;
        fired = true;
        if (m_schedule.event == Event::CustomerPays)
            (void)m_world.sim.engine.customerPays(m_world.sim.ids(m_schedule.family), outTradeNo);
        else if (NativeCheckout* c = checkout.data(); m_schedule.event == Event::CashierCloses && c && !c->isFinished())
            c->close();
    };
    if (Status started = checkout->start(request); !started) {
        m_onStep = {};
        return;
    }
    if (!drive([checkout] { return finished(checkout.data()); }) && m_crashed)
        restart();
    m_onStep = {}; // it refers to `fired`
    m_workflows.clear();
}

void Session::runOrderAction(bool reverse)
{
    // The order is this till's, made without faults: a Quick Pay sale (whatever its scenario made of it), or a
    // Native order whose QR the cashier left (its checkout is gone, its journal entry stays for the recovery).
    QString outTradeNo;
    if (reverse) {
        runQuickPay(authCode(m_schedule.scenario, m_schedule.n, m_serial * 4 + 3));
        outTradeNo = m_sale.orders.value(0);
    } else {
        workflows::NativeCheckoutRequest request;
        request.outTradeNo = QStringLiteral("NC%1").arg(m_serial, 10, 10, QLatin1Char('0'));
        request.description = QStringLiteral("Explorer QR sale");
        request.amount = m_till->amount(m_schedule.amount);
        request.clientIp = QStringLiteral("127.0.0.1");
        request.merchantCategoryCode = QStringLiteral("5812");
        m_sale.orders << request.outTradeNo;
        QPointer<NativeCheckout> checkout = keep(std::make_unique<NativeCheckout>(m_till->context()));
        if (Status started = checkout->start(request); !started) {
            m_violations << Violation { QStringLiteral("setup"), request.outTradeNo, started.error().toString() };
            return;
        }
        drive([checkout] {
            NativeCheckout* c = checkout.data();
            return !c || c->isFinished() || c->stage() == NativeCheckout::Stage::WaitingForPayment;
        });
        m_workflows.clear();
        outTradeNo = request.outTradeNo;
        // The customer pays after `at` requests of the close (0: before it starts): a race with the close.
        if (m_schedule.event == Event::CustomerPays) {
            m_payAfterRequest = m_schedule.at;
            m_payOrder = outTradeNo;
        }
    }

    for (const QString& spec : std::as_const(m_schedule.faults))
        m_world.sim.engine.faults().add(sim::FaultRule::parse(spec).value());
    m_counting = true;
    m_steps = 0;
    if (!m_payOrder.isEmpty() && m_payAfterRequest == 0) {
        (void)m_world.sim.engine.customerPays(m_world.sim.ids(m_schedule.family), m_payOrder);
        m_payOrder.clear();
    }
    QPointer<OrderAction> action = keep(std::make_unique<OrderAction>(m_till->context()));
    bool finished = false;
    connect(action, &OrderAction::finished, this, [&finished] { finished = true; });
    const auto kind = reverse ? OrderAction::Kind::Reverse : OrderAction::Kind::Close;
    if (Status started = action->start(kind, OrderRef::byOutTradeNo(outTradeNo)); !started) {
        m_workflows.clear();
        return;
    }
    if (!drive([&finished] { return finished; }) && m_crashed)
        restart();
    m_payOrder.clear();
    m_workflows.clear(); // the connection above refers to `finished`
}

void Session::onRequestHandled()
{
    if (!m_counting)
        return;
    ++m_handled;
    if (!m_payOrder.isEmpty() && m_handled >= m_payAfterRequest) {
        (void)m_world.sim.engine.customerPays(m_world.sim.ids(m_schedule.family), m_payOrder);
        m_payOrder.clear();
    }
    if (m_nextKill < m_schedule.kills.size() && m_handled >= m_schedule.kills.at(m_nextKill)) {
        ++m_nextKill;
        crash();
    }
}

void Session::crash()
{
    // The server changed its state but the reply is not read yet: destroying the workflows now means the
    // till never learns how the request ended, exactly as when the process dies at this moment.
    m_crashed = true;
    m_workflows.clear();
}

void Session::restart()
{
    while (m_crashed) {
        m_crashed = false;
        m_workflows.clear();
        m_till.reset(); // closes the database, aborts what the network still holds
        m_till = makeTill();
        runRecovery(); // may crash again
    }
}

void Session::runRecovery()
{
    QPointer<Recovery> recovery = keep(std::make_unique<Recovery>(m_till->context()));
    std::optional<Recovery::Report> report;
    connect(recovery, &Recovery::finished, this, [&report](const Recovery::Report& r) { report = r; });
    if (Status started = recovery->resumePending(); !started) {
        m_violations << Violation { QStringLiteral("recovery-failed"), {}, started.error().toString() };
        return;
    }
    drive([&report] { return report.has_value(); });
    if (report) {
        for (const Recovery::Item& item : std::as_const(report->items))
            m_recovered.insert(item.outRefundNo.isEmpty() ? item.outTradeNo : item.outRefundNo, item.result);
    }
    // The lambda above refers to `report`: the recovery must not outlive it.
    if (!m_crashed)
        m_workflows.clear();
}

bool Session::drive(const std::function<bool()>& done)
{
    for (int i = 0; i < kStepCap; ++i) {
        pump();
        if (m_crashed)
            return false;
        observeJournal();
        if (done())
            return true;
        applyJumps();
        if (m_onStep) {
            m_onStep(m_steps);
            pump();
            if (m_crashed)
                return false;
            if (done())
                return true;
        }
        if (m_nextStepKill < m_schedule.stepKills.size() && m_steps >= m_schedule.stepKills.at(m_nextStepKill)
            && m_counting) {
            ++m_nextStepKill;
            crash();
            return false;
        }
        if (!m_till->scheduler.runNext())
            return done();
        ++m_steps;
    }
    m_violations << Violation { QStringLiteral("stuck"), {}, QStringLiteral("no end after %1 steps").arg(kStepCap) };
    return false;
}

void Session::pump()
{
    const auto running = [this] {
        const QList<QNetworkReply*> replies = m_till->nam.findChildren<QNetworkReply*>();
        return std::any_of(replies.cbegin(), replies.cend(), [](QNetworkReply* r) { return r->isRunning(); });
    };
    for (;;) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        if (m_crashed)
            return;
        if (!running()) {
            // Queued answers (a request refused before sending answers on a later turn) and finished replies.
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QCoreApplication::processEvents(QEventLoop::AllEvents);
            if (m_crashed || !running())
                return;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        if (m_crashed)
            return;
    }
}

void Session::applyJumps()
{
    for (qsizetype i = 0; i < m_schedule.jumps.size(); ++i) {
        const Jump& jump = m_schedule.jumps.at(i);
        if (m_jumped.at(i) || !m_counting || m_handled < jump.afterRequest)
            continue;
        m_jumped[i] = true;
        ManualClock& clock = m_world.sim.clock;
        if (jump.by == u"midnight") {
            const QDateTime now = clock.now();
            QDateTime midnight(now.date(), QTime(16, 0), Qt::UTC); // 00:00 in China (UTC+8)
            if (midnight <= now)
                midnight = midnight.addDays(1);
            clock.set(midnight.addSecs(5));
        } else if (jump.by.endsWith(u'd')) {
            clock.advance(std::chrono::hours(24) * QStringView(jump.by).mid(1).chopped(1).toInt());
        } else {
            clock.advance(std::chrono::seconds(QStringView(jump.by).mid(1).chopped(1).toInt()));
        }
    }
}

void Session::observeJournal()
{
    for (qint64 id = 1;; ++id) {
        const auto found = m_till->journal.find(id);
        if (!found || !found.value())
            return;
        const storage::JournalEntry& entry = *found.value();
        if (entry.finishedAt.isValid())
            continue;
        const QString kind = storage::journalKindName(entry.kind);
        const QString before = m_stepSeen.value(id);
        const int was = before.isEmpty() ? -1 : stepRank(kind, before);
        const int now = stepRank(kind, entry.step);
        if (was >= 0 && now >= 0 && now < was) {
            m_violations << Violation { QStringLiteral("journal-step-back"),
                entry.outRefundNo.isEmpty() ? entry.outTradeNo : entry.outTradeNo + u'/' + entry.outRefundNo,
                kind + u" step went back from " + before + u" to " + entry.step };
        }
        if (now >= 0 || before.isEmpty())
            m_stepSeen.insert(id, entry.step);
    }
}

void Session::settle()
{
    // As a running console: no more faults, no crashes, time goes on, and the journal is driven again.
    m_counting = false;
    m_onStep = {};
    m_payOrder.clear();
    m_world.sim.engine.faults().clear();
    for (int round = 0; round < kSettleRounds; ++round) {
        m_world.sim.clock.advance(1min);
        runRecovery();
        const auto pending = m_till->journal.pending();
        if (pending && pending->isEmpty())
            break;
    }
    m_workflows.clear();
    observeJournal();
}

} // namespace wxpay::explorer
