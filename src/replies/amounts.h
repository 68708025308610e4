// Money amounts with their currency in a reply: "USD 9,216.00", "$4,380", "EUR 22.480,00",
// "GBP 5k", "3万美金", "美金12,400元", "11,950 dollar". Never a double: amounts become Money.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/money.h"

namespace overdue::replies {

struct AmountMention {
  std::size_t begin = 0;  // byte offsets in the searched (normalized) text
  std::size_t end = 0;
  Money money;
};

// Every amount with an identifiable currency in the normalized text, left to right.
std::vector<AmountMention> find_amounts(std::string_view normalized);

// Reads a written number ("9,216.00", "22.480,00", "8,40", "19,880/-") as a plain decimal
// ("9216.00", "22480.00", "8.40", "19880"); nullopt when it is not a number.
std::optional<std::string> plain_decimal(std::string_view written);

}  // namespace overdue::replies
