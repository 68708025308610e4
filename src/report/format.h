// Output formats shared by the reports.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace overdue::report {

enum class Format { kTable, kText, kCsv, kJson };

// Parses "table", "text", "csv", "json".
std::optional<Format> parse_format(std::string_view s);

// A ratio for people: one decimal, or "n/a" when absent.
std::string ratio_text(const std::optional<double>& value);

}  // namespace overdue::report
