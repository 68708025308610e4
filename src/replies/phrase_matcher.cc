#include "replies/phrase_matcher.h"

#include <algorithm>
#include <deque>

#include "replies/utf8.h"

namespace overdue::replies {

std::int32_t PhraseMatcher::child(std::int32_t node, unsigned char c) const {
  if (static_cast<std::size_t>(node) < dense_of_.size() && dense_of_[node] >= 0) {
    return dense_[dense_of_[node]][c];
  }
  const auto& next = nodes_[node].next;
  auto it = std::lower_bound(next.begin(), next.end(), c,
                             [](const auto& entry, unsigned char b) { return entry.first < b; });
  return it != next.end() && it->first == c ? it->second : -1;
}

void PhraseMatcher::add(std::string_view phrase, int tag) {
  bool open_end = !phrase.empty() && phrase.back() == '*';
  if (open_end) phrase.remove_suffix(1);
  if (phrase.empty()) return;
  std::int32_t node = 0;
  for (unsigned char c : phrase) {
    std::int32_t next = child(node, c);
    if (next < 0) {
      next = static_cast<std::int32_t>(nodes_.size());
      nodes_.emplace_back();
      auto& edges = nodes_[node].next;
      auto it =
          std::lower_bound(edges.begin(), edges.end(), c,
                           [](const auto& entry, unsigned char b) { return entry.first < b; });
      edges.insert(it, {c, next});
    }
    node = next;
  }
  Phrase p;
  p.length = static_cast<std::uint32_t>(phrase.size());
  p.tag = tag;
  p.word_start = is_ascii_alnum(phrase.front());
  p.word_end = !open_end && is_ascii_alnum(phrase.back());
  if (nodes_[node].output < 0) {
    nodes_[node].output = static_cast<std::int32_t>(outputs_.size());
    outputs_.emplace_back();
  }
  outputs_[nodes_[node].output].push_back(static_cast<std::int32_t>(phrases_.size()));
  phrases_.push_back(p);
}

void PhraseMatcher::build() {
  dense_of_.assign(nodes_.size(), -1);
  for (std::size_t node = 0; node < nodes_.size(); ++node) {
    if (nodes_[node].next.size() < 6) continue;
    std::array<std::int32_t, 256> table;
    table.fill(-1);
    for (auto [c, next] : nodes_[node].next) table[c] = next;
    dense_of_[node] = static_cast<std::int32_t>(dense_.size());
    dense_.push_back(table);
  }
  for (int c = 0; c < 256; ++c) {
    std::int32_t next = child(0, static_cast<unsigned char>(c));
    root_next_[c] = next < 0 ? 0 : next;
  }
  std::deque<std::int32_t> queue;
  for (auto [c, next] : nodes_[0].next) {
    nodes_[next].fail = 0;
    queue.push_back(next);
  }
  while (!queue.empty()) {
    std::int32_t node = queue.front();
    queue.pop_front();
    for (auto [c, next] : nodes_[node].next) {
      std::int32_t f = nodes_[node].fail;
      while (f > 0 && child(f, c) < 0) f = nodes_[f].fail;
      std::int32_t target = child(f, c);
      nodes_[next].fail = target >= 0 && target != next ? target : 0;
      std::int32_t fail = nodes_[next].fail;
      nodes_[next].dict_suffix = nodes_[fail].output >= 0 ? fail : nodes_[fail].dict_suffix;
      queue.push_back(next);
    }
  }
}

void PhraseMatcher::find(std::string_view text, std::vector<Hit>& hits) const {
  std::int32_t node = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::int32_t next = -1;
    while (node != 0 && (next = child(node, c)) < 0) node = nodes_[node].fail;
    node = node == 0 ? root_next_[c] : next;
    for (std::int32_t out = nodes_[node].output >= 0 ? node : nodes_[node].dict_suffix; out >= 0;
         out = nodes_[out].dict_suffix) {
      for (std::int32_t index : outputs_[nodes_[out].output]) {
        const Phrase& p = phrases_[index];
        std::size_t end = i + 1;
        std::size_t begin = end - p.length;
        if (p.word_start && begin > 0 && is_ascii_alnum(text[begin - 1])) continue;
        if (p.word_end && end < text.size() && is_ascii_alnum(text[end])) continue;
        hits.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), p.tag});
      }
    }
  }
}

}  // namespace overdue::replies
