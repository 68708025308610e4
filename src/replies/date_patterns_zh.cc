// Chinese date expressions of domain.md §8 (text is normalized: Simplified, numerals as digits,
// 今个月/月尾/听日 mapped to 这个月/月底/明天).
#include <cctype>

#include "replies/date_pattern_util.h"
#include "replies/date_rules.h"

namespace overdue::replies {
namespace {

using M = const DateMatch&;

// Characters after 一 that make it part of a word (一定, 一起) rather than "Monday".
bool one_is_a_word(std::string_view text, std::size_t at) {
  return followed_by(text, at,
                     {"定", "起", "直", "切", "般", "致", "共", "次", "些", "点", "下", "会", "并",
                      "口", "笔", "样", "部", "半"});
}

std::optional<DateMention> week_expression(M m) {
  std::string_view prefix = m.group[1], suffix = m.group[3];
  DateMatch span = m;
  if (suffix == "一" && one_is_a_word(m.text, m.end)) {
    suffix = {};
    span.end -= 3;  // "一" is three bytes
  }
  if (prefix.empty() && suffix.empty()) return std::nullopt;
  if (preceded_by(m.text, m.begin, {"每", "隔"})) return ambiguous(span);
  if (prefix == "上" || prefix == "上个") return mention(span, DateForm::kPast, std::nullopt);
  int weeks = prefix == "下" || prefix == "下个" ? 1 : prefix.starts_with("下下") ? 2 : 0;
  CivilDate r = m.received;
  if (suffix.empty() || suffix == "末") {
    if (prefix.empty() && suffix.empty()) return std::nullopt;
    return mention(span, weeks ? DateForm::kNextWeek : DateForm::kThisWeek, end_of_week(r, weeks));
  }
  unsigned wd = parse_weekday(suffix);
  if (wd == 0) return std::nullopt;
  if (weeks == 0) return mention(span, DateForm::kWeekday, weekday_this_week(r, wd));
  return mention(span, DateForm::kNextWeekday, weekday_next_week(r, wd).plus_days(7 * (weeks - 1)));
}

std::optional<DateMention> duration(M m) {
  // "USD 3,000 周五前": the digits end a larger number, they count nothing.
  auto digit_at = [&](std::size_t i) { return m.text[i] >= '0' && m.text[i] <= '9'; };
  if (m.begin > 0 && (digit_at(m.begin - 1) ||
                      (m.begin > 1 && (m.text[m.begin - 1] == ',' || m.text[m.begin - 1] == '.') &&
                       digit_at(m.begin - 2)))) {
    return std::nullopt;
  }
  long n = parse_digits(m.group[1]);
  std::string_view unit = m.group[3];
  bool with_ge = !m.group[2].empty();
  if (n <= 0 || n > 400) return ambiguous(m);
  bool range_after = followed_by(m.text, m.end, {"-", "~", "至"}) ||
                     (followed_by(m.text, m.end, {"到"}) && m.end + 3 < m.text.size() &&
                      m.text[m.end + 3] >= '0' && m.text[m.end + 3] <= '9');
  if (preceded_by(m.text, m.begin, {"-", "~", "到", "至", "或", "第"}) || range_after) {
    return ambiguous(m);
  }
  if (unit == "日" && followed_by(m.text, m.end, {"前"}) &&
      preceded_by(m.text, m.begin, {"于", "在", "到", "最晚", "最迟", "截至"})) {
    return std::nullopt;  // "将于15日前付清": before the 15th (a day of the month), not 15 days ago
  }
  // "停了两周" is gone by; "忘了 两天内给你打" (a space between) starts a new thought.
  bool le_right_before = m.begin >= 3 && m.text.substr(m.begin - 3, 3) == "了";
  if (preceded_by(m.text, m.begin, {"前", "上"}) || le_right_before ||
      followed_by(m.text, m.end, {"前"})) {
    return mention(m, DateForm::kPast, std::nullopt);
  }
  if (preceded_by(m.text, m.begin, {"这", "那", "过去", "最近", "每"})) return ambiguous(m);
  CivilDate r = m.received;
  if (unit == "月") {
    if (!with_ge) return std::nullopt;  // "3月" is March
    return mention(m, DateForm::kMonths, r.plus_months(static_cast<int>(n)));
  }
  if (unit == "天" || unit == "日") {
    if (preceded_by(m.text, m.begin, {"过"})) return ambiguous(m);
    // "15日" is a day of month, but "30日时间" / "30日内" are thirty days.
    if (unit == "日" && m.group[4].empty() && !followed_by(m.text, m.end, {"时间", "的时间"})) {
      return std::nullopt;
    }
    return mention(m, DateForm::kDays, r.plus_days(static_cast<int>(n)));
  }
  if (unit == "周" || unit == "星期" || unit == "礼拜") {
    return mention(m, DateForm::kWeeks, r.plus_days(7 * static_cast<int>(n)));
  }
  return mention(m, DateForm::kWorkingDays, plus_working_days(r, static_cast<int>(n)));
}

int year_offset(std::string_view word) { return word == "明年" ? 1 : 0; }

}  // namespace

const std::vector<DatePattern>& chinese_date_patterns() {
  static const std::vector<DatePattern> patterns = {
      {"(今天|今日|今晚|今早|即日)",
       [](M m) -> std::optional<DateMention> {
         // "收到即日过俾你": the day the money comes in, not today.
         if (m.group[1] == "即日" && preceded_by(m.text, m.begin, {"到", "收"})) {
           return std::nullopt;
         }
         return mention(m, DateForm::kToday, m.received);
       }},
      {"(明天|明日|明早|后天)",
       [](M m) {
         int days = m.group[1] == "后天" ? 2 : 1;
         if (days == 2 && preceded_by(m.text, m.begin, {"以", "之", "然"})) {
           return std::optional<DateMention>();
         }
         return mention(m, DateForm::kTomorrow, m.received.plus_days(days));
       }},
      {"(\\d{1,3}) ?(个)? ?(工作日|工作天|营业日|天|日|周|星期|礼拜|月) ?(之内|以内|内|后|之后)?",
       [](M m) { return duration(m); }},
      {"(下下个|下下|下个|下|本|这个|这|今|上个|上)? ?(周|星期|礼拜) ?([一二三四五六日天末1-7])?",
       [](M m) { return week_expression(m); }},
      {"(?:本|这个|这|当)? ?月 ?(?:底|末)",
       [](M m) { return mention(m, DateForm::kEndOfMonth, end_of_month_ahead(m.received, 0)); }},
      {"(下下个月|下个月|下月) ?(初|中旬|中|上旬|下旬|底|末)?",
       [](M m) -> std::optional<DateMention> {
         int months = m.group[1] == "下下个月" ? 2 : 1;
         std::string_view part = m.group[2];
         CivilDate r = m.received;
         if (part.empty()) return mention(m, DateForm::kNextMonth, end_of_month_ahead(r, months));
         if (part == "底" || part == "末") {
           return mention(m, DateForm::kEndOfMonth, end_of_month_ahead(r, months));
         }
         if (part == "中" || part == "中旬") {
           return mention(m, DateForm::kMidMonth, day_of_month_ahead(r, months, 15));
         }
         return ambiguous(m);
       }},
      {"(下下个月|下个月|下月|next month) ?的? ?(\\d{1,2}) ?(?:号|日)",
       [](M m) {
         int months = m.group[1] == "下下个月" ? 2 : 1;
         unsigned day = static_cast<unsigned>(parse_digits(m.group[2]));
         if (day < 1 || day > 31) return std::optional<DateMention>();
         return mention(m, DateForm::kDayOfMonth, day_of_month_ahead(m.received, months, day));
       }},
      {"(?:这个月|本月|这月|当月) ?(?:中旬|中)",
       [](M m) { return mention(m, DateForm::kMidMonth, day_of_month_ahead(m.received, 0, 15)); }},
      {"(这个月|本月|这月|当月) ?的? ?(\\d{1,2}) ?(?:号|日)",
       [](M m) {
         unsigned day = static_cast<unsigned>(parse_digits(m.group[2]));
         if (day < 1 || day > 31) return std::optional<DateMention>();
         return mention(m, DateForm::kDayOfMonth, day_of_month_ahead(m.received, 0, day));
       }},
      {"(明年|今年)? ?(?:(\\d{4}) ?年 ?)?(\\d{1,2}) ?月 ?份? ?(\\d{1,2}) ?(?:日|号)?",
       [](M m) -> std::optional<DateMention> {
         long month = parse_digits(m.group[3]), day = parse_digits(m.group[4]);
         if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
         std::optional<CivilDate> d;
         if (!m.group[2].empty()) {
           d = clamped_date(static_cast<int>(parse_digits(m.group[2])), month, day);
         } else if (!m.group[1].empty()) {
           d = clamped_date(m.received.year() + year_offset(m.group[1]), month, day);
         } else {
           d = month_day_near(m.received, month, day);
         }
         return d ? mention(m, DateForm::kCalendarDate, d) : std::nullopt;
       }},
      {"(明年|今年)? ?(?:(\\d{4}) ?年 ?)?(\\d{1,2}) ?月 ?份? ?(底|末|中旬|中|初|上旬|下旬)",
       [](M m) -> std::optional<DateMention> {
         long month = parse_digits(m.group[3]);
         if (month < 1 || month > 12) return std::nullopt;
         int year = !m.group[2].empty()   ? static_cast<int>(parse_digits(m.group[2]))
                    : !m.group[1].empty() ? m.received.year() + year_offset(m.group[1])
                                          : year_for_month_day(m.received, month, 28);
         std::string_view part = m.group[4];
         if (part == "底" || part == "末") {
           return mention(m, DateForm::kEndOfMonth, clamped_date(year, month, 31));
         }
         if (part == "中" || part == "中旬") {
           return mention(m, DateForm::kMidMonth, clamped_date(year, month, 15));
         }
         return ambiguous(m);
       }},
      {"(\\d{1,2}) ?(?:号|日)",
       [](M m) -> std::optional<DateMention> {
         long day = parse_digits(m.group[1]);
         if (day < 1 || day > 31 || preceded_by(m.text, m.begin, {"-", "~"})) return std::nullopt;
         // "5到10号" is a range; "等到28号", "延到15号" name one day.
         if (preceded_by(m.text, m.begin, {"至", "到"})) {
           std::size_t at =
               m.text.rfind(preceded_by(m.text, m.begin, {"至"}) ? "至" : "到", m.begin);
           if (at > 0 && m.text[at - 1] >= '0' && m.text[at - 1] <= '9') return std::nullopt;
         }
         // "第 YF-2505 号合同": the digits end a contract number.
         if (m.begin > 0 && ((m.text[m.begin - 1] >= '0' && m.text[m.begin - 1] <= '9') ||
                             std::isalpha(static_cast<unsigned char>(m.text[m.begin - 1])))) {
           return std::nullopt;
         }
         return mention(m, DateForm::kDayOfMonth, day_of_month_on_or_after(m.received, day));
       }},
      {"(月中|中旬)",
       [](M m) {
         return mention(m, DateForm::kMidMonth, day_of_month_on_or_after(m.received, 15));
       }},
      {"(明年|去年)?(年底|年末|年尾)",
       [](M m) {
         if (m.group[1] == "去年") return mention(m, DateForm::kPast, std::nullopt);
         int year = m.received.year() + (m.group[1] == "明年" ? 1 : 0);
         return mention(m, DateForm::kEndOfYear, clamped_date(year, 12, 31));
       }},
      {"(这个月|本月|这月|当月) ?(内|之内)?",
       [](M m) { return mention(m, DateForm::kThisMonth, end_of_month_ahead(m.received, 0)); }},
      {"(过 ?[2几] ?天|这 ?[2几] ?天|几天|改天|节后|年后|过完年|月初|上旬|下旬|近期|近日)",
       [](M m) { return ambiguous(m); }},
  };
  return patterns;
}

}  // namespace overdue::replies
