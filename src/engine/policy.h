// The collection policy: every number and recipient rule the playbook uses. Built-in defaults
// (below), overridden key by key by overdue.toml. Key names in comments are the TOML keys that
// `why` sentences quote.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "domain/codes.h"
#include "domain/collection.h"

namespace overdue::engine {

struct StepPolicy {
  int days = 0;                   // ladder.<step>.days: days overdue (courtesy: days before due)
  std::vector<ContactRole> to;    // ladder.<step>.to
  std::vector<ContactRole> cc;    // ladder.<step>.cc
};

struct Policy {
  // ladder.<step> for the ten ladder actions (courtesy_reminder … write_off).
  std::map<Action, StepPolicy> ladder;
  int min_gap_days = 7;      // ladder.min_gap_days: between two ladder steps
  int pay_within_days = 7;   // ladder.pay_within_days: the pay-by date a letter states
  int write_off_no_recovery_days = 90;  // ladder.write_off.no_recovery_days
  // ladder.legal_action.min_amount.<CUR> and embassy_assist.min_amount.<CUR>, in minor units.
  std::map<std::string, int64_t> legal_min_minor;
  std::map<std::string, int64_t> embassy_min_minor;

  int promise_grace_days = 3;          // promises.grace_days
  int payment_sent_pause_days = 7;     // payment_sent.pause_days
  int stalling_interval_days = 2;      // stalling.interval_days
  int stalling_excuses_to_escalate = 3;  // stalling.excuses_before_escalation

  int insurance_report_within_days = 90;  // insurance.report_within_days (after due date)
  int insurance_warning_days = 30;        // insurance.warning_days (before a deadline)
  int insurance_claim_within_days = 60;   // insurance.claim_within_days (after the report)
  int insurance_coverage_percent = 90;    // insurance.coverage_percent
  int insurance_max_credit_days = 180;    // insurance.max_credit_days
  int insurance_serious_overdue_days = 60;  // insurance.serious_overdue_days

  int trusted_min_years = 3;                // trusted.min_years
  int trusted_broken_promise_days = 365;    // trusted.broken_promise_memory_days
  int trusted_min_settled = 3;              // trusted.min_settled_invoices
  int trusted_history_days = 730;           // trusted.history_days
  int trusted_on_time_percent = 80;         // trusted.on_time_percent
  int trusted_on_time_grace_days = 7;       // trusted.on_time_grace_days
  int trusted_extra_patience_days = 7;      // trusted.extra_patience_days
  int trusted_max_instalments = 4;          // trusted.max_instalments
  int trusted_max_instalment_days = 120;    // trusted.max_instalment_days
  int extension_max_days = 14;              // extension.max_days

  // The built-in defaults (domain.md §5, issue 4's table).
  static Policy defaults();
  const StepPolicy& step(Action a) const { return ladder.at(a); }
};

// The ladder actions in stage order (courtesy_reminder first; agency and legal share stage 8).
const std::vector<Action>& ladder_actions();

}  // namespace overdue::engine
