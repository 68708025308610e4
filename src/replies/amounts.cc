#include "replies/amounts.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace overdue::replies {
namespace {

// Words and symbols naming a currency, as they appear in normalized text.
constexpr std::array<std::pair<std::string_view, std::string_view>, 38> kCurrencyWords = {{
    {"usd", "USD"},  {"us$", "USD"},  {"$", "USD"},      {"dollars", "USD"}, {"dollar", "USD"},
    {"美金", "USD"}, {"美元", "USD"}, {"eur", "EUR"},    {"€", "EUR"},       {"euros", "EUR"},
    {"euro", "EUR"}, {"欧元", "EUR"}, {"欧", "EUR"},     {"gbp", "GBP"},     {"£", "GBP"},
    {"英镑", "GBP"}, {"cad", "CAD"},  {"c$", "CAD"},     {"加币", "CAD"},    {"加元", "CAD"},
    {"rmb", "CNY"},  {"cny", "CNY"},  {"人民币", "CNY"}, {"hkd", "HKD"},     {"港币", "HKD"},
    {"aed", "AED"},  {"mxn", "MXN"},  {"brl", "BRL"},    {"inr", "INR"},     {"ngn", "NGN"},
    {"sgd", "SGD"},  {"myr", "MYR"},  {"thb", "THB"},    {"twd", "TWD"},     {"新台币", "TWD"},
    {"jpy", "JPY"},  {"pln", "PLN"},  {"chf", "CHF"},
}};

std::string_view currency_code(std::string_view word) {
  for (const auto& [w, code] : kCurrencyWords) {
    if (w == word) return code;
  }
  return {};
}

const std::string& currency_alternation() {
  static const std::string alternation = [] {
    std::string out;
    for (const auto& [w, code] : kCurrencyWords) {
      if (!out.empty()) out += "|";
      out += RE2::QuoteMeta(w);
    }
    return out;
  }();
  return alternation;
}

// Scales a plain decimal by 1000 ("5k") or 10000 ("3万").
std::string scaled(const std::string& plain, int zeros) {
  std::string whole = plain, fraction;
  if (auto dot = plain.find('.'); dot != std::string::npos) {
    whole = plain.substr(0, dot);
    fraction = plain.substr(dot + 1);
  }
  while (zeros-- > 0) {
    whole += fraction.empty() ? '0' : fraction.front();
    if (!fraction.empty()) fraction.erase(0, 1);
  }
  std::size_t nonzero = whole.find_first_not_of('0');
  whole = nonzero == std::string::npos ? "0" : whole.substr(nonzero);
  return fraction.empty() ? whole : whole + "." + fraction;
}

std::optional<Money> to_money(std::string_view number, std::string_view scale,
                              std::string_view currency_word) {
  std::string_view code = currency_code(currency_word);
  if (code.empty()) return std::nullopt;
  auto plain = plain_decimal(number);
  if (!plain) return std::nullopt;
  std::string value = *plain;
  if (scale == "k") value = scaled(value, 3);
  if (scale == "万") value = scaled(value, 4);
  auto currency = Currency::parse(code);
  if (!currency) return std::nullopt;
  auto money = Money::parse(value, *currency);
  if (!money) {  // more decimals than the currency has: round down to its minor unit
    auto dot = value.find('.');
    if (dot == std::string::npos) return std::nullopt;
    value = value.substr(0, dot + 1 + currency->minor_digits());
    if (value.back() == '.') value.pop_back();
    money = Money::parse(value, *currency);
    if (!money) return std::nullopt;
  }
  if (money->is_zero()) return std::nullopt;
  return *money;
}

}  // namespace

std::optional<std::string> plain_decimal(std::string_view written) {
  while (!written.empty() && (written.back() == '-' || written.back() == '/')) {
    written.remove_suffix(1);
  }
  if (written.empty() || !std::isdigit(static_cast<unsigned char>(written.front())) ||
      !std::isdigit(static_cast<unsigned char>(written.back()))) {
    return std::nullopt;
  }
  std::size_t last_dot = written.rfind('.'), last_comma = written.rfind(',');
  auto digits_after = [&](std::size_t at) { return written.size() - at - 1; };
  char decimal = 0;  // 0: no decimal part; separators are thousands
  if (last_dot != std::string_view::npos && last_comma != std::string_view::npos) {
    decimal = last_dot > last_comma ? '.' : ',';
  } else if (last_comma != std::string_view::npos) {
    bool single = written.find(',') == last_comma;
    if (single && digits_after(last_comma) != 3) decimal = ',';  // "8,40"
  } else if (last_dot != std::string_view::npos) {
    bool single = written.find('.') == last_dot;
    if (single && digits_after(last_dot) != 3) decimal = '.';  // "9216.5"; "4.200" is 4200
  }
  std::string out;
  int decimals = -1;
  for (char c : written) {
    if (c >= '0' && c <= '9') {
      out.push_back(c);
      if (decimals >= 0) ++decimals;
    } else if (decimals >= 0) {
      return std::nullopt;  // nothing but digits after the decimal separator
    } else if (c == decimal) {
      out.push_back('.');
      decimals = 0;
    } else if (c != '.' && c != ',') {
      return std::nullopt;
    }
  }
  if (decimals == 0 || decimals > 3) return std::nullopt;
  return out;
}

std::vector<AmountMention> find_amounts(std::string_view text) {
  static const std::string number = "(\\d[\\d.,]*\\d|\\d)(?:/-)?";
  static const RE2 before("(" + currency_alternation() + ") ?" + number + " ?(k|万)?(?:元|块)?");
  static const RE2 after(number + " ?(k|万)? ?(" + currency_alternation() + ")");
  std::vector<AmountMention> found;
  auto scan = [&](const RE2& re, int number_group, int scale_group, int currency_group) {
    re2::StringPiece groups[4];
    std::size_t pos = 0;
    while (pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, groups, 4)) {
      std::size_t begin = groups[0].data() - text.data();
      std::size_t end = begin + groups[0].size();
      pos = end > begin ? end : begin + 1;
      auto view = [&](int g) { return std::string_view(groups[g].data(), groups[g].size()); };
      std::string_view word = view(currency_group);
      bool ascii_word = !word.empty() && word[0] >= 'a' && word[0] <= 'z';
      if (ascii_word && begin > 0 && number_group > currency_group &&
          std::isalnum(static_cast<unsigned char>(text[begin - 1]))) {
        continue;  // "xusd": not a currency code
      }
      if (ascii_word && end < text.size() && std::isalpha(static_cast<unsigned char>(text[end])) &&
          currency_group > number_group) {
        continue;
      }
      auto money = to_money(view(number_group), view(scale_group), word);
      if (!money) continue;
      bool overlaps = false;
      for (const auto& f : found) overlaps |= begin < f.end && f.begin < end;
      if (!overlaps) found.push_back({begin, end, *money});
    }
  };
  scan(before, 2, 3, 1);
  scan(after, 1, 2, 3);
  std::sort(found.begin(), found.end(),
            [](const AmountMention& a, const AmountMention& b) { return a.begin < b.begin; });
  return found;
}

}  // namespace overdue::replies
