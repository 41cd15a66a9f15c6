#pragma once

#include <QLoggingCategory>

// Storage logs paths, schema versions, error codes and driver messages; never row contents.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
