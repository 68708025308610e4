#include "mail/ingest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "mail/imap.h"
#include "mail/mime.h"
#include "replies/quoted.h"
#include "replies/render.h"

namespace overdue::mail {
namespace {

namespace fs = std::filesystem;
using store::Reply;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// A stable id for mail that has no Message-ID of its own (FNV-1a over the bytes).
std::string synthetic_id(const std::string& raw) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : raw) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "no-message-id.%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// Candidate document numbers: runs of ASCII letters, digits and -/_. holding a digit, 3-40 long,
// at most 40 distinct ones.
std::vector<std::string> document_words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    while (!word.empty() && (word.back() == '.' || word.back() == '-')) word.pop_back();
    bool digit = std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digit && word.size() >= 3 && word.size() <= 40 && out.size() < 40 &&
        std::find(out.begin(), out.end(), word) == out.end()) {
      out.push_back(word);
    }
    word.clear();
  };
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '/' || c == '_' || c == '.') {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

bool is_auto_reply(const ParsedMessage& m, std::string* why) {
  std::string auto_submitted = lower(header_value(m, "Auto-Submitted"));
  if (!auto_submitted.empty() && auto_submitted != "no") {
    *why = "Auto-Submitted: " + auto_submitted;
    return true;
  }
  for (const char* h : {"X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"}) {
    if (!header_value(m, h).empty() && std::string(h) != "X-Auto-Response-Suppress") {
      *why = std::string(h) + " header";
      return true;
    }
  }
  std::string precedence = lower(header_value(m, "Precedence"));
  if (precedence == "auto_reply") {
    *why = "Precedence: auto_reply";
    return true;
  }
  std::string subject = lower(m.subject);
  for (const char* prefix : {"automatic reply", "auto reply", "autoreply", "out of office",
                             "out of the office", "自动回复", "自動回覆", "自动答复", "休假"}) {
    if (subject.rfind(prefix, 0) == 0 || subject.find(std::string(": ") + prefix) != std::string::npos) {
      *why = "subject starts \"" + std::string(prefix) + "\"";
      return true;
    }
  }
  return false;
}

void record(app::CommandContext& ctx, const std::string& action, const Reply& r, nlohmann::json detail) {
  detail["reply"] = r.id;
  detail["status"] = r.status;
  ctx.store.journal(store::JournalEntry{0, "", ctx.actor, ctx.as_of.iso(), action,
                                        r.customer_id.empty() ? "reply:" + std::to_string(r.id) : r.customer_id,
                                        detail.dump()});
}

std::string classification_json(const replies::Classification& c) {
  std::string out;
  replies::append_json(out, c);
  return out;
}

// Applies a classification to the reply's customer: reason, promise, dispute. Returns the words.
std::string apply(app::CommandContext& ctx, Reply& r, Reason reason,
                  const std::optional<CivilDate>& promise, const std::optional<Money>& amount,
                  const std::vector<std::string>& invoices, const std::string& why) {
  const std::string source = "reply:" + std::to_string(r.id);
  std::vector<std::string> done;
  ctx.store.add_reason(r.customer_id, ReasonRecord{reason, r.received, source, why});
  done.push_back("reason " + std::string(to_string(reason)));
  std::vector<std::string> own;
  for (const auto& no : invoices) {
    auto inv = ctx.store.find_invoice(no);
    if (inv && inv->customer_id == r.customer_id) own.push_back(no);
  }
  if (promise && *promise >= r.received) {
    PromiseRecord p;
    p.made_on = r.received;
    p.date = *promise;
    if (amount) p.amount = *amount;
    p.invoices = own;
    p.source = source;
    ctx.store.add_promise(r.customer_id, p);
    done.push_back("promise to pay " + (amount ? amount->str() + " " : std::string()) + "by " + promise->iso());
  }
  if (reason == Reason::kDispute) {
    auto open = ctx.store.open_disputed_invoices(r.customer_id);
    for (const auto& no : own) {
      if (open.count(no)) continue;
      DisputeRecord d;
      d.invoice_no = no;
      d.category = DisputeCategory::kOther;
      d.opened_on = r.received;
      d.note = "from " + source + ": " + r.subject;
      ctx.store.open_dispute(r.customer_id, d);
      done.push_back("dispute opened on " + no);
    }
    if (own.empty()) done.push_back("no invoice named: open the dispute by hand ('overdue dispute open INVOICE')");
  }
  std::string note;
  for (const auto& d : done) note += (note.empty() ? "" : "; ") + d;
  return note;
}

// Matches, classifies and applies a stored reply (status unmatched/applied/review after it).
void read_and_apply(app::CommandContext& ctx, const replies::Classifier& classifier,
                    const IngestOptions& options, Reply& r, const replies::Classification& c) {
  r.classification = classification_json(c);
  if (r.customer_id.empty()) {
    r.status = "unmatched";
    r.note = "no letter, contact or invoice of ours matched: 'overdue replies assign " +
             std::to_string(r.id) + " CUSTOMER'";
    return;
  }
  (void)classifier;
  if (r.auto_reply) return;
  bool peer = false;
  if (r.letter_id) {
    auto letter = ctx.store.outbox().find(r.letter_id);
    peer = letter && letter->action == Action::kPeerInquiry;
  }
  if (peer) {
    r.status = "review";
    r.note = "an answer to our peer inquiry (from another customer): read it by hand";
    return;
  }
  if (!c.readable || c.confidence < options.min_confidence) {
    r.status = "review";
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.2f", c.confidence);
    r.note = "read as " + std::string(to_string(c.reason)) + " with confidence " + conf +
             " < replies.min_confidence: a person decides ('overdue replies review " +
             std::to_string(r.id) + " --reason CODE')";
    return;
  }
  std::string why = c.why.substr(0, 200);
  std::vector<std::string> invoices = c.invoices;
  for (const auto& word : document_words(r.subject + "\n" + r.text)) {
    if (std::find(invoices.begin(), invoices.end(), word) == invoices.end()) invoices.push_back(word);
  }
  r.note = apply(ctx, r, c.reason, c.promise_date, c.promise_amount, invoices, why);
  if (c.reason == Reason::kWrongContact && c.redirect && !c.redirect->email.empty()) {
    r.note += "; suggested contact " + c.redirect->email + ": 'overdue replies accept-contact " +
              std::to_string(r.id) + "'";
  }
  r.status = "applied";
}

}  // namespace

void ingest_message(app::CommandContext& ctx, const replies::Classifier& classifier,
                    const IngestOptions& options, const std::string& raw, const std::string& source,
                    IngestReport& report) {
  Reply r;
  r.source = source;
  r.raw = raw;
  r.ingested_on = ctx.as_of.iso();
  r.received = ctx.as_of;
  auto parsed = parse_message(raw);
  std::string auto_why;
  if (!parsed || (parsed.value().headers.empty())) {
    r.message_id = synthetic_id(raw);
    r.parse_error = parsed ? "no headers: not a mail message" : parsed.error().message;
    r.status = "malformed";
  } else {
    const ParsedMessage& m = parsed.value();
    r.message_id = m.message_id.empty() ? synthetic_id(raw) : m.message_id;
    if (m.has_date) r.received = CivilDate(m.year, static_cast<unsigned>(m.month), static_cast<unsigned>(m.day));
    if (!m.from.empty()) {
      r.from_addr = m.from.front().address;
      r.from_name = m.from.front().name;
    }
    r.subject = m.subject;
    r.in_reply_to = m.in_reply_to;
    r.references = m.references;
    std::string body = !m.text.empty() ? m.text : replies::html_to_text(m.html);
    r.text = replies::strip_quoted(body).text;
    for (const auto& a : m.attachments) r.attachments.push_back({a.filename, a.content_type, a.data});
    r.auto_reply = is_auto_reply(m, &auto_why);
  }
  if (ctx.store.inbox().has_message_id(r.message_id)) {
    ++report.duplicates;
    report.lines.push_back(source + ": already ingested (Message-ID " + r.message_id + ")");
    return;
  }
  replies::Classification c;
  if (r.status != "malformed") {
    // Match: our letter it answers, then the sender, then invoice numbers in the text.
    std::vector<std::string> ids;
    if (!r.in_reply_to.empty()) ids.push_back(r.in_reply_to);
    std::istringstream refs(r.references);
    for (std::string id; refs >> id;) ids.push_back(id);
    for (const auto& id : ids) {
      if (auto letter = ctx.store.outbox().find_by_message_id(id)) {
        r.customer_id = letter->customer_id;
        r.letter_id = letter->id;
        r.matched_by = id == r.in_reply_to ? "in_reply_to" : "references";
        break;
      }
    }
    if (r.customer_id.empty() && !r.from_addr.empty()) {
      std::vector<std::string> owners;
      for (const auto& contact : ctx.store.all_contacts()) {
        if (contact.email == r.from_addr &&
            std::find(owners.begin(), owners.end(), contact.customer_id) == owners.end()) {
          owners.push_back(contact.customer_id);
        }
      }
      if (owners.size() == 1) {
        r.customer_id = owners.front();
        r.matched_by = "sender";
      }
    }
    c = classifier.classify(r.subject + "\n" + r.text, r.received);
    if (r.customer_id.empty()) {
      // Invoice or order numbers: any word of letters, digits and -/_. with a digit in it that
      // the book knows (the subject and the new text only, not the quoted history).
      std::vector<std::string> owners;
      for (const auto& word : document_words(r.subject + "\n" + r.text)) {
        for (const auto& id : ctx.store.customers_of_document(word)) {
          if (std::find(owners.begin(), owners.end(), id) == owners.end()) owners.push_back(id);
        }
      }
      if (owners.size() == 1) {
        r.customer_id = owners.front();
        r.matched_by = "invoice";
      }
    }
    r.status = r.auto_reply ? "auto_reply" : "review";
    if (r.auto_reply) r.note = "automatic reply (" + auto_why + "): changes no reason";
  }
  r.id = ctx.store.inbox().insert(r);
  if (r.status != "malformed") {
    read_and_apply(ctx, classifier, options, r, c);
    ctx.store.inbox().update(r);
  }
  record(ctx, "reply.ingest", r, {{"message_id", r.message_id}, {"source", source},
                                  {"matched_by", r.matched_by}, {"note", r.note}});
  ++report.ingested;
  if (r.status == "applied") ++report.applied;
  if (r.status == "review") ++report.review;
  if (r.status == "unmatched") ++report.unmatched;
  if (r.status == "auto_reply") ++report.auto_replies;
  if (r.status == "malformed") ++report.malformed;
  std::string line = "#" + std::to_string(r.id) + " " + source + ": " + r.status;
  if (!r.customer_id.empty()) line += " " + r.customer_id + " (by " + r.matched_by + ")";
  if (r.status == "malformed") line += ": " + r.parse_error;
  if (!r.note.empty()) line += " — " + r.note;
  report.lines.push_back(line);
}

Result<IngestReport> ingest_paths(app::CommandContext& ctx, const replies::Classifier& classifier,
                                  const IngestOptions& options, const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      bool maildir = fs::is_directory(fs::path(p) / "cur") || fs::is_directory(fs::path(p) / "new");
      std::vector<fs::path> found;
      for (const char* sub : {"cur", "new"}) {
        if (!maildir) break;
        for (const auto& e : fs::directory_iterator(fs::path(p) / sub, ec)) {
          if (e.is_regular_file()) found.push_back(e.path());
        }
      }
      if (!maildir) {
        for (const auto& e : fs::directory_iterator(p, ec)) {
          if (e.is_regular_file() && e.path().extension() == ".eml") found.push_back(e.path());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      return Error{p + ": no such file or directory (expected .eml files or a Maildir)"};
    }
  }
  std::vector<std::string> contents;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return Error{f.string() + ": cannot read"};
    std::ostringstream text;
    text << in.rdbuf();
    contents.push_back(text.str());
  }
  IngestReport report;
  auto tx = ctx.store.begin();
  for (size_t i = 0; i < files.size(); ++i) {
    ingest_message(ctx, classifier, options, contents[i], files[i].string(), report);
  }
  tx->commit();
  return report;
}

Result<IngestReport> fetch_replies(app::CommandContext& ctx, const replies::Classifier& classifier,
                                   const IngestOptions& options, const ImapConfig& imap) {
  auto password = imap_password(imap);
  if (!password) return password.error();
  const std::string key = imap_mailbox_key(imap);
  auto [uidvalidity, last_uid] = ctx.store.inbox().imap_position(key);
  auto batch = imap_fetch_new(imap, password.value(), uidvalidity, last_uid);
  if (!batch) return batch.error();
  IngestReport report;
  auto tx = ctx.store.begin();
  int64_t last = batch.value().uidvalidity == uidvalidity ? last_uid : 0;
  for (const auto& m : batch.value().messages) {
    ingest_message(ctx, classifier, options, m.raw, key + ";UID=" + std::to_string(m.uid), report);
    last = std::max(last, m.uid);
  }
  ctx.store.inbox().set_imap_position(key, batch.value().uidvalidity, last);
  tx->commit();
  return report;
}

Result<std::string> assign_reply(app::CommandContext& ctx, const replies::Classifier& classifier,
                                 const IngestOptions& options, int64_t id, const std::string& customer) {
  auto tx = ctx.store.begin();
  auto found = ctx.store.inbox().find(id);
  if (!found) return Error{"no reply #" + std::to_string(id)};
  Reply r = *found;
  if (r.status != "unmatched") {
    return Error{"reply #" + std::to_string(id) + " is " + r.status + ": only an unmatched reply can be assigned"};
  }
  if (!ctx.store.find_customer(customer)) return Error{"unknown customer '" + customer + "'"};
  r.customer_id = customer;
  r.matched_by = "manual";
  auto c = classifier.classify(r.subject + "\n" + r.text, r.received);
  read_and_apply(ctx, classifier, options, r, c);
  ctx.store.inbox().update(r);
  record(ctx, "reply.assign", r, {{"note", r.note}});
  tx->commit();
  return "reply #" + std::to_string(id) + " assigned to " + customer + ": " + r.status +
         (r.note.empty() ? "" : " — " + r.note);
}

Result<std::string> review_reply(app::CommandContext& ctx, int64_t id, const std::string& reason_code,
                                 const std::string& promise, const std::string& corrections_file) {
  auto reason = parse_reason(reason_code);
  if (!reason) return Error{"'" + reason_code + "' is not a reason (allowed: " + allowed_reasons() + ")"};
  std::optional<CivilDate> date;
  if (!promise.empty()) {
    auto d = CivilDate::parse(promise);
    if (!d) return Error{"--promise " + promise + ": expected a date YYYY-MM-DD"};
    date = d.value();
  }
  auto tx = ctx.store.begin();
  auto found = ctx.store.inbox().find(id);
  if (!found) return Error{"no reply #" + std::to_string(id)};
  Reply r = *found;
  if (r.customer_id.empty()) {
    return Error{"reply #" + std::to_string(id) + " is unmatched: assign it first ('overdue replies assign " +
                 std::to_string(id) + " CUSTOMER')"};
  }
  if (r.status == "applied" || r.status == "reviewed") {
    return Error{"reply #" + std::to_string(id) + " was already " + r.status + "; record a new reason with 'overdue reason'"};
  }
  if (date && *date < r.received) return Error{"--promise " + promise + " is before the reply was received (" + r.received.iso() + ")"};
  auto cls = nlohmann::json::parse(r.classification, nullptr, false);
  std::vector<std::string> invoices;
  if (cls.is_object() && cls.contains("invoices")) {
    for (const auto& i : cls["invoices"]) invoices.push_back(i.get<std::string>());
  }
  for (const auto& word : document_words(r.subject + "\n" + r.text)) invoices.push_back(word);
  r.note = apply(ctx, r, *reason, date, std::nullopt, invoices, "reviewed by " + ctx.actor);
  r.status = "reviewed";
  ctx.store.inbox().update(r);
  record(ctx, "reply.review", r, {{"reason", to_string(*reason)}, {"promise", promise}});
  // The correction goes to the local corpus, in the corpus format, for `model retrain`.
  if (!corrections_file.empty()) {
    bool fresh = !fs::exists(corrections_file);
    std::ofstream out(corrections_file, std::ios::app | std::ios::binary);
    if (fresh) out << "id\treceived\ttext\treason\tpromise_date\tlang\twriter\tpersona\n";
    std::string text = r.subject + "\n" + r.text;
    std::string flat;
    for (char ch : text) {
      if (ch == '\n') flat += "\\n";
      else if (ch == '\t') flat += ' ';
      else if (ch != '\r') flat += ch;
    }
    out << "local-" << r.id << "\t" << r.received.iso() << "\t" << flat << "\t" << to_string(*reason)
        << "\t" << promise << "\t\tlocal\treviewed replies\n";
  }
  tx->commit();
  return "reply #" + std::to_string(id) + " reviewed: " + r.note;
}

Result<std::string> accept_contact(app::CommandContext& ctx, int64_t id) {
  auto tx = ctx.store.begin();
  auto found = ctx.store.inbox().find(id);
  if (!found) return Error{"no reply #" + std::to_string(id)};
  Reply r = *found;
  auto cls = nlohmann::json::parse(r.classification, nullptr, false);
  std::string email, name;
  if (cls.is_object() && cls.contains("redirect") && cls["redirect"].is_object()) {
    email = lower(cls["redirect"].value("email", ""));
    name = cls["redirect"].value("name", "");
  }
  if (r.customer_id.empty() || email.empty()) {
    return Error{"reply #" + std::to_string(id) + " names no one to write to (no redirect e-mail found); add the "
                 "contact by hand with 'overdue contact add'"};
  }
  ContactRole role = ContactRole::kBuyer;
  if (auto sender = ctx.store.find_contact(r.customer_id, r.from_addr)) role = sender->role;
  if (ctx.store.find_contact(r.customer_id, email)) {
    return Error{email + " is already a contact of " + r.customer_id};
  }
  Contact c{r.customer_id, name, email, role, ""};
  ctx.store.put_contact(c);
  record(ctx, "reply.accept_contact", r, {{"email", email}, {"name", name}, {"role", to_string(role)}});
  tx->commit();
  return "contact " + email + (name.empty() ? "" : " (" + name + ")") + " added to " + r.customer_id +
         " as " + std::string(to_string(role)) + ", from reply #" + std::to_string(id);
}

}  // namespace overdue::mail
