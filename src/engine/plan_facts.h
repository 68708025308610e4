// Derived facts the playbook rules share: open and overdue invoices, disputes, the ladder position,
// promise status and the trusted tier. Internal to src/engine.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/plan.h"

namespace overdue::engine {

enum class PromiseStatus { kOpen, kKept, kBroken };

struct PromiseState {
  const PromiseRecord* promise = nullptr;
  PromiseStatus status = PromiseStatus::kOpen;
  CivilDate deadline;  // promise date + grace
};

// The status of a promise as of a date: kept when paid by date + grace, broken after that.
PromiseState promise_state(const CustomerBook& book, const PromiseRecord& promise,
                           const Policy& policy, const CivilDate& as_of);

// What the rules look at, computed once per customer.
struct CaseView {
  const CustomerBook& book;
  const Policy& policy;
  CivilDate as_of;
  std::vector<const InvoiceView*> open;      // open > 0, by due date
  std::set<std::string> disputed;            // invoices under an open dispute
  std::vector<const InvoiceView*> overdue;   // undisputed and past due, oldest first
  std::vector<const InvoiceView*> overdue_all;  // past due, disputed or not
  std::optional<CivilDate> oldest_due;       // of `overdue`
  int days_overdue = 0;                      // of `overdue`'s oldest, 0 when none
  std::vector<const StepRecord*> episode_steps;  // steps done since the oldest open item fell due
  int stage = 0;                             // highest ladder stage done in this episode
  const StepRecord* last_ladder_step = nullptr;
  const ReasonRecord* reason = nullptr;      // the current reason, if it belongs to this episode
  TrustVerdict trust;

  CaseView(const CustomerBook& b, const Policy& p, const CivilDate& d);
  int days_overdue_of(const InvoiceView& inv) const { return as_of.days_since(inv.due_date); }
  bool is_disputed(const InvoiceView& inv) const { return disputed.count(inv.invoice_no) > 0; }
  // The latest step of `action` done on or after `since`, if any.
  const StepRecord* done_since(Action action, const CivilDate& since) const;
  // Stalling replies (delay_excuse, awaiting_end_customer) recorded in this episode.
  int excuses() const;
};

}  // namespace overdue::engine
