#include "mail/smtp.h"

#include "mail/curl_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace overdue::mail {
namespace {

struct Transfer {
  const std::string* message = nullptr;
  size_t offset = 0;
  bool data_finished = false;  // every byte of the message was handed to libcurl
  std::string last_command;    // the last command we sent (AUTH lines are not kept)
  std::string reply;           // the server's reply lines to the last command
  int final_code = 0;          // the server's answer to the end of the message
  bool failed = false;         // the server refused something; later lines are not kept
  int failed_code = 0;
};

size_t read_message(char* buffer, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t room = size * count;
  size_t left = t->message->size() - t->offset;
  size_t n = std::min(room, left);
  std::memcpy(buffer, t->message->data() + t->offset, n);
  t->offset += n;
  if (t->offset == t->message->size()) t->data_finished = true;
  return n;
}

// Keeps the server's replies to the current command; AUTH exchanges are never recorded.
int on_debug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::string text(data, size);
  if (type == CURLINFO_HEADER_OUT) {
    std::string command = text.substr(0, text.find_first_of(" \r\n"));
    for (auto& c : command) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (command == "QUIT" || t->failed) return 0;  // keep the answer that ended the session
    bool secret = command == "AUTH" || t->last_command == "AUTH";
    t->last_command = secret ? "AUTH" : command;
    t->reply.clear();
  } else if (type == CURLINFO_HEADER_IN && !t->failed) {
    if (t->data_finished && text.size() >= 3 && std::isdigit(static_cast<unsigned char>(text[0]))) {
      t->final_code = std::atoi(text.substr(0, 3).c_str());
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (t->last_command != "AUTH" || text.rfind("334", 0) != 0) {
      t->reply += (t->reply.empty() ? "" : "\n") + text;
    }
    // The first refusal (4xx/5xx) ends the transaction; curl then only says QUIT.
    if (text.size() >= 4 && (text[0] == '4' || text[0] == '5') && text[3] != '-') {
      t->failed = true;
      t->failed_code = std::atoi(text.substr(0, 3).c_str());
    }
  }
  return 0;
}

std::string angle(const std::string& address) { return "<" + address + ">"; }

}  // namespace

SmtpSession::SmtpSession(const SmtpConfig& config, std::string password)
    : config_(config), password_(std::move(password)) {
  init_curl();
  curl_ = curl_easy_init();
}

SmtpSession::~SmtpSession() {
  if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

SmtpOutcome SmtpSession::send(const std::string& envelope_from,
                              const std::vector<std::string>& recipients,
                              const std::string& message) {
  SmtpOutcome out;
  auto* curl = static_cast<CURL*>(curl_);
  if (!curl) {
    out.detail = "libcurl could not start";
    return out;
  }
  Transfer t;
  t.message = &message;
  curl_slist* rcpts = nullptr;
  for (const auto& r : recipients) rcpts = curl_slist_append(rcpts, angle(r).c_str());
  std::string from = angle(envelope_from);
  curl_easy_setopt(curl, CURLOPT_URL, config_.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpts);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(curl, CURLOPT_READDATA, &t);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, on_debug);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &t);
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);  // feeds on_debug; nothing is printed
  Transport transport{config_.url, config_.starttls, config_.ca_file, config_.user,
                      config_.timeout_seconds};
  set_transport(curl, transport, "smtp", password_);
  CURLcode rc = curl_easy_perform(curl);
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  // The handle keeps pointers to these; they die with this call.
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, nullptr);
  curl_easy_setopt(curl, CURLOPT_READDATA, nullptr);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, nullptr);
  curl_slist_free_all(rcpts);

  out.code = t.failed ? t.failed_code : static_cast<int>(code);
  out.reply = t.reply;
  if (rc == CURLE_OK) {
    out.kind = SmtpOutcome::Kind::kSent;
    out.reply = out.reply.substr(out.reply.rfind('\n') == std::string::npos ? 0 : out.reply.rfind('\n') + 1);
    return out;
  }
  out.detail = curl_easy_strerror(rc);
  if (t.data_finished) {
    // After the final "." only the server's answer says whether it took the message.
    if (t.final_code == 0) {
      out.kind = SmtpOutcome::Kind::kUncertain;
      return out;
    }
    out.code = t.final_code;
  } else if (t.last_command != "RCPT" && t.last_command != "DATA") {
    // Connecting, TLS, EHLO, AUTH or MAIL FROM failed: a problem of the session, not of this
    // letter — every letter would meet it.
    out.kind = SmtpOutcome::Kind::kNoSession;
    return out;
  }
  out.kind = out.code >= 500 ? SmtpOutcome::Kind::kPermanent : SmtpOutcome::Kind::kTemporary;
  return out;
}

}  // namespace overdue::mail
