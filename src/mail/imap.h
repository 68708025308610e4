// Fetching buyers' mail over IMAP with libcurl: imap:// (STARTTLS by config) and imaps://.
// Remembers UIDVALIDITY and the last UID fetched per mailbox, so nothing is fetched twice.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "config/mail_config.h"
#include "domain/result.h"

namespace overdue::mail {

struct ImapMessage {
  int64_t uid = 0;
  std::string raw;
};

struct ImapBatch {
  int64_t uidvalidity = 0;
  std::vector<ImapMessage> messages;  // UIDs above the last one fetched, ascending
};

// The messages of the configured folder with UID > last_uid (all of them when the folder's
// UIDVALIDITY is not `uidvalidity`). Errors name the server and what failed; never the password.
Result<ImapBatch> imap_fetch_new(const ImapConfig& config, const std::string& password,
                                 int64_t uidvalidity, int64_t last_uid);

// "imap://host:port/INBOX": the mailbox key under which the position is remembered.
std::string imap_mailbox_key(const ImapConfig& config);

}  // namespace overdue::mail
