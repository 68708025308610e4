// The Store: where the book lives. SQLite by default; the interface leaves room for PostgreSQL.
// Reads never write. Writes happen inside a transaction opened with begin().
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "domain/collection.h"
#include "domain/entities.h"
#include "engine/balances.h"
#include "store/inbox.h"
#include "store/outbox.h"

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

// An invoice without its lines: what the plan loader needs, read in bulk.
struct InvoiceHeader {
  std::string invoice_no;
  std::string customer_id;
  Currency currency = Currency::of("USD");
  CivilDate issue_date;
  std::optional<CivilDate> ship_date;
  CivilDate due_date;
  int64_t total_minor = 0;
};

// New invoices for Store::append_invoices, with ids the caller assigned from next_invoice_id().
struct NewInvoiceRows {
  struct Header {
    int64_t id = 0;
    Invoice invoice;  // its lines are not read: they come as `lines`
    int64_t total_minor = 0;
  };
  struct Line {
    int64_t invoice_id = 0;
    int line_no = 0;
    std::string_view product;  // valid while append_invoices runs
    Quantity quantity;
    std::string_view unit;
    UnitPrice unit_price;
    int64_t amount_minor = 0;
  };
  std::vector<Header> invoices;
  std::vector<Line> lines;  // of invoices appended in this call or before
  // (invoice id, minor units) added to the stored total of an invoice appended before.
  std::vector<std::pair<int64_t, int64_t>> total_increases;
};

// Rolls back on destruction unless commit() was called.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual void commit() = 0;
};

// Used by one thread at a time (the SQLite store's connection has no mutex of its own).
class Store {
 public:
  virtual ~Store() = default;

  // Starts a write transaction covering everything until commit() (all-or-nothing imports).
  virtual std::unique_ptr<Transaction> begin() = 0;
  // On: every commit reaches the disk before it returns, also against power loss. Off (the
  // default): a commit survives a crash of the process but maybe not of the machine. `send`
  // turns it on for marking a letter `sending`, which must stay marked once its bytes may
  // have left.
  virtual void set_commits_durable(bool on) = 0;
  // The letters (issue 5); writes inside begin() like everything else.
  virtual Outbox& outbox() = 0;
  // Buyers' mail (issue 7).
  virtual Inbox& inbox() = 0;

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
  // The streaming form of insert_invoices: headers, then lines, then total increases.
  virtual void append_invoices(const NewInvoiceRows& rows) = 0;
  // The id the next new invoice gets (one more than the highest stored).
  virtual int64_t next_invoice_id() = 0;
  // Whether an invoice with this number is stored (a statement prepared once: for bulk checks).
  virtual bool has_invoice(std::string_view invoice_no) = 0;
  // The customers an invoice number or an order number belongs to (a reply names either).
  virtual std::vector<std::string> customers_of_document(const std::string& number) = 0;
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

  // The customer's invoices issued on or before the date with what settled them as of then
  // (like balances(), for one customer), by due date then invoice_no.
  virtual std::vector<engine::InvoiceBalance> balances_of_customer(const std::string& customer_id,
                                                                   const CivilDate& as_of) = 0;

  // Bulk reads for the plan (one query each, never one per customer).
  // Invoices issued on or before as_of, by customer_id, due_date, invoice_no.
  virtual std::vector<InvoiceHeader> invoice_headers(const CivilDate& as_of) = 0;
  // Allocations effective on or before as_of of payments not reversed by then, by invoice_no,
  // then effective date (then insertion order).
  virtual std::vector<Allocation> live_allocations(const CivilDate& as_of) = 0;
  // Every contact, by customer_id then email.
  virtual std::vector<Contact> all_contacts() = 0;
  // Payments dated on or before as_of and not reversed by then, by customer_id, date, payment_id.
  virtual std::vector<Payment> live_payments(const CivilDate& as_of) = 0;

  // The collection case: an append-only list of dated events per customer. Each writer records
  // one event dated by the record's own date (the command's --as-of); none validates.
  virtual void add_reason(const std::string& customer_id, const ReasonRecord& reason) = 0;
  virtual void add_step(const std::string& customer_id, const StepRecord& step) = 0;
  virtual void add_promise(const std::string& customer_id, const PromiseRecord& promise) = 0;
  // Opens a dispute dated opened_on (resolved_on and credit are ignored).
  virtual void open_dispute(const std::string& customer_id, const DisputeRecord& dispute) = 0;
  // Resolves the invoice's latest dispute opened on or before `on`, with an optional credit note.
  virtual void resolve_dispute(const std::string& customer_id, const std::string& invoice_no,
                               const CivilDate& on, const std::optional<Money>& credit,
                               const std::string& note) = 0;
  virtual void add_instalment_plan(const std::string& customer_id, const InstalmentPlan& plan) = 0;
  // The customer's case folded from the events dated on or before as_of; every list is oldest
  // first (same date: in the order recorded). A dispute resolved after as_of is open in it.
  virtual CaseFacts case_facts(const std::string& customer_id, const CivilDate& as_of) = 0;
  // case_facts for every customer with at least one event on or before as_of (one query).
  virtual std::map<std::string, CaseFacts> all_case_facts(const CivilDate& as_of) = 0;
  // Invoices of the customer under a dispute that is open now (opened and not yet resolved,
  // whatever the dates): automatic allocation skips them.
  virtual std::unordered_set<std::string> open_disputed_invoices(
      const std::string& customer_id) = 0;

  // Journal.
  virtual void journal(const JournalEntry& entry) = 0;
  virtual std::vector<JournalEntry> journal_entries(const std::string& subject_filter = "") = 0;
  // Entries whose subject is the customer, one of its invoices or one of its payments, by id.
  virtual std::vector<JournalEntry> journal_about_customer(const std::string& customer_id) = 0;
};

// Opens (creating if needed) a SQLite book at `path`, applying pending schema migrations.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

// The database path from --db, else $OVERDUE_DB, else ./overdue.db.
std::string resolve_db_path(const std::string& flag);

}  // namespace overdue::store
