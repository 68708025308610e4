// The nine reason codes of domain.md §4 as the classifier sees them. The enum itself (and its one
// to_string/parse pair) lives in domain/collection.h so that the playbook and the classifier
// share one vocabulary; this header adds what the classifier needs on top.
#pragma once

#include <array>

#include "domain/collection.h"

namespace overdue::replies {

using Reason = ::overdue::Reason;
using ::overdue::parse_reason;
using ::overdue::to_string;

// Every reason, in the order of domain.md §4 (the order of eval tables).
inline constexpr std::array<Reason, 9> kAllReasons = {
    Reason::kPaymentSent,         Reason::kOversight,    Reason::kCashFlow,
    Reason::kAwaitingEndCustomer, Reason::kDispute,      Reason::kDelayExcuse,
    Reason::kInsolvency,          Reason::kWrongContact, Reason::kOther,
};

// Position of a reason in kAllReasons (0…8).
constexpr int reason_index(Reason r) { return static_cast<int>(r); }

}  // namespace overdue::replies
