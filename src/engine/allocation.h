// Applying a payment to open invoices: explicit, oldest-due-first, bank charges, tolerance.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "config/config.h"
#include "domain/entities.h"

namespace overdue::engine {

// An invoice that may receive money, with what is still open on it.
struct OpenInvoice {
  std::string invoice_no;
  CivilDate issue_date;
  CivilDate due_date;
  int64_t total_minor = 0;
  int64_t open_minor = 0;
};

struct AllocationResult {
  std::vector<Allocation> allocations;
  int64_t unapplied_minor = 0;    // cash left as credit on the account
  std::vector<std::string> why;  // one line per decision, for the journal
};

// Allocates `payment` (amount + stated bank charges, both settle) over `candidates` (the
// customer's invoices in the payment's currency). A payment naming an invoice goes only to it;
// otherwise oldest due date first, then invoice_no, over invoices issued on or before the payment
// date, skipping those `skip` rejects (open disputes). A remainder within the tolerance on the
// last invoice touched is closed as bank charges. Excess cash is unapplied credit. Pure.
AllocationResult allocate_payment(const Payment& payment, std::vector<OpenInvoice> candidates,
                                  const PaymentsConfig& tolerance,
                                  const std::function<bool(const std::string&)>& skip = {});

// The short-payment tolerance for an invoice: min(percent of total, cap), in minor units.
int64_t short_payment_tolerance(int64_t invoice_total_minor, const Currency& currency,
                                const PaymentsConfig& config);

}  // namespace overdue::engine
