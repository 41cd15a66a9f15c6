#include "credentialerrors.h"

#include <QCoreApplication>

namespace wxpay::ui {

QString explainCredentialsError(const Error& error)
{
    const QString& c = error.code;
    if (c == u"KEY_INVALID")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "The private key file is not a usable key: choose apiclient_key.pem.");
    if (c == u"CERT_INVALID")
        return QCoreApplication::translate("wxpay::ui::CredentialsErrors",
            "The certificate file is not a usable certificate: choose apiclient_cert.pem.");
    if (c == u"KEY_CERT_MISMATCH")
        return QCoreApplication::translate("wxpay::ui::CredentialsErrors",
            "The private key does not belong to this certificate: choose the two files downloaded together.");
    if (c == u"CERT_EXPIRED")
        return QCoreApplication::translate("wxpay::ui::CredentialsErrors",
            "This certificate has expired: download a new one from the WeChat Pay merchant platform.");
    if (c == u"CERT_NOT_YET_VALID")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "This certificate is not valid yet: check this computer's date and time.");
    if (c == u"PKCS12_INVALID")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "The file is not a usable .p12 certificate: choose apiclient_cert.p12.");
    if (c == u"PKCS12_PASSWORD")
        return QCoreApplication::translate("wxpay::ui::CredentialsErrors",
            "Wrong password for the .p12 file (WeChat Pay's default password is the merchant ID).");
    if (c == u"APIV2_KEY_INVALID")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "The APIv2 key must be exactly 32 letters or digits.");
    if (c == u"APIV3_KEY_INVALID")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "The APIv3 key must be exactly 32 characters.");
    if (c == u"APP_SECRET_INVALID")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "The AppSecret must be exactly 32 letters or digits.");
    if (c == u"FILE_UNREADABLE")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "The file cannot be read: check that it exists and that you may open it.");
    if (c == u"FILE_TOO_LARGE")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "The file is too large to be a key or certificate.");
    if (c == u"PROFILE_NOT_FOUND")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "This profile is not saved: save it first, then import its keys.");
    if (c == u"LOCKED_OR_UNAVAILABLE")
        return QCoreApplication::translate("wxpay::ui::CredentialsErrors",
            "The system keychain is locked or refused access: unlock it and try again.");
    if (c == u"UNAVAILABLE")
        return QCoreApplication::translate("wxpay::ui::CredentialsErrors",
            "No system keychain is available on this computer, so keys cannot be stored.");
    if (c == u"ACCESS_DENIED")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "Access to the system keychain was refused.");
    if (c == u"TIMEOUT")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "The system keychain did not answer in time: try again.");
    if (c == u"DELETE_FAILED")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "The system keychain could not delete the keys: try again.");
    if (c == u"CORRUPT")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "A key in the system keychain is damaged: import it again.");
    if (c == u"INDEX_FAILED" || c == u"SETTINGS_FAILED")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "The settings file cannot be written: check the disk and its permissions.");
    if (c == u"SECRET_TOO_LARGE")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "The key is too large for the system keychain.");
    if (c == u"NOT_FOUND")
        return QCoreApplication::translate(
            "wxpay::ui::CredentialsErrors", "The key was not found in the system keychain: import it again.");
    return QCoreApplication::translate("wxpay::ui::CredentialsErrors", "The keys could not be stored (%1).")
        .arg(error.code.isEmpty() ? errorKindName(error.kind) : error.code);
}

} // namespace wxpay::ui
