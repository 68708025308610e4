#include "mail/templates.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/collection.h"
#include "io/csv.h"
#include "mail/letter_text.h"

namespace overdue::mail {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kLanguages[] = {"en", "zh", "zh-Hant"};

std::string lang_dir(Language lang) {
  switch (lang) {
    case Language::kEn: return "en";
    case Language::kZh: return "zh";
    case Language::kZhHant: return "zh-Hant";
  }
  return "en";
}

// 1-based line and column (in characters) of a byte offset.
std::pair<int, int> line_col(const std::string& text, size_t offset) {
  int line = 1;
  int col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

}  // namespace

const std::vector<std::string>& template_names() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (int i = 0; i <= static_cast<int>(Action::kWait); ++i) {
      auto a = static_cast<Action>(i);
      if (is_letter(a) || a == Action::kFollowUpCall) names.emplace_back(to_string(a));
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
  }();
  return kNames;
}

const std::vector<std::string>& partial_names() {
  static const std::vector<std::string> kNames = {"_bank", "_breach", "_facts", "_signature"};
  return kNames;
}

std::vector<std::string> check_template(const TemplateText& t, bool is_letter) {
  std::vector<std::string> problems;
  auto at = [&](size_t offset, const std::string& message) {
    auto [line, col] = line_col(t.text, offset);
    problems.push_back(t.origin + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " +
                       message);
  };
  int bad_line = 0;
  int bad_column = 0;
  if (!io::check_utf8(t.text, &bad_line, &bad_column).ok()) {
    problems.push_back(t.origin + ":" + std::to_string(bad_line) + ":" +
                       std::to_string(bad_column) + ": not valid UTF-8 (templates are UTF-8 text)");
    return problems;
  }
  kainjow::mustache::mustache parsed(t.text);
  if (!parsed.is_valid()) {
    // kainjow reports "… at OFFSET": turn the offset into a line and column.
    const std::string& message = parsed.error_message();
    size_t offset = 0;
    auto pos = message.rfind(" at ");
    if (pos != std::string::npos) offset = std::strtoull(message.c_str() + pos + 4, nullptr, 10);
    at(offset, "malformed template: " + message.substr(0, pos));
  }
  if (is_letter) {
    auto eol = t.text.find('\n');
    if (t.text.rfind("Subject: ", 0) != 0 || eol == std::string::npos) {
      at(0, "expected \"Subject: …\" on the first line, then an empty line, then the body");
    } else if (t.text.compare(eol + 1, 1, "\n") != 0) {
      at(eol + 1, "expected an empty line after the Subject: line");
    }
  }
  return problems;
}

Result<TemplateSet> TemplateSet::load(const std::string& user_dir) {
  TemplateSet set;
  for (const auto& [path, text] : builtin_templates()) {
    std::string key(path.substr(0, path.size() - std::string_view(".mustache").size()));
    set.files_[key] = TemplateText{std::string(text), "built-in templates/" + std::string(path)};
  }
  if (user_dir.empty()) return set;
  std::error_code ec;
  if (!fs::is_directory(user_dir, ec)) {
    return Error{user_dir + ": no such templates directory (--templates DIR expects DIR/en/, "
                            "DIR/zh/ or DIR/zh-Hant/ with <name>.mustache files)"};
  }
  std::vector<std::string> problems;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(user_dir, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::string known;
  for (const auto& n : template_names()) known += (known.empty() ? "" : ", ") + n;
  for (const auto& n : partial_names()) known += ", " + n;
  for (const auto& file : files) {
    std::string origin = file.string();
    fs::path rel = fs::relative(file, user_dir, ec);
    std::string lang = rel.has_parent_path() ? rel.parent_path().string() : "";
    std::string name = file.stem().string();
    if (std::find(std::begin(kLanguages), std::end(kLanguages), lang) == std::end(kLanguages)) {
      problems.push_back(origin + ":1:1: not in a language directory (expected DIR/en/, DIR/zh/ "
                                  "or DIR/zh-Hant/)");
      continue;
    }
    bool letter = std::find(template_names().begin(), template_names().end(), name) !=
                  template_names().end();
    bool partial = std::find(partial_names().begin(), partial_names().end(), name) !=
                   partial_names().end();
    if (file.extension() != ".mustache" || (!letter && !partial)) {
      problems.push_back(origin + ":1:1: unknown template file (expected <name>.mustache with a "
                                  "name from: " + known + ")");
      continue;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    TemplateText t{text.str(), origin};
    for (auto& p : check_template(t, letter)) problems.push_back(std::move(p));
    set.files_[lang + "/" + name] = std::move(t);
  }
  if (!problems.empty()) {
    std::string message;
    for (const auto& p : problems) message += (message.empty() ? "" : "\n") + p;
    return Error{message};
  }
  return set;
}

TemplateText TemplateSet::get(Language lang, const std::string& name) const {
  if (auto it = files_.find(lang_dir(lang) + "/" + name); it != files_.end()) return it->second;
  if (lang == Language::kZhHant) {
    // Converted once per template and kept: ICU's transliterator is slow.
    auto [it, inserted] = converted_.try_emplace(name);
    if (inserted) {
      it->second = get(Language::kZh, name);
      it->second.text = to_traditional(it->second.text);
      it->second.origin += " (converted to Traditional)";
    }
    return it->second;
  }
  return TemplateText{"", "templates/" + lang_dir(lang) + "/" + name + ".mustache"};
}

}  // namespace overdue::mail
