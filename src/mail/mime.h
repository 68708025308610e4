// RFC 5322 / MIME messages with gmime-3.0: building our letters and reading messages back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/result.h"

namespace overdue::mail {

struct Attachment {
  std::string filename;
  std::string content_type;  // "text/csv"
  std::string data;
};

struct OutgoingMessage {
  std::string from;                 // "Name <address>" or an address
  std::vector<std::string> to;      // mailboxes: "Name <address>" or an address
  std::vector<std::string> cc;
  std::string reply_to;
  std::string subject;              // UTF-8; encoded as RFC 2047 words when not ASCII
  std::string text;                 // text/plain body, UTF-8
  bool html_alternative = true;     // add a text/html alternative made from the text
  std::string message_id;           // without angle brackets
  std::string in_reply_to;          // without angle brackets, may be empty
  std::string references;           // space-separated ids without brackets, may be empty
  int64_t date_unix = 0;            // the Date header (seconds since the epoch, UTC)
  std::vector<Attachment> attachments;
};

// The message as bytes with CRLF line ends, ready for SMTP or an .eml file.
std::string build_message(const OutgoingMessage& m);

struct Mailbox {
  std::string name;     // decoded display name, may be empty
  std::string address;  // lower case
};

struct ParsedMessage {
  std::string message_id;
  std::string in_reply_to;
  std::string references;
  std::string subject;  // decoded
  std::vector<Mailbox> from;
  std::vector<Mailbox> to;
  std::vector<Mailbox> cc;
  std::vector<Mailbox> reply_to;
  std::vector<std::pair<std::string, std::string>> headers;  // every header, decoded, in order
  // The Date header: the sender's local civil date and time as written (its own zone), and
  // whether one could be read.
  bool has_date = false;
  int year = 0, month = 0, day = 0;
  int64_t date_unix = 0;
  std::string text;  // the first text/plain part, decoded to UTF-8
  std::string html;  // the first text/html part, decoded to UTF-8
  std::vector<Attachment> attachments;
};

// The first header named `name` (any case), or "".
std::string header_value(const ParsedMessage& m, std::string_view name);

// Parses a message; an error when it is not a message at all.
Result<ParsedMessage> parse_message(const std::string& raw);

// Parses "Name <a@b>, c@d" into mailboxes; an error naming the text when one is not an address.
Result<std::vector<Mailbox>> parse_mailboxes(const std::string& text);

// "Name <a@b>" for a display name and address (the name quoted when needed; non-ASCII names
// stay UTF-8 here and are encoded when the message is built).
std::string mailbox_text(const std::string& name, const std::string& address);

}  // namespace overdue::mail
