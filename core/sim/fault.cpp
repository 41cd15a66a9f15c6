#include "sim/fault.h"

#include <QJsonValue>
#include <QRegularExpression>
#include <QStringBuilder>

#include <array>
#include <utility>

namespace wxpay::sim {

namespace {

constexpr std::array kOperations {
    std::pair { Operation::CreateNative, u"native" },
    std::pair { Operation::Micropay, u"micropay" },
    std::pair { Operation::QueryOrder, u"query" },
    std::pair { Operation::CloseOrder, u"close" },
    std::pair { Operation::Reverse, u"reverse" },
    std::pair { Operation::Refund, u"refund" },
    std::pair { Operation::QueryRefund, u"refundquery" },
    std::pair { Operation::TradeBill, u"bill" },
    std::pair { Operation::BillFile, u"billfile" },
    std::pair { Operation::Certificates, u"certificates" },
    std::pair { Operation::Token, u"token" },
    std::pair { Operation::StableToken, u"stable_token" },
    std::pair { Operation::GetPaidUnionId, u"getpaidunionid" },
};

struct KindInfo
{
    FaultKind kind;
    const char16_t* name;
    bool applies;
    const char16_t* help;
};

constexpr std::array kKinds {
    KindInfo { FaultKind::Delay, u"delay", true, u"answer normally after =ms milliseconds" },
    KindInfo { FaultKind::Timeout, u"timeout", false, u"never answer; nothing is applied" },
    KindInfo { FaultKind::DropAfterCommit, u"drop", true, u"apply the request, then close the connection" },
    KindInfo { FaultKind::Http500, u"http500", false, u"HTTP 500 system error; nothing is applied" },
    KindInfo { FaultKind::Http503, u"http503", false, u"HTTP 503; nothing is applied" },
    KindInfo { FaultKind::Http429, u"http429", false, u"HTTP 429 FREQUENCY_LIMITED; nothing is applied" },
    KindInfo { FaultKind::MalformedBody, u"malformed", true, u"apply, answer a body that does not parse" },
    KindInfo { FaultKind::OversizedBody, u"oversized", true, u"apply, answer a huge body" },
    KindInfo { FaultKind::MissingSignature, u"nosign", true, u"apply, answer without signature headers / sign" },
    KindInfo { FaultKind::BadSignature, u"badsign", true, u"apply, answer with a signature that does not verify" },
    KindInfo { FaultKind::StaleTimestamp, u"stale", true, u"apply, sign with a timestamp 10 minutes old" },
    KindInfo { FaultKind::UnknownSerial, u"unknownserial", true, u"apply, sign with an unknown platform serial" },
    KindInfo { FaultKind::SignTestProbe, u"signtest", true, u"apply, answer with a WECHATPAY/SIGNTEST/ signature" },
    KindInfo { FaultKind::WrongV2Sign, u"wrongv2sign", true, u"apply, sign a v2 reply with the wrong key" },
    KindInfo { FaultKind::DtdPayload, u"dtd", true, u"apply, answer a v2 reply carrying a DTD / XXE entity" },
    KindInfo { FaultKind::SystemBusy, u"busy", false,
        u"business \"system busy\" (v2 SYSTEMERROR, v3 500, mini-program -1); nothing is applied" },
    KindInfo { FaultKind::Reset, u"reset", false, u"close the connection at once; nothing is applied" },
    KindInfo { FaultKind::Proxy403, u"proxy403", false, u"a proxy's HTML 403 page; nothing is applied" },
    KindInfo { FaultKind::Proxy502, u"proxy502", false, u"a gateway's HTML 502 page; nothing is applied" },
    KindInfo { FaultKind::Proxy502After, u"proxy502after", true, u"apply, then answer a gateway's HTML 502 page" },
    KindInfo { FaultKind::Business, u"business", false,
        u"=CODE: a signed business error with that code (v2 err_code, v3 status + code); nothing is applied" },
    KindInfo { FaultKind::UnsignedError, u"unsignederror", false,
        u"a v3 403 NO_AUTH error without signature headers (v2: an unsigned result_code=FAIL); nothing is applied" },
};

const KindInfo& kindInfo(FaultKind kind)
{
    for (const KindInfo& info : kKinds) {
        if (info.kind == kind)
            return info;
    }
    return kKinds.front();
}

Error ruleError(const QString& message)
{
    return Error::input(QStringLiteral("FAULT_RULE_INVALID"), message);
}

} // namespace

QString operationName(Operation operation)
{
    for (const auto& [value, name] : kOperations) {
        if (value == operation)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<Operation> operationFromName(QStringView name)
{
    for (const auto& [value, text] : kOperations) {
        if (name == QStringView(text))
            return value;
    }
    return std::nullopt;
}

QList<Operation> allOperations()
{
    QList<Operation> list;
    for (const auto& entry : kOperations)
        list.append(entry.first);
    return list;
}

QString faultKindName(FaultKind kind)
{
    return QString::fromUtf16(kindInfo(kind).name);
}

std::optional<FaultKind> faultKindFromName(QStringView name)
{
    for (const KindInfo& info : kKinds) {
        if (name == QStringView(info.name))
            return info.kind;
    }
    return std::nullopt;
}

bool faultAppliesRequest(FaultKind kind)
{
    return kindInfo(kind).applies;
}

Result<FaultRule> FaultRule::parse(QStringView spec)
{
    FaultRule rule;
    QStringView rest = spec.trimmed();

    const qsizetype at = rest.indexOf(u'@');
    if (at >= 0) {
        const QStringView count = rest.mid(at + 1);
        if (count == u"*") {
            rule.remaining = -1;
        } else {
            bool ok = false;
            rule.remaining = count.toInt(&ok);
            if (!ok || rule.remaining < 1)
                return ruleError(u"bad count in fault rule \"" % spec.toString() % u'"');
        }
        rest = rest.left(at);
    }

    const qsizetype colon = rest.indexOf(u':');
    if (colon >= 0) {
        const QStringView operation = rest.left(colon);
        if (operation != u"*") {
            rule.operation = operationFromName(operation);
            if (!rule.operation)
                return ruleError(u"unknown operation \"" % operation.toString() % u"\" in fault rule");
        }
        rest = rest.mid(colon + 1);
    }

    const qsizetype equals = rest.indexOf(u'=');
    const QStringView kindName = equals >= 0 ? rest.left(equals) : rest;
    const auto kind = faultKindFromName(kindName);
    if (!kind)
        return ruleError(u"unknown fault \"" % kindName.toString() % u"\" in fault rule");
    rule.fault.kind = *kind;
    if (*kind == FaultKind::Delay) {
        bool ok = false;
        const qint64 ms = equals >= 0 ? rest.mid(equals + 1).toLongLong(&ok) : 0;
        if (!ok || ms < 0)
            return ruleError(QStringLiteral("a delay needs =milliseconds, e.g. delay=3000"));
        rule.fault.delay = std::chrono::milliseconds(ms);
    } else if (*kind == FaultKind::Business) {
        // The code lands in replies and in the request log: only what an error code can look like.
        static const QRegularExpression pattern(QStringLiteral("^(?:[A-Z][A-Z0-9_]{0,63}|-?[0-9]{1,9})$"));
        const QString code = equals >= 0 ? rest.mid(equals + 1).toString() : QString();
        if (!pattern.match(code).hasMatch())
            return ruleError(QStringLiteral("business needs =CODE, e.g. business=NOTENOUGH"));
        rule.fault.code = code;
    } else if (equals >= 0) {
        return ruleError(u"only delay and business take a value, not \"" % kindName.toString() % u'"');
    }
    return rule;
}

QString FaultRule::toString() const
{
    QString text;
    if (operation)
        text += operationName(*operation) % u':';
    text += faultKindName(fault.kind);
    if (fault.kind == FaultKind::Delay)
        text += u'=' % QString::number(fault.delay.count());
    if (fault.kind == FaultKind::Business)
        text += u'=' % fault.code;
    if (remaining < 0)
        text += QStringLiteral("@*");
    else if (remaining != 1)
        text += u'@' % QString::number(remaining);
    return text;
}

void FaultPlan::add(FaultRule rule)
{
    if (rule.remaining != 0)
        m_rules.append(std::move(rule));
}

void FaultPlan::clear()
{
    m_rules.clear();
}

std::optional<Fault> FaultPlan::take(Operation operation)
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        FaultRule& rule = m_rules[i];
        if (rule.operation && *rule.operation != operation)
            continue;
        const Fault fault = rule.fault;
        if (rule.remaining > 0 && --rule.remaining == 0)
            m_rules.removeAt(i);
        return fault;
    }
    return std::nullopt;
}

QJsonArray FaultPlan::toJson() const
{
    QJsonArray array;
    for (const FaultRule& rule : m_rules)
        array.append(rule.toString());
    return array;
}

Result<FaultPlan> FaultPlan::fromJson(const QJsonArray& json)
{
    FaultPlan plan;
    for (const QJsonValue& value : json) {
        if (!value.isString())
            return ruleError(QStringLiteral("fault rules must be strings"));
        auto rule = FaultRule::parse(value.toString());
        if (!rule)
            return rule.error();
        plan.add(std::move(rule).value());
    }
    return plan;
}

QString FaultPlan::helpText()
{
    QString text = QStringLiteral(
        "Fault rules: [operation:]kind[=value][@count|@*]  (count defaults to 1; @* = every request)\n"
        "  Without an operation a rule hits the next requests of any operation. Examples:\n"
        "    reverse:http500@2   query:delay=3000@*   micropay:drop   timeout   refund:business=NOTENOUGH\n"
        "  Rules are used in the order they were added: \"refund:drop\" then \"refund:business=NOTENOUGH\"\n"
        "  applies the first refund and loses its reply, then refuses the re-send.\n"
        "  operations:");
    for (const auto& [value, name] : kOperations)
        text += u' ' % QString::fromUtf16(name);
    text += QStringLiteral("\n  kinds:\n");
    for (const KindInfo& info : kKinds)
        text += u"    " % QString::fromUtf16(info.name).leftJustified(14) % QString::fromUtf16(info.help) % u'\n';
    return text;
}

} // namespace wxpay::sim
