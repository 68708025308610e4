#include "cli/policy_command.h"

#include <iostream>

#include "config/config.h"

namespace overdue::cli {
namespace {

int run_policy_show(const Globals& g) {
  if (!g.as_of.empty()) parse_as_of(g.as_of);  // accepted like everywhere; the policy is dateless
  Config config = load_config(g);
  if (config.source.empty()) {
    std::cout << "# config: built-in defaults (no overdue.toml beside the book, no --config)\n";
  } else {
    std::cout << "# config: " << config.source << " (keys it does not set keep the defaults)\n";
  }
  std::cout << "\n" << config_toml(config);
  return 0;
}

}  // namespace

void add_policy_command(CLI::App& app, Globals& g, std::function<int()>& action) {
  auto* policy = app.add_subcommand("policy", "the collection policy in force");
  policy->require_subcommand(1);
  auto* show = policy->add_subcommand(
      "show",
      "print the config file in force and the effective policy as TOML (built-in defaults "
      "overridden key by key by overdue.toml beside the book, or --config FILE)");
  show->add_option("--as-of", g.as_of, "accepted as on every command; the policy has no date");
  show->callback([&] { action = [&] { return run_policy_show(g); }; });
}

}  // namespace overdue::cli
