#pragma once

// Business error codes in both spellings, for the "business=CODE" fault: APIv2 writes err_code without
// separators (NOTENOUGH), APIv3 / Global / HK write the code with underscores (NOT_ENOUGH) and carry an HTTP
// status. The statuses follow protocol.md 3.5 (400 INVALID_REQUEST / PARAM_ERROR, 401 SIGN_ERROR, 403 NO_AUTH /
// NOT_ENOUGH / TRADE_ERROR, 404 ORDER_NOT_EXIST / RESOURCE_NOT_EXISTS, 429 FREQUENCY_LIMITED, 500 SYSTEM_ERROR);
// 429 for FREQUENCY_LIMITED is what the document expects but has not confirmed.

#include <QString>
#include <QStringView>

namespace wxpay::sim {

struct BusinessCode
{
    QString v2; // err_code spelling, e.g. NOTENOUGH
    QString v3; // code spelling, e.g. NOT_ENOUGH
    int status = 400; // the v3 HTTP status
    QString message; // err_code_des / message
};

// The code in either spelling. A code the table does not know keeps its spelling in both families, with
// status 400 and a generic message: a test may name any code WeChat might send.
BusinessCode businessCode(QStringView code);

} // namespace wxpay::sim
