#include "sim/reversewindows.h"

#include "sim/jsonutil.h"

#include <QJsonObject>

namespace wxpay::sim {

int ReverseWindows::days(ApiFamily family) const
{
    switch (family) {
    case ApiFamily::V2:
        return v2;
    case ApiFamily::V3:
        return v3;
    case ApiFamily::Global:
        return global;
    case ApiFamily::HkV3:
        return hk;
    }
    return v2;
}

QJsonValue ReverseWindows::toJson() const
{
    return QJsonObject { { QStringLiteral("v2"), v2 }, { QStringLiteral("v3"), v3 },
        { QStringLiteral("global"), global }, { QStringLiteral("hk"), hk } };
}

Result<ReverseWindows> ReverseWindows::fromJson(const QJsonValue& json)
{
    const Error invalid
        = json::stateError(QStringLiteral("settings: reverse_window_days must be a non-negative integer per family"));
    ReverseWindows windows;
    if (json.isUndefined())
        return windows;
    if (json.isDouble()) {
        const int days = json.toInt(-1);
        if (days < 0)
            return invalid;
        windows.v2 = windows.v3 = windows.global = windows.hk = days;
        return windows;
    }
    if (!json.isObject())
        return invalid;
    const QJsonObject object = json.toObject();
    for (auto [name, field] : { std::pair { "v2", &windows.v2 }, std::pair { "v3", &windows.v3 },
             std::pair { "global", &windows.global }, std::pair { "hk", &windows.hk } }) {
        const QJsonValue value = object.value(QLatin1String(name));
        if (value.isUndefined())
            continue;
        if (!value.isDouble() || value.toInt(-1) < 0)
            return invalid;
        *field = value.toInt();
    }
    return windows;
}

} // namespace wxpay::sim
