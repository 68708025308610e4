// A CSV file read as a table with a header: named columns, per-field positions, collected problems.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/csv.h"

namespace overdue::io {

// A problem in an input file, reported as FILE:LINE:COLUMN: message.
struct SourceProblem {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  std::string str() const;
};

// Collects problems up to a cap; counts the rest.
class Problems {
 public:
  explicit Problems(size_t cap = 100) : cap_(cap) {}
  void add(const std::string& file, int line, int column, std::string message);
  bool empty() const { return total_ == 0; }
  size_t total() const { return total_; }
  const std::vector<SourceProblem>& shown() const { return shown_; }
  // All shown problems, one per line, and "... and N more" when capped.
  std::string report() const;

 private:
  size_t cap_;
  size_t total_ = 0;
  std::vector<SourceProblem> shown_;
};

struct ColumnSpec {
  std::vector<std::string_view> allowed;   // in documentation order
  std::vector<std::string_view> required;  // must be present in the header
};

// Iterates the data rows of one CSV file whose header matches `spec`.
class CsvTable {
 public:
  // Reads the header; header problems (unknown or missing columns, bad UTF-8) go to `problems`
  // and make ok() false.
  CsvTable(std::string file, CsvReader reader, const ColumnSpec& spec, Problems& problems);

  bool ok() const { return ok_; }
  // Reads the next data row; false at the end or after a syntax error (reported to problems).
  bool next();

  bool has_column(std::string_view name) const { return column(name) >= 0; }
  // The index of a column in this file, or -1 when absent (resolve once, then use get(int)).
  int column(std::string_view name) const;
  // The field's text, or "" when the column is absent.
  std::string_view get(std::string_view name) const { return get(column(name)); }
  std::string_view get(int column) const {
    return column < 0 ? std::string_view() : fields_[static_cast<size_t>(column)].value;
  }
  // Position of a field (the row start when the column is absent).
  int line_of(std::string_view name) const;
  int column_of(std::string_view name) const;
  // The size of the file in bytes, to size tables before reading.
  size_t size_hint() const { return reader_.size(); }
  int row_line() const { return fields_.empty() ? 0 : fields_[0].line; }
  const std::string& file() const { return file_; }

  // Reports a problem at the named field of the current row.
  void problem(std::string_view column, std::string message);

 private:
  const CsvField* field(std::string_view name) const;

  std::string file_;
  CsvReader reader_;
  Problems& problems_;
  std::vector<std::pair<std::string, size_t>> index_;
  size_t width_ = 0;
  std::vector<CsvField> fields_;
  bool ok_ = true;
};

// Opens FILE as a CsvTable; an unreadable file is reported as FILE:0:0.
std::optional<CsvTable> open_table(const std::string& file, const ColumnSpec& spec,
                                   Problems& problems);

}  // namespace overdue::io
