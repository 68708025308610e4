#include "app/plan_loader.h"

#include <algorithm>

namespace overdue::app {

namespace {

// Walks the books (sorted by customer id) alongside a list sorted the same way: a merge join,
// no hashing of a million keys.
class BookCursor {
 public:
  explicit BookCursor(std::vector<engine::CustomerBook>& books) : books_(books) {}
  engine::CustomerBook* find(const std::string& customer_id) {
    while (next_ < books_.size() && books_[next_].customer.id < customer_id) ++next_;
    if (next_ < books_.size() && books_[next_].customer.id == customer_id) return &books_[next_];
    return nullptr;
  }

 private:
  std::vector<engine::CustomerBook>& books_;
  size_t next_ = 0;
};

}  // namespace

std::vector<engine::CustomerBook> load_customer_books(store::Store& store, const CivilDate& as_of,
                                                      const std::string& only_customer) {
  std::vector<engine::CustomerBook> books;
  for (auto& c : store.customers()) {  // sorted by id
    if (!only_customer.empty() && c.id != only_customer) continue;
    engine::CustomerBook b;
    b.customer = std::move(c);
    b.facts.customer_id = b.customer.id;
    books.push_back(std::move(b));
  }
  {
    BookCursor cursor(books);
    for (auto& c : store.all_contacts()) {  // sorted by customer, email
      if (auto* b = cursor.find(c.customer_id)) b->contacts.push_back(std::move(c));
    }
  }
  // Invoices (sorted by customer), then what settled them: with both sides sorted by invoice
  // number, the day an invoice was fully settled is where the running sum reaches its total.
  std::vector<engine::InvoiceView*> by_number;
  {
    BookCursor cursor(books);
    for (auto& h : store.invoice_headers(as_of)) {
      engine::CustomerBook* b = cursor.find(h.customer_id);
      if (!b) continue;
      b->invoices.push_back(engine::InvoiceView{std::move(h.invoice_no), h.currency, h.issue_date,
                                                h.ship_date, h.due_date, h.total_minor,
                                                h.total_minor, std::nullopt});
    }
  }
  for (auto& b : books) {
    for (auto& inv : b.invoices) by_number.push_back(&inv);
  }
  std::sort(by_number.begin(), by_number.end(),
            [](const engine::InvoiceView* a, const engine::InvoiceView* b) {
              return a->invoice_no < b->invoice_no;
            });
  size_t next = 0;
  for (const auto& a : store.live_allocations(as_of)) {  // sorted by invoice, date
    while (next < by_number.size() && by_number[next]->invoice_no < a.invoice_no) ++next;
    if (next == by_number.size() || by_number[next]->invoice_no != a.invoice_no) continue;
    engine::InvoiceView& inv = *by_number[next];
    inv.open_minor -= a.amount_minor;
    if (inv.open_minor <= 0 && !inv.settled_on) inv.settled_on = a.effective;
  }
  {
    BookCursor cursor(books);
    for (const auto& p : store.live_payments(as_of)) {  // sorted by customer, date
      if (auto* b = cursor.find(p.customer_id)) b->payments.push_back({p.date, p.amount});
    }
  }
  {
    BookCursor cursor(books);
    for (auto& [id, facts] : store.all_case_facts(as_of)) {  // std::map: sorted by id
      if (auto* b = cursor.find(id)) b->facts = std::move(facts);
    }
  }
  // Replies waiting for a person: few, so found one by one.
  for (const auto& r : store.inbox().list("review", only_customer)) {
    if (r.customer_id.empty() || r.received > as_of) continue;
    auto it = std::lower_bound(books.begin(), books.end(), r.customer_id,
                               [](const engine::CustomerBook& b, const std::string& id) {
                                 return b.customer.id < id;
                               });
    if (it != books.end() && it->customer.id == r.customer_id) {
      it->facts.replies_to_review.push_back({r.id, r.received, r.note});
    }
  }
  return books;
}

std::vector<engine::PlanEntry> plan_book(store::Store& store, const engine::Policy& policy,
                                         const CivilDate& as_of, const std::string& only_customer,
                                         bool include_waits) {
  std::vector<engine::PlanEntry> entries;
  for (const auto& book : load_customer_books(store, as_of, only_customer)) {
    auto entry = engine::plan_customer(book, policy, as_of);
    if (entry && (include_waits || entry->has_work())) entries.push_back(std::move(*entry));
  }
  return entries;
}

}  // namespace overdue::app
