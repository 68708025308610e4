// Import of payments, each allocated to open invoices as it is recorded.
#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "app/import_parsers.h"
#include "app/pending_rows.h"
#include "engine/allocation.h"

namespace overdue::app {

void allocate_and_record(store::Store& store, const Payment& payment, const ImportOptions& options,
                         std::vector<std::string>& notes) {
  std::vector<engine::OpenInvoice> candidates;
  for (const auto& b : store.balances_of(payment.customer_id, payment.amount.currency())) {
    candidates.push_back(
        engine::OpenInvoice{b.invoice_no, b.issue_date, b.due_date, b.total_minor, b.open_minor()});
  }
  // Invoices under an open dispute are skipped unless the payment names them.
  const std::unordered_set<std::string> disputed =
      store.open_disputed_invoices(payment.customer_id);
  engine::AllocationResult result = engine::allocate_payment(
      payment, std::move(candidates), options.payments,
      [&disputed](const std::string& invoice_no) { return disputed.count(invoice_no) > 0; });
  nlohmann::json allocations = nlohmann::json::array();
  for (const auto& a : result.allocations) {
    store.insert_allocation(a);
    allocations.push_back({{"invoice_no", a.invoice_no},
                           {"amount", format_minor(a.amount_minor, payment.amount.currency())},
                           {"kind", to_string(a.kind)}});
  }
  nlohmann::json detail = {{"currency", payment.amount.currency().str()},
                           {"amount", payment.amount.plain()},
                           {"allocations", allocations},
                           {"unapplied", format_minor(result.unapplied_minor,
                                                      payment.amount.currency())},
                           {"why", result.why}};
  store.journal(store::JournalEntry{0, "", options.actor, options.as_of, "payment.allocate",
                                    payment.payment_id, detail.dump()});
  for (const auto& w : result.why) notes.push_back(payment.payment_id + ": " + w);
}

namespace {

bool same_money_facts(const Payment& a, const Payment& b) {
  return a.customer_id == b.customer_id && a.date == b.date && a.amount == b.amount &&
         a.invoice_no == b.invoice_no && a.bank_charges == b.bank_charges;
}

}  // namespace

void import_payments(store::Store& store, const std::vector<std::string>& files,
                     const ImportOptions& options, ImportReport& report) {
  std::unordered_set<std::string> customer_ids = store.customer_ids();
  PendingRows<std::string, Payment> pending;
  for (const auto& file : files) {
    auto table = io::open_table(file, import_columns(ImportKind::kPayments), report.problems);
    if (!table || !table->ok()) continue;
    while (table->next()) {
      ++report.rows;
      Payment p;
      bool good = true;
      auto fail = [&](std::string_view column, std::string message) {
        table->problem(column, std::move(message));
        good = false;
      };
      p.payment_id = std::string(table->get("payment_id"));
      if (p.payment_id.empty()) fail("payment_id", "required");
      p.customer_id = std::string(table->get("customer_id"));
      if (p.customer_id.empty()) {
        fail("customer_id", "required");
      } else if (!customer_ids.count(p.customer_id)) {
        fail("customer_id", "unknown customer '" + p.customer_id + "' (import customers first)");
      }
      auto date = CivilDate::parse(table->get("date"));
      if (date) {
        p.date = date.value();
      } else {
        fail("date", date.error().message);
      }
      auto currency = Currency::parse(table->get("currency"));
      if (!currency) {
        fail("currency", currency.error().message);
        continue;
      }
      auto amount = Money::parse(table->get("amount"), currency.value());
      if (!amount) {
        fail("amount", amount.error().message);
      } else if (amount->minor() <= 0) {
        fail("amount", "must be greater than zero (use 'overdue payment reverse' to undo a payment)");
      } else {
        p.amount = amount.value();
      }
      p.bank_charges = Money::zero(currency.value());
      if (std::string_view charges = table->get("bank_charges"); !charges.empty()) {
        auto c = Money::parse(charges, currency.value());
        if (!c) {
          fail("bank_charges", c.error().message);
        } else if (c->is_negative()) {
          fail("bank_charges", "must not be negative");
        } else {
          p.bank_charges = c.value();
        }
      }
      if (std::string_view method = table->get("method"); !method.empty()) {
        if (auto m = parse_payment_method(method)) {
          p.method = *m;
        } else {
          fail("method", "'" + std::string(method) + "' is not a payment method (allowed: " +
                             allowed_payment_methods() + ")");
        }
      }
      p.reference = std::string(table->get("reference"));
      p.invoice_no = std::string(table->get("invoice_no"));
      if (!p.invoice_no.empty() && good) {
        auto inv = store.find_invoice(p.invoice_no);
        if (!inv) {
          fail("invoice_no", "unknown invoice '" + p.invoice_no + "' (import invoices first)");
        } else if (inv->customer_id != p.customer_id) {
          fail("invoice_no", "invoice " + p.invoice_no + " belongs to customer " +
                                 inv->customer_id + ", not " + p.customer_id);
        } else if (!(inv->currency == currency.value())) {
          fail("invoice_no", "invoice " + p.invoice_no + " is in " + inv->currency.str() +
                                 ", the payment in " + currency->str() +
                                 "; payments are never allocated across currencies");
        }
      }
      if (good) pending.add(p.payment_id, p, *table, "payment_id", "payment " + p.payment_id);
    }
  }
  std::vector<const Payment*> to_insert, updates;
  // A stored payment compares without its reversal, which imports never carry.
  auto find = [&](const std::string& id) {
    auto existing = store.find_payment(id);
    if (existing) existing->reversed_on.reset();
    return existing;
  };
  pending.reconcile(
      find, [](const Payment&, const Payment& p) {
        return "payment " + p.payment_id + " already exists with different values";
      },
      [](const Payment& old, const Payment& p) -> std::string {
        if (same_money_facts(old, p)) return {};
        return "payment " + p.payment_id +
               ": --update changes only method and reference; to correct the customer, date, "
               "amounts or invoice, reverse it ('overdue payment reverse " + p.payment_id +
               "') and import the corrected payment under a new id";
      },
      options, report, to_insert, updates);
  if (!report.problems.empty()) return;
  for (const Payment* p : updates) {
    Payment changed = *p;
    changed.reversed_on = store.find_payment(p->payment_id)->reversed_on;
    store.replace_payment(changed);
  }
  report.updated += updates.size();
  std::stable_sort(to_insert.begin(), to_insert.end(), [](const Payment* a, const Payment* b) {
    if (a->date != b->date) return a->date < b->date;
    return a->payment_id < b->payment_id;
  });
  for (const Payment* p : to_insert) {
    store.insert_payment(*p);
    allocate_and_record(store, *p, options, report.notes);
  }
  report.inserted += to_insert.size();
}

}  // namespace overdue::app
