#include "report/statement_report.h"

#include <nlohmann/json.hpp>

#include "io/csv.h"
#include "report/text_table.h"

namespace overdue::report {

std::string unit_price_text(UnitPrice price, const Currency& currency) {
  return format_scaled(price.micro, kUnitPriceScale, currency.minor_digits());
}

std::string quantity_text(Quantity quantity) {
  return format_scaled(quantity.milli, kQuantityScale, 0);
}

namespace {

std::string opt_iso(const std::optional<CivilDate>& d) { return d ? d->iso() : ""; }

std::string overdue_text(int days) {
  if (days == 1) return "1 day overdue";
  if (days > 0) return std::to_string(days) + " days overdue";
  if (days == 0) return "due today";
  if (days == -1) return "due tomorrow";
  return "due in " + std::to_string(-days) + " days";
}

std::string render_text(const engine::Statement& st) {
  const Customer& c = st.customer;
  std::string out = "Statement of account as of " + st.as_of.iso() + "\n";
  out += c.name + " (" + c.id + ", " + c.country + ")";
  if (!c.salesperson.empty()) out += "  salesperson: " + c.salesperson;
  out += "\n";
  if (!c.insurance_policy.empty()) {
    out += "insured under " + c.insurance_policy;
    if (c.insured_limit) out += ", credit limit " + c.insured_limit->str();
    out += "\n";
  }
  if (st.items.empty() && st.credits.empty()) return out + "\nNothing is open.\n";
  for (const auto& item : st.items) {
    const Invoice& inv = item.invoice;
    out += "\n" + inv.invoice_no;
    if (!inv.order_no.empty()) out += "  order " + inv.order_no;
    out += "  issued " + inv.issue_date.iso();
    if (inv.ship_date) out += "  shipped " + inv.ship_date->iso();
    if (inv.received_date) out += "  received " + inv.received_date->iso();
    out += "\n  due " + inv.due_date.iso();
    if (!inv.terms.empty()) out += " (terms " + inv.terms + ")";
    out += ", " + overdue_text(item.days_overdue) + "\n";
    TextTable t;
    t.columns({{"product", Align::kLeft},
               {"quantity", Align::kRight},
               {"unit", Align::kLeft},
               {"unit price", Align::kRight},
               {"amount " + inv.currency.str(), Align::kRight}});
    for (const auto& line : inv.lines) {
      t.row({line.product, quantity_text(line.quantity), line.unit,
             unit_price_text(line.unit_price, inv.currency),
             format_minor(line.amount_minor, inv.currency, true)});
    }
    out += t.render(2);
    out += "  invoice total " + inv.total().str() + "   paid " +
           format_minor(item.paid_minor, inv.currency, true);
    if (item.bank_charges_minor != 0) {
      out += "   bank charges " + format_minor(item.bank_charges_minor, inv.currency, true);
    }
    out += "   open " + format_minor(item.open_minor, inv.currency, true) + "\n";
  }
  if (!st.credits.empty()) {
    out += "\nUnapplied credits (payments received but not yet matched to an invoice)\n";
    TextTable t;
    t.columns({{"payment", Align::kLeft},
               {"date", Align::kLeft},
               {"reference", Align::kLeft},
               {"cur", Align::kLeft},
               {"unapplied", Align::kRight}});
    for (const auto& cr : st.credits) {
      t.row({cr.payment.payment_id, cr.payment.date.iso(), cr.payment.reference,
             cr.payment.amount.currency().str(),
             format_minor(cr.unapplied_minor, cr.payment.amount.currency(), true)});
    }
    out += t.render();
  }
  out += "\nTotals per currency\n";
  TextTable t;
  t.columns({{"cur", Align::kLeft},
             {"open", Align::kRight},
             {"of which overdue", Align::kRight},
             {"unapplied credit", Align::kRight},
             {"balance due", Align::kRight}});
  for (const auto& tot : st.totals) {
    t.row({tot.currency.str(), format_minor(tot.open_minor, tot.currency, true),
           format_minor(tot.overdue_minor, tot.currency, true),
           format_minor(tot.credit_minor, tot.currency, true),
           format_minor(tot.net_minor(), tot.currency, true)});
  }
  return out + t.render();
}

std::string render_json(const engine::Statement& st) {
  const Customer& c = st.customer;
  nlohmann::ordered_json j;
  j["report"] = "statement";
  j["as_of"] = st.as_of.iso();
  j["customer"] = {{"customer_id", c.id},
                   {"name", c.name},
                   {"country", c.country},
                   {"language", to_string(c.language)},
                   {"salesperson", c.salesperson},
                   {"insurance_policy", c.insurance_policy},
                   {"insured_limit", c.insured_limit ? nlohmann::ordered_json{
                                                           {"currency", c.insured_limit->currency().str()},
                                                           {"amount", c.insured_limit->plain()}}
                                                     : nlohmann::ordered_json(nullptr)}};
  j["items"] = nlohmann::ordered_json::array();
  for (const auto& item : st.items) {
    const Invoice& inv = item.invoice;
    nlohmann::ordered_json lines = nlohmann::ordered_json::array();
    for (const auto& line : inv.lines) {
      lines.push_back({{"product", line.product},
                       {"quantity", quantity_text(line.quantity)},
                       {"unit", line.unit},
                       {"unit_price", unit_price_text(line.unit_price, inv.currency)},
                       {"amount", format_minor(line.amount_minor, inv.currency)}});
    }
    j["items"].push_back({{"invoice_no", inv.invoice_no},
                          {"order_no", inv.order_no},
                          {"currency", inv.currency.str()},
                          {"issue_date", inv.issue_date.iso()},
                          {"ship_date", opt_iso(inv.ship_date)},
                          {"received_date", opt_iso(inv.received_date)},
                          {"due_date", inv.due_date.iso()},
                          {"terms", inv.terms},
                          {"days_overdue", item.days_overdue},
                          {"lines", lines},
                          {"total", format_minor(inv.total_minor(), inv.currency)},
                          {"paid", format_minor(item.paid_minor, inv.currency)},
                          {"bank_charges", format_minor(item.bank_charges_minor, inv.currency)},
                          {"open", format_minor(item.open_minor, inv.currency)}});
  }
  j["credits"] = nlohmann::ordered_json::array();
  for (const auto& cr : st.credits) {
    const Currency& cur = cr.payment.amount.currency();
    j["credits"].push_back({{"payment_id", cr.payment.payment_id},
                            {"date", cr.payment.date.iso()},
                            {"currency", cur.str()},
                            {"reference", cr.payment.reference},
                            {"amount", cr.payment.amount.plain()},
                            {"unapplied", format_minor(cr.unapplied_minor, cur)}});
  }
  j["totals"] = nlohmann::ordered_json::array();
  for (const auto& t : st.totals) {
    j["totals"].push_back({{"currency", t.currency.str()},
                           {"open", format_minor(t.open_minor, t.currency)},
                           {"overdue", format_minor(t.overdue_minor, t.currency)},
                           {"unapplied_credit", format_minor(t.credit_minor, t.currency)},
                           {"balance_due", format_minor(t.net_minor(), t.currency)}});
  }
  return j.dump(2) + "\n";
}

std::string render_csv(const engine::Statement& st) {
  std::string out =
      "record,customer_id,currency,invoice_no,order_no,issue_date,ship_date,received_date,"
      "due_date,days_overdue,line_no,product,quantity,unit,unit_price,amount,invoice_total,paid,"
      "bank_charges,open,payment_id,payment_date,reference,unapplied\n";
  const std::string id = io::csv_escape(st.customer.id);
  for (const auto& item : st.items) {
    const Invoice& inv = item.invoice;
    const Currency& cur = inv.currency;
    int line_no = 0;
    for (const auto& line : inv.lines) {
      out += "line," + id + "," + cur.str() + "," + io::csv_escape(inv.invoice_no) + "," +
             io::csv_escape(inv.order_no) + "," + inv.issue_date.iso() + "," +
             opt_iso(inv.ship_date) + "," + opt_iso(inv.received_date) + "," +
             inv.due_date.iso() + "," + std::to_string(item.days_overdue) + "," +
             std::to_string(++line_no) + "," + io::csv_escape(line.product) + "," +
             quantity_text(line.quantity) + "," + io::csv_escape(line.unit) + "," +
             unit_price_text(line.unit_price, cur) + "," + format_minor(line.amount_minor, cur) +
             "," + format_minor(inv.total_minor(), cur) + "," +
             format_minor(item.paid_minor, cur) + "," +
             format_minor(item.bank_charges_minor, cur) + "," +
             format_minor(item.open_minor, cur) + ",,,,\n";
    }
  }
  for (const auto& cr : st.credits) {
    const Currency& cur = cr.payment.amount.currency();
    out += "credit," + id + "," + cur.str() + ",,,,,,,,,,,,,,,,,," +
           io::csv_escape(cr.payment.payment_id) + "," + cr.payment.date.iso() + "," +
           io::csv_escape(cr.payment.reference) + "," + format_minor(cr.unapplied_minor, cur) +
           "\n";
  }
  return out;
}

}  // namespace

std::string render_statement(const engine::Statement& statement, Format format) {
  switch (format) {
    case Format::kJson:
      return render_json(statement);
    case Format::kCsv:
      return render_csv(statement);
    default:
      return render_text(statement);
  }
}

}  // namespace overdue::report
