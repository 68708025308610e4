// Renders a customer's statement as text, CSV or JSON: the facts every letter will quote.
#pragma once

#include <string>

#include "engine/statement.h"
#include "report/format.h"

namespace overdue::report {

std::string render_statement(const engine::Statement& statement, Format format);

// A unit price with at least the currency's minor digits: 18.50, 1.855, 0.0425.
std::string unit_price_text(UnitPrice price, const Currency& currency);
// A quantity without trailing zeros: 1250, 12.5, 3.275.
std::string quantity_text(Quantity quantity);

}  // namespace overdue::report
