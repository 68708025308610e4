// `overdue send`: delivers approved letters over SMTP, one `send` at a time per book.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/payment_commands.h"
#include "config/config.h"

namespace overdue::mail {

struct SendReport {
  std::vector<std::string> lines;  // one per letter handled, and letters found mid-send
  int sent = 0;
  int failed = 0;      // refused for good (5xx): state failed
  int deferred = 0;    // refused for now (4xx) or no session: still approved
  int unknown = 0;     // may or may not have arrived: a person decides
  std::string session_error;  // connecting, TLS or login failed: nothing more was tried
  bool ok() const { return failed == 0 && deferred == 0 && unknown == 0 && session_error.empty(); }
};

// Sends every approved letter (oldest first). Holds an exclusive lock on DB_PATH.send.lock for
// the whole run: a second concurrent send gets an error and touches nothing. Letters found in
// `sending` (a send that died) become `unknown` and are never sent again without
// `overdue outbox resolve`. `now_unix` is the Date header of the messages.
Result<SendReport> send_letters(app::CommandContext& ctx, const Config& config,
                                const std::string& db_path, int64_t now_unix);

}  // namespace overdue::mail
