#include "replies/reason_model.h"

#include <fasttext/fasttext.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

namespace overdue::replies {

ReasonModel::~ReasonModel() = default;

Result<std::unique_ptr<ReasonModel>> ReasonModel::load(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Error{"reply model '" + path + "' not found (it is built with overdue; use --model)"};
  }
  std::unique_ptr<ReasonModel> model(new ReasonModel());
  model->fasttext_ = std::make_unique<fasttext::FastText>();
  try {
    model->fasttext_->loadModel(path);
  } catch (const std::exception& e) {
    return Error{"reply model '" + path + "' cannot be read: " + e.what()};
  }
  auto dict = model->fasttext_->getDictionary();
  for (std::size_t r = 0; r < kAllReasons.size(); ++r) {
    std::string label = "__label__" + std::string(to_string(kAllReasons[r]));
    model->label_of_reason_[r] = -1;
    for (int32_t l = 0; l < dict->nlabels(); ++l) {
      if (dict->getLabel(l) == label) model->label_of_reason_[r] = l;
    }
    if (model->label_of_reason_[r] < 0) {
      return Error{"reply model '" + path + "' does not know the reason " + label.substr(9)};
    }
  }
  auto output = model->fasttext_->getOutputMatrix();
  const int64_t dim = output->cols();
  std::vector<float> mean(dim, 0.0f);
  for (int64_t row = 0; row < output->rows(); ++row) {
    for (int64_t d = 0; d < dim; ++d) mean[d] += output->at(row, d) / output->rows();
  }
  auto input = model->fasttext_->getInputMatrix();
  for (std::size_t r = 0; r < kAllReasons.size(); ++r) {
    std::vector<float> direction(dim);
    for (int64_t d = 0; d < dim; ++d) {
      direction[d] = output->at(model->label_of_reason_[r], d) - mean[d];
    }
    model->pull_[r].assign(dict->nwords(), 0.0f);
    for (int32_t id = 0; id < dict->nwords(); ++id) {
      float dot = 0;
      for (int64_t d = 0; d < dim; ++d) dot += input->at(id, d) * direction[d];
      model->pull_[r][id] = dot;
    }
  }
  if (dict->getId(std::string(chinese_tokens_marker(ChineseTokens::kIcuWords))) >= 0) {
    model->chinese_tokens_ = ChineseTokens::kIcuWords;
  }
  return model;
}

ReasonScores ReasonModel::predict(const std::vector<std::string>& tokens,
                                  std::vector<std::int32_t>& ids) const {
  ReasonScores scores;
  scores.fill(1.0f / scores.size());
  auto dict = fasttext_->getDictionary();
  ids.clear();
  ids.reserve(tokens.size());
  for (const auto& t : tokens) {
    std::int32_t id = dict->getId(t);
    if (id >= 0 && id < dict->nwords()) ids.push_back(id);
  }
  if (ids.empty()) return scores;
  fasttext::Predictions predictions;
  fasttext_->predict(static_cast<int32_t>(scores.size()), ids, predictions, 0.0);
  if (predictions.empty()) return scores;
  scores.fill(0.0f);
  for (const auto& [log_probability, label] : predictions) {
    for (std::size_t r = 0; r < scores.size(); ++r) {
      if (label_of_reason_[r] == label) scores[r] = std::exp(log_probability);
    }
  }
  return scores;
}

std::vector<std::string> ReasonModel::strongest_tokens(const std::vector<std::int32_t>& ids,
                                                       Reason reason, std::size_t limit) const {
  auto dict = fasttext_->getDictionary();
  const std::vector<float>& pull = pull_[reason_index(reason)];
  std::vector<std::pair<float, std::int32_t>> best;  // the strongest so far, at most limit + 8
  for (std::int32_t id : ids) {
    float p = pull[id];
    if (p <= 0 || (best.size() > limit + 7 && p <= best.back().first)) continue;
    if (std::any_of(best.begin(), best.end(), [&](const auto& b) { return b.second == id; })) {
      continue;
    }
    best.emplace_back(p, id);
    std::sort(best.begin(), best.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    if (best.size() > limit + 8) best.pop_back();
  }
  std::vector<std::string> out;
  for (const auto& [score, id] : best) {
    if (out.size() >= limit) break;
    std::string word = dict->getWord(id);
    bool cue_or_number = word.find("__") != std::string::npos;
    if (!cue_or_number) out.push_back(std::move(word));
  }
  return out;
}

}  // namespace overdue::replies
