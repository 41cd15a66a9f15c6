#include "workflows/log.h"

Q_LOGGING_CATEGORY(lcWorkflows, "wxpay.workflows", QtInfoMsg)
