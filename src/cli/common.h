// What every `overdue` subcommand shares: global options, --as-of, the book, failures.
#pragma once

#include <memory>
#include <string>

#include "config/config.h"
#include "domain/civil_date.h"
#include "report/format.h"
#include "store/store.h"

namespace overdue::cli {

constexpr int kExitUsage = 2;
constexpr int kExitFailure = 1;

// Options given before the subcommand, and --as-of given after it.
struct Globals {
  std::string db;
  std::string config;
  std::string as_of;
};

// Thrown by a command; main() prints "overdue: message" and exits with `code`.
struct Failure {
  std::string message;
  int code = kExitFailure;
};

// The one place the program reads the wall clock: today's date, the default for --as-of.
std::string today_iso();
// Who is acting, for the journal: $OVERDUE_USER, else $USER, else $LOGNAME.
std::string actor();
// --as-of (default today); a bad date is a usage failure.
CivilDate parse_as_of(const std::string& text);
report::Format parse_format_or_fail(const std::string& text);
// The config for the book (see load_config_for); a bad file is a failure.
Config load_config(const Globals& g);
// Opens the book, creating it if needed.
std::unique_ptr<store::Store> open_store(const Globals& g);
// Opens an existing book; a missing file is a failure, not a new empty book.
std::unique_ptr<store::Store> open_existing_store(const Globals& g);
// Prints a command's one-line result, or throws its error as a Failure.
int print_result(const Result<std::string>& r);

}  // namespace overdue::cli
