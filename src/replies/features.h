// The tokens the fastText model reads for a reply. English: words and word pairs. Chinese:
// character unigrams and bigrams, or ICU dictionary words and word pairs (measured against each
// other in docs/classify.md). Plus one token per kind of cue found ("__cue_paid_past"), which is
// what lets the model carry what it learnt from one writer over to another.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "replies/cues.h"
#include "replies/normalize.h"

namespace overdue::replies {

enum class ChineseTokens { kCharNgrams, kIcuWords };
std::string_view to_string(ChineseTokens mode);

// The sentinel token that records, inside a model, how its Chinese text was tokenized.
std::string_view chinese_tokens_marker(ChineseTokens mode);

// Segments Chinese text into words with ICU's word BreakIterator. Not thread-safe.
class ChineseWordBreaker {
 public:
  ChineseWordBreaker();
  ~ChineseWordBreaker();
  // Appends the words of a run of Han characters (UTF-8) to `out`.
  void split(std::string_view han_run, std::vector<std::string>& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Tokens for `text` (normalized) and its cues. `breaker` is needed for kIcuWords only. At most
// kMaxTokens tokens.
inline constexpr std::size_t kMaxTokens = 1500;
std::vector<std::string> model_tokens(const NormalizedText& text, const std::vector<CueHit>& cues,
                                      ChineseTokens mode, ChineseWordBreaker* breaker);

}  // namespace overdue::replies
