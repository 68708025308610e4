// The date arithmetic of domain.md §8, as pure functions of the received date R. Weeks run
// Monday to Sunday; a day of month past the month's end clamps to its last day.
#pragma once

#include <optional>

#include "domain/civil_date.h"

namespace overdue::replies {

// "by Friday", "on Monday", 这周五, 周五前: that weekday (1 = Monday … 7 = Sunday) in R's week,
// or in the next week when it has passed; R's own weekday means R.
CivilDate weekday_this_week(CivilDate r, unsigned iso_weekday);
// "next Friday", 下周一: that weekday in the week after R's week.
CivilDate weekday_next_week(CivilDate r, unsigned iso_weekday);
// "this week", 本周: Sunday of R's week; "next week", 下周: Sunday of the following week.
CivilDate end_of_week(CivilDate r, int weeks_ahead);
// "N working days", N个工作日: N weekdays after R, skipping Saturdays and Sundays.
CivilDate plus_working_days(CivilDate r, int n);
// "the 12th", 15号: that day of R's month, or of the next month when it has passed (clamped).
CivilDate day_of_month_on_or_after(CivilDate r, unsigned day);
// Day `day` of the month `months_ahead` after R's month, clamped ("下月10号", "20th next month").
CivilDate day_of_month_ahead(CivilDate r, int months_ahead, unsigned day);
// Last day of the month `months_ahead` after R's month ("end of month" 0, "next month" 1).
CivilDate end_of_month_ahead(CivilDate r, int months_ahead);
// The year a month (and day) without a year refers to: R's year, the next one when the month
// lies more than `past_window_days` before R (a December reply about "January").
int year_for_month_day(CivilDate r, unsigned month, unsigned day, int past_window_days = 45);
// The date for (year, month, day) with the day clamped to the month; nullopt when the month or
// day is out of range (month 13, day 0 or above 31).
std::optional<CivilDate> clamped_date(int year, unsigned month, unsigned day);
// The date for a month and day without a year (see year_for_month_day); nullopt if invalid.
std::optional<CivilDate> month_day_near(CivilDate r, unsigned month, unsigned day);

}  // namespace overdue::replies
