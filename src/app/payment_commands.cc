#include "app/payment_commands.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace overdue::app {
namespace {

int64_t applied_cash(store::Store& store, const std::string& payment_id) {
  int64_t applied = 0;
  for (const auto& a : store.allocations_of_payment(payment_id)) {
    if (a.kind == AllocationKind::kPayment) applied += a.amount_minor;
  }
  return applied;
}

void record(CommandContext& ctx, const std::string& action, const std::string& subject,
            const nlohmann::json& detail) {
  ctx.store.journal(
      store::JournalEntry{0, "", ctx.actor, ctx.as_of.iso(), action, subject, detail.dump()});
}

}  // namespace

std::optional<engine::InvoiceBalance> live_balance(store::Store& store, const Invoice& inv) {
  for (const auto& b : store.balances_of(inv.customer_id, inv.currency)) {
    if (b.invoice_no == inv.invoice_no) return b;
  }
  return std::nullopt;
}

Result<std::string> allocate_manually(CommandContext& ctx, const std::string& payment_id,
                                      const std::string& invoice_no, const std::string& amount) {
  auto payment = ctx.store.find_payment(payment_id);
  if (!payment) return Error{"unknown payment '" + payment_id + "'"};
  if (payment->reversed_on) return Error{"payment " + payment_id + " was reversed on " + payment->reversed_on->iso()};
  auto invoice = ctx.store.find_invoice(invoice_no);
  if (!invoice) return Error{"unknown invoice '" + invoice_no + "'"};
  if (invoice->customer_id != payment->customer_id) {
    return Error{"invoice " + invoice_no + " belongs to " + invoice->customer_id + ", payment " +
                 payment_id + " came from " + payment->customer_id};
  }
  const Currency currency = payment->amount.currency();
  if (!(invoice->currency == currency)) {
    return Error{"invoice " + invoice_no + " is in " + invoice->currency.str() + ", payment " +
                 payment_id + " in " + currency.str() + ": never allocated across currencies"};
  }
  Result<Money> money = amount.find(' ') != std::string::npos ? Money::parse(amount)
                                                              : Money::parse(amount, currency);
  if (!money) return Error{"amount: " + money.error().message};
  if (!(money->currency() == currency)) {
    return Error{"amount is in " + money->currency().str() + ", the payment in " + currency.str()};
  }
  if (money->minor() <= 0) return Error{"amount must be greater than zero"};
  int64_t unapplied = payment->amount.minor() - applied_cash(ctx.store, payment_id);
  if (money->minor() > unapplied) {
    return Error{"over-allocation: payment " + payment_id + " has only " +
                 Money(currency, unapplied).str() + " unapplied"};
  }
  auto balance = live_balance(ctx.store, *invoice);
  int64_t open = balance ? balance->open_minor() : 0;
  if (money->minor() > open) {
    return Error{"over-allocation: invoice " + invoice_no + " has only " +
                 Money(currency, open).str() + " open"};
  }
  auto tx = ctx.store.begin();
  Allocation a{payment_id, invoice_no, money->minor(), AllocationKind::kPayment,
               std::max(ctx.as_of, payment->date)};
  ctx.store.insert_allocation(a);
  record(ctx, "payment.allocate", payment_id,
         {{"invoice_no", invoice_no},
          {"amount", money->plain()},
          {"currency", currency.str()},
          {"why", {"allocated by hand"}}});
  tx->commit();
  return "allocated " + money->str() + " of payment " + payment_id + " to invoice " + invoice_no;
}

Result<std::string> apply_credit(CommandContext& ctx, const std::string& customer_id,
                                 const std::string& invoice_no) {
  auto invoice = ctx.store.find_invoice(invoice_no);
  if (!invoice) return Error{"unknown invoice '" + invoice_no + "'"};
  if (invoice->customer_id != customer_id) {
    return Error{"invoice " + invoice_no + " belongs to " + invoice->customer_id + ", not " +
                 customer_id};
  }
  auto balance = live_balance(ctx.store, *invoice);
  int64_t open = balance ? balance->open_minor() : 0;
  if (open <= 0) return Error{"invoice " + invoice_no + " has nothing open"};
  std::vector<Payment> payments = ctx.store.payments_of(customer_id);
  auto tx = ctx.store.begin();
  int64_t applied_total = 0;
  nlohmann::json used = nlohmann::json::array();
  for (const auto& p : payments) {  // ordered by date, then id
    if (open <= 0) break;
    if (p.reversed_on || !(p.amount.currency() == invoice->currency) || p.date > ctx.as_of) {
      continue;
    }
    int64_t unapplied = p.amount.minor() - applied_cash(ctx.store, p.payment_id);
    int64_t take = std::min(unapplied, open);
    if (take <= 0) continue;
    ctx.store.insert_allocation(Allocation{p.payment_id, invoice_no, take,
                                           AllocationKind::kPayment, ctx.as_of});
    used.push_back({{"payment_id", p.payment_id}, {"amount", format_minor(take, invoice->currency)}});
    open -= take;
    applied_total += take;
  }
  if (applied_total == 0) {
    return Error{"customer " + customer_id + " has no unapplied credit in " +
                 invoice->currency.str() + " as of " + ctx.as_of.iso()};
  }
  record(ctx, "payment.apply_credit", invoice_no,
         {{"customer_id", customer_id},
          {"currency", invoice->currency.str()},
          {"from", used},
          {"why", {"unapplied credit applied oldest first"}}});
  tx->commit();
  return "applied " + Money(invoice->currency, applied_total).str() + " of credit to invoice " +
         invoice_no + "; " + Money(invoice->currency, open).str() + " still open";
}

Result<std::string> reverse_payment(CommandContext& ctx, const std::string& payment_id,
                                    const std::string& note) {
  auto payment = ctx.store.find_payment(payment_id);
  if (!payment) return Error{"unknown payment '" + payment_id + "'"};
  if (payment->reversed_on) {
    return Error{"payment " + payment_id + " was already reversed on " + payment->reversed_on->iso()};
  }
  if (ctx.as_of < payment->date) {
    return Error{"cannot reverse payment " + payment_id + " as of " + ctx.as_of.iso() +
                 ", before it was received (" + payment->date.iso() + ")"};
  }
  auto tx = ctx.store.begin();
  Payment reversed = *payment;
  reversed.reversed_on = ctx.as_of;
  ctx.store.replace_payment(reversed);
  nlohmann::json reopened = nlohmann::json::array();
  for (const auto& a : ctx.store.allocations_of_payment(payment_id)) {
    reopened.push_back({{"invoice_no", a.invoice_no},
                        {"amount", format_minor(a.amount_minor, payment->amount.currency())},
                        {"kind", to_string(a.kind)}});
  }
  record(ctx, "payment.reverse", payment_id,
         {{"note", note}, {"reopened", reopened}, {"amount", payment->amount.plain()},
          {"currency", payment->amount.currency().str()}});
  tx->commit();
  return "reversed payment " + payment_id + " (" + payment->amount.str() + ") as of " +
         ctx.as_of.iso() + "; " + std::to_string(reopened.size()) + " allocation(s) no longer count";
}

}  // namespace overdue::app
