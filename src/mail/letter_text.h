// How a letter writes dates, amounts, quantities and names in its language. Pure.
#pragma once

#include <string>
#include <vector>

#include "domain/civil_date.h"
#include "domain/codes.h"
#include "domain/collection.h"
#include "domain/decimal.h"
#include "domain/money.h"

namespace overdue::mail {

// "4 March 2026" / "2026年3月4日".
std::string letter_date(const CivilDate& d, Language lang);
// "USD 12,345.67" in every language: the ISO code is what banks and buyers read alike.
std::string letter_money(const Money& m);
// "1250" / "12.5": a quantity without trailing zeros.
std::string letter_quantity(const Quantity& q);
// "USD 3.125": a unit price with at least the currency's digits.
std::string letter_unit_price(const UnitPrice& p, const Currency& currency);
// The country's name in the language ("Germany" / "德国"), the code if ICU has none.
std::string country_name(const std::string& iso_code, Language lang);
// "quality" / "质量".
std::string dispute_category_name(DisputeCategory c, Language lang);
// "A", "A and B", "A, B and C" / "A、B、C"; `fallback` when names is empty.
std::string join_names(const std::vector<std::string>& names, Language lang,
                       const std::string& fallback);
// Simplified Chinese text in Traditional characters (ICU Hans-Hant).
std::string to_traditional(const std::string& text);

}  // namespace overdue::mail
