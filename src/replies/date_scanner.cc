#include "replies/date_scanner.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace overdue::replies {
namespace {

struct CompiledPattern {
  std::unique_ptr<RE2> re;
  DateHandler handler;
  int groups = 0;
};

class CompiledPatterns {
 public:
  CompiledPatterns() : set_(options(), RE2::UNANCHORED) {
    for (const auto* table : {&english_date_patterns(), &chinese_date_patterns()}) {
      for (const DatePattern& p : *table) {
        auto re = std::make_unique<RE2>(p.regex, options());
        if (!re->ok()) throw std::logic_error("bad date pattern " + p.regex + ": " + re->error());
        int groups = std::min(re->NumberOfCapturingGroups(), 6);
        if (set_.Add(p.regex, nullptr) < 0) throw std::logic_error("bad date pattern " + p.regex);
        patterns_.push_back({std::move(re), p.handler, groups});
      }
    }
    if (!set_.Compile()) throw std::logic_error("date patterns do not compile as a set");
  }

  std::vector<std::pair<int, DateMention>> find_all(std::string_view text, CivilDate r) const {
    std::vector<std::pair<int, DateMention>> found;
    std::vector<int> hits;
    if (!set_.Match(text, &hits)) return found;
    std::sort(hits.begin(), hits.end());
    for (int index : hits) {
      const CompiledPattern& p = patterns_[index];
      re2::StringPiece groups[7];
      std::size_t pos = 0;
      while (pos <= text.size() &&
             p.re->Match(text, pos, text.size(), RE2::UNANCHORED, groups, p.groups + 1)) {
        DateMatch m;
        m.text = text;
        m.begin = static_cast<std::size_t>(groups[0].data() - text.data());
        m.end = m.begin + groups[0].size();
        m.received = r;
        for (int g = 0; g <= p.groups; ++g) {
          m.group[g] = groups[g].data() ? std::string_view(groups[g].data(), groups[g].size())
                                        : std::string_view();
        }
        if (auto mention = p.handler(m)) found.emplace_back(index, *mention);
        pos = m.end > m.begin ? m.end : m.begin + 1;
      }
    }
    return found;
  }

 private:
  static RE2::Options options() {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(8 << 20);
    return o;
  }
  RE2::Set set_;
  std::vector<CompiledPattern> patterns_;
};

const CompiledPatterns& compiled() {
  static const CompiledPatterns patterns;
  return patterns;
}

}  // namespace

std::string_view to_string(DateForm form) {
  switch (form) {
    case DateForm::kToday:
      return "today";
    case DateForm::kTomorrow:
      return "tomorrow";
    case DateForm::kDays:
      return "days";
    case DateForm::kWorkingDays:
      return "working_days";
    case DateForm::kWeeks:
      return "weeks";
    case DateForm::kMonths:
      return "months";
    case DateForm::kWeekday:
      return "weekday";
    case DateForm::kNextWeekday:
      return "next_weekday";
    case DateForm::kThisWeek:
      return "this_week";
    case DateForm::kNextWeek:
      return "next_week";
    case DateForm::kEndOfMonth:
      return "end_of_month";
    case DateForm::kNextMonth:
      return "next_month";
    case DateForm::kMidMonth:
      return "mid_month";
    case DateForm::kDayOfMonth:
      return "day_of_month";
    case DateForm::kCalendarDate:
      return "calendar_date";
    case DateForm::kEndOfYear:
      return "end_of_year";
    case DateForm::kThisMonth:
      return "this_month";
    case DateForm::kPast:
      return "past";
    case DateForm::kAmbiguous:
      return "ambiguous";
  }
  return "ambiguous";
}

std::vector<DateMention> scan_dates(std::string_view text, CivilDate received) {
  auto found = compiled().find_all(text, received);
  // Longest first; among equals, the pattern listed first; then leftmost.
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    std::size_t la = a.second.end - a.second.begin, lb = b.second.end - b.second.begin;
    if (la != lb) return la > lb;
    if (a.first != b.first) return a.first < b.first;
    return a.second.begin < b.second.begin;
  });
  std::vector<DateMention> kept;
  for (const auto& [index, m] : found) {
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const DateMention& k) {
      return m.begin < k.end && k.begin < m.end;
    });
    if (!overlaps) kept.push_back(m);
  }
  std::sort(kept.begin(), kept.end(),
            [](const DateMention& a, const DateMention& b) { return a.begin < b.begin; });
  return kept;
}

}  // namespace overdue::replies
