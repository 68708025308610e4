#include "domain/entities.h"

namespace overdue {

int64_t Invoice::total_minor() const {
  int64_t total = 0;
  for (const auto& line : lines) total += line.amount_minor;
  return total;
}

}  // namespace overdue
