// `overdue policy show`: the config file in force and the effective collection policy.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

#include "cli/common.h"

namespace overdue::cli {

// Registers `policy show` on `app`; its callback sets `action` to the command to run.
void add_policy_command(CLI::App& app, Globals& globals, std::function<int()>& action);

}  // namespace overdue::cli
