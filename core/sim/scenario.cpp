#include "sim/scenario.h"

#include <QStringBuilder>

#include <array>

namespace wxpay::sim {

namespace {

struct ScenarioInfo
{
    QuickPayScenario scenario;
    int digits;
    const char16_t* name;
    const char16_t* reply;
    const char16_t* then;
};

// One row per scenario; scenario.h carries the same table for readers of the code.
constexpr std::array kScenarios {
    ScenarioInfo { QuickPayScenario::Success, 0, u"success", u"SUCCESS",
        u"paid at once (a CNY amount over 1000.00 needs the password: behaves like 11 with N=10)" },
    ScenarioInfo { QuickPayScenario::PaysAfterQueries, 1, u"pays-after-queries", u"USERPAYING",
        u"the first N queries answer USERPAYING, query N+1 answers SUCCESS" },
    ScenarioInfo { QuickPayScenario::FailsAfterQueries, 2, u"fails-after-queries", u"USERPAYING",
        u"the first N queries answer USERPAYING, query N+1 answers PAYERROR" },
    ScenarioInfo { QuickPayScenario::PayingForever, 3, u"paying-forever", u"USERPAYING",
        u"never paid; reverse refused with USERPAYING while paying" },
    ScenarioInfo { QuickPayScenario::PayingForeverReversible, 4, u"paying-forever-reversible", u"USERPAYING",
        u"never paid; reverse accepted while paying (REVOKED)" },
    ScenarioInfo { QuickPayScenario::SystemErrorPaid, 5, u"systemerror-paid", u"SYSTEMERROR",
        u"the money was taken: queries answer SUCCESS" },
    ScenarioInfo { QuickPayScenario::BankErrorPaid, 6, u"bankerror-paid", u"BANKERROR",
        u"the money was taken: queries answer SUCCESS" },
    ScenarioInfo { QuickPayScenario::SystemErrorNotCreated, 7, u"systemerror-not-created", u"SYSTEMERROR",
        u"no order was created: queries answer ORDERNOTEXIST" },
    ScenarioInfo { QuickPayScenario::AuthCodeExpired, 8, u"authcode-expired", u"AUTHCODEEXPIRE",
        u"definite failure; the order is PAYERROR" },
    ScenarioInfo {
        QuickPayScenario::NotEnough, 9, u"not-enough", u"NOTENOUGH", u"definite failure; the order is PAYERROR" },
    ScenarioInfo { QuickPayScenario::ReverseRecall, 10, u"reverse-recall", u"USERPAYING",
        u"never paid; the first max(N,1) reverses answer SYSTEMERROR recall=Y, then reverse succeeds" },
    ScenarioInfo { QuickPayScenario::PaysAfterSeconds, 11, u"pays-after-seconds", u"USERPAYING",
        u"the customer enters the password N seconds after creation: SUCCESS from then on" },
    ScenarioInfo { QuickPayScenario::AcceptPaysAfterQueries, 12, u"accept-pays-after-queries", u"ACCEPT *",
        u"the first N queries answer ACCEPT, query N+1 answers SUCCESS (the money is taken)" },
    ScenarioInfo { QuickPayScenario::NotPayPaysAfterQueries, 13, u"notpay-pays-after-queries", u"NOTPAY *",
        u"the first N queries answer NOTPAY, query N+1 answers SUCCESS (the money is taken)" },
    ScenarioInfo { QuickPayScenario::AcceptFailsAfterQueries, 14, u"accept-fails-after-queries", u"ACCEPT *",
        u"the first N queries answer ACCEPT, query N+1 answers PAYERROR (nothing taken)" },
    ScenarioInfo { QuickPayScenario::OrderNotExistThenPaid, 15, u"ordernotexist-then-paid", u"SYSTEMERROR",
        u"the first N queries (and reverses) within 30 s answer ORDERNOTEXIST, then SUCCESS" },
};

const ScenarioInfo& infoFor(QuickPayScenario scenario)
{
    for (const ScenarioInfo& info : kScenarios) {
        if (info.scenario == scenario)
            return info;
    }
    return kScenarios.front();
}

int twoDigits(QStringView text, qsizetype at)
{
    return (text.at(at).unicode() - u'0') * 10 + (text.at(at + 1).unicode() - u'0');
}

} // namespace

Result<AuthCodeScenario> scenarioForAuthCode(QStringView authCode)
{
    bool digitsOnly = authCode.size() == 18;
    for (QChar c : authCode)
        digitsOnly = digitsOnly && c >= u'0' && c <= u'9';
    if (!digitsOnly || authCode.at(0) != u'1' || authCode.at(1) > u'5') {
        return Error::business(QStringLiteral("AUTH_CODE_INVALID"),
            QStringLiteral("请扫描微信支付授权码(以10/11/12/13/14/15为前缀的18位数字)"));
    }
    AuthCodeScenario result;
    const int digits = twoDigits(authCode, 2);
    for (const ScenarioInfo& info : kScenarios) {
        if (info.digits == digits)
            result.scenario = info.scenario;
    }
    result.n = twoDigits(authCode, 4);
    return result;
}

QString scenarioDigits(QuickPayScenario scenario)
{
    return QStringLiteral("%1").arg(infoFor(scenario).digits, 2, 10, QChar(u'0'));
}

QString scenarioName(QuickPayScenario scenario)
{
    return QString::fromUtf16(infoFor(scenario).name);
}

std::optional<QuickPayScenario> scenarioFromName(QStringView name)
{
    for (const ScenarioInfo& info : kScenarios) {
        if (name == QStringView(info.name))
            return info.scenario;
    }
    return std::nullopt;
}

QString makeAuthCode(QuickPayScenario scenario, int n, quint64 serial)
{
    return u"13" % scenarioDigits(scenario) % QStringLiteral("%1").arg(qBound(0, n, 99), 2, 10, QChar(u'0'))
        % QStringLiteral("%1").arg(serial % 1000000000000ULL, 12, 10, QChar(u'0'));
}

TradeState waitingState(QuickPayScenario scenario)
{
    switch (scenario) {
    case QuickPayScenario::AcceptPaysAfterQueries:
    case QuickPayScenario::AcceptFailsAfterQueries:
    case QuickPayScenario::OrderNotExistThenPaid:
        return TradeState::Accept;
    case QuickPayScenario::NotPayPaysAfterQueries:
        return TradeState::NotPay;
    default:
        return TradeState::UserPaying;
    }
}

bool decidedByQueries(QuickPayScenario scenario)
{
    return scenario == QuickPayScenario::PaysAfterQueries || scenario == QuickPayScenario::FailsAfterQueries
        || waitingState(scenario) != TradeState::UserPaying;
}

bool paysWhenDecided(QuickPayScenario scenario)
{
    return scenario != QuickPayScenario::FailsAfterQueries && scenario != QuickPayScenario::AcceptFailsAfterQueries;
}

bool answersWaitingState(QuickPayScenario scenario)
{
    return scenario == QuickPayScenario::AcceptPaysAfterQueries || scenario == QuickPayScenario::NotPayPaysAfterQueries
        || scenario == QuickPayScenario::AcceptFailsAfterQueries;
}

bool hiddenWhileWaiting(QuickPayScenario scenario)
{
    return scenario == QuickPayScenario::OrderNotExistThenPaid;
}

QString scenarioTableText()
{
    QString text = QStringLiteral(
        "Quick Pay scenarios: the payment code (auth_code) is 18 digits PP SS NN RRRRRRRRRRRR\n"
        "  PP = 10..15, SS = scenario, NN = parameter N (00..99), R = free digits (a code pays only once).\n"
        "  An unlisted SS pays at once, like a real code. Example: %1 (SS=01, N=2).\n\n"
        "  SS  name                       micropay     then\n")
                       .arg(makeAuthCode(QuickPayScenario::PaysAfterQueries, 2, 1));
    for (const ScenarioInfo& info : kScenarios) {
        text += u"  " % scenarioDigits(info.scenario) % u"  " % QString::fromUtf16(info.name).leftJustified(26) % u' '
            % QString::fromUtf16(info.reply).leftJustified(12) % u' ' % QString::fromUtf16(info.then) % u'\n';
    }
    text += QStringLiteral(
        "\n  * v3 / Global / HK answer HTTP 200 with that trade_state; APIv2 answers result_code=FAIL\n"
        "    err_code=SYSTEMERROR and orderquery shows the trade_state.\n"
        "  Every USERPAYING order not paid 45 s after creation is auto-revoked (queries answer REVOKED);\n"
        "  ACCEPT / NOTPAY orders (12-14) and the hidden order of 15 are not: only their queries decide them.\n"
        "  Reverse while USERPAYING answers USERPAYING unless SS is 04 or 10; reverse of an ACCEPT / NOTPAY\n"
        "  order revokes it; reversing a paid order returns the money (REVOKED); reverse works for 7 days\n"
        "  (APIv3 domestic: 1 day).\n");
    return text;
}

} // namespace wxpay::sim
