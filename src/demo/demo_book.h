// The deterministic demo book: a realistic export receivables book of a Chinese exporter, as the
// four import CSV files (customers, contacts, invoice lines, payments).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

namespace overdue::demo {

struct DemoOptions {
  int customers = 40;                // number of buyers
  uint64_t seed = 20260101;          // same seed -> byte-identical output
  std::string as_of = "2026-11-20";  // invoices are issued over the ~18 months up to this date
};

// The full texts of the four CSV files (UTF-8, header row, '\n' line ends).
struct DemoFiles {
  std::string customers, contacts, invoices, payments;
};

// Builds the four CSV files of a realistic export receivables book. Pure: no I/O, no clock.
// Throws std::invalid_argument when options.as_of is not an ISO date (YYYY-MM-DD).
DemoFiles make_demo_book(const DemoOptions& options);

// Streams the same content as make_demo_book to the four streams, in bounded memory.
void write_demo_book(const DemoOptions& options, std::ostream& customers, std::ostream& contacts,
                     std::ostream& invoices, std::ostream& payments);

}  // namespace overdue::demo
