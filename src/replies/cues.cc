#include "replies/cues.h"

#include <algorithm>
#include <array>

#include "replies/phrase_matcher.h"

namespace overdue::replies {
namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(Cue::kCount)> kNames = {
    "paid_past",       "payment_proof",   "courier",       "cheque",
    "oversight",       "invoice_missing", "approval",      "cash_tight",
    "ask_time",        "instalment",      "bank_loan",     "end_customer",
    "they_owe_us",     "when_they_pay",   "quality",       "quantity",
    "price_error",     "documents",       "late_delivery", "remedy",
    "hold_payment",    "complaint",       "busy",          "away",
    "holiday",         "audit",           "system_change", "boss",
    "insolvency",      "closing",         "wrong_person",  "left_company",
    "redirect",        "auto_reply",      "out_of_office", "statement_request",
    "bank_details",    "order_talk",      "ack",           "greeting",
    "question",        "pay_verb",        "future",        "deadline",
    "past_marker",     "arrival",         "hedge",         "return",
    "third_party",     "to_us",           "balance",       "partial",
    "condition",       "non_pay_action",  "promise_word",  "negation",
    "third_party_says"};

const PhraseMatcher& matcher() {
  static const PhraseMatcher m = [] {
    PhraseMatcher built;
    for (auto table : {english_cues(), chinese_cues()}) {
      for (const CueGroup& group : table) {
        std::string_view rest = group.phrases;
        while (!rest.empty()) {
          std::size_t bar = rest.find('|');
          built.add(rest.substr(0, bar), static_cast<int>(group.cue));
          rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        }
      }
    }
    built.build();
    return built;
  }();
  return m;
}

}  // namespace

std::string_view to_string(Cue cue) {
  auto i = static_cast<std::size_t>(cue);
  return i < kNames.size() ? kNames[i] : "unknown";
}

bool is_evidence(Cue cue) { return cue < Cue::kPayVerb; }

std::vector<CueHit> find_cues(std::string_view normalized) {
  thread_local std::vector<PhraseMatcher::Hit> hits;
  hits.clear();
  matcher().find(normalized, hits);
  std::vector<CueHit> cues;
  cues.reserve(hits.size());
  for (const auto& h : hits) {
    Cue cue = static_cast<Cue>(h.tag);
    // Evidence inside a longer phrase of other evidence says what the longer one says:
    // "liquidated damages" is late delivery, not insolvency; "没钱付了" is not "付了".
    bool shadowed = is_evidence(cue) && std::any_of(hits.begin(), hits.end(), [&](const auto& o) {
                      Cue other = static_cast<Cue>(o.tag);
                      return other != cue && is_evidence(other) && encloses(o, h);
                    });
    if (!shadowed) cues.push_back({h.begin, h.end, cue});
  }
  return cues;
}

}  // namespace overdue::replies
