#include "replies/classifier.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>

#include "replies/amounts.h"
#include "replies/cues.h"
#include "replies/date_scanner.h"
#include "replies/features.h"
#include "replies/promise.h"
#include "replies/reason_rules.h"
#include "replies/text_spans.h"
#include "replies/utf8.h"

namespace overdue::replies {
namespace {

Classification unreadable(std::string why) {
  Classification c;
  c.readable = false;
  c.why = "not classified: " + std::move(why);
  return c;
}

// Why the bytes cannot be read as a reply, or empty when they can.
std::string unreadable_because(std::string_view text) {
  if (text.size() > kMaxReplyBytes) {
    return fmt::format("the reply is {} bytes, more than the {} a reply can be", text.size(),
                       kMaxReplyBytes);
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return "empty reply";
  TextHealth health = inspect_utf8(text);
  if (text.find('\0') != std::string_view::npos || health.control_chars * 50 > health.code_points) {
    return fmt::format("binary data ({} control characters), not text", health.control_chars);
  }
  if (health.invalid_bytes * 10 > text.size()) {
    return fmt::format("not UTF-8 text ({} invalid bytes)", health.invalid_bytes);
  }
  return {};
}

std::string quote(std::string_view text, std::size_t begin, std::size_t end) {
  std::string phrase(text.substr(begin, end - begin));
  std::replace(phrase.begin(), phrase.end(), '\n', ' ');
  return "\"" + phrase + "\"";
}

std::optional<Money> amount_near(std::string_view text, const DateMention& promise) {
  auto [begin, end] = clause_around(text, promise.begin, promise.end);
  std::optional<Money> best;
  std::size_t best_distance = std::string_view::npos;
  for (const AmountMention& a : find_amounts(text.substr(0, end))) {
    if (a.begin < begin || a.end > end) continue;
    std::size_t distance = a.end <= promise.begin ? promise.begin - a.end : a.begin - promise.end;
    if (distance < best_distance) best = a.money, best_distance = distance;
  }
  return best;
}

// The sentence of `m` names the creditor it pays ("you", "yours", 贵司, 你们) or "the rest".
bool addressed_to_us(std::string_view text, const DateMention& m) {
  Span sentence = sentence_around(text, m.begin, m.end);
  std::string_view words = text.substr(sentence.begin, sentence.end - sentence.begin);
  for (std::string_view payee : {"贵司", "贵公司", "你", "您", "余数", "余款", "剩下"}) {
    if (words.find(payee) != std::string_view::npos) return true;
  }
  for (std::string_view payee : {"you", "your", "yours", "balance", "the rest"}) {
    for (std::size_t at = words.find(payee); at != std::string_view::npos;
         at = words.find(payee, at + 1)) {
      std::size_t after = at + payee.size();
      bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(words[at - 1]));
      bool ends = after >= words.size() || !std::isalpha(static_cast<unsigned char>(words[after]));
      if (starts && ends) return true;
    }
  }
  return false;
}

// Finds the promise (§8) unless the reply cannot make one, and says why in `why`.
void read_promise(std::string_view text, CivilDate received, const std::vector<CueHit>& cues,
                  Classification& c, std::vector<std::string>& why) {
  auto mentions = scan_dates(text, received);
  // A date before the reply or years after it is not a payment date (a reference number such as
  // "01/02/03", an old invoice date): it may still be read, but never promised.
  const CivilDate latest = received.plus_days(2 * 366);
  mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                [&](const DateMention& m) {
                                  return m.date && (*m.date < received || *m.date > latest);
                                }),
                 mentions.end());
  auto any = [&](std::initializer_list<Cue> kinds) {
    return std::any_of(cues.begin(), cues.end(), [&](const CueHit& h) {
      return std::find(kinds.begin(), kinds.end(), h.cue) != kinds.end();
    });
  };
  PromiseDecision decision =
      decide_promise(text, mentions, cues, any({Cue::kPaidPast, Cue::kPaymentProof}));
  bool auto_reply = any({Cue::kAutoReply, Cue::kOutOfOffice});
  // In formal proceedings (administrator, bankruptcy) the buyer can no longer promise; a buyer
  // who is only closing down can ("we pay everyone before we close, yours by 15 August").
  // Dissolving or deregistering one's own business ("公司决定解散", "准备注销") is closing down;
  // liquidation, a court, an administrator or bankruptcy is a proceeding.
  bool proceedings = c.reason == Reason::kInsolvency &&
                     std::any_of(cues.begin(), cues.end(), [&](const CueHit& h) {
                       if (h.cue != Cue::kInsolvency) return false;
                       std::string_view word = text.substr(h.begin, h.end - h.begin);
                       for (std::string_view voluntary : {"解散", "注销", "dissolv"}) {
                         if (word.starts_with(voluntary)) return false;
                       }
                       return true;
                     });
  // In proceedings a date may still be a promise to this creditor ("your balance will be paid by
  // 15 June", "第一期清偿款两周内汇付贵公司"), never a notice to all of them (a creditors' meeting,
  // the last day to file a claim).
  if (decision.promise && proceedings && addressed_to_us(text, *decision.promise)) {
    proceedings = false;
  }
  if (decision.promise && (proceedings || auto_reply)) {
    why.push_back(
        fmt::format("no promise: {} is not a promise from {}",
                    quote(text, decision.promise->begin, decision.promise->end),
                    c.reason == Reason::kInsolvency ? "an insolvent buyer" : "an auto-reply"));
    return;
  }
  if (decision.promise) {
    const DateMention& p = *decision.promise;
    c.promise_date = p.date;
    c.promise_amount = amount_near(text, p);
    std::string points;
    for (const auto& candidate : decision.candidates) {
      if (candidate.mention.begin == p.begin) {
        points = fmt::format("{}", fmt::join(candidate.reasons, ", "));
      }
    }
    why.push_back(
        fmt::format("promise {} from {} ({})", p.date->iso(), quote(text, p.begin, p.end), points));
    return;
  }
  std::vector<std::string> rejected;
  for (const auto& candidate : decision.candidates) {
    if (rejected.size() < 2) {
      rejected.push_back(fmt::format("{} ({} points: {})",
                                     quote(text, candidate.mention.begin, candidate.mention.end),
                                     candidate.score, fmt::join(candidate.reasons, ", ")));
    }
  }
  if (!rejected.empty()) {
    why.push_back(fmt::format("no promise: {} not a commitment to pay", fmt::join(rejected, ", ")));
  }
}

}  // namespace

struct Classifier::Impl {
  std::shared_ptr<Normalizer> normalizer;
  std::unique_ptr<ReasonModel> model;
  mutable ChineseWordBreaker breaker;
};

Classifier::Classifier() : impl_(std::make_unique<Impl>()) {}
Classifier::~Classifier() = default;

Result<std::unique_ptr<Classifier>> Classifier::load(const std::string& model_path) {
  auto normalizer = Normalizer::create();
  if (!normalizer) return normalizer.error();
  auto model = ReasonModel::load(model_path);
  if (!model) return model.error();
  std::unique_ptr<Classifier> c(new Classifier());
  c->impl_->normalizer = *normalizer;
  c->impl_->model = std::move(model).value();
  return c;
}

Classification Classifier::classify(std::string_view raw, CivilDate received) const {
  if (std::string problem = unreadable_because(raw); !problem.empty()) {
    return unreadable(std::move(problem));
  }
  Classification c;
  std::vector<std::string> why;
  TextHealth health = inspect_utf8(raw);
  NormalizedText n = impl_->normalizer->normalize(raw);
  c.language = n.language;
  auto cues = find_cues(n.text);
  auto tokens = model_tokens(n, cues, impl_->model->chinese_tokens(), &impl_->breaker);
  std::vector<std::int32_t> ids;
  ReasonScores scores = impl_->model->predict(tokens, ids);
  std::size_t top = std::max_element(scores.begin(), scores.end()) - scores.begin();
  c.reason = kAllReasons[top];
  c.confidence = scores[top];

  RuleVerdict verdict = apply_reason_rules(n.text, cues, scores);
  if (verdict.reason && *verdict.reason != c.reason) {
    why.push_back(fmt::format("{} by rule: {} (the model said {} {:.2f})",
                              to_string(*verdict.reason), verdict.explanation, to_string(c.reason),
                              c.confidence));
    c.reason = *verdict.reason;
    c.confidence = std::max(0.9, static_cast<double>(scores[reason_index(c.reason)]));
  } else {
    std::string evidence = evidence_phrases(n.text, cues, c.reason, 3);
    auto words = impl_->model->strongest_tokens(ids, c.reason, 4);
    std::string line = fmt::format("{} ({:.2f})", to_string(c.reason), c.confidence);
    if (!evidence.empty()) line += ": " + evidence;
    if (!words.empty()) line += fmt::format("; model words: {}", fmt::join(words, ", "));
    if (verdict.reason) line += "; confirmed by rule: " + verdict.explanation;
    why.push_back(std::move(line));
  }

  read_promise(n.text, received, cues, c, why);

  c.invoices = find_invoices(n.display);
  c.references = find_references(n.display);
  if (c.reason == Reason::kWrongContact) c.redirect = find_redirect(n.display);
  if (health.invalid_bytes > 0) {
    why.push_back(fmt::format("{} invalid UTF-8 bytes were ignored", health.invalid_bytes));
  }
  c.why = fmt::format("{}", fmt::join(why, "; "));
  return c;
}

}  // namespace overdue::replies
