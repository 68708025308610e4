// What the store tells the reports: each invoice's total and what settled it as of a date.
#pragma once

#include <cstdint>
#include <string>

#include "domain/civil_date.h"
#include "domain/currency.h"

namespace overdue::engine {

struct InvoiceBalance {
  std::string invoice_no;
  std::string customer_id;
  Currency currency = Currency::of("USD");
  CivilDate issue_date;
  CivilDate due_date;
  int64_t total_minor = 0;
  int64_t settled_minor = 0;  // allocations effective on or before the as-of date
  int64_t open_minor() const { return total_minor - settled_minor; }
};

}  // namespace overdue::engine
