#include "replies/date_rules.h"

namespace overdue::replies {
namespace {

CivilDate monday_of(CivilDate r) { return r.plus_days(1 - static_cast<int>(r.iso_weekday())); }

unsigned days_in_month(int year, unsigned month) {
  return static_cast<unsigned>(
      date::year_month_day_last{date::year(year), date::month_day_last{date::month(month)}}.day());
}

}  // namespace

CivilDate weekday_this_week(CivilDate r, unsigned iso_weekday) {
  CivilDate d = monday_of(r).plus_days(static_cast<int>(iso_weekday) - 1);
  return d < r ? d.plus_days(7) : d;
}

CivilDate weekday_next_week(CivilDate r, unsigned iso_weekday) {
  return monday_of(r).plus_days(7 + static_cast<int>(iso_weekday) - 1);
}

CivilDate end_of_week(CivilDate r, int weeks_ahead) {
  return monday_of(r).plus_days(6 + 7 * weeks_ahead);
}

CivilDate plus_working_days(CivilDate r, int n) {
  CivilDate d = r;
  while (n > 0) {
    d = d.plus_days(1);
    if (d.iso_weekday() <= 5) --n;
  }
  return d;
}

std::optional<CivilDate> clamped_date(int year, unsigned month, unsigned day) {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) {
    return std::nullopt;
  }
  unsigned last = days_in_month(year, month);
  return CivilDate(year, month, day > last ? last : day);
}

CivilDate day_of_month_ahead(CivilDate r, int months_ahead, unsigned day) {
  CivilDate first = CivilDate(r.year(), r.month(), 1).plus_months(months_ahead);
  return *clamped_date(first.year(), first.month(), day);
}

CivilDate day_of_month_on_or_after(CivilDate r, unsigned day) {
  CivilDate d = day_of_month_ahead(r, 0, day);
  return d < r ? day_of_month_ahead(r, 1, day) : d;
}

CivilDate end_of_month_ahead(CivilDate r, int months_ahead) {
  return CivilDate(r.year(), r.month(), 1).plus_months(months_ahead).end_of_month();
}

int year_for_month_day(CivilDate r, unsigned month, unsigned day, int past_window_days) {
  auto same_year = clamped_date(r.year(), month, day);
  // "paid on 31/12" in a reply of 5 January: the December just gone, not the next one.
  auto last_year = clamped_date(r.year() - 1, month, day);
  if (same_year && *same_year > r && last_year && r.days_since(*last_year) <= past_window_days) {
    return r.year() - 1;
  }
  if (!same_year || *same_year >= r) return r.year();
  return r.days_since(*same_year) > past_window_days ? r.year() + 1 : r.year();
}

std::optional<CivilDate> month_day_near(CivilDate r, unsigned month, unsigned day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return clamped_date(year_for_month_day(r, month, day), month, day);
}

}  // namespace overdue::replies
