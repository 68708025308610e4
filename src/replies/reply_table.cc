#include "replies/reply_table.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "replies/utf8.h"

namespace overdue::replies {
namespace {

constexpr int kMaxProblems = 50;

struct Field {
  std::string_view value;
  int column = 1;  // 1-based code point column
};

std::vector<Field> split_line(std::string_view line) {
  std::vector<Field> fields;
  std::size_t start = 0, i = 0;
  int column = 1, start_column = 1;
  while (i < line.size()) {
    if (line[i] == '\t') {
      fields.push_back({line.substr(start, i - start), start_column});
      ++i, ++column;
      start = i, start_column = column;
      continue;
    }
    next_code_point(line, i);
    ++column;
  }
  fields.push_back({line.substr(start), start_column});
  return fields;
}

class Problems {
 public:
  explicit Problems(std::string file) : file_(std::move(file)) {}
  void add(int line, int column, const std::string& message) {
    ++count_;
    if (count_ <= kMaxProblems) {
      out_ << file_ << ":" << line << ":" << column << ": " << message << "\n";
    }
  }
  bool any() const { return count_ > 0; }
  Error error() const {
    std::string text = out_.str();
    if (count_ > kMaxProblems) {
      text += "… and " + std::to_string(count_ - kMaxProblems) + " more problem(s)\n";
    }
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return Error{text};
  }

 private:
  std::string file_;
  std::ostringstream out_;
  int count_ = 0;
};

bool valid_utf8(std::string_view s) { return inspect_utf8(s).invalid_bytes == 0; }

}  // namespace

std::string unescape_field(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 1 < field.size()) {
      char next = field[i + 1];
      if (next == 'n' || next == 't' || next == '\\') {
        out.push_back(next == 'n' ? '\n' : next == 't' ? '\t' : '\\');
        ++i;
        continue;
      }
    }
    out.push_back(field[i]);
  }
  return out;
}

Result<ReplyTable> parse_reply_table(const std::string& name, std::string_view text,
                                     ReplyColumns columns) {
  Problems problems(name);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  if (lines.empty() || lines[0].empty()) {
    problems.add(1, 1, "empty file: expected a header row (id, received, text)");
    return problems.error();
  }
  std::map<std::string, int> index;
  auto header = split_line(lines[0]);
  for (std::size_t c = 0; c < header.size(); ++c) index.emplace(std::string(header[c].value), c);
  std::vector<std::string> required = {"id", "received", "text"};
  if (columns == ReplyColumns::kLabelled) {
    required.push_back("reason");
    required.push_back("promise_date");
  }
  for (const auto& column : required) {
    if (!index.count(column)) problems.add(1, 1, "missing column '" + column + "' in the header");
  }
  if (problems.any()) return problems.error();
  auto at = [&](const char* column) { return index.count(column) ? index.at(column) : -1; };
  const int id_col = at("id"), received_col = at("received"), text_col = at("text");
  const int reason_col = at("reason"), promise_col = at("promise_date");
  const int lang_col = at("lang"), writer_col = at("writer");

  ReplyTable table;
  table.has_language = lang_col >= 0;
  std::set<std::string> seen;
  for (std::size_t n = 1; n < lines.size(); ++n) {
    const int line_no = static_cast<int>(n + 1);
    if (lines[n].empty()) continue;
    auto fields = split_line(lines[n]);
    if (fields.size() != header.size()) {
      int column = fields.back().column + static_cast<int>(fields.back().value.size());
      problems.add(line_no, column,
                   "expected " + std::to_string(header.size()) + " tab-separated fields, found " +
                       std::to_string(fields.size()));
      continue;
    }
    ReplyRow row;
    row.line = line_no;
    const Field& id = fields[id_col];
    if (id.value.empty() || !valid_utf8(id.value)) {
      problems.add(line_no, id.column, "id: must be non-empty UTF-8");
    } else if (!seen.insert(std::string(id.value)).second) {
      problems.add(line_no, id.column, "id: '" + std::string(id.value) + "' appears twice");
    }
    row.id = std::string(id.value);
    const Field& received = fields[received_col];
    if (auto d = CivilDate::parse(received.value)) {
      row.received = *d;
    } else {
      problems.add(line_no, received.column, "received: " + d.error().message);
    }
    row.text = unescape_field(fields[text_col].value);
    if (reason_col >= 0 && columns == ReplyColumns::kLabelled) {
      const Field& f = fields[reason_col];
      row.reason = parse_reason(f.value);
      if (!row.reason) {
        problems.add(line_no, f.column,
                     "reason: '" + std::string(f.value) + "' is not one of " + allowed_reasons());
      }
    }
    if (promise_col >= 0 && columns == ReplyColumns::kLabelled &&
        !fields[promise_col].value.empty()) {
      const Field& f = fields[promise_col];
      if (auto d = CivilDate::parse(f.value)) {
        row.promise_date = *d;
      } else {
        problems.add(line_no, f.column, "promise_date: " + d.error().message);
      }
    }
    if (lang_col >= 0) {
      const Field& f = fields[lang_col];
      row.language = parse_reply_language(f.value);
      if (!row.language && !f.value.empty()) {
        problems.add(line_no, f.column,
                     "lang: '" + std::string(f.value) + "' is not one of en, zh, zh-Hant, mixed");
      }
    }
    if (writer_col >= 0) row.writer = std::string(fields[writer_col].value);
    table.rows.push_back(std::move(row));
  }
  if (problems.any()) return problems.error();
  return table;
}

Result<ReplyTable> read_reply_table(const std::string& path, ReplyColumns columns) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot open the file"};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_reply_table(path, buffer.str(), columns);
}

}  // namespace overdue::replies
