#include "replies/eval.h"

#include <fmt/format.h>

#include "replies/render.h"

namespace overdue::replies {
namespace {

// Macro-F1 and per-class metrics over `rows` (all rows, or one language's).
double fill_metrics(const std::vector<const EvalRow*>& rows,
                    std::array<ClassMetrics, kAllReasons.size()>& per_class) {
  per_class = {};
  for (const EvalRow* r : rows) {
    ClassMetrics& truth = per_class[reason_index(r->truth)];
    ++truth.support;
    if (r->truth == r->predicted) {
      ++truth.true_positives;
    } else {
      ++truth.false_negatives;
      ++per_class[reason_index(r->predicted)].false_positives;
    }
  }
  double sum = 0;
  int classes = 0;
  for (ClassMetrics& m : per_class) {
    int predicted = m.true_positives + m.false_positives;
    m.precision = predicted ? double(m.true_positives) / predicted : 0;
    m.recall = m.support ? double(m.true_positives) / m.support : 0;
    m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0;
    if (m.support > 0 || predicted > 0) {
      sum += m.f1;
      ++classes;
    }
  }
  return classes ? sum / classes : 0;
}

}  // namespace

EvalReport evaluate(const std::vector<EvalRow>& rows) {
  EvalReport report;
  report.rows = static_cast<int>(rows.size());
  std::vector<const EvalRow*> all;
  std::map<ReplyLanguage, std::vector<const EvalRow*>> by_language;
  int correct = 0;
  for (const EvalRow& r : rows) {
    all.push_back(&r);
    by_language[r.language].push_back(&r);
    correct += r.truth == r.predicted;
    ++report.confusion[reason_index(r.truth)][reason_index(r.predicted)];
    if (r.truth_promise) {
      ++report.promise_rows;
      report.promise_exact += r.predicted_promise == r.truth_promise;
    } else {
      ++report.no_promise_rows;
      report.invented += r.predicted_promise.has_value();
    }
  }
  report.accuracy = rows.empty() ? 0 : double(correct) / rows.size();
  report.macro_f1 = fill_metrics(all, report.per_class);
  for (const auto& [language, subset] : by_language) {
    std::array<ClassMetrics, kAllReasons.size()> ignored;
    report.by_language[language] = {static_cast<int>(subset.size()), fill_metrics(subset, ignored)};
  }
  return report;
}

std::string render_eval_text(const EvalReport& r, const std::vector<EvalRow>& rows, bool errors) {
  std::string out = fmt::format("{} replies, accuracy {:.3f}\n\n", r.rows, r.accuracy);
  out += fmt::format("{:<24} {:>9} {:>9} {:>9} {:>8}\n", "reason", "precision", "recall", "f1",
                     "support");
  for (std::size_t i = 0; i < kAllReasons.size(); ++i) {
    const ClassMetrics& m = r.per_class[i];
    out += fmt::format("{:<24} {:>9.3f} {:>9.3f} {:>9.3f} {:>8}\n", to_string(kAllReasons[i]),
                       m.precision, m.recall, m.f1, m.support);
  }
  out += fmt::format("\nmacro-F1 {:.3f}\n", r.macro_f1);
  for (const auto& [language, value] : r.by_language) {
    out += fmt::format("macro-F1 {:<8} {:.3f} ({} replies)\n", to_string(language), value.second,
                       value.first);
  }
  out += fmt::format("\npromise date exact match {:.3f} ({}/{} replies that promise)\n",
                     r.promise_exact_rate(), r.promise_exact, r.promise_rows);
  out += fmt::format("promises invented        {:.3f} ({}/{} replies that promise nothing)\n",
                     r.invented_rate(), r.invented, r.no_promise_rows);
  out += "\nconfusion (rows: label, columns: predicted)\n";
  static constexpr const char* kShort[] = {"paid",  "overs", "cash",  "await", "disp",
                                           "delay", "insol", "wrong", "other"};
  out += fmt::format("{:<24}", "");
  for (const char* s : kShort) out += fmt::format(" {:>5}", s);
  out += "\n";
  for (std::size_t t = 0; t < kAllReasons.size(); ++t) {
    out += fmt::format("{:<24}", to_string(kAllReasons[t]));
    for (std::size_t p = 0; p < kAllReasons.size(); ++p) {
      out += fmt::format(" {:>5}", r.confusion[t][p]);
    }
    out += "\n";
  }
  if (errors) {
    out += "\nerrors\n";
    for (const EvalRow& row : rows) {
      bool reason_wrong = row.truth != row.predicted;
      bool promise_wrong = row.truth_promise != row.predicted_promise;
      if (!reason_wrong && !promise_wrong) continue;
      out +=
          fmt::format("{} {} -> {}; promise {} -> {}\n  why: {}\n", row.id, to_string(row.truth),
                      to_string(row.predicted), row.truth_promise ? row.truth_promise->iso() : "-",
                      row.predicted_promise ? row.predicted_promise->iso() : "-", row.why);
    }
  }
  return out;
}

std::string render_eval_json(const EvalReport& r) {
  std::string out =
      fmt::format("{{\"rows\":{},\"accuracy\":{:.4f},\"macro_f1\":{:.4f},\"per_class\":{{", r.rows,
                  r.accuracy, r.macro_f1);
  for (std::size_t i = 0; i < kAllReasons.size(); ++i) {
    const ClassMetrics& m = r.per_class[i];
    out += fmt::format(
        "{}\"{}\":{{\"precision\":{:.4f},\"recall\":{:.4f},\"f1\":{:.4f},\"support\":{}}}",
        i ? "," : "", to_string(kAllReasons[i]), m.precision, m.recall, m.f1, m.support);
  }
  out += "},\"macro_f1_by_language\":{";
  bool first = true;
  for (const auto& [language, value] : r.by_language) {
    out += fmt::format("{}\"{}\":{{\"rows\":{},\"macro_f1\":{:.4f}}}", first ? "" : ",",
                       to_string(language), value.first, value.second);
    first = false;
  }
  out += "},\"confusion\":{";
  for (std::size_t t = 0; t < kAllReasons.size(); ++t) {
    out += fmt::format("{}\"{}\":{{", t ? "," : "", to_string(kAllReasons[t]));
    for (std::size_t p = 0; p < kAllReasons.size(); ++p) {
      out += fmt::format("{}\"{}\":{}", p ? "," : "", to_string(kAllReasons[p]), r.confusion[t][p]);
    }
    out += "}";
  }
  out += fmt::format(
      "}},\"promise_rows\":{},\"promise_exact\":{},\"promise_exact_rate\":{:.4f},"
      "\"no_promise_rows\":{},\"invented_promises\":{},\"invented_rate\":{:.4f}}}\n",
      r.promise_rows, r.promise_exact, r.promise_exact_rate(), r.no_promise_rows, r.invented,
      r.invented_rate());
  return out;
}

}  // namespace overdue::replies
