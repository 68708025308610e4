#include "report/plan_report.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "report/text_table.h"

namespace overdue::report {
namespace {

std::string name_of(const std::map<std::string, std::string>& names, const std::string& id) {
  auto it = names.find(id);
  return it == names.end() ? std::string() : it->second;
}

nlohmann::ordered_json entry_json(const engine::PlanEntry& e) {
  nlohmann::ordered_json j;
  j["customer_id"] = e.customer_id;
  j["action"] = to_string(e.action);
  j["stage"] = e.stage;
  j["reason"] = e.reason ? nlohmann::ordered_json(to_string(*e.reason)) : nullptr;
  j["to"] = e.to;
  j["cc"] = e.cc;
  j["due_by"] = e.due_by.iso();
  j["pay_by"] = e.pay_by ? nlohmann::ordered_json(e.pay_by->iso()) : nullptr;
  j["invoices"] = nlohmann::ordered_json::array();
  for (const auto& inv : e.invoices) {
    j["invoices"].push_back({{"invoice_no", inv.invoice_no},
                             {"currency", inv.currency.str()},
                             {"open", format_minor(inv.open_minor, inv.currency)},
                             {"days_overdue", inv.days_overdue},
                             {"disputed", inv.disputed}});
  }
  j["open"] = nlohmann::ordered_json::object();
  for (const auto& [currency, minor] : e.open) j["open"][currency.str()] = format_minor(minor, currency);
  if (e.proposal) {
    nlohmann::ordered_json schedule = nlohmann::ordered_json::array();
    for (const auto& inst : e.proposal->schedule) {
      schedule.push_back({{"date", inst.date.iso()},
                          {"amount", inst.amount.plain()},
                          {"currency", inst.amount.currency().str()}});
    }
    j["proposal"] = {{"kind", e.proposal->kind == engine::Proposal::Kind::kInstalments
                                  ? "instalments"
                                  : "extension"},
                     {"schedule", schedule}};
  } else {
    j["proposal"] = nullptr;
  }
  j["next_review"] = e.next_review.iso();
  j["why"] = e.why;
  return j;
}

std::string open_text(const engine::PlanEntry& e) {
  std::string out;
  for (const auto& [currency, minor] : e.open) {
    out += (out.empty() ? "" : " + ") + Money(currency, minor).str();
  }
  return out.empty() ? "-" : out;
}

std::string recipients_text(const engine::PlanEntry& e) {
  if (e.to.empty()) return "-";
  std::string out = e.to.front();
  size_t more = e.to.size() - 1 + e.cc.size();
  if (more) out += " +" + std::to_string(more);
  return out;
}

const char* colour_of(Action a) {
  int stage = ladder_stage(a);
  if (a == Action::kWait) return "\033[2m";
  if (stage >= 7 || a == Action::kReportToInsurer || a == Action::kInsuranceClaim ||
      a == Action::kFileInsolvencyClaim) {
    return "\033[31m";
  }
  if (stage >= 3) return "\033[33m";
  return "\033[32m";
}

}  // namespace

bool is_task(Action action) {
  switch (action) {
    case Action::kFollowUpCall:
    case Action::kPeerInquiry:
    case Action::kReportToInsurer:
    case Action::kInsuranceClaim:
    case Action::kEmbassyAssist:
    case Action::kCollectionAgency:
    case Action::kLegalAction:
    case Action::kWriteOff:
    case Action::kFileInsolvencyClaim:
    case Action::kReviewReply:
      return true;
    default:
      return false;
  }
}

std::string render_plan(const std::vector<engine::PlanEntry>& entries,
                        const std::map<std::string, std::string>& names, const CivilDate& as_of,
                        Format format, bool colour) {
  if (format == Format::kJson) {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& e : entries) j.push_back(entry_json(e));
    return j.dump(2) + "\n";
  }
  TextTable t;
  t.columns({{"customer", Align::kLeft},
             {"name", Align::kLeft},
             {"action", Align::kLeft},
             {"due by", Align::kLeft},
             {"to", Align::kLeft},
             {"open", Align::kLeft},
             {"why", Align::kLeft}});
  for (const auto& e : entries) {
    std::string action(to_string(e.action));
    if (colour) action = colour_of(e.action) + action + "\033[0m";
    t.row({e.customer_id, fit(name_of(names, e.customer_id), 24), action, e.due_by.iso(),
           recipients_text(e), open_text(e), e.why.empty() ? "" : fit(e.why.front(), 90)});
  }
  size_t with_work = std::count_if(entries.begin(), entries.end(),
                                   [](const engine::PlanEntry& e) { return e.has_work(); });
  std::string out = "Collection plan as of " + as_of.iso() + ": " + std::to_string(with_work) +
                    " customer(s) with something to do";
  if (with_work != entries.size()) {
    out += ", " + std::to_string(entries.size() - with_work) + " waiting";
  }
  out += "\n\n";
  if (entries.empty()) return out + "Nothing to do today.\n";
  return out + t.render();
}

std::string render_tasks(const std::vector<engine::PlanEntry>& entries,
                         const std::map<std::string, std::string>& names, const CivilDate& as_of,
                         Format format) {
  std::vector<const engine::PlanEntry*> tasks;
  for (const auto& e : entries) {
    if (is_task(e.action)) tasks.push_back(&e);
  }
  if (format == Format::kJson) {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto* e : tasks) j.push_back(entry_json(*e));
    return j.dump(2) + "\n";
  }
  std::string out = "Tasks as of " + as_of.iso() + " (calls, reports, claims, hand-overs): " +
                    std::to_string(tasks.size()) + "\n";
  for (const auto* e : tasks) {
    out += "\n[ ] " + e->due_by.iso() + "  " + std::string(to_string(e->action)) + "  " +
           e->customer_id + " " + name_of(names, e->customer_id) + "  (open " + open_text(*e) +
           ")\n";
    if (e->action == Action::kFollowUpCall) {
      out += "    call " + (e->to.empty() ? std::string("the buyer") : e->to.front()) +
             "; the letter goes out with the call\n";
    }
    for (const auto& w : e->why) out += "    - " + w + "\n";
  }
  return out;
}

}  // namespace overdue::report
