// Finds the date expressions of domain.md §8 in a normalized reply (English and Chinese) and
// resolves each against the received date R. Which one (if any) is a promise to pay is decided
// by replies/promise.h, not here.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_date.h"

namespace overdue::replies {

enum class DateForm {
  kToday,
  kTomorrow,
  kDays,          // "in 3 days", 三天内, "another 30 days"
  kWorkingDays,   // "5 working days", 5个工作日
  kWeeks,         // "two weeks", 两周
  kMonths,        // "a month", 一个月
  kWeekday,       // "by Friday", 周五前
  kNextWeekday,   // "next Friday", 下周一
  kThisWeek,      // "this week", 本周
  kNextWeek,      // "next week", 下周
  kEndOfMonth,    // "end of the month", 月底, "end of April", 4月底
  kNextMonth,     // "next month", 下个月
  kMidMonth,      // "mid-April", 下个月中旬
  kDayOfMonth,    // "the 12th", 15号, "20th next month", 下月10号
  kCalendarDate,  // 2026-03-20, 20/03/2026, March 20, 3月20日
  kEndOfYear,     // 年底, "end of the year"
  kThisMonth,     // "this month", 这个月
  kPast,          // "last Friday", 上周五, "3 days ago": a date, but never a promise
  kAmbiguous,     // "early next month", 过几天, "2-3 days": no single date
};
std::string_view to_string(DateForm form);

struct DateMention {
  std::size_t begin = 0;  // byte offsets into the normalized text
  std::size_t end = 0;
  DateForm form = DateForm::kAmbiguous;
  std::optional<CivilDate> date;  // empty for kAmbiguous (and kPast when unresolvable)
  // Counted from R ("in 3 days", 两周) rather than named on the calendar.
  bool relative() const {
    return form == DateForm::kDays || form == DateForm::kWorkingDays || form == DateForm::kWeeks ||
           form == DateForm::kMonths;
  }
};

// One regex match handed to a pattern's handler: the text, the span and up to 6 groups.
struct DateMatch {
  std::string_view text;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::array<std::string_view, 7> group;  // group[0] is the whole match
  CivilDate received;
};
using DateHandler = std::optional<DateMention> (*)(const DateMatch&);
struct DatePattern {
  std::string regex;
  DateHandler handler;
};
// The pattern tables (date_patterns_en.cc, date_patterns_zh.cc).
const std::vector<DatePattern>& english_date_patterns();
const std::vector<DatePattern>& chinese_date_patterns();

// Every date expression in `text` (normalized, see replies/normalize.h), left to right, without
// overlaps (the longest expression wins). Thread-safe.
std::vector<DateMention> scan_dates(std::string_view text, CivilDate received);

}  // namespace overdue::replies
