#pragma once

// The payer's unionid after a payment (mini-program getpaidunionid): by openid + transaction_id, or openid +
// mch_id + out_trade_no, within 5 minutes of the payment. The access token comes from /cgi-bin/stable_token
// (or /cgi-bin/token when the profile says so) and is cached in the CredentialStore until it expires, or is
// supplied by the operator. A token WeChat calls stale is replaced once and the lookup retried once — never
// more. The unionid found is stored on the order's history row.

#include "common/clock.h"
#include "common/domain.h"
#include "credentials/credentialstore.h"
#include "credentials/merchantprofile.h"
#include "gateway/httptransport.h"
#include "protocol/miniprogram/miniprogram.h"
#include "storage/auditlog.h"
#include "storage/orderstore.h"

#include <QObject>

#include <chrono>
#include <optional>

namespace wxpay::workflows {

struct UnionIdContext
{
    credentials::MerchantProfile profile; // id, miniProgramAppid, tokenSource
    QString actor;
    gateway::HttpTransport& transport; // its miniProgramBaseUrl is api.weixin.qq.com (or the sandbox)
    credentials::CredentialStore& credentials; // AppSecret, and the cached AccessToken
    storage::OrderStore& orders;
    storage::AuditLog& audit;
    const Clock& clock;
};

class UnionIdLookup : public QObject
{
    Q_OBJECT

public:
    struct Query
    {
        QString openid; // the payer's openid under the mini-program
        QString transactionId; // either this ...
        QString mchId; // ... or mch_id + out_trade_no
        QString outTradeNo;
        QString operatorToken; // an access token pasted by the operator: used as is, never cached or refreshed
    };

    struct Outcome
    {
        QString unionid;
        std::optional<Error> error;
        QString explanation; // explainUnionIdError(*error), for the cashier
        bool storedOnOrder = false; // the order is in the history and now carries the unionid
        int tokenFetches = 0;
        int lookups = 0;
    };

    // A cached token this close to its expiry is replaced before use.
    static constexpr std::chrono::seconds kTokenMargin { 60 };

    explicit UnionIdLookup(UnionIdContext context, QObject* parent = nullptr);

    // Input OPENID_MISSING, ORDER_REF_MISSING (neither transaction_id nor mch_id + out_trade_no),
    // MINIPROGRAM_NOT_CONFIGURED (no mini-program appid in the profile), TOKEN_REQUIRED (the profile takes
    // operator tokens and none was given), BUSY. Otherwise `finished` follows.
    Status lookup(const Query& query);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const wxpay::workflows::UnionIdLookup::Outcome& outcome);

private:
    void useCachedToken();
    void fetchToken();
    void onToken(Result<protocol::WireResponse> reply);
    void ask(const QString& token);
    void onAnswer(Result<protocol::WireResponse> reply);
    void store(const QString& unionid);
    void fail(const Error& error);
    void finish();

    UnionIdContext m_context;
    protocol::miniprogram::MiniProgramCodec m_codec;
    Query m_query;
    QString m_token;
    bool m_operatorToken = false;
    bool m_refreshed = false; // the one refresh after a stale token is spent
    bool m_running = false;
    Outcome m_outcome;
};

// One sentence for the cashier about a failed unionid lookup or token fetch (errcodes of protocol.md §5,
// translated with the context "wxpay::workflows").
QString explainUnionIdError(const Error& error);

} // namespace wxpay::workflows

Q_DECLARE_METATYPE(wxpay::workflows::UnionIdLookup::Outcome)
