// The commands that record a customer's collection case (issue 4): reasons, promises, disputes,
// instalment plans and steps done by hand, plus reading the case back. Each command checks
// everything first, writes in one transaction, journals who/what/as-of, and returns one line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/payment_commands.h"
#include "domain/collection.h"

namespace overdue::app {

// Records CODE (a reason code) as the customer's current reason, source "manual".
Result<std::string> set_reason(CommandContext& ctx, const std::string& customer_id,
                               const std::string& code, const std::string& note);

// Records a promise to pay by DATE (not before --as-of), optionally AMOUNT ("USD 5000"; a bare
// number when the customer owes in one currency only) and the invoices it covers (the
// customer's own). The customer must have something open as of --as-of, in AMOUNT's currency.
Result<std::string> record_promise(CommandContext& ctx, const std::string& customer_id,
                                   const std::string& date, const std::string& amount,
                                   const std::vector<std::string>& invoices);

// Opens a dispute on INVOICE (none open on it yet) and sets its customer's reason to dispute.
Result<std::string> open_dispute(CommandContext& ctx, const std::string& invoice_no,
                                 const std::string& category, bool our_fault,
                                 const std::string& note);

// Resolves INVOICE's open dispute. A CREDIT (not more than the invoice has open, in its
// currency) is recorded as a credit_note payment CN-<invoice>-<n> allocated to the invoice.
Result<std::string> resolve_dispute(CommandContext& ctx, const std::string& invoice_no,
                                    const std::string& credit, const std::string& note);

// Records an agreed instalment plan; SCHEDULE is "DATE:CUR AMOUNT,…" (see parse_schedule) with
// dates strictly increasing, none before --as-of, in one currency the customer has open.
Result<std::string> record_instalments(CommandContext& ctx, const std::string& customer_id,
                                       const std::string& schedule);

// Records that ACTION (any action but wait) was carried out by hand on --as-of.
Result<std::string> record_step(CommandContext& ctx, const std::string& customer_id,
                                const std::string& action, const std::string& note);

// Parses "2026-04-01:USD 5000,2026-05-01:USD 5,000.00": a comma-separated list of DATE:AMOUNT
// (grouping commas inside amounts are allowed). Errors name the instalment and the column
// (1-based character position in TEXT) where it starts. Checks syntax only.
Result<std::vector<Instalment>> parse_schedule(std::string_view text);

// A customer's case as of a date, with the journal lines about it.
struct CaseReport {
  Customer customer;
  CivilDate as_of;
  CaseFacts facts;                           // events dated on or before as_of
  std::vector<store::JournalEntry> journal;  // entries with as-of on or before as_of, by id
};

// Reads the case of CUSTOMER as of AS_OF; never writes.
Result<CaseReport> load_case(store::Store& store, const std::string& customer_id,
                             const CivilDate& as_of);

}  // namespace overdue::app
