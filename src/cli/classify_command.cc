#include "cli/classify_command.h"

#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "cli/common.h"
#include "replies/classifier.h"
#include "replies/eval.h"
#include "replies/model_path.h"
#include "replies/render.h"
#include "replies/reply_table.h"

namespace overdue::cli {
namespace {

struct ClassifyOptions {
  std::string text;
  std::string date;
  std::string format = "text";
  std::string batch;
  std::vector<std::string> eval;
  std::string model;
  bool errors = false;
  bool targets = false;
  CLI::Option* text_option = nullptr;
  CLI::Option* date_option = nullptr;
};

// The targets of issue 6, checked by --targets.
constexpr double kMinMacroF1 = 0.90, kMinLanguageF1 = 0.85, kMinPromiseExact = 0.95;
constexpr double kMaxInvented = 0.02;

std::unique_ptr<replies::Classifier> load_classifier(const ClassifyOptions& o, const char* argv0) {
  std::string path = o.model.empty() ? replies::default_model_path(argv0) : o.model;
  auto classifier = replies::Classifier::load(path);
  if (!classifier) throw Failure{classifier.error().message};
  return std::move(classifier).value();
}

bool want_json(const std::string& format) {
  if (format == "json") return true;
  if (format == "text") return false;
  throw Failure{"--format: '" + format + "' must be text or json", kExitUsage};
}

int run_text(const ClassifyOptions& o, const char* argv0) {
  bool json = want_json(o.format);
  std::string text = o.text;
  if (text == "-") text.assign(std::istreambuf_iterator<char>(std::cin), {});
  auto received = CivilDate::parse(o.date.empty() ? today_iso() : o.date);
  if (!received) throw Failure{"--date: " + received.error().message, kExitUsage};
  auto classifier = load_classifier(o, argv0);
  replies::Classification c = classifier->classify(text, *received);
  if (json) {
    std::string out;
    replies::append_json(out, c);
    std::cout << out << "\n";
  } else {
    std::cout << replies::render_text(c);
  }
  return 0;
}

int run_batch(const ClassifyOptions& o, const char* argv0) {
  auto table = replies::read_reply_table(o.batch, replies::ReplyColumns::kBatch);
  if (!table) throw Failure{table.error().message};
  auto classifier = load_classifier(o, argv0);
  std::string out;
  out.reserve(1 << 20);
  for (const auto& row : table->rows) {
    replies::append_json(out, classifier->classify(row.text, row.received), row.id);
    out.push_back('\n');
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return 0;
}

int run_eval(const ClassifyOptions& o, const char* argv0) {
  bool json = want_json(o.format);
  std::vector<replies::ReplyRow> rows;
  for (const auto& file : o.eval) {
    auto table = replies::read_reply_table(file, replies::ReplyColumns::kLabelled);
    if (!table) throw Failure{table.error().message};
    for (auto& row : table->rows) rows.push_back(std::move(row));
  }
  auto classifier = load_classifier(o, argv0);
  std::vector<replies::EvalRow> scored;
  scored.reserve(rows.size());
  for (const auto& row : rows) {
    replies::Classification c = classifier->classify(row.text, row.received);
    scored.push_back({row.id, row.language.value_or(c.language), *row.reason, c.reason,
                      row.promise_date, c.promise_date, c.why});
  }
  replies::EvalReport report = replies::evaluate(scored);
  std::cout << (json ? replies::render_eval_json(report)
                     : replies::render_eval_text(report, scored, o.errors));
  if (!o.targets) return 0;
  std::vector<std::string> missed;
  if (report.macro_f1 < kMinMacroF1) missed.push_back("macro-F1 below 0.90");
  for (const auto& [language, value] : report.by_language) {
    if (value.second < kMinLanguageF1) {
      missed.push_back("macro-F1 for " + std::string(replies::to_string(language)) + " below 0.85");
    }
  }
  if (report.promise_exact_rate() < kMinPromiseExact) {
    missed.push_back("promise exact match below 0.95");
  }
  if (report.invented_rate() > kMaxInvented) missed.push_back("invented promises above 2%");
  for (const auto& m : missed) std::cerr << "overdue: target missed: " << m << "\n";
  return missed.empty() ? 0 : kExitFailure;
}

}  // namespace

void add_classify_command(CLI::App& app, std::function<int()>& action, const char* argv0) {
  static ClassifyOptions o;
  auto* cmd = app.add_subcommand(
      "classify",
      "why a buyer is late and what they promise, read from their reply (English and Chinese): "
      "reason, confidence, promise date and amount, invoices, payment references, redirect, why");
  o.text_option = cmd->add_option("--text", o.text, "the reply (\"-\" reads it from stdin)");
  auto* batch = cmd->add_option("--batch", o.batch,
                                "TSV with header id, received, text: one JSON object per reply");
  auto* eval = cmd->add_option("--eval", o.eval,
                               "labelled TSV (also reason, promise_date): precision, recall, F1, "
                               "confusion, promise-date exact match, invented promises");
  o.date_option = cmd->add_option("--date", o.date,
                                  "the date the reply was received (--text; "
                                  "default today), YYYY-MM-DD");
  cmd->add_option("--format", o.format,
                  "text (default) or json (--batch always writes JSON Lines)");
  cmd->add_option("--model", o.model,
                  "the model file (default: overdue-replies.bin beside overdue)");
  cmd->add_flag("--errors", o.errors, "with --eval: list every misread reply with its why");
  cmd->add_flag("--targets", o.targets,
                "with --eval: exit 1 below the targets (macro-F1 0.90, 0.85 per language, "
                "promise exact match 0.95, at most 2% invented promises)");
  o.text_option->excludes(batch)->excludes(eval);
  batch->excludes(eval);
  cmd->callback([&action, argv0] {
    action = [argv0] {
      int modes = (o.text_option->count() > 0) + !o.batch.empty() + !o.eval.empty();
      if (modes != 1) throw Failure{"classify: give one of --text, --batch or --eval", kExitUsage};
      if (o.date_option->count() > 0 && o.text_option->count() == 0) {
        throw Failure{"--date applies to --text; --batch and --eval read the received column",
                      kExitUsage};
      }
      if (o.text_option->count() > 0) return run_text(o, argv0);
      if (!o.batch.empty()) return run_batch(o, argv0);
      return run_eval(o, argv0);
    };
  });
}

}  // namespace overdue::cli
