// domain.md §8 arithmetic, for a reply received on every weekday and at month ends.
#include "replies/date_rules.h"

#include <gtest/gtest.h>

namespace overdue::replies {
namespace {

CivilDate d(const char* iso) { return CivilDate::of(iso); }

struct WeekCase {
  const char* received;  // the week of Monday 2026-03-02 … Sunday 2026-03-08
  const char* by_friday;
  const char* by_monday;
  const char* next_friday;
  const char* next_monday;
};

TEST(DateRules, WeekdaysFromEveryDayOfTheWeek) {
  const WeekCase cases[] = {
      {"2026-03-02", "2026-03-06", "2026-03-02", "2026-03-13", "2026-03-09"},  // Monday
      {"2026-03-03", "2026-03-06", "2026-03-09", "2026-03-13", "2026-03-09"},  // Tuesday
      {"2026-03-04", "2026-03-06", "2026-03-09", "2026-03-13", "2026-03-09"},  // Wednesday
      {"2026-03-05", "2026-03-06", "2026-03-09", "2026-03-13", "2026-03-09"},  // Thursday
      {"2026-03-06", "2026-03-06", "2026-03-09", "2026-03-13", "2026-03-09"},  // Friday: R itself
      {"2026-03-07", "2026-03-13", "2026-03-09", "2026-03-13", "2026-03-09"},  // Saturday: passed
      {"2026-03-08", "2026-03-13", "2026-03-09", "2026-03-13", "2026-03-09"},  // Sunday
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.received);
    CivilDate r = d(c.received);
    EXPECT_EQ(weekday_this_week(r, 5).iso(), c.by_friday);
    EXPECT_EQ(weekday_this_week(r, 1).iso(), c.by_monday);
    EXPECT_EQ(weekday_next_week(r, 5).iso(), c.next_friday);
    EXPECT_EQ(weekday_next_week(r, 1).iso(), c.next_monday);
    EXPECT_EQ(end_of_week(r, 0).iso(), "2026-03-08");  // this week: Sunday of R's week
    EXPECT_EQ(end_of_week(r, 1).iso(), "2026-03-15");  // next week: Sunday of the following
  }
}

TEST(DateRules, WorkingDaysSkipWeekends) {
  EXPECT_EQ(plus_working_days(d("2026-03-06"), 3).iso(), "2026-03-11");  // Fri + 3
  EXPECT_EQ(plus_working_days(d("2026-03-05"), 5).iso(), "2026-03-12");  // Thu + 5
  EXPECT_EQ(plus_working_days(d("2026-03-07"), 1).iso(), "2026-03-09");  // Sat + 1 = Mon
  EXPECT_EQ(plus_working_days(d("2025-12-27"), 5).iso(), "2026-01-02");  // across the year
}

TEST(DateRules, DayOfMonthPassedOrClamped) {
  EXPECT_EQ(day_of_month_on_or_after(d("2026-02-10"), 10).iso(), "2026-02-10");  // today
  EXPECT_EQ(day_of_month_on_or_after(d("2026-02-10"), 5).iso(), "2026-03-05");   // passed
  EXPECT_EQ(day_of_month_on_or_after(d("2026-02-10"), 31).iso(), "2026-02-28");  // clamped
  EXPECT_EQ(day_of_month_on_or_after(d("2026-04-30"), 31).iso(), "2026-04-30");
  EXPECT_EQ(day_of_month_ahead(d("2026-01-31"), 1, 30).iso(), "2026-02-28");
  EXPECT_EQ(day_of_month_ahead(d("2025-12-20"), 1, 10).iso(), "2026-01-10");
}

TEST(DateRules, MonthEndsAndMonths) {
  EXPECT_EQ(end_of_month_ahead(d("2026-01-31"), 0).iso(), "2026-01-31");
  EXPECT_EQ(end_of_month_ahead(d("2026-01-31"), 1).iso(), "2026-02-28");
  EXPECT_EQ(end_of_month_ahead(d("2028-01-15"), 1).iso(), "2028-02-29");
  EXPECT_EQ(end_of_month_ahead(d("2025-12-31"), 1).iso(), "2026-01-31");
  EXPECT_EQ(d("2026-01-31").plus_months(1).iso(), "2026-02-28");  // "a month"
}

TEST(DateRules, YearOfAMonthWithoutYear) {
  EXPECT_EQ(month_day_near(d("2025-12-29"), 1, 9)->iso(), "2026-01-09");   // next January
  EXPECT_EQ(month_day_near(d("2026-10-02"), 9, 30)->iso(), "2026-09-30");  // just past
  EXPECT_EQ(month_day_near(d("2026-03-02"), 3, 20)->iso(), "2026-03-20");
  EXPECT_EQ(month_day_near(d("2026-03-02"), 2, 30)->iso(), "2026-02-28");  // clamped
  EXPECT_FALSE(month_day_near(d("2026-03-02"), 13, 1).has_value());
  EXPECT_FALSE(clamped_date(2026, 2, 0).has_value());
}

}  // namespace
}  // namespace overdue::replies
