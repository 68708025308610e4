// The case subcommands of `overdue`: reason, promise, dispute open|resolve, instalments, done and
// case. Each sets `action` in its callback; main() runs it after parsing.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "cli/common.h"

namespace overdue::cli {

// Registers the case subcommands on `app`; their --as-of goes to globals.as_of.
void add_case_commands(CLI::App& app, Globals& globals, std::function<int()>& action);

}  // namespace overdue::cli
