// Training the reply-reason model from labelled TSV files (data/replies/README.md): used at build
// time by tools/train_replies.cc and by `overdue model retrain` with people's corrections.
#pragma once

#include <string>
#include <vector>

#include "domain/result.h"
#include "replies/features.h"

namespace overdue::replies {

struct TrainingOptions {
  ChineseTokens chinese = ChineseTokens::kCharNgrams;
  int dim = 24;
  int epoch = 40;
  double lr = 0.5;
};

struct TrainingFile {
  std::string path;
  std::string writer;  // every row's writer column must say this (empty: not checked)
};

// Trains fastText (one thread, fixed seed: the same files give the same model) and writes it to
// `out` atomically. Returns a one-line summary.
Result<std::string> train_reply_model(const std::vector<TrainingFile>& files,
                                      const std::string& out, const TrainingOptions& options);

// The model a book uses: <book directory>/overdue-replies.bin when `overdue model retrain` made
// one, else the one beside the executable.
std::string model_for_book(const std::string& db_path, const char* argv0);

}  // namespace overdue::replies
