// Exact decimals as scaled integers: quantities (3 digits), unit prices (6 digits), money.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace overdue {

constexpr int kQuantityScale = 3;   // quantities carry up to 3 decimals
constexpr int kUnitPriceScale = 6;  // unit prices carry up to 6 decimals

// 10^digits for 0 <= digits <= 18.
int64_t pow10(int digits);

// Parses "12400.5", "-3", "1,250.75" (commas as thousands separators only when allow_grouping)
// into value × 10^scale. More fractional digits than scale is an error, never a silent rounding.
Result<int64_t> parse_scaled(std::string_view text, int scale, bool allow_grouping = false);

// Formats value / 10^scale with at least min_digits and at most scale fractional digits
// (trailing zeros beyond min_digits dropped): (1855000, 6, 2) -> "1.855", (18500000, 6, 2) -> "18.50".
std::string format_scaled(int64_t value, int scale, int min_digits);

// numerator / divisor rounded half to even; divisor > 0.
int64_t divide_half_even(__int128 numerator, int64_t divisor);

// An exact decimal quantity (scale 3) or unit price (scale 6).
struct Quantity {
  int64_t milli = 0;  // quantity × 1000
  friend bool operator==(const Quantity&, const Quantity&) = default;
};
struct UnitPrice {
  int64_t micro = 0;  // price × 1,000,000 in the currency's major unit
  friend bool operator==(const UnitPrice&, const UnitPrice&) = default;
};

}  // namespace overdue
