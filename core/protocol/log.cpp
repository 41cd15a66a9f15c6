#include "protocol/log.h"

Q_LOGGING_CATEGORY(lcProtocol, "wxpay.protocol", QtInfoMsg)
