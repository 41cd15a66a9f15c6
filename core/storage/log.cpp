#include "storage/log.h"

Q_LOGGING_CATEGORY(lcStorage, "wxpay.storage", QtInfoMsg)
