// Reply understanding: for a buyer's reply and the date it was received, why they are late (one
// of the nine reasons of domain.md §4, with a confidence), the promise it makes (§8), the
// amounts, invoices, payment references and redirect it mentions, and `why`: the phrases that
// decided. The model proposes; exact rules may override it, and `why` says which did.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_date.h"
#include "domain/money.h"
#include "domain/result.h"
#include "replies/normalize.h"
#include "replies/reason.h"
#include "replies/reason_model.h"
#include "replies/references.h"

namespace overdue::replies {

struct Classification {
  Reason reason = Reason::kOther;
  double confidence = 0;  // 0…1
  std::optional<CivilDate> promise_date;
  std::optional<Money> promise_amount;
  std::vector<std::string> invoices;
  std::vector<Reference> references;
  std::optional<Redirect> redirect;
  std::string why;
  ReplyLanguage language = ReplyLanguage::kEn;  // as detected
  bool readable = true;                         // false for empty, oversized or binary input
};

// Replies longer than this are not read (a mail body is a few kilobytes).
inline constexpr std::size_t kMaxReplyBytes = 64 * 1024;

class Classifier {
 public:
  // Loads the model at `model_path` (see default_model_path in replies/model_path.h).
  static Result<std::unique_ptr<Classifier>> load(const std::string& model_path);
  ~Classifier();

  // Never fails and never throws on any bytes: unreadable input is `other` with confidence 0
  // and a `why` that says what was wrong. Not thread-safe (one Classifier per thread).
  Classification classify(std::string_view text, CivilDate received) const;

 private:
  Classifier();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace overdue::replies
