#pragma once

// The merchant profile form's rules, as pure functions: which fields validateProfile() refuses (all of them at
// once, not only the first), what to tell the operator at each, and small conveniences of the form.

#include "credentials/merchantprofile.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace wxpay::ui {

enum class ProfileField
{
    Id,
    DisplayName,
    Mchid,
    Appid,
    SubMchid,
    SubAppid,
    MerchantSerial,
    PlatformSerials,
    PublicKeyId,
    BaseUrl,
    NotifyUrl,
    Currency,
    DeviceId,
    StoreId,
    MiniProgramAppid,
};

struct FieldProblem
{
    std::optional<ProfileField> field; // empty for a problem no field of the form explains
    QString code; // validateProfile()'s code, or SUB_APPID_NEEDS_SUB_MCHID / PROFILE_EXISTS
    QString message; // the English log text of the error

    friend bool operator==(const FieldProblem&, const FieldProblem&) = default;
};

// Every problem validateProfile() finds, one per field, in the form's order. Empty when the profile is valid.
// validateProfile() stays the only judge: each refused field is set to an accepted value and the check repeated.
QList<FieldProblem> profileProblems(const credentials::MerchantProfile& profile);

// The sentence shown under the field.
QString fieldProblemText(const FieldProblem& problem);

// An id for a new profile, made from the merchant id ("mch-1900009191"), unique among `existing`.
QString suggestProfileId(const QString& mchid, const QStringList& existing);

// "a1b2, C3D4  E5" -> {"A1B2", "C3D4", "E5"}: serials as pasted, upper-cased, split on commas and white space.
QStringList splitSerials(const QString& text);

} // namespace wxpay::ui
