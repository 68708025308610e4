// Prepared statements kept for the life of a connection: a query run once per customer or per
// letter is parsed once per process, not each time (parsing was a third of `overdue draft`).
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <map>
#include <memory>
#include <string>

namespace overdue::store {

class StatementCache {
 public:
  // A statement on loan: reset and its bindings cleared when the loan ends, so no read stays
  // open between calls. A statement asked for while its cached copy is on loan (a query run
  // inside the loop of the same query) is prepared afresh for that loan.
  class Lease {
   public:
    Lease(SQLite::Statement* cached, bool* in_use, std::unique_ptr<SQLite::Statement> own)
        : st_(own ? own.get() : cached), in_use_(own ? nullptr : in_use), own_(std::move(own)) {}
    Lease(Lease&& other) noexcept
        : st_(other.st_), in_use_(other.in_use_), own_(std::move(other.own_)) {
      other.in_use_ = nullptr;
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (!in_use_) return;
      try {
        st_->reset();
        st_->clearBindings();
      } catch (...) {
        // The error was reported by the step that failed; reset only repeats it.
      }
      *in_use_ = false;
    }
    SQLite::Statement* operator->() { return st_; }
    SQLite::Statement& operator*() { return *st_; }

   private:
    SQLite::Statement* st_;
    bool* in_use_;
    std::unique_ptr<SQLite::Statement> own_;
  };

  explicit StatementCache(SQLite::Database& db) : db_(db) {}

  Lease get(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      it = cache_.emplace(sql, Slot{std::make_unique<SQLite::Statement>(db_, sql), false}).first;
    } else if (it->second.in_use) {
      return Lease(nullptr, nullptr, std::make_unique<SQLite::Statement>(db_, sql));
    }
    it->second.in_use = true;
    return Lease(it->second.statement.get(), &it->second.in_use, nullptr);
  }

 private:
  struct Slot {
    std::unique_ptr<SQLite::Statement> statement;
    bool in_use;
  };
  SQLite::Database& db_;
  std::map<std::string, Slot> cache_;
};

}  // namespace overdue::store
