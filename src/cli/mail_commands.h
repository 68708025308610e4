// The letter and mail subcommands: draft, outbox …, send, log.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "cli/common.h"

namespace overdue::cli {

void add_mail_commands(CLI::App& app, Globals& globals, std::function<int()>& action);

}  // namespace overdue::cli
