#include "engine/aging.h"

#include <algorithm>
#include <map>
#include <utility>

namespace overdue::engine {

std::string_view aging_bucket_name(int bucket) {
  static constexpr std::string_view kNames[kAgingBuckets] = {
      "not_due", "1-30", "31-60", "61-90", "91-180", "181-365", ">365"};
  return kNames[bucket];
}

int aging_bucket(int days_overdue) {
  if (days_overdue <= 0) return 0;
  if (days_overdue <= 30) return 1;
  if (days_overdue <= 60) return 2;
  if (days_overdue <= 90) return 3;
  if (days_overdue <= 180) return 4;
  if (days_overdue <= 365) return 5;
  return 6;
}

namespace {

void add_to_row(AgingRow& row, const InvoiceBalance& b, const CivilDate& as_of) {
  int days = as_of.days_since(b.due_date);
  row.buckets[aging_bucket(days)] += b.open_minor();
  row.total_minor += b.open_minor();
  if (!row.oldest_due || b.due_date < *row.oldest_due) {
    row.oldest_due = b.due_date;
    row.days_overdue = std::max(0, days);
  }
}

bool counts(const InvoiceBalance& b, const CivilDate& as_of) {
  return b.issue_date <= as_of && b.open_minor() != 0;
}

}  // namespace

std::vector<AgingRow> aging_by_currency(const std::vector<InvoiceBalance>& balances,
                                        const CivilDate& as_of) {
  std::map<Currency, AgingRow> rows;
  for (const auto& b : balances) {
    if (!counts(b, as_of)) continue;
    auto [it, inserted] = rows.try_emplace(b.currency);
    if (inserted) it->second.currency = b.currency;
    add_to_row(it->second, b, as_of);
  }
  std::vector<AgingRow> out;
  for (auto& [currency, row] : rows) {
    row.oldest_due.reset();
    row.days_overdue = 0;
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<AgingRow> aging_by_customer(const std::vector<InvoiceBalance>& balances,
                                        const CivilDate& as_of) {
  std::map<std::pair<std::string, Currency>, AgingRow> rows;
  for (const auto& b : balances) {
    if (!counts(b, as_of)) continue;
    auto [it, inserted] = rows.try_emplace({b.customer_id, b.currency});
    if (inserted) {
      it->second.customer_id = b.customer_id;
      it->second.currency = b.currency;
    }
    add_to_row(it->second, b, as_of);
  }
  std::vector<AgingRow> out;
  out.reserve(rows.size());
  for (auto& [key, row] : rows) out.push_back(std::move(row));
  return out;
}

}  // namespace overdue::engine
