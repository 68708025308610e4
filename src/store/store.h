// The Store: where the book lives. SQLite by default; the interface leaves room for PostgreSQL.
// Reads never write. Writes happen inside a transaction opened with begin().
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "domain/entities.h"
#include "engine/balances.h"

namespace overdue::store {

// One line of the append-only journal: who did what, when, and for which as-of date.
struct JournalEntry {
  int64_t id = 0;
  std::string recorded_at;  // UTC timestamp of the write (metadata, not business logic)
  std::string actor;
  std::string as_of;        // the command's --as-of date
  std::string action;       // e.g. "import.invoices", "payment.reverse"
  std::string subject;      // e.g. a customer id, an invoice number, a file list
  std::string detail;       // JSON text
};

// Rolls back on destruction unless commit() was called.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual void commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Starts a write transaction covering everything until commit() (all-or-nothing imports).
  virtual std::unique_ptr<Transaction> begin() = 0;

  // Customers and contacts.
  virtual std::optional<Customer> find_customer(const std::string& id) = 0;
  virtual std::vector<Customer> customers() = 0;
  virtual std::unordered_set<std::string> customer_ids() = 0;
  virtual void put_customer(const Customer& c) = 0;  // insert or replace
  virtual std::vector<Contact> contacts(const std::string& customer_id) = 0;
  virtual std::optional<Contact> find_contact(const std::string& customer_id,
                                              const std::string& email) = 0;
  virtual void put_contact(const Contact& c) = 0;  // insert or replace
  virtual bool remove_contact(const std::string& customer_id, const std::string& email) = 0;

  // Invoices, with their lines.
  virtual int64_t invoice_count() = 0;
  virtual std::optional<Invoice> find_invoice(const std::string& invoice_no) = 0;
  virtual std::vector<Invoice> invoices_of(const std::string& customer_id) = 0;
  // Inserts new invoices with their lines (bulk: the import path for millions of lines).
  virtual void insert_invoices(const std::vector<const Invoice*>& invoices) = 0;
  virtual void replace_invoice(const Invoice& inv) = 0;
  // Every invoice's total and what settled it as of the date (allocations effective by then,
  // of payments not reversed by then). Invoices issued after as_of are left out.
  virtual std::vector<engine::InvoiceBalance> balances(const CivilDate& as_of) = 0;
  // The customer's invoices in a currency with what is settled by any live allocation.
  virtual std::vector<engine::InvoiceBalance> balances_of(const std::string& customer_id,
                                                          const Currency& currency) = 0;

  // Payments and allocations.
  virtual std::optional<Payment> find_payment(const std::string& payment_id) = 0;
  virtual std::vector<Payment> payments_of(const std::string& customer_id) = 0;
  virtual void insert_payment(const Payment& p) = 0;
  virtual void replace_payment(const Payment& p) = 0;
  virtual void insert_allocation(const Allocation& a) = 0;
  virtual std::vector<Allocation> allocations_of_customer(const std::string& customer_id) = 0;
  virtual std::vector<Allocation> allocations_of_payment(const std::string& payment_id) = 0;

  // Journal.
  virtual void journal(const JournalEntry& entry) = 0;
  virtual std::vector<JournalEntry> journal_entries(const std::string& subject_filter = "") = 0;
};

// Opens (creating if needed) a SQLite book at `path`, applying pending schema migrations.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

// The database path from --db, else $OVERDUE_DB, else ./overdue.db.
std::string resolve_db_path(const std::string& flag);

}  // namespace overdue::store
