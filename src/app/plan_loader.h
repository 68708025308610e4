// Loads what the playbook needs for every customer (or one) from the store, in bulk.
#pragma once

#include <string>
#include <vector>

#include "engine/plan.h"
#include "store/store.h"

namespace overdue::app {

// One CustomerBook per customer (sorted by id), as of the date: invoices issued by then with what
// is open and when each was settled, live payments, contacts and case facts dated by then.
// `only_customer` limits the load to one customer (empty: all).
std::vector<engine::CustomerBook> load_customer_books(store::Store& store, const CivilDate& as_of,
                                                      const std::string& only_customer = "");

// Plans every customer; entries without work (wait) are kept only when `include_waits`.
std::vector<engine::PlanEntry> plan_book(store::Store& store, const engine::Policy& policy,
                                         const CivilDate& as_of, const std::string& only_customer,
                                         bool include_waits);

}  // namespace overdue::app
