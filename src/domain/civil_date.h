// A civil (calendar) date with no time or zone, built on howardhinnant date.
#pragma once

#include <date/date.h>

#include <compare>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace overdue {

class CivilDate {
 public:
  CivilDate() = default;  // 1970-01-01
  explicit CivilDate(date::sys_days days) : days_(days) {}
  CivilDate(int year, unsigned month, unsigned day);

  // Parses strict ISO "YYYY-MM-DD"; anything else (including 2026-02-30) is an error.
  static Result<CivilDate> parse(std::string_view text);
  // Like parse, but throws DomainError.
  static CivilDate of(std::string_view text);

  std::string iso() const;  // "2026-03-04"
  int year() const;
  unsigned month() const;
  unsigned day() const;
  // ISO weekday: Monday 1 … Sunday 7.
  unsigned iso_weekday() const;

  CivilDate plus_days(int n) const { return CivilDate(days_ + date::days(n)); }
  // Same day n months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29).
  CivilDate plus_months(int n) const;
  CivilDate end_of_month() const;
  // Days from `earlier` to this date (negative when this date is earlier).
  int days_since(const CivilDate& earlier) const { return (days_ - earlier.days_).count(); }

  date::sys_days sys_days() const { return days_; }
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;

 private:
  date::sys_days days_{};
};

}  // namespace overdue
