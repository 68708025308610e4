#include "store/sqlite_invoice_rows.h"

#include <SQLiteCpp/Exception.h>

#include <algorithm>

namespace overdue::store {
namespace {

constexpr size_t kInvoiceBatch = 64;
constexpr size_t kLineBatch = 128;
constexpr int kInvoiceColumns = 11;
constexpr int kLineColumns = 7;
constexpr std::string_view kInvoiceTable =
    "invoices (id, invoice_no, order_no, customer_id, currency, issue_date, ship_date, "
    "received_date, due_date, terms, total_minor)";
constexpr std::string_view kLineTable =
    "invoice_lines (invoice_id, line_no, product, quantity_milli, unit, unit_price_micro, "
    "amount_minor)";

// Binds text that outlives the statement's next step (SQLITE_STATIC: no copy).
int bind_text(sqlite3_stmt* st, int at, std::string_view text) {
  return sqlite3_bind_text(st, at, text.data() ? text.data() : "", static_cast<int>(text.size()),
                           SQLITE_STATIC);
}

// Binds the date as "YYYY-MM-DD" (what CivilDate::iso gives), formatted into `out`.
int bind_date(sqlite3_stmt* st, int at, const CivilDate& d, char (&out)[10]) {
  date::year_month_day ymd{d.sys_days()};
  int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    std::string iso = d.iso();
    return sqlite3_bind_text(st, at, iso.data(), static_cast<int>(iso.size()), SQLITE_TRANSIENT);
  }
  auto put = [&](int from, int digits, unsigned value) {
    for (int i = from + digits - 1; i >= from; --i, value /= 10) {
      out[i] = static_cast<char>('0' + value % 10);
    }
  };
  put(0, 4, static_cast<unsigned>(year));
  out[4] = '-';
  put(5, 2, static_cast<unsigned>(ymd.month()));
  out[7] = '-';
  put(8, 2, static_cast<unsigned>(ymd.day()));
  return sqlite3_bind_text(st, at, out, 10, SQLITE_STATIC);
}

int bind_date(sqlite3_stmt* st, int at, const std::optional<CivilDate>& d, char (&out)[10]) {
  return d ? bind_date(st, at, *d, out) : sqlite3_bind_null(st, at);
}

}  // namespace

void SqliteInvoiceRows::append(const NewInvoiceRows& rows) {
  struct HeaderDates {
    char issue[10], ship[10], received[10], due[10];
  };
  HeaderDates dates[kInvoiceBatch];  // the text of the dates bound in one statement
  insert_all(rows.invoices.size(), kInvoiceBatch, invoice_inserts_, kInvoiceTable, kInvoiceColumns,
             [&](sqlite3_stmt* st, size_t i, size_t r, int at) {
               const NewInvoiceRows::Header& h = rows.invoices[i];
               const Invoice& inv = h.invoice;
               check(sqlite3_bind_int64(st, at, h.id));
               check(bind_text(st, at + 1, inv.invoice_no));
               check(bind_text(st, at + 2, inv.order_no));
               check(bind_text(st, at + 3, inv.customer_id));
               check(bind_text(st, at + 4, inv.currency.code()));
               check(bind_date(st, at + 5, inv.issue_date, dates[r].issue));
               check(bind_date(st, at + 6, inv.ship_date, dates[r].ship));
               check(bind_date(st, at + 7, inv.received_date, dates[r].received));
               check(bind_date(st, at + 8, inv.due_date, dates[r].due));
               check(bind_text(st, at + 9, inv.terms));
               check(sqlite3_bind_int64(st, at + 10, h.total_minor));
             });
  insert_all(rows.lines.size(), kLineBatch, line_inserts_, kLineTable, kLineColumns,
             [&](sqlite3_stmt* st, size_t i, size_t, int at) {
               const NewInvoiceRows::Line& l = rows.lines[i];
               check(sqlite3_bind_int64(st, at, l.invoice_id));
               check(sqlite3_bind_int(st, at + 1, l.line_no));
               check(bind_text(st, at + 2, l.product));
               check(sqlite3_bind_int64(st, at + 3, l.quantity.milli));
               check(bind_text(st, at + 4, l.unit));
               check(sqlite3_bind_int64(st, at + 5, l.unit_price.micro));
               check(sqlite3_bind_int64(st, at + 6, l.amount_minor));
             });
  if (rows.total_increases.empty()) return;
  sqlite3_stmt* st =
      prepare(add_to_total_, "UPDATE invoices SET total_minor = total_minor + ?2 WHERE id = ?1");
  for (const auto& [id, minor] : rows.total_increases) {
    check(sqlite3_bind_int64(st, 1, id));
    check(sqlite3_bind_int64(st, 2, minor));
    run(st);
  }
}

bool SqliteInvoiceRows::has_invoice(std::string_view invoice_no) {
  sqlite3_stmt* st = prepare(find_, "SELECT 1 FROM invoices WHERE invoice_no = ?");
  check(bind_text(st, 1, invoice_no));
  int rc = sqlite3_step(st);
  int reset = sqlite3_reset(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) check(reset);
  return rc == SQLITE_ROW;
}

template <typename Bind>
void SqliteInvoiceRows::insert_all(size_t count, size_t batch, std::map<size_t, Statement>& cache,
                                   std::string_view table_and_columns, int columns, Bind bind) {
  for (size_t start = 0; start < count; start += batch) {
    size_t rows = std::min(batch, count - start);
    Statement& slot = cache[rows];
    if (!slot) {
      std::string one = "(";
      for (int c = 0; c < columns; ++c) one += c ? ",?" : "?";
      one += ")";
      std::string sql = "INSERT INTO " + std::string(table_and_columns) + " VALUES ";
      for (size_t r = 0; r < rows; ++r) sql += (r ? "," : "") + one;
      prepare(slot, sql);
    }
    for (size_t r = 0; r < rows; ++r) {
      bind(slot.get(), start + r, r, static_cast<int>(r) * columns + 1);
    }
    run(slot.get());
  }
}

sqlite3_stmt* SqliteInvoiceRows::prepare(Statement& slot, const std::string& sql) {
  if (!slot) {
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &st, nullptr));
    slot.reset(st);
  }
  return slot.get();
}

void SqliteInvoiceRows::run(sqlite3_stmt* st) {
  int rc = sqlite3_step(st);
  int reset = sqlite3_reset(st);
  if (rc != SQLITE_DONE) check(reset != SQLITE_OK ? reset : rc);
}

void SqliteInvoiceRows::check(int rc) {
  if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
}

}  // namespace overdue::store
