// Renders collection KPIs as a table, CSV or JSON.
#pragma once

#include <string>
#include <vector>

#include "engine/kpi.h"
#include "report/format.h"

namespace overdue::report {

std::string render_kpis(const std::vector<engine::CurrencyKpi>& kpis, const CivilDate& as_of,
                        int days, Format format);

}  // namespace overdue::report
