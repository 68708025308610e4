#include "mail/curl_transport.h"

#include <mutex>

namespace overdue::mail {

void init_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

void set_transport(CURL* curl, const Transport& t, const std::string& plain_scheme,
                   const std::string& password) {
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(t.timeout_seconds));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(t.timeout_seconds) * 4);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  if (t.url.rfind(plain_scheme + "://", 0) == 0) {
    long tls = t.starttls == StartTls::kNo    ? CURLUSESSL_NONE
               : t.starttls == StartTls::kTry ? CURLUSESSL_TRY
                                              : CURLUSESSL_ALL;
    curl_easy_setopt(curl, CURLOPT_USE_SSL, tls);
  }
  if (!t.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, t.ca_file.c_str());
  if (!t.user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, t.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, password.c_str());
  }
}

}  // namespace overdue::mail
