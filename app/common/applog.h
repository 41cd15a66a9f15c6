#pragma once

#include <QLoggingCategory>

// The composition root's logging category (wxpay.app): key names and Request-IDs, never secrets.
Q_DECLARE_LOGGING_CATEGORY(lcApp)
