// `overdue log CUSTOMER`: a customer's history as one dated timeline — letters, replies, payments,
// reasons, promises, disputes, instalment plans and steps done — each with a one-line summary.
#pragma once

#include <string>
#include <vector>

#include "domain/civil_date.h"
#include "store/store.h"

namespace overdue::app {

struct TimelineItem {
  CivilDate date;
  std::string kind;     // payment, reply, reason, promise, dispute, instalments, step, letter
  std::string summary;  // one line
};

// Everything recorded for the customer up to `as_of`, oldest first (same day: in the order above).
std::vector<TimelineItem> customer_timeline(store::Store& store, const std::string& customer_id,
                                            const CivilDate& as_of);

}  // namespace overdue::app
