#include "domain/codes.h"

#include "domain/code_table.h"

namespace overdue {
namespace {

constexpr CodeTable<Language, 3> kLanguages{
    {{Language::kEn, "en"}, {Language::kZh, "zh"}, {Language::kZhHant, "zh-Hant"}}};
constexpr CodeTable<ContactRole, 6> kRoles{{{ContactRole::kBuyer, "buyer"},
                                            {ContactRole::kManager, "manager"},
                                            {ContactRole::kFinance, "finance"},
                                            {ContactRole::kOwner, "owner"},
                                            {ContactRole::kClerk, "clerk"},
                                            {ContactRole::kOther, "other"}}};
constexpr CodeTable<PaymentMethod, 5> kMethods{{{PaymentMethod::kWire, "wire"},
                                                {PaymentMethod::kCheque, "cheque"},
                                                {PaymentMethod::kLc, "lc"},
                                                {PaymentMethod::kCreditNote, "credit_note"},
                                                {PaymentMethod::kOther, "other"}}};
constexpr CodeTable<AllocationKind, 3> kKinds{
    {{AllocationKind::kPayment, "payment"},
     {AllocationKind::kBankCharges, "bank_charges"},
     {AllocationKind::kShortPaymentTolerance, "short_payment_tolerance"}}};

}  // namespace

std::string_view to_string(Language v) { return code_name(kLanguages, v); }
std::string_view to_string(ContactRole v) { return code_name(kRoles, v); }
std::string_view to_string(PaymentMethod v) { return code_name(kMethods, v); }
std::string_view to_string(AllocationKind v) { return code_name(kKinds, v); }

std::optional<Language> parse_language(std::string_view s) { return code_value(kLanguages, s); }
std::optional<ContactRole> parse_contact_role(std::string_view s) { return code_value(kRoles, s); }
std::optional<PaymentMethod> parse_payment_method(std::string_view s) {
  return code_value(kMethods, s);
}
std::optional<AllocationKind> parse_allocation_kind(std::string_view s) {
  return code_value(kKinds, s);
}

std::string allowed_languages() { return code_list(kLanguages); }
std::string allowed_contact_roles() { return code_list(kRoles); }
std::string allowed_payment_methods() { return code_list(kMethods); }

}  // namespace overdue
