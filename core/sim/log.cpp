#include "sim/log.h"

Q_LOGGING_CATEGORY(lcSim, "wxpay.sim", QtInfoMsg)
