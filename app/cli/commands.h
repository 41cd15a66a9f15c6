#pragma once

// The subcommands. Each gets the arguments after its command word, parses them with Cli::parse(), starts its work
// on the event loop and ends with Cli::finish() / Cli::fail().

#include <QStringList>

namespace wxpay::cli {

class Cli;

void runProfile(Cli& cli, const QStringList& arguments);
void runSandbox(Cli& cli, const QStringList& arguments);
void runPay(Cli& cli, const QStringList& arguments);
void runOrder(Cli& cli, const QStringList& arguments);
void runRefund(Cli& cli, const QStringList& arguments);
void runUnionId(Cli& cli, const QStringList& arguments);
void runHistory(Cli& cli, const QStringList& arguments);
void runResume(Cli& cli, const QStringList& arguments);

} // namespace wxpay::cli
