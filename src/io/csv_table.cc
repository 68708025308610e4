#include "io/csv_table.h"

#include <algorithm>
#include <fstream>

namespace overdue::io {

std::string SourceProblem::str() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

void Problems::add(const std::string& file, int line, int column, std::string message) {
  ++total_;
  if (shown_.size() < cap_) shown_.push_back(SourceProblem{file, line, column, std::move(message)});
}

std::string Problems::report() const {
  // In file order as given, then by position, so problems read top to bottom.
  std::vector<std::string> files;
  for (const auto& p : shown_) {
    if (std::find(files.begin(), files.end(), p.file) == files.end()) files.push_back(p.file);
  }
  std::vector<SourceProblem> sorted = shown_;
  auto rank = [&](const SourceProblem& p) {
    return std::find(files.begin(), files.end(), p.file) - files.begin();
  };
  std::stable_sort(sorted.begin(), sorted.end(), [&](const SourceProblem& a, const SourceProblem& b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
  std::string out;
  for (const auto& p : sorted) out += p.str() + "\n";
  if (total_ > shown_.size()) {
    out += "... and " + std::to_string(total_ - shown_.size()) + " more problem(s)\n";
  }
  return out;
}

CsvTable::CsvTable(std::string file, CsvReader reader, const ColumnSpec& spec, Problems& problems)
    : file_(std::move(file)), reader_(std::move(reader)), problems_(problems) {
  std::vector<CsvField> header;
  if (!reader_.next(header)) {
    if (const CsvProblem* p = reader_.problem()) {
      problems_.add(file_, p->line, p->column, p->message);
    } else {
      problems_.add(file_, 1, 1, "empty file: a header row is required");
    }
    ok_ = false;
    return;
  }
  std::string allowed;
  for (auto name : spec.allowed) allowed += (allowed.empty() ? "" : ", ") + std::string(name);
  for (size_t i = 0; i < header.size(); ++i) {
    std::string name(header[i].value);
    if (std::find(spec.allowed.begin(), spec.allowed.end(), name) == spec.allowed.end()) {
      problems_.add(file_, header[i].line, header[i].column,
                    "unknown column '" + name + "' (allowed: " + allowed + ")");
      ok_ = false;
    } else if (column(name) >= 0) {
      problems_.add(file_, header[i].line, header[i].column, "column '" + name + "' repeated");
      ok_ = false;
    } else {
      index_.emplace_back(name, i);
    }
  }
  for (auto name : spec.required) {
    if (column(name) < 0) {
      problems_.add(file_, 1, 1, "missing required column '" + std::string(name) + "'");
      ok_ = false;
    }
  }
  width_ = header.size();
}

bool CsvTable::next() {
  while (reader_.next(fields_)) {
    if (fields_.size() == 1 && fields_[0].value.empty()) continue;  // blank line
    if (fields_.size() != width_) {
      problems_.add(file_, fields_[0].line, 1,
                    "expected " + std::to_string(width_) + " fields as in the header, found " +
                        std::to_string(fields_.size()));
      continue;
    }
    return true;
  }
  if (const CsvProblem* p = reader_.problem()) problems_.add(file_, p->line, p->column, p->message);
  return false;
}

int CsvTable::column(std::string_view name) const {
  for (const auto& [n, i] : index_) {
    if (n == name) return static_cast<int>(i);
  }
  return -1;
}

const CsvField* CsvTable::field(std::string_view name) const {
  int i = column(name);
  return i < 0 ? nullptr : &fields_[static_cast<size_t>(i)];
}

int CsvTable::line_of(std::string_view name) const {
  const CsvField* f = field(name);
  return f ? f->line : row_line();
}

int CsvTable::column_of(std::string_view name) const {
  const CsvField* f = field(name);
  return f ? f->column : 1;
}

void CsvTable::problem(std::string_view column, std::string message) {
  problems_.add(file_, line_of(column), column_of(column),
                std::string(column) + ": " + std::move(message));
}

std::optional<CsvTable> open_table(const std::string& file, const ColumnSpec& spec,
                                   Problems& problems) {
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  std::string text;
  if (in) {
    text.resize(static_cast<size_t>(in.tellg()));
    in.seekg(0);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
  }
  if (!in) {
    problems.add(file, 0, 0, "cannot read file");
    return std::nullopt;
  }
  int line = 0, column = 0;
  if (Status utf8 = check_utf8(text, &line, &column); !utf8) {
    problems.add(file, line, column, utf8.message());
    return std::nullopt;
  }
  return CsvTable(file, CsvReader(std::move(text)), spec, problems);
}

}  // namespace overdue::io
