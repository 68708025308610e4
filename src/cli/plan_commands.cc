#include "cli/plan_commands.h"

#include <unistd.h>

#include <iostream>
#include <map>

#include "app/plan_loader.h"
#include "report/plan_report.h"

namespace overdue::cli {
namespace {

struct PlanOptions {
  std::string customer;
  bool all = false;
  std::string format = "table";
};

std::map<std::string, std::string> names_of(store::Store& s) {
  std::map<std::string, std::string> names;
  for (auto& c : s.customers()) names.emplace(c.id, c.name);
  return names;
}

int run_plan(const Globals& g, const PlanOptions& o, bool tasks_only) {
  CivilDate as_of = parse_as_of(g.as_of);
  report::Format format = parse_format_or_fail(o.format);
  Config config = load_config(g);
  auto s = open_existing_store(g);
  if (!o.customer.empty() && !s->find_customer(o.customer)) {
    throw Failure{"unknown customer '" + o.customer + "'"};
  }
  auto entries = app::plan_book(*s, config.policy, as_of, o.customer, o.all && !tasks_only);
  auto names = names_of(*s);
  if (tasks_only) {
    std::cout << report::render_tasks(entries, names, as_of, format);
  } else {
    std::cout << report::render_plan(entries, names, as_of, format, isatty(STDOUT_FILENO) == 1);
  }
  return 0;
}

}  // namespace

void add_plan_commands(CLI::App& app, Globals& g, std::function<int()>& action) {
  static PlanOptions options;
  auto* plan = app.add_subcommand(
      "plan",
      "the next collection step for every customer with something to do: why they are late, "
      "what to do, to whom, by when, and why (never writes to the book)");
  plan->add_option("--as-of", g.as_of, "plan date, YYYY-MM-DD (default: today)");
  plan->add_option("--customer", options.customer, "only this customer");
  plan->add_flag("--all", options.all, "also list customers who are waiting (promise, pause)");
  plan->add_option("--format", options.format, "table (default) or json (docs/json.md)");
  plan->callback([&] { action = [&] { return run_plan(g, options, false); }; });

  auto* tasks = app.add_subcommand(
      "tasks", "the plan's non-letter actions (calls, insurer reports, claims, hand-overs) as a "
               "to-do list");
  tasks->add_option("--as-of", g.as_of, "plan date, YYYY-MM-DD (default: today)");
  tasks->add_option("--customer", options.customer, "only this customer");
  tasks->add_option("--format", options.format, "text (default) or json");
  tasks->callback([&] { action = [&] { return run_plan(g, options, true); }; });
}

}  // namespace overdue::cli
