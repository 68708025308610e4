// Turns a raw reply into the one canonical text every rule and the model read: quoted history
// cut, half-width, lower-case ASCII, Simplified Chinese (ICU Hant-Hans), Chinese numerals as
// digits where they count days, weeks, months or money ("三天内" → "3天内").
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace overdue::replies {

// The language of a reply as the eval reports it: the codes of the corpus `lang` column.
enum class ReplyLanguage { kEn, kZh, kZhHant, kMixed };
std::string_view to_string(ReplyLanguage v);
std::optional<ReplyLanguage> parse_reply_language(std::string_view s);

struct NormalizedText {
  std::string text;  // see the file comment; '\n' separates lines, runs of spaces are one space
  // The same reply with quoted history cut and widths folded, but case, script and numerals as
  // written: for quoting identifiers (references, emails, names).
  std::string display;
  ReplyLanguage language = ReplyLanguage::kEn;
  bool had_quote = false;  // quoted history (">", "-----Original Message-----", 写道) was cut
  bool had_traditional = false;  // Traditional characters were converted
};

// Converts runs of Chinese numerals followed by a counting unit (天, 周, 号, 个, 月, 元 …) to
// ASCII digits: "十五号" → "15号", "两周" → "2周", "参仟伍佰元" → "3500元". Leaves 周一, 一定
// alone.
std::string chinese_numerals_to_digits(std::string_view text);

// Maps full-width ASCII (U+FF01…FF5E) and the ideographic space to ASCII, curly quotes and dashes
// to ASCII, drops control characters and (when `lower`) lower-cases ASCII letters. Never fails.
std::string fold_width_and_case(std::string_view text, bool lower = true);

// Returns the text before the first quoted-history marker, or all of it when nothing would be
// left. Needs folded (lower-case) text.
std::string_view cut_quoted_history(std::string_view folded, bool* cut = nullptr);

// Holds the Traditional → Simplified table built from ICU's Hant-Hans transliterator; create
// once, reuse (thread-safe after creation).
class Normalizer {
 public:
  static Result<std::shared_ptr<Normalizer>> create();
  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // The canonical form of `raw` (any bytes; invalid UTF-8 becomes U+FFFD).
  NormalizedText normalize(std::string_view raw) const;
  // Traditional → Simplified for the text, or the text itself when it has no Traditional
  // characters.
  std::string to_simplified(std::string_view text, bool* changed = nullptr) const;

 private:
  struct Impl;
  explicit Normalizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace overdue::replies
