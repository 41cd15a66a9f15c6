#pragma once

#include <QDateTime>

#include <chrono>

namespace wxpay {

// The source of "now" for signatures, expiry and timestamps; tests and the simulator replace it.
class Clock
{
public:
    virtual ~Clock();
    virtual QDateTime now() const = 0; // always UTC
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

// A clock that moves only when told to: used by tests and by the simulator's time travel.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start);
    QDateTime now() const override;
    void set(QDateTime now);
    void advance(std::chrono::milliseconds by);

private:
    QDateTime m_now;
};

} // namespace wxpay
