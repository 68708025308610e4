// The second thread of an invoice import: writes the new invoices the parser streams to it while
// the parser reads on, and collects the invoices that are already stored (internal to src/app).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "store/store.h"

namespace overdue::app {

// Invoices as the parser hands them over. An invoice is known by its sequence number (the order
// of its first line); its header comes once, with the total of the lines sent before it, in
// the same batch or an earlier one. Lines sent after the header are late: they add to the total.
struct ParsedInvoices {
  struct Header {
    size_t seq = 0;
    Invoice invoice;  // without lines
    int64_t total_minor = 0;
  };
  struct Line {
    size_t seq = 0;
    bool late = false;
    store::NewInvoiceRows::Line row;  // its invoice_id is set by the writer
  };
  std::vector<Header> headers;
  std::vector<Line> lines;  // text views stay valid until InvoiceWriter::finish()
  bool insert = true;       // false once the import has a problem: then only collect
};

class InvoiceWriter {
 public:
  // Starts the thread; `check_existing` when the store may hold some of the invoices. Until
  // finish() only the writer thread uses the store.
  InvoiceWriter(store::Store& store, bool check_existing);
  ~InvoiceWriter();  // abandons what is queued and joins
  InvoiceWriter(const InvoiceWriter&) = delete;
  InvoiceWriter& operator=(const InvoiceWriter&) = delete;

  // Queues a batch; waits while kMaxQueued batches are waiting.
  void send(ParsedInvoices batch);
  // Waits until every batch is written, stops the thread and rethrows its failure, if any.
  void finish();

  // After finish(): how many invoices were inserted, and the invoices already stored with the
  // lines the parser sent for them, by sequence number (headers in order).
  size_t inserted() const { return inserted_; }
  const std::vector<std::pair<size_t, Invoice>>& existing() const { return existing_; }

 private:
  static constexpr size_t kMaxQueued = 4;

  void run();
  void write(ParsedInvoices& batch);
  void stop(bool abandon);

  store::Store& store_;
  const bool check_existing_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<ParsedInvoices> queue_;  // guarded by mutex_, like the two below
  bool closed_ = false;
  std::exception_ptr failure_;
  // The writer thread's own state until finish().
  int64_t next_id_;
  std::vector<int64_t> ids_;  // by seq: > 0 the new id, < 0 -(index in existing_ + 1), 0 none
  std::vector<std::pair<size_t, Invoice>> existing_;
  size_t inserted_ = 0;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace overdue::app
