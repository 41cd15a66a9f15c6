#pragma once

// Quick Pay (micropay / codepay) scenarios, chosen by the payment code the cashier scans, so a test or a
// person at the sandbox can force each outcome WeChat can produce.
//
// A payment code is 18 digits:  PP SS NN RRRRRRRRRRRR
//   PP  10..15, like WeChat's own codes; anything else (or not 18 digits) is AUTH_CODE_INVALID
//   SS  the scenario (table below); an unlisted value behaves like 00, as any real code would
//   NN  the scenario's parameter N, 00..99
//   R   free digits: a code pays only once, so vary them to get a fresh code
//
//   SS  micropay answers  what follows
//   00  SUCCESS           paid at once. WeChat's password rule: a CNY amount over 1000.00 behaves like 11 with N=10
//   01  USERPAYING        the first N order queries answer USERPAYING, query N+1 answers SUCCESS
//   02  USERPAYING        the first N order queries answer USERPAYING, query N+1 answers PAYERROR
//   03  USERPAYING        never paid; reverse is refused with USERPAYING "正在支付中不能发起撤销" while paying
//   04  USERPAYING        never paid; reverse is accepted while paying (REVOKED)
//   05  SYSTEMERROR       the money was taken: queries answer SUCCESS
//   06  BANKERROR         the money was taken: queries answer SUCCESS
//   07  SYSTEMERROR       no order was created: queries answer ORDERNOTEXIST
//   08  AUTHCODEEXPIRE    definite failure; the order is PAYERROR
//   09  NOTENOUGH         definite failure; the order is PAYERROR
//   10  USERPAYING        never paid; the first max(N,1) reverses answer SYSTEMERROR with recall=Y, then reverse
//                         succeeds
//   11  USERPAYING        the customer enters the password N seconds after the order was created: SUCCESS from
//                         then on
//   12  ACCEPT *          the first N order queries answer ACCEPT, query N+1 answers SUCCESS (the money is taken)
//   13  NOTPAY *          the first N order queries answer NOTPAY, query N+1 answers SUCCESS (the money is taken)
//   14  ACCEPT *          the first N order queries answer ACCEPT, query N+1 answers PAYERROR (nothing taken)
//   15  SYSTEMERROR       the first N order queries answer ORDERNOTEXIST (WeChat is still processing), query N+1
//                         answers SUCCESS: "not found right after a timeout" is not definite
//
//   * v3 / Global / HK: a verified HTTP 200 whose trade_state is ACCEPT or NOTPAY — a non-final state in a
//     success reply (architecture: never seen states are unclear). APIv2's micropay reply has no trade_state,
//     so there it is result_code=FAIL err_code=SYSTEMERROR and orderquery shows the trade_state.
//
// Rules common to all scenarios (SimEngine): an order still USERPAYING 45 s after creation is auto-revoked and
// queries answer REVOKED (WeChat's Global behaviour, applied to every region); while an order is USERPAYING,
// reverse answers USERPAYING unless the scenario is 04 or 10; a reverse of a paid order returns the money
// (REVOKED); reverse works for the family's window (reversewindows.h: 7 days, v3 domestic 1 day). A code used
// for one order answers AUTH_CODE_INVALID "101 每个二维码仅限使用一次,请刷新再试" on any other order.
//
// ACCEPT and NOTPAY orders (12-14) and the hidden order of 15 are NOT auto-revoked: the engine applies the
// 45-second rule to USERPAYING orders (the payer typing the password), and revoking these too would let the
// clock end a scenario whose outcome the queries are meant to decide (a "money was taken" order revoked). They change
// only by the N+1th query or by a reverse: reverse revokes an ACCEPT / NOTPAY order at once (nothing was taken yet);
// for 15, reverse answers ORDERNOTEXIST like the queries while the order is hidden and changes nothing — the later
// SUCCESS still comes. Close refuses a Quick Pay NOTPAY order with TRADE_STATE_ERROR, as it does a USERPAYING one
// (Quick Pay is reversed, not closed). These are decisions without a source.

#include "common/domain.h"
#include "common/result.h"

#include <QString>
#include <QStringView>

#include <chrono>
#include <optional>

namespace wxpay::sim {

enum class QuickPayScenario
{
    Success, // 00
    PaysAfterQueries, // 01
    FailsAfterQueries, // 02
    PayingForever, // 03
    PayingForeverReversible, // 04
    SystemErrorPaid, // 05
    BankErrorPaid, // 06
    SystemErrorNotCreated, // 07
    AuthCodeExpired, // 08
    NotEnough, // 09
    ReverseRecall, // 10
    PaysAfterSeconds, // 11
    AcceptPaysAfterQueries, // 12
    NotPayPaysAfterQueries, // 13
    AcceptFailsAfterQueries, // 14
    OrderNotExistThenPaid, // 15
};

struct AuthCodeScenario
{
    QuickPayScenario scenario = QuickPayScenario::Success;
    int n = 0; // the NN digits
};

// The scenario a payment code selects, or Business AUTH_CODE_INVALID for a code WeChat would refuse.
Result<AuthCodeScenario> scenarioForAuthCode(QStringView authCode);

// The two SS digits of a scenario ("00".."15") and a short English name ("pays-after-queries").
QString scenarioDigits(QuickPayScenario scenario);
QString scenarioName(QuickPayScenario scenario);
std::optional<QuickPayScenario> scenarioFromName(QStringView name);

// A valid payment code for `scenario` with parameter `n` (0..99); `serial` fills the free digits.
QString makeAuthCode(QuickPayScenario scenario, int n = 0, quint64 serial = 0);

// For the engine: the state an order of `scenario` waits in before its queries decide it (USERPAYING, ACCEPT
// or NOTPAY), whether the N+1th query decides it (and whether it then pays), whether the micropay reply is
// the order in its waiting state (12-14: v3 answers 200 with that trade_state), and whether the order is
// hidden (ORDERNOTEXIST) while it waits (15).
TradeState waitingState(QuickPayScenario scenario);
bool decidedByQueries(QuickPayScenario scenario);
bool paysWhenDecided(QuickPayScenario scenario);
bool answersWaitingState(QuickPayScenario scenario);
bool hiddenWhileWaiting(QuickPayScenario scenario);
// Without a source: WeChat's own work on a micropay ends well inside a client's timeout, so scenario 15's order is
// hidden at most this long after it arrived, whatever N says; then it is visible (and paid).
inline constexpr std::chrono::seconds kHiddenAtMost { 30 };

// The table above as plain text, for `wxpay-sim --help` and the sandbox's help page.
QString scenarioTableText();

} // namespace wxpay::sim
