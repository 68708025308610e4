// The outbox: letters from draft to sent, one row per letter. A letter's state changes only
// through the transitions below; every change is journaled by the caller.
//
//   draft -> approved -> sending -> sent | failed
//   draft -> replaced (a later day's draft took its place) | cancelled
//   approved -> cancelled; sending -> approved (temporary refusal, retried on the next send)
//   sending -> unknown (found at start-up: the process died mid-send) -> sent | approved (by hand)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_date.h"
#include "domain/collection.h"

namespace overdue::store {

enum class LetterState { kDraft, kApproved, kSending, kSent, kFailed, kUnknown, kCancelled,
                         kReplaced };

std::string_view to_string(LetterState s);
std::optional<LetterState> parse_letter_state(std::string_view s);
std::string allowed_letter_states();

struct Letter {
  int64_t id = 0;
  std::string customer_id;   // whose case the letter belongs to
  Action action = Action::kReminder;
  CivilDate as_of;           // the plan date it was drafted for
  LetterState state = LetterState::kDraft;
  std::string language;      // en, zh, zh-Hant
  std::string from;          // "Name <address>"
  std::vector<std::string> to;
  std::vector<std::string> cc;
  std::string reply_to;
  std::string subject;
  std::string body;          // text/plain, UTF-8
  std::string attachment_name;
  std::string attachment;    // the customer's statement as CSV
  std::string message_id;    // without angle brackets; stable for the letter's life
  std::string in_reply_to;   // the buyer's Message-ID this letter answers, if any
  std::string references;
  std::vector<std::string> invoices;
  std::optional<CivilDate> pay_by;
  std::vector<std::string> why;
  std::string recipient_customer_id;  // peer_inquiry: the peer written to; else customer_id
  int attempts = 0;
  std::string server_reply;  // the SMTP server's last answer
  std::optional<CivilDate> sent_on;
  std::string raw;           // the exact message handed to the server (set when sending)
  std::string updated_at;
};

class Outbox {
 public:
  virtual ~Outbox() = default;
  // Inserts a new letter and returns its id.
  virtual int64_t insert(const Letter& letter) = 0;
  // Writes every field of an existing letter.
  virtual void update(const Letter& letter) = 0;
  virtual std::optional<Letter> find(int64_t id) = 0;
  // The letter with this Message-ID (without angle brackets), if it is ours.
  virtual std::optional<Letter> find_by_message_id(const std::string& message_id) = 0;
  // Letters, newest id first; filtered by state and/or customer when given.
  virtual std::vector<Letter> list(std::optional<LetterState> state,
                                   const std::string& customer_id = "") = 0;
  // The customer's letters that may still go out (draft, approved, sending, unknown).
  virtual std::vector<Letter> pending_of(const std::string& customer_id) = 0;
};

}  // namespace overdue::store
