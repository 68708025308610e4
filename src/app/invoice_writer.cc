#include "app/invoice_writer.h"

namespace overdue::app {

InvoiceWriter::InvoiceWriter(store::Store& store, bool check_existing)
    : store_(store),
      check_existing_(check_existing),
      next_id_(store.next_invoice_id()),
      thread_([this] { run(); }) {}

InvoiceWriter::~InvoiceWriter() {
  if (thread_.joinable()) stop(/*abandon=*/true);
}

void InvoiceWriter::send(ParsedInvoices batch) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < kMaxQueued || failure_ || closed_; });
  if (failure_ || closed_) return;  // finish() reports the failure
  queue_.push_back(std::move(batch));
  changed_.notify_all();
}

void InvoiceWriter::finish() {
  stop(/*abandon=*/false);
  if (failure_) std::rethrow_exception(failure_);
}

void InvoiceWriter::stop(bool abandon) {
  {
    std::lock_guard lock(mutex_);
    if (abandon) queue_.clear();
    closed_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void InvoiceWriter::run() {
  while (true) {
    ParsedInvoices batch;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return !queue_.empty() || closed_; });
      if (queue_.empty()) return;
      batch = std::move(queue_.front());
      queue_.pop_front();
    }
    changed_.notify_all();
    try {
      write(batch);
    } catch (...) {
      std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
      queue_.clear();
      changed_.notify_all();
      return;
    }
  }
}

void InvoiceWriter::write(ParsedInvoices& batch) {
  store::NewInvoiceRows rows;
  rows.invoices.reserve(batch.headers.size());
  rows.lines.reserve(batch.lines.size());
  for (auto& h : batch.headers) {
    if (ids_.size() <= h.seq) ids_.resize(h.seq + 1, 0);
    if (check_existing_ && store_.has_invoice(h.invoice.invoice_no)) {
      existing_.emplace_back(h.seq, std::move(h.invoice));
      ids_[h.seq] = -static_cast<int64_t>(existing_.size());
    } else if (batch.insert) {
      ids_[h.seq] = next_id_;
      rows.invoices.push_back({next_id_++, std::move(h.invoice), h.total_minor});
    }
  }
  for (auto& l : batch.lines) {
    int64_t id = l.seq < ids_.size() ? ids_[l.seq] : 0;
    if (id < 0) {
      const store::NewInvoiceRows::Line& r = l.row;
      existing_[static_cast<size_t>(-id - 1)].second.lines.push_back(InvoiceLine{
          std::string(r.product), r.quantity, std::string(r.unit), r.unit_price, r.amount_minor});
    } else if (id > 0 && batch.insert) {
      l.row.invoice_id = id;
      rows.lines.push_back(l.row);
      if (l.late) rows.total_increases.emplace_back(id, l.row.amount_minor);
    }
  }
  store_.append_invoices(rows);
  inserted_ += rows.invoices.size();
}

}  // namespace overdue::app
