#include "engine/statement.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace overdue::engine {

Statement build_statement(const Customer& customer, const std::vector<Invoice>& invoices,
                          const std::vector<Payment>& payments,
                          const std::vector<Allocation>& allocations, const CivilDate& as_of) {
  Statement st;
  st.customer = customer;
  st.as_of = as_of;

  std::unordered_set<std::string> live_payments;
  for (const auto& p : payments) {
    bool reversed = p.reversed_on && *p.reversed_on <= as_of;
    if (p.date <= as_of && !reversed) live_payments.insert(p.payment_id);
  }
  struct Settled {
    int64_t paid = 0, charges = 0;
  };
  std::unordered_map<std::string, Settled> by_invoice;
  std::unordered_map<std::string, int64_t> applied_by_payment;
  for (const auto& a : allocations) {
    if (a.effective > as_of || !live_payments.count(a.payment_id)) continue;
    Settled& s = by_invoice[a.invoice_no];
    if (a.kind == AllocationKind::kPayment) {
      s.paid += a.amount_minor;
      applied_by_payment[a.payment_id] += a.amount_minor;
    } else {
      s.charges += a.amount_minor;
    }
  }

  std::map<Currency, StatementTotal> totals;
  auto total_for = [&](const Currency& c) -> StatementTotal& {
    auto [it, inserted] = totals.try_emplace(c);
    if (inserted) it->second.currency = c;
    return it->second;
  };
  for (const auto& inv : invoices) {
    if (inv.issue_date > as_of) continue;
    const Settled& s = by_invoice[inv.invoice_no];
    int64_t open = inv.total_minor() - s.paid - s.charges;
    if (open == 0) continue;
    StatementItem item{inv, s.paid, s.charges, open, as_of.days_since(inv.due_date)};
    StatementTotal& t = total_for(inv.currency);
    t.open_minor += open;
    if (item.days_overdue > 0) t.overdue_minor += open;
    st.items.push_back(std::move(item));
  }
  std::sort(st.items.begin(), st.items.end(), [](const StatementItem& a, const StatementItem& b) {
    if (a.invoice.due_date != b.invoice.due_date) return a.invoice.due_date < b.invoice.due_date;
    return a.invoice.invoice_no < b.invoice.invoice_no;
  });

  for (const auto& p : payments) {
    if (!live_payments.count(p.payment_id)) continue;
    int64_t unapplied = p.amount.minor() - applied_by_payment[p.payment_id];
    if (unapplied <= 0) continue;
    st.credits.push_back(StatementCredit{p, unapplied});
    total_for(p.amount.currency()).credit_minor += unapplied;
  }
  std::sort(st.credits.begin(), st.credits.end(),
            [](const StatementCredit& a, const StatementCredit& b) {
              if (a.payment.date != b.payment.date) return a.payment.date < b.payment.date;
              return a.payment.payment_id < b.payment.payment_id;
            });
  for (auto& [c, t] : totals) st.totals.push_back(t);
  return st;
}

}  // namespace overdue::engine
