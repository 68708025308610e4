// The decision order of issue 4: the first rule that applies wins. Each rule returns an entry or
// nothing; the ladder (rule 10) always answers.
#include "engine/plan.h"

#include <algorithm>

#include "engine/plan_facts.h"
#include "engine/recipients.h"

namespace overdue::engine {
namespace {

std::string days_text(int days) { return std::to_string(days) + (days == 1 ? " day" : " days"); }

std::string step_key(Action a) { return "ladder." + std::string(to_string(a)); }

class Planner {
 public:
  explicit Planner(const CaseView& v) : v_(v), p_(v.policy), today_(v.as_of) {}

  std::optional<PlanEntry> run() {
    if (v_.open.empty()) return std::nullopt;
    std::optional<PlanEntry> entry;
    for (auto rule : {&Planner::insolvency, &Planner::insurance, &Planner::review_replies,
                      &Planner::promises,
                      &Planner::payment_sent, &Planner::dispute, &Planner::wrong_contact,
                      &Planner::cash_flow, &Planner::awaiting_end_customer,
                      &Planner::delay_excuse}) {
      entry = (this->*rule)();
      if (entry) break;
    }
    if (!entry) entry = ladder(std::nullopt);
    add_insurance_warnings(*entry);
    // Who receives it is explained after what is done and why.
    if (entry->action != Action::kWait) {
      entry->why.insert(entry->why.end(), recipient_notes_.begin(), recipient_notes_.end());
    }
    return entry;
  }

 private:
  // ----- building entries -----

  PlanEntry base(Action action) const {
    PlanEntry e;
    e.customer_id = v_.book.customer.id;
    e.action = action;
    e.stage = v_.stage;
    if (v_.reason) e.reason = v_.reason->reason;
    e.due_by = today_;
    e.next_review = today_.plus_days(p_.min_gap_days);
    return e;
  }

  // Lists the overdue invoices (disputed ones flagged) and the undisputed open per currency.
  void list_overdue(PlanEntry& e) const {
    for (const InvoiceView* inv : v_.overdue_all) add_invoice(e, *inv);
  }

  void add_invoice(PlanEntry& e, const InvoiceView& inv) const {
    bool disputed = v_.is_disputed(inv);
    e.invoices.push_back(PlanInvoice{inv.invoice_no, inv.currency, inv.open_minor,
                                     v_.days_overdue_of(inv), disputed});
    if (!disputed) e.open[inv.currency] += inv.open_minor;
  }

  PlanEntry letter(Action action, int stage, const std::vector<ContactRole>& to_roles,
                   const std::vector<ContactRole>& cc_roles,
                   const std::vector<ContactRole>& extra_cc = {}) const {
    PlanEntry e = base(action);
    e.stage = stage;
    Recipients r = choose_recipients(v_.book.contacts, to_roles, cc_roles, extra_cc, stage,
                                     step_key(ladder_stage(action) >= 0 ? action : Action::kReminder));
    e.to = std::move(r.to);
    e.cc = std::move(r.cc);
    recipient_notes_ = std::move(r.why);
    e.pay_by = today_.plus_days(p_.pay_within_days);
    list_overdue(e);
    return e;
  }

  // A side-step letter: to the reminder's roles, cc as the current stage's step.
  PlanEntry side_letter(Action action) const {
    std::vector<ContactRole> cc;
    if (Action current = stage_action(v_.stage); v_.stage >= 1) cc = p_.step(current).cc;
    return letter(action, v_.stage, p_.step(Action::kReminder).to, cc);
  }

  PlanEntry task(Action action) const {
    PlanEntry e = base(action);
    list_overdue(e);
    return e;
  }

  PlanEntry wait(const CivilDate& next_review, std::string why) const {
    PlanEntry e = base(Action::kWait);
    e.next_review = std::max(next_review, today_.plus_days(1));
    e.due_by = e.next_review;
    list_overdue(e);
    e.why.push_back(std::move(why));
    return e;
  }

  // ----- shared facts -----

  static Action stage_action(int stage) {
    for (Action a : ladder_actions()) {
      if (ladder_stage(a) == stage) return a;
    }
    return Action::kReminder;
  }

  bool insured() const { return !v_.book.customer.insurance_policy.empty(); }

  // The highest ladder stage of steps done before `date` in this episode.
  int stage_before(const CivilDate& date) const {
    int s = 0;
    for (const StepRecord* step : v_.episode_steps) {
      if (step->date < date) s = std::max(s, ladder_stage(step->action));
    }
    return s;
  }

  std::string oldest_text() const {
    if (v_.overdue.empty()) return "nothing is overdue";
    const InvoiceView& inv = *v_.overdue.front();
    std::string s = inv.invoice_no + " is " + days_text(v_.days_overdue) + " overdue";
    if (v_.overdue.size() > 1) {
      s += " (" + std::to_string(v_.overdue.size()) + " invoices overdue: ";
      for (size_t i = 0; i < v_.overdue.size() && i < 4; ++i) {
        s += (i ? ", " : "") + v_.overdue[i]->invoice_no;
      }
      if (v_.overdue.size() > 4) s += ", …";
      s += ")";
    }
    return s;
  }

  std::string reason_text() const {
    if (!v_.reason) return "";
    return "reason " + std::string(to_string(v_.reason->reason)) + " recorded " +
           v_.reason->date.iso() + (v_.reason->source.empty() ? "" : " (" + v_.reason->source + ")");
  }

  // ----- rule 1: insolvency -----
  std::optional<PlanEntry> insolvency() const {
    if (!v_.reason || v_.reason->reason != Reason::kInsolvency) return std::nullopt;
    const CivilDate since = v_.reason->date;
    if (insured() && !v_.done_since(Action::kReportToInsurer, v_.book.invoices.front().issue_date)) {
      PlanEntry e = task(Action::kReportToInsurer);
      e.why.push_back(reason_text() + "; insured under " + v_.book.customer.insurance_policy +
                      ": report the possible loss to the insurer now; ordinary reminders stop");
      return e;
    }
    if (!v_.done_since(Action::kFileInsolvencyClaim, since)) {
      PlanEntry e = task(Action::kFileInsolvencyClaim);
      e.why.push_back(reason_text() + ": file the claim with the administrator and secure the "
                      "evidence (contract, B/L, invoices, correspondence); ordinary reminders stop");
      return e;
    }
    return wait(today_.plus_days(30), reason_text() + ": claim filed " +
                                          v_.done_since(Action::kFileInsolvencyClaim, since)->date.iso() +
                                          "; no more reminders, review monthly");
  }

  // ----- rule 2: credit insurance deadlines -----
  std::optional<PlanEntry> insurance() const {
    if (!insured() || v_.overdue_all.empty()) return std::nullopt;
    const InvoiceView& oldest = *v_.overdue_all.front();
    const StepRecord* reported = v_.done_since(Action::kReportToInsurer, oldest.due_date);
    if (!reported) {
      CivilDate deadline = oldest.due_date.plus_days(p_.insurance_report_within_days);
      CivilDate warn_from = deadline.plus_days(-p_.insurance_warning_days);
      if (today_ < warn_from) return std::nullopt;
      PlanEntry e = task(Action::kReportToInsurer);
      e.due_by = std::max(deadline, today_);
      std::string why = oldest.invoice_no + " is " + days_text(v_.days_overdue_of(oldest)) +
                        " overdue; insured under " + v_.book.customer.insurance_policy +
                        ": the possible loss must be reported by " + deadline.iso() +
                        " (insurance.report_within_days = " +
                        std::to_string(p_.insurance_report_within_days) + " after the due date " +
                        oldest.due_date.iso() + "; warning from insurance.warning_days = " +
                        std::to_string(p_.insurance_warning_days) + " before)";
      if (today_ > deadline) why += "; the deadline has passed: report at once, cover may be lost";
      e.why.push_back(why);
      return e;
    }
    if (v_.done_since(Action::kInsuranceClaim, reported->date)) return std::nullopt;
    CivilDate claim_deadline = reported->date.plus_days(p_.insurance_claim_within_days);
    CivilDate claim_from = claim_deadline.plus_days(-p_.insurance_warning_days);
    if (today_ < claim_from) return std::nullopt;
    for (const InvoiceView* inv : v_.overdue_all) {
      if (v_.is_disputed(*inv)) {
        // The claim waits for the dispute; the other rules go on.
        blocked_claim_ = inv->invoice_no + " is under an open dispute: settle the dispute first, "
                         "the insurer pays no claim on a disputed debt (claim due by " +
                         claim_deadline.iso() + ")";
        return std::nullopt;
      }
    }
    PlanEntry e = task(Action::kInsuranceClaim);
    e.due_by = std::max(claim_deadline, today_);
    e.why.push_back("possible loss reported to the insurer " + reported->date.iso() +
                    "; file the claim by " + claim_deadline.iso() +
                    " (insurance.claim_within_days = " +
                    std::to_string(p_.insurance_claim_within_days) + ")" +
                    (today_ > claim_deadline ? "; the deadline has passed: cover may be lost" : ""));
    return e;
  }

  // ----- rule 2b: a reply nobody could read with confidence (issue 7) -----
  std::optional<PlanEntry> review_replies() const {
    const auto& pending = v_.book.facts.replies_to_review;
    if (pending.empty()) return std::nullopt;
    PlanEntry e = task(Action::kReviewReply);
    for (const auto& r : pending) {
      e.why.push_back("reply #" + std::to_string(r.reply_id) + " received " + r.received.iso() +
                      ": " + r.note);
    }
    e.why.push_back("until it is read, the plan does not guess: no letter goes out");
    return e;
  }

  // ----- rule 3: promises -----
  std::optional<PlanEntry> promises() const {
    const PromiseRecord* latest = nullptr;
    for (const auto& p : v_.book.facts.promises) {
      if (p.made_on <= today_ && (!latest || p.made_on >= latest->made_on)) latest = &p;
    }
    if (!latest) return std::nullopt;
    PromiseState s = promise_state(v_.book, *latest, p_, today_);
    if (s.status == PromiseStatus::kKept) return std::nullopt;
    std::string what = "promise made " + latest->made_on.iso() + " to pay " +
                       (latest->amount ? latest->amount->str() + " " : "") + "by " +
                       latest->date.iso();
    if (s.status == PromiseStatus::kOpen) {
      return wait(s.deadline, what + " is running; review after the grace period on " +
                                  s.deadline.iso() + " (promises.grace_days = " +
                                  std::to_string(p_.promise_grace_days) + ")");
    }
    CivilDate broken_on = s.deadline.plus_days(1);
    if (v_.stage > stage_before(broken_on) || v_.overdue.empty()) return std::nullopt;
    broken_why_ = what + " was broken (not paid by " + s.deadline.iso() +
                  ", promises.grace_days = " + std::to_string(p_.promise_grace_days) +
                  "): one stage up; the customer is not trusted for " +
                  std::to_string(p_.trusted_broken_promise_days) + " days";
    return ladder(broken_why_);
  }

  // ----- rule 4: payment sent -----
  std::optional<PlanEntry> payment_sent() const {
    if (!v_.reason || v_.reason->reason != Reason::kPaymentSent || v_.overdue.empty()) {
      return std::nullopt;
    }
    const CivilDate said = v_.reason->date;
    const CivilDate pause_end = said.plus_days(p_.payment_sent_pause_days);
    if (!v_.done_since(Action::kAskTracking, said)) {
      PlanEntry e = side_letter(Action::kAskTracking);
      e.pay_by.reset();
      e.next_review = pause_end;
      e.why.push_back(reason_text() + " and " + oldest_text() +
                      ": thank them and ask for the cheque's courier tracking number or the "
                      "bank's SWIFT MT103 copy");
      return e;
    }
    if (today_ < pause_end) {
      return wait(pause_end, reason_text() + ": proof asked; pause until " + pause_end.iso() +
                                 " (payment_sent.pause_days = " +
                                 std::to_string(p_.payment_sent_pause_days) +
                                 "), then check the bank");
    }
    if (v_.stage > stage_before(pause_end)) return std::nullopt;
    return ladder(reason_text() + "; still unpaid after the pause ended " + pause_end.iso() +
                  " (payment_sent.pause_days = " + std::to_string(p_.payment_sent_pause_days) +
                  "): one stage up");
  }

  // ----- rule 5: disputes -----
  std::optional<PlanEntry> dispute() const {
    for (const auto& d : v_.book.facts.disputes) {
      if (!d.open_on(today_) || !d.our_fault) continue;
      if (v_.done_since(Action::kApologizeAndRemedy, d.opened_on)) continue;
      PlanEntry e = side_letter(Action::kApologizeAndRemedy);
      e.why.push_back(d.invoice_no + " is disputed (" + std::string(to_string(d.category)) +
                      ", our fault, opened " + d.opened_on.iso() +
                      "): apologise, propose a remedy (replacement, credit note or a discount on "
                      "the next order) and ask for the undisputed part");
      if (e.open.empty()) e.pay_by.reset();
      return e;
    }
    return std::nullopt;
  }

  // ----- rule 6: wrong contact -----
  std::optional<PlanEntry> wrong_contact() const {
    if (!v_.reason || v_.reason->reason != Reason::kWrongContact) return std::nullopt;
    if (v_.done_since(Action::kRedirectContact, v_.reason->date)) return std::nullopt;
    PlanEntry e = side_letter(Action::kRedirectContact);
    e.why.push_back(reason_text() + ": update the contacts with the person named in the reply "
                    "('overdue contact add/update'), then write to them");
    return e;
  }

  // ----- rule 7: cash flow -----
  std::optional<PlanEntry> cash_flow() const {
    if (!v_.reason || v_.reason->reason != Reason::kCashFlow || v_.overdue.empty()) {
      return std::nullopt;
    }
    const CivilDate said = v_.reason->date;
    for (const auto& plan : v_.book.facts.instalment_plans) {
      if (plan.agreed_on < said) continue;
      return follow_instalments(plan);
    }
    const StepRecord* offered = v_.done_since(Action::kOfferInstalments, said);
    if (!offered) offered = v_.done_since(Action::kOfferExtension, said);
    if (!offered) {
      Action action = v_.trust.trusted ? Action::kOfferInstalments : Action::kOfferExtension;
      PlanEntry e = side_letter(action);
      e.proposal = v_.trust.trusted ? instalments(e) : extension(e);
      e.pay_by = e.proposal->schedule.front().date;
      e.why.push_back(reason_text() + " and " + oldest_text() + "; " + v_.trust.why);
      e.why.push_back(v_.trust.trusted
                          ? "offer up to " + std::to_string(p_.trusted_max_instalments) +
                                " instalments over " +
                                std::to_string(p_.trusted_max_instalment_days) +
                                " days with firm dates (trusted.max_instalments, "
                                "trusted.max_instalment_days)"
                          : "offer a short extension to " + e.pay_by->iso() +
                                " (extension.max_days = " +
                                std::to_string(p_.extension_max_days) + "), no instalments");
      return e;
    }
    CivilDate lapse = offered->date.plus_days(p_.extension_max_days + p_.promise_grace_days);
    if (today_ <= lapse) {
      return wait(lapse.plus_days(1),
                  std::string(to_string(offered->action)) + " sent " + offered->date.iso() +
                      "; record the agreed plan ('overdue instalments' or 'overdue promise'), or "
                      "the offer lapses after " + lapse.iso());
    }
    if (v_.stage > stage_before(lapse)) return std::nullopt;
    return ladder(std::string(to_string(offered->action)) + " of " + offered->date.iso() +
                  " lapsed without an agreement: one stage up");
  }

  std::optional<PlanEntry> follow_instalments(const InstalmentPlan& plan) const {
    // Cumulative paid since the agreement against cumulative due, instalment by instalment.
    std::map<Currency, int64_t> due_so_far;
    for (const auto& inst : plan.schedule) {
      due_so_far[inst.amount.currency()] += inst.amount.minor();
      CivilDate deadline = inst.date.plus_days(p_.promise_grace_days);
      int64_t paid = 0;
      for (const auto& pay : v_.book.payments) {
        if (pay.date >= plan.agreed_on && pay.date <= deadline &&
            pay.amount.currency() == inst.amount.currency()) {
          paid += pay.amount.minor();
        }
      }
      if (paid >= due_so_far[inst.amount.currency()]) continue;  // this one was met
      if (today_ <= deadline) {
        return wait(deadline.plus_days(1), "instalment plan of " + plan.agreed_on.iso() +
                                               ": next instalment " + inst.amount.str() + " due " +
                                               inst.date.iso() + " (promises.grace_days = " +
                                               std::to_string(p_.promise_grace_days) + ")");
      }
      if (v_.stage > stage_before(deadline.plus_days(1))) return std::nullopt;
      return ladder("instalment of " + inst.amount.str() + " due " + inst.date.iso() +
                    " was missed: one stage up");
    }
    return std::nullopt;
  }

  Proposal instalments(const PlanEntry& e) const {
    Proposal proposal{Proposal::Kind::kInstalments, {}};
    int n = std::max(1, p_.trusted_max_instalments);
    int step_days = p_.trusted_max_instalment_days / n;
    for (const auto& [currency, total] : e.open) {
      int64_t part = total / n;
      for (int i = 1; i <= n; ++i) {
        int64_t amount = i == n ? total - part * (n - 1) : part;
        proposal.schedule.push_back(
            Instalment{today_.plus_days(step_days * i), Money(currency, amount)});
      }
    }
    std::stable_sort(proposal.schedule.begin(), proposal.schedule.end(),
                     [](const Instalment& a, const Instalment& b) { return a.date < b.date; });
    return proposal;
  }

  Proposal extension(const PlanEntry& e) const {
    Proposal proposal{Proposal::Kind::kExtension, {}};
    for (const auto& [currency, total] : e.open) {
      proposal.schedule.push_back(
          Instalment{today_.plus_days(p_.extension_max_days), Money(currency, total)});
    }
    return proposal;
  }

  // ----- rules 8 and 9: stalling -----
  // The date of the excuse that reached the escalation count, if one is due and not yet acted on.
  std::optional<std::string> stalling_escalation() const {
    int n = v_.excuses();
    if (n < p_.stalling_excuses_to_escalate || v_.stage > stage_before(v_.reason->date)) {
      return std::nullopt;
    }
    return std::to_string(n) + " stalling replies in this case (stalling.excuses_before_escalation"
                               " = " + std::to_string(p_.stalling_excuses_to_escalate) +
           "): one stage up";
  }

  // Repeats `action` at once, then every stalling interval after the last one sent.
  std::optional<PlanEntry> repeat_stalling(Action action, const std::vector<ContactRole>& extra_cc,
                                           const std::string& why) const {
    const StepRecord* last = v_.done_since(action, v_.reason->date);
    if (last && today_ < last->date.plus_days(p_.stalling_interval_days)) {
      return wait(last->date.plus_days(p_.stalling_interval_days),
                  why + "; " + std::string(to_string(action)) + " sent " + last->date.iso() +
                      ", again every " + days_text(p_.stalling_interval_days) +
                      " (stalling.interval_days)");
    }
    int stage = std::max(v_.stage, ladder_stage(action));
    const StepPolicy& sp = p_.step(action);
    PlanEntry e = letter(action, stage, sp.to, sp.cc, extra_cc);
    e.next_review = today_.plus_days(p_.stalling_interval_days);
    e.why.push_back(why + (last ? "; last sent " + last->date.iso() + ", stalling.interval_days = " +
                                      std::to_string(p_.stalling_interval_days)
                                : "; first follow-up due at once"));
    return e;
  }

  std::optional<PlanEntry> awaiting_end_customer() const {
    if (!v_.reason || v_.reason->reason != Reason::kAwaitingEndCustomer || v_.overdue.empty()) {
      return std::nullopt;
    }
    if (auto esc = stalling_escalation()) return ladder(reason_text() + "; " + *esc);
    return repeat_stalling(Action::kFirmReminder, {},
                           reason_text() + " and " + oldest_text() +
                               ": our contract does not depend on their customer paying them");
  }

  std::optional<PlanEntry> delay_excuse() const {
    if (!v_.reason || v_.reason->reason != Reason::kDelayExcuse || v_.overdue.empty()) {
      return std::nullopt;
    }
    if (auto esc = stalling_escalation()) return ladder(reason_text() + "; " + *esc);
    Action current = v_.last_ladder_step ? v_.last_ladder_step->action : Action::kReminder;
    return repeat_stalling(current, {ContactRole::kManager},
                           reason_text() + " and " + oldest_text() +
                               ": treated as stalling, the manager in copy");
  }

  // ----- rule 10: the ladder -----
  PlanEntry ladder(std::optional<std::string> escalation) const {
    if (v_.overdue.empty()) return before_due();
    if (v_.stage >= 9) {
      return wait(today_.plus_days(90), "written off " + v_.last_ladder_step->date.iso() +
                                            "; nothing further unless money arrives");
    }
    Action next = stage_action(v_.stage + 1);
    int extra = v_.trust.trusted ? p_.trusted_extra_patience_days : 0;
    int threshold = p_.step(next).days + extra;
    std::string threshold_text = step_key(next) + ".days = " + std::to_string(p_.step(next).days) +
                                 (extra ? " + trusted.extra_patience_days = " + std::to_string(extra)
                                        : "");
    std::string last_text = v_.last_ladder_step
                                ? "last step " + std::string(to_string(v_.last_ladder_step->action)) +
                                      " done " + v_.last_ladder_step->date.iso()
                                : "no step yet";
    CivilDate gap_end = v_.last_ladder_step
                            ? v_.last_ladder_step->date.plus_days(p_.min_gap_days)
                            : today_;
    if (!escalation) {
      if (v_.days_overdue < threshold || today_ < gap_end) {
        CivilDate ready = std::max(v_.oldest_due->plus_days(threshold), gap_end);
        return wait(ready, oldest_text() + "; next step " + std::string(to_string(next)) +
                               " when " + threshold_text + " and ladder.min_gap_days = " +
                               std::to_string(p_.min_gap_days) + " allow (" + ready.iso() +
                               "); " + last_text);
      }
    }
    bool dispute_open = !v_.disputed.empty();
    if (dispute_open && ladder_stage(next) >= 7) {
      return wait(today_.plus_days(p_.min_gap_days),
                  oldest_text() + "; " + std::string(to_string(next)) +
                      " is held back while a dispute is open (" + *v_.disputed.begin() +
                      "): settle it first");
    }
    if (next == Action::kCollectionAgency) next = agency_or_legal();
    if (next == Action::kWriteOff) {
      for (const auto& pay : v_.book.payments) {
        if (pay.date > today_.plus_days(-p_.write_off_no_recovery_days)) {
          return wait(pay.date.plus_days(p_.write_off_no_recovery_days + 1),
                      oldest_text() + "; no write-off: money received " + pay.date.iso() +
                          " (ladder.write_off.no_recovery_days = " +
                          std::to_string(p_.write_off_no_recovery_days) + ")");
        }
      }
    }
    PlanEntry e = is_letter(next) || next == Action::kFollowUpCall
                      ? letter(next, ladder_stage(next), p_.step(next).to, p_.step(next).cc)
                      : task(next);
    e.stage = ladder_stage(next);
    if (!is_letter(next)) e.pay_by.reset();
    std::string why = oldest_text() + "; policy " + threshold_text + "; " + last_text;
    if (v_.last_ladder_step) why += "; gap " + days_text(p_.min_gap_days) + " passed";
    if (escalation) why = *escalation + "; " + oldest_text() + "; " + last_text;
    e.why.insert(e.why.begin(), why);
    if (next == Action::kPeerInquiry) {
      e.why.push_back("ask trusted customers in " + v_.book.customer.country +
                      " what they know of this buyer; the letter goes to them and names no "
                      "amounts");
    }
    if (next == Action::kFinalNotice) add_embassy_note(e);
    if (next == Action::kLegalAction || next == Action::kCollectionAgency) e.why.push_back(legal_why_);
    return e;
  }

  Action agency_or_legal() const {
    legal_why_.clear();
    for (const auto& [currency, minor] : undisputed_overdue()) {
      auto it = p_.legal_min_minor.find(currency.str());
      if (it == p_.legal_min_minor.end()) {
        legal_why_ += "no ladder.legal_action.min_amount." + currency.str() +
                      " in the policy: legal action is not weighed for " + currency.str() + "; ";
        continue;
      }
      if (minor >= it->second) {
        legal_why_ = Money(currency, minor).str() + " overdue is at least ladder.legal_action." +
                     "min_amount." + currency.str() + " = " +
                     Money(currency, it->second).str() + ": legal action (arbitration or a "
                     "lawsuit) is worth its cost";
        return Action::kLegalAction;
      }
      legal_why_ += Money(currency, minor).str() + " overdue is below ladder.legal_action." +
                    "min_amount." + currency.str() + " = " + Money(currency, it->second).str() +
                    "; ";
    }
    legal_why_ += "hand the debt to a collection agency";
    return Action::kCollectionAgency;
  }

  void add_embassy_note(PlanEntry& e) const {
    for (const auto& [currency, minor] : undisputed_overdue()) {
      auto it = p_.embassy_min_minor.find(currency.str());
      if (it != p_.embassy_min_minor.end() && minor >= it->second) {
        e.why.push_back("also ask the commercial section of the embassy for help (embassy_assist): " +
                        Money(currency, minor).str() + " is at least embassy_assist.min_amount." +
                        currency.str() + " = " + Money(currency, it->second).str());
        return;
      }
    }
  }

  std::map<Currency, int64_t> undisputed_overdue() const {
    std::map<Currency, int64_t> out;
    for (const InvoiceView* inv : v_.overdue) out[inv->currency] += inv->open_minor;
    return out;
  }

  PlanEntry before_due() const {
    const int days = p_.step(Action::kCourtesyReminder).days;
    std::vector<const InvoiceView*> soon;
    std::optional<CivilDate> next_review;
    for (const InvoiceView* inv : v_.open) {
      if (v_.is_disputed(*inv) || v_.days_overdue_of(*inv) > 0) continue;
      CivilDate window = inv->due_date.plus_days(-days);
      bool covered = false;
      for (const auto& s : v_.book.facts.steps) {
        if (s.action == Action::kCourtesyReminder && s.date >= window && s.date <= inv->due_date &&
            s.date <= today_) {
          covered = true;
        }
      }
      CivilDate review = covered || today_ >= window ? inv->due_date.plus_days(1) : window;
      if (!covered && today_ >= window) soon.push_back(inv);
      if (!next_review || review < *next_review) next_review = review;
    }
    if (soon.empty()) {
      std::string why = v_.disputed.empty()
                            ? "nothing is overdue; next look on " + next_review->iso()
                            : "every overdue invoice is disputed (" + *v_.disputed.begin() +
                                  "): no reminder until the dispute is resolved";
      return wait(next_review ? *next_review : today_.plus_days(p_.min_gap_days), why);
    }
    const StepPolicy& sp = p_.step(Action::kCourtesyReminder);
    PlanEntry e = letter(Action::kCourtesyReminder, 0, sp.to, sp.cc);
    e.stage = v_.stage;
    for (const InvoiceView* inv : soon) add_invoice(e, *inv);
    e.pay_by = soon.front()->due_date;
    e.next_review = soon.front()->due_date.plus_days(1);
    int days_left = -v_.days_overdue_of(*soon.front());
    e.why.insert(e.why.begin(), soon.front()->invoice_no + " falls due " +
                                    soon.front()->due_date.iso() + " (" +
                                    (days_left == 0 ? std::string("today")
                                                    : "in " + days_text(days_left)) +
                                    "); policy ladder.courtesy_reminder.days = " +
                                    std::to_string(days) + " before due, once per invoice");
    return e;
  }

  // ----- warnings for insured customers -----
  void add_insurance_warnings(PlanEntry& e) const {
    if (!blocked_claim_.empty()) e.why.push_back(blocked_claim_);
    if (!insured()) return;
    const Customer& c = v_.book.customer;
    if (c.insured_limit) {
      int64_t exposure = 0;
      for (const InvoiceView* inv : v_.open) {
        if (inv->currency == c.insured_limit->currency()) exposure += inv->open_minor;
      }
      if (exposure > c.insured_limit->minor()) {
        e.why.push_back("open exposure " + Money(c.insured_limit->currency(), exposure).str() +
                        " exceeds the insured credit limit " + c.insured_limit->str() +
                        ": the excess is not covered");
      }
    }
    for (const InvoiceView* inv : v_.open) {
      CivilDate from = inv->ship_date ? *inv->ship_date : inv->issue_date;
      int period = inv->due_date.days_since(from);
      if (period > p_.insurance_max_credit_days) {
        e.why.push_back(inv->invoice_no + ": credit period of " + days_text(period) +
                        " exceeds insurance.max_credit_days = " +
                        std::to_string(p_.insurance_max_credit_days) + ": it may not be covered");
      }
      if (!inv->ship_date) continue;
      for (const auto& other : v_.book.invoices) {
        if (&other == inv || other.due_date >= *inv->ship_date) continue;
        bool unpaid_then = !other.settled_on || *other.settled_on > *inv->ship_date;
        int late = inv->ship_date->days_since(other.due_date);
        if (unpaid_then && late > p_.insurance_serious_overdue_days) {
          e.why.push_back(inv->invoice_no + " was shipped " + inv->ship_date->iso() + " while " +
                          other.invoice_no + " was " + days_text(late) +
                          " overdue (insurance.serious_overdue_days = " +
                          std::to_string(p_.insurance_serious_overdue_days) +
                          "): the insurer may refuse cover for it");
          break;
        }
      }
    }
  }

  const CaseView& v_;
  const Policy& p_;
  const CivilDate today_;
  mutable std::string blocked_claim_;
  mutable std::string broken_why_;
  mutable std::string legal_why_;
  mutable std::vector<std::string> recipient_notes_;
};

}  // namespace

std::optional<PlanEntry> plan_customer(const CustomerBook& book, const Policy& policy,
                                       const CivilDate& as_of) {
  CaseView view(book, policy, as_of);
  return Planner(view).run();
}

}  // namespace overdue::engine
