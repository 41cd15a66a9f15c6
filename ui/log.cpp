#include "log.h"

Q_LOGGING_CATEGORY(lcUi, "wxpay.ui", QtInfoMsg)
