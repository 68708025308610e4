// Decides which date expression in a reply, if any, is a promise to pay (domain.md §8): a
// commitment by the writer's side to pay all or part on or by a date, or a request for time that
// names a date. Not a promise: the buyer's own customer's date, the writer's return, a closing
// date, the arrival of money already sent, hedged or conditional dates.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_date.h"
#include "replies/cues.h"
#include "replies/date_scanner.h"

namespace overdue::replies {

struct PromiseCandidate {
  DateMention mention;
  int score = 0;
  bool accepted = false;
  bool same_day = false;  // a third party's date the reply pays on ("届时即转付"): a last resort
  std::vector<std::string> reasons;  // "+3 pay verb 'pay'", "-4 their customer 'client'" …
};

struct PromiseDecision {
  std::optional<DateMention> promise;  // the chosen mention, when there is a promise
  std::vector<PromiseCandidate> candidates;
};

// Scores every dated mention against its clause and sentence and picks the promise: the accepted
// date with the most support, the latest among equals (a part now, "the rest by X": X).
// `money_already_sent`
// makes "should reach you next week" an arrival, not a promise.
PromiseDecision decide_promise(std::string_view text, const std::vector<DateMention>& mentions,
                               const std::vector<CueHit>& cues, bool money_already_sent);

}  // namespace overdue::replies
