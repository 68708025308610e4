// The inbox: buyers' mail as ingested (issue 7), with what it was matched to and how it was read.
// A reply is never dropped: malformed mail is kept raw with its parse error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/civil_date.h"

namespace overdue::store {

struct ReplyAttachment {
  std::string filename;
  std::string content_type;
  std::string data;
};

struct Reply {
  int64_t id = 0;
  std::string message_id;     // unique: the same message is never ingested twice
  std::string source;         // the file, or imap://…;UID=n
  CivilDate received;         // the local date of its Date header (R of domain.md §8)
  std::string ingested_on;    // the --as-of date of the ingest
  std::string from_addr;
  std::string from_name;
  std::string subject;
  std::string in_reply_to;
  std::string references;
  std::string text;           // what the buyer wrote now: quotes and signature removed
  std::string raw;            // the message as received
  std::string parse_error;    // non-empty: the mail could not be read as MIME
  bool auto_reply = false;
  std::string customer_id;    // empty while unmatched
  int64_t letter_id = 0;      // our letter it answers, when known
  std::string matched_by;     // in_reply_to, references, sender, invoice, manual
  std::string classification; // JSON: reason, confidence, promise, invoices, references, redirect, why
  // applied | review | reviewed | unmatched | auto_reply | malformed
  std::string status;
  std::string note;           // what was applied, in words
  std::vector<ReplyAttachment> attachments;
};

class Inbox {
 public:
  virtual ~Inbox() = default;
  virtual bool has_message_id(const std::string& message_id) = 0;
  virtual int64_t insert(const Reply& reply) = 0;  // with its attachments
  virtual void update(const Reply& reply) = 0;     // every field but raw and attachments
  virtual std::optional<Reply> find(int64_t id) = 0;
  // Replies, oldest first, filtered by status and/or customer when given (no raw, no data).
  virtual std::vector<Reply> list(const std::string& status, const std::string& customer_id) = 0;
  // The last UID fetched from an IMAP mailbox under its UIDVALIDITY (0, 0 when never fetched).
  virtual std::pair<int64_t, int64_t> imap_position(const std::string& mailbox) = 0;
  virtual void set_imap_position(const std::string& mailbox, int64_t uidvalidity, int64_t uid) = 0;
};

}  // namespace overdue::store
