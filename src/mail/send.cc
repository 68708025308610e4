#include "mail/send.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "mail/mime.h"
#include "mail/outbox.h"
#include "mail/smtp.h"

namespace overdue::mail {
namespace {

using store::Letter;
using store::LetterState;

// An exclusive, non-blocking flock on a file beside the book; released when the process ends,
// even when it dies.
class SendLock {
 public:
  explicit SendLock(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) == 0) {
      held_ = true;
      std::string pid = std::to_string(::getpid()) + "\n";
      if (::ftruncate(fd_, 0) == 0) {
        ssize_t ignored = ::pwrite(fd_, pid.data(), pid.size(), 0);
        (void)ignored;
      }
    }
  }
  ~SendLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool held() const { return held_; }
  std::string holder() const {
    char buf[32] = {};
    ssize_t n = fd_ >= 0 ? ::pread(fd_, buf, sizeof buf - 1, 0) : 0;
    std::string pid(buf, n > 0 ? static_cast<size_t>(n) : 0);
    while (!pid.empty() && pid.back() == '\n') pid.pop_back();
    return pid;
  }

 private:
  std::string path_;
  int fd_ = -1;
  bool held_ = false;
};

std::vector<std::string> envelope_recipients(const Letter& l) {
  std::vector<std::string> out;
  for (const auto* list : {&l.to, &l.cc}) {
    for (const auto& m : *list) {
      auto parsed = parse_mailboxes(m);
      if (parsed) {
        for (const auto& box : parsed.value()) out.push_back(box.address);
      }
    }
  }
  return out;
}

std::string envelope_from(const std::string& from) {
  auto parsed = parse_mailboxes(from);
  return parsed ? parsed.value().front().address : from;
}

std::string one_line(std::string s) {
  for (auto& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

}  // namespace

Result<SendReport> send_letters(app::CommandContext& ctx, const Config& config,
                                const std::string& db_path, int64_t now_unix) {
  std::string lock_path = db_path + ".send.lock";
  SendLock lock(lock_path);
  if (!lock.held()) {
    std::string who = lock.holder();
    return Error{"another 'overdue send' is running on this book" +
                 (who.empty() ? std::string() : " (process " + who + ")") +
                 ": it holds " + lock_path + "; wait for it to finish (no letter was touched)"};
  }
  SendReport report;
  auto& outbox = ctx.store.outbox();
  {
    // A letter still `sending` belongs to a send that died: it may have arrived.
    auto tx = ctx.store.begin();
    for (auto l : outbox.list(LetterState::kSending)) {
      l.state = LetterState::kUnknown;
      outbox.update(l);
      journal_letter(ctx, "letter.unknown", l, {{"why", "found in sending at start: the previous send "
                                                "stopped mid-delivery"}});
      ++report.unknown;
      report.lines.push_back("#" + std::to_string(l.id) + " " + l.customer_id +
                             ": was being sent when a previous send stopped: now unknown — "
                             "check with the recipient, then 'overdue outbox resolve " +
                             std::to_string(l.id) + " sent|retry'");
    }
    tx->commit();
  }
  auto approved = outbox.list(LetterState::kApproved);
  if (approved.empty()) return report;
  if (config.smtp.url.empty()) {
    return Error{"[smtp] url is not set in the config (e.g. url = \"smtp://mail.example.com:587\"): "
                 "cannot send " + std::to_string(approved.size()) + " approved letter(s)"};
  }
  auto password = smtp_password(config.smtp);
  if (!password) return password.error();

  SmtpSession session(config.smtp, password.value());
  for (auto l : approved) {
    {
      // `sending` is on disk before the first byte leaves. The outcome below may be lost with
      // the machine: the letter then shows as `sending`, so `unknown`, never re-sent on its own.
      ctx.store.set_commits_durable(true);
      auto tx = ctx.store.begin();
      Letter unsent = l;
      unsent.raw.clear();
      l.raw = letter_message(unsent, now_unix);
      l.state = LetterState::kSending;
      ++l.attempts;
      outbox.update(l);
      tx->commit();
      ctx.store.set_commits_durable(false);
    }
    SmtpOutcome out = session.send(envelope_from(l.from), envelope_recipients(l), l.raw);
    std::string head = "#" + std::to_string(l.id) + " " + l.customer_id + " " +
                       std::string(to_string(l.action)) + ": ";
    std::string answer = one_line(out.reply.empty() ? out.detail : out.reply);
    auto tx = ctx.store.begin();
    l.server_reply = out.reply.empty() ? out.detail : out.reply;
    switch (out.kind) {
      case SmtpOutcome::Kind::kSent:
        l.state = LetterState::kSent;
        l.sent_on = ctx.as_of;
        ctx.store.add_step(l.customer_id,
                           StepRecord{l.action, ctx.as_of, "letter #" + std::to_string(l.id)});
        ++report.sent;
        report.lines.push_back(head + "sent (" + answer + ")");
        break;
      case SmtpOutcome::Kind::kPermanent:
        l.state = LetterState::kFailed;
        ++report.failed;
        report.lines.push_back(head + "failed, the server refused it: " + answer);
        break;
      case SmtpOutcome::Kind::kTemporary:
        l.state = LetterState::kApproved;
        l.raw.clear();
        ++report.deferred;
        report.lines.push_back(head + "not delivered, the server said try later: " + answer +
                               " (stays approved; the next send retries)");
        break;
      case SmtpOutcome::Kind::kNoSession:
        l.state = LetterState::kApproved;
        l.raw.clear();
        --l.attempts;
        ++report.deferred;
        report.session_error = "cannot send through " + config.smtp.url + ": " + answer;
        break;
      case SmtpOutcome::Kind::kUncertain:
        l.state = LetterState::kUnknown;
        ++report.unknown;
        report.lines.push_back(head + "unknown: the message was transmitted but the server did "
                               "not confirm it (" + answer + "); check, then 'overdue outbox "
                               "resolve " + std::to_string(l.id) + " sent|retry'");
        break;
    }
    outbox.update(l);
    journal_letter(ctx, l.state == LetterState::kApproved ? "letter.deferred" : "letter." + std::string(to_string(l.state)), l,
           {{"server_reply", l.server_reply}, {"attempt", l.attempts}});
    tx->commit();
    if (!report.session_error.empty()) break;
  }
  return report;
}

}  // namespace overdue::mail
