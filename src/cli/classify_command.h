// `overdue classify`: why a buyer is late, and what they promise, read from their reply.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace overdue::cli {

// Registers `overdue classify` on the app; when it is the chosen subcommand, sets `action`.
void add_classify_command(CLI::App& app, std::function<int()>& action, const char* argv0);

}  // namespace overdue::cli
