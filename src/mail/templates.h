// The letter templates: built into the binary from templates/, optionally overridden by a user
// directory (--templates DIR) holding DIR/<lang>/<name>.mustache files.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/codes.h"
#include "domain/result.h"

namespace overdue::mail {

struct TemplateText {
  std::string text;
  std::string origin;  // the user's file path, or "built-in templates/en/reminder.mustache"
};

// The built-in templates: relative path ("en/reminder.mustache") -> text. Generated at build time.
const std::map<std::string_view, std::string_view>& builtin_templates();

// The names a template file may have: the letter actions and the partials (_facts, …).
const std::vector<std::string>& template_names();
const std::vector<std::string>& partial_names();

class TemplateSet {
 public:
  // The built-in templates with `user_dir` in front (empty: built-in only). A user directory
  // that does not exist, a file with an unknown language or name, a file that is not valid
  // UTF-8, a malformed template or a letter without its "Subject:" line is an error naming
  // FILE:LINE:COLUMN — every problem found, one per line.
  static Result<TemplateSet> load(const std::string& user_dir);

  // The template `name` for the language: zh-Hant uses its own file when one exists, else the
  // zh file converted to Traditional characters. Partials likewise.
  TemplateText get(Language lang, const std::string& name) const;

 private:
  // "en/reminder" -> text and origin
  std::map<std::string, TemplateText> files_;
  // name -> the zh template in Traditional characters, for zh-Hant without its own file
  mutable std::map<std::string, TemplateText> converted_;
};

// A template's problems (mustache syntax; the "Subject:" line of a letter), as
// "ORIGIN:LINE:COLUMN: message"; empty when it is well formed.
std::vector<std::string> check_template(const TemplateText& t, bool is_letter);

}  // namespace overdue::mail
