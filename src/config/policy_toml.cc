#include "config/policy_toml.h"

#include <algorithm>
#include <optional>
#include <sstream>
#include <tuple>

#include "domain/codes.h"
#include "domain/collection.h"
#include "domain/money.h"

namespace overdue {
namespace {

using engine::Policy;
using engine::StepPolicy;

constexpr int kMaxDays = 3660;  // ten years: no policy period is longer

// A whole-number key: its name in its section, the Policy field, the range, and what it means
// (the comment policy_toml writes beside it, also quoted in errors).
struct NumberKey {
  std::string_view name;
  int Policy::*field;
  int min;
  int max;
  std::string_view meaning;
};

// A section holding only whole-number keys.
struct FlatSection {
  std::string_view name;
  std::vector<NumberKey> keys;
};

const std::vector<NumberKey>& ladder_number_keys() {
  static const std::vector<NumberKey> kKeys = {
      {"min_gap_days", &Policy::min_gap_days, 0, kMaxDays,
       "at least this many days between two ladder steps"},
      {"pay_within_days", &Policy::pay_within_days, 1, kMaxDays,
       "a letter asks for payment within this many days of its date"},
  };
  return kKeys;
}

const NumberKey kNoRecoveryDays{"no_recovery_days", &Policy::write_off_no_recovery_days, 1,
                                kMaxDays,
                                "write_off only when nothing was recovered in this many days"};

const std::vector<FlatSection>& flat_sections() {
  static const std::vector<FlatSection> kSections = {
      {"promises",
       {{"grace_days", &Policy::promise_grace_days, 0, kMaxDays,
         "a promise is kept when paid by its date + this many days; otherwise it is broken"}}},
      {"payment_sent",
       {{"pause_days", &Policy::payment_sent_pause_days, 0, kMaxDays,
         "after the buyer says it has paid, wait this many days before chasing again"}}},
      {"stalling",
       {{"interval_days", &Policy::stalling_interval_days, 1, kMaxDays,
         "delay_excuse and awaiting_end_customer are followed up every this many days"},
        {"excuses_before_escalation", &Policy::stalling_excuses_to_escalate, 1, 100,
         "after this many excuses the case goes one stage up"}}},
      {"insurance",
       {{"report_within_days", &Policy::insurance_report_within_days, 1, kMaxDays,
         "report a possible loss within this many days after the due date"},
        {"warning_days", &Policy::insurance_warning_days, 0, kMaxDays,
         "warn this many days before an insurance deadline"},
        {"claim_within_days", &Policy::insurance_claim_within_days, 1, kMaxDays,
         "file the claim within this many days after the report"},
        {"coverage_percent", &Policy::insurance_coverage_percent, 0, 100,
         "the insurer pays this share of an insured loss"},
        {"max_credit_days", &Policy::insurance_max_credit_days, 1, kMaxDays,
         "longest credit period covered, from shipment (else issue) to due date"},
        {"serious_overdue_days", &Policy::insurance_serious_overdue_days, 1, kMaxDays,
         "shipping to a buyer this many days overdue may void the cover"}}},
      {"trusted",
       {{"min_years", &Policy::trusted_min_years, 0, 100,
         "trusted: a customer for at least this many years"},
        {"broken_promise_memory_days", &Policy::trusted_broken_promise_days, 0, kMaxDays,
         "trusted: no promise broken in this many days"},
        {"min_settled_invoices", &Policy::trusted_min_settled, 1, 10000,
         "trusted: at least this many invoices settled in the history window"},
        {"history_days", &Policy::trusted_history_days, 1, kMaxDays,
         "the history window: this many days back from the plan date"},
        {"on_time_percent", &Policy::trusted_on_time_percent, 0, 100,
         "trusted: at least this share of those invoices paid on time"},
        {"on_time_grace_days", &Policy::trusted_on_time_grace_days, 0, kMaxDays,
         "on time: settled by the due date + this many days"},
        {"extra_patience_days", &Policy::trusted_extra_patience_days, 0, kMaxDays,
         "trusted customers get this many more days on ladder stages 1-9"},
        {"max_instalments", &Policy::trusted_max_instalments, 1, 100,
         "trusted customers may be offered at most this many instalments"},
        {"max_instalment_days", &Policy::trusted_max_instalment_days, 1, kMaxDays,
         "trusted customers' instalments span at most this many days"}}},
      {"extension",
       {{"max_days", &Policy::extension_max_days, 1, kMaxDays,
         "customers not trusted may be offered an extension of at most this many days"}}},
  };
  return kSections;
}

bool is_ladder_action(std::string_view name, Action& out) {
  std::optional<Action> action = parse_action(name);
  if (!action) return false;
  const auto& ladder = engine::ladder_actions();
  if (std::find(ladder.begin(), ladder.end(), *action) == ladder.end()) return false;
  out = *action;
  return true;
}

std::string step_days_meaning(Action action) {
  int stage = ladder_stage(action);
  if (stage == 0) return "stage 0: this many days before an invoice falls due (once per invoice)";
  return "stage " + std::to_string(stage) +
         ": when the oldest unpaid invoice is this many days overdue";
}

// What a value is, for "got …" in errors: the TOML text of a scalar, else its kind.
std::string got(const toml::node& node) {
  if (node.is_table()) return "a table";
  if (node.is_array()) return "an array";
  if (const toml::value<std::string>* text = node.as_string()) return "\"" + text->get() + "\"";
  std::ostringstream out;
  node.visit([&](const auto& n) { out << n; });
  return out.str();
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

class PolicyReader {
 public:
  PolicyReader(const std::string& path, Policy& policy) : path_(path), policy_(policy) {}

  void read(const toml::table& root) {
    for (const auto& [k, node] : root) {
      std::string name(k.str());
      if (!is_policy_section(name)) continue;
      const toml::table* table = table_or_problem(node, name);
      if (table == nullptr) continue;
      if (name == "ladder") {
        read_ladder(*table);
      } else if (name == "embassy_assist") {
        read_embassy(*table);
      } else {
        read_flat(name, *table);
      }
    }
    if (problems_.empty()) check(root);
  }

  std::vector<ConfigProblem> problems() && { return std::move(problems_); }

 private:
  void problem(const toml::node& at, const std::string& message) {
    problems_.push_back(problem_at(path_, at, message));
  }

  const toml::table* table_or_problem(const toml::node& node, const std::string& key) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      problem(node, key + " must be a table (a [" + key + "] section), got " + got(node));
    }
    return table;
  }

  void unknown(const toml::node& at, const std::string& key, const std::string& section,
               const std::vector<std::string>& allowed) {
    problem(at, "unknown key " + key + " (allowed in [" + section + "]: " + join(allowed) + ")");
  }

  std::optional<int> read_int(const toml::node& node, const std::string& key, int min, int max,
                              std::string_view meaning) {
    const toml::value<int64_t>* value = node.as_integer();
    if (value == nullptr || value->get() < min || value->get() > max) {
      problem(node, key + " must be a whole number from " + std::to_string(min) + " to " +
                        std::to_string(max) + " (" + std::string(meaning) + "), got " + got(node));
      return std::nullopt;
    }
    return static_cast<int>(value->get());
  }

  void read_number(const toml::node& node, const std::string& key, const NumberKey& spec) {
    if (auto v = read_int(node, key, spec.min, spec.max, spec.meaning)) policy_.*spec.field = *v;
  }

  void read_roles(const toml::node& node, const std::string& key, std::vector<ContactRole>& out) {
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      problem(node, key + " must be an array of contact roles (" + allowed_contact_roles() +
                        "), e.g. [\"buyer\", \"finance\"], got " + got(node));
      return;
    }
    std::vector<ContactRole> roles;
    bool ok = true;
    for (const toml::node& element : *array) {
      std::optional<std::string> text = element.value_exact<std::string>();
      std::optional<ContactRole> role = text ? parse_contact_role(*text) : std::nullopt;
      if (!role) {
        problem(element, key + ": " + got(element) + " is not a contact role (expected one of " +
                             allowed_contact_roles() + ")");
        ok = false;
      } else if (std::find(roles.begin(), roles.end(), *role) != roles.end()) {
        problem(element, key + " lists the role " + *text + " twice");
        ok = false;
      } else {
        roles.push_back(*role);
      }
    }
    if (ok) out = std::move(roles);
  }

  void read_amounts(const toml::node& node, const std::string& key,
                    std::map<std::string, int64_t>& out) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      problem(node, key + " must be a table of amounts per currency (a [" + key +
                        "] section with lines like USD = \"20000.00\"), got " + got(node));
      return;
    }
    for (const auto& [k, amount] : *table) {
      std::string code(k.str());
      std::string full = key + "." + code;
      Result<Currency> currency = Currency::parse(code);
      if (!currency) {
        problem(amount, full + ": " + currency.error().message);
        continue;
      }
      std::optional<std::string> text = amount.value_exact<std::string>();
      if (const toml::value<int64_t>* whole = amount.as_integer()) {
        text = std::to_string(whole->get());
      }
      Result<Money> money = text ? Money::parse(*text, *currency) : Result<Money>(Error{""});
      if (!money || money->is_negative()) {
        int digits = currency->minor_digits();
        std::string decimals =
            digits == 0 ? "no decimals" : "at most " + std::to_string(digits) + " decimals";
        problem(amount, full + " must be an amount in " + code + " as a string, not negative, " +
                            "with " + decimals + " (e.g. \"" +
                            format_minor(20000 * pow10(digits), *currency) + "\"), got " +
                            got(amount));
        continue;
      }
      out[code] = money->minor();
    }
  }

  void read_ladder(const toml::table& table) {
    std::vector<std::string> allowed;
    for (const auto& spec : ladder_number_keys()) allowed.emplace_back(spec.name);
    for (Action a : engine::ladder_actions()) allowed.emplace_back(to_string(a));
    for (const auto& [k, node] : table) {
      std::string name(k.str());
      std::string key = "ladder." + name;
      auto spec = std::find_if(ladder_number_keys().begin(), ladder_number_keys().end(),
                               [&](const NumberKey& s) { return s.name == name; });
      Action action = Action::kReminder;
      if (spec != ladder_number_keys().end()) {
        read_number(node, key, *spec);
      } else if (is_ladder_action(name, action)) {
        if (const toml::table* step = table_or_problem(node, key)) read_step(action, *step, key);
      } else {
        unknown(node, key, "ladder", allowed);
      }
    }
  }

  void read_step(Action action, const toml::table& table, const std::string& section) {
    StepPolicy& step = policy_.ladder[action];
    std::vector<std::string> allowed = {"days", "to", "cc"};
    if (action == Action::kLegalAction) allowed.push_back("min_amount");
    if (action == Action::kWriteOff) allowed.emplace_back(kNoRecoveryDays.name);
    for (const auto& [k, node] : table) {
      std::string name(k.str());
      std::string key = section + "." + name;
      if (name == "days") {
        if (auto v = read_int(node, key, 1, kMaxDays, step_days_meaning(action))) step.days = *v;
      } else if (name == "to") {
        read_roles(node, key, step.to);
      } else if (name == "cc") {
        read_roles(node, key, step.cc);
      } else if (name == "min_amount" && action == Action::kLegalAction) {
        read_amounts(node, key, policy_.legal_min_minor);
      } else if (name == kNoRecoveryDays.name && action == Action::kWriteOff) {
        read_number(node, key, kNoRecoveryDays);
      } else {
        unknown(node, key, section, allowed);
      }
    }
  }

  void read_embassy(const toml::table& table) {
    for (const auto& [k, node] : table) {
      std::string name(k.str());
      if (name == "min_amount") {
        read_amounts(node, "embassy_assist.min_amount", policy_.embassy_min_minor);
      } else {
        unknown(node, "embassy_assist." + name, "embassy_assist", {"min_amount"});
      }
    }
  }

  void read_flat(const std::string& section, const toml::table& table) {
    const auto& sections = flat_sections();
    auto it = std::find_if(sections.begin(), sections.end(),
                           [&](const FlatSection& s) { return s.name == section; });
    std::vector<std::string> allowed;
    for (const auto& spec : it->keys) allowed.emplace_back(spec.name);
    for (const auto& [k, node] : table) {
      std::string name(k.str());
      std::string key = section + "." + name;
      auto spec = std::find_if(it->keys.begin(), it->keys.end(),
                               [&](const NumberKey& s) { return s.name == name; });
      if (spec != it->keys.end()) {
        read_number(node, key, *spec);
      } else {
        unknown(node, key, section, allowed);
      }
    }
  }

  // The node of the first of `paths` the file sets (for the line of a rule between keys).
  const toml::node& first_set(const toml::table& root, std::initializer_list<std::string> paths) {
    for (const auto& path : paths) {
      if (const toml::node* node = root.at_path(path).node()) return *node;
    }
    return root;
  }

  // Rules between keys: stage days increase along the ladder; no role both in to and cc.
  void check(const toml::table& root) {
    const auto& ladder = engine::ladder_actions();
    for (Action later : ladder) {
      int stage = ladder_stage(later);
      if (stage < 2) continue;
      for (Action earlier : ladder) {
        if (ladder_stage(earlier) != stage - 1) continue;
        int before = policy_.step(earlier).days;
        int after = policy_.step(later).days;
        if (before < after) continue;
        std::string later_key = "ladder." + std::string(to_string(later)) + ".days";
        std::string earlier_key = "ladder." + std::string(to_string(earlier)) + ".days";
        problem(first_set(root, {later_key, earlier_key}),
                later_key + " = " + std::to_string(after) + " must be more than " + earlier_key +
                    " = " + std::to_string(before) + " (the days overdue increase along the " +
                    "ladder, stage " + std::to_string(stage - 1) + " before stage " +
                    std::to_string(stage) + ")");
      }
    }
    for (Action action : ladder) {
      const StepPolicy& step = policy_.step(action);
      for (ContactRole role : step.cc) {
        if (std::find(step.to.begin(), step.to.end(), role) == step.to.end()) continue;
        std::string section = "ladder." + std::string(to_string(action));
        problem(first_set(root, {section + ".cc", section + ".to"}),
                section + ": the role " + std::string(to_string(role)) +
                    " is in both to and cc (a role goes in one of them)");
      }
    }
  }

  const std::string& path_;
  Policy& policy_;
  std::vector<ConfigProblem> problems_;
};

// Builds TOML text: table headers, comment lines, and keys whose trailing comments are aligned
// within their table.
class TomlWriter {
 public:
  void table(const std::string& header) {
    flush();
    if (!out_.empty()) out_ += "\n";
    out_ += "[" + header + "]\n";
  }
  void comment(const std::string& text) {
    flush();
    out_ += "# " + text + "\n";
  }
  void key(std::string_view name, const std::string& value, std::string_view meaning) {
    pending_.emplace_back(std::string(name) + " = " + value, std::string(meaning));
  }
  std::string finish() {
    flush();
    return std::move(out_);
  }

 private:
  void flush() {
    size_t width = 0;
    for (const auto& [assignment, meaning] : pending_) width = std::max(width, assignment.size());
    for (const auto& [assignment, meaning] : pending_) {
      out_ += assignment;
      if (!meaning.empty()) {
        out_ += std::string(width - assignment.size() + 2, ' ') + "# " + meaning;
      }
      out_ += "\n";
    }
    pending_.clear();
  }

  std::string out_;
  std::vector<std::pair<std::string, std::string>> pending_;
};

std::string roles_toml(const std::vector<ContactRole>& roles) {
  std::string out;
  for (ContactRole role : roles) {
    out += (out.empty() ? "\"" : ", \"") + std::string(to_string(role)) + "\"";
  }
  return "[" + out + "]";
}

void write_amounts(TomlWriter& w, const std::map<std::string, int64_t>& amounts) {
  for (const auto& [code, minor] : amounts) {
    Result<Currency> currency = Currency::parse(code);
    std::string text = currency ? format_minor(minor, *currency) : std::to_string(minor);
    w.key(code, "\"" + text + "\"", "");
  }
}

void write_flat(TomlWriter& w, const Policy& policy, const FlatSection& section) {
  for (const auto& spec : section.keys) {
    w.key(spec.name, std::to_string(policy.*spec.field), spec.meaning);
  }
}

}  // namespace

bool is_policy_section(std::string_view name) {
  if (name == "ladder" || name == "embassy_assist") return true;
  const auto& sections = flat_sections();
  return std::any_of(sections.begin(), sections.end(),
                     [&](const FlatSection& s) { return s.name == name; });
}

std::string policy_sections_text() {
  std::string out = "[ladder], [embassy_assist]";
  for (const auto& section : flat_sections()) out += ", [" + std::string(section.name) + "]";
  return out;
}

std::vector<ConfigProblem> read_policy(const std::string& path, const toml::table& root,
                                       engine::Policy& policy) {
  PolicyReader reader(path, policy);
  reader.read(root);
  return std::move(reader).problems();
}

std::string policy_toml(const engine::Policy& policy) {
  TomlWriter w;
  w.comment("The collection policy. overdue.toml may set any key below on its own;");
  w.comment("the others keep their built-in defaults.");
  w.comment("Contact roles: " + allowed_contact_roles() + ".");
  w.table("ladder");
  for (const auto& spec : ladder_number_keys()) {
    w.key(spec.name, std::to_string(policy.*spec.field), spec.meaning);
  }
  for (Action action : engine::ladder_actions()) {
    const std::string section = "ladder." + std::string(to_string(action));
    const StepPolicy& step = policy.step(action);
    w.table(section);
    w.key("days", std::to_string(step.days), step_days_meaning(action));
    w.key("to", roles_toml(step.to), "the letter is addressed to these contact roles");
    w.key("cc", roles_toml(step.cc), "the letter is copied to these contact roles");
    if (action == Action::kWriteOff) {
      w.key(kNoRecoveryDays.name, std::to_string(policy.*kNoRecoveryDays.field),
            kNoRecoveryDays.meaning);
    }
    if (action == Action::kLegalAction) {
      w.table(section + ".min_amount");
      w.comment("legal action only when the amount open in a currency is at least this much");
      write_amounts(w, policy.legal_min_minor);
    }
  }
  w.table("embassy_assist.min_amount");
  w.comment("embassy_assist is proposed beside final_notice from this amount open per currency");
  write_amounts(w, policy.embassy_min_minor);
  for (const auto& section : flat_sections()) {
    w.table(std::string(section.name));
    if (section.name == "insurance") {
      w.comment("CHECK THESE AGAINST YOUR OWN CREDIT-INSURANCE POLICY.");
      w.comment("The built-in deadlines and coverage are typical values, not your insurer's");
      w.comment("terms; a missed deadline can void the cover.");
    }
    write_flat(w, policy, section);
  }
  return w.finish();
}

ConfigProblem problem_at(const std::string& path, const toml::node& node, const std::string& message) {
  int64_t line = node.source().begin.line;
  return {line, path + ":" + std::to_string(line) + ": " + message};
}

}  // namespace overdue
