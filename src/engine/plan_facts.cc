#include "engine/plan_facts.h"

#include <algorithm>

namespace overdue::engine {

PromiseState promise_state(const CustomerBook& book, const PromiseRecord& promise,
                           const Policy& policy, const CivilDate& as_of) {
  PromiseState state{&promise, PromiseStatus::kOpen,
                     promise.date.plus_days(policy.promise_grace_days)};
  const CivilDate& deadline = state.deadline;
  bool kept = false;
  if (promise.amount) {
    int64_t paid = 0;
    for (const auto& p : book.payments) {
      if (p.date >= promise.made_on && p.date <= deadline && p.date <= as_of &&
          p.amount.currency() == promise.amount->currency()) {
        paid += p.amount.minor();
      }
    }
    kept = paid >= promise.amount->minor();
  } else {
    // Everything named (or everything overdue when the promise was made) settled in time.
    bool any = false;
    kept = true;
    for (const auto& inv : book.invoices) {
      bool named = std::find(promise.invoices.begin(), promise.invoices.end(), inv.invoice_no) !=
                   promise.invoices.end();
      bool covered = promise.invoices.empty() ? inv.due_date < promise.made_on &&
                                                    (!inv.settled_on || *inv.settled_on >= promise.made_on)
                                              : named;
      if (!covered) continue;
      any = true;
      bool settled_in_time = inv.open_minor == 0 && inv.settled_on && *inv.settled_on <= deadline;
      if (!settled_in_time) kept = false;
    }
    if (!any) kept = false;
  }
  if (kept) {
    state.status = PromiseStatus::kKept;
  } else if (as_of > deadline) {
    state.status = PromiseStatus::kBroken;
  }
  return state;
}

TrustVerdict assess_trust(const CustomerBook& book, const Policy& policy, const CivilDate& as_of) {
  const Customer& c = book.customer;
  if (!c.since) return {false, "not trusted: no customer-since date"};
  if (c.since->plus_months(12 * policy.trusted_min_years) > as_of) {
    return {false, "not trusted: customer since " + c.since->iso() + ", less than " +
                       std::to_string(policy.trusted_min_years) + " years (trusted.min_years)"};
  }
  for (const auto& promise : book.facts.promises) {
    PromiseState s = promise_state(book, promise, policy, as_of);
    if (s.status == PromiseStatus::kBroken &&
        as_of.days_since(s.deadline) <= policy.trusted_broken_promise_days) {
      return {false, "not trusted: the promise to pay by " + promise.date.iso() +
                         " was broken (trusted.broken_promise_memory_days = " +
                         std::to_string(policy.trusted_broken_promise_days) + ")"};
    }
  }
  const CivilDate window_start = as_of.plus_days(-policy.trusted_history_days);
  int settled = 0, on_time = 0;
  for (const auto& inv : book.invoices) {
    if (inv.open_minor != 0 || !inv.settled_on || *inv.settled_on < window_start) continue;
    ++settled;
    if (*inv.settled_on <= inv.due_date.plus_days(policy.trusted_on_time_grace_days)) ++on_time;
  }
  if (settled < policy.trusted_min_settled) {
    return {false, "not trusted: " + std::to_string(settled) + " invoice(s) settled in the last " +
                       std::to_string(policy.trusted_history_days) +
                       " days (trusted.min_settled_invoices = " +
                       std::to_string(policy.trusted_min_settled) + ")"};
  }
  // on_time / settled >= percent / 100, in integers.
  if (on_time * 100 < policy.trusted_on_time_percent * settled) {
    return {false, "not trusted: " + std::to_string(on_time) + " of " + std::to_string(settled) +
                       " settled invoices paid within " +
                       std::to_string(policy.trusted_on_time_grace_days) +
                       " days of due (trusted.on_time_percent = " +
                       std::to_string(policy.trusted_on_time_percent) + ")"};
  }
  return {true, "trusted: customer since " + c.since->iso() + ", " + std::to_string(on_time) +
                    " of " + std::to_string(settled) + " invoices settled on time, no broken promise"};
}

CaseView::CaseView(const CustomerBook& b, const Policy& p, const CivilDate& d)
    : book(b), policy(p), as_of(d) {
  for (const auto& dispute : b.facts.disputes) {
    if (dispute.open_on(d)) disputed.insert(dispute.invoice_no);
  }
  std::optional<CivilDate> oldest_open_due, oldest_open_issue;
  for (const auto& inv : b.invoices) {
    if (inv.open_minor <= 0 || inv.issue_date > d) continue;
    open.push_back(&inv);
    if (!oldest_open_due || inv.due_date < *oldest_open_due) oldest_open_due = inv.due_date;
    if (!oldest_open_issue || inv.issue_date < *oldest_open_issue) oldest_open_issue = inv.issue_date;
    if (days_overdue_of(inv) > 0) {
      overdue_all.push_back(&inv);
      if (!is_disputed(inv)) overdue.push_back(&inv);
    }
  }
  auto by_due = [](const InvoiceView* a, const InvoiceView* c) {
    return a->due_date != c->due_date ? a->due_date < c->due_date : a->invoice_no < c->invoice_no;
  };
  std::sort(open.begin(), open.end(), by_due);
  std::sort(overdue.begin(), overdue.end(), by_due);
  std::sort(overdue_all.begin(), overdue_all.end(), by_due);
  if (!overdue.empty()) {
    oldest_due = overdue.front()->due_date;
    days_overdue = days_overdue_of(*overdue.front());
  }
  if (oldest_open_due) {
    const CivilDate episode_start =
        oldest_open_due->plus_days(-p.step(Action::kCourtesyReminder).days);
    for (const auto& s : b.facts.steps) {
      if (s.date < episode_start || s.date > d) continue;
      episode_steps.push_back(&s);
      int st = ladder_stage(s.action);
      if (st >= 1) {
        stage = std::max(stage, st);
        if (!last_ladder_step || s.date >= last_ladder_step->date) last_ladder_step = &s;
      }
    }
    if (!b.facts.reasons.empty()) {
      const ReasonRecord& r = b.facts.reasons.back();
      if (r.date >= *oldest_open_issue && r.date <= d) reason = &r;
    }
  }
  trust = assess_trust(b, p, d);
}

const StepRecord* CaseView::done_since(Action action, const CivilDate& since) const {
  const StepRecord* found = nullptr;
  for (const StepRecord* s : episode_steps) {
    if (s->action == action && s->date >= since) found = s;
  }
  return found;
}

int CaseView::excuses() const {
  if (open.empty()) return 0;
  CivilDate first_issue = open.front()->issue_date;
  for (const InvoiceView* inv : open) first_issue = std::min(first_issue, inv->issue_date);
  int n = 0;
  for (const auto& r : book.facts.reasons) {
    if (r.date >= first_issue && r.date <= as_of &&
        (r.reason == Reason::kDelayExcuse || r.reason == Reason::kAwaitingEndCustomer)) {
      ++n;
    }
  }
  return n;
}

}  // namespace overdue::engine
