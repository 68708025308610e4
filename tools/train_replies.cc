// Trains the reply-reason model at build time: reads the corpus, keeps the writers the split
// file marks `train` (never the held-out ones), turns each reply into the tokens the classifier
// will read (replies/features.h) and trains fastText with one thread and a fixed seed, so the
// same corpus always gives the same model.
//
// Usage: overdue_train_replies --split data/replies/split.txt --corpus data/replies/corpus
//            --out build/overdue-replies.bin [--writers w01,w02] [--chinese char_ngrams|icu_words]
//            [--dim 24] [--epoch 40] [--lr 0.5]
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "replies/training.h"

namespace {

using namespace overdue::replies;

struct Options {
  std::string split, corpus, out, writers;
  ChineseTokens chinese = ChineseTokens::kCharNgrams;
  int dim = 24, epoch = 40;
  double lr = 0.5;
};

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "overdue_train_replies: " << message << "\n";
  std::exit(1);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) fail(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--split") {
      o.split = value();
    } else if (arg == "--corpus") {
      o.corpus = value();
    } else if (arg == "--out") {
      o.out = value();
    } else if (arg == "--writers") {
      o.writers = value();
    } else if (arg == "--dim") {
      o.dim = std::stoi(value());
    } else if (arg == "--epoch") {
      o.epoch = std::stoi(value());
    } else if (arg == "--lr") {
      o.lr = std::stod(value());
    } else if (arg == "--chinese") {
      std::string v = value();
      if (v == "icu_words") {
        o.chinese = ChineseTokens::kIcuWords;
      } else if (v != "char_ngrams") {
        fail("--chinese must be char_ngrams or icu_words");
      }
    } else {
      fail("unknown argument " + arg);
    }
  }
  if (o.corpus.empty() || o.out.empty() || (o.split.empty() && o.writers.empty())) {
    fail("usage: --split FILE --corpus DIR --out FILE [--writers w01,w02]");
  }
  return o;
}

// The writers of the `train` line of the split file (or of --writers).
std::vector<std::string> train_writers(const Options& o) {
  std::vector<std::string> writers;
  std::string source = o.writers;
  if (source.empty()) {
    std::ifstream in(o.split);
    if (!in) fail("cannot read the split file " + o.split);
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream words(line);
      std::string part;
      words >> part;
      if (part != "train") continue;
      for (std::string w; words >> w;) writers.push_back(w);
    }
  } else {
    std::istringstream list(source);
    for (std::string w; std::getline(list, w, ',');) writers.push_back(w);
  }
  if (writers.empty()) fail("no training writers (a 'train w01 w02 …' line in the split file)");
  return writers;
}

}  // namespace

int main(int argc, char** argv) {
  Options o = parse(argc, argv);
  std::vector<TrainingFile> files;
  for (const auto& writer : train_writers(o)) {
    files.push_back({(std::filesystem::path(o.corpus) / (writer + ".tsv")).string(), writer});
  }
  TrainingOptions options;
  options.chinese = o.chinese;
  options.dim = o.dim;
  options.epoch = o.epoch;
  options.lr = o.lr;
  auto summary = train_reply_model(files, o.out, options);
  if (!summary) fail(summary.error().message);
  std::cout << summary.value() << "\n";
  return 0;
}
