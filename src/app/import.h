// CSV import of customers, contacts, invoices and payments: all-or-nothing, every problem
// reported as FILE:LINE:COLUMN, identical rows a no-op, changed rows an error unless update.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"
#include "io/csv_table.h"
#include "store/store.h"

namespace overdue::app {

enum class ImportKind { kCustomers, kContacts, kInvoices, kPayments };

struct ImportOptions {
  bool update = false;   // allow changing existing rows
  std::string as_of;     // journaled with the import
  std::string actor;
  PaymentsConfig payments;
};

struct ImportReport {
  size_t rows = 0;       // data rows read
  size_t inserted = 0;   // new records (customers, contacts, invoices, payments)
  size_t updated = 0;
  size_t unchanged = 0;
  io::Problems problems;
  std::vector<std::string> notes;  // allocation decisions and other explanations
  bool ok() const { return problems.empty(); }
};

// Imports FILES of one kind into the store in one transaction. On any problem nothing is written
// and the report lists the problems.
ImportReport import_files(store::Store& store, ImportKind kind, const std::vector<std::string>& files,
                          const ImportOptions& options);

// The columns of each kind, for documentation and error messages.
const io::ColumnSpec& import_columns(ImportKind kind);
std::string_view import_kind_name(ImportKind kind);

}  // namespace overdue::app
