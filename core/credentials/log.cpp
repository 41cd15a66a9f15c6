#include "credentials/log.h"

Q_LOGGING_CATEGORY(lcCredentials, "wxpay.credentials", QtInfoMsg)
