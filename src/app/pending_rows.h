// The two phases every import shares: collect the file's records by key (a key repeated with other
// values is a problem), then reconcile them with the store (new, unchanged, changed).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/import.h"

namespace overdue::app {

struct SourceLine {
  std::string file;
  int line = 0;
};

template <typename Key, typename Record>
class PendingRows {
 public:
  // Adds `record` read at the table's current row; a key seen before with different values is
  // reported at `column`, naming `what` (e.g. "customer C1").
  void add(const Key& key, Record record, io::CsvTable& table, std::string_view column,
           const std::string& what) {
    auto [it, inserted] =
        rows_.try_emplace(key, std::move(record), SourceLine{table.file(), table.row_line()});
    if (inserted) {
      order_.push_back(key);
    } else if (!(it->second.first == record)) {
      table.problem(column, what + " appears again with different values (first at " +
                                it->second.second.file + ":" +
                                std::to_string(it->second.second.line) + ")");
    }
  }

  // Sorts records into inserts and updates against `find(key)` (the stored record, if any).
  // Changed records are problems unless options.update; `refuse(old, new)` may still refuse an
  // update with a message (empty: allowed). `describe(old, new)` explains a refused change.
  template <typename Find, typename Describe, typename Refuse>
  void reconcile(Find find, Describe describe, Refuse refuse, const ImportOptions& options,
                 ImportReport& report, std::vector<const Record*>& inserts,
                 std::vector<const Record*>& updates) const {
    for (const Key& key : order_) {
      const auto& [record, at] = rows_.at(key);
      std::optional<Record> existing = find(key);
      if (!existing) {
        inserts.push_back(&record);
      } else if (*existing == record) {
        ++report.unchanged;
      } else if (!options.update) {
        report.problems.add(at.file, at.line, 1,
                            describe(*existing, record) + "; use --update to change it");
      } else if (std::string why = refuse(*existing, record); !why.empty()) {
        report.problems.add(at.file, at.line, 1, why);
      } else {
        updates.push_back(&record);
      }
    }
  }

 private:
  std::map<Key, std::pair<Record, SourceLine>> rows_;
  std::vector<Key> order_;
};

// A refuse() for imports where every field may be updated.
inline std::string any_update_allowed(...) { return {}; }

}  // namespace overdue::app
