// ISO 4217 currencies and their minor-unit digits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace overdue {

// An ISO 4217 alphabetic code known to overdue, with its minor-unit digits (JPY 0, KWD 3, USD 2).
class Currency {
 public:
  // Parses an upper-case three-letter ISO 4217 code; unknown codes are an error.
  static Result<Currency> parse(std::string_view code);
  // Like parse, but throws DomainError.
  static Currency of(std::string_view code);

  std::string_view code() const { return std::string_view(code_, 3); }
  std::string str() const { return std::string(code()); }
  int minor_digits() const { return minor_digits_; }
  // 10^minor_digits: minor units per major unit.
  int64_t minor_per_major() const;

  friend bool operator==(const Currency& a, const Currency& b) {
    return a.code() == b.code();
  }
  friend auto operator<=>(const Currency& a, const Currency& b) { return a.code() <=> b.code(); }

 private:
  Currency(std::string_view code, int digits);
  char code_[3];
  int minor_digits_;
};

}  // namespace overdue
