#include "engine/policy.h"

namespace overdue::engine {

const std::vector<Action>& ladder_actions() {
  static const std::vector<Action> kLadder = {
      Action::kCourtesyReminder, Action::kReminder,       Action::kFirmReminder,
      Action::kFollowUpCall,     Action::kPersonalAppeal, Action::kPeerInquiry,
      Action::kHoldShipments,    Action::kFinalNotice,    Action::kCollectionAgency,
      Action::kLegalAction,      Action::kWriteOff};
  return kLadder;
}

Policy Policy::defaults() {
  using R = ContactRole;
  Policy p;
  p.ladder[Action::kCourtesyReminder] = {5, {R::kBuyer}, {}};
  p.ladder[Action::kReminder] = {1, {R::kBuyer, R::kFinance}, {}};
  p.ladder[Action::kFirmReminder] = {15, {R::kBuyer, R::kFinance}, {R::kManager}};
  p.ladder[Action::kFollowUpCall] = {30, {R::kBuyer, R::kFinance}, {R::kManager, R::kOwner}};
  p.ladder[Action::kPersonalAppeal] = {45, {R::kBuyer, R::kFinance}, {R::kManager, R::kOwner}};
  p.ladder[Action::kPeerInquiry] = {60, {}, {}};
  p.ladder[Action::kHoldShipments] = {75, {R::kBuyer, R::kFinance, R::kManager}, {R::kOwner}};
  p.ladder[Action::kFinalNotice] = {90, {R::kBuyer, R::kFinance, R::kOwner}, {R::kManager}};
  p.ladder[Action::kCollectionAgency] = {120, {}, {}};
  p.ladder[Action::kLegalAction] = {120, {}, {}};
  p.ladder[Action::kWriteOff] = {365, {}, {}};
  // About USD 20,000 and USD 100,000 in each currency; set your own in overdue.toml.
  p.legal_min_minor = {{"USD", 2000000},   {"EUR", 1850000},    {"GBP", 1600000},
                       {"CNY", 14500000},  {"HKD", 15600000},   {"JPY", 3000000},
                       {"AUD", 3000000},   {"CAD", 2750000},    {"SGD", 2700000}};
  p.embassy_min_minor = {{"USD", 10000000}, {"EUR", 9250000},   {"GBP", 8000000},
                         {"CNY", 72500000}, {"HKD", 78000000},  {"JPY", 15000000},
                         {"AUD", 15000000}, {"CAD", 13750000},  {"SGD", 13500000}};
  return p;
}

}  // namespace overdue::engine
