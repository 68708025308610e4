// The libcurl options SMTP and IMAP share: timeouts, STARTTLS, a private CA, the login.
#pragma once

#include <curl/curl.h>

#include <string>

#include "config/mail_config.h"

namespace overdue::mail {

struct Transport {
  std::string url;
  StartTls starttls = StartTls::kTry;
  std::string ca_file;
  std::string user;
  int timeout_seconds = 30;
};

// Sets the shared options on `curl` (after curl_global_init). `plain_scheme` is "smtp" or
// "imap": only that scheme negotiates STARTTLS; smtps:// and imaps:// are TLS from the start.
// `password` must outlive the transfer.
void set_transport(CURL* curl, const Transport& t, const std::string& plain_scheme,
                   const std::string& password);

// curl_global_init, once per process.
void init_curl();

}  // namespace overdue::mail
