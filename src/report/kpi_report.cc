#include "report/kpi_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "report/text_table.h"

namespace overdue::report {
namespace {

nlohmann::ordered_json ratio_json(const std::optional<double>& v) {
  if (!v) return nullptr;
  return std::stod(fmt::format("{:.2f}", *v));
}

}  // namespace

std::string render_kpis(const std::vector<engine::CurrencyKpi>& kpis, const CivilDate& as_of,
                        int days, Format format) {
  const CivilDate begin = as_of.plus_days(-days);
  if (format == Format::kJson) {
    nlohmann::ordered_json j;
    j["report"] = "kpi";
    j["as_of"] = as_of.iso();
    j["days"] = days;
    j["period_begin"] = begin.iso();
    j["currencies"] = nlohmann::ordered_json::array();
    for (const auto& k : kpis) {
      nlohmann::ordered_json row = {
          {"currency", k.currency.str()},
          {"sales", format_minor(k.sales_minor, k.currency)},
          {"ar_begin", format_minor(k.ar_begin_minor, k.currency)},
          {"ar_end", format_minor(k.ar_end_minor, k.currency)},
          {"current_end", format_minor(k.current_end_minor, k.currency)},
          {"dso", ratio_json(k.dso)},
          {"best_possible_dso", ratio_json(k.best_possible_dso)},
          {"average_days_delinquent", ratio_json(k.average_days_delinquent)},
          {"cei_percent", ratio_json(k.cei_percent)},
          {"overdue_percent", ratio_json(k.overdue_percent)},
      };
      j["currencies"].push_back(row);
    }
    return j.dump(2) + "\n";
  }
  if (format == Format::kCsv) {
    std::string out =
        "currency,sales,ar_begin,ar_end,current_end,dso,best_possible_dso,"
        "average_days_delinquent,cei_percent,overdue_percent\n";
    auto r = [](const std::optional<double>& v) { return v ? fmt::format("{:.2f}", *v) : ""; };
    for (const auto& k : kpis) {
      out += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", k.currency.str(),
                         format_minor(k.sales_minor, k.currency),
                         format_minor(k.ar_begin_minor, k.currency),
                         format_minor(k.ar_end_minor, k.currency),
                         format_minor(k.current_end_minor, k.currency), r(k.dso),
                         r(k.best_possible_dso), r(k.average_days_delinquent), r(k.cei_percent),
                         r(k.overdue_percent));
    }
    return out;
  }
  TextTable t;
  t.columns({{"cur", Align::kLeft},
             {"credit sales", Align::kRight},
             {"AR begin", Align::kRight},
             {"AR end", Align::kRight},
             {"not yet due", Align::kRight},
             {"DSO", Align::kRight},
             {"best DSO", Align::kRight},
             {"ADD", Align::kRight},
             {"CEI %", Align::kRight},
             {"overdue %", Align::kRight}});
  for (const auto& k : kpis) {
    t.row({k.currency.str(), format_minor(k.sales_minor, k.currency, true),
           format_minor(k.ar_begin_minor, k.currency, true),
           format_minor(k.ar_end_minor, k.currency, true),
           format_minor(k.current_end_minor, k.currency, true), ratio_text(k.dso),
           ratio_text(k.best_possible_dso), ratio_text(k.average_days_delinquent),
           ratio_text(k.cei_percent), ratio_text(k.overdue_percent)});
  }
  std::string out = "Collection KPIs as of " + as_of.iso() + " over the " + std::to_string(days) +
                    " days since " + begin.iso() + " (per currency)\n\n";
  if (kpis.empty()) return out + "No receivables in this period.\n";
  out += t.render();
  out +=
      "\nDSO = AR end / credit sales x days; best DSO = not-yet-due AR / credit sales x days;\n"
      "ADD = DSO - best DSO; CEI = (AR begin + sales - AR end) / (AR begin + sales - not-yet-due "
      "AR end) x 100;\noverdue % = (AR end - not-yet-due AR end) / AR end x 100. n/a: the "
      "denominator is zero.\n";
  return out;
}

}  // namespace overdue::report
