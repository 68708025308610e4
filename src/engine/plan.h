// The playbook: from one customer's receivables, contacts and case facts as of a date, the next
// step, its recipients, dates and proposal, with a `why` for every decision. Pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/collection.h"
#include "domain/entities.h"
#include "engine/policy.h"

namespace overdue::engine {

// An invoice issued on or before the plan date, with what is open on it then.
struct InvoiceView {
  std::string invoice_no;
  Currency currency = Currency::of("USD");
  CivilDate issue_date;
  std::optional<CivilDate> ship_date;
  CivilDate due_date;
  int64_t total_minor = 0;
  int64_t open_minor = 0;
  std::optional<CivilDate> settled_on;  // the day it was fully settled, when open is zero
};

// A payment received on or before the plan date (and not reversed by then).
struct PaymentView {
  CivilDate date;
  Money amount;
};

// All the playbook needs to know about one customer as of the plan date.
struct CustomerBook {
  Customer customer;
  std::vector<Contact> contacts;
  std::vector<InvoiceView> invoices;  // by due date, then invoice_no
  std::vector<PaymentView> payments;  // by date
  CaseFacts facts;                    // only facts dated on or before the plan date
};

struct PlanInvoice {
  std::string invoice_no;
  Currency currency = Currency::of("USD");
  int64_t open_minor = 0;
  int days_overdue = 0;  // negative while not yet due
  bool disputed = false;
};

struct Proposal {
  enum class Kind { kInstalments, kExtension };
  Kind kind = Kind::kExtension;
  std::vector<Instalment> schedule;
};

struct PlanEntry {
  std::string customer_id;
  Action action = Action::kWait;
  int stage = 0;                       // the ladder stage the case is at after this step
  std::optional<Reason> reason;
  std::vector<std::string> to;         // bare lower-case addresses
  std::vector<std::string> cc;
  CivilDate due_by;                    // when the step should be done
  std::optional<CivilDate> pay_by;     // the pay-by date the letter states
  std::vector<PlanInvoice> invoices;   // the invoices the step concerns
  std::map<Currency, int64_t> open;    // undisputed amounts of those invoices, per currency
  std::optional<Proposal> proposal;
  CivilDate next_review;
  std::vector<std::string> why;
  bool has_work() const { return action != Action::kWait; }
};

// The next step for one customer; nullopt when nothing is open or coming due. Never reads a
// clock, a store or the network: the same book, policy and date give the same entry.
std::optional<PlanEntry> plan_customer(const CustomerBook& book, const Policy& policy,
                                       const CivilDate& as_of);

// Whether the customer counts as trusted on the date, with the reason in words.
struct TrustVerdict {
  bool trusted = false;
  std::string why;
};
TrustVerdict assess_trust(const CustomerBook& book, const Policy& policy, const CivilDate& as_of);

}  // namespace overdue::engine
