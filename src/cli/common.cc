#include "cli/common.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

namespace overdue::cli {

std::string today_iso() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buffer[11];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
  return buffer;
}

std::string actor() {
  for (const char* var : {"OVERDUE_USER", "USER", "LOGNAME"}) {
    if (const char* v = std::getenv(var); v && *v) return v;
  }
  return "unknown";
}

CivilDate parse_as_of(const std::string& text) {
  auto d = CivilDate::parse(text.empty() ? today_iso() : text);
  if (!d) throw Failure{"--as-of: " + d.error().message, kExitUsage};
  return d.value();
}

report::Format parse_format_or_fail(const std::string& text) {
  auto f = report::parse_format(text);
  if (!f) throw Failure{"--format: '" + text + "' is not a format (table, text, csv, json)", kExitUsage};
  return *f;
}

Config load_config(const Globals& g) {
  auto config = load_config_for(store::resolve_db_path(g.db), g.config);
  if (!config) throw Failure{config.error().message};
  return config.value();
}

std::unique_ptr<store::Store> open_store(const Globals& g) {
  return store::open_sqlite_store(store::resolve_db_path(g.db));
}

std::unique_ptr<store::Store> open_existing_store(const Globals& g) {
  std::string path = store::resolve_db_path(g.db);
  if (!std::filesystem::exists(path)) {
    throw Failure{"no book at " + path + " (run 'overdue import …' or 'overdue demo' first, or "
                  "pass --db / set OVERDUE_DB)"};
  }
  return open_store(g);
}

int print_result(const Result<std::string>& r) {
  if (!r) throw Failure{r.error().message};
  std::cout << r.value() << "\n";
  return 0;
}

}  // namespace overdue::cli
