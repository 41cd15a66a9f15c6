#include "sim/engine.h"

#include "crypto/crypto.h"
#include "sim/jsonutil.h"
#include "sim/log.h"
#include "sim/records.h"
#include "sim/tokens.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStringBuilder>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace wxpay::sim {

using detail::OrderRecord;
using detail::RefundRecord;

namespace {

constexpr int kChinaOffsetSeconds = 8 * 3600;
constexpr qint64 kPasswordThresholdFen = 100000; // WeChat asks for the password above 1000.00 CNY
constexpr int kPasswordSeconds = 10;

QDateTime china(const QDateTime& utc)
{
    return utc.toOffsetFromUtc(kChinaOffsetSeconds);
}

Error business(const char* code, const QString& message)
{
    return Error::business(QString::fromLatin1(code), message);
}

Error paramError(const QString& field, const QString& message)
{
    Error error = Error::business(QStringLiteral("PARAM_ERROR"), message);
    error.detail = field;
    return error;
}

Error orderNotExist()
{
    return business("ORDERNOTEXIST", QStringLiteral("订单不存在"));
}

Error miniError(int errcode, const QString& errmsg)
{
    return Error::business(QString::number(errcode), errmsg);
}

// Exchange rates (times 10^8) for HK merchants' currencies into the payer's CNY.
constexpr std::array kRates {
    std::pair { u"HKD", qint64(91000000) },
    std::pair { u"USD", qint64(710000000) },
    std::pair { u"EUR", qint64(780000000) },
    std::pair { u"GBP", qint64(900000000) },
};

std::optional<qint64> rateFor(QStringView currency)
{
    for (const auto& [code, rate] : kRates) {
        if (currency == QStringView(code))
            return rate;
    }
    return std::nullopt;
}

// units * rate / 10^8, rounded half up, without overflow for 32-bit amounts and rates below 100.
qint64 exchange(qint64 units, qint64 rate)
{
    constexpr qint64 kScale = 100000000;
    return units * (rate / kScale) + (units * (rate % kScale) + kScale / 2) / kScale;
}

qint64 fee(qint64 units, int basisPoints)
{
    return (units * basisPoints + 5000) / 10000;
}

Money moneyOf(qint64 units, const QString& currency)
{
    return Money::fromMinor(units, currency).valueOr(Money());
}

QString base64Url(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool utf8LongerThan(const QString& text, qsizetype bytes)
{
    return text.toUtf8().size() > bytes;
}

QString keyOf(const SimMerchant& merchant)
{
    return merchant.mchid % u'/' % merchant.subMchid;
}

QString orderKey(const QString& merchantKey, const QString& outTradeNo)
{
    return merchantKey % u'\n' % outTradeNo;
}

QString stateDescription(const OrderRecord& order)
{
    switch (order.effectiveState()) {
    case TradeState::Success:
        return QStringLiteral("支付成功");
    case TradeState::Refund:
        return QStringLiteral("转入退款");
    case TradeState::NotPay:
        return QStringLiteral("订单未支付");
    case TradeState::Closed:
        return QStringLiteral("已关闭");
    case TradeState::Revoked:
        return QStringLiteral("已撤销（付款码支付）");
    case TradeState::UserPaying:
        return QStringLiteral("需要用户输入支付密码");
    case TradeState::PayError:
        return order.failMessage.isEmpty() ? QStringLiteral("支付失败(其他原因，如银行返回失败)") : order.failMessage;
    case TradeState::Accept:
        return QStringLiteral("已接收，等待扣款");
    case TradeState::Unknown:
        break;
    }
    return {};
}

// ---- validation of request fields ----

Status checkOutTradeNo(const QString& outTradeNo)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Za-z_\\-|*]{6,32}$"));
    if (!pattern.match(outTradeNo).hasMatch())
        return paramError(QStringLiteral("out_trade_no"), QStringLiteral("out_trade_no应为6-32位数字、字母或_-|*"));
    return {};
}

Status checkDescription(const QString& description, const QString& attach)
{
    if (description.isEmpty())
        return paramError(QStringLiteral("description"), QStringLiteral("缺少参数description"));
    if (utf8LongerThan(description, 127))
        return paramError(QStringLiteral("description"), QStringLiteral("description长度不能超过127字节"));
    if (utf8LongerThan(attach, 127))
        return paramError(QStringLiteral("attach"), QStringLiteral("attach长度不能超过127字节"));
    return {};
}

Status checkAmount(const SimMerchant& merchant, const Money& amount)
{
    if (!amount.isValid() || amount.isZero())
        return paramError(QStringLiteral("total_fee"), QStringLiteral("订单金额必须为大于0的整数"));
    const bool supported = merchant.region == Region::CN ? amount.currency() == u"CNY"
                                                         : amount.currency() == u"CNY" || rateFor(amount.currency());
    if (!supported)
        return paramError(QStringLiteral("fee_type"), u"不支持的币种" % amount.currency());
    return {};
}

} // namespace

// ---------------------------------------------------------------------------------------------------------

QJsonObject SimSettings::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("native_expiry_s"), qint64(nativeExpiry.count()));
    json.insert(QStringLiteral("quickpay_auto_revoke_s"), qint64(quickPayAutoRevoke.count()));
    json.insert(QStringLiteral("refund_delay_s"), qint64(refundDelay.count()));
    json.insert(QStringLiteral("unionid_window_s"), qint64(unionIdWindow.count()));
    json.insert(QStringLiteral("max_refunds_per_order"), maxRefundsPerOrder);
    json.insert(QStringLiteral("reverse_window_days"), reverseWindows.toJson());
    json.insert(QStringLiteral("refund_window_days"), refundWindowDays);
    json.insert(QStringLiteral("fee_rate_bp"), feeRateBasisPoints);
    json.insert(QStringLiteral("bills_immediately"), billsImmediately);
    return json;
}

Result<SimSettings> SimSettings::fromJson(const QJsonObject& json)
{
    SimSettings s;
    auto seconds = [&](const char* name, std::chrono::seconds& out) {
        const QJsonValue value = json.value(QString::fromLatin1(name));
        if (value.isUndefined())
            return true;
        if (!value.isDouble() || value.toInteger(-1) < 0)
            return false;
        out = std::chrono::seconds(value.toInteger());
        return true;
    };
    auto integer = [&](const char* name, int& out) {
        const QJsonValue value = json.value(QString::fromLatin1(name));
        if (value.isUndefined())
            return true;
        if (!value.isDouble() || value.toInt(-1) < 0)
            return false;
        out = value.toInt();
        return true;
    };
    const bool ok = seconds("native_expiry_s", s.nativeExpiry)
        && seconds("quickpay_auto_revoke_s", s.quickPayAutoRevoke) && seconds("refund_delay_s", s.refundDelay)
        && seconds("unionid_window_s", s.unionIdWindow) && integer("max_refunds_per_order", s.maxRefundsPerOrder)
        && integer("refund_window_days", s.refundWindowDays) && integer("fee_rate_bp", s.feeRateBasisPoints);
    if (!ok)
        return json::stateError(QStringLiteral("settings: every value must be a non-negative integer"));
    auto windows = ReverseWindows::fromJson(json.value(QStringLiteral("reverse_window_days")));
    if (!windows)
        return windows.error();
    s.reverseWindows = windows.value();
    s.billsImmediately = json.value(QStringLiteral("bills_immediately")).toBool(false);
    return s;
}

// ---------------------------------------------------------------------------------------------------------

struct SimEngine::State
{
    State(const Clock& c, NonceSource& n, SimSettings s)
        : clock(&c), nonce(&n), settings(std::move(s)), tokens(c, n) { }

    const Clock* clock;
    NonceSource* nonce;
    SimSettings settings;
    std::optional<SimAuthority> authority;
    QList<SimMerchant> merchants;
    std::vector<OrderRecord> orders;
    QHash<QString, std::size_t> byOutTradeNo; // orderKey()
    QHash<QString, std::size_t> byTransactionId;
    QHash<QString, QString> authCodes; // auth code -> orderKey() of the order it was scanned for
    qint64 sequence = 0;
    TokenStore tokens;
    FaultPlan faults;

    QDateTime now() const { return clock->now(); }

    const SimMerchant* findMerchant(const QString& mchid, const QString& subMchid) const
    {
        for (const SimMerchant& m : merchants) {
            if (m.mchid == mchid && m.subMchid == subMchid)
                return &m;
        }
        return nullptr;
    }

    Result<const SimMerchant*> resolve(const MerchantIds& ids) const
    {
        const SimMerchant* m = findMerchant(ids.mchid, ids.subMchid);
        if (!m)
            return business("MCHID_NOT_EXIST", QStringLiteral("商户号不存在"));
        if ((!ids.appid.isEmpty() && ids.appid != m->appid) || (!ids.subAppid.isEmpty() && ids.subAppid != m->subAppid))
            return business("APPID_MCHID_NOT_MATCH", QStringLiteral("appid和mch_id不匹配"));
        return m;
    }

    OrderRecord* findOrder(const SimMerchant& merchant, const OrderRef& ref)
    {
        if (!ref.transactionId.isEmpty()) {
            const auto it = byTransactionId.constFind(ref.transactionId);
            if (it == byTransactionId.cend() || orders[*it].merchantKey() != keyOf(merchant))
                return nullptr;
            return &orders[*it];
        }
        const auto it = byOutTradeNo.constFind(orderKey(keyOf(merchant), ref.outTradeNo));
        return it == byOutTradeNo.cend() ? nullptr : &orders[*it];
    }

    QString number(const char* prefix, int middleDigits, const QDateTime& when)
    {
        ++sequence;
        constexpr qint64 kLow = 10000000000; // ten digits
        return QString::fromLatin1(prefix) % QStringLiteral("%1").arg(sequence / kLow, middleDigits, 10, QChar(u'0'))
            % china(when).toString(QStringLiteral("yyyyMMdd"))
            % QStringLiteral("%1").arg(sequence % kLow, 10, 10, QChar(u'0'));
    }
    // 28 digits like 4200000263201902167700134902.
    QString nextTransactionId(const QDateTime& when) { return number("4200001", 3, when); }
    // 29 digits like 50300103182020010413419046597.
    QString nextRefundId(const QDateTime& when) { return number("5030000", 4, when); }

    void pay(OrderRecord& order, const QDateTime& when, const QString& openid)
    {
        order.state = TradeState::Success;
        order.successTime = when;
        order.openid = openid.isEmpty() ? sandboxOpenid(order.appid) : openid;
        order.transactionId = nextTransactionId(when);
        byTransactionId.insert(order.transactionId, std::size_t(&order - orders.data()));
        if (const auto rate = rateFor(order.total.currency())) {
            order.exchangeRate = ExchangeRate { QStringLiteral("SETTLEMENT_RATE"), *rate };
            order.payerTotal = moneyOf(exchange(order.total.minorUnits(), *rate), QStringLiteral("CNY"));
        } else {
            order.payerTotal = order.total;
        }
        qCDebug(lcSim) << "paid" << order.mchid << order.outTradeNo << order.transactionId;
    }

    void fail(OrderRecord& order, const QDateTime& when, const QString& code, const QString& message)
    {
        order.state = TradeState::PayError;
        order.endTime = when;
        order.failCode = code;
        order.failMessage = message;
    }

    void revoke(OrderRecord& order, const QDateTime& when)
    {
        if (order.state == TradeState::Success) {
            order.paidBeforeRevoke = true;
            order.revokeRefundId = nextRefundId(when);
        }
        order.state = TradeState::Revoked;
        order.endTime = when;
        qCDebug(lcSim) << "revoked" << order.mchid << order.outTradeNo;
    }

    // Still in the state its scenario waits in until a query decides it (USERPAYING, ACCEPT, NOTPAY).
    static bool isWaiting(const OrderRecord& order)
    {
        return order.tradeType == detail::kMicropay && order.state == waitingState(order.scenario)
            && order.state != TradeState::Success;
    }

    // Scenario 15: WeChat is still processing the order and answers as if it did not exist.
    bool isHidden(const OrderRecord& order) const
    {
        return hiddenWhileWaiting(order.scenario) && isWaiting(order) && order.queries <= order.scenarioN
            && now() < order.createTime.addSecs(kHiddenAtMost.count());
    }

    // What micropay answers for an order that is not final yet: the order itself when the scenario answers
    // its waiting state (ACCEPT / NOTPAY; v3 renders it as 200, v2 as SYSTEMERROR), else the error a waiting
    // order gets.
    Result<Transaction> waitingAnswer(const OrderRecord& order) const
    {
        if (answersWaitingState(order.scenario) && isWaiting(order))
            return toTransaction(order);
        if (isHidden(order))
            return business("SYSTEMERROR", QStringLiteral("系统超时"));
        return business("USERPAYING", QStringLiteral("需要用户输入支付密码"));
    }

    // Applies every transition that was due by now, stamped with the time it was due.
    void settle(OrderRecord& order)
    {
        const QDateTime t = now();
        if (order.state == TradeState::NotPay && order.expireTime.isValid() && t >= order.expireTime) {
            order.state = TradeState::Closed;
            order.endTime = order.expireTime;
        }
        if (order.state == TradeState::UserPaying) {
            const QDateTime revokeAt = order.createTime.addSecs(settings.quickPayAutoRevoke.count());
            const QDateTime paysAt = order.createTime.addSecs(order.scenarioN);
            if (order.scenario == QuickPayScenario::PaysAfterSeconds && paysAt < revokeAt && t >= paysAt)
                pay(order, paysAt, {});
            else if (t >= revokeAt)
                revoke(order, revokeAt);
        }
        for (RefundRecord& refund : order.refunds) {
            if (refund.status == RefundStatus::Processing && t >= refund.finishTime)
                refund.status = refund.outcome;
        }
    }

    Transaction toTransaction(const OrderRecord& order) const
    {
        Transaction t;
        t.outTradeNo = order.outTradeNo;
        t.transactionId = order.transactionId;
        t.state = order.effectiveState();
        t.stateDescription = stateDescription(order);
        t.tradeType = order.tradeType;
        t.total = order.total;
        t.attach = order.attach;
        if (order.successTime.isValid()) {
            t.payerTotal = order.payerTotal;
            t.exchangeRate = order.exchangeRate;
            t.openid = order.openid;
            t.bankType = QStringLiteral("OTHERS");
            t.successTime = order.successTime;
        }
        return t;
    }

    Refund toRefund(const OrderRecord& order, const RefundRecord& record) const
    {
        Refund r;
        r.refundId = record.refundId;
        r.outRefundNo = record.outRefundNo;
        r.transactionId = order.transactionId;
        r.outTradeNo = order.outTradeNo;
        r.status = record.status;
        r.refund = record.amount;
        r.total = record.total;
        if (order.exchangeRate) {
            r.exchangeRate = order.exchangeRate;
            r.payerRefund
                = moneyOf(exchange(record.amount.minorUnits(), order.exchangeRate->rate), QStringLiteral("CNY"));
        } else {
            r.payerRefund = record.amount;
        }
        r.channel = QStringLiteral("ORIGINAL");
        r.receivedAccount = QStringLiteral("支付用户零钱");
        r.createTime = record.createTime;
        if (record.status == RefundStatus::Success)
            r.successTime = record.finishTime;
        return r;
    }

    void reindex()
    {
        byOutTradeNo.clear();
        byTransactionId.clear();
        for (std::size_t i = 0; i < orders.size(); ++i) {
            byOutTradeNo.insert(orderKey(orders[i].merchantKey(), orders[i].outTradeNo), i);
            if (!orders[i].transactionId.isEmpty())
                byTransactionId.insert(orders[i].transactionId, i);
        }
    }
};

// ---------------------------------------------------------------------------------------------------------

SimEngine::SimEngine(const Clock& clock, NonceSource& nonce, SimSettings settings)
    : d(std::make_unique<State>(clock, nonce, std::move(settings)))
{ }

SimEngine::~SimEngine() = default;

const Clock& SimEngine::clock() const
{
    return *d->clock;
}

const SimSettings& SimEngine::settings() const
{
    return d->settings;
}

void SimEngine::setSettings(const SimSettings& settings)
{
    d->settings = settings;
}

// ---- merchants ----

Status SimEngine::addMerchant(const SimMerchant& merchant)
{
    if (auto status = merchant.validate(); !status)
        return status;
    if (d->findMerchant(merchant.mchid, merchant.subMchid)) {
        return Error::input(
            QStringLiteral("SIM_MERCHANT_INVALID"), u"merchant " % keyOf(merchant) % u" is already configured");
    }
    d->merchants.append(merchant);
    qCDebug(lcSim) << "merchant" << merchant.mchid << merchant.subMchid << regionName(merchant.region);
    return {};
}

Status SimEngine::addMerchants(const MerchantSet& set)
{
    for (const SimMerchant& merchant : set.merchants) {
        if (auto status = addMerchant(merchant); !status)
            return status;
    }
    if (set.authority)
        d->authority = set.authority;
    return {};
}

QList<SimMerchant> SimEngine::merchants() const
{
    return d->merchants;
}

const SimMerchant* SimEngine::merchant(const QString& mchid, const QString& subMchid) const
{
    return d->findMerchant(mchid, subMchid);
}

const SimMerchant* SimEngine::merchantByMiniAppid(const QString& miniAppid) const
{
    for (const SimMerchant& m : d->merchants) {
        if (!miniAppid.isEmpty() && m.miniAppid == miniAppid)
            return &m;
    }
    return nullptr;
}

Result<SimMerchant> SimEngine::resolve(const MerchantIds& ids) const
{
    auto merchant = d->resolve(ids);
    if (!merchant)
        return merchant.error();
    return *merchant.value();
}

const std::optional<SimAuthority>& SimEngine::authority() const
{
    return d->authority;
}

void SimEngine::setAuthority(const SimAuthority& authority)
{
    d->authority = authority;
}

// ---- payments ----

Result<NativeOrder> SimEngine::createNative(const MerchantIds& ids, const NativeOrderRequest& request)
{
    auto resolved = d->resolve(ids);
    if (!resolved)
        return resolved.error();
    const SimMerchant& m = *resolved.value();
    if (auto s = checkOutTradeNo(request.outTradeNo); !s)
        return s.error();
    if (auto s = checkDescription(request.description, request.attach); !s)
        return s.error();
    if (auto s = checkAmount(m, request.amount); !s)
        return s.error();
    if (request.notifyUrl.isEmpty())
        return paramError(QStringLiteral("notify_url"), QStringLiteral("缺少参数notify_url"));
    const QDateTime now = d->now();
    if (request.timeExpire.isValid() && request.timeExpire < now.addSecs(300)) {
        return paramError(
            QStringLiteral("time_expire"), QStringLiteral("time_expire时间过短，刷卡至少1分钟，其他5分钟"));
    }

    if (OrderRecord* existing = d->findOrder(m, OrderRef::byOutTradeNo(request.outTradeNo))) {
        d->settle(*existing);
        if (existing->tradeType != detail::kNative)
            return business("OUT_TRADE_NO_USED", QStringLiteral("商户订单号重复"));
        const bool same = existing->description == request.description && existing->total == request.amount
            && existing->attach == request.attach && existing->notifyUrl == request.notifyUrl
            && existing->productId == request.productId && existing->requestedExpire == request.timeExpire;
        if (!same) {
            return business("INVALID_REQUEST", QStringLiteral("订单重入时，要求参数值与原请求一致，请确认参数问题"));
        }
        switch (existing->effectiveState()) {
        case TradeState::Success:
        case TradeState::Refund:
            return business("ORDERPAID", QStringLiteral("该订单已支付"));
        case TradeState::Closed:
        case TradeState::Revoked:
        case TradeState::PayError:
            return business("ORDERCLOSED", QStringLiteral("该订单已关闭"));
        default:
            return NativeOrder { existing->codeUrl, existing->prepayId };
        }
    }

    OrderRecord order;
    order.mchid = m.mchid;
    order.subMchid = m.subMchid;
    order.appid = m.payAppid();
    order.outTradeNo = request.outTradeNo;
    order.tradeType = detail::kNative.toString();
    order.description = request.description;
    order.attach = request.attach;
    order.notifyUrl = request.notifyUrl;
    order.productId = request.productId;
    order.clientIp = request.clientIp;
    order.deviceId = request.deviceId;
    order.merchantCategoryCode = request.merchantCategoryCode;
    order.total = request.amount;
    order.requestedExpire = request.timeExpire;
    order.createTime = now;
    order.expireTime
        = request.timeExpire.isValid() ? request.timeExpire.toUTC() : now.addSecs(d->settings.nativeExpiry.count());
    order.state = TradeState::NotPay;
    const QString pr = QString::fromLatin1(d->nonce->next(7));
    order.codeUrl = (m.region == Region::HK ? QStringLiteral("weixin://wxpay/s/")
                                            : QStringLiteral("weixin://wxpay/bizpayurl?pr="))
        + pr;
    order.prepayId = u"wx" % china(now).toString(QStringLiteral("yyyyMMddHHmmss"))
        % QString::fromLatin1(d->nonce->next(22).toLower());
    d->orders.push_back(order);
    d->byOutTradeNo.insert(orderKey(order.merchantKey(), order.outTradeNo), d->orders.size() - 1);
    qCDebug(lcSim) << "native order" << order.mchid << order.outTradeNo;
    return NativeOrder { order.codeUrl, order.prepayId };
}

Result<Transaction> SimEngine::customerPays(const MerchantIds& ids, const QString& outTradeNo, const QString& openid)
{
    auto resolved = d->resolve(ids);
    if (!resolved)
        return resolved.error();
    OrderRecord* order = d->findOrder(*resolved.value(), OrderRef::byOutTradeNo(outTradeNo));
    if (!order)
        return orderNotExist();
    d->settle(*order);
    switch (order->state) {
    case TradeState::NotPay:
    case TradeState::UserPaying:
    case TradeState::Accept:
        d->pay(*order, d->now(), openid);
        return d->toTransaction(*order);
    case TradeState::Success:
        return business("ORDERPAID", QStringLiteral("该订单已支付"));
    case TradeState::Closed:
        return business("ORDERCLOSED", QStringLiteral("该订单已关闭"));
    case TradeState::Revoked:
        return business("ORDERREVERSED", QStringLiteral("该订单已撤销"));
    default:
        return business("TRADE_STATE_ERROR", QStringLiteral("订单状态错误"));
    }
}

Result<Transaction> SimEngine::micropay(const MerchantIds& ids, const MicropayRequest& request)
{
    auto resolved = d->resolve(ids);
    if (!resolved)
        return resolved.error();
    const SimMerchant& m = *resolved.value();
    if (auto s = checkOutTradeNo(request.outTradeNo); !s)
        return s.error();
    if (auto s = checkDescription(request.description, request.attach); !s)
        return s.error();
    if (auto s = checkAmount(m, request.amount); !s)
        return s.error();
    auto parsed = scenarioForAuthCode(request.authCode);
    if (!parsed)
        return parsed.error();
    AuthCodeScenario scenario = parsed.value();

    // Re-entry: the same out_trade_no answers with the order's state, whatever code is scanned.
    if (OrderRecord* existing = d->findOrder(m, OrderRef::byOutTradeNo(request.outTradeNo))) {
        d->settle(*existing);
        if (existing->tradeType != detail::kMicropay)
            return business("OUT_TRADE_NO_USED", QStringLiteral("商户订单号重复"));
        if (existing->total != request.amount || existing->description != request.description) {
            return business("INVALID_REQUEST", QStringLiteral("订单重入时，要求参数值与原请求一致，请确认参数问题"));
        }
        switch (existing->effectiveState()) {
        case TradeState::Success:
        case TradeState::Refund:
            return business("ORDERPAID", QStringLiteral("订单已支付"));
        case TradeState::Revoked:
            return business("ORDERREVERSED", QStringLiteral("订单已撤销"));
        case TradeState::Closed:
            return business("ORDERCLOSED", QStringLiteral("订单已关闭"));
        case TradeState::PayError:
            return Error::business(existing->failCode, existing->failMessage);
        default:
            return d->waitingAnswer(*existing);
        }
    }

    const QString key = orderKey(keyOf(m), request.outTradeNo);
    const auto owner = d->authCodes.constFind(request.authCode);
    if (owner != d->authCodes.cend() && *owner != key)
        return business("AUTH_CODE_INVALID", QStringLiteral("101 每个二维码仅限使用一次,请刷新再试"));
    d->authCodes.insert(request.authCode, key);

    if (scenario.scenario == QuickPayScenario::SystemErrorNotCreated) {
        qCDebug(lcSim) << "micropay" << m.mchid << request.outTradeNo << "SYSTEMERROR, not created";
        return business("SYSTEMERROR", QStringLiteral("系统超时"));
    }
    if (scenario.scenario == QuickPayScenario::Success && request.amount.currency() == u"CNY"
        && request.amount.minorUnits() > kPasswordThresholdFen) {
        scenario = { QuickPayScenario::PaysAfterSeconds, kPasswordSeconds };
    }

    const QDateTime now = d->now();
    OrderRecord order;
    order.mchid = m.mchid;
    order.subMchid = m.subMchid;
    order.appid = m.payAppid();
    order.outTradeNo = request.outTradeNo;
    order.tradeType = detail::kMicropay.toString();
    order.description = request.description;
    order.attach = request.attach;
    order.clientIp = request.clientIp;
    order.deviceId = request.deviceId;
    order.operatorId = request.operatorId;
    order.merchantCategoryCode = request.merchantCategoryCode;
    order.total = request.amount;
    order.createTime = now;
    order.state = waitingState(scenario.scenario);
    order.authCode = request.authCode;
    order.scenario = scenario.scenario;
    order.scenarioN = scenario.n;
    order.reversibleWhilePaying = scenario.scenario == QuickPayScenario::PayingForeverReversible
        || scenario.scenario == QuickPayScenario::ReverseRecall;
    order.recallsLeft = scenario.scenario == QuickPayScenario::ReverseRecall ? std::max(scenario.n, 1) : 0;
    d->orders.push_back(order);
    const std::size_t index = d->orders.size() - 1;
    d->byOutTradeNo.insert(key, index);
    OrderRecord& stored = d->orders[index];
    qCDebug(lcSim) << "micropay" << m.mchid << request.outTradeNo << scenarioName(scenario.scenario) << scenario.n;

    switch (scenario.scenario) {
    case QuickPayScenario::Success:
        d->pay(stored, now, {});
        return d->toTransaction(stored);
    case QuickPayScenario::SystemErrorPaid:
        d->pay(stored, now, {});
        return business("SYSTEMERROR", QStringLiteral("系统超时"));
    case QuickPayScenario::BankErrorPaid:
        d->pay(stored, now, {});
        return business("BANKERROR", QStringLiteral("银行端超时"));
    case QuickPayScenario::AuthCodeExpired:
        d->fail(
            stored, now, QStringLiteral("AUTHCODEEXPIRE"), QStringLiteral("二维码已过期，请用户在微信上刷新后再试"));
        return Error::business(stored.failCode, stored.failMessage);
    case QuickPayScenario::NotEnough:
        d->fail(stored, now, QStringLiteral("NOTENOUGH"), QStringLiteral("余额不足"));
        return Error::business(stored.failCode, stored.failMessage);
    case QuickPayScenario::PaysAfterSeconds:
        d->settle(stored); // N = 0 pays at once
        if (stored.state == TradeState::Success)
            return d->toTransaction(stored);
        break;
    default:
        break;
    }
    return d->waitingAnswer(stored);
}

Result<Transaction> SimEngine::queryOrder(const MerchantIds& ids, const OrderRef& ref)
{
    auto resolved = d->resolve(ids);
    if (!resolved)
        return resolved.error();
    OrderRecord* order = d->findOrder(*resolved.value(), ref);
    if (!order)
        return orderNotExist();
    d->settle(*order);
    if (d->isWaiting(*order) && decidedByQueries(order->scenario)) {
        // Scenario 15's order stops hiding once WeChat has surely finished with the micropay.
        const bool hidingOver = hiddenWhileWaiting(order->scenario) && !d->isHidden(*order);
        if (++order->queries > order->scenarioN || hidingOver) {
            if (paysWhenDecided(order->scenario))
                d->pay(*order, d->now(), {});
            else
                d->fail(*order, d->now(), QStringLiteral("TRADE_ERROR"),
                    QStringLiteral("支付失败(其他原因，如银行返回失败)"));
        } else if (hiddenWhileWaiting(order->scenario)) {
            return orderNotExist();
        }
    }
    return d->toTransaction(*order);
}

Status SimEngine::closeOrder(const MerchantIds& ids, const OrderRef& ref)
{
    auto resolved = d->resolve(ids);
    if (!resolved)
        return resolved.error();
    OrderRecord* order = d->findOrder(*resolved.value(), ref);
    if (!order || d->isHidden(*order))
        return orderNotExist();
    d->settle(*order);
    if (order->tradeType == detail::kMicropay && order->state == TradeState::NotPay)
        return business("TRADE_STATE_ERROR", QStringLiteral("订单状态错误")); // Quick Pay is reversed, not closed
    switch (order->effectiveState()) {
    case TradeState::NotPay:
        order->state = TradeState::Closed;
        order->endTime = d->now();
        qCDebug(lcSim) << "closed" << order->mchid << order->outTradeNo;
        return {};
    case TradeState::Success:
    case TradeState::Refund:
        return business("ORDERPAID", QStringLiteral("订单已支付，不能发起关单"));
    case TradeState::Closed:
        return business("ORDERCLOSED", QStringLiteral("订单已关闭"));
    default:
        return business("TRADE_STATE_ERROR", QStringLiteral("订单状态错误"));
    }
}

Result<ReverseResult> SimEngine::reverse(const MerchantIds& ids, const OrderRef& ref, ApiFamily family)
{
    auto resolved = d->resolve(ids);
    if (!resolved)
        return resolved.error();
    OrderRecord* order = d->findOrder(*resolved.value(), ref);
    if (!order || d->isHidden(*order))
        return orderNotExist();
    d->settle(*order);
    if (order->tradeType != detail::kMicropay)
        return business("INVALID_REQUEST", QStringLiteral("非付款码支付订单不能撤销"));
    const QDateTime now = d->now();
    if (now > order->createTime.addDays(d->settings.reverseWindows.days(family)))
        return business("REVERSE_EXPIRE", QStringLiteral("订单已超过撤销期限"));
    if (order->state == TradeState::Revoked || order->state == TradeState::Closed)
        return ReverseResult { false };
    if (order->recallsLeft > 0 && (order->state == TradeState::UserPaying || order->state == TradeState::Success)) {
        --order->recallsLeft;
        return business("SYSTEMERROR", QStringLiteral("系统超时，请重新调用撤销"));
    }
    switch (order->effectiveState()) {
    case TradeState::UserPaying:
        if (!order->reversibleWhilePaying)
            return business("USERPAYING", QStringLiteral("正在支付中不能发起撤销"));
        break;
    case TradeState::Refund:
        return business("INVALID_REQUEST", QStringLiteral("订单已发生退款，不能撤销"));
    default:
        break;
    }
    d->revoke(*order, now);
    return ReverseResult { false };
}

bool SimEngine::shouldRecall(const Error& reverseError)
{
    return reverseError.kind == ErrorKind::Business
        && (reverseError.code == u"SYSTEMERROR" || reverseError.code == u"USERPAYING");
}

// ---- refunds ----

Result<Refund> SimEngine::refund(const MerchantIds& ids, const RefundRequest& request)
{
    auto resolved = d->resolve(ids);
    if (!resolved)
        return resolved.error();
    const SimMerchant& m = *resolved.value();
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Za-z_\\-|*@]{1,64}$"));
    if (!pattern.match(request.outRefundNo).hasMatch())
        return paramError(QStringLiteral("out_refund_no"), QStringLiteral("out_refund_no应为1-64位数字、字母或_-|*@"));
    if (!request.refund.isValid() || request.refund.isZero())
        return paramError(QStringLiteral("refund_fee"), QStringLiteral("退款金额必须为大于0的整数"));
    if (!request.total.isValid())
        return paramError(QStringLiteral("total_fee"), QStringLiteral("缺少参数total_fee"));
    if (request.reason.size() > 80)
        return paramError(QStringLiteral("refund_desc"), QStringLiteral("退款原因不能超过80个字符"));

    OrderRecord* order = d->findOrder(m, request.order);
    if (!order || d->isHidden(*order))
        return orderNotExist();
    d->settle(*order);

    // Same out_refund_no: the same refund again, or a conflict.
    for (OrderRecord& other : d->orders) {
        if (other.merchantKey() != keyOf(m))
            continue;
        const auto same = std::find_if(other.refunds.cbegin(), other.refunds.cend(),
            [&](const RefundRecord& r) { return r.outRefundNo == request.outRefundNo; });
        if (same == other.refunds.cend())
            continue;
        if (&other != order || same->amount != request.refund || same->total != request.total) {
            return business("INVALID_REQUEST", QStringLiteral("订单金额或退款金额与之前请求不一致，请核实后再试"));
        }
        const qsizetype index = same - other.refunds.cbegin();
        d->settle(other);
        return d->toRefund(other, other.refunds.at(index));
    }

    if (order->state == TradeState::Revoked)
        return business("INVALID_REQUEST", QStringLiteral("订单已撤销，不能退款"));
    if (order->state != TradeState::Success)
        return business("ORDERNOTEXIST", QStringLiteral("订单未支付，不能发起退款"));
    const QDateTime now = d->now();
    if (now > order->successTime.addDays(d->settings.refundWindowDays))
        return business("TRADE_OVERDUE", QStringLiteral("订单已经超过退款期限"));
    if (request.total != order->total || request.refund.currency() != order->total.currency())
        return business("INVALID_REQUEST", QStringLiteral("订单金额与退款请求中的订单金额不一致"));
    if (order->refunds.size() >= d->settings.maxRefundsPerOrder)
        return business("INVALID_REQUEST", QStringLiteral("退款次数超过限制，一笔订单最多退款50次"));
    qint64 committed = 0;
    for (const RefundRecord& r : order->refunds) {
        if (r.status != RefundStatus::Closed)
            committed += r.amount.minorUnits();
    }
    if (committed + request.refund.minorUnits() > order->total.minorUnits())
        return business("INVALID_REQUEST", QStringLiteral("申请退款金额超过订单可退金额"));

    RefundRecord record;
    record.refundId = d->nextRefundId(now);
    record.outRefundNo = request.outRefundNo;
    record.reason = request.reason;
    record.notifyUrl = request.notifyUrl;
    record.amount = request.refund;
    record.total = request.total;
    record.createTime = now;
    record.finishTime = now.addSecs(d->settings.refundDelay.count());
    record.status = RefundStatus::Processing;
    record.outcome = request.reason.contains(u"SIM_ABNORMAL") ? RefundStatus::Abnormal
        : request.reason.contains(u"SIM_CLOSED")              ? RefundStatus::Closed
                                                              : RefundStatus::Success;
    order->refunds.append(record);
    d->settle(*order); // a zero delay finishes at once
    qCDebug(lcSim) << "refund" << order->mchid << order->outTradeNo << record.outRefundNo;
    return d->toRefund(*order, order->refunds.constLast());
}

Result<QList<Refund>> SimEngine::queryRefunds(const MerchantIds& ids, const RefundRef& ref)
{
    auto resolved = d->resolve(ids);
    if (!resolved)
        return resolved.error();
    const SimMerchant& m = *resolved.value();
    QList<Refund> found;
    if (!ref.refundId.isEmpty() || !ref.outRefundNo.isEmpty()) {
        for (OrderRecord& order : d->orders) {
            if (order.merchantKey() != keyOf(m))
                continue;
            for (const RefundRecord& record : order.refunds) {
                const bool match
                    = ref.refundId.isEmpty() ? record.outRefundNo == ref.outRefundNo : record.refundId == ref.refundId;
                if (match) {
                    d->settle(order);
                    found.append(d->toRefund(order, record));
                }
            }
        }
    } else if (OrderRecord* order = d->findOrder(m, ref.order)) {
        d->settle(*order);
        for (const RefundRecord& record : order->refunds)
            found.append(d->toRefund(*order, record));
    }
    if (found.isEmpty())
        return business("REFUNDNOTEXIST", QStringLiteral("退款订单查询失败"));
    return found;
}

// ---- bills ----

Result<BillFile> SimEngine::tradeBill(const MerchantIds& ids, const BillRequest& request)
{
    auto resolved = d->resolve(ids);
    if (!resolved)
        return resolved.error();
    const SimMerchant& m = *resolved.value();
    const QString type = request.type.isEmpty() ? QStringLiteral("ALL") : request.type;
    if (type != u"ALL" && type != u"SUCCESS" && type != u"REFUND" && type != u"RECHARGE_REFUND")
        return business("INVALID_BILL_TYPE", QStringLiteral("invalid bill_type"));
    if (!request.date.isValid())
        return business("DATA_FORMAT_ERROR", QStringLiteral("data format error"));

    const QDateTime now = china(d->now());
    const QDate today = now.date();
    const Error noBill = business("NO_BILL_EXIST", QStringLiteral("No Bill Exist"));
    if (request.date > today || request.date < today.addMonths(-3))
        return noBill;
    if (!d->settings.billsImmediately) {
        if (request.date == today)
            return noBill;
        if (request.date == today.addDays(-1) && now.time() < QTime(10, 0))
            return business("BILL_CREATING", QStringLiteral("Bill Creating"));
    }

    const bool payments = type == u"ALL" || type == u"SUCCESS";
    const bool refunds = type == u"ALL" || type == u"REFUND";
    const auto onDay = [&](const QDateTime& utc) { return utc.isValid() && china(utc).date() == request.date; };
    const int bp = d->settings.feeRateBasisPoints;
    const QString feeRate = QStringLiteral("%1.%2%").arg(bp / 100).arg(bp % 100, 2, 10, QChar(u'0'));

    QList<BillLine> lines;
    for (OrderRecord& order : d->orders) {
        if (order.merchantKey() != keyOf(m))
            continue;
        d->settle(order);
        const QString currency = order.total.currency();
        const Money zero = moneyOf(0, currency);
        BillLine base;
        base.appid = order.appid;
        base.mchid = order.mchid;
        base.subMchid = order.subMchid;
        base.deviceInfo = order.deviceId;
        base.transactionId = order.transactionId;
        base.outTradeNo = order.outTradeNo;
        base.openid = order.openid;
        base.tradeType = order.tradeType;
        base.bankType = QStringLiteral("OTHERS");
        base.couponAmount = zero;
        base.couponRefundAmount = zero;
        base.description = order.description;
        base.attach = order.attach;
        base.feeRate = feeRate;

        auto refundLine = [&](const QDateTime& time, const QString& state, const QString& refundId,
                              const QString& outRefundNo, const Money& amount) {
            BillLine l = base;
            l.time = time;
            l.tradeState = state;
            l.settlementAmount = zero;
            l.refundId = refundId;
            l.outRefundNo = outRefundNo;
            l.refundAmount = amount;
            l.refundType = QStringLiteral("ORIGINAL");
            l.refundStatus = QStringLiteral("SUCCESS");
            l.feeMinor = -fee(amount.minorUnits(), bp);
            l.orderAmount = zero;
            l.refundRequestAmount = amount;
            lines.append(l);
        };

        if (payments && onDay(order.successTime)) {
            BillLine l = base;
            l.time = order.successTime;
            l.tradeState = QStringLiteral("SUCCESS");
            l.settlementAmount = order.total;
            l.refundAmount = zero;
            l.feeMinor = fee(order.total.minorUnits(), bp);
            l.orderAmount = order.total;
            l.refundRequestAmount = zero;
            lines.append(l);
        }
        if (!refunds)
            continue;
        for (const RefundRecord& r : order.refunds) {
            if (r.status == RefundStatus::Success && onDay(r.finishTime))
                refundLine(r.finishTime, QStringLiteral("REFUND"), r.refundId, r.outRefundNo, r.amount);
        }
        if (order.paidBeforeRevoke && onDay(order.endTime))
            refundLine(
                order.endTime, QStringLiteral("REVOKED"), order.revokeRefundId, order.revokeRefundId, order.total);
    }
    if (lines.isEmpty())
        return noBill;
    std::stable_sort(lines.begin(), lines.end(), [](const BillLine& a, const BillLine& b) { return a.time < b.time; });

    BillFile file;
    file.content = renderBill(lines, m.defaultCurrency());
    file.sha1Hex = QString::fromLatin1(crypto::sha1(file.content).toHex());
    return file;
}

// ---- mini-program ----

Result<AccessToken> SimEngine::issueAccessToken(const QString& appid, const QString& secret)
{
    const SimMerchant* m = merchantByMiniAppid(appid);
    if (!m)
        return miniError(40013, QStringLiteral("invalid appid"));
    if (m->miniAppSecret != secret)
        return miniError(
            40001, QStringLiteral("invalid credential, AppSecret error or AppSecret does not belong to this AppID"));
    return d->tokens.issue(appid);
}

Result<AccessToken> SimEngine::stableAccessToken(const QString& appid, const QString& secret, bool forceRefresh)
{
    const SimMerchant* m = merchantByMiniAppid(appid);
    if (!m)
        return miniError(40013, QStringLiteral("invalid appid"));
    if (m->miniAppSecret != secret)
        return miniError(
            40001, QStringLiteral("invalid credential, AppSecret error or AppSecret does not belong to this AppID"));
    return d->tokens.stable(appid, forceRefresh);
}

Result<QString> SimEngine::getPaidUnionId(const QString& accessToken, const PaidUnionIdQuery& query)
{
    auto appid = d->tokens.check(accessToken);
    if (!appid)
        return appid.error();
    const SimMerchant* app = merchantByMiniAppid(appid.value());
    if (app && !app->openPlatformBound)
        return miniError(89002, QStringLiteral("no open platform account bound"));
    if (query.openid.isEmpty())
        return miniError(40003, QStringLiteral("invalid openid"));
    const Error invalidTrade = miniError(89300, QStringLiteral("invalid trade"));

    OrderRecord* order = nullptr;
    if (!query.transactionId.isEmpty()) {
        const auto it = d->byTransactionId.constFind(query.transactionId);
        if (it != d->byTransactionId.cend())
            order = &d->orders[*it];
    } else if (!query.mchId.isEmpty() && !query.outTradeNo.isEmpty()) {
        for (OrderRecord& candidate : d->orders) {
            const bool merchantMatches
                = candidate.subMchid.isEmpty() ? candidate.mchid == query.mchId : candidate.subMchid == query.mchId;
            if (merchantMatches && candidate.outTradeNo == query.outTradeNo)
                order = &candidate;
        }
    }
    if (!order)
        return invalidTrade;
    d->settle(*order);
    if (order->appid != appid.value() || !order->successTime.isValid())
        return invalidTrade;
    if (order->openid != query.openid)
        return miniError(40003, QStringLiteral("invalid openid"));
    if (d->now() > order->successTime.addSecs(d->settings.unionIdWindow.count()))
        return invalidTrade;
    return unionIdFor(query.openid);
}

QString SimEngine::sandboxOpenid(const QString& appid)
{
    return u'o' % base64Url(crypto::sha1(QByteArray("wxpay-sim openid ").append(appid.toUtf8()))).left(27);
}

QString SimEngine::unionIdFor(const QString& openid)
{
    return u'o' % base64Url(crypto::sha1(QByteArray("wxpay-sim unionid ").append(openid.toUtf8()))).left(27);
}

// ---- faults ----

FaultPlan& SimEngine::faults()
{
    return d->faults;
}

std::optional<Fault> SimEngine::takeFault(Operation operation)
{
    auto fault = d->faults.take(operation);
    if (fault)
        qCInfo(lcSim) << "fault" << faultKindName(fault->kind) << "for" << operationName(operation);
    return fault;
}

// ---- ledger ----

QList<LedgerEntry> SimEngine::ledger()
{
    QList<LedgerEntry> entries;
    for (OrderRecord& order : d->orders) {
        d->settle(order);
        const QString currency = order.total.currency();
        LedgerEntry e;
        e.mchid = order.mchid;
        e.subMchid = order.subMchid;
        e.outTradeNo = order.outTradeNo;
        e.transactionId = order.transactionId;
        e.tradeType = order.tradeType;
        e.state = order.effectiveState();
        e.authCode = order.authCode;
        e.payerOpenid = order.openid;
        e.total = order.total;
        e.charged = order.successTime.isValid() ? order.total : moneyOf(0, currency);
        qint64 refunded = 0, pending = 0;
        for (const RefundRecord& r : order.refunds) {
            if (r.status == RefundStatus::Success)
                refunded += r.amount.minorUnits();
            else if (r.status == RefundStatus::Processing)
                pending += r.amount.minorUnits();
            e.refunds.append(d->toRefund(order, r));
        }
        e.refunded = moneyOf(refunded, currency);
        e.refundPending = moneyOf(pending, currency);
        e.reversed = order.paidBeforeRevoke ? order.total : moneyOf(0, currency);
        e.refundCount = int(order.refunds.size());
        e.createTime = order.createTime;
        e.successTime = order.successTime;
        entries.append(e);
    }
    return entries;
}

// ---- persistence ----

namespace {

constexpr int kStateVersion = 1;

} // namespace

QJsonObject SimEngine::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("version"), kStateVersion);
    json.insert(QStringLiteral("settings"), d->settings.toJson());
    const MerchantSet set { d->authority, d->merchants };
    json.insert(QStringLiteral("merchants"), set.toJson());
    QJsonArray orders;
    for (const OrderRecord& order : d->orders)
        orders.append(detail::toJson(order));
    json.insert(QStringLiteral("orders"), orders);
    QJsonObject codes;
    for (auto it = d->authCodes.cbegin(); it != d->authCodes.cend(); ++it)
        codes.insert(it.key(), it.value());
    json.insert(QStringLiteral("auth_codes"), codes);
    json.insert(QStringLiteral("sequence"), d->sequence);
    json.insert(QStringLiteral("tokens"), d->tokens.toJson());
    json.insert(QStringLiteral("faults"), d->faults.toJson());
    return json;
}

Status SimEngine::fromJson(const QJsonObject& json)
{
    if (json.value(QStringLiteral("version")).toInt() != kStateVersion)
        return json::stateError(QStringLiteral("unsupported state version"));
    auto settings = SimSettings::fromJson(json.value(QStringLiteral("settings")).toObject());
    if (!settings)
        return settings.error();
    auto fresh = std::make_unique<State>(*d->clock, *d->nonce, settings.value());

    auto set = MerchantSet::fromJson(json.value(QStringLiteral("merchants")).toObject());
    if (!set)
        return set.error();
    fresh->authority = set->authority;
    for (const SimMerchant& merchant : set->merchants) {
        if (fresh->findMerchant(merchant.mchid, merchant.subMchid))
            return json::stateError(u"merchant " % keyOf(merchant) % u" appears twice");
        fresh->merchants.append(merchant);
    }

    const QJsonArray orders = json.value(QStringLiteral("orders")).toArray();
    for (const QJsonValue& value : orders) {
        auto order = detail::orderFromJson(value.toObject());
        if (!order)
            return order.error();
        if (!fresh->findMerchant(order->mchid, order->subMchid))
            return json::stateError(u"order " % order->outTradeNo % u" names an unknown merchant");
        fresh->orders.push_back(std::move(order).value());
    }
    fresh->reindex();
    if (fresh->byOutTradeNo.size() != qsizetype(fresh->orders.size()))
        return json::stateError(QStringLiteral("an out_trade_no appears twice"));

    const QJsonObject codes = json.value(QStringLiteral("auth_codes")).toObject();
    for (auto it = codes.constBegin(); it != codes.constEnd(); ++it)
        fresh->authCodes.insert(it.key(), it.value().toString());
    fresh->sequence = json.value(QStringLiteral("sequence")).toInteger();
    if (auto status = fresh->tokens.fromJson(json.value(QStringLiteral("tokens")).toObject()); !status)
        return status;
    auto faults = FaultPlan::fromJson(json.value(QStringLiteral("faults")).toArray());
    if (!faults)
        return faults.error();
    fresh->faults = faults.value();

    d = std::move(fresh);
    qCInfo(lcSim) << "state loaded:" << d->merchants.size() << "merchants," << d->orders.size() << "orders";
    return {};
}

} // namespace wxpay::sim
