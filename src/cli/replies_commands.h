// `overdue replies …`: buyers' mail in — ingest files, fetch over IMAP, list, show, assign,
// review, accept-contact.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "cli/common.h"

namespace overdue::cli {

void add_replies_commands(CLI::App& app, Globals& globals, std::function<int()>& action,
                          const char* argv0);

}  // namespace overdue::cli
