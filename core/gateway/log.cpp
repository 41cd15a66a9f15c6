#include "gateway/log.h"

Q_LOGGING_CATEGORY(lcGateway, "wxpay.gateway", QtInfoMsg)
