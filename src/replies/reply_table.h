// Reading reply TSV files (`overdue classify --batch/--eval`, the trainer): header row, one reply
// per line, text with "\n" escapes. Every problem is reported as FILE:LINE:COLUMN.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/civil_date.h"
#include "domain/result.h"
#include "replies/normalize.h"
#include "replies/reason.h"

namespace overdue::replies {

struct ReplyRow {
  int line = 0;  // 1-based line in the file
  std::string id;
  CivilDate received;
  std::string text;  // "\n", "\t" and "\\" escapes decoded
  // Filled when the file has the columns (required by --eval):
  std::optional<Reason> reason;
  std::optional<CivilDate> promise_date;  // empty cell = the reply makes no promise
  std::optional<ReplyLanguage> language;
  std::string writer;
};

enum class ReplyColumns { kBatch, kLabelled };  // id, received, text (+ reason, promise_date)

struct ReplyTable {
  std::vector<ReplyRow> rows;
  bool has_language = false;
};

// Reads `path`. Columns may come in any order; unknown ones are ignored. On any problem the
// error lists every problem found (at most 50) as "FILE:LINE:COLUMN: message" lines.
Result<ReplyTable> read_reply_table(const std::string& path, ReplyColumns columns);
// The same over text already in memory; `name` is used in messages.
Result<ReplyTable> parse_reply_table(const std::string& name, std::string_view text,
                                     ReplyColumns columns);

// Decodes the corpus escapes: "\n" → newline, "\t" → tab, "\\" → backslash.
std::string unescape_field(std::string_view field);

}  // namespace overdue::replies
