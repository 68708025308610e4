// Renders the aging report as a table, CSV or JSON.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/aging.h"
#include "report/format.h"

namespace overdue::report {

// `names` maps customer ids to names (used when by_customer).
std::string render_aging(const std::vector<engine::AgingRow>& rows, bool by_customer,
                         const std::map<std::string, std::string>& names, const CivilDate& as_of,
                         Format format);

}  // namespace overdue::report
