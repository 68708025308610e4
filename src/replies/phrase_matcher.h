// Finds every occurrence of many phrases in one pass (Aho-Corasick over bytes). English phrases
// match whole words only: "paid" does not match inside "unpaid"; a trailing '*' ("apolog*")
// lets a phrase end inside a word.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace overdue::replies {

class PhraseMatcher {
 public:
  struct Hit {
    std::uint32_t begin = 0;  // byte offsets in the searched text
    std::uint32_t end = 0;
    int tag = 0;
  };

  // Adds a phrase (already normalized: lower-case, Simplified) with a caller-defined tag.
  void add(std::string_view phrase, int tag);
  // Builds the automaton; call once after the last add().
  void build();
  // Appends every hit in `text` to `hits`, ordered by end offset.
  void find(std::string_view text, std::vector<Hit>& hits) const;
  std::size_t size() const { return phrases_.size(); }

 private:
  struct Phrase {
    std::uint32_t length = 0;
    int tag = 0;
    bool word_start = false;  // needs a non-alphanumeric byte before it
    bool word_end = false;    // needs a non-alphanumeric byte after it
  };
  struct Node {
    std::vector<std::pair<unsigned char, std::int32_t>> next;  // sorted by byte
    std::int32_t fail = 0;
    std::int32_t output = -1;       // first phrase ending here (index into outputs_)
    std::int32_t dict_suffix = -1;  // nearest node on the fail chain with an output
  };
  std::int32_t child(std::int32_t node, unsigned char c) const;

  std::vector<Node> nodes_{1};
  std::int32_t root_next_[256] = {};  // dense transitions out of the root (0: stay at the root)
  // Dense transition tables (-1: none) for nodes with many children; dense_of_[node] indexes it.
  std::vector<std::int32_t> dense_of_;
  std::vector<std::array<std::int32_t, 256>> dense_;
  std::vector<Phrase> phrases_;
  std::vector<std::vector<std::int32_t>> outputs_;  // phrases ending at a node
};

}  // namespace overdue::replies
