#include "engine/allocation.h"

#include <gtest/gtest.h>

namespace overdue::engine {
namespace {

Payment payment(const std::string& amount, const std::string& charges = "0",
                const std::string& invoice = "", const std::string& date = "2026-06-01") {
  Currency usd = Currency::of("USD");
  Payment p;
  p.payment_id = "P1";
  p.customer_id = "C1";
  p.date = CivilDate::of(date);
  p.amount = *Money::parse(amount, usd);
  p.bank_charges = *Money::parse(charges, usd);
  p.invoice_no = invoice;
  return p;
}

OpenInvoice invoice(const std::string& no, const std::string& due, int64_t total,
                    int64_t open = -1, const std::string& issue = "2026-01-01") {
  return OpenInvoice{no, CivilDate::of(issue), CivilDate::of(due), total, open < 0 ? total : open};
}

int64_t sum_for(const AllocationResult& r, const std::string& no, AllocationKind kind) {
  int64_t s = 0;
  for (const auto& a : r.allocations) {
    if (a.invoice_no == no && a.kind == kind) s += a.amount_minor;
  }
  return s;
}

TEST(Allocation, OldestDueFirstThenInvoiceNumber) {
  auto r = allocate_payment(payment("1500.00"),
                            {invoice("B", "2026-03-01", 100000), invoice("A", "2026-03-01", 100000),
                             invoice("C", "2026-02-01", 100000)},
                            PaymentsConfig{});
  EXPECT_EQ(sum_for(r, "C", AllocationKind::kPayment), 100000);
  EXPECT_EQ(sum_for(r, "A", AllocationKind::kPayment), 50000);
  EXPECT_EQ(sum_for(r, "B", AllocationKind::kPayment), 0);
  EXPECT_EQ(r.unapplied_minor, 0);
}

TEST(Allocation, ExplicitInvoiceTakesPrecedenceAndExcessIsCredit) {
  auto r = allocate_payment(payment("1200.00", "0", "B"),
                            {invoice("A", "2026-02-01", 100000), invoice("B", "2026-03-01", 100000)},
                            PaymentsConfig{});
  EXPECT_EQ(sum_for(r, "B", AllocationKind::kPayment), 100000);
  EXPECT_EQ(sum_for(r, "A", AllocationKind::kPayment), 0);
  EXPECT_EQ(r.unapplied_minor, 20000);
}

TEST(Allocation, ExcessOverAllOpenInvoicesIsUnappliedCredit) {
  auto r = allocate_payment(payment("3000.00"), {invoice("A", "2026-02-01", 100000)},
                            PaymentsConfig{});
  EXPECT_EQ(sum_for(r, "A", AllocationKind::kPayment), 100000);
  EXPECT_EQ(r.unapplied_minor, 200000);
}

TEST(Allocation, StatedBankChargesSettleTheInvoice) {
  auto r = allocate_payment(payment("9975.00", "25.00"), {invoice("A", "2026-02-01", 1000000)},
                            PaymentsConfig{});
  EXPECT_EQ(sum_for(r, "A", AllocationKind::kPayment), 997500);
  EXPECT_EQ(sum_for(r, "A", AllocationKind::kBankCharges), 2500);
  EXPECT_EQ(r.unapplied_minor, 0);
}

TEST(Allocation, ShortPaymentWithinToleranceIsClosedAsBankCharges) {
  // 10,000.00 invoice: 0.5% = 50.00, cap 50.00 -> tolerance 50.00.
  auto r = allocate_payment(payment("9960.00"), {invoice("A", "2026-02-01", 1000000)},
                            PaymentsConfig{});
  EXPECT_EQ(sum_for(r, "A", AllocationKind::kShortPaymentTolerance), 4000);
  // 1,000.00 invoice: 0.5% = 5.00 < cap -> 6.00 short stays open.
  auto open = allocate_payment(payment("994.00"), {invoice("A", "2026-02-01", 100000)},
                               PaymentsConfig{});
  EXPECT_EQ(sum_for(open, "A", AllocationKind::kShortPaymentTolerance), 0);
  // exactly at the limit is closed
  auto edge = allocate_payment(payment("995.00"), {invoice("A", "2026-02-01", 100000)},
                               PaymentsConfig{});
  EXPECT_EQ(sum_for(edge, "A", AllocationKind::kShortPaymentTolerance), 500);
}

TEST(Allocation, ToleranceCapAppliesToLargeInvoices) {
  // 100,000.00 invoice: 0.5% = 500.00, capped at 50.00. 60.00 short stays open.
  auto r = allocate_payment(payment("99940.00"), {invoice("A", "2026-02-01", 10000000)},
                            PaymentsConfig{});
  EXPECT_EQ(sum_for(r, "A", AllocationKind::kShortPaymentTolerance), 0);
  auto closed = allocate_payment(payment("99950.00"), {invoice("A", "2026-02-01", 10000000)},
                                 PaymentsConfig{});
  EXPECT_EQ(sum_for(closed, "A", AllocationKind::kShortPaymentTolerance), 5000);
}

TEST(Allocation, ToleranceCapInCurrencyMinorUnits) {
  PaymentsConfig config;
  EXPECT_EQ(config.tolerance_max_minor(Currency::of("USD")), 5000);
  EXPECT_EQ(config.tolerance_max_minor(Currency::of("JPY")), 50);
  EXPECT_EQ(config.tolerance_max_minor(Currency::of("KWD")), 50000);
}

TEST(Allocation, SkipsDisputedAndNotYetIssuedInvoices) {
  auto r = allocate_payment(
      payment("1000.00"),
      {invoice("A", "2026-02-01", 100000), invoice("B", "2026-03-01", 100000),
       invoice("LATER", "2026-01-01", 100000, -1, "2026-07-01")},
      PaymentsConfig{}, [](const std::string& no) { return no == "A"; });
  EXPECT_EQ(sum_for(r, "A", AllocationKind::kPayment), 0);
  EXPECT_EQ(sum_for(r, "LATER", AllocationKind::kPayment), 0);
  EXPECT_EQ(sum_for(r, "B", AllocationKind::kPayment), 100000);
}

TEST(Allocation, PartiallyPaidInvoiceReceivesOnlyWhatIsOpen) {
  auto r = allocate_payment(payment("700.00"),
                            {invoice("A", "2026-02-01", 100000, 30000),
                             invoice("B", "2026-03-01", 100000)},
                            PaymentsConfig{});
  EXPECT_EQ(sum_for(r, "A", AllocationKind::kPayment), 30000);
  EXPECT_EQ(sum_for(r, "B", AllocationKind::kPayment), 40000);
}

}  // namespace
}  // namespace overdue::engine
