#include "engine/kpi.h"

#include <map>

namespace overdue::engine {

std::vector<CurrencyKpi> compute_kpis(const std::vector<InvoiceBalance>& at_begin,
                                      const std::vector<InvoiceBalance>& at_end,
                                      const CivilDate& as_of, int days) {
  const CivilDate begin = as_of.plus_days(-days);
  std::map<Currency, CurrencyKpi> by_currency;
  auto row = [&](const Currency& c) -> CurrencyKpi& {
    auto [it, inserted] = by_currency.try_emplace(c);
    if (inserted) it->second.currency = c;
    return it->second;
  };
  for (const auto& b : at_begin) {
    if (b.issue_date > begin) continue;
    row(b.currency).ar_begin_minor += b.open_minor();
  }
  for (const auto& b : at_end) {
    if (b.issue_date > as_of) continue;
    CurrencyKpi& k = row(b.currency);
    if (b.issue_date > begin) k.sales_minor += b.total_minor;
    k.ar_end_minor += b.open_minor();
    if (b.due_date >= as_of) k.current_end_minor += b.open_minor();
  }
  std::vector<CurrencyKpi> out;
  for (auto& [currency, k] : by_currency) {
    if (k.sales_minor == 0 && k.ar_begin_minor == 0 && k.ar_end_minor == 0) continue;  // idle
    if (k.sales_minor != 0) {
      double sales = static_cast<double>(k.sales_minor);
      k.dso = static_cast<double>(k.ar_end_minor) / sales * days;
      k.best_possible_dso = static_cast<double>(k.current_end_minor) / sales * days;
      k.average_days_delinquent = *k.dso - *k.best_possible_dso;
    }
    int64_t collectable = k.ar_begin_minor + k.sales_minor - k.current_end_minor;
    if (collectable != 0) {
      k.cei_percent = static_cast<double>(k.ar_begin_minor + k.sales_minor - k.ar_end_minor) /
                      static_cast<double>(collectable) * 100.0;
    }
    if (k.ar_end_minor != 0) {
      k.overdue_percent = static_cast<double>(k.ar_end_minor - k.current_end_minor) /
                          static_cast<double>(k.ar_end_minor) * 100.0;
    }
    out.push_back(k);
  }
  return out;
}

}  // namespace overdue::engine
