#include "mail/imap.h"

#include "mail/curl_transport.h"

#include <curl/curl.h>

#include <mutex>
#include <sstream>

namespace overdue::mail {
namespace {

size_t append(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

// Escapes a folder name for the URL path (spaces and non-ASCII as %XX).
std::string url_path(const std::string& folder) {
  std::string out;
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : folder) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

class Session {
 public:
  Session(const ImapConfig& config, const std::string& password) : config_(config) {
    init_curl();
    curl_ = curl_easy_init();
    base_ = config.url;
    while (!base_.empty() && base_.back() == '/') base_.pop_back();
    if (!curl_) return;
    Transport transport{config.url, config.starttls, config.ca_file, config.user, config.timeout_seconds};
    set_transport(curl_, transport, "imap", password);
  }
  ~Session() {
    if (curl_) curl_easy_cleanup(curl_);
  }

  // Runs a request on the folder URL (custom command, or a fetch by UID); returns the body and
  // fills `headers` with the untagged responses.
  Result<std::string> run(const std::string& custom, int64_t uid, std::string* headers) {
    if (!curl_) return Error{"libcurl could not start"};
    std::string url = base_ + "/" + url_path(config_.folder);
    if (uid > 0) url += "/;UID=" + std::to_string(uid);
    std::string body;
    std::string head;
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, custom.empty() ? nullptr : custom.c_str());
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, append);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, append);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &head);
    CURLcode rc = curl_easy_perform(curl_);
    if (headers) *headers = head;
    if (rc != CURLE_OK) {
      return Error{"IMAP " + (custom.empty() ? "UID FETCH " + std::to_string(uid) : custom) + " on " +
                   base_ + " (folder " + config_.folder + ") failed: " + curl_easy_strerror(rc)};
    }
    return body;
  }

 private:
  const ImapConfig& config_;
  CURL* curl_ = nullptr;
  std::string base_;
};

}  // namespace

std::string imap_mailbox_key(const ImapConfig& config) {
  std::string base = config.url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/" + config.folder + (config.user.empty() ? "" : " as " + config.user);
}

Result<ImapBatch> imap_fetch_new(const ImapConfig& config, const std::string& password,
                                 int64_t uidvalidity, int64_t last_uid) {
  if (config.url.empty()) {
    return Error{"[imap] url is not set in the config (e.g. url = \"imaps://mail.example.com\")"};
  }
  Session session(config, password);
  std::string head;
  auto examined = session.run("EXAMINE \"" + config.folder + "\"", 0, &head);
  if (!examined) return examined.error();
  ImapBatch batch;
  std::string all = head + examined.value();
  auto at = all.find("UIDVALIDITY ");
  if (at == std::string::npos) {
    return Error{"IMAP server " + config.url + " gave no UIDVALIDITY for folder " + config.folder};
  }
  batch.uidvalidity = std::stoll(all.substr(at + 12));
  if (batch.uidvalidity != uidvalidity) last_uid = 0;  // a new folder: everything is new
  auto found = session.run("UID SEARCH UID " + std::to_string(last_uid + 1) + ":*", 0, &head);
  if (!found) return found.error();
  std::string text = head + found.value();
  auto line = text.find("* SEARCH");
  std::vector<int64_t> uids;
  if (line != std::string::npos) {
    std::istringstream in(text.substr(line + 8, text.find('\n', line) - line - 8));
    for (int64_t uid; in >> uid;) {
      if (uid > last_uid) uids.push_back(uid);  // "n:*" always names the last message
    }
  }
  std::sort(uids.begin(), uids.end());
  for (int64_t uid : uids) {
    auto raw = session.run("", uid, nullptr);
    if (!raw) return raw.error();
    batch.messages.push_back(ImapMessage{uid, raw.value()});
  }
  return batch;
}

}  // namespace overdue::mail
