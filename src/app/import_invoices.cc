// Import of invoices: one CSV row per invoice line, invoice-level fields repeated on each line.
#include <array>
#include <deque>
#include <unordered_map>

#include "app/import_parsers.h"
#include "domain/terms.h"

namespace overdue::app {
namespace {

// Invoice-level columns that must agree on every line of an invoice.
constexpr std::array<std::string_view, 8> kHeaderColumns = {
    "order_no", "customer_id", "currency",  "issue_date",
    "ship_date", "received_date", "due_date", "terms"};

struct PendingInvoice {
  Invoice invoice;
  std::array<std::string, kHeaderColumns.size()> header_text;  // as written on the first line
  const std::string* file = nullptr;  // points into the caller's list of files
  int line = 0;
  bool valid = true;
  bool currency_known = false;
};

std::optional<CivilDate> parse_optional_date(io::CsvTable& table, int column,
                                             std::string_view name, bool& good) {
  std::string_view text = table.get(column);
  if (text.empty()) return std::nullopt;
  auto d = CivilDate::parse(text);
  if (!d) {
    table.problem(name, d.error().message);
    good = false;
    return std::nullopt;
  }
  return d.value();
}

// Parses the invoice-level fields of the first line of an invoice.
bool parse_header(io::CsvTable& table, const std::array<int, kHeaderColumns.size()>& col,
                  const std::unordered_set<std::string>& customer_ids, Invoice& inv) {
  bool good = true;
  auto fail = [&](std::string_view column, std::string message) {
    table.problem(column, std::move(message));
    good = false;
  };
  inv.order_no = std::string(table.get(col[0]));
  inv.customer_id = std::string(table.get(col[1]));
  if (inv.customer_id.empty()) {
    fail("customer_id", "required");
  } else if (!customer_ids.count(inv.customer_id)) {
    fail("customer_id", "unknown customer '" + inv.customer_id + "' (import customers first)");
  }
  auto currency = Currency::parse(table.get(col[2]));
  if (currency) {
    inv.currency = currency.value();
  } else {
    fail("currency", currency.error().message);
  }
  auto issue = CivilDate::parse(table.get(col[3]));
  if (issue) {
    inv.issue_date = issue.value();
  } else {
    fail("issue_date", issue.error().message);
  }
  inv.ship_date = parse_optional_date(table, col[4], "ship_date", good);
  inv.received_date = parse_optional_date(table, col[5], "received_date", good);
  if (inv.ship_date && inv.received_date && *inv.received_date < *inv.ship_date) {
    fail("received_date", "the buyer cannot receive the goods (" + inv.received_date->iso() +
                              ") before they were shipped (" + inv.ship_date->iso() + ")");
  }
  std::string_view due_text = table.get(col[6]);
  std::string_view terms_text = table.get(col[7]);
  if (due_text.empty() == terms_text.empty()) {
    fail(due_text.empty() ? "due_date" : "terms",
         "give exactly one of due_date or terms (e.g. 60-BL) for invoice " + inv.invoice_no);
    return false;
  }
  if (!due_text.empty()) {
    auto due = CivilDate::parse(due_text);
    if (!due) {
      fail("due_date", due.error().message);
    } else {
      inv.due_date = due.value();
      if (issue && inv.due_date < inv.issue_date) {
        fail("due_date", "due date " + inv.due_date.iso() + " is before the issue date " +
                             inv.issue_date.iso());
      }
    }
  } else {
    auto terms = PaymentTerms::parse(terms_text);
    if (!terms) {
      fail("terms", terms.error().message);
    } else {
      inv.terms = terms->str();
      if (good) {
        auto due = due_date_for(terms.value(), {inv.issue_date, inv.ship_date, inv.received_date});
        if (due) {
          inv.due_date = due.value();
        } else {
          fail("terms", "invoice " + inv.invoice_no + ": " + due.error().message);
        }
      }
    }
  }
  return good;
}

// Parses one line's product columns; false (with problems reported) when invalid.
bool parse_line(io::CsvTable& table, const std::array<int, 5>& col, const Currency& currency,
                bool currency_known, InvoiceLine& line) {
  bool good = true;
  auto fail = [&](std::string_view column, std::string message) {
    table.problem(column, std::move(message));
    good = false;
  };
  line.product = std::string(table.get(col[0]));
  if (line.product.empty()) fail("product", "required");
  auto quantity = parse_scaled(table.get(col[1]), kQuantityScale);
  if (!quantity) {
    fail("quantity", quantity.error().message);
  } else if (quantity.value() <= 0) {
    fail("quantity", "must be greater than zero (credit notes are entered as payments with "
                     "method credit_note)");
  } else {
    line.quantity.milli = quantity.value();
  }
  line.unit = std::string(table.get(col[2]));
  auto price = parse_scaled(table.get(col[3]), kUnitPriceScale);
  if (!price) {
    fail("unit_price", price.error().message);
  } else if (price.value() < 0) {
    fail("unit_price", "must not be negative");
  } else {
    line.unit_price.micro = price.value();
  }
  if (!good || !currency_known) return false;
  line.amount_minor = line_amount_minor(line.quantity, line.unit_price, currency);
  if (std::string_view amount = table.get(col[4]); !amount.empty()) {
    auto given = Money::parse(amount, currency);
    if (!given) {
      fail("amount", given.error().message);
    } else if (given->minor() != line.amount_minor) {
      fail("amount", given->plain() + " does not equal quantity × unit_price = " +
                         format_minor(line.amount_minor, currency) + " " + currency.str() +
                         " (rounded half-even)");
    }
  }
  return good;
}

}  // namespace

void import_invoices(store::Store& store, const std::vector<std::string>& files,
                     const ImportOptions& options, ImportReport& report) {
  std::unordered_set<std::string> customer_ids = store.customer_ids();
  std::deque<PendingInvoice> pending;  // stable addresses: by_number views their invoice_no
  std::unordered_map<std::string_view, size_t> by_number;
  by_number.reserve(1024);
  for (const auto& file : files) {
    auto table = io::open_table(file, import_columns(ImportKind::kInvoices), report.problems);
    if (!table || !table->ok()) continue;
    if (!table->has_column("due_date") && !table->has_column("terms")) {
      report.problems.add(file, 1, 1, "missing column: give due_date or terms (or both columns)");
      continue;
    }
    std::array<int, kHeaderColumns.size()> header_col;
    for (size_t i = 0; i < kHeaderColumns.size(); ++i) header_col[i] = table->column(kHeaderColumns[i]);
    const int invoice_col = table->column("invoice_no");
    by_number.reserve(by_number.size() + table->size_hint() / 400);  // ~100 bytes a line, ~4 lines
    const std::array<int, 5> line_col = {table->column("product"), table->column("quantity"),
                                         table->column("unit"), table->column("unit_price"),
                                         table->column("amount")};
    while (table->next()) {
      ++report.rows;
      std::string_view number = table->get(invoice_col);
      if (number.empty()) {
        table->problem("invoice_no", "required");
        continue;
      }
      auto it = by_number.find(number);
      bool inserted = it == by_number.end();
      if (inserted) {
        PendingInvoice& p = pending.emplace_back();
        p.invoice.invoice_no = std::string(number);
        it = by_number.emplace(p.invoice.invoice_no, pending.size() - 1).first;
        p.file = &file;
        p.line = table->row_line();
        for (size_t i = 0; i < kHeaderColumns.size(); ++i) {
          p.header_text[i] = std::string(table->get(header_col[i]));
        }
        p.valid = parse_header(*table, header_col, customer_ids, p.invoice);
        p.currency_known = Currency::parse(p.header_text[2]).ok();
      } else {
        PendingInvoice& p = pending[it->second];
        for (size_t i = 0; i < kHeaderColumns.size(); ++i) {
          if (table->get(header_col[i]) != p.header_text[i]) {
            table->problem(kHeaderColumns[i],
                           "'" + std::string(table->get(header_col[i])) + "' differs from '" +
                               p.header_text[i] + "' on the first line of invoice " +
                               p.invoice.invoice_no + " (" + *p.file + ":" +
                               std::to_string(p.line) + ")");
            p.valid = false;
          }
        }
      }
      PendingInvoice& p = pending[it->second];
      InvoiceLine line;
      if (parse_line(*table, line_col, p.invoice.currency, p.currency_known, line)) {
        p.invoice.lines.push_back(std::move(line));
      } else {
        p.valid = false;
      }
    }
  }

  std::vector<const PendingInvoice*> to_insert;
  std::vector<const PendingInvoice*> to_replace;
  const bool store_has_invoices = store.invoice_count() > 0;
  for (const auto& p : pending) {
    if (!p.valid) continue;
    std::optional<Invoice> existing;
    if (store_has_invoices) existing = store.find_invoice(p.invoice.invoice_no);
    if (!existing) {
      to_insert.push_back(&p);
      continue;
    }
    if (*existing == p.invoice) {
      ++report.unchanged;
    } else if (!options.update) {
      report.problems.add(*p.file, p.line, 1,
                          "invoice " + p.invoice.invoice_no +
                              " already exists with different values; use --update to change it");
    } else if (existing->customer_id != p.invoice.customer_id ||
               !(existing->currency == p.invoice.currency)) {
      report.problems.add(*p.file, p.line, 1,
                          "invoice " + p.invoice.invoice_no +
                              ": --update cannot change the customer or currency of an invoice");
    } else {
      int64_t settled = 0;
      for (const auto& b : store.balances_of(p.invoice.customer_id, p.invoice.currency)) {
        if (b.invoice_no == p.invoice.invoice_no) settled = b.settled_minor;
      }
      if (settled > p.invoice.total_minor()) {
        report.problems.add(*p.file, p.line, 1,
                            "invoice " + p.invoice.invoice_no + ": new total " +
                                p.invoice.total().str() + " is less than the " +
                                format_minor(settled, p.invoice.currency) +
                                " already allocated to it; reverse payments first");
      } else {
        to_replace.push_back(&p);
      }
    }
  }
  if (!report.problems.empty()) return;
  std::vector<const Invoice*> new_invoices;
  new_invoices.reserve(to_insert.size());
  for (const PendingInvoice* p : to_insert) new_invoices.push_back(&p->invoice);
  store.insert_invoices(new_invoices);
  for (const PendingInvoice* p : to_replace) store.replace_invoice(p->invoice);
  report.inserted += to_insert.size();
  report.updated += to_replace.size();
}

}  // namespace overdue::app
