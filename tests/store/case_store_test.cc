// The case events and bulk reads of the SQLite store, on a temporary file.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/schema.h"
#include "store/store.h"

namespace overdue::store {
namespace {

CivilDate d(const char* iso) { return CivilDate::of(iso); }
Money usd(int64_t minor) { return Money(Currency::of("USD"), minor); }

class CaseStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("overdue-case-store-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = open_sqlite_store(path());
    for (const char* id : {"C1", "C2", "C3"}) {
      Customer c;
      c.id = id;
      c.name = std::string("Buyer ") + id;
      c.country = "US";
      store_->put_customer(c);
    }
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string path() const { return (dir_ / "book.db").string(); }

  void add_invoice(const std::string& no, const std::string& customer, const char* issued,
                   const char* due, int64_t minor, const char* currency = "USD") {
    Invoice inv;
    inv.invoice_no = no;
    inv.customer_id = customer;
    inv.currency = Currency::of(currency);
    inv.issue_date = d(issued);
    inv.due_date = d(due);
    inv.lines.push_back(InvoiceLine{"X", Quantity{1000}, "pcs", UnitPrice{0}, minor});
    store_->insert_invoices({&inv});
  }

  void add_payment(const std::string& id, const std::string& customer, const char* date,
                   int64_t minor, std::optional<CivilDate> reversed = std::nullopt) {
    Payment p;
    p.payment_id = id;
    p.customer_id = customer;
    p.date = d(date);
    p.amount = usd(minor);
    p.bank_charges = usd(0);
    p.reversed_on = reversed;
    store_->insert_payment(p);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(CaseStoreTest, FreshBookIsAtTheLatestSchemaAndCaseEventsAreAppendOnly) {
  store_->add_reason("C1", ReasonRecord{Reason::kOversight, d("2026-08-01"), "manual", ""});
  SQLite::Database db(path(), SQLite::OPEN_READWRITE);
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(),
            static_cast<int>(overdue::store::sqlite_migrations().size()));
  EXPECT_THROW(db.exec("UPDATE case_events SET event_date = '2020-01-01'"), SQLite::Exception);
  EXPECT_THROW(db.exec("DELETE FROM case_events"), SQLite::Exception);
}

TEST_F(CaseStoreTest, FoldsOnlyEventsDatedOnOrBeforeAsOf) {
  store_->add_reason("C1", ReasonRecord{Reason::kOversight, d("2026-08-01"), "manual", "a"});
  store_->add_step("C1", StepRecord{Action::kReminder, d("2026-08-02"), ""});
  store_->add_reason("C1", ReasonRecord{Reason::kCashFlow, d("2026-08-05"), "manual", "b"});
  CaseFacts before = store_->case_facts("C1", d("2026-07-31"));
  EXPECT_EQ(before.customer_id, "C1");
  EXPECT_TRUE(before.reasons.empty());
  EXPECT_TRUE(before.steps.empty());
  CaseFacts mid = store_->case_facts("C1", d("2026-08-04"));
  ASSERT_EQ(mid.reasons.size(), 1u);
  EXPECT_EQ(mid.reasons[0].reason, Reason::kOversight);
  EXPECT_EQ(mid.reasons[0].note, "a");
  EXPECT_EQ(mid.reasons[0].source, "manual");
  ASSERT_EQ(mid.steps.size(), 1u);
  EXPECT_EQ(mid.steps[0].action, Action::kReminder);
  EXPECT_EQ(mid.steps[0].date, d("2026-08-02"));
  CaseFacts after = store_->case_facts("C1", d("2026-08-05"));  // on the date itself: included
  ASSERT_EQ(after.reasons.size(), 2u);
  EXPECT_EQ(after.reasons.back().reason, Reason::kCashFlow);
  EXPECT_TRUE(store_->case_facts("C2", d("2026-12-31")).reasons.empty());
}

TEST_F(CaseStoreTest, ListsAreOldestFirstWithTiesInRecordedOrder) {
  store_->add_step("C1", StepRecord{Action::kFirmReminder, d("2026-08-10"), "third"});
  store_->add_step("C1", StepRecord{Action::kReminder, d("2026-08-01"), "first"});  // backdated
  store_->add_step("C1", StepRecord{Action::kFollowUpCall, d("2026-08-10"), "fourth"});
  store_->add_step("C1", StepRecord{Action::kAskTracking, d("2026-08-05"), "second"});
  CaseFacts f = store_->case_facts("C1", d("2026-12-31"));
  ASSERT_EQ(f.steps.size(), 4u);
  EXPECT_EQ(f.steps[0].note, "first");
  EXPECT_EQ(f.steps[1].note, "second");
  EXPECT_EQ(f.steps[2].note, "third");
  EXPECT_EQ(f.steps[3].note, "fourth");
}

TEST_F(CaseStoreTest, DisputeResolvedAfterAsOfIsStillOpenThen) {
  add_invoice("I1", "C1", "2026-06-01", "2026-07-01", 100000);
  DisputeRecord dispute;
  dispute.invoice_no = "I1";
  dispute.category = DisputeCategory::kQuality;
  dispute.our_fault = true;
  dispute.opened_on = d("2026-08-01");
  dispute.note = "scratched";
  store_->open_dispute("C1", dispute);
  store_->resolve_dispute("C1", "I1", d("2026-08-10"), usd(30000), "credit agreed");

  CaseFacts during = store_->case_facts("C1", d("2026-08-09"));
  ASSERT_EQ(during.disputes.size(), 1u);
  EXPECT_EQ(during.disputes[0].category, DisputeCategory::kQuality);
  EXPECT_TRUE(during.disputes[0].our_fault);
  EXPECT_EQ(during.disputes[0].note, "scratched");
  EXPECT_FALSE(during.disputes[0].resolved_on);
  EXPECT_FALSE(during.disputes[0].credit);
  EXPECT_TRUE(during.disputes[0].open_on(d("2026-08-09")));

  CaseFacts after = store_->case_facts("C1", d("2026-08-10"));
  ASSERT_EQ(after.disputes.size(), 1u);
  EXPECT_EQ(after.disputes[0].resolved_on, d("2026-08-10"));
  EXPECT_EQ(after.disputes[0].credit, usd(30000));
  EXPECT_FALSE(after.disputes[0].open_on(d("2026-08-10")));
  EXPECT_TRUE(store_->case_facts("C1", d("2026-07-31")).disputes.empty());
}

TEST_F(CaseStoreTest, OpenDisputedInvoicesFollowsOpeningsAndResolutions) {
  add_invoice("I1", "C1", "2026-06-01", "2026-07-01", 100000);
  add_invoice("I2", "C1", "2026-06-01", "2026-07-01", 100000);
  DisputeRecord dispute;
  dispute.invoice_no = "I1";
  dispute.opened_on = d("2026-08-01");
  store_->open_dispute("C1", dispute);
  dispute.invoice_no = "I2";
  store_->open_dispute("C1", dispute);
  EXPECT_EQ(store_->open_disputed_invoices("C1"), (std::unordered_set<std::string>{"I1", "I2"}));
  EXPECT_TRUE(store_->open_disputed_invoices("C2").empty());
  store_->resolve_dispute("C1", "I1", d("2026-08-03"), std::nullopt, "");
  EXPECT_EQ(store_->open_disputed_invoices("C1"), (std::unordered_set<std::string>{"I2"}));
  dispute.invoice_no = "I1";  // reopened later: a second dispute on the same invoice
  dispute.opened_on = d("2026-08-20");
  store_->open_dispute("C1", dispute);
  EXPECT_EQ(store_->open_disputed_invoices("C1"), (std::unordered_set<std::string>{"I1", "I2"}));
  CaseFacts f = store_->case_facts("C1", d("2026-12-31"));
  ASSERT_EQ(f.disputes.size(), 3u);
  EXPECT_EQ(f.disputes[0].resolved_on, d("2026-08-03"));
  EXPECT_FALSE(f.disputes[2].resolved_on);
}

TEST_F(CaseStoreTest, PromisesAndInstalmentPlansRoundTrip) {
  store_->add_promise(
      "C1", PromiseRecord{d("2026-08-01"), d("2026-08-10"), usd(500000), {"I1", "I2"}, "manual"});
  store_->add_promise("C1",
                      PromiseRecord{d("2026-08-02"), d("2026-08-20"), std::nullopt, {}, "manual"});
  store_->add_instalment_plan("C1", InstalmentPlan{d("2026-08-03"),
                                                   {Instalment{d("2026-09-01"), usd(100000)},
                                                    Instalment{d("2026-10-01"), usd(250050)}}});
  CaseFacts f = store_->case_facts("C1", d("2026-08-03"));
  ASSERT_EQ(f.promises.size(), 2u);
  EXPECT_EQ(f.promises[0].made_on, d("2026-08-01"));
  EXPECT_EQ(f.promises[0].date, d("2026-08-10"));
  EXPECT_EQ(f.promises[0].amount, usd(500000));
  EXPECT_EQ(f.promises[0].invoices, (std::vector<std::string>{"I1", "I2"}));
  EXPECT_EQ(f.promises[0].source, "manual");
  EXPECT_FALSE(f.promises[1].amount);
  EXPECT_TRUE(f.promises[1].invoices.empty());
  ASSERT_EQ(f.instalment_plans.size(), 1u);
  EXPECT_EQ(f.instalment_plans[0].agreed_on, d("2026-08-03"));
  ASSERT_EQ(f.instalment_plans[0].schedule.size(), 2u);
  EXPECT_EQ(f.instalment_plans[0].schedule[1].date, d("2026-10-01"));
  EXPECT_EQ(f.instalment_plans[0].schedule[1].amount, usd(250050));
  EXPECT_TRUE(store_->case_facts("C1", d("2026-08-02")).instalment_plans.empty());
}

TEST_F(CaseStoreTest, AllCaseFactsHoldsEveryCustomerWithEventsAsOfTheDate) {
  store_->add_reason("C2", ReasonRecord{Reason::kDelayExcuse, d("2026-08-02"), "manual", ""});
  store_->add_reason("C1", ReasonRecord{Reason::kOversight, d("2026-08-01"), "manual", ""});
  store_->add_step("C2", StepRecord{Action::kReminder, d("2026-08-01"), ""});
  store_->add_step("C3", StepRecord{Action::kReminder, d("2026-09-01"), ""});
  auto all = store_->all_case_facts(d("2026-08-02"));
  ASSERT_EQ(all.size(), 2u);  // C3's only event is later
  EXPECT_EQ(all.at("C1").customer_id, "C1");
  EXPECT_EQ(all.at("C1").reasons.size(), 1u);
  EXPECT_EQ(all.at("C2").reasons.size(), 1u);
  EXPECT_EQ(all.at("C2").steps.size(), 1u);
  EXPECT_EQ(all.count("C3"), 0u);
  EXPECT_EQ(store_->all_case_facts(d("2026-09-01")).size(), 3u);
}

TEST_F(CaseStoreTest, InvoiceHeadersAreIssuedByAsOfAndOrderedByCustomerDueAndNumber) {
  add_invoice("B", "C2", "2026-01-01", "2026-03-01", 100);
  add_invoice("Z", "C1", "2026-01-01", "2026-02-01", 200, "EUR");
  add_invoice("A", "C1", "2026-01-05", "2026-02-01", 300);
  add_invoice("L", "C1", "2026-08-01", "2026-09-01", 400);  // issued after as_of
  auto headers = store_->invoice_headers(d("2026-07-31"));
  ASSERT_EQ(headers.size(), 3u);
  EXPECT_EQ(headers[0].invoice_no, "A");
  EXPECT_EQ(headers[1].invoice_no, "Z");
  EXPECT_EQ(headers[1].currency, Currency::of("EUR"));
  EXPECT_EQ(headers[1].total_minor, 200);
  EXPECT_EQ(headers[1].issue_date, d("2026-01-01"));
  EXPECT_FALSE(headers[1].ship_date);
  EXPECT_EQ(headers[2].invoice_no, "B");
  EXPECT_EQ(headers[2].customer_id, "C2");
  EXPECT_EQ(store_->invoice_headers(d("2026-08-01")).size(), 4u);
}

TEST_F(CaseStoreTest, BulkReadsOrderLongCustomerIdsByTheWholeId) {
  // The in-memory sort keys on the first 16 bytes of the id; longer ids must still sort right.
  for (const char* id : {"CUSTOMER-LONG-NAME-B", "CUSTOMER-LONG-NAME-A", "CUSTOMER-LONG-NA"}) {
    Customer c;
    c.id = id;
    c.name = id;
    c.country = "US";
    store_->put_customer(c);
  }
  add_invoice("X1", "CUSTOMER-LONG-NAME-B", "2026-01-01", "2026-02-01", 100);
  add_invoice("X2", "CUSTOMER-LONG-NAME-A", "2026-01-01", "2026-03-01", 100);
  add_invoice("X3", "CUSTOMER-LONG-NA", "2026-01-01", "2026-04-01", 100);
  add_invoice("X4", "CUSTOMER-LONG-NAME-A", "2026-01-01", "2026-02-01", 100);
  auto headers = store_->invoice_headers(d("2026-07-31"));
  ASSERT_EQ(headers.size(), 4u);
  EXPECT_EQ(headers[0].invoice_no, "X3");
  EXPECT_EQ(headers[1].invoice_no, "X4");
  EXPECT_EQ(headers[2].invoice_no, "X2");
  EXPECT_EQ(headers[3].invoice_no, "X1");
}

TEST_F(CaseStoreTest, LivePaymentsAndAllocationsLeaveOutLaterAndReversedOnes) {
  add_invoice("I1", "C1", "2026-01-01", "2026-02-01", 100000);
  add_invoice("I0", "C1", "2026-01-01", "2026-02-01", 100000);
  add_payment("P1", "C1", "2026-03-01", 1000);
  add_payment("P2", "C1", "2026-03-01", 2000, d("2026-04-01"));  // bounced on 04-01
  add_payment("P0", "C2", "2026-02-01", 3000);
  add_payment("P3", "C1", "2026-05-01", 4000);  // after as_of
  add_payment("PA", "C1", "2026-02-15", 10);    // earlier date, later id
  add_payment("P9", "C1", "2026-03-01", 10);    // same date as P1: by id
  store_->insert_allocation(
      Allocation{"P1", "I1", 1000, AllocationKind::kPayment, d("2026-03-01")});
  store_->insert_allocation(
      Allocation{"P2", "I1", 2000, AllocationKind::kPayment, d("2026-03-01")});
  store_->insert_allocation(
      Allocation{"P1", "I0", 50, AllocationKind::kShortPaymentTolerance, d("2026-03-02")});
  store_->insert_allocation(
      Allocation{"P3", "I0", 4000, AllocationKind::kPayment, d("2026-05-01")});

  auto payments = store_->live_payments(d("2026-04-15"));
  ASSERT_EQ(payments.size(), 4u);
  EXPECT_EQ(payments[0].payment_id, "PA");  // C1 by date, then id; then C2
  EXPECT_EQ(payments[1].payment_id, "P1");
  EXPECT_EQ(payments[2].payment_id, "P9");
  EXPECT_EQ(payments[3].payment_id, "P0");
  EXPECT_EQ(store_->live_payments(d("2026-03-15")).size(), 5u);  // P2 not yet reversed

  auto allocations = store_->live_allocations(d("2026-04-15"));
  ASSERT_EQ(allocations.size(), 2u);
  EXPECT_EQ(allocations[0].invoice_no, "I0");
  EXPECT_EQ(allocations[0].kind, AllocationKind::kShortPaymentTolerance);
  EXPECT_EQ(allocations[1].invoice_no, "I1");
  EXPECT_EQ(allocations[1].payment_id, "P1");
  EXPECT_EQ(store_->live_allocations(d("2026-03-15")).size(), 3u);
  EXPECT_EQ(store_->live_allocations(d("2026-05-01")).size(), 3u);

  auto balances = store_->balances_of_customer("C1", d("2026-04-15"));
  ASSERT_EQ(balances.size(), 2u);
  EXPECT_EQ(balances[0].invoice_no, "I0");
  EXPECT_EQ(balances[0].open_minor(), 100000 - 50);
  EXPECT_EQ(balances[1].open_minor(), 100000 - 1000);
}

TEST_F(CaseStoreTest, AllContactsAreOrderedByCustomerThenEmail) {
  store_->put_contact(Contact{"C2", "", "a@two.com", ContactRole::kBuyer, ""});
  store_->put_contact(Contact{"C1", "", "z@one.com", ContactRole::kOwner, ""});
  store_->put_contact(Contact{"C1", "", "b@one.com", ContactRole::kFinance, ""});
  auto contacts = store_->all_contacts();
  ASSERT_EQ(contacts.size(), 3u);
  EXPECT_EQ(contacts[0].email, "b@one.com");
  EXPECT_EQ(contacts[1].email, "z@one.com");
  EXPECT_EQ(contacts[2].customer_id, "C2");
}

TEST_F(CaseStoreTest, JournalAboutCustomerCoversItsInvoicesAndPayments) {
  add_invoice("I1", "C1", "2026-01-01", "2026-02-01", 100);
  add_invoice("I2", "C2", "2026-01-01", "2026-02-01", 100);
  add_payment("P1", "C1", "2026-03-01", 100);
  for (const char* subject : {"C1", "I1", "P1", "C2", "I2", "customers.csv"}) {
    store_->journal(JournalEntry{0, "", "test", "2026-08-01", "x", subject, "{}"});
  }
  auto entries = store_->journal_about_customer("C1");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].subject, "C1");
  EXPECT_EQ(entries[1].subject, "I1");
  EXPECT_EQ(entries[2].subject, "P1");
}

}  // namespace
}  // namespace overdue::store
