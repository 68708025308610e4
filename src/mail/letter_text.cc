#include "mail/letter_text.h"

#include "report/statement_report.h"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

namespace overdue::mail {
namespace {

constexpr const char* kMonths[] = {"January", "February", "March",     "April",
                                   "May",     "June",     "July",      "August",
                                   "September", "October", "November", "December"};

}  // namespace

std::string letter_date(const CivilDate& d, Language lang) {
  if (lang == Language::kEn) {
    return std::to_string(d.day()) + " " + kMonths[d.month() - 1] + " " + std::to_string(d.year());
  }
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" +
         std::to_string(d.day()) + "日";
}

std::string letter_money(const Money& m) { return m.str(); }

std::string letter_quantity(const Quantity& q) { return report::quantity_text(q); }

std::string letter_unit_price(const UnitPrice& p, const Currency& currency) {
  return currency.str() + " " + report::unit_price_text(p, currency);
}

std::string country_name(const std::string& iso_code, Language lang) {
  icu::Locale display = lang == Language::kEn     ? icu::Locale("en")
                        : lang == Language::kZh   ? icu::Locale("zh", "CN")
                                                  : icu::Locale("zh", "TW");
  icu::UnicodeString name;
  icu::Locale("", iso_code.c_str()).getDisplayCountry(display, name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() || out == iso_code ? iso_code : out;
}

std::string dispute_category_name(DisputeCategory c, Language lang) {
  bool en = lang == Language::kEn;
  switch (c) {
    case DisputeCategory::kQuality: return en ? "quality" : "质量";
    case DisputeCategory::kQuantity: return en ? "quantity" : "数量";
    case DisputeCategory::kDelivery: return en ? "delivery" : "交货";
    case DisputeCategory::kDocuments: return en ? "documents" : "单据";
    case DisputeCategory::kPrice: return en ? "price" : "价格";
    case DisputeCategory::kOther: break;
  }
  return en ? "other" : "其他";
}

std::string join_names(const std::vector<std::string>& names, Language lang,
                       const std::string& fallback) {
  if (names.empty()) return fallback;
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      if (lang != Language::kEn) {
        out += "、";
      } else {
        out += i + 1 == names.size() ? " and " : ", ";
      }
    }
    out += names[i];
  }
  return out;
}

std::string to_traditional(const std::string& text) {
  static std::once_flag once;
  static std::unique_ptr<icu::Transliterator> hans_to_hant;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    hans_to_hant.reset(icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) hans_to_hant.reset();
  });
  if (!hans_to_hant) return text;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  hans_to_hant->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace overdue::mail
