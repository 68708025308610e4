// Who receives a letter (domain.md §3): roles from the policy, fallbacks when a role is missing,
// never a clerk alone, never the owner before stage 3.
#pragma once

#include <string>
#include <vector>

#include "domain/entities.h"
#include "engine/policy.h"

namespace overdue::engine {

struct Recipients {
  std::vector<std::string> to;  // bare lower-case addresses, no duplicates
  std::vector<std::string> cc;  // never repeats an address of `to`
  std::vector<std::string> why;
};

// Recipients for a letter at `stage` to the roles `to_roles` / `cc_roles`; `extra_cc` roles are
// added to cc (e.g. the manager when the buyer stalls). `step_key` names the policy key in `why`.
Recipients choose_recipients(const std::vector<Contact>& contacts,
                             const std::vector<ContactRole>& to_roles,
                             const std::vector<ContactRole>& cc_roles,
                             const std::vector<ContactRole>& extra_cc, int stage,
                             const std::string& step_key);

}  // namespace overdue::engine
