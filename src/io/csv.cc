#include "io/csv.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

namespace overdue::io {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The offset of the first byte that does not start a valid UTF-8 sequence, or npos.
size_t first_invalid_utf8(std::string_view text) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // ASCII runs (nearly all of a CSV file) eight bytes at a time.
    for (uint64_t word; i + 8 <= n; i += 8) {
      std::memcpy(&word, text.data() + i, 8);
      if (word & 0x8080808080808080u) break;
    }
    if (i == n) break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return i;
    }
    for (int k = 1; k <= extra; ++k) {
      if (i + k >= n || !is_continuation(static_cast<unsigned char>(text[i + k]))) return i;
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += extra + 1;
  }
  return std::string_view::npos;
}

}  // namespace

CsvReader::CsvReader(std::string text) : text_(std::move(text)) {
  if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
}

Result<CsvReader> CsvReader::open(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot open file"};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Error{path + ": cannot read file"};
  return CsvReader(std::move(buffer).str());
}

bool CsvReader::fail(int line, int column, std::string message) {
  has_problem_ = true;
  problem_ = CsvProblem{line, column, std::move(message)};
  return false;
}

void CsvReader::advance_column(size_t from, size_t to) {
  for (size_t i = from; i < to; ++i) {
    if (!is_continuation(static_cast<unsigned char>(text_[i]))) ++column_;
  }
}

bool CsvReader::next(std::vector<CsvField>& fields) {
  fields.clear();
  if (has_problem_ || pos_ >= text_.size()) return false;
  const size_t n = text_.size();
  while (true) {
    CsvField field{{}, line_, column_};
    if (pos_ < n && text_[pos_] == '"') {
      // Quoted field: unescape "" in place (the output never outruns the input).
      size_t read = pos_ + 1;
      size_t write = read;
      size_t start = read;
      ++column_;
      while (true) {
        if (read >= n) return fail(field.line, field.column, "unterminated quoted field");
        char c = text_[read];
        if (c == '"') {
          if (read + 1 < n && text_[read + 1] == '"') {
            text_[write++] = '"';
            read += 2;
            column_ += 2;
            continue;
          }
          ++read;
          ++column_;
          break;
        }
        if (c == '\n') {
          ++line_;
          column_ = 1;
        } else if (!is_continuation(static_cast<unsigned char>(c))) {
          ++column_;
        }
        text_[write++] = c;
        ++read;
      }
      field.value = std::string_view(text_.data() + start, write - start);
      pos_ = read;
      if (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        return fail(line_, column_, "unexpected character after closing quote (expected , or end of line)");
      }
    } else {
      size_t start = pos_;
      while (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        if (text_[pos_] == '"') {
          return fail(line_, column_ + static_cast<int>(pos_ - start),
                      "quote inside an unquoted field (quote the whole field and double the quote)");
        }
        ++pos_;
      }
      advance_column(start, pos_);
      field.value = std::string_view(text_.data() + start, pos_ - start);
    }
    fields.push_back(field);
    if (pos_ >= n) return true;
    char c = text_[pos_];
    if (c == ',') {
      ++pos_;
      ++column_;
      continue;
    }
    if (c == '\r') {
      ++pos_;
      if (pos_ < n && text_[pos_] == '\n') ++pos_;
    } else {
      ++pos_;  // '\n'
    }
    ++line_;
    column_ = 1;
    return true;
  }
}

std::string csv_escape(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

Status check_utf8(std::string_view text, int* bad_line, int* bad_column) {
  size_t bad = first_invalid_utf8(text);
  if (bad == std::string_view::npos) return Status::Ok();
  // All before `bad` is valid: its lines, then one column per code point (per non-continuation
  // byte) since the last line break.
  std::string_view before = text.substr(0, bad);
  *bad_line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  size_t line_start = before.rfind('\n');
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  *bad_column = 1 + static_cast<int>(std::count_if(
                        before.begin() + static_cast<std::ptrdiff_t>(line_start), before.end(),
                        [](char c) { return !is_continuation(static_cast<unsigned char>(c)); }));
  return Error{"invalid UTF-8 byte sequence (files must be UTF-8)"};
}

}  // namespace overdue::io
