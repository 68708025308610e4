// What automatic allocation cannot do: allocate by hand, apply a credit, reverse a payment.
// Each checks everything first, writes in one transaction and journals the decision.
#pragma once

#include <optional>
#include <string>

#include "domain/result.h"
#include "store/store.h"

namespace overdue::app {

struct CommandContext {
  store::Store& store;
  CivilDate as_of;
  std::string actor;
};

// The stored invoice's total and what every live (not reversed) allocation has settled on it,
// whatever its date; nullopt when the invoice is not stored.
std::optional<engine::InvoiceBalance> live_balance(store::Store& store, const Invoice& inv);

// Allocates AMOUNT of PAYMENT's unapplied money to INVOICE (same customer and currency; not more
// than the payment has left nor the invoice has open). Returns a one-line summary.
Result<std::string> allocate_manually(CommandContext& ctx, const std::string& payment_id,
                                      const std::string& invoice_no, const std::string& amount);

// Applies the customer's unapplied credits in the invoice's currency, oldest first, to INVOICE.
Result<std::string> apply_credit(CommandContext& ctx, const std::string& customer_id,
                                 const std::string& invoice_no);

// Marks PAYMENT reversed as of the date (e.g. a bounced cheque): from then on neither the payment
// nor its allocations count, so the invoices it settled are open again.
Result<std::string> reverse_payment(CommandContext& ctx, const std::string& payment_id,
                                    const std::string& note);

}  // namespace overdue::app
