// Collection KPIs per currency over a period ending on the as-of date.
//
// Period: the `days` days ending on as_of (begin = as_of - days). Per currency:
//   sales         credit sales: totals of invoices issued in (begin, as_of]
//   ar_begin      open receivables at begin;  ar_end  open receivables at as_of
//   current_end   part of ar_end not yet due at as_of
//   DSO           = ar_end / sales × days
//   best DSO      = current_end / sales × days
//   ADD           = DSO − best DSO  (average days delinquent)
//   CEI           = (ar_begin + sales − ar_end) / (ar_begin + sales − current_end) × 100
//   overdue share = (ar_end − current_end) / ar_end × 100
// A ratio whose denominator is zero is absent (shown as "n/a"), never a division by zero.
// Currencies with no sales and nothing open at either end are left out.
#pragma once

#include <optional>
#include <vector>

#include "domain/money.h"
#include "engine/balances.h"

namespace overdue::engine {

struct CurrencyKpi {
  Currency currency = Currency::of("USD");
  int64_t sales_minor = 0;
  int64_t ar_begin_minor = 0;
  int64_t ar_end_minor = 0;
  int64_t current_end_minor = 0;
  std::optional<double> dso;
  std::optional<double> best_possible_dso;
  std::optional<double> average_days_delinquent;
  std::optional<double> cei_percent;
  std::optional<double> overdue_percent;
};

// KPIs per currency (sorted by code). `at_begin` are balances as of as_of - days, `at_end` as of
// as_of; each list may hold invoices issued after its date, which are ignored.
std::vector<CurrencyKpi> compute_kpis(const std::vector<InvoiceBalance>& at_begin,
                                      const std::vector<InvoiceBalance>& at_end,
                                      const CivilDate& as_of, int days);

}  // namespace overdue::engine
