// The identifiers a reply quotes: invoice and order numbers, payment references (courier
// tracking, SWIFT/MT103 and bank references, UETR, cheque numbers), email addresses, and the
// person a wrong_contact reply redirects to.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace overdue::replies {

enum class ReferenceKind { kTracking, kUetr, kBankReference, kCheque };
std::string_view to_string(ReferenceKind kind);

struct Reference {
  ReferenceKind kind;
  std::string value;
  friend bool operator==(const Reference&, const Reference&) = default;
};

struct Redirect {
  std::string name;   // empty when none was found
  std::string email;  // empty when none was found
};

// Each finder reads the display text (width-folded, case kept; see NormalizedText::display).
std::vector<std::string> find_invoices(std::string_view display);
std::vector<Reference> find_references(std::string_view display);
std::vector<std::string> find_emails(std::string_view display);
// The person (name and/or email) to write to instead; nullopt when the reply names nobody.
std::optional<Redirect> find_redirect(std::string_view display);

}  // namespace overdue::replies
