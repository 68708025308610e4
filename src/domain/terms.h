// Payment terms: "<days>-<basis>", e.g. 60-BL = 60 days after the bill-of-lading (ship) date.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/civil_date.h"
#include "domain/result.h"

namespace overdue {

enum class TermsBasis { kInvoice, kBillOfLading, kReceived, kEndOfMonth };

struct PaymentTerms {
  int days = 0;
  TermsBasis basis = TermsBasis::kInvoice;

  // Parses "30-INV", "60-BL", "45-RCV", "30-EOM"; days 0..720.
  static Result<PaymentTerms> parse(std::string_view text);
  std::string str() const;
};

// The dates a due date can be computed from.
struct TermsBasisDates {
  CivilDate issue;
  std::optional<CivilDate> ship;
  std::optional<CivilDate> received;
};

// Due date under the terms; an error naming the missing basis date (e.g. no ship date for BL).
Result<CivilDate> due_date_for(const PaymentTerms& terms, const TermsBasisDates& dates);

}  // namespace overdue
