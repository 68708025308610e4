#include "domain/terms.h"

#include <charconv>

namespace overdue {

Result<PaymentTerms> PaymentTerms::parse(std::string_view text) {
  auto bad = [&]() -> Result<PaymentTerms> {
    return Error{"'" + std::string(text) +
                 "' is not a payment term (expected <days>-<basis> with basis INV, BL, RCV or "
                 "EOM, e.g. 60-BL)"};
  };
  size_t dash = text.find('-');
  if (dash == std::string_view::npos || dash == 0) return bad();
  int days = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + dash, days);
  if (ec != std::errc() || ptr != text.data() + dash || days < 0 || days > 720) return bad();
  std::string_view basis = text.substr(dash + 1);
  PaymentTerms terms;
  terms.days = days;
  if (basis == "INV") {
    terms.basis = TermsBasis::kInvoice;
  } else if (basis == "BL") {
    terms.basis = TermsBasis::kBillOfLading;
  } else if (basis == "RCV") {
    terms.basis = TermsBasis::kReceived;
  } else if (basis == "EOM") {
    terms.basis = TermsBasis::kEndOfMonth;
  } else {
    return bad();
  }
  return terms;
}

std::string PaymentTerms::str() const {
  static constexpr std::string_view kNames[] = {"INV", "BL", "RCV", "EOM"};
  return std::to_string(days) + "-" + std::string(kNames[static_cast<int>(basis)]);
}

Result<CivilDate> due_date_for(const PaymentTerms& terms, const TermsBasisDates& dates) {
  switch (terms.basis) {
    case TermsBasis::kInvoice:
      return dates.issue.plus_days(terms.days);
    case TermsBasis::kBillOfLading:
      if (!dates.ship) return Error{"terms " + terms.str() + " need a ship_date"};
      return dates.ship->plus_days(terms.days);
    case TermsBasis::kReceived:
      if (!dates.received) return Error{"terms " + terms.str() + " need a received_date"};
      return dates.received->plus_days(terms.days);
    case TermsBasis::kEndOfMonth:
      return dates.issue.end_of_month().plus_days(terms.days);
  }
  return Error{"unknown terms basis"};
}

}  // namespace overdue
