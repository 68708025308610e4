// The SQLite store's bulk path for new invoices (internal to src/store): multi-row INSERTs
// prepared once per row count, bound through the C API so that text is never copied.
#pragma once

#include <sqlite3.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "store/store.h"

namespace overdue::store {

class SqliteInvoiceRows {
 public:
  explicit SqliteInvoiceRows(sqlite3* db) : db_(db) {}

  // Inserts the headers, then the lines, then applies the total increases (see NewInvoiceRows).
  void append(const NewInvoiceRows& rows);
  // Whether an invoice with this number is stored.
  bool has_invoice(std::string_view invoice_no);

 private:
  struct Finalize {
    void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
  };
  using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;

  // Inserts `count` rows, `batch` to a statement cached by row count in `cache`;
  // bind(st, i, r, at) binds row i as the statement's row r, from parameter `at`.
  template <typename Bind>
  void insert_all(size_t count, size_t batch, std::map<size_t, Statement>& cache,
                  std::string_view table_and_columns, int columns, Bind bind);
  // The statement in `slot`, prepared from `sql` on first use.
  sqlite3_stmt* prepare(Statement& slot, const std::string& sql);
  // Steps a statement that returns no rows and resets it; throws on failure.
  void run(sqlite3_stmt* st);
  // Throws SQLite::Exception (with the connection's message) unless rc is SQLITE_OK.
  void check(int rc);

  sqlite3* db_;
  std::map<size_t, Statement> invoice_inserts_;
  std::map<size_t, Statement> line_inserts_;
  Statement add_to_total_;
  Statement find_;
};

}  // namespace overdue::store
