// The collection vocabulary of domain.md §4-§5: reasons, actions, dispute categories, and the
// facts of a customer's collection case. Plain data; the string forms are what users see.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_date.h"
#include "domain/money.h"

namespace overdue {

// Why a buyer is late (domain.md §4).
enum class Reason {
  kPaymentSent,
  kOversight,
  kCashFlow,
  kAwaitingEndCustomer,
  kDispute,
  kDelayExcuse,
  kInsolvency,
  kWrongContact,
  kOther,
};

// What to do next (domain.md §5): the ladder steps, then the side steps.
enum class Action {
  kCourtesyReminder,
  kReminder,
  kFirmReminder,
  kFollowUpCall,
  kPersonalAppeal,
  kPeerInquiry,
  kHoldShipments,
  kReportToInsurer,
  kInsuranceClaim,
  kFinalNotice,
  kEmbassyAssist,
  kCollectionAgency,
  kLegalAction,
  kWriteOff,
  kAskTracking,
  kApologizeAndRemedy,
  kOfferInstalments,
  kOfferExtension,
  kRedirectContact,
  kFileInsolvencyClaim,
  kReviewReply,
  kWait,
};

enum class DisputeCategory { kQuality, kQuantity, kDelivery, kDocuments, kPrice, kOther };

std::string_view to_string(Reason v);
std::string_view to_string(Action v);
std::string_view to_string(DisputeCategory v);
std::optional<Reason> parse_reason(std::string_view s);
std::optional<Action> parse_action(std::string_view s);
std::optional<DisputeCategory> parse_dispute_category(std::string_view s);
std::string allowed_reasons();
std::string allowed_actions();
std::string allowed_dispute_categories();

// The ladder stage of an action (courtesy_reminder 0 … write_off 9), or -1 for side steps.
int ladder_stage(Action action);
// True for actions that produce a letter to the buyer (as opposed to calls, reports, tasks).
bool is_letter(Action action);

// A reason given by the buyer (or set by hand), as of a date.
struct ReasonRecord {
  Reason reason = Reason::kOther;
  CivilDate date;
  std::string source;  // "manual", or a reply id
  std::string note;
};

// A step carried out (a letter sent, a call made, a report filed).
struct StepRecord {
  Action action = Action::kReminder;
  CivilDate date;
  std::string note;
};

// A promise to pay all or part by a date.
struct PromiseRecord {
  CivilDate made_on;
  CivilDate date;
  std::optional<Money> amount;
  std::vector<std::string> invoices;  // empty: everything overdue when it was made
  std::string source;
};

struct DisputeRecord {
  std::string invoice_no;
  DisputeCategory category = DisputeCategory::kOther;
  bool our_fault = false;
  CivilDate opened_on;
  std::optional<CivilDate> resolved_on;
  std::optional<Money> credit;  // credit note granted at resolution
  std::string note;
  bool open_on(const CivilDate& d) const {
    return opened_on <= d && (!resolved_on || *resolved_on > d);
  }
};

struct Instalment {
  CivilDate date;
  Money amount;
};

struct InstalmentPlan {
  CivilDate agreed_on;
  std::vector<Instalment> schedule;
};

// A buyer's reply that could not be read with confidence: a person decides what it says.
struct ReplyToReview {
  int64_t reply_id = 0;
  CivilDate received;
  std::string note;  // how the classifier read it
};

// Everything recorded about one customer's collection case, as of a date.
struct CaseFacts {
  std::string customer_id;
  std::vector<ReasonRecord> reasons;  // oldest first; the last is the current reason
  std::vector<StepRecord> steps;      // oldest first
  std::vector<PromiseRecord> promises;
  std::vector<DisputeRecord> disputes;
  std::vector<InstalmentPlan> instalment_plans;
  std::vector<ReplyToReview> replies_to_review;  // oldest first
};

}  // namespace overdue
