#include "app/plan_loader.h"

#include <algorithm>
#include <unordered_map>

namespace overdue::app {

std::vector<engine::CustomerBook> load_customer_books(store::Store& store, const CivilDate& as_of,
                                                      const std::string& only_customer) {
  std::vector<engine::CustomerBook> books;
  std::unordered_map<std::string, size_t> index;
  for (auto& c : store.customers()) {
    if (!only_customer.empty() && c.id != only_customer) continue;
    index.emplace(c.id, books.size());
    engine::CustomerBook b;
    b.customer = std::move(c);
    b.facts.customer_id = b.customer.id;
    books.push_back(std::move(b));
  }
  auto book_of = [&](const std::string& id) -> engine::CustomerBook* {
    auto it = index.find(id);
    return it == index.end() ? nullptr : &books[it->second];
  };
  for (auto& c : store.all_contacts()) {
    if (auto* b = book_of(c.customer_id)) b->contacts.push_back(std::move(c));
  }
  // Invoices, then what settled them: allocations come ordered by invoice and date, so the day
  // an invoice was fully settled is where the running sum reaches its total.
  std::unordered_map<std::string, std::pair<size_t, size_t>> invoice_at;  // book, position
  for (auto& h : store.invoice_headers(as_of)) {
    engine::CustomerBook* b = book_of(h.customer_id);
    if (!b) continue;
    invoice_at.emplace(h.invoice_no, std::make_pair(index[h.customer_id], b->invoices.size()));
    b->invoices.push_back(engine::InvoiceView{std::move(h.invoice_no), h.currency, h.issue_date,
                                              h.ship_date, h.due_date, h.total_minor,
                                              h.total_minor, std::nullopt});
  }
  for (const auto& a : store.live_allocations(as_of)) {
    auto it = invoice_at.find(a.invoice_no);
    if (it == invoice_at.end()) continue;
    engine::InvoiceView& inv = books[it->second.first].invoices[it->second.second];
    inv.open_minor -= a.amount_minor;
    if (inv.open_minor <= 0 && !inv.settled_on) inv.settled_on = a.effective;
  }
  for (const auto& p : store.live_payments(as_of)) {
    if (auto* b = book_of(p.customer_id)) b->payments.push_back({p.date, p.amount});
  }
  for (auto& [id, facts] : store.all_case_facts(as_of)) {
    if (auto* b = book_of(id)) b->facts = std::move(facts);
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
