#include "crypto/log.h"

Q_LOGGING_CATEGORY(lcCrypto, "wxpay.crypto", QtInfoMsg)
