// English date expressions of domain.md §8 (text is normalized: lower-case, half-width).
#include <cctype>
#include <string>

#include "replies/date_pattern_util.h"
#include "replies/date_rules.h"

namespace overdue::replies {
namespace {

using M = const DateMatch&;

const std::string kNum =
    "(\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty)"
    "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)";
const std::string kMonth = std::string("(") + kMonthNames + ")";
const std::string kWeekday = std::string("(") + kWeekdayNames + ")";

std::optional<DateMention> duration(M m, int count, std::string_view unit, bool working) {
  if (count <= 0 || count > 400) return ambiguous(m);
  std::size_t before = m.begin;
  while (before > 0 && m.text[before - 1] == ' ') --before;
  if (before > 0 && m.text[before - 1] >= '0' && m.text[before - 1] <= '9') {
    return ambiguous(m);  // "USD 3,000 a month": a rate, not a date
  }
  if (preceded_by(m.text, m.begin,
                  {"-", "~", " to", " or", "every", "each", "past", "last", "first", "and"})) {
    return ambiguous(m);
  }
  if (followed_by(m.text, m.end,
                  {" ago", " late", " overdue", " behind", " past due", " or ", " of "})) {
    return followed_by(m.text, m.end, {" ago", " late", " overdue", " behind", " past due"})
               ? mention(m, DateForm::kPast, std::nullopt)
               : ambiguous(m);
  }
  CivilDate r = m.received;
  if (unit.starts_with("month")) return mention(m, DateForm::kMonths, r.plus_months(count));
  if (unit.starts_with("week")) return mention(m, DateForm::kWeeks, r.plus_days(7 * count));
  if (working) return mention(m, DateForm::kWorkingDays, plus_working_days(r, count));
  return mention(m, DateForm::kDays, r.plus_days(count));
}

std::optional<DateMention> month_day(M m, unsigned month, std::string_view day_text,
                                     std::string_view year_text) {
  long day = parse_digits(day_text);
  if (month == 0 || day < 1 || day > 31) return std::nullopt;
  if (!year_text.empty()) {
    auto d = clamped_date(static_cast<int>(parse_digits(year_text)), month, day);
    return d ? mention(m, DateForm::kCalendarDate, d) : std::nullopt;
  }
  return mention(m, DateForm::kCalendarDate, month_day_near(m.received, month, day));
}

bool has_cjk(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0xE4 && c <= 0xE9) return true;
  }
  return false;
}

bool modal_may(M m, std::string_view month_word) {
  return month_word == "may" && preceded_by(m.text, m.begin,
                                            {"we", "it", "you", "they", "i", "which", "that",
                                             "this", "there", "he", "she"});
}

std::optional<DateMention> year_end(M m) {
  if (followed_by(m.text, m.end,
                  {" close", " closing", " audit", " stock", " inventory", " bonus", " party",
                   " holiday", " sale", " review"})) {
    return std::nullopt;
  }
  int year = m.group[1].empty() ? m.received.year() : static_cast<int>(parse_digits(m.group[1]));
  return mention(m, DateForm::kEndOfYear, clamped_date(year, 12, 31));
}

// "friday 26": the day of R's month (or of the next) that falls on that weekday, when the
// number after the weekday names one.
std::optional<DateMention> weekday_with_day(const M& m, unsigned weekday) {
  std::size_t at = m.end;
  if (at >= m.text.size() || m.text[at] != ' ') return std::nullopt;
  std::size_t digits = at + 1;
  while (digits < m.text.size() && digits - at <= 2 &&
         std::isdigit(static_cast<unsigned char>(m.text[digits]))) {
    ++digits;
  }
  if (digits == at + 1 ||
      (digits < m.text.size() && std::isdigit(static_cast<unsigned char>(m.text[digits])))) {
    return std::nullopt;
  }
  long day = parse_digits(m.text.substr(at + 1, digits - at - 1));
  for (int ahead : {0, -1, 1}) {
    CivilDate first = CivilDate(m.received.year(), m.received.month(), 1);
    int year = first.year(), month = static_cast<int>(first.month()) + ahead;
    if (month == 0) month = 12, --year;
    if (month == 13) month = 1, ++year;
    auto d = clamped_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    if (!d || d->day() != static_cast<unsigned>(day) || d->iso_weekday() != weekday) continue;
    bool gone = *d < m.received;
    std::optional<DateMention> dated =
        mention(m, gone ? DateForm::kPast : DateForm::kCalendarDate,
                gone ? std::optional<CivilDate>() : std::optional<CivilDate>(*d));
    if (dated) dated->end = digits;
    return dated;
  }
  return std::nullopt;
}

}  // namespace

const std::vector<DatePattern>& english_date_patterns() {
  static const std::vector<DatePattern> patterns = {
      {"\\b(today|tonight|this (?:morning|afternoon|evening)|end of (?:the )?day|eod|close of "
       "business)\\b",
       [](M m) { return mention(m, DateForm::kToday, m.received); }},
      {"\\b((?:the )?day after tomorrow|tomorrow|tmrw|tmr|tomorow)\\b",
       [](M m) {
         int days = m.group[1].find("after") != std::string_view::npos ? 2 : 1;
         return mention(m, DateForm::kTomorrow, m.received.plus_days(days));
       }},
      {("\\b" + kNum +
        "(?: more| further| additional| extra| full| clear)?(?: (business|working|bank|"
        "calendar))? (days?|weeks?|months?)\\b"),
       [](M m) {
         bool working = m.group[2] == "business" || m.group[2] == "working" || m.group[2] == "bank";
         return duration(m, parse_count(m.group[1]), m.group[3], working);
       }},
      {"\\b(?:(a|one|two) )?fortnights?\\b",
       [](M m) {
         int n = m.group[1].empty() ? 1 : parse_count(m.group[1]);
         return mention(m, DateForm::kDays, m.received.plus_days(14 * n));
       }},
      {"\\banother (day|week|month)\\b", [](M m) { return duration(m, 1, m.group[1], false); }},
      {"\\bnext (mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\b",
       [](M m) {
         return mention(m, DateForm::kNextWeekday,
                        weekday_next_week(m.received, parse_weekday(m.group[1])));
       }},
      {("\\bnext " + kWeekday + "\\b|\\b" + kWeekday +
        " (?:of )?next week\\b|\\bnext week(?:'s)? " + kWeekday + "\\b"),
       [](M m) {
         std::string_view name = !m.group[1].empty()   ? m.group[1]
                                 : !m.group[2].empty() ? m.group[2]
                                                       : m.group[3];
         return mention(m, DateForm::kNextWeekday,
                        weekday_next_week(m.received, parse_weekday(name)));
       }},
      {("\\b" + kWeekday + " (?:of )?this week\\b"),
       [](M m) {
         return mention(m, DateForm::kWeekday,
                        weekday_this_week(m.received, parse_weekday(m.group[1])));
       }},
      {("\\b(?:(this coming|this|coming|last|on|by|before|until|till) )?" + kWeekday + "\\b"),
       [](M m) {
         unsigned wd = parse_weekday(m.group[2]);
         if (m.group[1] == "last") return mention(m, DateForm::kPast, std::nullopt);
         // "the friday 26": the weekday names a day of the month, gone by or to come.
         if (auto dated = weekday_with_day(m, wd)) return dated;
         return mention(m, DateForm::kWeekday, weekday_this_week(m.received, wd));
       }},
      // "by Wed", "on Thurs", "fri": abbreviations; Sat and Sun only after a preposition. As for
      // the full names, "last Fri" is gone by.
      {"\\b(?:(this coming|this|coming|last|on|by|before|until|till) )?"
       "(mon|tue|tues|wed|weds|thu|thur|thurs|fri)\\b\\.?|\\b(?:(last|on|by|before|until|till) "
       ")(sat|sun)\\b\\.?",
       [](M m) {
         std::string_view prefix = !m.group[2].empty() ? m.group[1] : m.group[3];
         std::string_view name = !m.group[2].empty() ? m.group[2] : m.group[4];
         if (prefix == "last") return mention(m, DateForm::kPast, std::nullopt);
         return mention(m, DateForm::kWeekday, weekday_this_week(m.received, parse_weekday(name)));
       }},
      {"\\b(?:the )?(?:end of (?:the |this )?week|this week(?:end)?|the weekend|week'?s end|"
       "later this week|within the week|current week)\\b",
       [](M m) { return mention(m, DateForm::kThisWeek, end_of_week(m.received, 0)); }},
      {"\\b(?:(?:the )?end of |early |later |sometime )?(?:next week(?:end)?|the following week|"
       "the coming week)\\b",
       [](M m) { return mention(m, DateForm::kNextWeek, end_of_week(m.received, 1)); }},
      {"\\b(?:the )?(?:end of (?:the |this |the current )?month|(?:this )?month[- ]?end|"
       "end[- ]month|eom|month'?s end)\\b",
       [](M m) { return mention(m, DateForm::kEndOfMonth, end_of_month_ahead(m.received, 0)); }},
      {"\\b(?:(?:the )?end of (?:the )?next month|next month[- ]?end)\\b",
       [](M m) { return mention(m, DateForm::kEndOfMonth, end_of_month_ahead(m.received, 1)); }},
      {("\\b(?:(?:the )?end (?:of )?" + kMonth + "(?:,? (\\d{4}))?|" + kMonth + "[- ]end)\\b"),
       [](M m) -> std::optional<DateMention> {
         unsigned month = parse_month_name(!m.group[1].empty() ? m.group[1] : m.group[3]);
         if (month == 0) return std::nullopt;
         int year = !m.group[2].empty() ? static_cast<int>(parse_digits(m.group[2]))
                                        : year_for_month_day(m.received, month, 31);
         auto last = clamped_date(year, month, 31);
         return mention(m, DateForm::kEndOfMonth, last);
       }},
      {("\\b(?:mid|middle of|the middle of|mid of)[- ]?(?:the )?(month|next month|" +
        std::string(kMonthNames) + ")\\b"),
       [](M m) -> std::optional<DateMention> {
         CivilDate r = m.received;
         if (m.group[1] == "month") {
           return mention(m, DateForm::kMidMonth, day_of_month_on_or_after(r, 15));
         }
         if (m.group[1] == "next month") {
           return mention(m, DateForm::kMidMonth, day_of_month_ahead(r, 1, 15));
         }
         unsigned month = parse_month_name(m.group[1]);
         return mention(m, DateForm::kMidMonth, month_day_near(r, month, 15));
       }},
      {("\\b(?:early|beginning of|start of|(?:the )?first week of|(?:the )?first half of|"
        "(?:the )?second half of|late|latter half of)[- ]?(?:the )?(?:next month|month|next year|" +
        std::string(kMonthNames) + ")\\b"),
       [](M m) { return ambiguous(m); }},
      {"\\bnext month\\b",
       [](M m) { return mention(m, DateForm::kNextMonth, end_of_month_ahead(m.received, 1)); }},
      {"\\b(?:within |in |during )?this month\\b",
       [](M m) { return mention(m, DateForm::kThisMonth, end_of_month_ahead(m.received, 0)); }},
      {"\\b(?:the )?(\\d{1,2})(?:st|nd|rd|th)\\b(?: (?:of )?(this|next|the) month)?",
       [](M m) -> std::optional<DateMention> {
         if (followed_by(m.text, m.end,
                         {" instal",   " install",   " reminder",   " time",    " floor",
                          " shipment", " container", " anniversar", " quarter", " week",
                          " day",      " month",     " year",       " batch",   " lot",
                          " invoice",  " order",     " tranche",    " rate",    " part",
                          " payment",  " email",     " mail",       " letter",  " notice"})) {
           return std::nullopt;
         }
         long day = parse_digits(m.group[1]);
         if (day < 1 || day > 31) return std::nullopt;
         if (m.group[2] == "next") {
           return mention(m, DateForm::kDayOfMonth, day_of_month_ahead(m.received, 1, day));
         }
         return mention(m, DateForm::kDayOfMonth, day_of_month_on_or_after(m.received, day));
       }},
      // "before the 10", "we pay you the 11": a day of the month written without its suffix.
      {"\\b(?:by|before|on|until|till|pay|pays|pay you|pay us) the (\\d{1,2})\\b",
       [](M m) -> std::optional<DateMention> {
         std::size_t after = m.end;
         bool number_goes_on =  // "the 1,200", "the 10.5"
             after + 1 < m.text.size() && (m.text[after] == ',' || m.text[after] == '.') &&
             std::isdigit(static_cast<unsigned char>(m.text[after + 1]));
         if (number_goes_on ||
             (followed_by(m.text, m.end, {"%", "/", " ", "-", ":"}) &&
              !followed_by(m.text, m.end, {" of this month", " of next month", " and "}))) {
           return std::nullopt;  // "the 10 pallets", "the 10%", "the 10/12"
         }
         long day = parse_digits(m.group[1]);
         if (day < 1 || day > 31) return std::nullopt;
         auto dated = mention(m, DateForm::kDayOfMonth, day_of_month_on_or_after(m.received, day));
         if (dated && m.text.compare(m.begin, 3, "pay") == 0) {
           dated->begin = m.text.find("the ", m.begin);  // the verb is not part of the date
         }
         return dated;
       }},
      {"\\b(?:on |by )?day (\\d{1,2})\\b",
       [](M m) -> std::optional<DateMention> {
         long day = parse_digits(m.group[1]);
         if (day < 1 || day > 31) return std::nullopt;
         return mention(m, DateForm::kDayOfMonth, day_of_month_on_or_after(m.received, day));
       }},
      {"\\b(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})\\b",
       [](M m) -> std::optional<DateMention> {
         auto d = clamped_date(static_cast<int>(parse_digits(m.group[1])),
                               static_cast<unsigned>(parse_digits(m.group[2])),
                               static_cast<unsigned>(parse_digits(m.group[3])));
         return d ? mention(m, DateForm::kCalendarDate, d) : std::nullopt;
       }},
      {"\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})\\b",
       [](M m) -> std::optional<DateMention> {
         long a = parse_digits(m.group[1]), b = parse_digits(m.group[2]);
         long year = parse_digits(m.group[3]);
         if (year < 100) year += 2000;
         if (b > 12 && a <= 12) std::swap(a, b);  // US month/day
         auto d = clamped_date(static_cast<int>(year), static_cast<unsigned>(b),
                               static_cast<unsigned>(a));
         return d ? mention(m, DateForm::kCalendarDate, d) : std::nullopt;
       }},
      {"\\b(\\d{1,2})([/.])(\\d{1,2})\\b",
       [](M m) -> std::optional<DateMention> {
         bool dotted = m.group[2] == ".";
         if (dotted &&
             !(followed_by(m.text, m.end, {"."}) &&
               !followed_by(m.text, m.end,
                            {".0", ".1", ".2", ".3", ".4", ".5", ".6", ".7", ".8", ".9"}))) {
           return std::nullopt;
         }
         if (!dotted && !preceded_by(m.text, m.begin,
                                     {"on", "by", "before", "until", "till", "dated", "(", "date",
                                      "at", "from", "to", "for", "our", "在", "于", "至", "到"})) {
           return std::nullopt;
         }
         if (followed_by(m.text, m.end, {" of"})) return std::nullopt;  // "for 1/2 of the goods"
         long a = parse_digits(m.group[1]), b = parse_digits(m.group[3]);
         bool month_first = !dotted && has_cjk(m.text);
         if (month_first ? a > 12 : b > 12) month_first = !month_first;  // "30/6", US "11/20"
         long month = month_first ? a : b, day = month_first ? b : a;
         if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
         return mention(m, DateForm::kCalendarDate, month_day_near(m.received, month, day));
       }},
      {("\\b" + kMonth + "\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4}))?"),
       [](M m) -> std::optional<DateMention> {
         if (modal_may(m, m.group[1])) return std::nullopt;
         return month_day(m, parse_month_name(m.group[1]), m.group[2], m.group[3]);
       }},
      {("\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? " + kMonth + "\\b(?:,? (\\d{4}))?"),
       [](M m) -> std::optional<DateMention> {
         if (m.group[2] == "may" && followed_by(m.text, m.end, {" be", " not", " have"})) {
           return std::nullopt;
         }
         return month_day(m, parse_month_name(m.group[2]), m.group[1], m.group[3]);
       }},
      {("\\b(\\d{1,2})[-/]" + kMonth + "[-/](\\d{4}|\\d{2})\\b"),  // 19-Jun-2026, 19/jun/26
       [](M m) -> std::optional<DateMention> {
         std::string year(m.group[3]);
         if (year.size() == 2) year = "20" + year;
         return month_day(m, parse_month_name(m.group[2]), m.group[1], year);
       }},
      {"\\b(?:(?:the )?end of (?:the |this )?year|(?:the )?year[- ]end|end of (\\d{4}))\\b",
       [](M m) { return year_end(m); }},
      {"\\b(?:next year|the new year|new year)\\b", [](M m) { return ambiguous(m); }},
  };
  return patterns;
}

}  // namespace overdue::replies
