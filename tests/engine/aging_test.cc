#include "engine/aging.h"

#include <gtest/gtest.h>

#include "engine/kpi.h"

namespace overdue::engine {
namespace {

InvoiceBalance balance(const std::string& no, const std::string& customer, const std::string& cur,
                       const std::string& issue, const std::string& due, int64_t total,
                       int64_t settled = 0) {
  return InvoiceBalance{no, customer, Currency::of(cur), CivilDate::of(issue), CivilDate::of(due),
                        total, settled};
}

TEST(Aging, BucketEdges) {
  EXPECT_EQ(aging_bucket(-5), 0);
  EXPECT_EQ(aging_bucket(0), 0);  // due today is not yet overdue
  EXPECT_EQ(aging_bucket(1), 1);
  EXPECT_EQ(aging_bucket(30), 1);
  EXPECT_EQ(aging_bucket(31), 2);
  EXPECT_EQ(aging_bucket(60), 2);
  EXPECT_EQ(aging_bucket(61), 3);
  EXPECT_EQ(aging_bucket(90), 3);
  EXPECT_EQ(aging_bucket(91), 4);
  EXPECT_EQ(aging_bucket(180), 4);
  EXPECT_EQ(aging_bucket(181), 5);
  EXPECT_EQ(aging_bucket(365), 5);
  EXPECT_EQ(aging_bucket(366), 6);
}

TEST(Aging, ByCurrencyNeverAddsCurrencies) {
  CivilDate as_of = CivilDate::of("2026-06-30");
  auto rows = aging_by_currency(
      {balance("A", "C1", "USD", "2026-01-01", "2026-06-30", 1000),   // due today: not_due
       balance("B", "C1", "USD", "2026-01-01", "2026-05-31", 2000),   // 30 days: 1-30
       balance("C", "C2", "USD", "2026-01-01", "2026-05-30", 4000, 1000),  // 31 days: 31-60
       balance("D", "C2", "EUR", "2026-01-01", "2025-06-29", 500),    // 366 days: >365
       balance("E", "C2", "EUR", "2026-07-01", "2026-08-01", 999),    // issued after as_of
       balance("F", "C2", "EUR", "2026-01-01", "2026-02-01", 700, 700)},  // settled
      as_of);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].currency.str(), "EUR");
  EXPECT_EQ(rows[0].buckets[6], 500);
  EXPECT_EQ(rows[0].total_minor, 500);
  EXPECT_EQ(rows[1].currency.str(), "USD");
  EXPECT_EQ(rows[1].buckets[0], 1000);
  EXPECT_EQ(rows[1].buckets[1], 2000);
  EXPECT_EQ(rows[1].buckets[2], 3000);
  EXPECT_EQ(rows[1].total_minor, 6000);
}

TEST(Aging, ByCustomerReportsOldestDue) {
  CivilDate as_of = CivilDate::of("2026-06-30");
  auto rows = aging_by_customer({balance("A", "C1", "USD", "2026-01-01", "2026-06-10", 1000),
                                 balance("B", "C1", "USD", "2026-01-01", "2026-04-01", 2000),
                                 balance("C", "C2", "USD", "2026-01-01", "2026-07-15", 3000)},
                                as_of);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].customer_id, "C1");
  EXPECT_EQ(rows[0].oldest_due->iso(), "2026-04-01");
  EXPECT_EQ(rows[0].days_overdue, 90);
  EXPECT_EQ(rows[1].days_overdue, 0);  // not yet due: never negative
}

TEST(Kpi, HandComputedCase) {
  // Period: 90 days ending 2026-06-30, begins 2026-04-01.
  CivilDate as_of = CivilDate::of("2026-06-30");
  // Balances at begin: one old invoice 10,000 open.
  std::vector<InvoiceBalance> begin = {
      balance("OLD", "C1", "USD", "2026-01-10", "2026-03-10", 1000000, 0)};
  // At end: OLD paid 6,000 (4,000 open), NEW1 30,000 issued in period, 10,000 open and overdue;
  // NEW2 20,000 issued in period, not yet due, all open.
  std::vector<InvoiceBalance> end = {
      balance("OLD", "C1", "USD", "2026-01-10", "2026-03-10", 1000000, 600000),
      balance("NEW1", "C1", "USD", "2026-04-10", "2026-06-10", 3000000, 2000000),
      balance("NEW2", "C1", "USD", "2026-06-20", "2026-08-20", 2000000, 0)};
  auto kpis = compute_kpis(begin, end, as_of, 90);
  ASSERT_EQ(kpis.size(), 1u);
  const CurrencyKpi& k = kpis[0];
  EXPECT_EQ(k.sales_minor, 5000000);        // 50,000
  EXPECT_EQ(k.ar_begin_minor, 1000000);     // 10,000
  EXPECT_EQ(k.ar_end_minor, 3400000);       // 4,000 + 10,000 + 20,000
  EXPECT_EQ(k.current_end_minor, 2000000);  // NEW2
  EXPECT_DOUBLE_EQ(*k.dso, 34000.0 / 50000.0 * 90);                       // 61.2
  EXPECT_DOUBLE_EQ(*k.best_possible_dso, 20000.0 / 50000.0 * 90);         // 36
  EXPECT_NEAR(*k.average_days_delinquent, 25.2, 1e-9);
  EXPECT_DOUBLE_EQ(*k.cei_percent, (10000.0 + 50000 - 34000) / (10000.0 + 50000 - 20000) * 100);
  EXPECT_DOUBLE_EQ(*k.overdue_percent, 14000.0 / 34000.0 * 100);
}

TEST(Kpi, ZeroSalesLeavesRatiosAbsent) {
  CivilDate as_of = CivilDate::of("2026-06-30");
  std::vector<InvoiceBalance> both = {
      balance("OLD", "C1", "USD", "2025-01-10", "2025-03-10", 100000, 0)};
  auto kpis = compute_kpis(both, both, as_of, 30);
  ASSERT_EQ(kpis.size(), 1u);
  EXPECT_FALSE(kpis[0].dso.has_value());
  EXPECT_FALSE(kpis[0].best_possible_dso.has_value());
  ASSERT_TRUE(kpis[0].cei_percent.has_value());
  EXPECT_DOUBLE_EQ(*kpis[0].cei_percent, 0.0);
  EXPECT_DOUBLE_EQ(*kpis[0].overdue_percent, 100.0);
}

}  // namespace
}  // namespace overdue::engine
