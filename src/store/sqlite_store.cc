// SQLite implementation of Store: one file, WAL, foreign keys on, migrations on open.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <unordered_map>

#include "store/schema.h"
#include "store/sqlite_inbox.h"
#include "store/sqlite_invoice_rows.h"
#include "store/sqlite_outbox.h"
#include "store/statement_cache.h"
#include "store/store.h"

namespace overdue::store {
namespace {

std::optional<CivilDate> opt_date(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return CivilDate::of(c.getString());
}

void bind_opt(SQLite::Statement& st, int index, const std::optional<CivilDate>& d) {
  if (d) {
    st.bind(index, d->iso());
  } else {
    st.bind(index);
  }
}

// The bytes of s from offset, big-endian in a word, zero-padded: comparing words compares text.
uint64_t text_word(std::string_view s, size_t offset) {
  uint64_t word = 0;
  for (size_t i = offset; i < offset + 8; ++i) {
    word = (word << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
  }
  return word;
}

// Stable-sorts `rows` by customer id, then date, then `tie_less`. Bulk reads return hundreds of
// thousands of rows: the sort runs over compact keys (the id's first 16 bytes as two words and
// the day number) and moves each row once.
template <typename T, typename CustomerOf, typename DateOf, typename TieLess>
void sort_by_customer_and_date(std::vector<T>& rows, CustomerOf customer_of, DateOf date_of,
                               TieLess tie_less) {
  struct Entry {
    uint64_t id_high, id_low;
    int32_t day;
    uint32_t row;
  };
  std::vector<Entry> order;
  order.reserve(rows.size());
  for (uint32_t i = 0; i < rows.size(); ++i) {
    std::string_view id = customer_of(rows[i]);
    auto day = static_cast<int32_t>(date_of(rows[i]).sys_days().time_since_epoch().count());
    order.push_back(Entry{text_word(id, 0), text_word(id, 8), day, i});
  }
  auto less = [&](const Entry& a, const Entry& b) {
    if (a.id_high != b.id_high) return a.id_high < b.id_high;
    if (a.id_low != b.id_low) return a.id_low < b.id_low;
    const T& ra = rows[a.row];
    const T& rb = rows[b.row];
    if (customer_of(ra).size() > 16 || customer_of(rb).size() > 16) {
      if (int c = customer_of(ra).compare(customer_of(rb)); c != 0) return c < 0;
    }
    if (a.day != b.day) return a.day < b.day;
    return tie_less(ra, rb);
  };
  if (std::is_sorted(order.begin(), order.end(), less)) return;
  std::stable_sort(order.begin(), order.end(), less);
  // Permute in place along cycles (position i receives row order[i].row): no second copy.
  std::vector<bool> placed(rows.size(), false);
  for (size_t start = 0; start < rows.size(); ++start) {
    if (placed[start]) continue;
    T held = std::move(rows[start]);
    size_t at = start;
    while (order[at].row != start) {
      rows[at] = std::move(rows[order[at].row]);
      placed[at] = true;
      at = order[at].row;
    }
    rows[at] = std::move(held);
    placed[at] = true;
  }
}

// --- case events: each kind's JSON payload, and folding events into CaseFacts ---------------
// Money in payloads is {"currency": "USD", "minor": 500000}: exact, never a double.

nlohmann::json money_json(const std::optional<Money>& m) {
  if (!m) return nullptr;
  return {{"currency", m->currency().str()}, {"minor", m->minor()}};
}

std::optional<Money> money_from(const nlohmann::json& j) {
  if (j.is_null()) return std::nullopt;
  return Money(Currency::of(j.at("currency").get<std::string>()), j.at("minor").get<int64_t>());
}

template <typename T>
T code_from(const nlohmann::json& j, const char* key, std::optional<T> (*parse)(std::string_view)) {
  std::string text = j.at(key).get<std::string>();
  std::optional<T> code = parse(text);
  if (!code) throw DomainError(std::string("case event: unknown ") + key + " '" + text + "'");
  return *code;
}

// Applies one event (in date, then insertion order) to the customer's facts.
void fold_event(CaseFacts& f, std::string_view kind, const CivilDate& date,
                const nlohmann::json& p) {
  if (kind == "reason") {
    f.reasons.push_back(ReasonRecord{code_from<Reason>(p, "reason", parse_reason), date,
                                     p.value("source", ""), p.value("note", "")});
  } else if (kind == "step") {
    f.steps.push_back(
        StepRecord{code_from<Action>(p, "action", parse_action), date, p.value("note", "")});
  } else if (kind == "promise") {
    PromiseRecord promise{date, CivilDate::of(p.at("date").get<std::string>()),
                          money_from(p.at("amount")),
                          p.at("invoices").get<std::vector<std::string>>(), p.value("source", "")};
    f.promises.push_back(std::move(promise));
  } else if (kind == "dispute_open") {
    DisputeRecord d;
    d.invoice_no = p.at("invoice_no").get<std::string>();
    d.category = code_from<DisputeCategory>(p, "category", parse_dispute_category);
    d.our_fault = p.value("our_fault", false);
    d.opened_on = date;
    d.note = p.value("note", "");
    f.disputes.push_back(std::move(d));
  } else if (kind == "dispute_resolve") {
    const std::string invoice_no = p.at("invoice_no").get<std::string>();
    for (auto it = f.disputes.rbegin(); it != f.disputes.rend(); ++it) {
      if (it->invoice_no == invoice_no && !it->resolved_on && it->opened_on <= date) {
        it->resolved_on = date;
        it->credit = money_from(p.at("credit"));
        break;
      }
    }
  } else if (kind == "instalment_plan") {
    InstalmentPlan plan{date, {}};
    for (const auto& i : p.at("schedule")) {
      plan.schedule.push_back(Instalment{CivilDate::of(i.at("date").get<std::string>()),
                                         *money_from(i.at("amount"))});
    }
    f.instalment_plans.push_back(std::move(plan));
  } else {
    throw DomainError("case event: unknown kind '" + std::string(kind) + "'");
  }
}

class SqliteTransaction : public Transaction {
 public:
  explicit SqliteTransaction(SQLite::Database& db) : tx_(db) {}
  void commit() override { tx_.commit(); }

 private:
  SQLite::Transaction tx_;
};

class SqliteStore : public Store {
 public:
  explicit SqliteStore(const std::string& path)
      // NOMUTEX: one thread at a time uses the store (an import's writer thread while it runs),
      // so SQLite need not lock the connection around every call.
      : db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX) {
    // Takes effect only when the file is created: with 16 KiB pages instead of 4 KiB a bulk
    // import handles, commits and checkpoints a quarter as many pages.
    db_.exec("PRAGMA page_size = 16384");
    db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("PRAGMA synchronous = NORMAL");
    db_.exec("PRAGMA foreign_keys = ON");
    db_.exec("PRAGMA busy_timeout = 5000");
    // Big imports touch every page of the invoice tables: keep them in memory (256 MiB at most)
    // instead of evicting and re-reading them.
    db_.exec("PRAGMA cache_size = -262144");
    db_.exec("PRAGMA temp_store = MEMORY");
    migrate();
  }

  std::unique_ptr<Transaction> begin() override {
    return std::make_unique<SqliteTransaction>(db_);
  }

  void set_commits_durable(bool on) override {
    db_.exec(on ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
  }
  Outbox& outbox() override { return *outbox_; }
  Inbox& inbox() override { return *inbox_; }

  // --- customers -------------------------------------------------------------------------
  std::optional<Customer> find_customer(const std::string& id) override {
    auto st_lease = cache_.get(kCustomerSelect + std::string(" WHERE customer_id = ?"));
    SQLite::Statement& st = *st_lease;
    st.bind(1, id);
    if (!st.executeStep()) return std::nullopt;
    return read_customer(st);
  }

  std::vector<Customer> customers() override {
    auto st_lease = cache_.get(kCustomerSelect + std::string(" ORDER BY customer_id"));
    SQLite::Statement& st = *st_lease;
    std::vector<Customer> out;
    while (st.executeStep()) out.push_back(read_customer(st));
    return out;
  }

  std::unordered_set<std::string> customer_ids() override {
    auto st_lease = cache_.get("SELECT customer_id FROM customers");
    SQLite::Statement& st = *st_lease;
    std::unordered_set<std::string> out;
    out.reserve(static_cast<size_t>(
        db_.execAndGet("SELECT COUNT(*) FROM customers").getInt64()));
    while (st.executeStep()) out.insert(st.getColumn(0).getString());
    return out;
  }

  void put_customer(const Customer& c) override {
    auto st_lease = cache_.get(
        "INSERT INTO customers (customer_id, name, country, language, since, "
        "salesperson, insurance_policy, insured_limit_currency, "
        "insured_limit_minor) VALUES (?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(customer_id) DO UPDATE SET name=excluded.name, "
        "country=excluded.country, language=excluded.language, "
        "since=excluded.since, salesperson=excluded.salesperson, "
        "insurance_policy=excluded.insurance_policy, "
        "insured_limit_currency=excluded.insured_limit_currency, "
        "insured_limit_minor=excluded.insured_limit_minor");
    SQLite::Statement& st = *st_lease;
    st.bind(1, c.id);
    st.bind(2, c.name);
    st.bind(3, c.country);
    st.bind(4, std::string(to_string(c.language)));
    bind_opt(st, 5, c.since);
    st.bind(6, c.salesperson);
    st.bind(7, c.insurance_policy);
    if (c.insured_limit) {
      st.bind(8, c.insured_limit->currency().str());
      st.bind(9, static_cast<int64_t>(c.insured_limit->minor()));
    } else {
      st.bind(8);
      st.bind(9);
    }
    st.exec();
  }

  std::vector<Contact> contacts(const std::string& customer_id) override {
    auto st_lease =
        cache_.get(kContactSelect + std::string(" WHERE customer_id = ? ORDER BY email"));
    SQLite::Statement& st = *st_lease;
    st.bind(1, customer_id);
    std::vector<Contact> out;
    while (st.executeStep()) out.push_back(read_contact(st));
    return out;
  }

  std::optional<Contact> find_contact(const std::string& customer_id,
                                      const std::string& email) override {
    auto st_lease =
        cache_.get(kContactSelect + std::string(" WHERE customer_id = ? AND email = ?"));
    SQLite::Statement& st = *st_lease;
    st.bind(1, customer_id);
    st.bind(2, email);
    if (!st.executeStep()) return std::nullopt;
    return read_contact(st);
  }

  void put_contact(const Contact& c) override {
    auto st_lease = cache_.get(
        "INSERT INTO contacts (customer_id, email, name, role, phone) "
        "VALUES (?,?,?,?,?) ON CONFLICT(customer_id, email) DO UPDATE SET "
        "name=excluded.name, role=excluded.role, phone=excluded.phone");
    SQLite::Statement& st = *st_lease;
    st.bind(1, c.customer_id);
    st.bind(2, c.email);
    st.bind(3, c.name);
    st.bind(4, std::string(to_string(c.role)));
    st.bind(5, c.phone);
    st.exec();
  }

  bool remove_contact(const std::string& customer_id, const std::string& email) override {
    auto st_lease = cache_.get("DELETE FROM contacts WHERE customer_id = ? AND email = ?");
    SQLite::Statement& st = *st_lease;
    st.bind(1, customer_id);
    st.bind(2, email);
    return st.exec() > 0;
  }

  // --- invoices --------------------------------------------------------------------------
  int64_t invoice_count() override {
    return db_.execAndGet("SELECT COUNT(*) FROM invoices").getInt64();
  }

  std::optional<Invoice> find_invoice(const std::string& invoice_no) override {
    auto st_lease = cache_.get(kInvoiceSelect + std::string(" WHERE invoice_no = ?"));
    SQLite::Statement& st = *st_lease;
    st.bind(1, invoice_no);
    std::vector<Invoice> found = read_invoices(st);
    if (found.empty()) return std::nullopt;
    return found.front();
  }

  std::vector<Invoice> invoices_of(const std::string& customer_id) override {
    auto st_lease = cache_.get(kInvoiceSelect +
                               std::string(" WHERE customer_id = ? ORDER BY due_date, invoice_no"));
    SQLite::Statement& st = *st_lease;
    st.bind(1, customer_id);
    return read_invoices(st);
  }

  void insert_invoices(const std::vector<const Invoice*>& invoices) override {
    NewInvoiceRows rows;
    int64_t next_id = next_invoice_id();
    for (const Invoice* inv : invoices) {
      int64_t id = next_id++;
      rows.invoices.push_back(NewInvoiceRows::Header{id, *inv, inv->total_minor()});
      add_lines(id, *inv, rows);
    }
    invoice_rows_.append(rows);
  }

  void append_invoices(const NewInvoiceRows& rows) override { invoice_rows_.append(rows); }

  int64_t next_invoice_id() override {
    return db_.execAndGet("SELECT COALESCE(MAX(id), 0) + 1 FROM invoices").getInt64();
  }

  bool has_invoice(std::string_view invoice_no) override {
    return invoice_rows_.has_invoice(invoice_no);
  }

  std::vector<std::string> customers_of_document(const std::string& number) override {
    auto st_lease = cache_.get(
        "SELECT DISTINCT customer_id FROM invoices WHERE invoice_no = ?1 "
        "OR order_no = ?1 ORDER BY customer_id");
    SQLite::Statement& st = *st_lease;
    st.bind(1, number);
    std::vector<std::string> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
  }

  void replace_invoice(const Invoice& inv) override {
    auto id_of_lease = cache_.get("SELECT id FROM invoices WHERE invoice_no = ?");
    SQLite::Statement& id_of = *id_of_lease;
    id_of.bind(1, inv.invoice_no);
    if (!id_of.executeStep()) throw DomainError("invoice " + inv.invoice_no + " not found");
    int64_t id = id_of.getColumn(0).getInt64();
    auto del_lease = cache_.get("DELETE FROM invoice_lines WHERE invoice_id = ?");
    SQLite::Statement& del = *del_lease;
    del.bind(1, id);
    del.exec();
    auto up_lease = cache_.get(
        "UPDATE invoices SET order_no=?, customer_id=?, currency=?, issue_date=?, "
        "ship_date=?, received_date=?, due_date=?, terms=?, total_minor=? "
        "WHERE id=?");
    SQLite::Statement& up = *up_lease;
    up.bind(1, inv.order_no);
    up.bind(2, inv.customer_id);
    up.bind(3, inv.currency.str());
    up.bind(4, inv.issue_date.iso());
    bind_opt(up, 5, inv.ship_date);
    bind_opt(up, 6, inv.received_date);
    up.bind(7, inv.due_date.iso());
    up.bind(8, inv.terms);
    up.bind(9, static_cast<int64_t>(inv.total_minor()));
    up.bind(10, id);
    up.exec();
    NewInvoiceRows rows;
    add_lines(id, inv, rows);
    invoice_rows_.append(rows);
  }

  std::vector<engine::InvoiceBalance> balances(const CivilDate& as_of) override {
    auto st_lease = cache_.get(
        "SELECT i.invoice_no, i.customer_id, i.currency, i.issue_date, i.due_date, i.total_minor, "
        "COALESCE(s.settled, 0) FROM invoices i LEFT JOIN ("
        "  SELECT a.invoice_no, SUM(a.amount_minor) AS settled FROM allocations a "
        "  JOIN payments p ON p.payment_id = a.payment_id "
        "  WHERE a.effective_date <= ?1 AND (p.reversed_on IS NULL OR p.reversed_on > ?1) "
        "  GROUP BY a.invoice_no) s ON s.invoice_no = i.invoice_no "
        "WHERE i.issue_date <= ?1");
    SQLite::Statement& st = *st_lease;
    st.bind(1, as_of.iso());
    return read_balances(st);
  }

  std::vector<engine::InvoiceBalance> balances_of(const std::string& customer_id,
                                                  const Currency& currency) override {
    auto st_lease = cache_.get(
        "SELECT i.invoice_no, i.customer_id, i.currency, i.issue_date, i.due_date, i.total_minor, "
        "COALESCE((SELECT SUM(a.amount_minor) FROM allocations a "
        "  JOIN payments p ON p.payment_id = a.payment_id "
        "  WHERE a.invoice_no = i.invoice_no AND p.reversed_on IS NULL), 0) "
        "FROM invoices i WHERE i.customer_id = ? AND i.currency = ?");
    SQLite::Statement& st = *st_lease;
    st.bind(1, customer_id);
    st.bind(2, currency.str());
    return read_balances(st);
  }

  // --- payments --------------------------------------------------------------------------
  std::optional<Payment> find_payment(const std::string& payment_id) override {
    auto st_lease = cache_.get(kPaymentSelect + std::string(" WHERE payment_id = ?"));
    SQLite::Statement& st = *st_lease;
    st.bind(1, payment_id);
    if (!st.executeStep()) return std::nullopt;
    return read_payment(st);
  }

  std::vector<Payment> payments_of(const std::string& customer_id) override {
    auto st_lease = cache_.get(kPaymentSelect +
                               std::string(" WHERE customer_id = ? ORDER BY date, payment_id"));
    SQLite::Statement& st = *st_lease;
    st.bind(1, customer_id);
    std::vector<Payment> out;
    while (st.executeStep()) out.push_back(read_payment(st));
    return out;
  }

  void insert_payment(const Payment& p) override { write_payment(p, false); }
  void replace_payment(const Payment& p) override { write_payment(p, true); }

  void insert_allocation(const Allocation& a) override {
    auto st_lease = cache_.get(
        "INSERT INTO allocations (payment_id, invoice_no, amount_minor, kind, "
        "effective_date) VALUES (?,?,?,?,?)");
    SQLite::Statement& st = *st_lease;
    st.bind(1, a.payment_id);
    st.bind(2, a.invoice_no);
    st.bind(3, static_cast<int64_t>(a.amount_minor));
    st.bind(4, std::string(to_string(a.kind)));
    st.bind(5, a.effective.iso());
    st.exec();
  }

  std::vector<Allocation> allocations_of_customer(const std::string& customer_id) override {
    auto st_lease = cache_.get(kAllocationSelect +
                               std::string(" JOIN payments p ON p.payment_id = a.payment_id "
                                           "WHERE p.customer_id = ? ORDER BY a.id"));
    SQLite::Statement& st = *st_lease;
    st.bind(1, customer_id);
    return read_allocations(st);
  }

  std::vector<Allocation> allocations_of_payment(const std::string& payment_id) override {
    auto st_lease =
        cache_.get(kAllocationSelect + std::string(" WHERE a.payment_id = ? ORDER BY a.id"));
    SQLite::Statement& st = *st_lease;
    st.bind(1, payment_id);
    return read_allocations(st);
  }

  std::vector<engine::InvoiceBalance> balances_of_customer(const std::string& customer_id,
                                                           const CivilDate& as_of) override {
    auto st_lease = cache_.get(
        "SELECT i.invoice_no, i.customer_id, i.currency, i.issue_date, i.due_date, i.total_minor, "
        "COALESCE((SELECT SUM(a.amount_minor) FROM allocations a "
        "  JOIN payments p ON p.payment_id = a.payment_id "
        "  WHERE a.invoice_no = i.invoice_no AND a.effective_date <= ?1 "
        "  AND (p.reversed_on IS NULL OR p.reversed_on > ?1)), 0) "
        "FROM invoices i WHERE i.customer_id = ?2 AND i.issue_date <= ?1 "
        "ORDER BY i.due_date, i.invoice_no");
    SQLite::Statement& st = *st_lease;
    st.bind(1, as_of.iso());
    st.bind(2, customer_id);
    return read_balances(st);
  }

  // --- bulk reads for the plan -------------------------------------------------------------
  // Each scans its table in storage order and sorts in memory: on a book of a million invoice
  // lines that is several times faster than ORDER BY over an index plus table lookups.
  std::vector<InvoiceHeader> invoice_headers(const CivilDate& as_of) override {
    auto st_lease = cache_.get(
        "SELECT invoice_no, customer_id, currency, issue_date, ship_date, "
        "due_date, total_minor FROM invoices WHERE issue_date <= ?");
    SQLite::Statement& st = *st_lease;
    st.bind(1, as_of.iso());
    std::vector<InvoiceHeader> out;
    out.reserve(row_capacity("SELECT COALESCE(MAX(id), 0) FROM invoices"));
    CurrencyCache currencies;
    while (st.executeStep()) {
      InvoiceHeader h;
      h.invoice_no = st.getColumn(0).getString();
      h.customer_id = st.getColumn(1).getString();
      h.currency = currencies.of(st.getColumn(2).getText());
      h.issue_date = CivilDate::of(st.getColumn(3).getText());
      h.ship_date = opt_date(st.getColumn(4));
      h.due_date = CivilDate::of(st.getColumn(5).getText());
      h.total_minor = st.getColumn(6).getInt64();
      out.push_back(std::move(h));
    }
    sort_by_customer_and_date(
        out, [](const InvoiceHeader& h) -> std::string_view { return h.customer_id; },
        [](const InvoiceHeader& h) { return h.due_date; },
        [](const InvoiceHeader& a, const InvoiceHeader& b) { return a.invoice_no < b.invoice_no; });
    return out;
  }

  std::vector<Allocation> live_allocations(const CivilDate& as_of) override {
    std::unordered_set<std::string> reversed;  // few: bounced cheques and the like
    auto rev_lease = cache_.get("SELECT payment_id FROM payments WHERE reversed_on <= ?");
    SQLite::Statement& rev = *rev_lease;
    rev.bind(1, as_of.iso());
    while (rev.executeStep()) reversed.insert(rev.getColumn(0).getString());
    auto st_lease = cache_.get(
        "SELECT payment_id, invoice_no, amount_minor, kind, effective_date "
        "FROM allocations WHERE effective_date <= ? ORDER BY id");
    SQLite::Statement& st = *st_lease;
    st.bind(1, as_of.iso());
    std::vector<Allocation> out;
    out.reserve(row_capacity("SELECT COALESCE(MAX(id), 0) FROM allocations"));
    while (st.executeStep()) {
      const char* payment_id = st.getColumn(0).getText();
      if (!reversed.empty() && reversed.count(payment_id)) continue;
      out.push_back(Allocation{
          payment_id, st.getColumn(1).getString(), st.getColumn(2).getInt64(),
          parse_allocation_kind(st.getColumn(3).getText()).value_or(AllocationKind::kPayment),
          CivilDate::of(st.getColumn(4).getText())});
    }
    std::stable_sort(out.begin(), out.end(), [](const Allocation& a, const Allocation& b) {
      if (int c = a.invoice_no.compare(b.invoice_no); c != 0) return c < 0;
      return a.effective < b.effective;
    });
    return out;
  }

  std::vector<Contact> all_contacts() override {
    auto st_lease = cache_.get(kContactSelect + std::string(" ORDER BY customer_id, email"));
    SQLite::Statement& st = *st_lease;
    std::vector<Contact> out;
    out.reserve(row_capacity("SELECT COUNT(*) FROM contacts"));
    while (st.executeStep()) out.push_back(read_contact(st));
    return out;
  }

  std::vector<Payment> live_payments(const CivilDate& as_of) override {
    auto st_lease =
        cache_.get(kPaymentSelect + std::string(" WHERE date <= ?1 AND "
                                                "(reversed_on IS NULL OR reversed_on > ?1)"));
    SQLite::Statement& st = *st_lease;
    st.bind(1, as_of.iso());
    std::vector<Payment> out;
    out.reserve(row_capacity("SELECT COALESCE(MAX(rowid), 0) FROM payments"));
    while (st.executeStep()) out.push_back(read_payment(st));
    sort_by_customer_and_date(
        out, [](const Payment& p) -> std::string_view { return p.customer_id; },
        [](const Payment& p) { return p.date; },
        [](const Payment& a, const Payment& b) { return a.payment_id < b.payment_id; });
    return out;
  }

  // --- the collection case -----------------------------------------------------------------
  void add_reason(const std::string& customer_id, const ReasonRecord& r) override {
    add_case_event(customer_id, "reason", r.date,
                   {{"reason", to_string(r.reason)}, {"source", r.source}, {"note", r.note}});
  }

  void add_step(const std::string& customer_id, const StepRecord& s) override {
    add_case_event(customer_id, "step", s.date,
                   {{"action", to_string(s.action)}, {"note", s.note}});
  }

  void add_promise(const std::string& customer_id, const PromiseRecord& p) override {
    add_case_event(customer_id, "promise", p.made_on,
                   {{"date", p.date.iso()},
                    {"amount", money_json(p.amount)},
                    {"invoices", p.invoices},
                    {"source", p.source}});
  }

  void open_dispute(const std::string& customer_id, const DisputeRecord& d) override {
    add_case_event(customer_id, "dispute_open", d.opened_on,
                   {{"invoice_no", d.invoice_no},
                    {"category", to_string(d.category)},
                    {"our_fault", d.our_fault},
                    {"note", d.note}});
  }

  void resolve_dispute(const std::string& customer_id, const std::string& invoice_no,
                       const CivilDate& on, const std::optional<Money>& credit,
                       const std::string& note) override {
    add_case_event(customer_id, "dispute_resolve", on,
                   {{"invoice_no", invoice_no}, {"credit", money_json(credit)}, {"note", note}});
  }

  void add_instalment_plan(const std::string& customer_id, const InstalmentPlan& plan) override {
    nlohmann::json schedule = nlohmann::json::array();
    for (const auto& i : plan.schedule) {
      schedule.push_back({{"date", i.date.iso()}, {"amount", money_json(i.amount)}});
    }
    add_case_event(customer_id, "instalment_plan", plan.agreed_on, {{"schedule", schedule}});
  }

  CaseFacts case_facts(const std::string& customer_id, const CivilDate& as_of) override {
    auto st_lease = cache_.get(std::string(kCaseEventSelect) +
                               " WHERE customer_id = ?1 AND event_date <= ?2 "
                               "ORDER BY event_date, id");
    SQLite::Statement& st = *st_lease;
    st.bind(1, customer_id);
    st.bind(2, as_of.iso());
    auto all = read_case_events(st);
    if (all.empty()) {
      CaseFacts none;
      none.customer_id = customer_id;
      return none;
    }
    return std::move(all.begin()->second);
  }

  std::map<std::string, CaseFacts> all_case_facts(const CivilDate& as_of) override {
    // In storage (= insertion) order, then a stable sort by customer and date: faster than
    // ORDER BY over the index for the whole book.
    auto st_lease = cache_.get(std::string(kCaseEventSelect) + " WHERE event_date <= ?1");
    SQLite::Statement& st = *st_lease;
    st.bind(1, as_of.iso());
    std::vector<CaseEventRow> rows;
    rows.reserve(static_cast<size_t>(
        db_.execAndGet("SELECT COALESCE(MAX(id), 0) FROM case_events").getInt64()));
    while (st.executeStep()) rows.push_back(read_case_event_row(st));
    sort_by_customer_and_date(
        rows, [](const CaseEventRow& r) -> std::string_view { return r.customer_id; },
        [](const CaseEventRow& r) { return r.date; },
        [](const CaseEventRow&, const CaseEventRow&) { return false; });  // then by id
    return fold_case_events(rows);
  }

  std::unordered_set<std::string> open_disputed_invoices(const std::string& customer_id) override {
    // Called for every payment an import allocates: the statement comes from the cache.
    auto st = cache_.get(std::string(kCaseEventSelect) +
                         " WHERE customer_id = ?1 AND kind IN ('dispute_open', 'dispute_resolve') "
                         "ORDER BY event_date, id");
    st->bind(1, customer_id);
    std::vector<CaseEventRow> rows;
    while (st->executeStep()) rows.push_back(read_case_event_row(*st));
    std::unordered_set<std::string> out;
    for (const auto& [id, facts] : fold_case_events(rows)) {
      for (const auto& d : facts.disputes) {
        if (!d.resolved_on) out.insert(d.invoice_no);
      }
    }
    return out;
  }

  // --- journal ---------------------------------------------------------------------------
  void journal(const JournalEntry& e) override {
    auto st_lease = cache_.get(
        "INSERT INTO journal (recorded_at, actor, as_of, action, subject, detail) "
        "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'),?,?,?,?,?)");
    SQLite::Statement& st = *st_lease;
    st.bind(1, e.actor);
    st.bind(2, e.as_of);
    st.bind(3, e.action);
    st.bind(4, e.subject);
    st.bind(5, e.detail.empty() ? std::string("{}") : e.detail);
    st.exec();
  }

  std::vector<JournalEntry> journal_entries(const std::string& subject_filter) override {
    std::string sql =
        "SELECT id, recorded_at, actor, as_of, action, subject, detail FROM journal";
    if (!subject_filter.empty()) sql += " WHERE subject = ?";
    sql += " ORDER BY id";
    auto st_lease = cache_.get(sql);
    SQLite::Statement& st = *st_lease;
    if (!subject_filter.empty()) st.bind(1, subject_filter);
    return read_journal(st);
  }

  std::vector<JournalEntry> journal_about_customer(const std::string& customer_id) override {
    auto st_lease = cache_.get(
        "SELECT id, recorded_at, actor, as_of, action, subject, detail FROM journal "
        "WHERE subject = ?1 OR subject IN (SELECT invoice_no FROM invoices WHERE customer_id = ?1) "
        "OR subject IN (SELECT payment_id FROM payments WHERE customer_id = ?1) ORDER BY id");
    SQLite::Statement& st = *st_lease;
    st.bind(1, customer_id);
    return read_journal(st);
  }

 private:
  static constexpr const char* kCaseEventSelect =
      "SELECT id, customer_id, kind, event_date, payload FROM case_events";

  // Currency::of validates the code; a book holds few currencies, so parse each once.
  class CurrencyCache {
   public:
    const Currency& of(const char* code) {
      auto it = cache_.find(code);
      if (it == cache_.end()) it = cache_.emplace(code, Currency::of(code)).first;
      return it->second;
    }

   private:
    std::map<std::string, Currency, std::less<>> cache_;
  };

  // An upper bound on the rows a bulk read returns (SQL giving one integer), to reserve once.
  size_t row_capacity(const char* sql) {
    return static_cast<size_t>(std::max<int64_t>(db_.execAndGet(sql).getInt64(), 0));
  }

  void add_case_event(const std::string& customer_id, const char* kind, const CivilDate& date,
                      const nlohmann::json& payload) {
    auto st_lease = cache_.get(
        "INSERT INTO case_events (customer_id, kind, event_date, payload, "
        "recorded_at) VALUES (?,?,?,?,strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
    SQLite::Statement& st = *st_lease;
    st.bind(1, customer_id);
    st.bind(2, kind);
    st.bind(3, date.iso());
    st.bind(4, payload.dump());
    st.exec();
  }

  struct CaseEventRow {
    int64_t id = 0;
    std::string customer_id;
    std::string kind;
    CivilDate date;
    std::string payload;
  };

  static CaseEventRow read_case_event_row(SQLite::Statement& st) {
    return CaseEventRow{st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                        st.getColumn(2).getString(), CivilDate::of(st.getColumn(3).getText()),
                        st.getColumn(4).getString()};
  }

  // Folds rows ordered by customer, then date and id, into one CaseFacts per customer.
  static std::map<std::string, CaseFacts> fold_case_events(const std::vector<CaseEventRow>& rows) {
    std::map<std::string, CaseFacts> out;
    CaseFacts* current = nullptr;
    for (const auto& row : rows) {
      if (current == nullptr || current->customer_id != row.customer_id) {
        current = &out.emplace_hint(out.end(), row.customer_id, CaseFacts{})->second;
        current->customer_id = row.customer_id;
      }
      try {
        fold_event(*current, row.kind, row.date, nlohmann::json::parse(row.payload));
      } catch (const std::exception& e) {
        throw DomainError("case event " + std::to_string(row.id) + " of " + row.customer_id +
                          " cannot be read: " + e.what());
      }
    }
    return out;
  }

  static std::map<std::string, CaseFacts> read_case_events(SQLite::Statement& st) {
    std::vector<CaseEventRow> rows;
    while (st.executeStep()) rows.push_back(read_case_event_row(st));
    return fold_case_events(rows);
  }

  static std::vector<JournalEntry> read_journal(SQLite::Statement& st) {
    std::vector<JournalEntry> out;
    while (st.executeStep()) {
      out.push_back(JournalEntry{st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                                 st.getColumn(2).getString(), st.getColumn(3).getString(),
                                 st.getColumn(4).getString(), st.getColumn(5).getString(),
                                 st.getColumn(6).getString()});
    }
    return out;
  }

  static constexpr const char* kCustomerSelect =
      "SELECT customer_id, name, country, language, since, salesperson, insurance_policy, "
      "insured_limit_currency, insured_limit_minor FROM customers";
  static constexpr const char* kContactSelect =
      "SELECT customer_id, name, email, role, phone FROM contacts";
  static constexpr const char* kInvoiceSelect =
      "SELECT id, invoice_no, order_no, customer_id, currency, issue_date, ship_date, "
      "received_date, due_date, terms FROM invoices";
  static constexpr const char* kPaymentSelect =
      "SELECT payment_id, customer_id, date, currency, amount_minor, invoice_no, method, "
      "reference, bank_charges_minor, reversed_on FROM payments";
  static constexpr const char* kAllocationSelect =
      "SELECT a.payment_id, a.invoice_no, a.amount_minor, a.kind, a.effective_date "
      "FROM allocations a";

  void migrate() {
    const auto& migrations = sqlite_migrations();
    int version = db_.execAndGet("PRAGMA user_version").getInt();
    if (version > static_cast<int>(migrations.size())) {
      throw DomainError("the database was written by a newer overdue (schema version " +
                        std::to_string(version) + ")");
    }
    for (size_t i = static_cast<size_t>(version); i < migrations.size(); ++i) {
      SQLite::Transaction tx(db_);
      db_.exec(std::string(migrations[i]));
      db_.exec("PRAGMA user_version = " + std::to_string(i + 1));
      tx.commit();
    }
  }

  static Customer read_customer(SQLite::Statement& st) {
    Customer c;
    c.id = st.getColumn(0).getString();
    c.name = st.getColumn(1).getString();
    c.country = st.getColumn(2).getString();
    c.language = parse_language(st.getColumn(3).getString()).value_or(Language::kEn);
    c.since = opt_date(st.getColumn(4));
    c.salesperson = st.getColumn(5).getString();
    c.insurance_policy = st.getColumn(6).getString();
    if (!st.getColumn(7).isNull()) {
      c.insured_limit = Money(Currency::of(st.getColumn(7).getString()), st.getColumn(8).getInt64());
    }
    return c;
  }

  static Contact read_contact(SQLite::Statement& st) {
    Contact c;
    c.customer_id = st.getColumn(0).getString();
    c.name = st.getColumn(1).getString();
    c.email = st.getColumn(2).getString();
    c.role = parse_contact_role(st.getColumn(3).getString()).value_or(ContactRole::kOther);
    c.phone = st.getColumn(4).getString();
    return c;
  }

  std::vector<Invoice> read_invoices(SQLite::Statement& st) {
    std::vector<Invoice> out;
    std::vector<int64_t> ids;
    while (st.executeStep()) {
      Invoice inv;
      ids.push_back(st.getColumn(0).getInt64());
      inv.invoice_no = st.getColumn(1).getString();
      inv.order_no = st.getColumn(2).getString();
      inv.customer_id = st.getColumn(3).getString();
      inv.currency = Currency::of(st.getColumn(4).getString());
      inv.issue_date = CivilDate::of(st.getColumn(5).getString());
      inv.ship_date = opt_date(st.getColumn(6));
      inv.received_date = opt_date(st.getColumn(7));
      inv.due_date = CivilDate::of(st.getColumn(8).getString());
      inv.terms = st.getColumn(9).getString();
      out.push_back(std::move(inv));
    }
    auto lines_lease = cache_.get(
        "SELECT product, quantity_milli, unit, unit_price_micro, amount_minor "
        "FROM invoice_lines WHERE invoice_id = ? ORDER BY line_no");
    SQLite::Statement& lines = *lines_lease;
    for (size_t i = 0; i < out.size(); ++i) {
      lines.reset();
      lines.bind(1, ids[i]);
      while (lines.executeStep()) {
        out[i].lines.push_back(InvoiceLine{lines.getColumn(0).getString(),
                                           Quantity{lines.getColumn(1).getInt64()},
                                           lines.getColumn(2).getString(),
                                           UnitPrice{lines.getColumn(3).getInt64()},
                                           lines.getColumn(4).getInt64()});
      }
    }
    return out;
  }

  static std::vector<engine::InvoiceBalance> read_balances(SQLite::Statement& st) {
    std::vector<engine::InvoiceBalance> out;
    std::unordered_map<std::string, Currency> currencies;
    while (st.executeStep()) {
      engine::InvoiceBalance b;
      b.invoice_no = st.getColumn(0).getString();
      b.customer_id = st.getColumn(1).getString();
      std::string code = st.getColumn(2).getString();
      auto it = currencies.find(code);
      if (it == currencies.end()) it = currencies.emplace(code, Currency::of(code)).first;
      b.currency = it->second;
      b.issue_date = CivilDate::of(st.getColumn(3).getText());
      b.due_date = CivilDate::of(st.getColumn(4).getText());
      b.total_minor = st.getColumn(5).getInt64();
      b.settled_minor = st.getColumn(6).getInt64();
      out.push_back(std::move(b));
    }
    return out;
  }

  Payment read_payment(SQLite::Statement& st) {
    Payment p;
    p.payment_id = st.getColumn(0).getString();
    p.customer_id = st.getColumn(1).getString();
    p.date = CivilDate::of(st.getColumn(2).getText());
    Currency currency = currencies_.of(st.getColumn(3).getText());
    p.amount = Money(currency, st.getColumn(4).getInt64());
    p.invoice_no = st.getColumn(5).getString();
    p.method = parse_payment_method(st.getColumn(6).getString()).value_or(PaymentMethod::kOther);
    p.reference = st.getColumn(7).getString();
    p.bank_charges = Money(currency, st.getColumn(8).getInt64());
    p.reversed_on = opt_date(st.getColumn(9));
    return p;
  }

  static std::vector<Allocation> read_allocations(SQLite::Statement& st) {
    std::vector<Allocation> out;
    while (st.executeStep()) {
      out.push_back(Allocation{
          st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getInt64(),
          parse_allocation_kind(st.getColumn(3).getString()).value_or(AllocationKind::kPayment),
          CivilDate::of(st.getColumn(4).getString())});
    }
    return out;
  }

  void write_payment(const Payment& p, bool replace) {
    auto st_lease = cache_.get(
        replace ? "UPDATE payments SET customer_id=?2, date=?3, currency=?4, amount_minor=?5, "
                  "invoice_no=?6, method=?7, reference=?8, bank_charges_minor=?9, "
                  "reversed_on=?10 WHERE payment_id=?1"
                : "INSERT INTO payments (payment_id, customer_id, date, currency, "
                  "amount_minor, invoice_no, method, reference, bank_charges_minor, "
                  "reversed_on) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
    SQLite::Statement& st = *st_lease;
    st.bind(1, p.payment_id);
    st.bind(2, p.customer_id);
    st.bind(3, p.date.iso());
    st.bind(4, p.amount.currency().str());
    st.bind(5, static_cast<int64_t>(p.amount.minor()));
    st.bind(6, p.invoice_no);
    st.bind(7, std::string(to_string(p.method)));
    st.bind(8, p.reference);
    st.bind(9, static_cast<int64_t>(p.bank_charges.minor()));
    bind_opt(st, 10, p.reversed_on);
    st.exec();
  }

  // Adds the lines of `inv`, numbered from 1, to `rows` under invoice `id`.
  static void add_lines(int64_t id, const Invoice& inv, NewInvoiceRows& rows) {
    int line_no = 0;
    for (const auto& l : inv.lines) {
      rows.lines.push_back(NewInvoiceRows::Line{id, ++line_no, l.product, l.quantity, l.unit,
                                                l.unit_price, l.amount_minor});
    }
  }

  SQLite::Database db_;

  StatementCache cache_{db_};
  CurrencyCache currencies_;
  SqliteInvoiceRows invoice_rows_{db_.getHandle()};
  std::unique_ptr<Outbox> outbox_ = make_sqlite_outbox(db_);
  std::unique_ptr<Inbox> inbox_ = make_sqlite_inbox(db_);
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
  return std::make_unique<SqliteStore>(path);
}

std::string resolve_db_path(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("OVERDUE_DB"); env && *env) return env;
  return "overdue.db";
}

}  // namespace overdue::store
