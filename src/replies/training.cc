#include "replies/training.h"

#include <fasttext/fasttext.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "replies/cues.h"
#include "replies/model_path.h"
#include "replies/normalize.h"
#include "replies/reply_table.h"

namespace overdue::replies {

Result<std::string> train_reply_model(const std::vector<TrainingFile>& files,
                                      const std::string& out, const TrainingOptions& o) {
  auto normalizer = Normalizer::create();
  if (!normalizer) return normalizer.error();
  ChineseWordBreaker breaker;
  const std::string train_path = out + ".train.txt";
  std::ofstream train(train_path, std::ios::binary | std::ios::trunc);
  if (!train) return Error{"cannot write " + train_path};
  std::set<std::string> seen;
  int rows = 0, duplicates = 0;
  for (const auto& file : files) {
    auto table = read_reply_table(file.path, ReplyColumns::kLabelled);
    if (!table) return table.error();
    for (const auto& row : table->rows) {
      if (!file.writer.empty() && !row.writer.empty() && row.writer != file.writer) {
        return Error{file.path + ":" + std::to_string(row.line) + ": writer '" + row.writer +
                     "' in " + file.writer};
      }
      NormalizedText text = (*normalizer)->normalize(row.text);
      if (!seen.insert(text.text).second) {
        ++duplicates;
        continue;
      }
      auto tokens = model_tokens(text, find_cues(text.text), o.chinese, &breaker);
      train << "__label__" << to_string(*row.reason);
      for (const auto& t : tokens) train << ' ' << t;
      train << '\n';
      ++rows;
    }
  }
  train.close();
  if (rows == 0) return Error{"no labelled replies to train on"};

  fasttext::Args args;
  args.input = train_path;
  args.output = out;
  args.model = fasttext::model_name::sup;
  args.loss = fasttext::loss_name::softmax;
  args.dim = o.dim;
  args.epoch = o.epoch;
  args.lr = o.lr;
  args.wordNgrams = 1;  // word pairs are explicit tokens
  args.minCount = 1;
  args.minn = 0;
  args.maxn = 0;
  args.bucket = 0;  // no hashed n-grams: a small model
  args.thread = 1;  // with the fixed seed: deterministic
  args.seed = 20260415;
  args.verbose = 0;
  fasttext::FastText model;
  try {
    model.train(args);
    const std::string tmp = out + ".tmp";
    model.saveModel(tmp);
    std::filesystem::rename(tmp, out);
  } catch (const std::exception& e) {
    std::filesystem::remove(train_path);
    return Error{std::string("training failed: ") + e.what()};
  }
  std::filesystem::remove(train_path);
  return "reply model: " + std::to_string(rows) + " replies (" + std::to_string(duplicates) +
         " duplicates skipped), " + std::to_string(model.getDictionary()->nwords()) +
         " tokens, dim " + std::to_string(o.dim) + ", " + std::string(to_string(o.chinese)) +
         " -> " + out;
}

std::string model_for_book(const std::string& db_path, const char* argv0) {
  std::filesystem::path local = std::filesystem::absolute(db_path).parent_path() / kModelFileName;
  std::error_code ec;
  if (std::filesystem::exists(local, ec)) return local.string();
  return default_model_path(argv0);
}

}  // namespace overdue::replies
