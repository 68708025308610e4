// Import through the real SQLite store on a temporary file.
#include "app/import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/payment_commands.h"
#include "engine/aging.h"

namespace overdue::app {
namespace {

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("overdue-import-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = store::open_sqlite_store((dir_ / "book.db").string());
    ASSERT_TRUE(import("customers",
                       "customer_id,name,country,language\nC1,Buyer One,US,en\nC2,买家二,CN,zh\n")
                    .ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  ImportReport import(const std::string& kind, const std::string& text, bool update = false) {
    std::string path = (dir_ / (kind + std::to_string(counter_++) + ".csv")).string();
    std::ofstream(path, std::ios::binary) << text;
    ImportKind k = kind == "customers"  ? ImportKind::kCustomers
                   : kind == "contacts" ? ImportKind::kContacts
                   : kind == "invoices" ? ImportKind::kInvoices
                                        : ImportKind::kPayments;
    return import_files(*store_, k, {path}, ImportOptions{update, "2026-07-31", "test", {}});
  }

  int64_t open_of(const std::string& invoice_no, const std::string& as_of = "2026-07-31") {
    for (const auto& b : store_->balances(CivilDate::of(as_of))) {
      if (b.invoice_no == invoice_no) return b.open_minor();
    }
    return -1;
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  int counter_ = 0;
};

constexpr const char* kInvoiceHeader =
    "invoice_no,order_no,customer_id,currency,issue_date,ship_date,received_date,due_date,terms,"
    "product,quantity,unit,unit_price,amount\n";

TEST_F(ImportTest, InvoiceLinesGroupIntoOneInvoiceWithTermsDueDate) {
  auto r = import("invoices", std::string(kInvoiceHeader) +
                                  "I1,PO1,C1,USD,2026-01-05,2026-01-10,,,60-BL,Valve,10,pcs,1.855,\n"
                                  "I1,PO1,C1,USD,2026-01-05,2026-01-10,,,60-BL,Pipe,2.5,t,100,250.00\n");
  ASSERT_TRUE(r.ok()) << r.problems.report();
  EXPECT_EQ(r.inserted, 1u);
  auto inv = store_->find_invoice("I1");
  ASSERT_TRUE(inv);
  ASSERT_EQ(inv->lines.size(), 2u);
  EXPECT_EQ(inv->lines[0].amount_minor, 1855);  // 18.55
  EXPECT_EQ(inv->total_minor(), 26855);
  EXPECT_EQ(inv->due_date.iso(), "2026-03-11");
  EXPECT_EQ(inv->terms, "60-BL");
}

TEST_F(ImportTest, FailedImportLeavesTheBookUnchanged) {
  auto r = import("invoices", std::string(kInvoiceHeader) +
                                  "I1,PO1,C1,USD,2026-01-05,,,2026-02-05,,Valve,10,pcs,2,\n"
                                  "I2,PO2,C9,USD,2026-01-05,,,2026-02-05,,Valve,10,pcs,2,\n");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(store_->invoice_count(), 0);
  ASSERT_EQ(r.problems.shown().size(), 1u);
  EXPECT_EQ(r.problems.shown()[0].line, 3);
  EXPECT_EQ(r.problems.shown()[0].column, 8);  // the customer_id field
}

TEST_F(ImportTest, ReimportIdenticalIsNoOpAndChangedNeedsUpdate) {
  std::string one = std::string(kInvoiceHeader) +
                    "I1,PO1,C1,USD,2026-01-05,,,2026-02-05,,Valve,10,pcs,2,\n";
  ASSERT_TRUE(import("invoices", one).ok());
  size_t journal = store_->journal_entries().size();
  auto again = import("invoices", one);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.unchanged, 1u);
  EXPECT_EQ(store_->journal_entries().size(), journal);
  std::string changed = std::string(kInvoiceHeader) +
                        "I1,PO1,C1,USD,2026-01-05,,,2026-02-05,,Valve,11,pcs,2,\n";
  EXPECT_FALSE(import("invoices", changed).ok());
  EXPECT_EQ(store_->find_invoice("I1")->total_minor(), 2000);
  auto updated = import("invoices", changed, /*update=*/true);
  ASSERT_TRUE(updated.ok()) << updated.problems.report();
  EXPECT_EQ(updated.updated, 1u);
  EXPECT_EQ(store_->find_invoice("I1")->total_minor(), 2200);
}

TEST_F(ImportTest, PaymentsAllocateFifoWithChargesToleranceAndCredit) {
  ASSERT_TRUE(import("invoices",
                     std::string(kInvoiceHeader) +
                         "A,PO,C1,USD,2026-01-01,,,2026-02-01,,X,1,pcs,10000,\n"
                         "B,PO,C1,USD,2026-01-01,,,2026-03-01,,X,1,pcs,1000,\n"
                         "E,PO,C1,EUR,2026-01-01,,,2026-01-15,,X,1,pcs,500,\n")
                  .ok());
  auto r = import("payments",
                  "payment_id,customer_id,date,currency,amount,invoice_no,method,reference,"
                  "bank_charges\n"
                  "P1,C1,2026-04-01,USD,9975.00,,wire,MT103 X,25.00\n"
                  "P2,C1,2026-04-02,USD,1500.00,,wire,,\n");
  ASSERT_TRUE(r.ok()) << r.problems.report();
  EXPECT_EQ(open_of("A"), 0);
  EXPECT_EQ(open_of("B"), 0);
  EXPECT_EQ(open_of("E"), 50000);  // never allocated across currencies
  EXPECT_EQ(open_of("A", "2026-03-31"), 1000000);  // as of before the payment
  auto credits = store_->allocations_of_payment("P2");
  ASSERT_EQ(credits.size(), 1u);
  EXPECT_EQ(credits[0].amount_minor, 100000);  // 500.00 left as credit
  CommandContext ctx{*store_, CivilDate::of("2026-05-01"), "test"};
  auto reversed = reverse_payment(ctx, "P1", "bounced");
  ASSERT_TRUE(reversed.ok()) << reversed.error().message;
  EXPECT_EQ(open_of("A", "2026-04-30"), 0);
  EXPECT_EQ(open_of("A", "2026-05-01"), 1000000);
}

TEST_F(ImportTest, ManualAllocationRefusesOverAllocation) {
  ASSERT_TRUE(import("invoices", std::string(kInvoiceHeader) +
                                     "A,PO,C1,USD,2026-01-01,,,2026-02-01,,X,1,pcs,100,\n")
                  .ok());
  ASSERT_TRUE(import("payments",
                     "payment_id,customer_id,date,currency,amount,invoice_no\n"
                     "P1,C1,2025-12-01,USD,300.00,\n")
                  .ok());  // before the invoice was issued: all credit
  CommandContext ctx{*store_, CivilDate::of("2026-03-01"), "test"};
  EXPECT_FALSE(allocate_manually(ctx, "P1", "A", "150.00").ok());  // invoice has 100 open
  EXPECT_TRUE(allocate_manually(ctx, "P1", "A", "60.00").ok());
  EXPECT_EQ(open_of("A", "2026-02-28"), 10000);  // effective from the command's date
  EXPECT_EQ(open_of("A", "2026-03-01"), 4000);
  auto credit = apply_credit(ctx, "C1", "A");
  ASSERT_TRUE(credit.ok()) << credit.error().message;
  EXPECT_EQ(open_of("A", "2026-03-01"), 0);
  EXPECT_FALSE(apply_credit(ctx, "C1", "A").ok());
}

// The lines of one invoice need not be next to each other: the writer thread receives them in
// batches, and an invoice whose lines straddle two batches (or two files) is still one invoice.
TEST_F(ImportTest, LinesOfOneInvoiceSplitAcrossTheFileAndAcrossFiles) {
  std::string text = kInvoiceHeader;
  text += "I1,PO1,C1,USD,2026-01-05,,,2026-02-05,,Valve,1,pcs,1,\n";
  for (int i = 0; i < 5000; ++i) {  // more than one writer batch between I1's two lines
    text += "F" + std::to_string(i) + ",PO,C2,CNY,2026-01-05,,,2026-02-05,,Bolt,1,pcs,1,\n";
  }
  text += "I1,PO1,C1,USD,2026-01-05,,,2026-02-05,,Pipe,2,pcs,3,\n";
  auto r = import("invoices", text);
  ASSERT_TRUE(r.ok()) << r.problems.report();
  EXPECT_EQ(r.inserted, 5001u);
  auto inv = store_->find_invoice("I1");
  ASSERT_TRUE(inv);
  ASSERT_EQ(inv->lines.size(), 2u);
  EXPECT_EQ(inv->total_minor(), 700);  // 1.00 + 6.00

  // Across two files of one import: the second file's line joins the invoice of the first.
  std::string a = (dir_ / "a.csv").string(), b = (dir_ / "b.csv").string();
  std::ofstream(a, std::ios::binary)
      << kInvoiceHeader << "I2,PO2,C1,USD,2026-01-05,,,2026-02-05,,Valve,1,pcs,5,\n";
  std::ofstream(b, std::ios::binary)
      << kInvoiceHeader << "I2,PO2,C1,USD,2026-01-05,,,2026-02-05,,Pipe,1,pcs,7,\n";
  auto two = import_files(*store_, ImportKind::kInvoices, {a, b},
                          ImportOptions{false, "2026-07-31", "test", {}});
  ASSERT_TRUE(two.ok()) << two.problems.report();
  ASSERT_TRUE(store_->find_invoice("I2"));
  EXPECT_EQ(store_->find_invoice("I2")->lines.size(), 2u);
  EXPECT_EQ(store_->find_invoice("I2")->total_minor(), 1200);
}

// A problem found after thousands of rows were already written rolls the whole import back.
TEST_F(ImportTest, AProblemAfterWritingStartedLeavesNothing) {
  std::string text = kInvoiceHeader;
  for (int i = 0; i < 20000; ++i) {
    text += "R" + std::to_string(i) + ",PO,C1,USD,2026-01-05,,,2026-02-05,,Valve,1,pcs,1,\n";
  }
  text += "BAD,PO,C1,USD,2026-13-05,,,2026-02-05,,Valve,1,pcs,1,\n";  // month 13, line 20002
  size_t journal = store_->journal_entries().size();
  auto r = import("invoices", text);
  EXPECT_FALSE(r.ok());
  ASSERT_FALSE(r.problems.shown().empty());
  EXPECT_EQ(r.problems.shown()[0].line, 20002);
  EXPECT_EQ(store_->invoice_count(), 0);
  EXPECT_FALSE(store_->find_invoice("R0"));
  EXPECT_EQ(store_->journal_entries().size(), journal);
}

}  // namespace
}  // namespace overdue::app
