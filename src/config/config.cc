#include "config/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "config/policy_toml.h"
#include "domain/decimal.h"

namespace overdue {
namespace {

void read_payments(const std::string& path, const toml::table& table, PaymentsConfig& out,
                   std::vector<ConfigProblem>& problems) {
  for (const auto& [key, node] : table) {
    std::string name(key.str());
    if (name == "short_payment_tolerance_percent") {
      std::optional<double> value = node.value<double>();
      if (!value || *value < 0 || *value > 100) {
        problems.push_back(problem_at(path, node,
                                      "payments.short_payment_tolerance_percent must be a number "
                                      "from 0 to 100 (e.g. 0.5)"));
        continue;
      }
      double bp = *value * 100.0;
      if (std::fabs(bp - std::round(bp)) > 1e-9) {
        problems.push_back(problem_at(path, node,
                                      "payments.short_payment_tolerance_percent allows at most "
                                      "two decimal places (e.g. 0.25)"));
        continue;
      }
      out.tolerance_basis_points = static_cast<int64_t>(std::llround(bp));
    } else if (name == "short_payment_tolerance_max") {
      std::optional<std::string> text = node.value_exact<std::string>();
      if (auto i = node.as_integer()) text = std::to_string(i->get());
      auto parsed = text ? parse_scaled(*text, 2) : Result<int64_t>(Error{"not a string"});
      if (!parsed || parsed.value() < 0) {
        problems.push_back(problem_at(path, node,
                                      "payments.short_payment_tolerance_max must be an amount in "
                                      "the invoice's currency, as a string or integer (e.g. "
                                      "\"50.00\")"));
        continue;
      }
      out.tolerance_max_hundredths = parsed.value();
    } else {
      problems.push_back(problem_at(path, node,
                                    "unknown key payments." + name +
                                        " (allowed in [payments]: "
                                        "short_payment_tolerance_percent, "
                                        "short_payment_tolerance_max)"));
    }
  }
}

std::string payments_toml(const PaymentsConfig& payments) {
  return "[payments]\n"
         "# A short payment whose remainder is at most this share of the invoice total ...\n"
         "short_payment_tolerance_percent = " +
         format_scaled(payments.tolerance_basis_points, 2, 1) +
         "\n"
         "# ... and at most this amount in the invoice's currency is closed as bank charges.\n"
         "short_payment_tolerance_max = \"" +
         format_scaled(payments.tolerance_max_hundredths, 2, 2) + "\"\n";
}

}  // namespace

int64_t PaymentsConfig::tolerance_max_minor(const Currency& currency) const {
  int digits = currency.minor_digits();
  if (digits >= 2) return tolerance_max_hundredths * pow10(digits - 2);
  return tolerance_max_hundredths / pow10(2 - digits);
}

Result<Config> parse_config(std::string_view text, const std::string& source) {
  Config config;
  config.source = source;
  config.company.source = source;
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    return Error{source + ":" + std::to_string(e.source().begin.line) + ": " +
                 std::string(e.description())};
  }
  std::vector<ConfigProblem> problems;
  for (const auto& [key, node] : root) {
    std::string name(key.str());
    if (name == "payments") {
      if (const toml::table* table = node.as_table()) {
        read_payments(source, *table, config.payments, problems);
      } else {
        problems.push_back(problem_at(source, node,
                                      "payments must be a table (a [payments] "
                                      "section)"));
      }
    } else if (name == "company" || name == "smtp" || name == "imap" || name == "replies") {
      if (const toml::table* table = node.as_table()) {
        if (name == "company") {
          read_company(source, *table, config.company, problems);
        } else if (name == "smtp") {
          read_smtp(source, *table, config.smtp, problems);
        } else if (name == "imap") {
          read_imap(source, *table, config.imap, problems);
        } else {
          read_replies(source, *table, config.replies, problems);
        }
      } else {
        problems.push_back(problem_at(source, node, name + " must be a table (a [" + name + "] section)"));
      }
    } else if (!is_policy_section(name)) {
      problems.push_back(problem_at(source, node,
                                    "unknown section or key '" + name + "'" +
                                        " (allowed: [payments], [company], [smtp], [imap], [replies], " +
                                        policy_sections_text() + ")"));
    }
  }
  for (auto& p : read_policy(source, root, config.policy)) problems.push_back(std::move(p));
  if (problems.empty()) return config;
  std::stable_sort(problems.begin(), problems.end(),
                   [](const ConfigProblem& a, const ConfigProblem& b) { return a.line < b.line; });
  std::string message;
  for (const auto& p : problems) message += (message.empty() ? "" : "\n") + p.message;
  return Error{message};
}

Result<Config> load_config_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path)) {
    return Error{path + ": cannot open config file"};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), path);
}

Result<Config> load_config_for(const std::string& db_path, const std::string& explicit_path) {
  if (!explicit_path.empty()) return load_config_file(explicit_path);
  std::filesystem::path beside = std::filesystem::absolute(db_path).parent_path() / "overdue.toml";
  if (std::filesystem::exists(beside)) return load_config_file(beside.string());
  return Config{};
}

std::string config_toml(const Config& config) {
  return payments_toml(config.payments) + "\n" + policy_toml(config.policy);
}

std::string default_config_toml() { return config_toml(Config{}); }

}  // namespace overdue
