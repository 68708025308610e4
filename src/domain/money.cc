#include "domain/money.h"

#include <cctype>

namespace overdue {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool is_code(std::string_view s) {
  return s.size() == 3 && std::isupper(static_cast<unsigned char>(s[0])) &&
         std::isupper(static_cast<unsigned char>(s[1])) &&
         std::isupper(static_cast<unsigned char>(s[2]));
}

}  // namespace

Result<Money> Money::parse(std::string_view text) {
  std::string_view t = trim(text);
  size_t space = t.find(' ');
  if (space == std::string_view::npos) {
    return Error{"'" + std::string(text) + "' is not an amount with currency (expected e.g. 'USD 12,400.50')"};
  }
  std::string_view first = t.substr(0, space);
  std::string_view second = trim(t.substr(space + 1));
  std::string_view code = is_code(first) ? first : second;
  std::string_view amount = is_code(first) ? second : first;
  if (!is_code(code)) {
    return Error{"'" + std::string(text) + "' is not an amount with currency (expected e.g. 'USD 12,400.50')"};
  }
  auto currency = Currency::parse(code);
  if (!currency) return currency.error();
  return parse(amount, currency.value());
}

Result<Money> Money::parse(std::string_view amount, Currency currency) {
  auto minor = parse_scaled(trim(amount), currency.minor_digits(), /*allow_grouping=*/true);
  if (!minor) {
    return Error{minor.error().message + " for " + currency.str() + " (which has " +
                 std::to_string(currency.minor_digits()) + " decimal places)"};
  }
  return Money(currency, minor.value());
}

Result<Money> Money::plus(const Money& other) const {
  if (!(currency_ == other.currency_)) {
    return Error{"cannot add " + other.str() + " to " + str() + ": different currencies"};
  }
  return Money(currency_, minor_ + other.minor_);
}

Result<Money> Money::minus(const Money& other) const {
  if (!(currency_ == other.currency_)) {
    return Error{"cannot subtract " + other.str() + " from " + str() + ": different currencies"};
  }
  return Money(currency_, minor_ - other.minor_);
}

std::string format_minor(int64_t minor, const Currency& currency, bool grouped) {
  int digits = currency.minor_digits();
  std::string plain = format_scaled(minor, digits, digits);
  if (!grouped) return plain;
  size_t start = plain[0] == '-' ? 1 : 0;
  size_t dot = plain.find('.');
  size_t end = dot == std::string::npos ? plain.size() : dot;
  std::string out = plain.substr(0, start);
  for (size_t i = start; i < end; ++i) {
    out += plain[i];
    size_t remaining = end - i - 1;
    if (remaining > 0 && remaining % 3 == 0) out += ',';
  }
  out += plain.substr(end);
  return out;
}

std::string Money::plain() const { return format_minor(minor_, currency_); }
std::string Money::grouped() const { return format_minor(minor_, currency_, true); }
std::string Money::str() const { return currency_.str() + " " + grouped(); }

int64_t line_amount_minor(Quantity quantity, UnitPrice unit_price, const Currency& currency) {
  __int128 product = static_cast<__int128>(quantity.milli) * unit_price.micro;  // × 10^9
  int shift = kQuantityScale + kUnitPriceScale - currency.minor_digits();
  return divide_half_even(product, pow10(shift));
}

}  // namespace overdue
