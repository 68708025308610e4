// Clauses and sentences of a normalized reply, and the words just before or after a phrase:
// what the promise rules look at around a date.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <utility>

namespace overdue::replies {

// A byte range [begin, end) of the text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool contains(std::size_t b, std::size_t e) const { return b >= begin && e <= end; }
};

// `span` cut down to `within`.
Span clamp(std::size_t begin, std::size_t end, Span within);

// The sentence (ended by . ! ? ; 。 or a line break, not by "i.e." or "no.") around [begin, end).
Span sentence_around(std::string_view text, std::size_t begin, std::size_t end);
// The clause (a sentence cut at commas and colons; "9,216" is one number) around [begin, end).
Span clause_around(std::string_view text, std::size_t begin, std::size_t end);
// The sentence before the one that starts at `sentence.begin` (empty at the start).
Span sentence_before(std::string_view text, Span sentence);
// The clause before / after the one given (may be empty at the text's ends).
Span clause_before(std::string_view text, Span clause);
Span clause_after(std::string_view text, Span clause);

// The text before `begin` ends with one of `words` (spaces skipped; English words whole).
bool preceded_by_word(std::string_view text, std::size_t begin,
                      std::initializer_list<std::string_view> words);
// The text after `end` starts with one of `words` (one space skipped).
bool followed_by_word(std::string_view text, std::size_t end,
                      std::initializer_list<std::string_view> words);

}  // namespace overdue::replies
