#include "app/timeline.h"

#include <algorithm>

namespace overdue::app {
namespace {

int kind_rank(const std::string& kind) {
  static const char* kOrder[] = {"payment", "reply", "reason", "promise", "dispute",
                                 "instalments", "step", "letter"};
  for (int i = 0; i < 8; ++i) {
    if (kind == kOrder[i]) return i;
  }
  return 8;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

std::vector<TimelineItem> customer_timeline(store::Store& store, const std::string& customer_id,
                                            const CivilDate& as_of) {
  std::vector<TimelineItem> items;
  for (const auto& p : store.payments_of(customer_id)) {
    if (p.date > as_of) continue;
    std::string s = std::string(to_string(p.method)) + " " + p.amount.str() + " (" + p.payment_id;
    if (!p.reference.empty()) s += ", ref " + p.reference;
    s += ")";
    if (!p.invoice_no.empty()) s += " for " + p.invoice_no;
    if (p.reversed_on && *p.reversed_on <= as_of) s += "; reversed " + p.reversed_on->iso();
    items.push_back({p.date, "payment", s});
  }
  CaseFacts f = store.case_facts(customer_id, as_of);
  for (const auto& r : f.reasons) {
    std::string s = std::string(to_string(r.reason)) + " (" + r.source + ")";
    if (!r.note.empty()) s += ": " + r.note;
    items.push_back({r.date, "reason", s});
  }
  for (const auto& p : f.promises) {
    std::string s = "to pay " + (p.amount ? p.amount->str() + " " : std::string()) + "by " +
                    p.date.iso() + " (" + p.source + ")";
    if (!p.invoices.empty()) s += " for " + join(p.invoices);
    items.push_back({p.made_on, "promise", s});
  }
  for (const auto& d : f.disputes) {
    items.push_back({d.opened_on, "dispute",
                     "opened on " + d.invoice_no + ": " + std::string(to_string(d.category)) +
                         (d.our_fault ? ", our fault" : "") + (d.note.empty() ? "" : " — " + d.note)});
    if (d.resolved_on && *d.resolved_on <= as_of) {
      items.push_back({*d.resolved_on, "dispute",
                       "resolved on " + d.invoice_no +
                           (d.credit ? " with a credit note of " + d.credit->str() : "")});
    }
  }
  for (const auto& plan : f.instalment_plans) {
    std::string s = std::to_string(plan.schedule.size()) + " instalment(s):";
    for (const auto& i : plan.schedule) s += " " + i.date.iso() + " " + i.amount.str() + ";";
    s.pop_back();
    items.push_back({plan.agreed_on, "instalments", s});
  }
  for (const auto& st : f.steps) {
    if (st.note.rfind("letter #", 0) == 0) continue;  // the letter's own line says it
    items.push_back({st.date, "step", std::string(to_string(st.action)) + " done" +
                                          (st.note.empty() ? "" : ": " + st.note)});
  }
  for (const auto& l : store.outbox().list(std::nullopt, customer_id)) {
    CivilDate date = l.sent_on.value_or(l.as_of);
    if (date > as_of) continue;
    std::string s = "#" + std::to_string(l.id) + " " + std::string(to_string(l.action)) + " " +
                    std::string(to_string(l.state)) + " to " + join(l.to);
    if (!l.cc.empty()) s += " (cc " + join(l.cc) + ")";
    s += ": " + l.subject;
    if (l.state == store::LetterState::kFailed) {
      std::string reply = l.server_reply;
      std::replace(reply.begin(), reply.end(), '\n', ' ');
      s += " — " + reply;
    }
    items.push_back({date, "letter", s});
  }
  for (const auto& r : store.inbox().list("", customer_id)) {
    if (r.received > as_of) continue;
    std::string read_as;
    auto at = r.classification.find("\"reason\":\"");
    if (at != std::string::npos) {
      read_as = r.classification.substr(at + 10, r.classification.find('"', at + 10) - at - 10);
    }
    std::string s = "#" + std::to_string(r.id) + " from " + r.from_addr + ": " + r.subject + " — " +
                    r.status + (read_as.empty() ? "" : " (read as " + read_as + ")");
    if (!r.note.empty()) s += ": " + r.note;
    items.push_back({r.received, "reply", s});
  }
  std::stable_sort(items.begin(), items.end(), [](const TimelineItem& a, const TimelineItem& b) {
    if (a.date != b.date) return a.date < b.date;
    return kind_rank(a.kind) < kind_rank(b.kind);
  });
  return items;
}

}  // namespace overdue::app
