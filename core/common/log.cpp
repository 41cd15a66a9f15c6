#include "common/log.h"

Q_LOGGING_CATEGORY(lcCommon, "wxpay.common", QtInfoMsg)
