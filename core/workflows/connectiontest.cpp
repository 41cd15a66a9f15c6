#include "workflows/connectiontest.h"

#include "workflows/context.h"
#include "workflows/internal.h"
#include "workflows/log.h"

#include <QCoreApplication>

namespace wxpay::workflows {

using detail::hasCode;

namespace {

bool isOrderNotFound(const Error& error)
{
    // Only a Business error is WeChat's own, verified answer (an unverified one is a Verification error).
    return error.kind == ErrorKind::Business && hasCode(error, { u"ORDERNOTEXIST" });
}

// WeChat refused the request's signature: v3 401 SIGN_ERROR, v2 SIGNERROR or return_code FAIL "签名错误".
bool isSignatureRefused(const Error& error)
{
    if (error.httpStatus == 401 || hasCode(error, { u"SIGNERROR" }))
        return true;
    return error.kind == ErrorKind::Business && hasCode(error, { u"RETURNCODEFAIL" })
        && (error.message.contains(u"签名") || error.message.contains(u"sign", Qt::CaseInsensitive));
}

// The v3 Authorization timestamp was more than 5 minutes from WeChat's time.
bool isTimestampRefused(const Error& error)
{
    return error.message.contains(u"timestamp", Qt::CaseInsensitive);
}

QString explainSignature(const Error& error)
{
    if (isTimestampRefused(error))
        return QCoreApplication::translate("wxpay::workflows",
            "WeChat Pay refused the request because this computer's clock is wrong by more than 5 minutes. Set "
            "the date, time and time zone, then test again.");
    if (error.message.contains(u"serial_no"))
        return QCoreApplication::translate("wxpay::workflows",
            "WeChat Pay does not know the merchant certificate serial of this profile: import the merchant API "
            "certificate again.");
    return QCoreApplication::translate("wxpay::workflows",
        "WeChat Pay refused the request's signature: the API key, the merchant private key or the merchant "
        "certificate serial of this profile is wrong. Import the keys again from the merchant platform.");
}

QString explainVerification(const Error& error)
{
    if (hasCode(error, { u"TIMESTAMPSTALE" }))
        return QCoreApplication::translate("wxpay::workflows",
            "WeChat Pay's answer is dated more than 5 minutes away from this computer's clock: set the date, "
            "time and time zone, then test again.");
    if (hasCode(error, { u"SERIALUNKNOWN" }))
        return QCoreApplication::translate("wxpay::workflows",
            "WeChat Pay signed its answer with a certificate or public key this profile does not know: enter "
            "the WeChat Pay public key ID or update the platform certificates.");
    if (error.httpStatus == 401)
        return QCoreApplication::translate("wxpay::workflows",
            "WeChat Pay refused the request's signature, and its answer could not be verified either: import "
            "the merchant keys and the WeChat Pay public key or platform certificate again.");
    if (hasCode(error, { u"APPIDMISMATCH", u"MCHIDMISMATCH" }))
        return QCoreApplication::translate("wxpay::workflows",
            "WeChat Pay's answer is about another merchant ID or AppID: check the API address of the profile.");
    return QCoreApplication::translate("wxpay::workflows",
        "WeChat Pay's answer could not be verified: check the WeChat Pay public key or platform certificate "
        "(and, for APIv2, the API key) of this profile.");
}

QString explainCredentials(const Error& error)
{
    if (hasCode(error, { u"SECRETMISSING", u"NOTFOUND" }))
        return QCoreApplication::translate(
            "wxpay::workflows", "A key of this profile is missing from the system keychain: import the keys.");
    if (hasCode(error, { u"KEYINVALID", u"CORRUPT" }))
        return QCoreApplication::translate(
            "wxpay::workflows", "A key of this profile in the system keychain cannot be used: import it again.");
    if (hasCode(error, { u"NOVERIFICATIONKEY" }))
        return QCoreApplication::translate("wxpay::workflows",
            "This profile has nothing to verify WeChat Pay's answers with: enter the WeChat Pay public key ID "
            "and import the public key, or import the APIv3 key so the platform certificates can be "
            "downloaded.");
    if (hasCode(error, { u"CLIENTCERTIFICATEMISSING" }))
        return QCoreApplication::translate("wxpay::workflows", "The merchant API certificate is missing: import it.");
    return QCoreApplication::translate(
        "wxpay::workflows", "The system keychain is locked or refused access: unlock it and test again.");
}

QString explainInput(const Error& error)
{
    if (hasCode(error, { u"SERIALMISSING" }))
        return QCoreApplication::translate(
            "wxpay::workflows", "The merchant certificate serial is missing: import the merchant API certificate.");
    if (hasCode(error, { u"URLINVALID", u"INVALIDURL" }))
        return QCoreApplication::translate("wxpay::workflows",
            "The API address of this profile is not a valid address: correct it or leave it empty.");
    if (hasCode(error, { u"URLINSECURE", u"INSECUREURL" }))
        return QCoreApplication::translate(
            "wxpay::workflows", "The API address must start with https:// (plain http is only for the local sandbox).");
    if (hasCode(error, { u"BUSY" }))
        return QCoreApplication::translate("wxpay::workflows", "A connection test is already running.");
    return QCoreApplication::translate("wxpay::workflows", "This profile is incomplete: check its fields in Settings.");
}

QString explainBusiness(const Error& error)
{
    if (hasCode(error, { u"MCHNOTEXISTS", u"MCHIDNOTEXIST" }))
        return QCoreApplication::translate(
            "wxpay::workflows", "WeChat Pay does not know this merchant ID: check the merchant ID of the profile.");
    if (hasCode(error, { u"APPIDMCHIDNOTMATCH", u"APPIDNOTEXIST" }))
        return QCoreApplication::translate(
            "wxpay::workflows", "The AppID does not belong to this merchant ID: check both in the profile.");
    if (hasCode(error, { u"NOAUTH" }))
        return QCoreApplication::translate("wxpay::workflows",
            "This merchant ID may not use this API: check the products enabled on the merchant platform, or "
            "choose the API family the merchant signed up for.");
    if (hasCode(error, { u"SYSTEMERROR", u"FREQUENCYLIMITED" }))
        return QCoreApplication::translate("wxpay::workflows", "WeChat Pay is busy: test again in a moment.");
    if (error.message.isEmpty())
        return QCoreApplication::translate("wxpay::workflows", "WeChat Pay refused the request (%1).").arg(error.code);
    return QCoreApplication::translate("wxpay::workflows", "WeChat Pay refused the request: %1").arg(error.message);
}

} // namespace

ConnectionTest::ConnectionTest(
    gateway::PaymentGateway& gateway, const Clock& clock, NonceSource& nonces, QObject* parent)
    : QObject(parent), m_gateway(gateway), m_clock(clock), m_nonces(nonces)
{ }

Status ConnectionTest::start()
{
    if (m_running)
        return Error::input(QStringLiteral("BUSY"), QStringLiteral("a connection test is already running"));
    m_running = true;
    // No order of ours carries this prefix, and the time makes it unique: WeChat can only answer "no such order".
    m_probe = generateMerchantNo(u"CONNTEST", m_clock, m_nonces);
    m_gateway.queryOrder(OrderRef::byOutTradeNo(m_probe), this,
        [this](Result<Transaction> result, gateway::CallInfo info) { onAnswer(result, info); });
    return {};
}

void ConnectionTest::onAnswer(const Result<Transaction>& result, const gateway::CallInfo& info)
{
    Outcome outcome;
    outcome.requestId = info.requestId;
    // A verified answer of any kind proves the keys; "no such order" is the one expected.
    if (result || isOrderNotFound(result.error())) {
        outcome.ok = true;
    } else {
        outcome.error = result.error();
        if (outcome.requestId.isEmpty())
            outcome.requestId = result.error().requestId;
        outcome.explanation = explainConnectionError(result.error());
    }
    qCInfo(lcWorkflows) << "connection test:" << (outcome.ok ? "ok" : "failed")
                        << (outcome.error ? outcome.error->code : QString()) << "Request-ID" << outcome.requestId;
    m_running = false;
    Q_EMIT finished(outcome);
}

QString explainConnectionError(const Error& error)
{
    if (hasCode(error, { u"AEADTAGMISMATCH", u"AEADKEYLENGTH" }))
        return QCoreApplication::translate("wxpay::workflows",
            "The platform certificates could not be decrypted: the APIv3 key of this profile is wrong. Import "
            "it again.");
    if ((error.kind == ErrorKind::Business || error.kind == ErrorKind::Http) && isSignatureRefused(error))
        return explainSignature(error);
    switch (error.kind) {
    case ErrorKind::Network:
        if (hasCode(error, { u"TLSFAILED" }))
            return QCoreApplication::translate("wxpay::workflows",
                "No secure connection to WeChat Pay could be made: check the API address, this computer's date "
                "and time, and any proxy that inspects HTTPS.");
        if (hasCode(error, { u"TIMEOUT" }))
            return QCoreApplication::translate("wxpay::workflows",
                "WeChat Pay did not answer in time: check the network connection and the proxy settings, then "
                "test again.");
        return QCoreApplication::translate("wxpay::workflows",
            "WeChat Pay could not be reached: check the network connection, the proxy settings and the API "
            "address of the profile.");
    case ErrorKind::Verification:
        return explainVerification(error);
    case ErrorKind::Http:
        if (error.httpStatus >= 500 || error.httpStatus == 429)
            return QCoreApplication::translate(
                "wxpay::workflows", "WeChat Pay had a problem (HTTP %1): test again later.")
                .arg(error.httpStatus);
        return QCoreApplication::translate("wxpay::workflows",
            "The server at the API address did not answer like WeChat Pay (HTTP %1): check the API address "
            "of the profile.")
            .arg(error.httpStatus);
    case ErrorKind::Protocol:
        return QCoreApplication::translate(
            "wxpay::workflows", "The answer could not be read as WeChat Pay's: check the API address of the profile.");
    case ErrorKind::Business:
        return explainBusiness(error);
    case ErrorKind::Credentials:
        return explainCredentials(error);
    case ErrorKind::Input:
        return explainInput(error);
    case ErrorKind::Storage:
        return QCoreApplication::translate("wxpay::workflows", "The local settings could not be read: test again.");
    case ErrorKind::Cancelled:
        return QCoreApplication::translate("wxpay::workflows", "The connection test was cancelled.");
    }
    return QCoreApplication::translate("wxpay::workflows", "The connection test failed.");
}

} // namespace wxpay::workflows
