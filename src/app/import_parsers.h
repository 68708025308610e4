// The per-kind importers behind import_files (internal to src/app).
#pragma once

#include <string>
#include <vector>

#include "app/import.h"

namespace overdue::app {

void import_customers(store::Store& store, const std::vector<std::string>& files,
                      const ImportOptions& options, ImportReport& report);
void import_contacts(store::Store& store, const std::vector<std::string>& files,
                     const ImportOptions& options, ImportReport& report);
void import_invoices(store::Store& store, const std::vector<std::string>& files,
                     const ImportOptions& options, ImportReport& report);
void import_payments(store::Store& store, const std::vector<std::string>& files,
                     const ImportOptions& options, ImportReport& report);

// Applies one payment to the customer's open invoices and journals why. Shared by payment
// import and `payment reverse`/re-allocation.
void allocate_and_record(store::Store& store, const Payment& payment, const ImportOptions& options,
                         std::vector<std::string>& notes);

// Checks an e-mail address: one '@', a non-empty local part, a dotted domain, no spaces.
bool is_valid_email(std::string_view email);
std::string to_lower_ascii(std::string_view s);

}  // namespace overdue::app
