#include "replies/features.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <array>

#include "replies/utf8.h"

namespace overdue::replies {
namespace {

// Each kind of cue found is repeated so that it weighs as much as a few words in fastText's average
// of token vectors (chosen by leave-one-writer-out cross-validation: 1 → 0.920, 3 → 0.948).
constexpr int kCueWeight = 3;

struct Scanner {
  std::vector<std::string>& out;
  ChineseTokens mode;
  ChineseWordBreaker* breaker;
  std::string previous_word;  // for English word pairs; empty after a break
  std::string han_run;

  void emit(std::string token) {
    if (out.size() < kMaxTokens) out.push_back(std::move(token));
  }

  void word(std::string w) {
    bool has_digit = false;
    for (char c : w) has_digit |= is_ascii_digit(c);
    if (has_digit) w = "__num";
    if (!previous_word.empty()) emit(previous_word + "_" + w);
    emit(w);
    previous_word = std::move(w);
  }

  void flush_han() {
    if (han_run.empty()) return;
    std::vector<std::string> units;
    if (mode == ChineseTokens::kIcuWords && breaker) {
      breaker->split(han_run, units);
    } else {
      std::size_t i = 0;
      while (i < han_run.size()) {
        std::size_t start = i;
        next_code_point(han_run, i);
        units.emplace_back(han_run.substr(start, i - start));
      }
    }
    for (std::size_t k = 0; k < units.size(); ++k) {
      emit(units[k]);
      if (k > 0) emit(units[k - 1] + units[k]);
    }
    han_run.clear();
  }
};

}  // namespace

std::string_view to_string(ChineseTokens mode) {
  return mode == ChineseTokens::kIcuWords ? "icu_words" : "char_ngrams";
}

std::string_view chinese_tokens_marker(ChineseTokens mode) {
  return mode == ChineseTokens::kIcuWords ? "__tokens_icu_words" : "__tokens_char_ngrams";
}

struct ChineseWordBreaker::Impl {
  std::unique_ptr<icu::BreakIterator> words;
};

ChineseWordBreaker::ChineseWordBreaker() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status)) impl_->words.reset();
}
ChineseWordBreaker::~ChineseWordBreaker() = default;

void ChineseWordBreaker::split(std::string_view han_run, std::vector<std::string>& out) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(han_run.data(), static_cast<int32_t>(han_run.size())));
  if (!impl_->words) {
    out.emplace_back(han_run);
    return;
  }
  impl_->words->setText(u);
  int32_t start = impl_->words->first();
  for (int32_t end = impl_->words->next(); end != icu::BreakIterator::DONE;
       start = end, end = impl_->words->next()) {
    std::string word;
    u.tempSubStringBetween(start, end).toUTF8String(word);
    out.push_back(std::move(word));
  }
}

std::vector<std::string> model_tokens(const NormalizedText& text, const std::vector<CueHit>& cues,
                                      ChineseTokens mode, ChineseWordBreaker* breaker) {
  std::vector<std::string> out;
  out.reserve(text.text.size() / 2 + 16);
  out.emplace_back(chinese_tokens_marker(mode));
  std::array<bool, static_cast<std::size_t>(Cue::kCount)> seen{};
  for (const CueHit& c : cues) {
    auto k = static_cast<std::size_t>(c.cue);
    if (k < seen.size() && !seen[k]) {
      seen[k] = true;
      std::string token = "__cue_" + std::string(to_string(c.cue));
      for (int copy = 0; copy < kCueWeight; ++copy) out.push_back(token);
    }
  }
  Scanner s{out, mode, breaker, {}, {}};
  std::string_view t = text.text;
  std::string current;
  std::size_t i = 0;
  while (i < t.size()) {
    std::size_t start = i;
    char32_t cp = next_code_point(t, i);
    bool alnum =
        cp < 0x80 && (is_ascii_alnum(static_cast<char>(cp)) || (cp == '\'' && !current.empty()));
    if (alnum) {
      s.flush_han();
      current.append(t.substr(start, i - start));
      continue;
    }
    if (!current.empty()) {
      while (!current.empty() && current.back() == '\'') current.pop_back();
      s.word(std::move(current));
      current.clear();
    }
    if (is_han(cp)) {
      s.han_run.append(t.substr(start, i - start));
      s.previous_word.clear();
      continue;
    }
    s.flush_han();
    if (cp != ' ' && cp != '-' && cp != '/') s.previous_word.clear();  // punctuation ends pairs
  }
  if (!current.empty()) s.word(std::move(current));
  s.flush_han();
  return out;
}

}  // namespace overdue::replies
