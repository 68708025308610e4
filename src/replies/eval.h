// Scoring the classifier against labelled replies (`overdue classify --eval`): per-class
// precision/recall/F1, macro-F1 overall and per language, the confusion matrix, promise-date
// exact match over rows that make a promise, and promises invented on rows that make none.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/civil_date.h"
#include "replies/normalize.h"
#include "replies/reason.h"

namespace overdue::replies {

struct EvalRow {
  std::string id;
  ReplyLanguage language = ReplyLanguage::kEn;
  Reason truth = Reason::kOther;
  Reason predicted = Reason::kOther;
  std::optional<CivilDate> truth_promise;
  std::optional<CivilDate> predicted_promise;
  std::string why;
};

struct ClassMetrics {
  int support = 0, true_positives = 0, false_positives = 0, false_negatives = 0;
  double precision = 0, recall = 0, f1 = 0;
};

struct EvalReport {
  int rows = 0;
  double accuracy = 0;
  std::array<ClassMetrics, kAllReasons.size()> per_class{};
  double macro_f1 = 0;  // over the reasons present in the labels or the predictions
  std::map<ReplyLanguage, std::pair<int, double>> by_language;  // rows, macro-F1
  std::array<std::array<int, kAllReasons.size()>, kAllReasons.size()>
      confusion{};  // [truth][predicted]
  int promise_rows = 0, promise_exact = 0;
  int no_promise_rows = 0, invented = 0;
  double promise_exact_rate() const {
    return promise_rows ? double(promise_exact) / promise_rows : 1;
  }
  double invented_rate() const { return no_promise_rows ? double(invented) / no_promise_rows : 0; }
};

EvalReport evaluate(const std::vector<EvalRow>& rows);
// A report for people; with `errors`, every misclassified row and wrong promise follows.
std::string render_eval_text(const EvalReport& report, const std::vector<EvalRow>& rows,
                             bool errors);
// The same as one JSON object (schema in docs/classify.md).
std::string render_eval_json(const EvalReport& report);

}  // namespace overdue::replies
