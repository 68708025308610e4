// `overdue plan` and `overdue tasks`: the playbook's next step for every customer.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

#include "cli/common.h"

namespace overdue::cli {

void add_plan_commands(CLI::App& app, Globals& globals, std::function<int()>& action);

}  // namespace overdue::cli
