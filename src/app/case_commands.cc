#include "app/case_commands.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

namespace overdue::app {
namespace {

// Later than any date a command can be given: case_facts up to it sees every event.
const CivilDate kEndOfTime(9999, 12, 31);

void record(CommandContext& ctx, const std::string& action, const std::string& subject,
            const nlohmann::json& detail) {
  ctx.store.journal(
      store::JournalEntry{0, "", ctx.actor, ctx.as_of.iso(), action, subject, detail.dump()});
}

Result<Customer> require_customer(store::Store& store, const std::string& customer_id) {
  auto customer = store.find_customer(customer_id);
  if (!customer) return Error{"unknown customer '" + customer_id + "'"};
  return *customer;
}

// What the customer has open as of the date, per currency (only currencies with something open).
std::map<Currency, int64_t> open_by_currency(store::Store& store, const std::string& customer_id,
                                             const CivilDate& as_of) {
  std::map<Currency, int64_t> open;
  for (const auto& b : store.balances_of_customer(customer_id, as_of)) {
    if (b.open_minor() > 0) open[b.currency] += b.open_minor();
  }
  return open;
}

std::string currency_list(const std::map<Currency, int64_t>& open) {
  std::string out;
  for (const auto& [currency, minor] : open) out += (out.empty() ? "" : ", ") + currency.str();
  return out;
}

bool has_letter(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isalpha(c) != 0; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// True for the tail of a grouped amount split at its comma ("000.00" of "USD 5,000.00").
bool is_group_tail(std::string_view piece) {
  piece = trim(piece);
  return !piece.empty() && std::isdigit(static_cast<unsigned char>(piece.front())) &&
         std::all_of(piece.begin(), piece.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0 || c == '.' || c == ' '; });
}

// Every dispute ever recorded for the customer, whatever its date.
std::vector<DisputeRecord> disputes_of(store::Store& store, const std::string& customer_id) {
  return store.case_facts(customer_id, kEndOfTime).disputes;
}

const DisputeRecord* open_dispute_on(const std::vector<DisputeRecord>& disputes,
                                     const std::string& invoice_no) {
  for (const auto& d : disputes) {
    if (d.invoice_no == invoice_no && !d.resolved_on) return &d;
  }
  return nullptr;
}

}  // namespace

Result<std::string> set_reason(CommandContext& ctx, const std::string& customer_id,
                               const std::string& code, const std::string& note) {
  if (auto c = require_customer(ctx.store, customer_id); !c) return c.error();
  auto reason = parse_reason(code);
  if (!reason) return Error{"'" + code + "' is not a reason (allowed: " + allowed_reasons() + ")"};
  auto tx = ctx.store.begin();
  ctx.store.add_reason(customer_id, ReasonRecord{*reason, ctx.as_of, "manual", note});
  record(ctx, "reason.set", customer_id,
         {{"reason", to_string(*reason)}, {"source", "manual"}, {"note", note}});
  tx->commit();
  return "reason of " + customer_id + " set to " + std::string(to_string(*reason)) + " as of " +
         ctx.as_of.iso();
}

Result<std::string> record_promise(CommandContext& ctx, const std::string& customer_id,
                                   const std::string& date, const std::string& amount,
                                   const std::vector<std::string>& invoices) {
  if (auto c = require_customer(ctx.store, customer_id); !c) return c.error();
  auto pay_by = CivilDate::parse(date);
  if (!pay_by) return Error{"--date: " + pay_by.error().message};
  if (*pay_by < ctx.as_of) {
    return Error{"--date: the promised date " + pay_by->iso() + " is before --as-of " +
                 ctx.as_of.iso()};
  }
  const std::map<Currency, int64_t> open = open_by_currency(ctx.store, customer_id, ctx.as_of);
  if (open.empty()) {
    return Error{"customer " + customer_id + " has nothing open as of " + ctx.as_of.iso() +
                 ": there is nothing to promise"};
  }
  std::vector<std::string> covered;
  std::vector<Invoice> named;
  for (const auto& invoice_no : invoices) {
    if (std::find(covered.begin(), covered.end(), invoice_no) != covered.end()) continue;
    auto inv = ctx.store.find_invoice(invoice_no);
    if (!inv) return Error{"--invoice: unknown invoice '" + invoice_no + "'"};
    if (inv->customer_id != customer_id) {
      return Error{"--invoice: invoice " + invoice_no + " belongs to " + inv->customer_id +
                   ", not " + customer_id};
    }
    covered.push_back(invoice_no);
    named.push_back(std::move(*inv));
  }
  std::optional<Money> promised;
  if (!amount.empty()) {
    Result<Money> money = Error{""};
    if (has_letter(amount)) {
      money = Money::parse(amount);
    } else if (open.size() == 1) {
      money = Money::parse(amount, open.begin()->first);
    } else {
      return Error{"--amount: give the currency, e.g. \"USD 5000\" (" + customer_id + " owes in " +
                   currency_list(open) + ")"};
    }
    if (!money) return Error{"--amount: " + money.error().message};
    if (money->minor() <= 0) return Error{"--amount: must be greater than zero"};
    if (!open.count(money->currency())) {
      return Error{"--amount: " + customer_id + " has nothing open in " + money->currency().str() +
                   " as of " + ctx.as_of.iso() + " (open: " + currency_list(open) + ")"};
    }
    for (const auto& inv : named) {
      if (!(inv.currency == money->currency())) {
        return Error{"--invoice: invoice " + inv.invoice_no + " is in " + inv.currency.str() +
                     ", the promised amount in " + money->currency().str()};
      }
    }
    promised = *money;
  }
  auto tx = ctx.store.begin();
  ctx.store.add_promise(customer_id,
                        PromiseRecord{ctx.as_of, *pay_by, promised, covered, "manual"});
  record(ctx, "promise.record", customer_id,
         {{"date", pay_by->iso()},
          {"amount", promised ? nlohmann::json(promised->plain()) : nullptr},
          {"currency", promised ? nlohmann::json(promised->currency().str()) : nullptr},
          {"invoices", covered},
          {"source", "manual"}});
  tx->commit();
  std::string what = promised ? promised->str() : std::string("payment");
  std::string which = "everything overdue";
  if (!covered.empty()) {
    which.clear();
    for (const auto& n : covered) which += (which.empty() ? "" : ", ") + n;
  }
  return "promise of " + customer_id + " recorded: " + what + " by " + pay_by->iso() + " (" +
         which + ")";
}

Result<std::string> open_dispute(CommandContext& ctx, const std::string& invoice_no,
                                 const std::string& category, bool our_fault,
                                 const std::string& note) {
  auto inv = ctx.store.find_invoice(invoice_no);
  if (!inv) return Error{"unknown invoice '" + invoice_no + "'"};
  auto cat = parse_dispute_category(category);
  if (!cat) {
    return Error{"--category: '" + category +
                 "' is not a dispute category (allowed: " + allowed_dispute_categories() + ")"};
  }
  if (ctx.as_of < inv->issue_date) {
    return Error{"cannot open a dispute on " + invoice_no + " as of " + ctx.as_of.iso() +
                 ": it was issued on " + inv->issue_date.iso()};
  }
  const std::vector<DisputeRecord> disputes = disputes_of(ctx.store, inv->customer_id);
  if (const DisputeRecord* d = open_dispute_on(disputes, invoice_no)) {
    return Error{"invoice " + invoice_no + " already has an open dispute (" +
                 std::string(to_string(d->category)) + ", opened " + d->opened_on.iso() + ")"};
  }
  for (const auto& d : disputes) {
    if (d.invoice_no == invoice_no && d.resolved_on && *d.resolved_on > ctx.as_of) {
      return Error{"cannot open a dispute on " + invoice_no + " as of " + ctx.as_of.iso() +
                   ": its previous dispute was resolved later, on " + d.resolved_on->iso()};
    }
  }
  auto tx = ctx.store.begin();
  DisputeRecord dispute;
  dispute.invoice_no = invoice_no;
  dispute.category = *cat;
  dispute.our_fault = our_fault;
  dispute.opened_on = ctx.as_of;
  dispute.note = note;
  ctx.store.open_dispute(inv->customer_id, dispute);
  ctx.store.add_reason(inv->customer_id, ReasonRecord{Reason::kDispute, ctx.as_of, "manual",
                                                      "dispute opened on " + invoice_no});
  record(ctx, "dispute.open", invoice_no,
         {{"customer_id", inv->customer_id},
          {"category", to_string(*cat)},
          {"our_fault", our_fault},
          {"note", note},
          {"reason", "dispute"}});
  tx->commit();
  return "dispute opened on " + invoice_no + " (" + std::string(to_string(*cat)) +
         (our_fault ? ", our fault" : "") + ") as of " + ctx.as_of.iso() + "; reason of " +
         inv->customer_id + " set to dispute; automatic allocation skips " + invoice_no +
         " until it is resolved";
}

Result<std::string> resolve_dispute(CommandContext& ctx, const std::string& invoice_no,
                                    const std::string& credit, const std::string& note) {
  auto inv = ctx.store.find_invoice(invoice_no);
  if (!inv) return Error{"unknown invoice '" + invoice_no + "'"};
  const std::vector<DisputeRecord> disputes = disputes_of(ctx.store, inv->customer_id);
  const DisputeRecord* dispute = open_dispute_on(disputes, invoice_no);
  if (!dispute) return Error{"invoice " + invoice_no + " has no open dispute"};
  if (ctx.as_of < dispute->opened_on) {
    return Error{"cannot resolve the dispute on " + invoice_no + " as of " + ctx.as_of.iso() +
                 ": it was opened on " + dispute->opened_on.iso()};
  }
  std::optional<Money> credit_note;
  int64_t open_after = 0;
  std::string credit_id;
  if (!credit.empty()) {
    Result<Money> money =
        has_letter(credit) ? Money::parse(credit) : Money::parse(credit, inv->currency);
    if (!money) return Error{"--credit: " + money.error().message};
    if (!(money->currency() == inv->currency)) {
      return Error{"--credit: the credit is in " + money->currency().str() + ", invoice " +
                   invoice_no + " in " + inv->currency.str()};
    }
    if (money->minor() <= 0) return Error{"--credit: must be greater than zero"};
    auto balance = live_balance(ctx.store, *inv);
    int64_t open = balance ? balance->open_minor() : 0;
    if (money->minor() > open) {
      return Error{"--credit: " + money->str() + " is more than the " +
                   Money(inv->currency, std::max<int64_t>(open, 0)).str() + " open on invoice " +
                   invoice_no};
    }
    credit_note = *money;
    open_after = open - money->minor();
    for (int n = 1;; ++n) {
      credit_id = "CN-" + invoice_no + "-" + std::to_string(n);
      if (!ctx.store.find_payment(credit_id)) break;
    }
  }
  auto tx = ctx.store.begin();
  if (credit_note) {
    Payment p;
    p.payment_id = credit_id;
    p.customer_id = inv->customer_id;
    p.date = ctx.as_of;
    p.amount = *credit_note;
    p.invoice_no = invoice_no;
    p.method = PaymentMethod::kCreditNote;
    p.reference = "dispute resolution";
    p.bank_charges = Money::zero(inv->currency);
    ctx.store.insert_payment(p);
    ctx.store.insert_allocation(Allocation{credit_id, invoice_no, credit_note->minor(),
                                           AllocationKind::kPayment, ctx.as_of});
    record(ctx, "payment.allocate", credit_id,
           {{"currency", inv->currency.str()},
            {"amount", credit_note->plain()},
            {"allocations",
             {{{"invoice_no", invoice_no},
               {"amount", credit_note->plain()},
               {"kind", to_string(AllocationKind::kPayment)}}}},
            {"unapplied", format_minor(0, inv->currency)},
            {"why", {"credit note granted on resolving the dispute on " + invoice_no}}});
  }
  ctx.store.resolve_dispute(inv->customer_id, invoice_no, ctx.as_of, credit_note, note);
  record(ctx, "dispute.resolve", invoice_no,
         {{"customer_id", inv->customer_id},
          {"opened_on", dispute->opened_on.iso()},
          {"credit", credit_note ? nlohmann::json(credit_note->plain()) : nullptr},
          {"currency", inv->currency.str()},
          {"credit_note", credit_id},
          {"note", note}});
  tx->commit();
  std::string out = "dispute on " + invoice_no + " resolved as of " + ctx.as_of.iso();
  if (credit_note) {
    out += "; credit note " + credit_id + " of " + credit_note->str() + " allocated, " +
           Money(inv->currency, open_after).str() + " still open";
  }
  return out;
}

Result<std::vector<Instalment>> parse_schedule(std::string_view text) {
  if (trim(text).empty()) {
    return Error{"empty schedule (expected DATE:AMOUNT,…, e.g. 2026-04-01:USD 5000)"};
  }
  struct Piece {
    size_t column;  // 1-based
    std::string text;
  };
  std::vector<Piece> items;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view piece = text.substr(start, comma - start);
    if (!items.empty() && is_group_tail(piece) &&
        items.back().text.find(':') != std::string::npos) {
      items.back().text += "," + std::string(piece);  // "USD 5" + ",000.00"
    } else {
      size_t leading = piece.find_first_not_of(" \t");
      if (leading == std::string_view::npos) leading = 0;
      items.push_back(Piece{start + leading + 1, std::string(piece)});
    }
    start = comma + 1;
  }
  std::vector<Instalment> schedule;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string where =
        "instalment " + std::to_string(i + 1) + " at column " + std::to_string(items[i].column);
    std::string_view item = trim(items[i].text);
    size_t colon = item.find(':');
    if (item.empty()) return Error{where + ": empty (expected DATE:AMOUNT)"};
    if (colon == std::string_view::npos) {
      return Error{where + ": '" + std::string(item) +
                   "' is not DATE:AMOUNT (e.g. 2026-04-01:USD 5000)"};
    }
    auto date = CivilDate::parse(trim(item.substr(0, colon)));
    if (!date) return Error{where + ": " + date.error().message};
    auto amount = Money::parse(trim(item.substr(colon + 1)));
    if (!amount) return Error{where + ": " + amount.error().message};
    if (amount->minor() <= 0) return Error{where + ": the amount must be greater than zero"};
    schedule.push_back(Instalment{*date, *amount});
  }
  return schedule;
}

Result<std::string> record_instalments(CommandContext& ctx, const std::string& customer_id,
                                       const std::string& schedule_text) {
  if (auto c = require_customer(ctx.store, customer_id); !c) return c.error();
  auto parsed = parse_schedule(schedule_text);
  if (!parsed) return Error{"--schedule: " + parsed.error().message};
  const std::vector<Instalment>& schedule = *parsed;
  const Currency currency = schedule.front().amount.currency();
  int64_t total = 0;
  for (size_t i = 0; i < schedule.size(); ++i) {
    const std::string name = "instalment " + std::to_string(i + 1);
    if (!(schedule[i].amount.currency() == currency)) {
      return Error{"--schedule: " + name + " is in " + schedule[i].amount.currency().str() +
                   ", instalment 1 in " + currency.str() + ": one currency per plan"};
    }
    if (i == 0 && schedule[i].date < ctx.as_of) {
      return Error{"--schedule: " + name + " (" + schedule[i].date.iso() + ") is before --as-of " +
                   ctx.as_of.iso()};
    }
    if (i > 0 && schedule[i].date <= schedule[i - 1].date) {
      return Error{"--schedule: " + name + " (" + schedule[i].date.iso() +
                   ") is not after instalment " + std::to_string(i) + " (" +
                   schedule[i - 1].date.iso() + "); dates must be strictly increasing"};
    }
    total += schedule[i].amount.minor();
  }
  const std::map<Currency, int64_t> open = open_by_currency(ctx.store, customer_id, ctx.as_of);
  auto owed = open.find(currency);
  if (owed == open.end()) {
    return Error{"--schedule: " + customer_id + " has nothing open in " + currency.str() +
                 " as of " + ctx.as_of.iso() +
                 (open.empty() ? std::string() : " (open: " + currency_list(open) + ")")};
  }
  auto tx = ctx.store.begin();
  ctx.store.add_instalment_plan(customer_id, InstalmentPlan{ctx.as_of, schedule});
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : schedule)
    items.push_back({{"date", i.date.iso()}, {"amount", i.amount.plain()}});
  record(ctx, "instalments.agree", customer_id,
         {{"currency", currency.str()},
          {"total", format_minor(total, currency)},
          {"schedule", items}});
  tx->commit();
  return "instalment plan of " + customer_id + " recorded: " + std::to_string(schedule.size()) +
         " instalment(s), " + Money(currency, total).str() + " from " +
         schedule.front().date.iso() + " to " + schedule.back().date.iso() + " (" +
         Money(currency, owed->second).str() + " open as of " + ctx.as_of.iso() + ")";
}

Result<std::string> record_step(CommandContext& ctx, const std::string& customer_id,
                                const std::string& action, const std::string& note) {
  if (auto c = require_customer(ctx.store, customer_id); !c) return c.error();
  auto step = parse_action(action);
  if (!step) return Error{"'" + action + "' is not an action (allowed: " + allowed_actions() + ")"};
  if (*step == Action::kWait) {
    return Error{
        "wait is not a step that can be done (it means nothing is due); record the "
        "step that was carried out"};
  }
  auto tx = ctx.store.begin();
  ctx.store.add_step(customer_id, StepRecord{*step, ctx.as_of, note});
  record(ctx, "step.done", customer_id,
         {{"action", to_string(*step)},
          {"stage", ladder_stage(*step) >= 0 ? nlohmann::json(ladder_stage(*step)) : nullptr},
          {"note", note}});
  tx->commit();
  return "step " + std::string(to_string(*step)) + " of " + customer_id + " recorded as done on " +
         ctx.as_of.iso();
}

Result<CaseReport> load_case(store::Store& store, const std::string& customer_id,
                             const CivilDate& as_of) {
  auto customer = require_customer(store, customer_id);
  if (!customer) return customer.error();
  CaseReport report{*customer, as_of, store.case_facts(customer_id, as_of), {}};
  const std::string cutoff = as_of.iso();
  for (auto& e : store.journal_about_customer(customer_id)) {
    if (e.as_of <= cutoff) report.journal.push_back(std::move(e));
  }
  return report;
}

}  // namespace overdue::app
