// The collection policy in overdue.toml: its sections read key by key over the built-in
// defaults, and the effective policy written back as commented TOML.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/policy.h"

namespace overdue {

// One problem in a config file: its line and the full "FILE:LINE: message" text.
struct ConfigProblem {
  int64_t line = 0;
  std::string message;
};

// A problem at a TOML node: "PATH:LINE: message".
ConfigProblem problem_at(const std::string& path, const toml::node& node, const std::string& message);

// True for the top-level sections the policy owns (ladder, embassy_assist, promises, …).
bool is_policy_section(std::string_view name);

// The policy sections, comma-separated, for error messages: "[ladder], [embassy_assist], …".
std::string policy_sections_text();

// Applies the policy sections of a parsed config file (`path` names it) over `policy`, key by
// key, then checks the rules between keys. Returns one problem per unknown key or bad value;
// a key with a problem keeps its previous value. Never looks at other top-level sections.
std::vector<ConfigProblem> read_policy(const std::string& path, const toml::table& root,
                                       engine::Policy& policy);

// The policy as TOML that read_policy accepts back unchanged, a one-line comment per key.
std::string policy_toml(const engine::Policy& policy);

}  // namespace overdue
