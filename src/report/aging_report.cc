#include "report/aging_report.h"

#include <nlohmann/json.hpp>

#include "io/csv.h"
#include "report/text_table.h"

namespace overdue::report {

namespace {

std::string name_of(const std::map<std::string, std::string>& names, const std::string& id) {
  auto it = names.find(id);
  return it == names.end() ? std::string() : it->second;
}

std::string render_csv(const std::vector<engine::AgingRow>& rows, bool by_customer,
                       const std::map<std::string, std::string>& names) {
  std::string out = by_customer ? "customer_id,name," : "";
  out += "currency";
  for (int b = 0; b < engine::kAgingBuckets; ++b) out += "," + std::string(engine::aging_bucket_name(b));
  out += ",total";
  if (by_customer) out += ",oldest_due,days_overdue";
  out += "\n";
  for (const auto& r : rows) {
    if (by_customer) {
      out += io::csv_escape(r.customer_id) + "," + io::csv_escape(name_of(names, r.customer_id)) + ",";
    }
    out += r.currency.str();
    for (int64_t v : r.buckets) out += "," + format_minor(v, r.currency);
    out += "," + format_minor(r.total_minor, r.currency);
    if (by_customer) {
      out += "," + (r.oldest_due ? r.oldest_due->iso() : std::string()) + "," +
             std::to_string(r.days_overdue);
    }
    out += "\n";
  }
  return out;
}

std::string render_json(const std::vector<engine::AgingRow>& rows, bool by_customer,
                        const std::map<std::string, std::string>& names, const CivilDate& as_of) {
  nlohmann::ordered_json j;
  j["report"] = "aging";
  j["as_of"] = as_of.iso();
  j["by"] = by_customer ? "customer" : "currency";
  j["rows"] = nlohmann::ordered_json::array();
  for (const auto& r : rows) {
    nlohmann::ordered_json row;
    if (by_customer) {
      row["customer_id"] = r.customer_id;
      row["name"] = name_of(names, r.customer_id);
    }
    row["currency"] = r.currency.str();
    nlohmann::ordered_json buckets;
    for (int b = 0; b < engine::kAgingBuckets; ++b) {
      buckets[std::string(engine::aging_bucket_name(b))] = format_minor(r.buckets[b], r.currency);
    }
    row["buckets"] = buckets;
    row["total"] = format_minor(r.total_minor, r.currency);
    if (by_customer) {
      row["oldest_due"] = r.oldest_due ? r.oldest_due->iso() : "";
      row["days_overdue"] = r.days_overdue;
    }
    j["rows"].push_back(row);
  }
  return j.dump(2) + "\n";
}

std::string render_table(const std::vector<engine::AgingRow>& rows, bool by_customer,
                         const std::map<std::string, std::string>& names, const CivilDate& as_of) {
  TextTable t;
  std::vector<std::pair<std::string, Align>> cols;
  if (by_customer) {
    cols.push_back({"customer", Align::kLeft});
    cols.push_back({"name", Align::kLeft});
  }
  cols.push_back({"cur", Align::kLeft});
  for (int b = 0; b < engine::kAgingBuckets; ++b) {
    cols.push_back({std::string(engine::aging_bucket_name(b)), Align::kRight});
  }
  cols.push_back({"total", Align::kRight});
  if (by_customer) {
    cols.push_back({"oldest due", Align::kLeft});
    cols.push_back({"days", Align::kRight});
  }
  t.columns(cols);
  for (const auto& r : rows) {
    std::vector<std::string> cells;
    if (by_customer) {
      cells.push_back(r.customer_id);
      cells.push_back(fit(name_of(names, r.customer_id), 30));
    }
    cells.push_back(r.currency.str());
    for (int64_t v : r.buckets) cells.push_back(v == 0 ? "-" : format_minor(v, r.currency, true));
    cells.push_back(format_minor(r.total_minor, r.currency, true));
    if (by_customer) {
      cells.push_back(r.oldest_due ? r.oldest_due->iso() : "");
      cells.push_back(std::to_string(r.days_overdue));
    }
    t.row(cells);
  }
  std::string out = "Aging of open receivables as of " + as_of.iso() + " (days past due; " +
                    (by_customer ? "one row per customer and currency" : "one row per currency") +
                    ", currencies never added together)\n\n";
  if (rows.empty()) return out + "Nothing is open.\n";
  return out + t.render();
}

}  // namespace

std::string render_aging(const std::vector<engine::AgingRow>& rows, bool by_customer,
                         const std::map<std::string, std::string>& names, const CivilDate& as_of,
                         Format format) {
  switch (format) {
    case Format::kCsv:
      return render_csv(rows, by_customer, names);
    case Format::kJson:
      return render_json(rows, by_customer, names, as_of);
    default:
      return render_table(rows, by_customer, names, as_of);
  }
}

}  // namespace overdue::report
