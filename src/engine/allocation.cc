#include "engine/allocation.h"

#include <algorithm>

namespace overdue::engine {

int64_t short_payment_tolerance(int64_t invoice_total_minor, const Currency& currency,
                                const PaymentsConfig& config) {
  int64_t by_share = invoice_total_minor * config.tolerance_basis_points / 10000;
  return std::min(by_share, config.tolerance_max_minor(currency));
}

AllocationResult allocate_payment(const Payment& payment, std::vector<OpenInvoice> candidates,
                                  const PaymentsConfig& tolerance,
                                  const std::function<bool(const std::string&)>& skip) {
  AllocationResult result;
  const Currency& currency = payment.amount.currency();
  std::vector<OpenInvoice> targets;
  if (!payment.invoice_no.empty()) {
    for (auto& inv : candidates) {
      if (inv.invoice_no == payment.invoice_no) targets.push_back(inv);
    }
    result.why.push_back("payment names invoice " + payment.invoice_no);
  } else {
    for (auto& inv : candidates) {
      if (inv.open_minor <= 0 || inv.issue_date > payment.date) continue;
      if (skip && skip(inv.invoice_no)) {
        result.why.push_back(inv.invoice_no + " skipped: under open dispute");
        continue;
      }
      targets.push_back(inv);
    }
    std::sort(targets.begin(), targets.end(), [](const OpenInvoice& a, const OpenInvoice& b) {
      return a.due_date != b.due_date ? a.due_date < b.due_date : a.invoice_no < b.invoice_no;
    });
    result.why.push_back("oldest due first over " + std::to_string(targets.size()) +
                         " open invoice(s) in " + currency.str());
  }

  int64_t cash = payment.amount.minor();
  int64_t charges = payment.bank_charges.minor();
  auto add = [&](const std::string& invoice_no, int64_t minor, AllocationKind kind) {
    result.allocations.push_back(Allocation{payment.payment_id, invoice_no, minor, kind,
                                            payment.date});
  };
  for (const auto& inv : targets) {
    if (cash <= 0 && charges <= 0) break;
    int64_t need = inv.open_minor;
    if (need <= 0) continue;
    int64_t from_cash = std::min(need, std::max<int64_t>(cash, 0));
    if (from_cash > 0) add(inv.invoice_no, from_cash, AllocationKind::kPayment);
    cash -= from_cash;
    need -= from_cash;
    int64_t from_charges = std::min(need, charges);
    if (from_charges > 0) {
      add(inv.invoice_no, from_charges, AllocationKind::kBankCharges);
      result.why.push_back(inv.invoice_no + ": " + format_minor(from_charges, currency) +
                           " settled by the bank charges stated on the payment");
    }
    charges -= from_charges;
    need -= from_charges;
    if (need > 0) {
      int64_t limit = short_payment_tolerance(inv.total_minor, currency, tolerance);
      if (need <= limit) {
        add(inv.invoice_no, need, AllocationKind::kShortPaymentTolerance);
        result.why.push_back(inv.invoice_no + ": short by " + format_minor(need, currency) +
                             ", within the tolerance of " + format_minor(limit, currency) +
                             ": closed as bank charges");
      } else {
        result.why.push_back(inv.invoice_no + ": " + format_minor(need, currency) +
                             " stays open");
      }
    }
  }
  result.unapplied_minor = std::max<int64_t>(cash, 0);
  if (result.unapplied_minor > 0) {
    result.why.push_back(format_minor(result.unapplied_minor, currency) +
                         " left as unapplied credit on the account");
  }
  return result;
}

}  // namespace overdue::engine
