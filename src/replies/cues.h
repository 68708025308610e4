// Cues: phrases that carry meaning for late-payment replies, in English and Chinese, each with a
// kind. The model sees each kind as a feature token ("__cue_paid_past"), so what it learns from
// one writer's "TT done" carries over to another's "已汇出"; the rules and `why` quote them.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace overdue::replies {

enum class Cue : std::uint8_t {
  // What happened, what is wrong (reason evidence).
  kPaidPast,
  kPaymentProof,
  kCourier,
  kCheque,
  kOversight,
  kInvoiceMissing,
  kApproval,
  kCashTight,
  kAskTime,
  kInstalment,
  kBankLoan,
  kEndCustomer,
  kTheyOweUs,
  kWhenTheyPay,
  kQuality,
  kQuantity,
  kPriceError,
  kDocuments,
  kLateDelivery,
  kRemedy,
  kHoldPayment,
  kComplaint,
  kBusy,
  kAway,
  kHoliday,
  kAudit,
  kSystemChange,
  kBoss,
  kInsolvency,
  kClosing,
  kWrongPerson,
  kLeftCompany,
  kRedirect,
  kAutoReply,
  kOutOfOffice,
  kStatementRequest,
  kBankDetails,
  kOrderTalk,
  kAck,
  kGreeting,
  kQuestion,
  // How a date is meant (promise evidence).
  kPayVerb,
  kFuture,
  kDeadline,
  kPastMarker,
  kArrival,
  kHedge,
  kReturn,
  kThirdParty,
  kToUs,
  kBalance,
  kPartial,
  kCondition,
  kNonPayAction,
  kPromiseWord,
  kNegation,
  kThirdPartySays,
  kCount
};

std::string_view to_string(Cue cue);

// The phrases of one kind, in normalized form, separated by '|' (see PhraseMatcher for word
// boundaries and '*').
struct CueGroup {
  Cue cue;
  std::string_view phrases;
};
// The tables (cues_en.cc, cues_zh.cc).
std::span<const CueGroup> english_cues();
std::span<const CueGroup> chinese_cues();

struct CueHit {
  std::uint32_t begin = 0;  // byte offsets in the normalized text
  std::uint32_t end = 0;
  Cue cue = Cue::kCount;
};

// `outer` covers `inner` and is longer: a phrase inside a longer phrase (any hit with begin, end).
template <typename Hit>
bool encloses(const Hit& outer, const Hit& inner) {
  return outer.begin <= inner.begin && inner.end <= outer.end &&
         outer.end - outer.begin > inner.end - inner.begin;
}

// True for the kinds that speak for a reason (before kPayVerb); the rest are date context.
bool is_evidence(Cue cue);

// Every cue in a normalized text, ordered by end offset. Thread-safe.
std::vector<CueHit> find_cues(std::string_view normalized);

}  // namespace overdue::replies
