#include "config/config.h"

#include <toml++/toml.h>

#include <cmath>
#include <filesystem>

#include "domain/decimal.h"

namespace overdue {
namespace {

std::string where(const std::string& path, const toml::source_region& region) {
  return path + ":" + std::to_string(region.begin.line);
}

Status read_payments(const std::string& path, const toml::table& table, PaymentsConfig& out) {
  for (const auto& [key, node] : table) {
    std::string name(key.str());
    std::string at = where(path, node.source());
    if (name == "short_payment_tolerance_percent") {
      std::optional<double> value = node.value<double>();
      if (!value || *value < 0 || *value > 100) {
        return Error{at + ": payments.short_payment_tolerance_percent must be a number from 0 to "
                          "100 (e.g. 0.5)"};
      }
      double bp = *value * 100.0;
      if (std::fabs(bp - std::round(bp)) > 1e-9) {
        return Error{at + ": payments.short_payment_tolerance_percent allows at most two "
                          "decimal places (e.g. 0.25)"};
      }
      out.tolerance_basis_points = static_cast<int64_t>(std::llround(bp));
    } else if (name == "short_payment_tolerance_max") {
      std::optional<std::string> text;
      if (auto s = node.value<std::string>()) text = *s;
      if (auto i = node.as_integer()) text = std::to_string(i->get());
      auto parsed = text ? parse_scaled(*text, 2) : Result<int64_t>(Error{"not a string"});
      if (!parsed || parsed.value() < 0) {
        return Error{at + ": payments.short_payment_tolerance_max must be an amount in the "
                          "invoice's currency, as a string or integer (e.g. \"50.00\")"};
      }
      out.tolerance_max_hundredths = parsed.value();
    } else {
      return Error{at + ": unknown key payments." + name +
                   " (allowed: short_payment_tolerance_percent, short_payment_tolerance_max)"};
    }
  }
  return Status::Ok();
}

}  // namespace

int64_t PaymentsConfig::tolerance_max_minor(const Currency& currency) const {
  int digits = currency.minor_digits();
  if (digits >= 2) return tolerance_max_hundredths * pow10(digits - 2);
  return tolerance_max_hundredths / pow10(2 - digits);
}

Result<Config> load_config_file(const std::string& path) {
  Config config;
  config.source = path;
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    if (!std::filesystem::exists(path)) return Error{path + ": cannot open config file"};
    return Error{where(path, e.source()) + ": " + std::string(e.description())};
  }
  for (const auto& [key, node] : root) {
    std::string name(key.str());
    if (name == "payments" && node.is_table()) {
      Status status = read_payments(path, *node.as_table(), config.payments);
      if (!status) return Error{status.message()};
    } else {
      return Error{where(path, node.source()) + ": unknown section or key '" + name +
                   "' (allowed: [payments])"};
    }
  }
  return config;
}

Result<Config> load_config_for(const std::string& db_path, const std::string& explicit_path) {
  if (!explicit_path.empty()) return load_config_file(explicit_path);
  std::filesystem::path beside =
      std::filesystem::absolute(db_path).parent_path() / "overdue.toml";
  if (std::filesystem::exists(beside)) return load_config_file(beside.string());
  return Config{};
}

std::string default_config_toml() {
  return "[payments]\n"
         "# A short payment whose remainder is at most this share of the invoice total ...\n"
         "short_payment_tolerance_percent = 0.5\n"
         "# ... and at most this amount in the invoice's currency is closed as bank charges.\n"
         "short_payment_tolerance_max = \"50.00\"\n";
}

}  // namespace overdue
