#include "replies/text_spans.h"

#include <algorithm>

namespace overdue::replies {
namespace {

// A '.' ends a sentence unless it closes an abbreviation ("i.e.", "no.", "mr.") or a number.
bool is_abbreviation_dot(std::string_view t, std::size_t i) {
  std::size_t start = i;
  while (start > 0 && ((t[start - 1] >= 'a' && t[start - 1] <= 'z') || t[start - 1] == '.')) {
    --start;
  }
  std::string_view word = t.substr(start, i - start);
  if (word.size() == 1) return true;  // initials, "e.g", "i.e"
  for (std::string_view abbreviation : {"i.e", "e.g", "no", "nos", "mr", "ms", "mrs", "dr", "inv",
                                        "approx", "etc", "co", "ltd", "st", "vs", "ref", "attn"}) {
    if (word == abbreviation) return true;
  }
  return false;
}

bool is_sentence_end(std::string_view t, std::size_t i) {
  char c = t[i];
  if (c == '\n' || c == '!' || c == '?' || c == ';') return true;
  if (c == '.') {
    bool next_blank = i + 1 >= t.size() || t[i + 1] == ' ' || t[i + 1] == '\n';
    return next_blank && !is_abbreviation_dot(t, i);
  }
  return t.compare(i, 3, "。") == 0;
}

// A Chinese character (U+3000–U+9FFF: three UTF-8 bytes led by 0xE3–0xE9) starts at `i`.
bool cjk_at(std::string_view t, std::size_t i) {
  if (i + 3 > t.size()) return false;
  auto lead = static_cast<unsigned char>(t[i]);
  return lead >= 0xE3 && lead <= 0xE9;
}

// The run of text before the space at `i` (back to the previous space or line) holds an ASCII
// letter or digit.
bool latin_in_word_before(std::string_view t, std::size_t i) {
  for (std::size_t k = i; k > 0 && t[k - 1] != ' ' && t[k - 1] != '\n'; --k) {
    char c = t[k - 1];
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  }
  return false;
}

bool is_clause_end(std::string_view t, std::size_t i) {
  if (is_sentence_end(t, i)) return true;
  char c = t[i];
  // "客户说这周付我 收到了下周就给你打": chat writes a space where a comma belongs (not the
  // space set around Latin letters and digits: "预计 3月5日 到账").
  if (c == ' ' && i >= 3 && cjk_at(t, i - 3) && cjk_at(t, i + 1)) {
    return !latin_in_word_before(t, i);
  }
  if (c == ',') {
    bool digits = i > 0 && i + 1 < t.size() && t[i - 1] >= '0' && t[i - 1] <= '9' &&
                  t[i + 1] >= '0' && t[i + 1] <= '9';
    return !digits;
  }
  return c == ':';
}

template <typename IsEnd>
Span span_around(std::string_view t, std::size_t begin, std::size_t end, IsEnd is_end) {
  Span s{0, t.size()};
  for (std::size_t i = begin; i > 0; --i) {
    if (is_end(t, i - 1)) {
      s.begin = i;
      break;
    }
  }
  for (std::size_t i = end; i < t.size(); ++i) {
    if (is_end(t, i)) {
      s.end = i;
      break;
    }
  }
  return s;
}

}  // namespace

Span clamp(std::size_t begin, std::size_t end, Span within) {
  return Span{std::max(begin, within.begin), std::min(end, within.end)};
}

Span sentence_around(std::string_view text, std::size_t begin, std::size_t end) {
  return span_around(text, begin, end, is_sentence_end);
}

Span clause_around(std::string_view text, std::size_t begin, std::size_t end) {
  return span_around(text, begin, end, is_clause_end);
}

Span sentence_before(std::string_view text, Span sentence) {
  if (sentence.begin < 2) return Span{0, 0};
  std::size_t end = sentence.begin - 1;
  return sentence_around(text, end, end);
}

Span clause_before(std::string_view text, Span clause) {
  if (clause.begin < 1) return Span{0, 0};
  return clause_around(text, clause.begin - 1, clause.begin - 1);
}

Span clause_after(std::string_view text, Span clause) {
  if (clause.end + 1 >= text.size()) return Span{text.size(), text.size()};
  return clause_around(text, clause.end + 1, clause.end + 1);
}

bool preceded_by_word(std::string_view text, std::size_t begin,
                      std::initializer_list<std::string_view> words) {
  std::string_view head = text.substr(0, begin);
  while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
  for (std::string_view w : words) {
    if (head.size() < w.size() || head.substr(head.size() - w.size()) != w) continue;
    bool ascii = w[0] >= 'a' && w[0] <= 'z';
    std::size_t at = head.size() - w.size();
    if (!ascii || at == 0 || !(head[at - 1] >= 'a' && head[at - 1] <= 'z')) return true;
  }
  return false;
}

bool followed_by_word(std::string_view text, std::size_t end,
                      std::initializer_list<std::string_view> words) {
  std::string_view rest = text.substr(end);
  if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  for (std::string_view w : words) {
    if (rest.substr(0, w.size()) == w) return true;
  }
  return false;
}

}  // namespace overdue::replies
