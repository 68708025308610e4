// The one mechanism behind every enum's to_string/parse pair: a table of (value, name).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace overdue {

template <typename E, size_t N>
using CodeTable = std::array<std::pair<E, std::string_view>, N>;

// The name of `v` in the table ("?" if missing, which a complete table never is).
template <typename E, size_t N>
std::string_view code_name(const CodeTable<E, N>& table, E v) {
  for (const auto& [e, name] : table) {
    if (e == v) return name;
  }
  return "?";
}

// The value named `s`, if any.
template <typename E, size_t N>
std::optional<E> code_value(const CodeTable<E, N>& table, std::string_view s) {
  for (const auto& [e, name] : table) {
    if (name == s) return e;
  }
  return std::nullopt;
}

// "a, b, c": the accepted names, for error messages.
template <typename E, size_t N>
std::string code_list(const CodeTable<E, N>& table) {
  std::string out;
  for (const auto& [e, name] : table) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

}  // namespace overdue
