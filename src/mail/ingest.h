// Buyers' mail in (issue 7): each message is stored (raw, never dropped, never twice), stripped of
// quoted history, matched to a customer (our letter's Message-ID, then the sender, then invoice
// numbers), classified, and — when the classifier is confident enough — applied to the case:
// reason, promise, dispute, suggested contact. Below the threshold a person reviews it.
#pragma once

#include <string>
#include <vector>

#include "app/payment_commands.h"
#include "config/mail_config.h"
#include "replies/classifier.h"
#include "store/inbox.h"

namespace overdue::mail {

struct IngestOptions {
  double min_confidence = 0.6;  // [replies] min_confidence
};

struct IngestReport {
  std::vector<std::string> lines;  // one per message
  int ingested = 0;
  int duplicates = 0;
  int applied = 0;
  int review = 0;
  int unmatched = 0;
  int auto_replies = 0;
  int malformed = 0;
};

// Ingests one message's bytes (from `source`: a file path or an IMAP URL). Adds to `report`.
void ingest_message(app::CommandContext& ctx, const replies::Classifier& classifier,
                    const IngestOptions& options, const std::string& raw, const std::string& source,
                    IngestReport& report);

// Ingests .eml files and Maildirs (cur/ and new/); an unreadable path is an error before anything
// is written.
Result<IngestReport> ingest_paths(app::CommandContext& ctx, const replies::Classifier& classifier,
                                  const IngestOptions& options, const std::vector<std::string>& paths);

// Fetches the new messages of the [imap] folder and ingests them; the IMAP position (UIDVALIDITY,
// last UID) is saved in the same transaction, so a message is fetched once.
Result<IngestReport> fetch_replies(app::CommandContext& ctx, const replies::Classifier& classifier,
                                   const IngestOptions& options, const ImapConfig& imap);

// Puts an unmatched reply on CUSTOMER's case and applies it like a matched one.
Result<std::string> assign_reply(app::CommandContext& ctx, const replies::Classifier& classifier,
                                 const IngestOptions& options, int64_t id, const std::string& customer);

// A person's reading of a reply: sets REASON (and a promise by DATE) on the case; the correction
// is appended to `corrections_file` (corpus format) for retraining.
Result<std::string> review_reply(app::CommandContext& ctx, int64_t id, const std::string& reason,
                                 const std::string& promise, const std::string& corrections_file);

// Adds the contact a wrong_contact reply named (role of the person who wrote, else buyer).
Result<std::string> accept_contact(app::CommandContext& ctx, int64_t id);

}  // namespace overdue::mail
