#include "replies/quoted.h"

#include <re2/re2.h>

#include <vector>

#include "replies/utf8.h"

namespace overdue::replies {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A line that starts quoted history on its own.
const RE2& history_marker() {
  static const RE2 re(
      R"((?i)^(?:-{2,}\s*(?:original message|forwarded message|原始邮件|原始郵件|转发邮件)\s*-{2,})"
      R"(|_{10,}$)"
      R"(|on .{4,200}wrote:$)"
      R"(|在\s*.{4,200}写道[:：]$|在\s*.{4,200}寫道[:：]$)"
      R"(|.{4,120}\d{1,2}:\d{2}.{0,60}(?:写道|寫道)[:：]?$))");
  return re;
}

// "On Mon, 3 Mar 2026 at 10:00, Lily Wang <lily@x>" with "wrote:" on the next line (Gmail wraps).
const RE2& on_line() {
  static const RE2 re(R"((?i)^on .{4,200}$)");
  return re;
}

// The first line of a header block that Outlook, Foxmail and QQ Mail put above the quote.
const RE2& header_start() {
  static const RE2 re(R"((?i)^\*?(?:from|发件人|寄件者|寄件人)\s*\*?\s*[:：])");
  return re;
}
const RE2& header_next() {
  static const RE2 re(
      R"((?i)^\*?(?:sent|date|to|subject|cc|发送时间|发送日期|日期|时间|收件人|主题|抄送|傳送時間|寄件日期|收件者|主旨|副本)\s*\*?\s*[:：])");
  return re;
}

}  // namespace

StrippedReply strip_quoted(std::string_view text) {
  auto lines = split_lines(text);
  size_t end = lines.size();
  std::string cut_by;
  for (size_t i = 0; i < lines.size() && cut_by.empty(); ++i) {
    std::string_view line = trim(lines[i]);
    if (line.empty()) continue;
    re2::StringPiece piece(line.data(), line.size());
    if (RE2::PartialMatch(piece, history_marker())) {
      end = i;
      cut_by = std::string(line.substr(0, 40));
    } else if (RE2::PartialMatch(piece, on_line()) && i + 1 < lines.size() &&
               trim(lines[i + 1]).rfind("wrote:") != std::string_view::npos &&
               trim(lines[i + 1]).size() < 80) {
      end = i;
      cut_by = "On … wrote:";
    } else if (RE2::PartialMatch(piece, header_start())) {
      // A header block: "From:" followed within three lines by Sent/Date/To/Subject.
      for (size_t k = i + 1; k < lines.size() && k <= i + 3; ++k) {
        std::string_view next = trim(lines[k]);
        if (RE2::PartialMatch(re2::StringPiece(next.data(), next.size()), header_next())) {
          end = i;
          cut_by = std::string(line.substr(0, line.find_first_of(":：") + 1));
          if (cut_by.back() != ':') cut_by = std::string(line.substr(0, 12));
          break;
        }
      }
    } else if (line == "--" || lines[i] == "-- ") {
      end = i;
      cut_by = "-- (signature)";
    }
  }
  StrippedReply out;
  out.cut_by = cut_by;
  for (size_t i = 0; i < end; ++i) {
    std::string_view line = trim(lines[i]);
    if (!line.empty() && line.front() == '>') {
      if (out.cut_by.empty()) out.cut_by = "> lines";
      continue;
    }
    static const RE2 sent_from(
        R"((?i)^(?:sent from my|sent from mail for|get outlook for|发自我的|从我的.{1,10}发送))");
    if (RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), sent_from)) continue;
    out.text.append(lines[i]);
    out.text += '\n';
  }
  while (!out.text.empty() && (out.text.back() == '\n' || out.text.back() == ' '))
    out.text.pop_back();
  return out;
}

std::string html_to_text(std::string_view html) {
  std::string out;
  size_t i = 0;
  int skip_depth = 0;   // inside <style>, <script> or <head>
  int quote_depth = 0;  // inside <blockquote>
  auto lower_name = [](std::string_view tag) {
    std::string name;
    size_t k = 0;
    if (k < tag.size() && tag[k] == '/') ++k;
    while (k < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[k])))) {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[k])));
      ++k;
    }
    return name;
  };
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      if (html.substr(i, 4) == "<!--") {
        size_t close = html.find("-->", i + 4);
        i = close == std::string_view::npos ? html.size() : close + 3;
        continue;
      }
      size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      std::string_view tag = html.substr(i + 1, close - i - 1);
      bool closing = !tag.empty() && tag[0] == '/';
      std::string name = lower_name(tag);
      if (name == "style" || name == "script" || name == "head" || name == "title") {
        skip_depth += closing ? -1 : 1;
        if (skip_depth < 0) skip_depth = 0;
      } else if (name == "blockquote") {
        quote_depth += closing ? -1 : 1;
        if (quote_depth < 0) quote_depth = 0;
      } else if (name == "br" || name == "p" || name == "div" || name == "tr" || name == "li" ||
                 name == "h1" || name == "h2" || name == "h3" || name == "table") {
        if (!skip_depth && !quote_depth && (out.empty() || out.back() != '\n')) out += '\n';
      } else if (name == "td" || name == "th") {
        if (!skip_depth && !quote_depth) out += ' ';
      }
      i = close + 1;
      continue;
    }
    if (skip_depth || quote_depth) {
      ++i;
      continue;
    }
    if (c == '&') {
      size_t semi = html.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        std::string_view entity = html.substr(i + 1, semi - i - 1);
        std::string decoded;
        if (entity == "nbsp")
          decoded = " ";
        else if (entity == "amp")
          decoded = "&";
        else if (entity == "lt")
          decoded = "<";
        else if (entity == "gt")
          decoded = ">";
        else if (entity == "quot")
          decoded = "\"";
        else if (entity == "apos" || entity == "#39")
          decoded = "'";
        else if (!entity.empty() && entity[0] == '#') {
          char32_t cp = entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X')
                            ? static_cast<char32_t>(
                                  std::strtoul(std::string(entity.substr(2)).c_str(), nullptr, 16))
                            : static_cast<char32_t>(
                                  std::strtoul(std::string(entity.substr(1)).c_str(), nullptr, 10));
          append_utf8(decoded, cp);
        }
        if (!decoded.empty()) {
          out += decoded;
          i = semi + 1;
          continue;
        }
      }
    }
    if (c == '\r' || c == '\n' || c == '\t') {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
    } else {
      out += c;
    }
    ++i;
  }
  // Collapse spaces at line starts/ends and runs of empty lines.
  std::string tidy;
  for (auto line : split_lines(out)) {
    line = trim(line);
    if (line.empty() &&
        (tidy.empty() || (tidy.size() >= 2 && tidy.substr(tidy.size() - 2) == "\n\n")))
      continue;
    tidy.append(line);
    tidy += '\n';
  }
  while (!tidy.empty() && tidy.back() == '\n') tidy.pop_back();
  return tidy;
}

}  // namespace overdue::replies
