#include "domain/codes.h"

#include <array>
#include <utility>

namespace overdue {
namespace {

template <typename E, size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<Language, 3> kLanguages{
    {{Language::kEn, "en"}, {Language::kZh, "zh"}, {Language::kZhHant, "zh-Hant"}}};
constexpr Table<ContactRole, 6> kRoles{{{ContactRole::kBuyer, "buyer"},
                                        {ContactRole::kManager, "manager"},
                                        {ContactRole::kFinance, "finance"},
                                        {ContactRole::kOwner, "owner"},
                                        {ContactRole::kClerk, "clerk"},
                                        {ContactRole::kOther, "other"}}};
constexpr Table<PaymentMethod, 5> kMethods{{{PaymentMethod::kWire, "wire"},
                                            {PaymentMethod::kCheque, "cheque"},
                                            {PaymentMethod::kLc, "lc"},
                                            {PaymentMethod::kCreditNote, "credit_note"},
                                            {PaymentMethod::kOther, "other"}}};
constexpr Table<AllocationKind, 3> kKinds{
    {{AllocationKind::kPayment, "payment"},
     {AllocationKind::kBankCharges, "bank_charges"},
     {AllocationKind::kShortPaymentTolerance, "short_payment_tolerance"}}};

template <typename E, size_t N>
std::string_view name_of(const Table<E, N>& table, E v) {
  for (const auto& [e, name] : table) {
    if (e == v) return name;
  }
  return "?";
}

template <typename E, size_t N>
std::optional<E> value_of(const Table<E, N>& table, std::string_view s) {
  for (const auto& [e, name] : table) {
    if (name == s) return e;
  }
  return std::nullopt;
}

template <typename E, size_t N>
std::string list_of(const Table<E, N>& table) {
  std::string out;
  for (const auto& [e, name] : table) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace

std::string_view to_string(Language v) { return name_of(kLanguages, v); }
std::string_view to_string(ContactRole v) { return name_of(kRoles, v); }
std::string_view to_string(PaymentMethod v) { return name_of(kMethods, v); }
std::string_view to_string(AllocationKind v) { return name_of(kKinds, v); }

std::optional<Language> parse_language(std::string_view s) { return value_of(kLanguages, s); }
std::optional<ContactRole> parse_contact_role(std::string_view s) { return value_of(kRoles, s); }
std::optional<PaymentMethod> parse_payment_method(std::string_view s) {
  return value_of(kMethods, s);
}
std::optional<AllocationKind> parse_allocation_kind(std::string_view s) {
  return value_of(kKinds, s);
}

std::string allowed_languages() { return list_of(kLanguages); }
std::string allowed_contact_roles() { return list_of(kRoles); }
std::string allowed_payment_methods() { return list_of(kMethods); }

}  // namespace overdue
