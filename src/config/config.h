// overdue.toml: the one config file — [payments], the collection policy ([ladder], …), [company],
// [smtp], [imap] and [replies].
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/currency.h"
#include "domain/result.h"
#include "config/mail_config.h"
#include "engine/policy.h"

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
  engine::Policy policy = engine::Policy::defaults();
  CompanyConfig company;
  SmtpConfig smtp;
  ImapConfig imap;
  RepliesConfig replies;
};

// Reads a config file over the built-in defaults, key by key. Unknown sections or keys and bad
// values are errors "FILE:LINE: message", all of them, one per line, in file order.
Result<Config> load_config_file(const std::string& path);

// Like load_config_file, for config text; `source` names it in error messages.
Result<Config> parse_config(std::string_view text, const std::string& source);

// The config for a database: `explicit_path` if given (must exist), else overdue.toml beside the
// database if present, else built-in defaults.
Result<Config> load_config_for(const std::string& db_path, const std::string& explicit_path);

// The effective config as commented TOML ([payments], then the policy) that parse_config accepts
// back unchanged.
std::string config_toml(const Config& config);

// The built-in defaults as TOML text (for `overdue config show` and documentation).
std::string default_config_toml();

}  // namespace overdue
