// The fastText reason model: loads the file trained at build time and scores the nine reasons.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "domain/result.h"
#include "replies/features.h"
#include "replies/reason.h"

namespace fasttext {
class FastText;
}

namespace overdue::replies {

using ReasonScores = std::array<float, kAllReasons.size()>;  // probabilities, kAllReasons order

class ReasonModel {
 public:
  // Loads a model written by the trainer; a missing or foreign file is an error naming it.
  static Result<std::unique_ptr<ReasonModel>> load(const std::string& path);
  ~ReasonModel();

  // Probabilities of the reasons for the tokens (uniform when no token is known). The ids of the
  // known tokens are left in `ids` for strongest_tokens.
  ReasonScores predict(const std::vector<std::string>& tokens,
                       std::vector<std::int32_t>& ids) const;
  // The words (not cue tokens) that pushed hardest towards `reason`, strongest first.
  std::vector<std::string> strongest_tokens(const std::vector<std::int32_t>& ids, Reason reason,
                                            std::size_t limit) const;
  // How the model's Chinese text was tokenized (read from the model's vocabulary).
  ChineseTokens chinese_tokens() const { return chinese_tokens_; }

 private:
  ReasonModel() = default;

  std::unique_ptr<fasttext::FastText> fasttext_;
  std::array<std::int32_t, kAllReasons.size()> label_of_reason_{};
  ChineseTokens chinese_tokens_ = ChineseTokens::kCharNgrams;
  // Per reason and word id: how hard the word pulls towards the reason and away from the others
  // (its input row · (the reason's output row − the mean output row)).
  std::array<std::vector<float>, kAllReasons.size()> pull_;
};

}  // namespace overdue::replies
