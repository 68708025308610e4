// UTF-8 decoding and encoding for the reply pipeline: never throws, never reads past the end.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace overdue::replies {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at s[i] and advances i past it. An invalid or truncated
// sequence yields U+FFFD and advances by one byte. Needs i < s.size().
char32_t next_code_point(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of cp (surrogates and values above U+10FFFF become U+FFFD).
void append_utf8(std::string& out, char32_t cp);

// Facts about a byte string seen as text.
struct TextHealth {
  std::size_t invalid_bytes = 0;  // bytes that are not part of a valid UTF-8 sequence
  std::size_t control_chars = 0;  // C0 controls other than tab, newline, carriage return; NUL
  std::size_t code_points = 0;
};
TextHealth inspect_utf8(std::string_view s);

// Han ideographs (CJK Unified, Extension A, Compatibility).
bool is_han(char32_t cp);
// ASCII letter or digit.
inline bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Truncates s to at most max_bytes without splitting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

}  // namespace overdue::replies
