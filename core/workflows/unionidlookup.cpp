#include "workflows/unionidlookup.h"

#include "workflows/log.h"

#include <QCoreApplication>

namespace wxpay::workflows {

namespace mp = protocol::miniprogram;

namespace {

void auditLine(const UnionIdContext& context,
    const QString& action,
    const QString& outTradeNo,
    const QString& requestId,
    const QString& detail)
{
    storage::AuditEntry entry;
    entry.actor = context.actor.isEmpty() ? QStringLiteral("system") : context.actor;
    entry.profileId = context.profile.id;
    entry.action = action;
    entry.outTradeNo = outTradeNo;
    entry.requestId = requestId;
    entry.detail = detail;
    if (auto appended = context.audit.append(entry); !appended)
        qCWarning(lcWorkflows) << "audit log not written:" << action << appended.error().toString();
}

} // namespace

UnionIdLookup::UnionIdLookup(UnionIdContext context, QObject* parent)
    : QObject(parent), m_context(std::move(context)), m_codec(m_context.profile.miniProgramAppid, m_context.clock)
{ }

Status UnionIdLookup::lookup(const Query& query)
{
    if (m_running)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("a unionid lookup is already running"));
    if (query.openid.trimmed().isEmpty())
        return Error::input(QStringLiteral("OPENID_MISSING"), QStringLiteral("the payer's openid is required"));
    if (query.transactionId.isEmpty() && (query.mchId.isEmpty() || query.outTradeNo.isEmpty())) {
        return Error::input(QStringLiteral("ORDER_REF_MISSING"),
            QStringLiteral("give the transaction_id, or the mch_id and the out_trade_no"));
    }
    if (m_context.profile.miniProgramAppid.isEmpty()) {
        return Error::input(
            QStringLiteral("MINIPROGRAM_NOT_CONFIGURED"), QStringLiteral("the profile names no mini-program appid"));
    }
    const bool operatorToken = !query.operatorToken.isEmpty();
    if (!operatorToken && m_context.profile.tokenSource == credentials::TokenSource::OperatorSupplied) {
        return Error::input(
            QStringLiteral("TOKEN_REQUIRED"), QStringLiteral("this profile takes access tokens from the operator"));
    }

    m_running = true;
    m_query = query;
    m_query.openid = query.openid.trimmed();
    m_outcome = {};
    m_refreshed = false;
    m_operatorToken = operatorToken;
    if (operatorToken) {
        // Later, like every other outcome.
        QMetaObject::invokeMethod(
            this, [this] { ask(m_query.operatorToken); }, Qt::QueuedConnection);
        return {};
    }
    useCachedToken();
    return {};
}

void UnionIdLookup::useCachedToken()
{
    m_context.credentials.read(
        m_context.profile.id, credentials::SecretKind::AccessToken, this, [this](Result<QByteArray> cached) {
            if (cached) {
                auto token = credentials::decodeAccessToken(cached.value());
                const QDateTime usableUntil = m_context.clock.now().addSecs(kTokenMargin.count());
                if (token && token->expiresAt > usableUntil) {
                    ask(token->token);
                    return;
                }
            } else if (cached.error().code != u"NOT_FOUND") {
                qCInfo(lcWorkflows) << "cached access token unreadable:" << cached.error().code;
            }
            fetchToken();
        });
}

void UnionIdLookup::fetchToken()
{
    m_context.credentials.read(
        m_context.profile.id, credentials::SecretKind::AppSecret, this, [this](Result<QByteArray> secret) {
            if (!secret) {
                fail(secret.error());
                return;
            }
            ++m_outcome.tokenFetches;
            const bool stable = m_context.profile.tokenSource != credentials::TokenSource::CgiBinToken;
            const protocol::WireRequest request
                = stable ? m_codec.stableToken(secret.value()) : m_codec.token(secret.value());
            m_context.transport.send(
                request, this, [this](Result<protocol::WireResponse> reply) { onToken(std::move(reply)); });
        });
}

void UnionIdLookup::onToken(Result<protocol::WireResponse> reply)
{
    Result<AccessToken> token = reply ? m_codec.parseToken(reply.value()) : Result<AccessToken>(reply.error());
    auditLine(m_context, QStringLiteral("unionid.token"), m_query.outTradeNo, reply ? reply->requestId() : QString(),
        token ? QStringLiteral("fetched") : token.error().toString());
    if (!token) {
        // A refused token request ends here: fetching again would only repeat the refusal.
        fail(token.error());
        return;
    }
    m_context.credentials.write(m_context.profile.id, credentials::SecretKind::AccessToken,
        credentials::encodeAccessToken(token.value()), this, [](Status written) {
            if (!written)
                qCWarning(lcWorkflows) << "access token not cached:" << written.error().toString();
        });
    ask(token->token);
}

void UnionIdLookup::ask(const QString& token)
{
    m_token = token;
    PaidUnionIdQuery query;
    query.openid = m_query.openid;
    query.transactionId = m_query.transactionId;
    query.mchId = m_query.mchId;
    query.outTradeNo = m_query.outTradeNo;
    auto request = m_codec.paidUnionId(token, query);
    if (!request) {
        fail(request.error());
        return;
    }
    ++m_outcome.lookups;
    m_context.transport.send(
        request.value(), this, [this](Result<protocol::WireResponse> reply) { onAnswer(std::move(reply)); });
}

void UnionIdLookup::onAnswer(Result<protocol::WireResponse> reply)
{
    Result<QString> unionid = reply ? m_codec.parsePaidUnionId(reply.value()) : Result<QString>(reply.error());
    auditLine(m_context, QStringLiteral("unionid.lookup"), m_query.outTradeNo, reply ? reply->requestId() : QString(),
        unionid ? QStringLiteral("found") : unionid.error().toString());
    if (unionid) {
        store(unionid.value());
        return;
    }
    if (mp::isStaleTokenError(unionid.error()) && !m_operatorToken && !m_refreshed) {
        qCInfo(lcWorkflows) << "access token refused (" << unionid.error().code << "): fetching a new one, once";
        m_refreshed = true;
        fetchToken();
        return;
    }
    fail(unionid.error());
}

void UnionIdLookup::store(const QString& unionid)
{
    m_outcome.unionid = unionid;
    QString outTradeNo = m_query.outTradeNo;
    if (outTradeNo.isEmpty()) {
        auto row = m_context.orders.findByTransactionId(m_query.transactionId);
        if (row && row.value() && row.value()->profileId == m_context.profile.id)
            outTradeNo = row.value()->outTradeNo;
    }
    if (!outTradeNo.isEmpty()) {
        const Status stored = m_context.orders.setPayerUnionId(m_context.profile.id, outTradeNo, unionid);
        m_outcome.storedOnOrder = stored.ok();
        if (!stored && stored.error().code != u"NOT_FOUND")
            qCWarning(lcWorkflows) << "unionid not stored:" << stored.error().toString();
    }
    finish();
}

void UnionIdLookup::fail(const Error& error)
{
    m_outcome.error = error;
    m_outcome.explanation = explainUnionIdError(error);
    finish();
}

void UnionIdLookup::finish()
{
    m_running = false;
    m_token.clear();
    Q_EMIT finished(m_outcome);
}

QString explainUnionIdError(const Error& error)
{
    switch (error.kind) {
    case ErrorKind::Network:
        return QCoreApplication::translate(
            "wxpay::workflows", "WeChat could not be reached. Check the network and try again.");
    case ErrorKind::Credentials:
        if (error.code == u"NOT_FOUND")
            return QCoreApplication::translate(
                "wxpay::workflows", "The mini-program AppSecret is not set up in this profile.");
        return QCoreApplication::translate(
            "wxpay::workflows", "The keychain could not be used: unlock it and try again.");
    case ErrorKind::Input:
        return QCoreApplication::translate(
            "wxpay::workflows", "The lookup is incomplete: it needs the payer's openid and the order.");
    case ErrorKind::Business:
        break;
    default:
        return QCoreApplication::translate(
            "wxpay::workflows", "WeChat's answer could not be understood. Try again later.");
    }
    bool numeric = false;
    const int errcode = error.code.toInt(&numeric);
    if (!numeric)
        return QCoreApplication::translate("wxpay::workflows", "WeChat refused the request: %1").arg(error.message);
    switch (errcode) {
    case mp::kSystemBusy:
        return QCoreApplication::translate("wxpay::workflows", "WeChat is busy. Try again in a moment.");
    case mp::kInvalidCredential:
        return QCoreApplication::translate("wxpay::workflows",
            "WeChat did not accept the access token or the AppSecret. Check the mini-program AppSecret in "
            "the profile.");
    case mp::kInvalidOpenid:
        return QCoreApplication::translate(
            "wxpay::workflows", "This openid is not the payer's openid for this mini-program.");
    case 40013:
        return QCoreApplication::translate("wxpay::workflows", "The mini-program AppID is not valid.");
    case mp::kInvalidAccessToken:
    case mp::kAccessTokenExpired:
        return QCoreApplication::translate(
            "wxpay::workflows", "The access token has expired. Get a new one and try again.");
    case 40164:
        return QCoreApplication::translate(
            "wxpay::workflows", "This computer's IP address is not on the mini-program's IP allow-list.");
    case 41001:
        return QCoreApplication::translate("wxpay::workflows", "No access token was sent.");
    case 45009:
        return QCoreApplication::translate(
            "wxpay::workflows", "The mini-program reached its daily limit for this call. Try again tomorrow.");
    case 45011:
        return QCoreApplication::translate(
            "wxpay::workflows", "Too many calls in a short time. Wait a minute and try again.");
    case 48001:
        return QCoreApplication::translate(
            "wxpay::workflows", "This mini-program is not allowed to use this function.");
    case mp::kNoOpenPlatformBinding:
        return QCoreApplication::translate("wxpay::workflows",
            "The mini-program is not bound to a WeChat Open Platform account, so there is no unionid.");
    case mp::kInvalidTrade:
        return QCoreApplication::translate("wxpay::workflows",
            "No paid order matches, or more than 5 minutes have passed since the payment: the unionid can "
            "only be looked up within 5 minutes of paying.");
    default:
        return QCoreApplication::translate("wxpay::workflows", "WeChat answered with error %1: %2")
            .arg(errcode)
            .arg(error.message);
    }
}

} // namespace wxpay::workflows
