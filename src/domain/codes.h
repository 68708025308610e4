// Codes users see in CSV, JSON and the CLI: one enum each, with one to_string/parse pair.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace overdue {

enum class Language { kEn, kZh, kZhHant };
enum class ContactRole { kBuyer, kManager, kFinance, kOwner, kClerk, kOther };
enum class PaymentMethod { kWire, kCheque, kLc, kCreditNote, kOther };
// How an allocation settles an invoice: money received, charges the banks deducted on the way
// (stated on the payment), or a short remainder closed within the tolerance as bank charges.
enum class AllocationKind { kPayment, kBankCharges, kShortPaymentTolerance };

std::string_view to_string(Language v);
std::string_view to_string(ContactRole v);
std::string_view to_string(PaymentMethod v);
std::string_view to_string(AllocationKind v);

std::optional<Language> parse_language(std::string_view s);
std::optional<ContactRole> parse_contact_role(std::string_view s);
std::optional<PaymentMethod> parse_payment_method(std::string_view s);
std::optional<AllocationKind> parse_allocation_kind(std::string_view s);

// The accepted spellings, for error messages: "en, zh, zh-Hant".
std::string allowed_languages();
std::string allowed_contact_roles();
std::string allowed_payment_methods();

}  // namespace overdue
