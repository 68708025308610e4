#include "mail/letter.h"

#include <kainjow/mustache.hpp>

#include <algorithm>

#include "mail/letter_text.h"

namespace overdue::mail {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

data flag(bool b) { return b ? data(data::type::bool_true) : data(data::type::bool_false); }

// The address part of "Name <addr>" (or the whole text).
std::string bare_address(const std::string& from) {
  auto lt = from.find('<');
  if (lt == std::string::npos) return from;
  return from.substr(lt + 1, from.find('>', lt) - lt - 1);
}

data invoice_data(const LetterInvoice& li, Language lang) {
  const Invoice& inv = li.invoice;
  data d;
  d.set("invoice_no", inv.invoice_no);
  d.set("has_order_no", flag(!inv.order_no.empty()));
  d.set("order_no", inv.order_no);
  d.set("currency", inv.currency.str());
  d.set("issue_date", letter_date(inv.issue_date, lang));
  d.set("has_ship_date", flag(inv.ship_date.has_value()));
  d.set("ship_date", inv.ship_date ? letter_date(*inv.ship_date, lang) : "");
  d.set("has_receipt_date", flag(inv.received_date.has_value()));
  d.set("receipt_date", inv.received_date ? letter_date(*inv.received_date, lang) : "");
  d.set("due_date", letter_date(inv.due_date, lang));
  d.set("is_overdue", flag(li.days_overdue > 0));
  d.set("days_overdue", std::to_string(std::max(li.days_overdue, 0)));
  d.set("days_to_due", std::to_string(std::max(-li.days_overdue, 0)));
  d.set("due_today", flag(li.days_overdue == 0));
  d.set("due_later", flag(li.days_overdue < 0));
  d.set("total", letter_money(inv.total()));
  int64_t paid = inv.total_minor() - li.open_minor;
  d.set("has_paid", flag(paid != 0));
  d.set("paid", letter_money(Money(inv.currency, paid)));
  d.set("open", letter_money(Money(inv.currency, li.open_minor)));
  d.set("disputed", flag(li.disputed));
  data lines(data::type::list);
  for (const auto& l : inv.lines) {
    data line;
    line.set("product", l.product);
    line.set("quantity", letter_quantity(l.quantity));
    line.set("unit", l.unit);
    line.set("unit_price", letter_unit_price(l.unit_price, inv.currency));
    line.set("amount", letter_money(Money(inv.currency, l.amount_minor)));
    lines.push_back(line);
  }
  d.set("lines", lines);
  return d;
}

struct Context {
  data root;
  Language lang = Language::kEn;
};

Result<Context> build_context(const LetterInput& in, const CompanyConfig& company) {
  Context c;
  c.lang = letter_language(in);
  const Language lang = c.lang;
  const bool en = lang == Language::kEn;
  data& d = c.root;

  std::vector<std::string> names;
  bool to_owner = false;
  for (const auto& contact : in.to) {
    if (!contact.name.empty()) names.push_back(contact.name);
    to_owner = to_owner || contact.role == ContactRole::kOwner;
  }
  d.set("salutation", join_names(names, lang, en ? "Sir or Madam" : "客户"));
  d.set("to_owner", flag(to_owner));
  d.set("date", letter_date(in.date, lang));

  const Customer& reader = in.peer ? *in.peer : in.customer;
  data customer;
  customer.set("name", reader.name);
  customer.set("id", reader.id);
  d.set("customer", customer);

  data co;
  co.set("name", !en && !company.name_zh.empty() ? company.name_zh : company.name);
  co.set("address", company.address);
  co.set("email", bare_address(company.reply_to.empty() ? company.from : company.reply_to));
  d.set("company", co);
  d.set("writer", !in.customer.salesperson.empty() ? in.customer.salesperson : company.signer);
  d.set("has_pay_by", flag(in.pay_by.has_value()));
  d.set("pay_by", in.pay_by ? letter_date(*in.pay_by, lang) : "");
  d.set("has_reply", flag(in.reply_date.has_value()));
  d.set("reply_date", in.reply_date ? letter_date(*in.reply_date, lang) : "");

  if (in.action == Action::kPeerInquiry) {
    // Written to another customer: nothing of the late buyer's account goes in.
    data subject;
    subject.set("name", in.customer.name);
    subject.set("country", country_name(in.customer.country, lang));
    d.set("subject", subject);
    d.set("invoice_list", "");
    d.set("single", flag(false));
    d.set("invoices", data(data::type::list));
    d.set("totals", data(data::type::list));
    d.set("banks", data(data::type::list));
    return c;
  }

  std::string invoice_list;
  data invoices(data::type::list);
  for (const auto& li : in.invoices) {
    invoice_list += (invoice_list.empty() ? "" : ", ") + li.invoice.invoice_no;
    invoices.push_back(invoice_data(li, lang));
  }
  d.set("invoice_list", invoice_list);
  d.set("single", flag(in.invoices.size() == 1));
  d.set("invoices", invoices);

  data totals(data::type::list);
  data banks(data::type::list);
  std::vector<std::string> missing;
  for (const auto& [currency, minor] : in.totals) {
    data t;
    t.set("currency", currency.str());
    t.set("open", letter_money(Money(currency, minor)));
    totals.push_back(t);
    auto it = company.banks.find(currency.str());
    if (it == company.banks.end()) {
      missing.push_back("[company.bank." + currency.str() + "]");
      continue;
    }
    const BankAccount& b = it->second;
    data bank;
    bank.set("currency", currency.str());
    bank.set("beneficiary", b.beneficiary);
    bank.set("bank", b.bank);
    bank.set("swift", b.swift);
    bank.set("account", b.account);
    bank.set("has_bank_address", flag(!b.bank_address.empty()));
    bank.set("bank_address", b.bank_address);
    banks.push_back(bank);
  }
  if (!missing.empty()) {
    std::string keys;
    for (const auto& k : missing) keys += (keys.empty() ? "" : ", ") + k;
    return Error{"no bank details for " + keys + " in " +
                 (company.source.empty() ? std::string("the config") : company.source) + ": the letter to " +
                 in.customer.id + " asks for payment in that currency (add beneficiary, bank, "
                 "swift and account under " + missing.front() + ")"};
  }
  d.set("totals", totals);
  d.set("banks", banks);
  d.set("has_undisputed", flag(!in.totals.empty()));

  data disputes(data::type::list);
  for (const auto& dr : in.disputes) {
    data x;
    x.set("invoice_no", dr.invoice_no);
    x.set("category", dispute_category_name(dr.category, lang));
    x.set("has_note", flag(!dr.note.empty()));
    x.set("note", dr.note);
    disputes.push_back(x);
  }
  d.set("disputes", disputes);

  data instalments(data::type::list);
  int number = 0;
  for (const auto& inst : in.instalments) {
    data x;
    x.set("number", std::to_string(++number));
    x.set("date", letter_date(inst.date, lang));
    x.set("amount", letter_money(inst.amount));
    instalments.push_back(x);
  }
  d.set("instalments", instalments);
  d.set("extension_date", in.pay_by ? letter_date(*in.pay_by, lang) : "");
  d.set("has_referrer", flag(!in.referrer.empty()));
  d.set("referrer", in.referrer);
  return c;
}

Result<std::string> render_one(const TemplateText& t, data& context) {
  mustache tmpl(t.text);
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  if (!tmpl.is_valid()) return Error{t.origin + ": " + tmpl.error_message()};
  std::string out = tmpl.render(context);
  if (!tmpl.is_valid()) return Error{t.origin + ": " + tmpl.error_message()};
  return out;
}

// Collapses runs of more than one empty line (left by sections that rendered nothing) and
// trailing spaces; ends with one newline.
std::string tidy(const std::string& text) {
  std::string out;
  int newlines = 0;
  std::string line;
  auto flush_line = [&](bool end) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    if (line.empty()) {
      ++newlines;
    } else {
      newlines = 0;
    }
    if (newlines <= 1 || !line.empty()) out += line;
    if (!end && newlines <= 1) out += '\n';
    line.clear();
  };
  for (char ch : text) {
    if (ch == '\n') {
      flush_line(false);
    } else {
      line += ch;
    }
  }
  flush_line(true);
  while (!out.empty() && out.front() == '\n') out.erase(out.begin());
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

Result<RenderedLetter> render(const LetterInput& in, const CompanyConfig& company,
                              const TemplateSet& templates, bool prose_only) {
  if (!is_letter(in.action) && in.action != Action::kFollowUpCall) {
    return Error{std::string(to_string(in.action)) + " is not a letter"};
  }
  auto missing = company.missing_for_letters();
  if (!missing.empty()) {
    std::string message;
    for (const auto& m : missing) message += (message.empty() ? "" : "\n") + m;
    return Error{message};
  }
  auto context = build_context(in, company);
  if (!context) return context.error();
  Context c = context.value();
  for (const auto& partial : partial_names()) {
    std::string name = partial.substr(1);  // "_facts" is {{> facts}}
    bool table = name == "facts" || name == "bank";
    c.root.set(name, prose_only && table ? std::string() : templates.get(c.lang, partial).text);
  }
  TemplateText t = templates.get(c.lang, std::string(to_string(in.action)));
  if (t.text.empty()) return Error{t.origin + ": no such template"};
  auto text = render_one(t, c.root);
  if (!text) return text.error();
  const std::string& all = text.value();
  auto eol = all.find('\n');
  if (all.rfind("Subject: ", 0) != 0 || eol == std::string::npos) {
    return Error{t.origin + ":1:1: expected \"Subject: …\" on the first line"};
  }
  RenderedLetter out;
  out.language = c.lang;
  out.subject = all.substr(9, eol - 9);
  while (!out.subject.empty() && out.subject.back() == ' ') out.subject.pop_back();
  out.body = tidy(all.substr(eol + 1));
  return out;
}

}  // namespace

Language letter_language(const LetterInput& in) {
  return in.peer ? in.peer->language : in.customer.language;
}

Result<RenderedLetter> render_letter(const LetterInput& in, const CompanyConfig& company,
                                     const TemplateSet& templates) {
  return render(in, company, templates, false);
}

Result<RenderedLetter> render_prose(const LetterInput& in, const CompanyConfig& company,
                                    const TemplateSet& templates) {
  return render(in, company, templates, true);
}

}  // namespace overdue::mail
