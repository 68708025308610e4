#include "report/text_table.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace overdue::report {

int display_width(std::string_view text) {
  int width = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      ++width;
      continue;
    }
    if (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK) continue;
    int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

std::string fit(std::string_view text, int width) {
  if (display_width(text) <= width) return std::string(text);
  std::string out;
  int used = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    std::string_view piece = text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start));
    int w = display_width(piece);
    if (used + w > width - 1) break;
    out += piece;
    used += w;
  }
  return out + "…";
}

void TextTable::columns(std::vector<std::pair<std::string, Align>> columns) {
  columns_ = std::move(columns);
}

void TextTable::row(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  rows_.push_back(std::move(cells));
}

void TextTable::rule() { rows_.emplace_back(); }

std::string TextTable::render(int indent) const {
  const std::string margin(static_cast<size_t>(indent), ' ');
  std::vector<int> widths;
  for (const auto& [name, align] : columns_) widths.push_back(display_width(name));
  for (const auto& r : rows_) {
    for (size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], display_width(r[i]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t i = 0; i < columns_.size(); ++i) {
      int pad = widths[i] - display_width(cells[i]);
      bool last = i + 1 == columns_.size();
      if (i > 0) out += "  ";
      if (columns_[i].second == Align::kRight) {
        out += std::string(static_cast<size_t>(pad), ' ') + cells[i];
      } else {
        out += cells[i];
        if (!last) out += std::string(static_cast<size_t>(pad), ' ');
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return margin + out + "\n";
  };
  std::vector<std::string> header;
  for (const auto& c : columns_) header.push_back(c.first);
  std::string out = line(header);
  int total = 0;
  for (int w : widths) total += w;
  total += 2 * static_cast<int>(widths.empty() ? 0 : widths.size() - 1);
  std::string separator(static_cast<size_t>(total), '-');
  out += margin + separator + "\n";
  for (const auto& r : rows_) out += r.empty() ? margin + separator + "\n" : line(r);
  return out;
}

}  // namespace overdue::report
