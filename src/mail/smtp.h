// Delivers one message over SMTP with libcurl: smtp:// and smtps://, STARTTLS, AUTH.
#pragma once

#include <string>
#include <vector>

#include "config/mail_config.h"

namespace overdue::mail {

struct SmtpOutcome {
  enum class Kind {
    kSent,        // the server accepted the message (250 after DATA)
    kTemporary,   // a 4xx answer: nothing delivered, try again on the next send
    kPermanent,   // a 5xx answer to a recipient or to the message: nothing delivered
    kNoSession,   // could not connect, TLS or login failed: nothing delivered, the letter waits
    kUncertain,   // the message was transmitted but no answer came: it may have been delivered
  };
  Kind kind = Kind::kNoSession;
  int code = 0;            // the server's last reply code, 0 when none
  std::string reply;       // the server's reply lines to the failing command (or the 250)
  std::string detail;      // libcurl's error text when there was no server reply
};

// One SMTP connection for a run of messages: libcurl keeps the connection (and its TLS and
// login) open between `send` calls and opens a new one only when the server closed it or a
// transaction failed. The password is never logged or returned.
class SmtpSession {
 public:
  SmtpSession(const SmtpConfig& config, std::string password);
  ~SmtpSession();
  SmtpSession(const SmtpSession&) = delete;
  SmtpSession& operator=(const SmtpSession&) = delete;

  // Sends `message` (CRLF line ends) from `envelope_from` to every address of `recipients`.
  // Either every recipient is accepted and the message is delivered once, or nothing is
  // delivered (a rejected recipient aborts the transaction).
  SmtpOutcome send(const std::string& envelope_from, const std::vector<std::string>& recipients,
                   const std::string& message);

 private:
  const SmtpConfig& config_;
  std::string password_;
  void* curl_ = nullptr;  // CURL*
};

}  // namespace overdue::mail
