// overdue.toml: the one config file (policy, [company], [smtp], [imap] come with later issues).
#pragma once

#include <cstdint>
#include <string>

#include "domain/currency.h"
#include "domain/result.h"

namespace overdue {

// Short payments within the tolerance are closed as bank charges when a payment is allocated.
struct PaymentsConfig {
  int64_t tolerance_basis_points = 50;  // 0.5% of the invoice total
  int64_t tolerance_max_hundredths = 5000;  // 50.00 in the invoice's currency
  // The tolerance cap in minor units of a currency (50.00 -> 5000 USD cents, 50 JPY, 50000 KWD fils).
  int64_t tolerance_max_minor(const Currency& currency) const;
};

struct Config {
  std::string source;  // file it was read from; empty for built-in defaults
  PaymentsConfig payments;
};

// Reads a config file. Unknown sections or keys and bad values are errors "FILE:LINE: message".
Result<Config> load_config_file(const std::string& path);

// The config for a database: `explicit_path` if given (must exist), else overdue.toml beside the
// database if present, else built-in defaults.
Result<Config> load_config_for(const std::string& db_path, const std::string& explicit_path);

// The built-in defaults as TOML text (for `overdue config show` and documentation).
std::string default_config_toml();

}  // namespace overdue
