// A customer's statement as of a date: open items with full detail, unapplied credits, totals.
#pragma once

#include <cstdint>
#include <vector>

#include "domain/entities.h"

namespace overdue::engine {

struct StatementItem {
  Invoice invoice;
  int64_t paid_minor = 0;          // money received and applied
  int64_t bank_charges_minor = 0;  // stated charges and short payments closed as charges
  int64_t open_minor = 0;
  int days_overdue = 0;            // as_of − due date; negative while not yet due
};

struct StatementCredit {
  Payment payment;
  int64_t unapplied_minor = 0;
};

struct StatementTotal {
  Currency currency = Currency::of("USD");
  int64_t open_minor = 0;
  int64_t overdue_minor = 0;
  int64_t credit_minor = 0;
  int64_t net_minor() const { return open_minor - credit_minor; }
};

struct Statement {
  Customer customer;
  CivilDate as_of;
  std::vector<StatementItem> items;      // by due date, then invoice_no
  std::vector<StatementCredit> credits;  // by date, then payment_id
  std::vector<StatementTotal> totals;    // by currency code
};

// Builds the statement from the customer's whole history; anything dated after as_of (invoices,
// payments, allocations, reversals) is ignored. Pure.
Statement build_statement(const Customer& customer, const std::vector<Invoice>& invoices,
                          const std::vector<Payment>& payments,
                          const std::vector<Allocation>& allocations, const CivilDate& as_of);

}  // namespace overdue::engine
