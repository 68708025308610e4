#include "domain/collection.h"

#include "domain/code_table.h"

namespace overdue {
namespace {

constexpr CodeTable<Reason, 9> kReasons{{{Reason::kPaymentSent, "payment_sent"},
                                         {Reason::kOversight, "oversight"},
                                         {Reason::kCashFlow, "cash_flow"},
                                         {Reason::kAwaitingEndCustomer, "awaiting_end_customer"},
                                         {Reason::kDispute, "dispute"},
                                         {Reason::kDelayExcuse, "delay_excuse"},
                                         {Reason::kInsolvency, "insolvency"},
                                         {Reason::kWrongContact, "wrong_contact"},
                                         {Reason::kOther, "other"}}};

constexpr CodeTable<Action, 22> kActions{{{Action::kCourtesyReminder, "courtesy_reminder"},
                                          {Action::kReminder, "reminder"},
                                          {Action::kFirmReminder, "firm_reminder"},
                                          {Action::kFollowUpCall, "follow_up_call"},
                                          {Action::kPersonalAppeal, "personal_appeal"},
                                          {Action::kPeerInquiry, "peer_inquiry"},
                                          {Action::kHoldShipments, "hold_shipments"},
                                          {Action::kReportToInsurer, "report_to_insurer"},
                                          {Action::kInsuranceClaim, "insurance_claim"},
                                          {Action::kFinalNotice, "final_notice"},
                                          {Action::kEmbassyAssist, "embassy_assist"},
                                          {Action::kCollectionAgency, "collection_agency"},
                                          {Action::kLegalAction, "legal_action"},
                                          {Action::kWriteOff, "write_off"},
                                          {Action::kAskTracking, "ask_tracking"},
                                          {Action::kApologizeAndRemedy, "apologize_and_remedy"},
                                          {Action::kOfferInstalments, "offer_instalments"},
                                          {Action::kOfferExtension, "offer_extension"},
                                          {Action::kRedirectContact, "redirect_contact"},
                                          {Action::kFileInsolvencyClaim, "file_insolvency_claim"},
                                          {Action::kReviewReply, "review_reply"},
                                          {Action::kWait, "wait"}}};

constexpr CodeTable<DisputeCategory, 6> kCategories{{{DisputeCategory::kQuality, "quality"},
                                                     {DisputeCategory::kQuantity, "quantity"},
                                                     {DisputeCategory::kDelivery, "delivery"},
                                                     {DisputeCategory::kDocuments, "documents"},
                                                     {DisputeCategory::kPrice, "price"},
                                                     {DisputeCategory::kOther, "other"}}};

}  // namespace

std::string_view to_string(Reason v) { return code_name(kReasons, v); }
std::string_view to_string(Action v) { return code_name(kActions, v); }
std::string_view to_string(DisputeCategory v) { return code_name(kCategories, v); }
std::optional<Reason> parse_reason(std::string_view s) { return code_value(kReasons, s); }
std::optional<Action> parse_action(std::string_view s) { return code_value(kActions, s); }
std::optional<DisputeCategory> parse_dispute_category(std::string_view s) {
  return code_value(kCategories, s);
}
std::string allowed_reasons() { return code_list(kReasons); }
std::string allowed_actions() { return code_list(kActions); }
std::string allowed_dispute_categories() { return code_list(kCategories); }

int ladder_stage(Action action) {
  switch (action) {
    case Action::kCourtesyReminder:
      return 0;
    case Action::kReminder:
      return 1;
    case Action::kFirmReminder:
      return 2;
    case Action::kFollowUpCall:
      return 3;
    case Action::kPersonalAppeal:
      return 4;
    case Action::kPeerInquiry:
      return 5;
    case Action::kHoldShipments:
      return 6;
    case Action::kFinalNotice:
      return 7;
    case Action::kCollectionAgency:
    case Action::kLegalAction:
      return 8;
    case Action::kWriteOff:
      return 9;
    default:
      return -1;
  }
}

bool is_letter(Action action) {
  switch (action) {
    case Action::kCourtesyReminder:
    case Action::kReminder:
    case Action::kFirmReminder:
    case Action::kFollowUpCall:
    case Action::kPersonalAppeal:
    case Action::kPeerInquiry:
    case Action::kHoldShipments:
    case Action::kFinalNotice:
    case Action::kAskTracking:
    case Action::kApologizeAndRemedy:
    case Action::kOfferInstalments:
    case Action::kOfferExtension:
    case Action::kRedirectContact:
      return true;
    default:
      return false;
  }
}

}  // namespace overdue
