#pragma once

#include "common/error.h"

#include <QString>

namespace wxpay::ui {

// One plain sentence for a failed key import or keychain operation (credentials::KeyImport,
// credentials::CredentialStore, credentials::ProfileStore), saying what to do next.
QString explainCredentialsError(const Error& error);

} // namespace wxpay::ui
