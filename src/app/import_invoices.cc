// Import of invoices: one CSV row per invoice line, invoice-level fields repeated on each line.
// This thread parses and checks the rows while an InvoiceWriter writes the new invoices on a
// second one: an invoice's header goes out when the next invoice starts, and a line that comes
// back to it later adds to its stored total. Any problem rolls the whole import back.
#include <array>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "app/import_parsers.h"
#include "app/invoice_numbers.h"
#include "app/invoice_writer.h"
#include "app/payment_commands.h"
#include "domain/terms.h"

namespace overdue::app {
namespace {

// Invoice-level columns that must agree on every line of an invoice.
constexpr std::array<std::string_view, 8> kHeaderColumns = {
    "order_no", "customer_id", "currency",  "issue_date",
    "ship_date", "received_date", "due_date", "terms"};

// Lines in a batch for the writer: big enough to amortise the hand-over, small enough to overlap.
constexpr size_t kBatchLines = 4096;

// What is kept of every invoice read. The views point into the files' text, which lives as long
// as the import.
struct PendingInvoice {
  std::array<std::string_view, kHeaderColumns.size()> header_text;  // as on the first line
  const std::string* file = nullptr;  // points into the caller's list of files
  int line = 0;
  int lines = 0;                     // valid lines sent to the writer
  std::optional<Currency> currency;  // when the first line's is known
  bool valid = true;
};

// The column indexes of one file.
struct Columns {
  explicit Columns(const io::CsvTable& table)
      : invoice(table.column("invoice_no")),
        line{table.column("product"), table.column("quantity"), table.column("unit"),
             table.column("unit_price"), table.column("amount")} {
    for (size_t i = 0; i < kHeaderColumns.size(); ++i) header[i] = table.column(kHeaderColumns[i]);
  }
  int invoice;
  std::array<int, kHeaderColumns.size()> header;
  std::array<int, 5> line;
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

// Parses one line's product columns; false (with problems reported) when invalid. The line's
// text stays in the file.
bool parse_line(io::CsvTable& table, const std::array<int, 5>& col,
                const std::optional<Currency>& currency, store::NewInvoiceRows::Line& line) {
  bool good = true;
  auto fail = [&](std::string_view column, std::string message) {
    table.problem(column, std::move(message));
    good = false;
  };
  line.product = table.get(col[0]);
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
  line.unit = table.get(col[2]);
  auto price = parse_scaled(table.get(col[3]), kUnitPriceScale);
  if (!price) {
    fail("unit_price", price.error().message);
  } else if (price.value() < 0) {
    fail("unit_price", "must not be negative");
  } else {
    line.unit_price.micro = price.value();
  }
  if (!good || !currency) return false;
  line.amount_minor = line_amount_minor(line.quantity, line.unit_price, *currency);
  if (std::string_view amount = table.get(col[4]); !amount.empty()) {
    auto given = Money::parse(amount, *currency);
    if (!given) {
      fail("amount", given.error().message);
    } else if (given->minor() != line.amount_minor) {
      fail("amount", given->plain() + " does not equal quantity × unit_price = " +
                         format_minor(line.amount_minor, *currency) + " " + currency->str() +
                         " (rounded half-even)");
    }
  }
  return good;
}

// Reads the rows of invoice files, checks them and streams the new invoices to the writer.
class InvoiceReader {
 public:
  InvoiceReader(const std::unordered_set<std::string>& customer_ids, io::Problems& problems,
                InvoiceWriter& writer)
      : customer_ids_(customer_ids), problems_(problems), writer_(writer) {}

  // Reads every row of `table`, read from `file`, counting them in `rows`.
  void read(io::CsvTable& table, const std::string& file, size_t& rows);
  // Hands what is left to the writer.
  void finish();
  const PendingInvoice& pending(size_t seq) const { return pending_[seq]; }

 private:
  static constexpr size_t kNone = InvoiceNumbers::kNone;

  // The invoice being read, not yet handed to the writer (the last one started, while current).
  struct OpenInvoice {
    size_t seq;
    Invoice header;
    int64_t total_minor = 0;
  };

  size_t find(std::string_view number) const;
  // Hands the open invoice's header to the batch, and the batch to the writer when full.
  void leave_current();
  size_t start(io::CsvTable& table, const Columns& col, std::string_view number,
               const std::string& file);
  void check_header(io::CsvTable& table, const Columns& col, size_t seq);
  void add_line(io::CsvTable& table, const Columns& col, size_t seq);
  void send_batch();

  const std::unordered_set<std::string>& customer_ids_;
  io::Problems& problems_;
  InvoiceWriter& writer_;
  InvoiceNumbers numbers_;
  std::vector<PendingInvoice> pending_;  // by seq
  size_t current_ = kNone;               // the invoice of the last row read
  std::optional<OpenInvoice> open_;
  ParsedInvoices batch_;
};

void InvoiceReader::read(io::CsvTable& table, const std::string& file, size_t& rows) {
  const Columns col(table);
  const size_t expected = pending_.size() + table.size_hint() / 400;  // ~100 bytes a line, ~4 lines
  numbers_.reserve(expected);
  pending_.reserve(expected);
  while (table.next()) {
    ++rows;
    std::string_view number = table.get(col.invoice);
    if (number.empty()) {
      table.problem("invoice_no", "required");
      continue;
    }
    size_t seq = find(number);
    if (seq != current_) leave_current();
    if (seq == kNone) {
      seq = start(table, col, number, file);
    } else {
      check_header(table, col, seq);
    }
    current_ = seq;
    add_line(table, col, seq);
  }
}

void InvoiceReader::finish() {
  leave_current();
  if (!batch_.headers.empty() || !batch_.lines.empty()) send_batch();
}

size_t InvoiceReader::find(std::string_view number) const {
  if (current_ != kNone && numbers_[current_] == number) return current_;
  return numbers_.find(number);
}

void InvoiceReader::leave_current() {
  if (open_) {
    batch_.headers.push_back({open_->seq, std::move(open_->header), open_->total_minor});
    open_.reset();
  }
  if (batch_.lines.size() >= kBatchLines) send_batch();
}

size_t InvoiceReader::start(io::CsvTable& table, const Columns& col, std::string_view number,
                            const std::string& file) {
  size_t seq = numbers_.add(number);
  PendingInvoice& p = pending_.emplace_back();
  p.file = &file;
  p.line = table.row_line();
  for (size_t i = 0; i < kHeaderColumns.size(); ++i) p.header_text[i] = table.get(col.header[i]);
  Invoice header;
  header.invoice_no = std::string(number);
  p.valid = parse_header(table, col.header, customer_ids_, header);
  if (auto currency = Currency::parse(p.header_text[2])) p.currency = currency.value();
  if (p.valid) open_ = OpenInvoice{seq, std::move(header)};
  return seq;
}

void InvoiceReader::check_header(io::CsvTable& table, const Columns& col, size_t seq) {
  PendingInvoice& p = pending_[seq];
  for (size_t i = 0; i < kHeaderColumns.size(); ++i) {
    std::string_view text = table.get(col.header[i]);
    if (text == p.header_text[i]) continue;
    table.problem(kHeaderColumns[i],
                  "'" + std::string(text) + "' differs from '" + std::string(p.header_text[i]) +
                      "' on the first line of invoice " + std::string(numbers_[seq]) + " (" +
                      *p.file + ":" + std::to_string(p.line) + ")");
    p.valid = false;
  }
}

void InvoiceReader::add_line(io::CsvTable& table, const Columns& col, size_t seq) {
  PendingInvoice& p = pending_[seq];
  ParsedInvoices::Line line{seq, !(open_ && open_->seq == seq), {}};
  if (!parse_line(table, col.line, p.currency, line.row)) {
    p.valid = false;
    return;
  }
  if (!p.valid) return;  // never written
  line.row.line_no = ++p.lines;
  if (!line.late) open_->total_minor += line.row.amount_minor;
  batch_.lines.push_back(line);
}

void InvoiceReader::send_batch() {
  batch_.insert = problems_.empty();
  writer_.send(std::move(batch_));
  batch_ = ParsedInvoices();
  batch_.lines.reserve(kBatchLines + kBatchLines / 4);
}

// Compares the invoices found in the store (valid ones only) with what the files say: unchanged,
// an update to make, or a problem.
void reconcile(store::Store& store, const InvoiceReader& reader,
               const std::vector<std::pair<size_t, Invoice>>& existing,
               const ImportOptions& options, ImportReport& report,
               std::vector<const Invoice*>& to_replace) {
  for (const auto& [seq, invoice] : existing) {
    const PendingInvoice& p = reader.pending(seq);
    if (!p.valid) continue;
    std::optional<Invoice> stored = store.find_invoice(invoice.invoice_no);
    if (!stored) throw DomainError("invoice " + invoice.invoice_no + " vanished during import");
    if (*stored == invoice) {
      ++report.unchanged;
    } else if (!options.update) {
      report.problems.add(*p.file, p.line, 1,
                          "invoice " + invoice.invoice_no +
                              " already exists with different values; use --update to change it");
    } else if (stored->customer_id != invoice.customer_id ||
               !(stored->currency == invoice.currency)) {
      report.problems.add(*p.file, p.line, 1,
                          "invoice " + invoice.invoice_no +
                              ": --update cannot change the customer or currency of an invoice");
    } else {
      auto balance = live_balance(store, invoice);
      int64_t settled = balance ? balance->settled_minor : 0;
      if (settled > invoice.total_minor()) {
        report.problems.add(*p.file, p.line, 1,
                            "invoice " + invoice.invoice_no + ": new total " +
                                invoice.total().str() + " is less than the " +
                                format_minor(settled, invoice.currency) +
                                " already allocated to it; reverse payments first");
      } else {
        to_replace.push_back(&invoice);
      }
    }
  }
}

}  // namespace

void import_invoices(store::Store& store, const std::vector<std::string>& files,
                     const ImportOptions& options, ImportReport& report) {
  const std::unordered_set<std::string> customer_ids = store.customer_ids();
  const bool store_has_invoices = store.invoice_count() > 0;
  std::deque<io::CsvTable> tables;  // their text backs the views the reader and writer hold
  InvoiceWriter writer(store, store_has_invoices);
  InvoiceReader reader(customer_ids, report.problems, writer);
  for (const auto& file : files) {
    auto table = io::open_table(file, import_columns(ImportKind::kInvoices), report.problems);
    if (!table || !table->ok()) continue;
    if (!table->has_column("due_date") && !table->has_column("terms")) {
      report.problems.add(file, 1, 1, "missing column: give due_date or terms (or both columns)");
      continue;
    }
    reader.read(tables.emplace_back(std::move(*table)), file, report.rows);
  }
  reader.finish();
  writer.finish();

  std::vector<const Invoice*> to_replace;
  reconcile(store, reader, writer.existing(), options, report, to_replace);
  if (!report.problems.empty()) return;
  for (const Invoice* inv : to_replace) store.replace_invoice(*inv);
  report.inserted += writer.inserted();
  report.updated += to_replace.size();
}

}  // namespace overdue::app
