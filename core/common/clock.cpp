#include "common/clock.h"

namespace wxpay {

Clock::~Clock() = default;

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

ManualClock::ManualClock(QDateTime start) : m_now(start.toUTC())
{ }

QDateTime ManualClock::now() const
{
    return m_now;
}

void ManualClock::set(QDateTime now)
{
    m_now = now.toUTC();
}

void ManualClock::advance(std::chrono::milliseconds by)
{
    m_now = m_now.addMSecs(by.count());
}

} // namespace wxpay
