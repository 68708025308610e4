// Renders the plan as a table for people or as the JSON documented in docs/json.md, and the
// to-do list of its non-letter actions (`overdue tasks`).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/plan.h"
#include "report/format.h"

namespace overdue::report {

// `names` maps customer ids to names; `colour` adds ANSI colours (only for a terminal).
std::string render_plan(const std::vector<engine::PlanEntry>& entries,
                        const std::map<std::string, std::string>& names, const CivilDate& as_of,
                        Format format, bool colour);

// True for steps a person carries out by hand (calls, reports, claims, hand-overs).
bool is_task(Action action);

std::string render_tasks(const std::vector<engine::PlanEntry>& entries,
                         const std::map<std::string, std::string>& names, const CivilDate& as_of,
                         Format format);

}  // namespace overdue::report
