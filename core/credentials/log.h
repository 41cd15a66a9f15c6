#pragma once

#include <QLoggingCategory>

// Logs key names and error texts of the keychain, never secret values.
Q_DECLARE_LOGGING_CATEGORY(lcCredentials)
