#include "domain/decimal.h"

#include <limits>

namespace overdue {

int64_t pow10(int digits) {
  int64_t p = 1;
  for (int i = 0; i < digits; ++i) p *= 10;
  return p;
}

Result<int64_t> parse_scaled(std::string_view text, int scale, bool allow_grouping) {
  auto fail = [&](const std::string& why) -> Result<int64_t> {
    return Error{"'" + std::string(text) + "' is not a valid number: " + why};
  };
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  __int128 whole = 0;
  int int_digits = 0;
  int group_digits = -1;  // digits since last comma; -1 before any comma
  for (; i < text.size() && text[i] != '.'; ++i) {
    char c = text[i];
    if (c == ',' && allow_grouping) {
      if (int_digits == 0 || (group_digits != -1 && group_digits != 3) ||
          (group_digits == -1 && int_digits > 3)) {
        return fail("misplaced thousands separator");
      }
      group_digits = 0;
      continue;
    }
    if (c < '0' || c > '9') return fail(std::string("unexpected character '") + c + "'");
    whole = whole * 10 + (c - '0');
    if (whole > std::numeric_limits<int64_t>::max()) return fail("too large");
    ++int_digits;
    if (group_digits != -1) ++group_digits;
  }
  if (group_digits != -1 && group_digits != 3) return fail("misplaced thousands separator");
  int64_t frac = 0;
  int frac_digits = 0;
  if (i < text.size()) {  // at '.'
    ++i;
    for (; i < text.size(); ++i) {
      char c = text[i];
      if (c < '0' || c > '9') return fail(std::string("unexpected character '") + c + "'");
      if (frac_digits == scale) {
        return fail("more than " + std::to_string(scale) + " decimal places");
      }
      frac = frac * 10 + (c - '0');
      ++frac_digits;
    }
    if (frac_digits == 0 && int_digits == 0) return fail("no digits");
  }
  if (int_digits == 0 && frac_digits == 0) return fail("no digits");
  __int128 value = whole * pow10(scale) + static_cast<__int128>(frac) * pow10(scale - frac_digits);
  if (value > std::numeric_limits<int64_t>::max()) return fail("too large");
  return static_cast<int64_t>(negative ? -value : value);
}

std::string format_scaled(int64_t value, int scale, int min_digits) {
  bool negative = value < 0;
  unsigned __int128 magnitude =
      negative ? static_cast<unsigned __int128>(-static_cast<__int128>(value)) : value;
  uint64_t unit = static_cast<uint64_t>(pow10(scale));
  uint64_t whole = static_cast<uint64_t>(magnitude / unit);
  uint64_t frac = static_cast<uint64_t>(magnitude % unit);
  std::string frac_text;
  if (scale > 0) {
    frac_text = std::to_string(frac);
    frac_text.insert(0, static_cast<size_t>(scale) - frac_text.size(), '0');
    while (static_cast<int>(frac_text.size()) > min_digits && frac_text.back() == '0') {
      frac_text.pop_back();
    }
  }
  std::string out = negative ? "-" : "";
  out += std::to_string(whole);
  if (!frac_text.empty()) out += "." + frac_text;
  return out;
}

int64_t divide_half_even(__int128 numerator, int64_t divisor) {
  __int128 q = numerator / divisor;
  __int128 r = numerator % divisor;
  if (r < 0) r = -r;
  __int128 twice = r * 2;
  bool away = twice > divisor || (twice == divisor && (q % 2 != 0));
  if (away) q += numerator < 0 ? -1 : 1;
  return static_cast<int64_t>(q);
}

}  // namespace overdue
