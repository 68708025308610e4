// The case commands through the real SQLite store on a temporary file: what each refuses, what
// it records and journals, and the dispute hook in payment allocation.
#include "app/case_commands.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <deque>
#include <filesystem>
#include <fstream>

#include "app/import.h"

namespace overdue::app {
namespace {

CivilDate d(const char* iso) { return CivilDate::of(iso); }

class CaseCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("overdue-case-commands-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = store::open_sqlite_store((dir_ / "book.db").string());
    ASSERT_TRUE(import(ImportKind::kCustomers,
                       "customer_id,name,country,language\nC1,Buyer One,US,en\n"
                       "C2,Buyer Two,DE,en\nC3,Nothing Open,US,en\n"));
    ASSERT_TRUE(import(ImportKind::kInvoices,
                       "invoice_no,order_no,customer_id,currency,issue_date,due_date,product,"
                       "quantity,unit_price\n"
                       "A,PO1,C1,USD,2026-05-01,2026-06-01,Valve,1,1000\n"
                       "B,PO2,C1,USD,2026-05-10,2026-06-10,Valve,1,2000\n"
                       "E,PO3,C1,EUR,2026-05-10,2026-06-10,Valve,1,500\n"
                       "F,PO4,C2,EUR,2026-05-10,2026-06-10,Valve,1,700\n"
                       "L,PO5,C1,USD,2026-09-01,2026-10-01,Valve,1,100\n"));
  }
  void TearDown() override {
    contexts_.clear();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  bool import(ImportKind kind, const std::string& text, const char* as_of = "2026-07-31") {
    std::string path = (dir_ / ("in" + std::to_string(counter_++) + ".csv")).string();
    std::ofstream(path, std::ios::binary) << text;
    ImportReport r = import_files(*store_, kind, {path}, ImportOptions{false, as_of, "test", {}});
    if (!r.ok()) ADD_FAILURE() << r.problems.report();
    return r.ok();
  }

  // A command context as of the date (kept alive by the fixture: commands take it by reference).
  CommandContext& at(const char* as_of) {
    return contexts_.emplace_back(CommandContext{*store_, d(as_of), "tester"});
  }

  int64_t open_of(const std::string& invoice_no, const char* as_of = "2026-12-31") {
    for (const auto& b : store_->balances(d(as_of))) {
      if (b.invoice_no == invoice_no) return b.open_minor();
    }
    return -1;
  }

  size_t journal_size() { return store_->journal_entries().size(); }

  // The command failed with a message containing `part`, and wrote nothing.
  template <typename T>
  void expect_refused(const Result<T>& r, const std::string& part, size_t journal_before) {
    ASSERT_FALSE(r.ok()) << "accepted, expected an error containing: " << part;
    EXPECT_NE(r.error().message.find(part), std::string::npos) << r.error().message;
    EXPECT_EQ(journal_size(), journal_before);
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::deque<CommandContext> contexts_;
  int counter_ = 0;
};

TEST_F(CaseCommandsTest, ReasonIsRecordedAndJournaled) {
  auto& ctx = at("2026-08-01");
  size_t before = journal_size();
  expect_refused(set_reason(ctx, "C9", "oversight", ""), "unknown customer 'C9'", before);
  expect_refused(set_reason(ctx, "C1", "lazy", ""),
                 "'lazy' is not a reason (allowed: payment_sent, oversight", before);
  auto r = set_reason(ctx, "C1", "cash_flow", "tight");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, "reason of C1 set to cash_flow as of 2026-08-01");
  CaseFacts f = store_->case_facts("C1", d("2026-08-01"));
  ASSERT_EQ(f.reasons.size(), 1u);
  EXPECT_EQ(f.reasons[0].reason, Reason::kCashFlow);
  EXPECT_EQ(f.reasons[0].source, "manual");
  EXPECT_EQ(f.reasons[0].note, "tight");
  auto journal = store_->journal_entries("C1");
  ASSERT_EQ(journal.size(), 1u);
  EXPECT_EQ(journal[0].action, "reason.set");
  EXPECT_EQ(journal[0].actor, "tester");
  EXPECT_EQ(journal[0].as_of, "2026-08-01");
}

TEST_F(CaseCommandsTest, PromiseValidation) {
  auto& ctx = at("2026-08-01");
  size_t n = journal_size();
  expect_refused(record_promise(ctx, "C9", "2026-08-10", "", {}), "unknown customer", n);
  expect_refused(record_promise(ctx, "C1", "2026-08-32", "", {}), "--date: ", n);
  expect_refused(record_promise(ctx, "C1", "2026-07-31", "", {}),
                 "--date: the promised date 2026-07-31 is before --as-of 2026-08-01", n);
  expect_refused(record_promise(ctx, "C3", "2026-08-10", "", {}),
                 "customer C3 has nothing open as of 2026-08-01", n);
  expect_refused(record_promise(ctx, "C1", "2026-08-10", "", {"NOPE"}),
                 "--invoice: unknown invoice 'NOPE'", n);
  expect_refused(record_promise(ctx, "C1", "2026-08-10", "", {"F"}),
                 "--invoice: invoice F belongs to C2, not C1", n);
  expect_refused(record_promise(ctx, "C1", "2026-08-10", "JPY 5000", {}),
                 "--amount: C1 has nothing open in JPY as of 2026-08-01 (open: EUR, USD)", n);
  expect_refused(record_promise(ctx, "C1", "2026-08-10", "5000", {}), "--amount: give the currency",
                 n);
  expect_refused(record_promise(ctx, "C1", "2026-08-10", "USD 0", {}),
                 "--amount: must be greater than zero", n);
  expect_refused(record_promise(ctx, "C1", "2026-08-10", "USD five", {}), "--amount: ", n);
  expect_refused(record_promise(ctx, "C1", "2026-08-10", "USD 500", {"E"}),
                 "--invoice: invoice E is in EUR, the promised amount in USD", n);
  EXPECT_TRUE(store_->case_facts("C1", d("2026-12-31")).promises.empty());
}

TEST_F(CaseCommandsTest, PromiseIsRecordedWithAmountAndInvoices) {
  auto& ctx = at("2026-08-01");
  auto r = record_promise(ctx, "C1", "2026-08-01", "USD 1,500", {"A", "B", "A"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, "promise of C1 recorded: USD 1,500.00 by 2026-08-01 (A, B)");
  auto bare = record_promise(ctx, "C2", "2026-08-15", "700", {});  // C2 owes in EUR only
  ASSERT_TRUE(bare.ok()) << bare.error().message;
  EXPECT_EQ(*bare, "promise of C2 recorded: EUR 700.00 by 2026-08-15 (everything overdue)");
  CaseFacts f = store_->case_facts("C1", d("2026-08-01"));
  ASSERT_EQ(f.promises.size(), 1u);
  EXPECT_EQ(f.promises[0].made_on, d("2026-08-01"));
  EXPECT_EQ(f.promises[0].amount, Money(Currency::of("USD"), 150000));
  EXPECT_EQ(f.promises[0].invoices, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(store_->journal_entries("C1").back().action, "promise.record");
}

TEST_F(CaseCommandsTest, DisputeOpenValidationAndReason) {
  size_t n = journal_size();
  auto& ctx = at("2026-08-01");
  expect_refused(open_dispute(ctx, "NOPE", "quality", false, ""), "unknown invoice 'NOPE'", n);
  expect_refused(open_dispute(ctx, "A", "colour", false, ""),
                 "--category: 'colour' is not a dispute category (allowed: quality, quantity, "
                 "delivery, documents, price, other)",
                 n);
  auto early = at("2026-04-30");
  expect_refused(open_dispute(early, "A", "quality", false, ""),
                 "cannot open a dispute on A as of 2026-04-30: it was issued on 2026-05-01", n);
  auto r = open_dispute(ctx, "A", "quality", true, "scratched");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r,
            "dispute opened on A (quality, our fault) as of 2026-08-01; reason of C1 set to "
            "dispute; automatic allocation skips A until it is resolved");
  n = journal_size();
  expect_refused(open_dispute(at("2026-08-02"), "A", "price", false, ""),
                 "invoice A already has an open dispute (quality, opened 2026-08-01)", n);
  CaseFacts f = store_->case_facts("C1", d("2026-08-01"));
  ASSERT_EQ(f.disputes.size(), 1u);
  EXPECT_TRUE(f.disputes[0].our_fault);
  EXPECT_EQ(f.disputes[0].note, "scratched");
  ASSERT_EQ(f.reasons.size(), 1u);
  EXPECT_EQ(f.reasons[0].reason, Reason::kDispute);
  EXPECT_EQ(store_->journal_entries("A").back().action, "dispute.open");
}

TEST_F(CaseCommandsTest, DisputeResolveValidation) {
  size_t n = journal_size();
  expect_refused(resolve_dispute(at("2026-08-05"), "NOPE", "", ""), "unknown invoice", n);
  expect_refused(resolve_dispute(at("2026-08-05"), "A", "", ""), "invoice A has no open dispute",
                 n);
  ASSERT_TRUE(open_dispute(at("2026-08-01"), "A", "price", false, "").ok());
  n = journal_size();
  expect_refused(resolve_dispute(at("2026-07-31"), "A", "", ""),
                 "cannot resolve the dispute on A as of 2026-07-31: it was opened on 2026-08-01",
                 n);
  auto& ctx = at("2026-08-05");
  expect_refused(resolve_dispute(ctx, "A", "EUR 10", ""),
                 "--credit: the credit is in EUR, invoice A in USD", n);
  expect_refused(resolve_dispute(ctx, "A", "1000.01", ""),
                 "--credit: USD 1,000.01 is more than the USD 1,000.00 open on invoice A", n);
  expect_refused(resolve_dispute(ctx, "A", "0", ""), "--credit: must be greater than zero", n);
  expect_refused(resolve_dispute(ctx, "A", "abc", ""), "--credit: ", n);
  auto r = resolve_dispute(ctx, "A", "", "withdrawn");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, "dispute on A resolved as of 2026-08-05");
  n = journal_size();
  expect_refused(open_dispute(at("2026-08-03"), "A", "price", false, ""),
                 "its previous dispute was resolved later, on 2026-08-05", n);
  EXPECT_TRUE(open_dispute(at("2026-08-06"), "A", "documents", false, "").ok());
}

TEST_F(CaseCommandsTest, CreditNoteSettlesTheDisputedInvoice) {
  ASSERT_TRUE(open_dispute(at("2026-08-01"), "A", "quality", true, "").ok());
  auto r = resolve_dispute(at("2026-08-05"), "A", "USD 1000", "full credit");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r,
            "dispute on A resolved as of 2026-08-05; credit note CN-A-1 of USD 1,000.00 "
            "allocated, USD 0.00 still open");
  EXPECT_EQ(open_of("A", "2026-08-04"), 100000);  // the credit counts from its date on
  EXPECT_EQ(open_of("A", "2026-08-05"), 0);
  auto note = store_->find_payment("CN-A-1");
  ASSERT_TRUE(note);
  EXPECT_EQ(note->method, PaymentMethod::kCreditNote);
  EXPECT_EQ(note->invoice_no, "A");
  EXPECT_EQ(note->date, d("2026-08-05"));
  auto allocations = store_->allocations_of_payment("CN-A-1");
  ASSERT_EQ(allocations.size(), 1u);
  EXPECT_EQ(allocations[0].amount_minor, 100000);
  CaseFacts f = store_->case_facts("C1", d("2026-08-05"));
  ASSERT_EQ(f.disputes.size(), 1u);
  EXPECT_EQ(f.disputes[0].resolved_on, d("2026-08-05"));
  EXPECT_EQ(f.disputes[0].credit, Money(Currency::of("USD"), 100000));
  EXPECT_EQ(store_->journal_entries("CN-A-1").back().action, "payment.allocate");
  EXPECT_EQ(store_->journal_entries("A").back().action, "dispute.resolve");

  // A second dispute on B, partly credited: the next credit-note number is per invoice.
  ASSERT_TRUE(open_dispute(at("2026-08-06"), "B", "quantity", true, "").ok());
  auto partial = resolve_dispute(at("2026-08-07"), "B", "300", "");
  ASSERT_TRUE(partial.ok()) << partial.error().message;
  EXPECT_NE(partial->find("credit note CN-B-1 of USD 300.00 allocated, USD 1,700.00 still open"),
            std::string::npos);
  EXPECT_EQ(open_of("B"), 170000);
}

TEST_F(CaseCommandsTest, AutomaticAllocationSkipsInvoicesUnderOpenDispute) {
  ASSERT_TRUE(open_dispute(at("2026-08-01"), "A", "quality", false, "").ok());
  // Oldest-due-first would take A (due 06-01) first; under dispute, the money goes to B.
  ASSERT_TRUE(import(ImportKind::kPayments,
                     "payment_id,customer_id,date,currency,amount\nP1,C1,2026-08-02,USD,2000.00\n",
                     "2026-08-02"));
  EXPECT_EQ(open_of("A"), 100000);
  EXPECT_EQ(open_of("B"), 0);
  auto journal = store_->journal_entries("P1");
  ASSERT_EQ(journal.size(), 1u);
  EXPECT_NE(journal[0].detail.find("A skipped: under open dispute"), std::string::npos);

  // A payment naming the disputed invoice still goes to it.
  ASSERT_TRUE(import(ImportKind::kPayments,
                     "payment_id,customer_id,date,currency,amount,invoice_no\n"
                     "P2,C1,2026-08-03,USD,100.00,A\n",
                     "2026-08-03"));
  EXPECT_EQ(open_of("A"), 90000);

  // Once resolved, automatic allocation reaches A again.
  ASSERT_TRUE(resolve_dispute(at("2026-08-04"), "A", "", "").ok());
  ASSERT_TRUE(import(ImportKind::kPayments,
                     "payment_id,customer_id,date,currency,amount\nP3,C1,2026-08-05,USD,400.00\n",
                     "2026-08-05"));
  EXPECT_EQ(open_of("A"), 50000);
}

TEST_F(CaseCommandsTest, ScheduleParsingNamesThePosition) {
  auto ok = parse_schedule("2026-09-01:USD 5,000.00, 2026-10-01:USD 5000");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_EQ((*ok)[0].amount, Money(Currency::of("USD"), 500000));
  EXPECT_EQ((*ok)[1].date, d("2026-10-01"));

  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"", "empty schedule"},
      {"  ", "empty schedule"},
      {"2026-09-01 USD 5000", "instalment 1 at column 1: '2026-09-01 USD 5000' is not DATE:AMOUNT"},
      {"2026-09-01:USD 5000,2026-10-01", "instalment 2 at column 21: '2026-10-01' is not"},
      {"2026-09-01:USD 5000, 2026-13-01:USD 5000",
       "instalment 2 at column 22: '2026-13-01' is not a valid calendar date"},
      {"2026-09-01:USD 5000,,2026-10-01:USD 1", "instalment 2 at column 21: empty"},
      {"2026-09-01:5000", "instalment 1 at column 1: '5000' is not an amount with currency"},
      {"2026-09-01:USD 0", "instalment 1 at column 1: the amount must be greater than zero"},
      {"2026-09-01:USD 5000,", "instalment 2 at column 21: empty"},
  };
  for (const auto& c : cases) {
    auto r = parse_schedule(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.error().message.find(c.error), std::string::npos)
        << c.text << " -> " << r.error().message;
  }
}

TEST_F(CaseCommandsTest, InstalmentsValidationAndRecording) {
  auto& ctx = at("2026-08-01");
  size_t n = journal_size();
  expect_refused(record_instalments(ctx, "C9", "2026-09-01:USD 1"), "unknown customer", n);
  expect_refused(record_instalments(ctx, "C1", "2026-09-01:USD x"),
                 "--schedule: instalment 1 at column 1: ", n);
  expect_refused(record_instalments(ctx, "C1", "2026-07-31:USD 1,2026-09-01:USD 1"),
                 "--schedule: instalment 1 (2026-07-31) is before --as-of 2026-08-01", n);
  expect_refused(record_instalments(ctx, "C1", "2026-09-01:USD 1,2026-09-01:USD 1"),
                 "--schedule: instalment 2 (2026-09-01) is not after instalment 1 (2026-09-01)", n);
  expect_refused(record_instalments(ctx, "C1", "2026-09-01:USD 1,2026-10-01:EUR 1"),
                 "--schedule: instalment 2 is in EUR, instalment 1 in USD: one currency per plan",
                 n);
  expect_refused(record_instalments(ctx, "C2", "2026-09-01:USD 1"),
                 "--schedule: C2 has nothing open in USD as of 2026-08-01 (open: EUR)", n);
  expect_refused(record_instalments(ctx, "C3", "2026-09-01:USD 1"),
                 "--schedule: C3 has nothing open in USD as of 2026-08-01", n);
  auto r = record_instalments(ctx, "C1", "2026-08-01:USD 1000,2026-09-01:USD 2000");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r,
            "instalment plan of C1 recorded: 2 instalment(s), USD 3,000.00 from 2026-08-01 to "
            "2026-09-01 (USD 3,000.00 open as of 2026-08-01)");
  CaseFacts f = store_->case_facts("C1", d("2026-08-01"));
  ASSERT_EQ(f.instalment_plans.size(), 1u);
  EXPECT_EQ(f.instalment_plans[0].schedule.size(), 2u);
  EXPECT_EQ(store_->journal_entries("C1").back().action, "instalments.agree");
}

TEST_F(CaseCommandsTest, DoneRecordsAnyStepButWait) {
  auto& ctx = at("2026-08-01");
  size_t n = journal_size();
  expect_refused(record_step(ctx, "C9", "reminder", ""), "unknown customer", n);
  expect_refused(record_step(ctx, "C1", "shout", ""),
                 "'shout' is not an action (allowed: courtesy_reminder, reminder", n);
  expect_refused(record_step(ctx, "C1", "wait", ""), "wait is not a step that can be done", n);
  auto r = record_step(ctx, "C1", "follow_up_call", "spoke to finance");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, "step follow_up_call of C1 recorded as done on 2026-08-01");
  ASSERT_TRUE(record_step(ctx, "C1", "ask_tracking", "").ok());
  CaseFacts f = store_->case_facts("C1", d("2026-08-01"));
  ASSERT_EQ(f.steps.size(), 2u);
  EXPECT_EQ(f.steps[0].action, Action::kFollowUpCall);
  EXPECT_EQ(f.steps[0].note, "spoke to finance");
  EXPECT_EQ(f.steps[1].action, Action::kAskTracking);
}

TEST_F(CaseCommandsTest, LoadCaseReplaysTheDate) {
  ASSERT_TRUE(set_reason(at("2026-08-01"), "C1", "oversight", "").ok());
  ASSERT_TRUE(record_step(at("2026-08-03"), "C1", "reminder", "").ok());
  ASSERT_TRUE(set_reason(at("2026-08-05"), "C1", "payment_sent", "").ok());
  EXPECT_FALSE(load_case(*store_, "C9", d("2026-08-05")).ok());
  auto early = load_case(*store_, "C1", d("2026-08-02"));
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->customer.name, "Buyer One");
  EXPECT_EQ(early->facts.reasons.size(), 1u);
  EXPECT_TRUE(early->facts.steps.empty());
  ASSERT_EQ(early->journal.size(), 1u);  // the import journals no customer subject
  EXPECT_EQ(early->journal[0].action, "reason.set");
  auto later = load_case(*store_, "C1", d("2026-08-05"));
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->facts.reasons.back().reason, Reason::kPaymentSent);
  EXPECT_EQ(later->journal.size(), 3u);
}

}  // namespace
}  // namespace overdue::app
