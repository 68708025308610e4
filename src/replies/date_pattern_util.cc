#include "replies/date_pattern_util.h"

#include <array>

namespace overdue::replies {
namespace {

constexpr std::array<std::string_view, 20> kSmall = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 5> kTens = {"twenty", "thirty", "forty", "fifty", "sixty"};

}  // namespace

long parse_digits(std::string_view digits) {
  if (digits.empty() || digits.size() > 9) return -1;
  long value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

int parse_count(std::string_view word) {
  if (word.empty()) return -1;
  if (word[0] >= '0' && word[0] <= '9') return static_cast<int>(parse_digits(word));
  if (word == "a" || word == "an") return 1;
  for (std::size_t i = 0; i < kSmall.size(); ++i) {
    if (word == kSmall[i]) return static_cast<int>(i);
  }
  for (std::size_t t = 0; t < kTens.size(); ++t) {
    std::string_view tens = kTens[t];
    if (word.substr(0, tens.size()) != tens) continue;
    int value = static_cast<int>(20 + 10 * t);
    std::string_view rest = word.substr(tens.size());
    if (rest.empty()) return value;
    if (rest[0] != '-' && rest[0] != ' ') return -1;
    rest.remove_prefix(1);
    for (int unit = 1; unit <= 9; ++unit) {
      if (rest == kSmall[unit]) return value + unit;
    }
    return -1;
  }
  return -1;
}

unsigned parse_month_name(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) return 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i].substr(0, word.size()) == word) return static_cast<unsigned>(i + 1);
  }
  return 0;
}

unsigned parse_weekday(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  if (word.size() >= 3) {
    for (std::size_t i = 0; i < kDays.size(); ++i) {
      if (kDays[i].substr(0, word.size()) == word) return static_cast<unsigned>(i + 1);
    }
    if (word == "weds") return 3;
  }
  static constexpr std::array<std::string_view, 8> kChinese = {"一", "二", "三", "四",
                                                               "五", "六", "日", "天"};
  for (std::size_t i = 0; i < kChinese.size(); ++i) {
    if (word == kChinese[i]) return i < 7 ? static_cast<unsigned>(i + 1) : 7u;
  }
  if (word.size() == 1 && word[0] >= '1' && word[0] <= '7') return word[0] - '0';
  return 0;
}

bool preceded_by(std::string_view text, std::size_t begin,
                 std::initializer_list<std::string_view> words) {
  std::string_view before = text.substr(0, begin);
  std::string_view trimmed = before;
  if (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  for (std::string_view w : words) {
    for (std::string_view t : {before, trimmed}) {
      if (t.size() >= w.size() && t.substr(t.size() - w.size()) == w) return true;
    }
  }
  return false;
}

bool followed_by(std::string_view text, std::size_t end,
                 std::initializer_list<std::string_view> words) {
  std::string_view after = text.substr(end);
  for (std::string_view w : words) {
    if (after.substr(0, w.size()) == w) return true;
  }
  return false;
}

}  // namespace overdue::replies
