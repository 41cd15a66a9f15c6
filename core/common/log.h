#pragma once

#include <QLoggingCategory>

// One logging category per module, named wxpay.<module>. Logs carry key names and Request-IDs,
// never secrets, signatures or whole bodies.
Q_DECLARE_LOGGING_CATEGORY(lcCommon)
