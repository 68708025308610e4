#include "domain/civil_date.h"

#include <fmt/format.h>

namespace overdue {

CivilDate::CivilDate(int year, unsigned month, unsigned day)
    : days_(date::sys_days(date::year(year) / date::month(month) / date::day(day))) {}

Result<CivilDate> CivilDate::parse(std::string_view text) {
  auto bad = [&]() -> Result<CivilDate> {
    return Error{"'" + std::string(text) + "' is not a date (expected YYYY-MM-DD)"};
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (int i = 0; i < lengths[p]; ++i) {
      char c = text[starts[p] + i];
      if (c < '0' || c > '9') return bad();
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  date::year_month_day ymd{date::year(parts[0]), date::month(parts[1]), date::day(parts[2])};
  if (!ymd.ok()) {
    return Error{"'" + std::string(text) + "' is not a valid calendar date"};
  }
  return CivilDate(date::sys_days(ymd));
}

CivilDate CivilDate::of(std::string_view text) {
  auto parsed = parse(text);
  if (!parsed) throw DomainError(parsed.error().message);
  return parsed.value();
}

std::string CivilDate::iso() const {
  date::year_month_day ymd{days_};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

int CivilDate::year() const { return static_cast<int>(date::year_month_day{days_}.year()); }
unsigned CivilDate::month() const {
  return static_cast<unsigned>(date::year_month_day{days_}.month());
}
unsigned CivilDate::day() const { return static_cast<unsigned>(date::year_month_day{days_}.day()); }

unsigned CivilDate::iso_weekday() const { return date::weekday{days_}.iso_encoding(); }

CivilDate CivilDate::plus_months(int n) const {
  date::year_month_day ymd{days_};
  date::year_month ym = date::year_month{ymd.year(), ymd.month()} + date::months(n);
  date::day last = date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day();
  date::day d = ymd.day() > last ? last : ymd.day();
  return CivilDate(date::sys_days(ym.year() / ym.month() / d));
}

CivilDate CivilDate::end_of_month() const {
  date::year_month_day ymd{days_};
  return CivilDate(date::sys_days(ymd.year() / ymd.month() / date::last));
}

}  // namespace overdue
