// Writing classifications for people (text) and programs (JSON; schema in docs/classify.md).
#pragma once

#include <string>
#include <string_view>

#include "replies/classifier.h"

namespace overdue::replies {

// One JSON object on one line: {"id"?, "reason", "confidence", "promise_date", "promise_amount",
// "invoices", "references", "redirect", "why"}; "id" only when `id` is non-empty.
void append_json(std::string& out, const Classification& c, std::string_view id = {});
// Aligned "field  value" lines for a terminal.
std::string render_text(const Classification& c);
// A JSON string literal with the escapes JSON needs.
void append_json_string(std::string& out, std::string_view s);
// The same, or null for the empty string.
void append_json_string_or_null(std::string& out, std::string_view s);

}  // namespace overdue::replies
