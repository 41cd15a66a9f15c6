#pragma once

#include <QObject>

#include <functional>

namespace wxpay::cli {

// SIGINT and SIGTERM become calls of `handler` on the event loop of `context`'s thread (through a socket pair:
// the only async-signal-safe way to reach it). Each signal calls it once; call once per process.
void installSignalHandler(QObject* context, std::function<void()> handler);

} // namespace wxpay::cli
