// Money: integer minor units plus an ISO 4217 currency. Never a double; never mixes currencies.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/currency.h"
#include "domain/decimal.h"
#include "domain/result.h"

namespace overdue {

class Money {
 public:
  Money(Currency currency, int64_t minor) : currency_(currency), minor_(minor) {}
  static Money zero(Currency currency) { return Money(currency, 0); }

  // Parses "USD 12,400.50" or "12,400.50 USD": currency code and amount in one field.
  static Result<Money> parse(std::string_view text);
  // Parses a bare amount ("12400.5", "1,250.00") in the given currency. More decimals than the
  // currency allows (e.g. "10.5" JPY) is an error.
  static Result<Money> parse(std::string_view amount, Currency currency);

  const Currency& currency() const { return currency_; }
  int64_t minor() const { return minor_; }
  bool is_zero() const { return minor_ == 0; }
  bool is_negative() const { return minor_ < 0; }

  // Sum or difference; an error when the currencies differ.
  Result<Money> plus(const Money& other) const;
  Result<Money> minus(const Money& other) const;
  Money negated() const { return Money(currency_, -minor_); }

  // "12400.50" (JPY "125000"): the plain decimal used in CSV and JSON.
  std::string plain() const;
  // "12,400.50": grouped for people, without the code.
  std::string grouped() const;
  // "USD 12,400.50".
  std::string str() const;

  friend bool operator==(const Money&, const Money&) = default;

 private:
  Currency currency_;
  int64_t minor_;
};

// quantity × unit price rounded half-even to the currency's minor unit.
int64_t line_amount_minor(Quantity quantity, UnitPrice unit_price, const Currency& currency);

// Formats minor units of a currency as a plain decimal ("10850.00"), grouped if asked.
std::string format_minor(int64_t minor, const Currency& currency, bool grouped = false);

}  // namespace overdue
