#include "replies/eval.h"

#include <gtest/gtest.h>

namespace overdue::replies {
namespace {

EvalRow row(Reason truth, Reason predicted, ReplyLanguage language = ReplyLanguage::kEn,
            const char* truth_promise = nullptr, const char* predicted_promise = nullptr) {
  EvalRow r;
  r.truth = truth;
  r.predicted = predicted;
  r.language = language;
  if (truth_promise) r.truth_promise = CivilDate::of(truth_promise);
  if (predicted_promise) r.predicted_promise = CivilDate::of(predicted_promise);
  return r;
}

TEST(Eval, PrecisionRecallMacroF1) {
  using enum Reason;
  std::vector<EvalRow> rows = {
      row(kPaymentSent, kPaymentSent),
      row(kPaymentSent, kPaymentSent),
      row(kPaymentSent, kOversight),
      row(kOversight, kOversight, ReplyLanguage::kZh),
      row(kCashFlow, kCashFlow, ReplyLanguage::kZh),
  };
  EvalReport r = evaluate(rows);
  const ClassMetrics& paid = r.per_class[reason_index(kPaymentSent)];
  EXPECT_DOUBLE_EQ(paid.precision, 1.0);
  EXPECT_DOUBLE_EQ(paid.recall, 2.0 / 3);
  EXPECT_DOUBLE_EQ(paid.f1, 0.8);
  const ClassMetrics& oversight = r.per_class[reason_index(kOversight)];
  EXPECT_DOUBLE_EQ(oversight.precision, 0.5);
  EXPECT_DOUBLE_EQ(oversight.recall, 1.0);
  EXPECT_DOUBLE_EQ(r.macro_f1, (0.8 + 2.0 / 3 + 1.0) / 3);  // three reasons seen
  EXPECT_DOUBLE_EQ(r.accuracy, 0.8);
  EXPECT_EQ(r.confusion[reason_index(kPaymentSent)][reason_index(kOversight)], 1);
  EXPECT_EQ(r.by_language.at(ReplyLanguage::kZh).first, 2);
  EXPECT_DOUBLE_EQ(r.by_language.at(ReplyLanguage::kZh).second, 1.0);
}

TEST(Eval, PromisesMatchedAndInvented) {
  using enum Reason;
  std::vector<EvalRow> rows = {
      row(kCashFlow, kCashFlow, ReplyLanguage::kEn, "2026-03-31", "2026-03-31"),
      row(kCashFlow, kCashFlow, ReplyLanguage::kEn, "2026-03-31", "2026-03-30"),
      row(kCashFlow, kCashFlow, ReplyLanguage::kEn, "2026-03-31", nullptr),
      row(kOther, kOther, ReplyLanguage::kEn, nullptr, "2026-03-30"),
      row(kOther, kOther),
  };
  EvalReport r = evaluate(rows);
  EXPECT_EQ(r.promise_rows, 3);
  EXPECT_EQ(r.promise_exact, 1);
  EXPECT_EQ(r.no_promise_rows, 2);
  EXPECT_EQ(r.invented, 1);
  EXPECT_DOUBLE_EQ(r.invented_rate(), 0.5);
  std::string text = render_eval_text(r, rows, true);
  EXPECT_NE(text.find("promise date exact match 0.333 (1/3"), std::string::npos) << text;
  std::string json = render_eval_json(r);
  EXPECT_NE(json.find("\"invented_promises\":1"), std::string::npos) << json;
}

}  // namespace
}  // namespace overdue::replies
