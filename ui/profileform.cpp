#include "profileform.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace wxpay::ui {

using credentials::MerchantProfile;

namespace {

// validateProfile()'s length limits, to tell which field FIELD_TOO_LONG is about.
constexpr qsizetype kMaxDisplayName = 100;
constexpr qsizetype kMaxDeviceId = 32;

bool isUrlCode(const QString& code)
{
    return code == u"INVALID_URL" || code == u"INSECURE_URL" || code == u"NOTIFY_URL_QUERY";
}

std::optional<ProfileField> fieldFor(const Error& error, const MerchantProfile& p)
{
    const QString& c = error.code;
    if (c == u"INVALID_PROFILE_ID")
        return ProfileField::Id;
    if (c == u"DISPLAY_NAME_EMPTY")
        return ProfileField::DisplayName;
    if (c == u"FIELD_TOO_LONG") {
        if (p.displayName.size() > kMaxDisplayName)
            return ProfileField::DisplayName;
        return p.deviceId.size() > kMaxDeviceId ? ProfileField::DeviceId : ProfileField::StoreId;
    }
    if (c == u"INVALID_MCHID")
        return ProfileField::Mchid;
    if (c == u"INVALID_APPID")
        return ProfileField::Appid;
    if (c == u"INVALID_SUB_MCHID")
        return ProfileField::SubMchid;
    if (c == u"INVALID_SUB_APPID")
        return ProfileField::SubAppid;
    if (c == u"INVALID_SERIAL")
        return ProfileField::MerchantSerial;
    if (c == u"INVALID_PLATFORM_SERIAL")
        return ProfileField::PlatformSerials;
    if (c == u"INVALID_PUBLIC_KEY_ID")
        return ProfileField::PublicKeyId;
    if (isUrlCode(c)) {
        // The base URL is checked before the notify URL: the error is the base URL's if it stays without the latter.
        MerchantProfile withoutNotify = p;
        withoutNotify.notifyUrl = QUrl();
        const Status again = credentials::validateProfile(withoutNotify);
        return !again && isUrlCode(again.error().code) ? ProfileField::BaseUrl : ProfileField::NotifyUrl;
    }
    if (c == u"CURRENCY_INVALID")
        return ProfileField::Currency;
    if (c == u"INVALID_MINIPROGRAM_APPID")
        return ProfileField::MiniProgramAppid;
    return std::nullopt;
}

// Sets `field` to a value validateProfile() accepts, so the next check finds the next problem.
void neutralise(MerchantProfile& p, ProfileField field)
{
    switch (field) {
    case ProfileField::Id:
        p.id = QStringLiteral("profile");
        break;
    case ProfileField::DisplayName:
        p.displayName = QStringLiteral("profile");
        break;
    case ProfileField::Mchid:
        p.mchid = QStringLiteral("100000");
        break;
    case ProfileField::Appid:
        p.appid = QStringLiteral("wx0000000000000000");
        break;
    case ProfileField::SubMchid:
        // Not emptied: a sub_appid needs a sub_mchid, and that is not the sub_appid's fault.
        p.subMchid = QStringLiteral("100000");
        break;
    case ProfileField::SubAppid:
        p.subAppid.clear();
        break;
    case ProfileField::MerchantSerial:
        p.merchantCertificateSerial.clear();
        break;
    case ProfileField::PlatformSerials:
        p.platformSerials.clear();
        break;
    case ProfileField::PublicKeyId:
        p.publicKeyId.clear();
        break;
    case ProfileField::BaseUrl:
        p.baseUrlOverride = QUrl();
        break;
    case ProfileField::NotifyUrl:
        p.notifyUrl = QUrl();
        break;
    case ProfileField::Currency:
        p.defaultCurrency = QStringLiteral("CNY");
        break;
    case ProfileField::DeviceId:
        p.deviceId.clear();
        break;
    case ProfileField::StoreId:
        p.storeId.clear();
        break;
    case ProfileField::MiniProgramAppid:
        p.miniProgramAppid.clear();
        break;
    }
}

} // namespace

QList<FieldProblem> profileProblems(const MerchantProfile& profile)
{
    QList<FieldProblem> problems;
    MerchantProfile p = profile;
    // Each round fixes one field, so there can be no more rounds than fields.
    for (int round = 0; round <= static_cast<int>(ProfileField::MiniProgramAppid); ++round) {
        const Status valid = credentials::validateProfile(p);
        if (valid)
            break;
        const Error& error = valid.error();
        const std::optional<ProfileField> field = fieldFor(error, p);
        QString code = error.code;
        if (field == ProfileField::SubAppid && p.subMchid.isEmpty() && credentials::isValidAppid(p.subAppid))
            code = QStringLiteral("SUB_APPID_NEEDS_SUB_MCHID");
        problems << FieldProblem { field, code, error.message };
        if (!field)
            break;
        neutralise(p, *field);
    }
    std::stable_sort(problems.begin(), problems.end(), [](const FieldProblem& a, const FieldProblem& b) {
        return a.field.value_or(ProfileField::MiniProgramAppid) < b.field.value_or(ProfileField::MiniProgramAppid);
    });
    return problems;
}

QString fieldProblemText(const FieldProblem& problem)
{
    const QString& c = problem.code;
    if (c == u"PROFILE_EXISTS")
        return QCoreApplication::translate("wxpay::ui::ProfileForm", "A profile with this ID exists already");
    if (c == u"SUB_APPID_NEEDS_SUB_MCHID")
        return QCoreApplication::translate("wxpay::ui::ProfileForm", "Fill in the sub-merchant ID first");
    if (c == u"FIELD_TOO_LONG")
        return problem.field == ProfileField::DisplayName
            ? QCoreApplication::translate("wxpay::ui::ProfileForm", "At most 100 characters")
            : QCoreApplication::translate("wxpay::ui::ProfileForm", "At most 32 characters");
    if (c == u"INSECURE_URL")
        return QCoreApplication::translate(
            "wxpay::ui::ProfileForm", "Use https:// (plain http:// only for this computer)");
    if (c == u"NOTIFY_URL_QUERY")
        return QCoreApplication::translate("wxpay::ui::ProfileForm", "The address must not contain a '?' part");
    if (c == u"INVALID_URL")
        return QCoreApplication::translate("wxpay::ui::ProfileForm", "Enter a full address starting with https://");
    if (!problem.field)
        return QCoreApplication::translate("wxpay::ui::ProfileForm", "This profile cannot be saved: %1")
            .arg(problem.message);
    switch (*problem.field) {
    case ProfileField::Id:
        return QCoreApplication::translate("wxpay::ui::ProfileForm", "Use 1 to 64 lower-case letters, digits, - or _");
    case ProfileField::DisplayName:
        return QCoreApplication::translate(
            "wxpay::ui::ProfileForm", "Give the profile a name, such as the shop's name");
    case ProfileField::Mchid:
        return QCoreApplication::translate("wxpay::ui::ProfileForm", "The merchant ID is 6 to 20 digits");
    case ProfileField::Appid:
    case ProfileField::SubAppid:
    case ProfileField::MiniProgramAppid:
        return QCoreApplication::translate(
            "wxpay::ui::ProfileForm", "An AppID is \"wx\" followed by 16 letters or digits");
    case ProfileField::SubMchid:
        return QCoreApplication::translate("wxpay::ui::ProfileForm", "The sub-merchant ID is 6 to 20 digits");
    case ProfileField::MerchantSerial:
    case ProfileField::PlatformSerials:
        return QCoreApplication::translate(
            "wxpay::ui::ProfileForm", "A certificate serial is made of the digits 0-9 and the letters A-F");
    case ProfileField::PublicKeyId:
        return QCoreApplication::translate(
            "wxpay::ui::ProfileForm", "The public key ID looks like PUB_KEY_ID_0112345678");
    case ProfileField::Currency:
        return QCoreApplication::translate(
            "wxpay::ui::ProfileForm", "Use a three-letter currency code such as CNY or HKD");
    case ProfileField::BaseUrl:
    case ProfileField::NotifyUrl:
        return QCoreApplication::translate("wxpay::ui::ProfileForm", "Enter a full address starting with https://");
    case ProfileField::DeviceId:
    case ProfileField::StoreId:
        return QCoreApplication::translate("wxpay::ui::ProfileForm", "At most 32 characters");
    }
    return {};
}

QString suggestProfileId(const QString& mchid, const QStringList& existing)
{
    const QString base = credentials::isValidMchid(mchid) ? u"mch-" + mchid : QStringLiteral("profile");
    QString id = base;
    for (int n = 2; existing.contains(id); ++n)
        id = base + u'-' + QString::number(n);
    return id;
}

QStringList splitSerials(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;，；]+"));
    return text.toUpper().split(separators, Qt::SkipEmptyParts);
}

} // namespace wxpay::ui
