#include "mail/outbox.h"

#include <algorithm>
#include <map>
#include <random>

#include <nlohmann/json.hpp>

#include "app/plan_loader.h"
#include "engine/recipients.h"
#include "engine/statement.h"
#include "mail/letter.h"
#include "report/statement_report.h"

namespace overdue::mail {
namespace {

using store::Letter;
using store::LetterState;

bool writes_letter(Action a) { return is_letter(a) || a == Action::kFollowUpCall; }

// A Message-ID that no other letter, book or sender shares: the customer and date make it
// readable, eight random bytes make it unique.
std::string new_message_id(const std::string& customer_id, const CivilDate& as_of,
                           const std::string& domain) {
  std::string safe;
  for (char c : customer_id) {
    safe += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ? c : '_';
  }
  static std::random_device rd;  // opened once: opening it was 5 % of drafting
  static const char* kHex = "0123456789abcdef";
  std::string nonce;
  for (int i = 0; i < 4; ++i) {
    unsigned v = rd();
    for (int k = 0; k < 4; ++k) nonce += kHex[(v >> (k * 4)) & 0xF];
  }
  std::string date = as_of.iso();
  date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
  return "overdue." + safe + "." + date + "." + nonce + "@" + domain;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Contacts in the order of `addresses`, as mailboxes with their names.
std::vector<Contact> contacts_for(const std::vector<Contact>& all, const std::vector<std::string>& addresses) {
  std::vector<Contact> out;
  for (const auto& a : addresses) {
    for (const auto& c : all) {
      if (c.email == a) out.push_back(c);
    }
  }
  return out;
}

std::vector<std::string> mailboxes(const std::vector<Contact>& contacts) {
  std::vector<std::string> out;
  for (const auto& c : contacts) out.push_back(mailbox_text(c.name, c.email));
  return out;
}

struct Peer {
  Customer customer;
  engine::Recipients recipients;
  std::string why;
};

class Drafter {
 public:
  Drafter(app::CommandContext& ctx, const Config& config, const TemplateSet& templates)
      : ctx_(ctx), config_(config), templates_(templates) {}

  DraftReport run(const std::string& only_customer) {
    auto entries = app::plan_book(ctx_.store, config_.policy, ctx_.as_of, only_customer, false);
    auto tx = ctx_.store.begin();
    for (const auto& e : entries) {
      if (!writes_letter(e.action)) continue;
      draft_one(e);
    }
    tx->commit();
    return std::move(report_);
  }

 private:
  void draft_one(const engine::PlanEntry& e) {
    const std::string step = std::string(to_string(e.action));
    const std::string head = e.customer_id + " " + step + ": ";
    std::optional<Letter> old_draft;
    for (auto& l : ctx_.store.outbox().pending_of(e.customer_id)) {
      if (l.state != LetterState::kDraft) {
        ++report_.held;
        report_.lines.push_back(head + "not drafted: letter #" + std::to_string(l.id) + " (" +
                                std::string(to_string(l.action)) + ") is " +
                                std::string(to_string(l.state)) + " and waits to be sent");
        return;
      }
      if (l.as_of == ctx_.as_of) {
        ++report_.unchanged;
        report_.lines.push_back(head + "draft #" + std::to_string(l.id) + " of today unchanged");
        return;
      }
      old_draft = l;
    }
    auto customer = ctx_.store.find_customer(e.customer_id);
    if (!customer) return;
    LetterInput in;
    in.action = e.action;
    in.date = ctx_.as_of;
    in.pay_by = e.pay_by;
    in.customer = *customer;
    std::vector<std::string> to = e.to;
    std::vector<std::string> cc = e.cc;
    std::vector<std::string> why = e.why;
    std::vector<Contact> contacts = ctx_.store.contacts(e.customer_id);
    std::string recipient_customer = e.customer_id;
    if (e.action == Action::kPeerInquiry) {
      auto peer = choose_peer(*customer);
      if (!peer) {
        report_.errors.push_back(head + "not drafted: no trusted customer in " + customer->country +
                                 " with a buyer or manager contact to ask; do the step by hand "
                                 "('overdue done " + e.customer_id + " peer_inquiry') or skip it");
        return;
      }
      in.peer = peer->customer;
      to = peer->recipients.to;
      cc = peer->recipients.cc;
      contacts = ctx_.store.contacts(peer->customer.id);
      recipient_customer = peer->customer.id;
      why.push_back(peer->why);
      for (const auto& w : peer->recipients.why) why.push_back(w);
    } else {
      for (const auto& pi : e.invoices) {
        auto inv = ctx_.store.find_invoice(pi.invoice_no);
        if (!inv) continue;
        in.invoices.push_back(LetterInvoice{*inv, pi.open_minor, pi.days_overdue, pi.disputed});
      }
      in.totals = e.open;
      CaseFacts facts = ctx_.store.case_facts(e.customer_id, ctx_.as_of);
      if (!facts.reasons.empty() && facts.reasons.back().source != "manual") {
        in.reply_date = facts.reasons.back().date;
      }
      for (const auto& d : facts.disputes) {
        if (d.open_on(ctx_.as_of)) in.disputes.push_back(d);
      }
      if (e.proposal && e.proposal->kind == engine::Proposal::Kind::kInstalments) {
        in.instalments = e.proposal->schedule;
      }
    }
    if (to.empty()) {
      report_.errors.push_back(head + "not drafted: no contact to write to (add one with "
                                      "'overdue contact add " + recipient_customer + " …')");
      return;
    }
    in.to = contacts_for(contacts, to);
    auto rendered = render_letter(in, config_.company, templates_);
    if (!rendered) {
      report_.errors.push_back(head + "not drafted: " + rendered.error().message);
      return;
    }
    Letter l;
    l.customer_id = e.customer_id;
    l.action = e.action;
    l.as_of = ctx_.as_of;
    l.state = LetterState::kDraft;
    l.language = std::string(to_string(rendered.value().language));
    l.from = config_.company.from;
    l.to = mailboxes(in.to);
    l.cc = mailboxes(contacts_for(contacts, cc));
    l.reply_to = config_.company.reply_to;
    l.subject = rendered.value().subject;
    l.body = rendered.value().body;
    if (e.action != Action::kPeerInquiry) {
      l.attachment_name = "statement-" + e.customer_id + "-" + ctx_.as_of.iso() + ".csv";
      l.attachment = report::render_statement(
          engine::build_statement(*customer, ctx_.store.invoices_of(e.customer_id),
                                  ctx_.store.payments_of(e.customer_id),
                                  ctx_.store.allocations_of_customer(e.customer_id), ctx_.as_of),
          report::Format::kCsv);
    }
    l.message_id = new_message_id(e.customer_id, ctx_.as_of, config_.company.message_id_domain);
    if (e.action != Action::kPeerInquiry) answer_latest_reply(l);
    for (const auto& pi : in.invoices) l.invoices.push_back(pi.invoice.invoice_no);
    l.pay_by = e.pay_by;
    l.why = why;
    l.recipient_customer_id = recipient_customer;
    l.id = ctx_.store.outbox().insert(l);
    std::string line = head + "drafted #" + std::to_string(l.id) + " to " + join(to, ", ");
    if (!cc.empty()) line += " (cc " + join(cc, ", ") + ")";
    line += ": " + l.subject;
    if (old_draft) {
      old_draft->state = LetterState::kReplaced;
      ctx_.store.outbox().update(*old_draft);
      journal_letter(ctx_, "letter.replace", *old_draft,
             {{"by", l.id}, {"drafted_on", old_draft->as_of.iso()}});
      line += " (replaces draft #" + std::to_string(old_draft->id) + " of " + old_draft->as_of.iso() + ")";
      ++report_.replaced;
    }
    journal_letter(ctx_, "letter.draft", l, {{"to", to}, {"cc", cc}, {"subject", l.subject},
                                     {"message_id", l.message_id}});
    ++report_.drafted;
    report_.lines.push_back(line);
  }

  // A letter written after the buyer's mail answers it: In-Reply-To its Message-ID and
  // References its thread, so it lands in the same conversation in the buyer's mail client.
  void answer_latest_reply(Letter& l) {
    std::optional<CivilDate> last_sent;
    for (const auto& sent : ctx_.store.outbox().list(LetterState::kSent, l.customer_id)) {
      if (!last_sent || *sent.sent_on > *last_sent) last_sent = sent.sent_on;
    }
    const store::Reply* latest = nullptr;
    auto replies = ctx_.store.inbox().list("", l.customer_id);
    for (const auto& r : replies) {
      if (r.auto_reply || r.received > ctx_.as_of) continue;
      if (last_sent && r.received < *last_sent) continue;
      if (r.message_id.rfind("no-message-id.", 0) == 0) continue;
      latest = &r;  // oldest first: the last one wins
    }
    if (!latest) return;
    l.in_reply_to = latest->message_id;
    l.references = latest->references.empty() ? latest->message_id
                                              : latest->references + " " + latest->message_id;
    l.why.push_back("answers the buyer's mail of " + latest->received.iso() + " (reply #" +
                    std::to_string(latest->id) + ", Message-ID " + latest->message_id + ")");
  }

  // A trusted customer in the late buyer's country, longest relationship first, that has a
  // contact in the peer_inquiry roles.
  std::optional<Peer> choose_peer(const Customer& late) {
    if (!books_loaded_) {
      books_ = app::load_customer_books(ctx_.store, ctx_.as_of);
      books_loaded_ = true;
    }
    std::vector<const engine::CustomerBook*> candidates;
    for (const auto& b : books_) {
      if (b.customer.id != late.id && b.customer.country == late.country) candidates.push_back(&b);
    }
    std::sort(candidates.begin(), candidates.end(), [](const auto* a, const auto* b) {
      auto since_a = a->customer.since.value_or(CivilDate(9999, 12, 31));
      auto since_b = b->customer.since.value_or(CivilDate(9999, 12, 31));
      if (since_a != since_b) return since_a < since_b;
      return a->customer.id < b->customer.id;
    });
    const auto& step = config_.policy.step(Action::kPeerInquiry);
    for (const auto* b : candidates) {
      auto trust = engine::assess_trust(*b, config_.policy, ctx_.as_of);
      if (!trust.trusted) continue;
      auto r = engine::choose_recipients(b->contacts, step.to, step.cc, {},
                                         ladder_stage(Action::kPeerInquiry), "ladder.peer_inquiry");
      if (r.to.empty()) continue;
      return Peer{b->customer, r,
                  "peer: " + b->customer.id + " (" + b->customer.name + "), trusted customer in " +
                      late.country + ": " + trust.why};
    }
    return std::nullopt;
  }

  app::CommandContext& ctx_;
  const Config& config_;
  const TemplateSet& templates_;
  DraftReport report_;
  bool books_loaded_ = false;
  std::vector<engine::CustomerBook> books_;
};

}  // namespace

DraftReport draft_letters(app::CommandContext& ctx, const Config& config,
                          const TemplateSet& templates, const std::string& only_customer) {
  return Drafter(ctx, config, templates).run(only_customer);
}

std::string letter_message(const Letter& l, int64_t date_unix) {
  if (!l.raw.empty()) return l.raw;
  OutgoingMessage m;
  m.from = l.from;
  m.to = l.to;
  m.cc = l.cc;
  m.reply_to = l.reply_to;
  m.subject = l.subject;
  m.text = l.body;
  m.message_id = l.message_id;
  m.in_reply_to = l.in_reply_to;
  m.references = l.references;
  m.date_unix = date_unix;
  if (!l.attachment.empty()) {
    m.attachments.push_back(Attachment{l.attachment_name, "text/csv", l.attachment});
  }
  return build_message(m);
}

void journal_letter(app::CommandContext& ctx, const std::string& action, const Letter& l,
                    nlohmann::json detail) {
  detail["letter"] = l.id;
  detail["action"] = to_string(l.action);
  detail["state"] = to_string(l.state);
  ctx.store.journal(store::JournalEntry{0, "", ctx.actor, ctx.as_of.iso(), action, l.customer_id,
                                        detail.dump()});
}

Result<Letter> require_letter(store::Store& store, int64_t id) {
  auto l = store.outbox().find(id);
  if (!l) return Error{"no letter #" + std::to_string(id) + " in the outbox"};
  return *l;
}

namespace {

// The letter if it is in one of `states`, else an error: "letter #N is S: <refusal>".
Result<Letter> letter_in(store::Store& store, int64_t id, std::initializer_list<LetterState> states,
                         const std::string& refusal) {
  auto l = require_letter(store, id);
  if (!l) return l.error();
  if (std::find(states.begin(), states.end(), l.value().state) == states.end()) {
    return Error{"letter #" + std::to_string(id) + " is " +
                 std::string(to_string(l.value().state)) + ": " + refusal};
  }
  return l;
}

}  // namespace

Result<std::string> approve_letter(app::CommandContext& ctx, int64_t id) {
  auto tx = ctx.store.begin();
  auto l = letter_in(ctx.store, id, {LetterState::kDraft}, "only a draft can be approved");
  if (!l) return l.error();
  Letter letter = l.value();
  letter.state = LetterState::kApproved;
  ctx.store.outbox().update(letter);
  journal_letter(ctx, "letter.approve", letter, {{"subject", letter.subject}});
  tx->commit();
  return "letter #" + std::to_string(id) + " (" + letter.customer_id + " " +
         std::string(to_string(letter.action)) + ") approved";
}

Result<std::string> cancel_letter(app::CommandContext& ctx, int64_t id) {
  auto tx = ctx.store.begin();
  auto l = letter_in(ctx.store, id, {LetterState::kDraft, LetterState::kApproved, LetterState::kFailed},
                     "only a draft, approved or failed letter can be cancelled");
  if (!l) return l.error();
  Letter letter = l.value();
  std::string before(to_string(letter.state));
  letter.state = LetterState::kCancelled;
  ctx.store.outbox().update(letter);
  journal_letter(ctx, "letter.cancel", letter, {{"was", before}});
  tx->commit();
  return "letter #" + std::to_string(id) + " cancelled (was " + before + ")";
}

Result<std::string> edit_letter(app::CommandContext& ctx, int64_t id, const std::string& body) {
  auto tx = ctx.store.begin();
  auto l = letter_in(ctx.store, id, {LetterState::kDraft},
                     "only a draft can be edited (approved letters are final; cancel it and draft again)");
  if (!l) return l.error();
  Letter letter = l.value();
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error{"the new body is empty: a letter needs text"};
  }
  std::string text = body;
  text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
  if (text.back() != '\n') text += '\n';
  letter.body = text;
  ctx.store.outbox().update(letter);
  journal_letter(ctx, "letter.edit", letter, {{"bytes", text.size()}});
  tx->commit();
  return "letter #" + std::to_string(id) + " body replaced (" + std::to_string(text.size()) +
         " bytes)";
}

Result<std::string> resolve_letter(app::CommandContext& ctx, int64_t id, const std::string& verdict) {
  if (verdict != "sent" && verdict != "retry") {
    return Error{"'" + verdict + "': say 'sent' (it arrived) or 'retry' (send it again)"};
  }
  auto tx = ctx.store.begin();
  auto l = letter_in(ctx.store, id, {LetterState::kUnknown, LetterState::kFailed},
                     "only an unknown or failed letter needs resolving");
  if (!l) return l.error();
  Letter letter = l.value();
  if (verdict == "sent" && letter.state == LetterState::kFailed) {
    return Error{"letter #" + std::to_string(id) + " failed (the server refused it): it was not "
                 "sent; 'retry' sends it again"};
  }
  std::string before(to_string(letter.state));
  if (verdict == "sent") {
    letter.state = LetterState::kSent;
    letter.sent_on = ctx.as_of;
    ctx.store.add_step(letter.customer_id, StepRecord{letter.action, ctx.as_of,
                                                      "letter #" + std::to_string(id)});
  } else {
    letter.state = LetterState::kApproved;
  }
  ctx.store.outbox().update(letter);
  journal_letter(ctx, "letter.resolve", letter, {{"was", before}, {"verdict", verdict}});
  tx->commit();
  return "letter #" + std::to_string(id) + " " + before + " -> " +
         std::string(to_string(letter.state)) +
         (verdict == "sent" ? " (recorded as the step done on " + ctx.as_of.iso() + ")"
                            : " (the next 'overdue send' sends it)");
}

}  // namespace overdue::mail
