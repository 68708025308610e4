// Plain-text tables that stay aligned with Chinese text (East Asian wide characters count 2).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace overdue::report {

// Terminal columns the UTF-8 text occupies (ICU East Asian Width: wide and fullwidth count 2).
int display_width(std::string_view text);
// Cuts text to at most `width` columns, ending with "…" when cut.
std::string fit(std::string_view text, int width);

enum class Align { kLeft, kRight };

class TextTable {
 public:
  void columns(std::vector<std::pair<std::string, Align>> columns);
  void row(std::vector<std::string> cells);
  void rule();  // a separator line before the next row
  // The table with a header and a rule under it, every line indented by `indent` spaces.
  std::string render(int indent = 0) const;

 private:
  std::vector<std::pair<std::string, Align>> columns_;
  std::vector<std::vector<std::string>> rows_;  // an empty row is a rule
};

}  // namespace overdue::report
