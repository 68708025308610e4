// The playbook's decision rules, recipient rules and trusted tier on small fixed books.
#include "engine/plan.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace overdue::engine {
namespace {

CivilDate D(const char* iso) { return CivilDate::of(iso); }
Money usd(int64_t major) { return Money(Currency::of("USD"), major * 100); }

class PlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    book.customer.id = "C1";
    book.customer.name = "Buyer Ltd";
    book.customer.country = "DE";
    book.customer.since = D("2025-01-01");
    book.contacts = {{"C1", "Bea", "buyer@c1.com", ContactRole::kBuyer, ""},
                     {"C1", "Fin", "finance@c1.com", ContactRole::kFinance, ""},
                     {"C1", "Max", "manager@c1.com", ContactRole::kManager, ""},
                     {"C1", "Olga", "owner@c1.com", ContactRole::kOwner, ""},
                     {"C1", "Cleo", "clerk@c1.com", ContactRole::kClerk, ""}};
    book.facts.customer_id = "C1";
  }

  // An invoice due on `due`, issued 60 days before, with `open` of `total` still open.
  void invoice(const char* no, const char* due, int64_t total, int64_t open = -1,
               std::optional<CivilDate> settled = std::nullopt) {
    InvoiceView v;
    v.invoice_no = no;
    v.due_date = D(due);
    v.issue_date = v.due_date.plus_days(-60);
    v.ship_date = v.issue_date.plus_days(2);
    v.total_minor = total * 100;
    v.open_minor = (open < 0 ? total : open) * 100;
    v.settled_on = settled;
    book.invoices.push_back(v);
  }
  void done(Action a, const char* date) { book.facts.steps.push_back({a, D(date), ""}); }
  void reason(Reason r, const char* date) { book.facts.reasons.push_back({r, D(date), "manual", ""}); }

  PlanEntry plan(const char* as_of) {
    auto e = plan_customer(book, policy, D(as_of));
    EXPECT_TRUE(e.has_value());
    return e ? *e : PlanEntry{};
  }
  static std::string why(const PlanEntry& e) {
    std::string all;
    for (const auto& w : e.why) all += w + " | ";
    return all;
  }

  CustomerBook book;
  Policy policy = Policy::defaults();
};

// One customer, one invoice due on day 0; the plan runs every day from day -7 to day 120 and
// every step it proposes is recorded as done that day. The expected table is the policy's.
TEST_F(PlanTest, HundredTwentyDayStory) {
  const CivilDate day0 = D("2026-03-01");
  invoice("INV-1", "2026-03-01", 10000);
  std::vector<std::pair<int, std::string>> actions;
  for (int day = -7; day <= 120; ++day) {
    CivilDate today = day0.plus_days(day);
    auto e = plan_customer(book, policy, today);
    ASSERT_TRUE(e.has_value()) << "day " << day;
    if (e->action == Action::kWait) continue;
    actions.emplace_back(day, std::string(to_string(e->action)));
    book.facts.steps.push_back({e->action, today, ""});
  }
  const std::vector<std::pair<int, std::string>> expected = {
      {-5, "courtesy_reminder"}, {1, "reminder"},         {15, "firm_reminder"},
      {30, "follow_up_call"},    {45, "personal_appeal"}, {60, "peer_inquiry"},
      {75, "hold_shipments"},    {90, "final_notice"},    {120, "collection_agency"}};
  EXPECT_EQ(actions, expected);
}

TEST_F(PlanTest, NothingOpenMeansNoEntry) {
  invoice("INV-1", "2026-03-01", 1000, 0, D("2026-02-20"));
  EXPECT_FALSE(plan_customer(book, policy, D("2026-03-10")).has_value());
}

TEST_F(PlanTest, AlreadyLateCustomerStartsAtReminderThenClimbsOneStagePerRun) {
  invoice("INV-1", "2026-01-01", 1000);
  PlanEntry first = plan("2026-03-15");  // 73 days overdue, no step yet
  EXPECT_EQ(first.action, Action::kReminder);
  EXPECT_NE(why(first).find("INV-1 is 73 days overdue"), std::string::npos);
  done(Action::kReminder, "2026-03-15");
  EXPECT_EQ(plan("2026-03-16").action, Action::kWait);  // gap of 7 days
  PlanEntry second = plan("2026-03-22");
  EXPECT_EQ(second.action, Action::kFirmReminder);
  EXPECT_NE(why(second).find("ladder.firm_reminder.days = 15"), std::string::npos);
  EXPECT_NE(why(second).find("gap 7 days passed"), std::string::npos);
}

TEST_F(PlanTest, RecipientsFollowTheStepAndNeverTheOwnerEarly) {
  invoice("INV-1", "2026-03-01", 1000);
  PlanEntry reminder = plan("2026-03-02");
  EXPECT_EQ(reminder.to, (std::vector<std::string>{"buyer@c1.com", "finance@c1.com"}));
  EXPECT_TRUE(reminder.cc.empty());
  done(Action::kReminder, "2026-03-02");
  PlanEntry firm = plan("2026-03-16");
  EXPECT_EQ(firm.cc, (std::vector<std::string>{"manager@c1.com"}));
  done(Action::kFirmReminder, "2026-03-16");
  PlanEntry call = plan("2026-03-31");
  EXPECT_EQ(call.action, Action::kFollowUpCall);
  EXPECT_EQ(call.cc, (std::vector<std::string>{"manager@c1.com", "owner@c1.com"}));
}

TEST_F(PlanTest, MissingBuyerFallsBackToManagerThenFinanceAlone) {
  invoice("INV-1", "2026-03-01", 1000);
  std::erase_if(book.contacts, [](const Contact& c) { return c.role == ContactRole::kBuyer; });
  PlanEntry e = plan("2026-03-02");
  EXPECT_EQ(e.to, (std::vector<std::string>{"manager@c1.com", "finance@c1.com"}));
  std::erase_if(book.contacts, [](const Contact& c) { return c.role == ContactRole::kManager; });
  e = plan("2026-03-02");
  EXPECT_EQ(e.to, (std::vector<std::string>{"finance@c1.com"}));  // not the owner before stage 3
  EXPECT_NE(why(e).find("finance alone"), std::string::npos);
}

TEST_F(PlanTest, ClerkIsNeverTheOnlyRecipientUnlessOnlyClerksExist) {
  invoice("INV-1", "2026-03-01", 1000);
  book.contacts = {{"C1", "Cleo", "clerk@c1.com", ContactRole::kClerk, ""},
                   {"C1", "Olga", "owner@c1.com", ContactRole::kOwner, ""}};
  PlanEntry e = plan("2026-03-02");
  EXPECT_TRUE(e.to.empty());  // owner not before stage 3, clerk never alone
  book.contacts = {{"C1", "Cleo", "clerk@c1.com", ContactRole::kClerk, ""}};
  e = plan("2026-03-02");
  EXPECT_EQ(e.to, (std::vector<std::string>{"clerk@c1.com"}));
  EXPECT_NE(why(e).find("find the finance manager"), std::string::npos);
  book.contacts.clear();
  e = plan("2026-03-02");
  EXPECT_EQ(e.action, Action::kReminder);
  EXPECT_TRUE(e.to.empty());
  EXPECT_NE(why(e).find("no contacts"), std::string::npos);
}

TEST_F(PlanTest, OpenPromiseWaitsBrokenPromiseClimbsOneStage) {
  invoice("INV-1", "2026-03-01", 1000);
  done(Action::kReminder, "2026-03-02");
  book.facts.promises.push_back({D("2026-03-05"), D("2026-03-20"), std::nullopt, {}, "manual"});
  PlanEntry waiting = plan("2026-03-18");
  EXPECT_EQ(waiting.action, Action::kWait);
  EXPECT_EQ(waiting.next_review.iso(), "2026-03-23");  // date + 3 days grace
  PlanEntry still = plan("2026-03-23");
  EXPECT_EQ(still.action, Action::kWait);
  PlanEntry broken = plan("2026-03-24");  // 23 days overdue: ladder alone would wait for day 30
  EXPECT_EQ(broken.action, Action::kFirmReminder);
  EXPECT_NE(why(broken).find("was broken"), std::string::npos);
}

TEST_F(PlanTest, KeptPromiseByAmount) {
  invoice("INV-1", "2026-03-01", 1000, 400);
  book.facts.promises.push_back({D("2026-03-05"), D("2026-03-20"), usd(600), {}, "manual"});
  book.payments.push_back({D("2026-03-19"), usd(600)});
  PlanEntry e = plan("2026-03-25");
  EXPECT_EQ(e.action, Action::kReminder);  // kept: back to the ladder, nothing broken
  EXPECT_EQ(why(e).find("broken"), std::string::npos);
}

TEST_F(PlanTest, PaymentSentAsksForProofThenPausesThenClimbs) {
  invoice("INV-1", "2026-03-01", 1000);
  done(Action::kReminder, "2026-03-02");
  reason(Reason::kPaymentSent, "2026-03-05");
  PlanEntry ask = plan("2026-03-05");
  EXPECT_EQ(ask.action, Action::kAskTracking);
  EXPECT_NE(why(ask).find("MT103"), std::string::npos);
  done(Action::kAskTracking, "2026-03-05");
  EXPECT_EQ(plan("2026-03-11").action, Action::kWait);
  EXPECT_EQ(plan("2026-03-12").action, Action::kFirmReminder);  // pause over, still unpaid
}

TEST_F(PlanTest, DisputeOurFaultApologisesAndDisputedInvoiceIsLeftOut) {
  invoice("INV-1", "2026-03-01", 1000);
  invoice("INV-2", "2026-03-10", 500);
  book.facts.disputes.push_back(
      {"INV-1", DisputeCategory::kQuality, true, D("2026-03-12"), std::nullopt, std::nullopt, ""});
  reason(Reason::kDispute, "2026-03-12");
  PlanEntry e = plan("2026-03-15");
  EXPECT_EQ(e.action, Action::kApologizeAndRemedy);
  ASSERT_EQ(e.invoices.size(), 2u);
  EXPECT_TRUE(e.invoices[0].disputed);
  EXPECT_FALSE(e.invoices[1].disputed);
  EXPECT_EQ(e.open.at(Currency::of("USD")), 50000);  // only the undisputed part
}

TEST_F(PlanTest, OpenDisputeHoldsBackFinalNotice) {
  invoice("INV-1", "2026-01-01", 1000);
  invoice("INV-2", "2026-01-05", 500);
  for (auto [a, d] : {std::pair{Action::kReminder, "2026-01-02"}, {Action::kFirmReminder, "2026-01-16"},
                      {Action::kFollowUpCall, "2026-01-31"}, {Action::kPersonalAppeal, "2026-02-15"},
                      {Action::kPeerInquiry, "2026-03-02"}, {Action::kHoldShipments, "2026-03-17"}}) {
    done(a, d);
  }
  book.facts.disputes.push_back(
      {"INV-2", DisputeCategory::kPrice, false, D("2026-03-20"), std::nullopt, std::nullopt, ""});
  PlanEntry e = plan("2026-04-05");  // INV-1 is 94 days overdue
  EXPECT_EQ(e.action, Action::kWait);
  EXPECT_NE(why(e).find("held back while a dispute is open"), std::string::npos);
  book.facts.disputes.back().resolved_on = D("2026-04-01");
  EXPECT_EQ(plan("2026-04-05").action, Action::kFinalNotice);
}

TEST_F(PlanTest, WrongContactRedirectsOnce) {
  invoice("INV-1", "2026-03-01", 1000);
  done(Action::kReminder, "2026-03-02");
  reason(Reason::kWrongContact, "2026-03-04");
  EXPECT_EQ(plan("2026-03-04").action, Action::kRedirectContact);
  done(Action::kRedirectContact, "2026-03-04");
  EXPECT_EQ(plan("2026-03-05").action, Action::kWait);
}

TEST_F(PlanTest, CashFlowOffersExtensionToOthersInstalmentsToTrusted) {
  invoice("INV-1", "2026-03-01", 1000);
  reason(Reason::kCashFlow, "2026-03-05");
  PlanEntry ext = plan("2026-03-06");
  EXPECT_EQ(ext.action, Action::kOfferExtension);
  ASSERT_TRUE(ext.proposal.has_value());
  ASSERT_EQ(ext.proposal->schedule.size(), 1u);
  EXPECT_EQ(ext.proposal->schedule[0].date.iso(), "2026-03-20");
  // Make the customer trusted: old enough, three invoices settled on time.
  book.customer.since = D("2020-01-01");
  invoice("OLD-1", "2025-06-01", 100, 0, D("2025-06-01"));
  invoice("OLD-2", "2025-08-01", 100, 0, D("2025-08-05"));
  invoice("OLD-3", "2025-10-01", 100, 0, D("2025-10-08"));
  PlanEntry inst = plan("2026-03-06");
  EXPECT_EQ(inst.action, Action::kOfferInstalments);
  ASSERT_EQ(inst.proposal->schedule.size(), 4u);
  EXPECT_EQ(inst.proposal->schedule[0].date.iso(), "2026-04-05");
  EXPECT_EQ(inst.proposal->schedule[3].date.iso(), "2026-07-04");
  int64_t sum = 0;
  for (const auto& i : inst.proposal->schedule) sum += i.amount.minor();
  EXPECT_EQ(sum, 100000);
}

TEST_F(PlanTest, AwaitingEndCustomerRepeatsFirmReminderAndEscalatesAfterThreeExcuses) {
  invoice("INV-1", "2026-03-01", 1000);
  done(Action::kReminder, "2026-03-02");
  reason(Reason::kAwaitingEndCustomer, "2026-03-05");
  EXPECT_EQ(plan("2026-03-05").action, Action::kFirmReminder);
  done(Action::kFirmReminder, "2026-03-05");
  EXPECT_EQ(plan("2026-03-06").action, Action::kWait);
  EXPECT_EQ(plan("2026-03-07").action, Action::kFirmReminder);
  reason(Reason::kAwaitingEndCustomer, "2026-03-07");
  reason(Reason::kDelayExcuse, "2026-03-08");
  book.facts.reasons.back().reason = Reason::kAwaitingEndCustomer;
  PlanEntry up = plan("2026-03-08");
  EXPECT_EQ(up.action, Action::kFollowUpCall);  // one stage above firm_reminder
  EXPECT_NE(why(up).find("3 stalling replies"), std::string::npos);
}

TEST_F(PlanTest, DelayExcuseRepeatsCurrentStepWithManagerInCopy) {
  invoice("INV-1", "2026-03-01", 1000);
  done(Action::kReminder, "2026-03-02");
  reason(Reason::kDelayExcuse, "2026-03-05");
  PlanEntry e = plan("2026-03-05");
  EXPECT_EQ(e.action, Action::kReminder);
  EXPECT_NE(std::find(e.cc.begin(), e.cc.end(), "manager@c1.com"), e.cc.end());
}

TEST_F(PlanTest, InsolvencyReportsToInsurerThenFilesClaimNeverReminds) {
  invoice("INV-1", "2026-03-01", 1000);
  reason(Reason::kInsolvency, "2026-03-03");
  EXPECT_EQ(plan("2026-03-04").action, Action::kFileInsolvencyClaim);
  book.customer.insurance_policy = "SINOSURE-1";
  EXPECT_EQ(plan("2026-03-04").action, Action::kReportToInsurer);
  done(Action::kReportToInsurer, "2026-03-04");
  EXPECT_EQ(plan("2026-03-05").action, Action::kFileInsolvencyClaim);
  done(Action::kFileInsolvencyClaim, "2026-03-05");
  EXPECT_EQ(plan("2026-03-20").action, Action::kWait);
}

TEST_F(PlanTest, InsuredCustomerIsReportedInsideTheWarningWindow) {
  book.customer.insurance_policy = "SINOSURE-1";
  invoice("INV-1", "2026-01-01", 1000);
  for (auto [a, d] : {std::pair{Action::kReminder, "2026-01-02"}, {Action::kFirmReminder, "2026-01-16"},
                      {Action::kFollowUpCall, "2026-01-31"}, {Action::kPersonalAppeal, "2026-02-15"}}) {
    done(a, d);
  }
  EXPECT_NE(plan("2026-03-01").action, Action::kReportToInsurer);  // 59 days: before the window
  PlanEntry e = plan("2026-03-02");  // deadline 2026-04-01, window from 2026-03-02
  EXPECT_EQ(e.action, Action::kReportToInsurer);
  EXPECT_EQ(e.due_by.iso(), "2026-04-01");
  PlanEntry late = plan("2026-04-10");
  EXPECT_EQ(late.action, Action::kReportToInsurer);
  EXPECT_EQ(late.due_by.iso(), "2026-04-10");
  EXPECT_NE(why(late).find("cover may be lost"), std::string::npos);
  done(Action::kReportToInsurer, "2026-04-10");
  PlanEntry claim = plan("2026-05-10");  // claim by 2026-06-09, window from 2026-05-10
  EXPECT_EQ(claim.action, Action::kInsuranceClaim);
  book.facts.disputes.push_back(
      {"INV-1", DisputeCategory::kQuality, false, D("2026-05-01"), std::nullopt, std::nullopt, ""});
  PlanEntry held = plan("2026-05-10");
  EXPECT_NE(held.action, Action::kInsuranceClaim);
  EXPECT_NE(why(held).find("settle the dispute first"), std::string::npos);
}

TEST_F(PlanTest, LegalOnlyAboveTheMinimumAmount) {
  invoice("INV-1", "2025-09-01", 25000);
  for (auto [a, d] : {std::pair{Action::kReminder, "2025-09-02"}, {Action::kFirmReminder, "2025-09-16"},
                      {Action::kFollowUpCall, "2025-10-01"}, {Action::kPersonalAppeal, "2025-10-16"},
                      {Action::kPeerInquiry, "2025-10-31"}, {Action::kHoldShipments, "2025-11-15"},
                      {Action::kFinalNotice, "2025-11-30"}}) {
    done(a, d);
  }
  PlanEntry e = plan("2026-01-01");  // 122 days
  EXPECT_EQ(e.action, Action::kLegalAction);
  EXPECT_NE(why(e).find("ladder.legal_action.min_amount.USD"), std::string::npos);
  book.invoices[0].open_minor = 1000000;  // 10,000 left
  EXPECT_EQ(plan("2026-01-01").action, Action::kCollectionAgency);
}

TEST_F(PlanTest, TrustedCustomersGetSevenMoreDaysButNotOnCourtesy) {
  book.customer.since = D("2020-01-01");
  invoice("OLD-1", "2025-06-01", 100, 0, D("2025-06-01"));
  invoice("OLD-2", "2025-08-01", 100, 0, D("2025-08-05"));
  invoice("OLD-3", "2025-10-01", 100, 0, D("2025-10-08"));
  invoice("INV-1", "2026-03-01", 1000);
  EXPECT_EQ(plan("2026-02-24").action, Action::kCourtesyReminder);  // 5 days before due
  EXPECT_EQ(plan("2026-03-02").action, Action::kWait);              // day 1 + 7 for trusted
  EXPECT_EQ(plan("2026-03-09").action, Action::kReminder);          // day 8
}

TEST_F(PlanTest, TrustedTierBoundaries) {
  book.customer.since = D("2023-03-01");
  invoice("OLD-1", "2025-06-01", 100, 0, D("2025-06-08"));  // on time: due + 7
  invoice("OLD-2", "2025-08-01", 100, 0, D("2025-08-01"));
  invoice("OLD-3", "2025-10-01", 100, 0, D("2025-10-01"));
  invoice("INV-1", "2026-04-01", 1000);
  EXPECT_TRUE(assess_trust(book, policy, D("2026-03-01")).trusted);   // exactly 3 years
  EXPECT_FALSE(assess_trust(book, policy, D("2026-02-28")).trusted);  // a day short
  book.invoices[0].settled_on = D("2025-06-09");  // due + 8: 2 of 3 on time = 66% < 80%
  EXPECT_FALSE(assess_trust(book, policy, D("2026-03-01")).trusted);
  book.invoices[0].settled_on = D("2025-06-08");
  book.invoices.erase(book.invoices.begin() + 2);  // only 2 settled
  EXPECT_FALSE(assess_trust(book, policy, D("2026-03-01")).trusted);
  invoice("OLD-3", "2025-10-01", 100, 0, D("2025-10-01"));
  // A broken promise within 365 days takes trust away.
  book.facts.promises.push_back({D("2025-11-01"), D("2025-11-10"), usd(50), {}, "manual"});
  EXPECT_FALSE(assess_trust(book, policy, D("2026-03-01")).trusted);
  EXPECT_TRUE(assess_trust(book, policy, D("2026-11-15")).trusted);  // more than 365 days later
}

TEST_F(PlanTest, InsuredCustomerWarningsExposureCreditPeriodAndShipmentsWhileOverdue) {
  book.customer.insurance_policy = "SINOSURE-1";
  book.customer.insured_limit = usd(1500);
  invoice("INV-1", "2026-01-01", 1000);
  invoice("INV-2", "2026-06-30", 800);  // shipped 2026-05-03, INV-1 then 122 days overdue
  book.invoices[1].ship_date = D("2026-05-03");
  invoice("INV-3", "2026-12-31", 100);  // 200 days of credit from shipment
  book.invoices[2].ship_date = D("2026-06-14");
  PlanEntry e = plan("2026-11-05");  // all three issued, INV-1 reported late
  std::string w = why(e);
  EXPECT_NE(w.find("exceeds the insured credit limit USD 1,500.00"), std::string::npos) << w;
  EXPECT_NE(w.find("INV-3: credit period of 200 days exceeds insurance.max_credit_days = 180"),
            std::string::npos) << w;
  EXPECT_NE(w.find("INV-2 was shipped 2026-05-03 while INV-1 was 122 days overdue"),
            std::string::npos) << w;
  book.customer.insurance_policy.clear();  // uninsured: none of these warnings
  EXPECT_EQ(why(plan("2026-11-05")).find("insur"), std::string::npos);
}

TEST_F(PlanTest, EmbassyAssistIsProposedBesideALargeFinalNotice) {
  invoice("INV-1", "2026-01-01", 150000);
  for (auto [a, d] : {std::pair{Action::kReminder, "2026-01-02"}, {Action::kFirmReminder, "2026-01-16"},
                      {Action::kFollowUpCall, "2026-01-31"}, {Action::kPersonalAppeal, "2026-02-15"},
                      {Action::kPeerInquiry, "2026-03-02"}, {Action::kHoldShipments, "2026-03-17"}}) {
    done(a, d);
  }
  PlanEntry e = plan("2026-04-01");
  EXPECT_EQ(e.action, Action::kFinalNotice);
  EXPECT_NE(why(e).find("embassy_assist.min_amount.USD"), std::string::npos);
  EXPECT_EQ(e.to, (std::vector<std::string>{"buyer@c1.com", "finance@c1.com", "owner@c1.com"}));
  EXPECT_EQ(e.cc, (std::vector<std::string>{"manager@c1.com"}));
}

TEST_F(PlanTest, PolicyOverridesChangeTheLadder) {
  invoice("INV-1", "2026-03-01", 1000);
  done(Action::kReminder, "2026-03-02");
  policy.ladder[Action::kFirmReminder].days = 20;
  EXPECT_EQ(plan("2026-03-16").action, Action::kWait);
  PlanEntry e = plan("2026-03-21");
  EXPECT_EQ(e.action, Action::kFirmReminder);
  EXPECT_NE(why(e).find("ladder.firm_reminder.days = 20"), std::string::npos);
}

TEST_F(PlanTest, SameInputsSameEntry) {
  invoice("INV-1", "2026-03-01", 1000);
  PlanEntry a = plan("2026-03-20");
  PlanEntry b = plan("2026-03-20");
  EXPECT_EQ(a.why, b.why);
  EXPECT_EQ(a.to, b.to);
  EXPECT_EQ(a.due_by, b.due_by);
}

}  // namespace
}  // namespace overdue::engine

namespace overdue::engine {
namespace {

// Issue 7: a reply nobody could read with confidence comes before promises and the ladder, and
// goes away once it is reviewed (the loader passes only replies still waiting).
TEST_F(PlanTest, AReplyToReviewIsATaskBeforeTheLadder) {
  invoice("I1", "2026-03-01", 1000);
  book.facts.replies_to_review.push_back({7, D("2026-03-20"), "read as other with confidence 0.31"});
  PlanEntry e = plan("2026-03-21");
  EXPECT_EQ(e.action, Action::kReviewReply);
  EXPECT_FALSE(is_letter(e.action));
  EXPECT_NE(why(e).find("reply #7 received 2026-03-20: read as other with confidence 0.31"),
            std::string::npos)
      << why(e);
  book.facts.replies_to_review.clear();
  EXPECT_EQ(plan("2026-03-21").action, Action::kReminder);
}

}  // namespace
}  // namespace overdue::engine
