#include "replies/normalize.h"

#include <unicode/translit.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <array>
#include <unordered_map>
#include <utility>
#include <vector>

#include "replies/utf8.h"

namespace overdue::replies {
namespace {

// Value of a Chinese digit (everyday or the formal forms of amounts), or -1.
int chinese_digit(char32_t cp) {
  static constexpr std::u32string_view kDigits[] = {U"零〇", U"一壹", U"二两贰貳", U"三叁参參",
                                                    U"四肆", U"五伍", U"六陆陸",   U"七柒",
                                                    U"八捌", U"九玖"};
  for (int value = 0; value < 10; ++value) {
    if (kDigits[value].find(cp) != std::u32string_view::npos) return value;
  }
  return -1;
}

// 十 10, 百 100, 千 1000, 万 10000 (and their formal forms), else 0.
int chinese_multiplier(char32_t cp) {
  if (cp == U'十' || cp == U'拾') return 10;
  if (cp == U'百' || cp == U'佰') return 100;
  if (cp == U'千' || cp == U'仟') return 1000;
  if (cp == U'万' || cp == U'萬') return 10000;
  return 0;
}

bool is_chinese_numeral(char32_t cp) { return chinese_digit(cp) >= 0 || chinese_multiplier(cp); }

// Characters after which a numeral run counts something we read: time units and money.
bool is_counting_unit(char32_t cp) {
  static constexpr std::u32string_view kUnits =
      U"天日号號周週个個月年星礼禮工元块美欧歐加港英澳次期圆圓";
  return kUnits.find(cp) != std::u32string_view::npos;
}

// The value of a numeral run, or -1 when it is not a well-formed number.
long long numeral_value(const std::vector<char32_t>& run) {
  bool has_multiplier = false;
  for (char32_t cp : run) has_multiplier |= chinese_multiplier(cp) != 0;
  if (!has_multiplier) {  // positional: 二〇二六 → 2026; 一两, 三五 (approximate) stay words
    bool has_zero = false;
    for (char32_t cp : run) has_zero |= chinese_digit(cp) == 0;
    if (run.size() == 2 && !has_zero) return -1;
    long long value = 0;
    for (char32_t cp : run) value = value * 10 + chinese_digit(cp);
    return run.size() <= 6 ? value : -1;
  }
  if (chinese_multiplier(run.front()) > 10) return -1;  // 百, 千, 万 cannot start a number
  long long total = 0, section = 0, digit = -1;
  for (char32_t cp : run) {
    int d = chinese_digit(cp);
    int m = chinese_multiplier(cp);
    if (d >= 0) {
      if (digit > 0) return -1;  // two digits in a row without a multiplier
      digit = d;
    } else if (m == 10000) {
      total += (section + std::max(digit, 0LL)) * 10000;
      section = 0, digit = -1;
    } else {
      section += (digit < 0 ? 1 : digit) * m;
      digit = -1;
    }
  }
  return total + section + std::max(digit, 0LL);
}

// Full-width, punctuation and space folding for one code point; returns false to drop it.
char32_t fold_code_point(char32_t cp, bool lower) {
  static constexpr std::u32string_view kSpaces =
      U"\u3000\u00a0\u2002\u2003\u2009\u200a\u202f\u205f\t\ufffd";
  static constexpr std::u32string_view kDropped = U"\u200b\u200c\u200d\ufeff\r";
  static constexpr std::u32string_view kApostrophes = U"\u2018\u2019\u201a\u201b\u2032";
  static constexpr std::u32string_view kQuotes = U"\u201c\u201d\u201e";
  static constexpr std::u32string_view kDashes = U"\u2010\u2011\u2012\u2013\u2014\u2015";
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
  if (lower && cp >= 'A' && cp <= 'Z') return cp + ('a' - 'A');
  auto in = [cp](std::u32string_view set) { return set.find(cp) != std::u32string_view::npos; };
  if (in(kSpaces)) return ' ';
  if (in(kDropped)) return 0;
  if (in(kApostrophes)) return '\'';
  if (in(kQuotes)) return '"';
  if (in(kDashes)) return '-';
  if ((cp < 0x20 && cp != '\n') || cp == 0x7F) return ' ';
  return cp;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// True when the line (no newline) opens quoted history.
bool is_quote_marker(std::string_view line, std::string_view rest_after) {
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  if (starts_with(line, ">")) return true;
  if (starts_with(line, "-----") || starts_with(line, "_____")) return true;
  if (starts_with(line, "on ") && line.find("wrote") != std::string_view::npos) return true;
  if (line.find("写道:") != std::string_view::npos ||
      line.find("寫道:") != std::string_view::npos) {
    return true;
  }
  for (std::string_view header : {"发件人:", "發件人:", "寄件者:", "寄件人:"}) {
    if (starts_with(line, header)) return true;
  }
  if (starts_with(line, "from:")) {
    std::string_view next = rest_after.substr(0, 300);
    return next.find("sent:") != std::string_view::npos ||
           next.find("subject:") != std::string_view::npos ||
           next.find("to:") != std::string_view::npos;
  }
  return starts_with(line, "sent from my ");
}

// Spoken-Cantonese and variant spellings mapped to the forms the rules know.
constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kVariants = {{
    {"落个礼拜", "下礼拜"},  // Cantonese: next week
    {"落个星期", "下星期"},
    {"月头", "月初"},  // the start of a month: no single date
    {"今个礼拜", "这礼拜"},
    {"今个星期", "这星期"},
    {"计画", "计划"},
    {"今个月", "这个月"},
    {"呢个", "这个"},
    {"月尾", "月底"},
    {"听日", "明天"},
    {"下个星期", "下星期"},
    {"下个礼拜", "下礼拜"},
    {"这个礼拜", "这礼拜"},
    {"这个星期", "这星期"},
    {"星期日", "星期天"},
}};

std::string replace_variants(std::string text) {
  for (const auto& [from, to] : kVariants) {
    std::size_t pos = 0;
    while ((pos = text.find(from, pos)) != std::string::npos) {
      text.replace(pos, from.size(), to);
      pos += to.size();
    }
  }
  return text;
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == ' ') {
      if (out.empty() || out.back() == ' ' || out.back() == '\n') continue;
    } else if (c == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') continue;
      if (out.empty()) continue;
    }
    out.push_back(c);
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

ReplyLanguage detect_language(std::string_view text, bool traditional) {
  std::size_t han = 0, latin_words = 0, run = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = next_code_point(text, i);
    if (cp < 0x80 && ((cp >= 'a' && cp <= 'z'))) {
      ++run;
      continue;
    }
    if (run >= 2 && cp != '@' && cp != '.') ++latin_words;
    run = 0;
    if (is_han(cp)) ++han;
  }
  if (run >= 2) ++latin_words;
  if (han < 3) return ReplyLanguage::kEn;
  if (latin_words >= 4 && latin_words * 4 >= han / 2) return ReplyLanguage::kMixed;
  return traditional ? ReplyLanguage::kZhHant : ReplyLanguage::kZh;
}

}  // namespace

std::string_view to_string(ReplyLanguage v) {
  switch (v) {
    case ReplyLanguage::kEn:
      return "en";
    case ReplyLanguage::kZh:
      return "zh";
    case ReplyLanguage::kZhHant:
      return "zh-Hant";
    case ReplyLanguage::kMixed:
      return "mixed";
  }
  return "en";
}

std::optional<ReplyLanguage> parse_reply_language(std::string_view s) {
  for (auto v :
       {ReplyLanguage::kEn, ReplyLanguage::kZh, ReplyLanguage::kZhHant, ReplyLanguage::kMixed}) {
    if (to_string(v) == s) return v;
  }
  return std::nullopt;
}

std::string chinese_numerals_to_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::vector<char32_t> run;
  std::size_t run_start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t at = i;
    char32_t cp = next_code_point(text, i);
    if (is_chinese_numeral(cp)) {
      if (run.empty()) run_start = at;
      run.push_back(cp);
      continue;
    }
    if (!run.empty()) {
      long long value = is_counting_unit(cp) ? numeral_value(run) : -1;
      // "同一日", "最后一日": one day, not the 1st (which is written 5月一日); "同一天",
      // "有一天": the same day, some day, not a day from now.
      if (run.size() == 1 && run[0] == U'一' && cp == U'日' && !out.ends_with("月")) value = -1;
      if (run.size() == 1 && run[0] == U'一' && cp == U'天') {
        for (std::string_view before :
             {"同", "某", "每", "哪", "这", "那", "有", "最后", "前", "后"}) {
          if (out.ends_with(before)) value = -1;
        }
      }
      if (value >= 0) {
        if (!out.empty() && is_ascii_digit(out.back())) out.push_back(' ');
        out += std::to_string(value);
      } else {
        out.append(text.substr(run_start, at - run_start));
      }
      run.clear();
    }
    out.append(text.substr(at, i - at));
  }
  if (!run.empty()) out.append(text.substr(run_start));
  return out;
}

std::string fold_width_and_case(std::string_view text, bool lower) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = fold_code_point(next_code_point(text, i), lower);
    if (cp == 0) continue;
    if (cp == 0x2026) {
      out += "...";
      continue;
    }
    append_utf8(out, cp);
  }
  return out;
}

std::string_view cut_quoted_history(std::string_view folded, bool* cut) {
  if (cut) *cut = false;
  std::size_t line_start = 0;
  while (line_start < folded.size()) {
    std::size_t end = folded.find('\n', line_start);
    if (end == std::string_view::npos) end = folded.size();
    std::string_view line = folded.substr(line_start, end - line_start);
    if (is_quote_marker(line, folded.substr(end))) {
      std::string_view before = folded.substr(0, line_start);
      bool has_content = before.find_first_not_of(" \n") != std::string_view::npos;
      if (!has_content) return folded;
      if (cut) *cut = true;
      return before;
    }
    line_start = end + 1;
  }
  return folded;
}

struct Normalizer::Impl {
  // ICU's Hant-Hans, applied one character at a time: every character the transliterator would
  // change, mapped to its Simplified form (all of them are one character to one character).
  std::unordered_map<char32_t, char32_t> to_simplified;
};

Normalizer::Normalizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Normalizer::~Normalizer() = default;

Result<std::shared_ptr<Normalizer>> Normalizer::create() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> hant_to_hans(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !hant_to_hans) {
    return Error{std::string("ICU transliterator Hant-Hans is not available: ") +
                 u_errorName(status)};
  }
  auto impl = std::make_unique<Impl>();
  icu::UnicodeSet source;
  hant_to_hans->getSourceSet(source);
  impl->to_simplified.reserve(4096);
  for (int32_t r = 0; r < source.getRangeCount(); ++r) {
    for (UChar32 cp = source.getRangeStart(r); cp <= source.getRangeEnd(r); ++cp) {
      if (cp < 0x80) continue;
      icu::UnicodeString u(cp);
      hant_to_hans->transliterate(u);
      if (u.countChar32() == 1 && u.char32At(0) != cp) {
        impl->to_simplified.emplace(static_cast<char32_t>(cp),
                                    static_cast<char32_t>(u.char32At(0)));
      }
    }
  }
  return std::shared_ptr<Normalizer>(new Normalizer(std::move(impl)));
}

std::string Normalizer::to_simplified(std::string_view text, bool* changed) const {
  if (changed) *changed = false;
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t start = i;
    char32_t cp = next_code_point(text, i);
    auto it = impl_->to_simplified.find(cp);
    if (it == impl_->to_simplified.end()) {
      out.append(text.substr(start, i - start));
    } else {
      append_utf8(out, it->second);
      if (changed) *changed = true;
    }
  }
  return out;
}

NormalizedText Normalizer::normalize(std::string_view raw) const {
  NormalizedText result;
  std::string display = fold_width_and_case(raw, false);
  std::string folded = display;
  for (char& c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  std::string_view body = cut_quoted_history(folded, &result.had_quote);
  display.resize(body.size());
  result.display = std::move(display);
  bool has_han = false;
  for (unsigned char c : body) {
    if (c >= 0xE0) {
      has_han = true;
      break;
    }
  }
  std::string text;
  if (has_han) {
    text =
        replace_variants(chinese_numerals_to_digits(to_simplified(body, &result.had_traditional)));
  } else {
    text.assign(body);
  }
  result.text = collapse_spaces(text);
  result.language = detect_language(result.text, result.had_traditional);
  return result;
}

}  // namespace overdue::replies
