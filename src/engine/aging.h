// Aging: open amounts by days past due, per currency or per customer and currency.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/money.h"
#include "engine/balances.h"

namespace overdue::engine {

constexpr int kAgingBuckets = 7;
// Bucket names as users see them: not_due, 1-30, 31-60, 61-90, 91-180, 181-365, >365.
std::string_view aging_bucket_name(int bucket);
// The bucket for an item `days_overdue` days past due (0 or less: not_due).
int aging_bucket(int days_overdue);

struct AgingRow {
  std::string customer_id;  // empty in the per-currency report
  Currency currency = Currency::of("USD");
  std::array<int64_t, kAgingBuckets> buckets{};
  int64_t total_minor = 0;
  std::optional<CivilDate> oldest_due;  // per-customer report only
  int days_overdue = 0;                 // of oldest_due, never negative
};

// One row per currency (sorted by code), from invoices issued on or before as_of.
std::vector<AgingRow> aging_by_currency(const std::vector<InvoiceBalance>& balances,
                                        const CivilDate& as_of);
// One row per customer and currency with something open (sorted by customer, currency).
std::vector<AgingRow> aging_by_customer(const std::vector<InvoiceBalance>& balances,
                                        const CivilDate& as_of);

}  // namespace overdue::engine
