// Helpers shared by the English and Chinese date pattern tables.
#pragma once

#include <initializer_list>
#include <optional>
#include <string_view>

#include "replies/date_scanner.h"

namespace overdue::replies {

// "3" → 3, "three" → 3, "a" → 1, "twenty-one" → 21, "two" → 2; -1 for anything else.
int parse_count(std::string_view word);
// "jan"…"december" (any prefix of 3+ letters of a month name) → 1…12, else 0.
unsigned parse_month_name(std::string_view word);
// "monday"…"sunday", "tues", "thurs", 一…日/天, "1"…"7" → 1…7, else 0.
unsigned parse_weekday(std::string_view word);
// Decimal digits → value (at most 9 digits), else -1.
long parse_digits(std::string_view digits);

// True when text[..begin] ends with one of `words` (optionally followed by one space).
bool preceded_by(std::string_view text, std::size_t begin,
                 std::initializer_list<std::string_view> words);
// True when text[end..] starts with one of `words`.
bool followed_by(std::string_view text, std::size_t end,
                 std::initializer_list<std::string_view> words);

inline std::optional<DateMention> mention(const DateMatch& m, DateForm form,
                                          std::optional<CivilDate> date) {
  return DateMention{m.begin, m.end, form, date};
}
inline std::optional<DateMention> ambiguous(const DateMatch& m) {
  return DateMention{m.begin, m.end, DateForm::kAmbiguous, std::nullopt};
}

// Alternations used by both tables.
inline constexpr const char* kMonthNames =
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
inline constexpr const char* kWeekdayNames =
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|weds";

}  // namespace overdue::replies
