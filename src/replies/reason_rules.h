// Where rules are decisive about the reason, they override the model: an auto-reply is `other`,
// a transfer stated as done with its proof attached is `payment_sent`, and so on. Each rule
// names the phrase that fired it, for `why`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "replies/cues.h"
#include "replies/reason.h"
#include "replies/reason_model.h"

namespace overdue::replies {

struct RuleVerdict {
  std::optional<Reason> reason;  // empty: no rule is decisive, the model decides
  std::string explanation;       // "auto-reply \"out of the office\""
};

RuleVerdict apply_reason_rules(std::string_view text, const std::vector<CueHit>& cues,
                               const ReasonScores& scores);

// Up to `limit` quoted cue phrases that speak for `reason` ("\"mt103\", \"wire went out\"").
std::string evidence_phrases(std::string_view text, const std::vector<CueHit>& cues, Reason reason,
                             std::size_t limit);

// The cue kinds that are evidence for a reason.
bool is_evidence_for(Cue cue, Reason reason);

}  // namespace overdue::replies
