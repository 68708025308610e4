#include "report/format.h"

#include <fmt/format.h>

namespace overdue::report {

std::optional<Format> parse_format(std::string_view s) {
  if (s == "table") return Format::kTable;
  if (s == "text") return Format::kText;
  if (s == "csv") return Format::kCsv;
  if (s == "json") return Format::kJson;
  return std::nullopt;
}

std::string ratio_text(const std::optional<double>& value) {
  if (!value) return "n/a";
  double v = *value;
  if (v > -0.05 && v < 0.05) v = 0.0;  // no "-0.0"
  return fmt::format("{:.1f}", v);
}

}  // namespace overdue::report
